"""Synthetic micro-drama episodes with known cut frames, made with NumPy and encoded by ffmpeg.

Shared by the pacing tests and ``benchmarks/bench_pacing.py``. Every picture is textured
(multi-scale noise, sharp-edged objects) and most shots move, because flat colour cards make
every detector look perfect. The plan of an episode is data (``Shot``), so the ground truth —
the first frame of every shot entered by a hard cut or a white flash — falls out of it.
"""

from __future__ import annotations

import subprocess
import wave
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

Motion = Literal["static", "pan", "zoom", "shake"]
Texture = Literal["rain", "confetti", "shimmer"]
Enter = Literal["cut", "dissolve", "flash"]

FPS = 30
JUMP_AT_S = 6.0  # where the loudness-jump test episode plays its +15 LU sting


@dataclass(frozen=True)
class Shot:
    frames: int
    scene: int  # index into the episode's scene canvases
    view: tuple[float, float] = (0.0, 0.0)  # camera start, in halves of the free margin (0–2)
    motion: Motion = "static"
    speed: float = 1.0  # pan px/frame (at 720 px wide) or zoom %/frame
    grain: float = 0.0  # standard deviation of the film grain, in 8-bit levels
    light_end: float = 1.0  # brightness at the end of the shot relative to its start
    texture: Texture | None = None
    enter: Enter = "cut"
    enter_frames: int = 0  # dissolve length, or number of white flash frames
    lightning_at: int = -1  # a one-frame white flash inside the shot (not a cut)


@dataclass(frozen=True)
class Plan:
    width: int
    height: int
    shots: tuple[Shot, ...]
    palettes: tuple[int, ...]  # palette of each scene: equal numbers give similar colours
    seed: int = 0

    def starts(self) -> tuple[int, ...]:
        """Frame at which each shot's own first frame is shown.

        A dissolve of n frames overlaps the incoming shot's first n frames with the outgoing
        shot's last n; a white flash of n frames is inserted before the incoming shot.
        """
        return shot_starts(self.shots)

    @property
    def cut_frames(self) -> tuple[int, ...]:
        """First frame of every shot that starts with a hard cut or a white flash."""
        return tuple(start for start, shot in zip(self.starts(), self.shots, strict=True)
                     if start > 0 and shot.enter in ("cut", "flash"))

    @property
    def dissolves(self) -> tuple[range, ...]:
        """Frames where one shot dissolves into the next (no cut may be reported there)."""
        return tuple(range(start, start + shot.enter_frames)
                     for start, shot in zip(self.starts(), self.shots, strict=True)
                     if start > 0 and shot.enter == "dissolve")

    @property
    def frame_count(self) -> int:
        return self.starts()[-1] + self.shots[-1].frames


_PALETTES = np.array(
    [
        [[40, 60, 90], [170, 150, 120], [230, 210, 180]],  # dusk interior
        [[30, 70, 40], [120, 160, 90], [210, 220, 160]],  # garden
        [[80, 40, 40], [190, 110, 90], [240, 200, 170]],  # warm office
        [[60, 60, 70], [140, 140, 150], [220, 220, 225]],  # grey street
        [[20, 30, 60], [70, 110, 170], [180, 210, 240]],  # night blue
    ],
    dtype=np.float32,
)


def _value_noise(rng: np.random.Generator, height: int, width: int, cell: int) -> np.ndarray:
    """Smooth noise in [0, 1]: a coarse random grid, bilinearly enlarged."""
    gh, gw = height // cell + 2, width // cell + 2
    grid = rng.random((gh, gw), dtype=np.float32)
    ys = np.arange(height, dtype=np.float32) / cell
    xs = np.arange(width, dtype=np.float32) / cell
    y0, x0 = ys.astype(np.int32), xs.astype(np.int32)
    fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
    top = grid[y0][:, x0] * (1 - fx) + grid[y0][:, x0 + 1] * fx
    bottom = grid[y0 + 1][:, x0] * (1 - fx) + grid[y0 + 1][:, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def make_canvas(rng: np.random.Generator, height: int, width: int, palette: int) -> np.ndarray:
    """A location: palette-coloured multi-scale texture with sharp-edged objects, uint8 RGB."""
    scale = width / 720
    tone = np.zeros((height, width), dtype=np.float32)
    for cell, weight in ((160, 0.5), (48, 0.25), (12, 0.15), (3, 0.10)):
        tone += weight * _value_noise(rng, height, width, max(2, int(cell * scale)))
    colours = _PALETTES[palette % len(_PALETTES)]
    t = np.clip((tone - 0.2) / 0.6, 0, 1)[..., None]
    image = np.where(t < 0.5, colours[0] + (colours[1] - colours[0]) * t * 2,
                     colours[1] + (colours[2] - colours[1]) * (t - 0.5) * 2)
    # Furniture, windows, people: hard edges give block matching something to hold on to.
    yy, xx = np.mgrid[0:height, 0:width]
    for _ in range(14):
        h = int(rng.uniform(0.05, 0.3) * height)
        w = int(rng.uniform(0.05, 0.3) * width)
        y, x = int(rng.integers(0, height - h)), int(rng.integers(0, width - w))
        colour = colours[int(rng.integers(0, 3))] * rng.uniform(0.6, 1.2)
        if rng.random() < 0.5:
            image[y:y + h, x:x + w] = colour
        else:
            mask = ((yy - y - h / 2) / (h / 2)) ** 2 + ((xx - x - w / 2) / (w / 2)) ** 2 <= 1
            image[mask] = colour
    detail = _value_noise(rng, height, width, max(2, int(4 * scale)))[..., None]
    image = image * (0.85 + 0.3 * detail)
    return np.clip(image, 0, 255).astype(np.uint8)


class _Renderer:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rng = np.random.default_rng(plan.seed)
        w, h = plan.width, plan.height
        self.canvases = [
            make_canvas(self.rng, int(h * 1.5), int(w * 1.5), p) for p in plan.palettes
        ]
        self.grain_bank = self.rng.normal(0, 1, (6, h, w, 1)).astype(np.float32)
        self.sparkle = self.rng.random((h, w), dtype=np.float32)

    def shot_frames(self, shot: Shot) -> Iterator[np.ndarray]:
        w, h = self.plan.width, self.plan.height
        canvas = self.canvases[shot.scene]
        ch, cw = canvas.shape[:2]
        margin_x, margin_y = cw - w, ch - h
        x0 = shot.view[0] * margin_x * 0.5
        y0 = shot.view[1] * margin_y * 0.5
        px = shot.speed * w / 720
        rng = self.rng
        for i in range(shot.frames):
            if shot.motion == "zoom":
                # Push in towards the centre of the starting view.
                zoom = (1 + shot.speed / 100) ** i
                vw, vh = w / zoom, h / zoom
                cx, cy = x0 + w / 2, y0 + h / 2
                xs = np.clip((cx - vw / 2 + np.arange(w) * vw / w).astype(np.int32), 0, cw - 1)
                ys = np.clip((cy - vh / 2 + np.arange(h) * vh / h).astype(np.int32), 0, ch - 1)
                frame = canvas[ys[:, None], xs[None, :]].astype(np.float32)
            else:
                x, y = x0, y0
                if shot.motion == "pan":
                    x, y = x0 + px * i, y0 + px * i * 0.3
                elif shot.motion == "shake":
                    x, y = x0 + rng.uniform(-4, 4) * w / 720, y0 + rng.uniform(-4, 4) * w / 720
                xi = int(np.clip(x, 0, margin_x))
                yi = int(np.clip(y, 0, margin_y))
                frame = canvas[yi:yi + h, xi:xi + w].astype(np.float32)
            if shot.light_end != 1.0:
                frame *= 1 + (shot.light_end - 1) * i / max(1, shot.frames - 1)
            if shot.texture is not None:
                self._texture(frame, shot.texture)
            if shot.grain:
                frame += self.grain_bank[int(rng.integers(0, len(self.grain_bank)))] * shot.grain
            if i == shot.lightning_at:
                frame = frame * 0.2 + 210
            yield frame

    def _texture(self, frame: np.ndarray, texture: Texture) -> None:
        w, h = self.plan.width, self.plan.height
        rng = self.rng
        if texture == "rain":
            count = w * h // 900
            length = max(4, h // 60)
            xs = rng.integers(0, w - length // 3, count)
            ys = rng.integers(0, h - length, count)
            for k in range(length):
                frame[ys + k, xs + k // 3] = frame[ys + k, xs + k // 3] * 0.4 + 140
        elif texture == "confetti":
            count = w * h // 600
            size = max(2, w // 150)
            xs = rng.integers(0, w - size, count)
            ys = rng.integers(0, h - size, count)
            colours = rng.uniform(60, 255, (count, 3)).astype(np.float32)
            for dy in range(size):
                for dx in range(size):
                    frame[ys + dy, xs + dx] = colours
        else:  # shimmer: sparkling water over the lower third, new every frame
            top = h * 2 // 3
            shift = (int(rng.integers(-9, 9)), int(rng.integers(-9, 9)))
            self.sparkle = np.roll(self.sparkle, shift, axis=(0, 1))
            flicker = rng.random((h - top, w), dtype=np.float32)
            glitter = (self.sparkle[top:] * 0.5 + flicker * 0.5)[..., None] * 130
            frame[top:] = frame[top:] * 0.5 + glitter

    def frames(self) -> Iterator[np.ndarray]:
        return sequence_shots(self.plan.shots, self.shot_frames, self.plan.height,
                              self.plan.width)


def _to_u8(frame: np.ndarray) -> np.ndarray:
    return np.clip(frame, 0, 255).astype(np.uint8)


def write_wav(path: Path, samples: np.ndarray, rate: int = 48000) -> None:
    """Write float samples in [-1, 1], shaped (n,) or (n, channels), as 16-bit PCM."""
    data = samples if samples.ndim == 2 else samples[:, None]
    pcm = np.clip(np.round(data * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(data.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


def encode(frames: Iterator[np.ndarray], width: int, height: int, path: Path,
           audio: Path | None = None, fps: int = FPS,
           video_options: Sequence[str] = ("-preset", "veryfast", "-crf", "20")) -> Path:
    """Pipe RGB frames into ffmpeg (argument list, no shell) and write H.264 (+ AAC)."""
    command = [
        "ffmpeg", "-v", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps), "-i", "-",
    ]
    if audio is not None:
        command += ["-i", str(audio), "-c:a", "aac", "-b:a", "192k", "-shortest"]
    command += ["-c:v", "libx264", *video_options, "-pix_fmt", "yuv420p", str(path)]
    with subprocess.Popen(command, stdin=subprocess.PIPE) as process:
        assert process.stdin is not None
        for frame in frames:
            process.stdin.write(frame.tobytes())
        process.stdin.close()
        if process.wait() != 0:
            raise RuntimeError(f"ffmpeg failed writing {path}")
    return path


def render(plan: Plan, path: Path, audio: Path | None = None) -> Path:
    return encode(_Renderer(plan).frames(), plan.width, plan.height, path, audio)


def micro_drama_plan(width: int, height: int, seed: int, seconds: float = 20.0) -> Plan:
    """A random plan in the style of a micro-drama.

    Bursts of 8–15 frame shots, shot/reverse-shot on the same location (similar colours),
    pans, zooms, grain, lighting ramps, rain/confetti/sparkle textures, dissolves and white
    flash cuts.
    """
    rng = np.random.default_rng(seed)
    scenes = 6
    palettes = tuple(int(p) for p in rng.integers(0, len(_PALETTES), scenes // 2)) * 2
    shots: list[Shot] = []
    total = 0
    target = int(seconds * FPS)
    previous_scene = -1
    previous_view = (0.0, 0.0)
    while total < target:
        burst = rng.random() < 0.25
        for _ in range(int(rng.integers(3, 7)) if burst else 1):
            frames = int(rng.integers(8, 16)) if burst else int(rng.integers(25, 110))
            scene = int(rng.integers(0, scenes))
            view = (float(rng.uniform(0, 2)), float(rng.uniform(0, 2)))
            if scene == previous_scene:  # reverse shot of the same place: another framing
                view = ((previous_view[0] + 1.0) % 2.0, (previous_view[1] + 1.0) % 2.0)
            motion: Motion = ("static", "pan", "zoom", "shake")[int(rng.integers(0, 4))]
            speed = float(rng.uniform(2, 9)) if motion == "pan" else float(rng.uniform(0.3, 1.2))
            roll = rng.random()
            enter: Enter = "cut"
            enter_frames = 0
            if shots and not burst and roll < 0.12 and frames > 40 and shots[-1].frames > 40:
                enter, enter_frames = "dissolve", int(rng.integers(8, 20))
            elif shots and roll > 0.90:
                enter, enter_frames = "flash", int(rng.integers(1, 4))
            texture: Texture | None = None
            if rng.random() < 0.3:
                texture = ("rain", "confetti", "shimmer")[int(rng.integers(0, 3))]
            shots.append(Shot(
                frames=frames, scene=scene, view=view, motion=motion, speed=speed,
                grain=float(rng.choice([0.0, 4.0, 9.0])),
                light_end=float(rng.choice([1.0, 1.0, 0.55, 1.5])) if frames > 40 else 1.0,
                texture=texture, enter=enter, enter_frames=enter_frames,
            ))
            previous_scene, previous_view = scene, view
            total += frames + (enter_frames if enter == "flash" else 0)
    return Plan(width, height, tuple(shots), palettes, seed)


class _Entering(Protocol):
    frames: int
    enter: str
    enter_frames: int


def sequence_shots(shots: Sequence[_Entering],
                   shot_frames: Callable[[Any], Iterator[np.ndarray]],
                   height: int, width: int) -> Iterator[np.ndarray]:
    """The episode's frames, shot after shot, as ``shot_starts`` places them: a dissolve
    blends the outgoing shot's last frames (kept back, not shown) into the incoming shot's
    first; a white flash of n frames comes before the incoming shot."""
    tail: list[np.ndarray] = []
    white = np.full((height, width, 3), 250, np.uint8)
    for index, shot in enumerate(shots):
        own = shot_frames(shot)
        if shot.enter == "dissolve":
            for k, old in enumerate(tail):
                alpha = (k + 1) / (len(tail) + 1)
                yield _to_u8(old * (1 - alpha) + next(own) * alpha)
        elif shot.enter == "flash":
            for _ in range(shot.enter_frames):
                yield white
        following = shots[index + 1] if index + 1 < len(shots) else None
        hold = following.enter_frames if following and following.enter == "dissolve" else 0
        if hold:
            rest = list(own)
            tail = rest[-hold:]
            own = iter(rest[:-hold])
        else:
            tail = []
        for frame in own:
            yield _to_u8(frame)


def shot_starts(shots: Sequence[_Entering]) -> tuple[int, ...]:
    """Frame at which each shot's own first frame is shown: a dissolve of n frames overlaps
    the incoming shot's first n frames with the outgoing shot's last n; a white flash of n
    frames is inserted before the incoming shot."""
    positions = [0]
    for previous, shot in pairwise(shots):
        step = previous.frames
        if shot.enter == "dissolve":
            step -= shot.enter_frames
        elif shot.enter == "flash":
            step += shot.enter_frames
        positions.append(positions[-1] + step)
    return tuple(positions)
