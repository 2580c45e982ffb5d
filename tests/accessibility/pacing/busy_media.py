"""Hard synthetic episodes for cut detection: busy moving sources, every cut labelled by kind.

``pacing_media`` makes micro-drama episodes from still, textured locations; a detector tuned on
them can still miss cuts next to shots whose *every* frame changes. These episodes are built
from moving sources instead (rain, animated noise, crowds, a cellular automaton, fireworks;
the held-back family: snow, water caustics, flickering bokeh, a cyclic automaton, falling
leaves, TV static), seen through a camera that pans, zooms and shakes, with grain, hue drift
and lighting ramps inside shots. Cuts of every difficult kind are planned on purpose:
busy-to-busy, into and out of busy shots, very short shots beside busy ones, cuts where only
the hue or only the framing changes, and 闪白 white-flash cuts; dissolves and lightning inside
a shot are planned as things that must *not* be reported.

Two families that share no source generator and no seeds:

- ``family="tuning"``: seeds below 9000, the sources the detector was developed on;
- ``family="held_back"``: seeds from 9000, other generators and wider parameter ranges,
  never used to choose a threshold (only to report).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from tests.accessibility.pacing.pacing_media import FPS, make_canvas, shot_starts

Family = Literal["tuning", "held_back"]
Enter = Literal["cut", "dissolve", "flash"]

TUNING_SOURCES = ("still", "rain", "noise", "crowd", "life", "fireworks")
HELD_BACK_SOURCES = ("still", "snow", "water", "bokeh", "cyclic", "leaves", "static")
CALM_SOURCES = ("still",)
HELD_BACK_SEED = 9000

# Kinds of true cut, in the order they are assigned (first that applies).
CUT_KINDS = ("hue_only", "framing_only", "short_by_busy", "busy_to_busy", "busy_edge",
             "white_flash", "calm")
# Kinds of stretch where a detection is a false cut.
CALM_KINDS = ("dissolve", "lightning", "busy", "pan", "zoom", "handheld", "ramp", "hue_drift",
              "grain", "still")


@dataclass(frozen=True)
class Camera:
    zoom: float = 1.25  # ≥ 1: the crop of the source that fills the picture
    centre: tuple[float, float] = (0.5, 0.5)  # of the crop, as a fraction of the source
    pan: tuple[float, float] = (0.0, 0.0)  # centre movement per frame, fraction of the source
    zoom_rate: float = 0.0  # relative zoom change per frame
    shake: float = 0.0  # hand-held jitter, fraction of the source per frame (random walk)


@dataclass(frozen=True)
class BusyShot:
    frames: int
    scene: int  # index into the plan's scenes; equal scene = same place, same moving source
    camera: Camera = field(default_factory=Camera)
    grain: float = 0.0  # film grain standard deviation, 8-bit levels, new every frame
    light: tuple[float, float] = (1.0, 1.0)  # brightness at the first and last frame
    hue: tuple[float, float] = (0.0, 0.0)  # hue rotation in degrees at the first and last frame
    enter: Enter = "cut"
    enter_frames: int = 0  # dissolve length or white-flash frames
    lightning_at: int = -1  # one white frame inside the shot (no cut)


@dataclass(frozen=True)
class BusyPlan:
    width: int
    height: int
    seed: int
    family: Family
    scenes: tuple[tuple[str, int], ...]  # (source name, palette) of each scene
    shots: tuple[BusyShot, ...]

    def starts(self) -> tuple[int, ...]:
        return shot_starts(self.shots)

    @property
    def frame_count(self) -> int:
        return self.starts()[-1] + self.shots[-1].frames

    @property
    def cut_frames(self) -> tuple[int, ...]:
        return tuple(frame for frame, _kind in self.labelled_cuts())

    def busy(self, shot: BusyShot) -> bool:
        return self.scenes[shot.scene][0] not in CALM_SOURCES

    def labelled_cuts(self) -> tuple[tuple[int, str], ...]:
        """First frame of every shot entered by a hard cut or a white flash, with its kind."""
        out = []
        shots = self.shots
        for index, (start, shot) in enumerate(zip(self.starts(), shots, strict=True)):
            if index == 0 or shot.enter == "dissolve":
                continue
            before = shots[index - 1]
            after_next = shots[index + 1] if index + 1 < len(shots) else None
            if shot.enter == "flash":
                kind = "white_flash"
            elif before.scene == shot.scene and before.camera == shot.camera:
                kind = "hue_only"
            elif before.scene == shot.scene:
                kind = "framing_only"
            elif (min(before.frames, shot.frames) <= 12
                  and (self.busy(before) or self.busy(shot)
                       or (after_next is not None and self.busy(after_next)))):
                kind = "short_by_busy"
            elif self.busy(before) and self.busy(shot):
                kind = "busy_to_busy"
            elif self.busy(before) or self.busy(shot):
                kind = "busy_edge"
            else:
                kind = "calm"
            out.append((start, kind))
        return tuple(out)

    def frame_kinds(self) -> tuple[str, ...]:
        """What each frame shows, for naming a false cut found there (see ``CALM_KINDS``)."""
        kinds = ["still"] * self.frame_count
        for start, shot in zip(self.starts(), self.shots, strict=True):
            kind = _shot_kind(self, shot)
            for k in range(start, min(start + shot.frames, self.frame_count)):
                kinds[k] = kind
            if shot.enter == "dissolve":
                for k in range(start - 1, start + shot.enter_frames + 1):
                    kinds[k] = "dissolve"
            if shot.lightning_at >= 0:
                for k in range(start + shot.lightning_at - 1, start + shot.lightning_at + 3):
                    if 0 <= k < self.frame_count:
                        kinds[k] = "lightning"
        return tuple(kinds)


def _shot_kind(plan: BusyPlan, shot: BusyShot) -> str:
    camera = shot.camera
    if plan.busy(shot):
        return "busy"
    if camera.shake > 0:
        return "handheld"
    if camera.zoom_rate:
        return "zoom"
    if camera.pan != (0.0, 0.0):
        return "pan"
    if shot.light[0] != shot.light[1]:
        return "ramp"
    if shot.hue[0] != shot.hue[1]:
        return "hue_drift"
    if shot.grain:
        return "grain"
    return "still"


# --- planning ---------------------------------------------------------------------------------


def busy_plan(width: int, height: int, seed: int, seconds: float,
              family: Family | None = None) -> BusyPlan:
    """A random episode of busy and calm shots; ``family`` follows from the seed by default."""
    family = family or ("held_back" if seed >= HELD_BACK_SEED else "tuning")
    held = family == "held_back"
    rng = np.random.default_rng(seed)
    names = HELD_BACK_SOURCES if held else TUNING_SOURCES
    scene_count = 9 if held else 7
    scenes = [(names[0], int(rng.integers(0, 5)))]
    scenes += [(str(rng.choice(names)), int(rng.integers(0, 5))) for _ in range(scene_count - 1)]
    scenes[1] = (names[1 + int(rng.integers(0, len(names) - 1))], scenes[1][1])
    shots: list[BusyShot] = []
    total = 0
    target = int(seconds * FPS)
    max_shake = 0.02 if held else 0.012
    max_pan = 0.012 if held else 0.008
    while total < target:
        previous = shots[-1] if shots else None
        roll = rng.random()
        if previous is not None and roll < 0.12:
            # Same place, same camera, another grade: only the hue changes.
            jump = float(rng.uniform(70, 180)) * float(rng.choice([-1, 1]))
            base = previous.hue[1]
            shot = BusyShot(frames=_shot_length(rng, held), scene=previous.scene,
                            camera=previous.camera, grain=previous.grain,
                            hue=(base + jump, base + jump))
        elif previous is not None and roll < 0.24:
            # Same place, another framing: a close-up or a different corner of it.
            camera = Camera(zoom=float(rng.uniform(1.25, 2.6)),
                            centre=(float(rng.uniform(0.3, 0.7)), float(rng.uniform(0.3, 0.7))))
            if abs(camera.zoom - previous.camera.zoom) < 0.4:
                camera = Camera(zoom=previous.camera.zoom + 0.6, centre=camera.centre)
            shot = BusyShot(frames=_shot_length(rng, held), scene=previous.scene,
                            camera=camera, hue=(previous.hue[1], previous.hue[1]))
        else:
            scene = int(rng.integers(0, len(scenes)))
            if previous is not None and scene == previous.scene:
                scene = (scene + 1 + int(rng.integers(0, len(scenes) - 1))) % len(scenes)
            motion = rng.choice(["static", "pan", "zoom", "shake", "static"])
            camera = Camera(
                zoom=float(rng.uniform(1.2, 1.6)),
                centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
                pan=((float(rng.uniform(-max_pan, max_pan)), float(rng.uniform(-max_pan, max_pan)))
                     if motion == "pan" else (0.0, 0.0)),
                zoom_rate=float(rng.uniform(-0.012, 0.02)) if motion == "zoom" else 0.0,
                shake=float(rng.uniform(0.004, max_shake)) if motion == "shake" else 0.0,
            )
            frames = _shot_length(rng, held)
            light = (1.0, 1.0)
            if frames > 30 and rng.random() < 0.3:
                light = (1.0, float(rng.uniform(0.4, 1.8) if held else rng.uniform(0.5, 1.6)))
            hue0 = float(rng.uniform(0, 40))
            hue = (hue0, hue0)
            if frames > 30 and rng.random() < 0.3:
                hue = (hue0, hue0 + float(rng.uniform(-90, 90) if held else rng.uniform(-60, 60)))
            grain = float(rng.choice([0.0, 0.0, 4.0, 8.0, 14.0 if held else 11.0]))
            enter: Enter = "cut"
            enter_frames = 0
            enter_roll = rng.random()
            if previous is not None and enter_roll < 0.12 and frames > 30 and previous.frames > 30:
                enter, enter_frames = "dissolve", int(rng.integers(8, 20))
            elif previous is not None and enter_roll > 0.9:
                enter, enter_frames = "flash", int(rng.integers(1, 4))
            lightning = -1
            if frames > 30 and rng.random() < 0.08:
                lightning = int(rng.integers(8, frames - 8))
            shot = BusyShot(frames=frames, scene=scene, camera=camera, grain=grain, light=light,
                            hue=hue, enter=enter, enter_frames=enter_frames,
                            lightning_at=lightning)
        shots.append(shot)
        total += shot.frames + (shot.enter_frames if shot.enter == "flash" else 0)
    return BusyPlan(width, height, seed, family, tuple(scenes), tuple(shots))


def _shot_length(rng: np.random.Generator, held: bool) -> int:
    # 0.25–4 s; micro-drama montages favour the short end.
    if rng.random() < (0.35 if held else 0.3):
        return int(rng.integers(8, 16))
    low, high = (np.log(8), np.log(120))
    return int(np.exp(rng.uniform(low, high)))


# --- sources ----------------------------------------------------------------------------------


class _Source:
    """A moving picture of the full frame size, float32 RGB 0–255."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        self.rng = rng
        self.h, self.w = height, width
        self.palette = palette
        self.scale = width / 720

    def frame(self) -> np.ndarray:
        raise NotImplementedError


class _Still(_Source):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas = make_canvas(rng, height, width, palette).astype(np.float32)

    def frame(self) -> np.ndarray:
        return self.canvas.copy()


class _Rain(_Still):
    def frame(self) -> np.ndarray:
        out = self.canvas * 0.7
        count = self.w * self.h // 500
        length = max(4, self.h // 40)
        xs = self.rng.integers(0, self.w - length // 3, count)
        ys = self.rng.integers(0, self.h - length, count)
        for k in range(length):
            out[ys + k, xs + k // 3] = out[ys + k, xs + k // 3] * 0.3 + 170
        return out


class _Noise(_Still):
    """Animated coloured block noise over a location: every pixel changes every frame.

    Noise with nothing behind it is left out on purpose: re-framing a structureless field
    changes nothing a viewer (or a detector) can see.
    """

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.tint = rng.uniform(0.4, 1.0, 3).astype(np.float32) * 255
        self.cell = max(1, int(rng.integers(3, 10) * self.scale))
        self.mix = float(rng.uniform(0.4, 0.65))

    def frame(self) -> np.ndarray:
        c = self.cell
        small = self.rng.random((self.h // c + 1, self.w // c + 1), dtype=np.float32)
        big = np.repeat(np.repeat(small, c, 0), c, 1)[: self.h, : self.w]
        fine = self.rng.random((self.h, self.w), dtype=np.float32)
        value = (0.7 * big + 0.3 * fine)[..., None] * self.tint
        return self.canvas * (1 - self.mix) + value * self.mix


class _Crowd(_Still):
    """People-sized blobs walking every which way in front of a location."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 70
        self.pos = rng.uniform(0, 1, (n, 2)) * (height, width)
        self.vel = rng.normal(0, 6 * self.scale, (n, 2))
        self.size = (rng.uniform(0.06, 0.16, n) * height, rng.uniform(0.04, 0.09, n) * width)
        self.colour = rng.uniform(20, 240, (n, 3)).astype(np.float32)

    def frame(self) -> np.ndarray:
        out = self.canvas.copy()
        self.vel += self.rng.normal(0, 1.5 * self.scale, self.vel.shape)
        self.pos = (self.pos + self.vel) % (self.h, self.w)
        for (y, x), hh, ww, colour in zip(self.pos, *self.size, self.colour, strict=True):
            y0, x0 = int(y), int(x)
            out[y0:y0 + int(hh), x0:x0 + int(ww)] = colour
        return out


class _Life(_Source):
    """Conway's game of life, kept busy by a few random births every step."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.cell = max(2, int(rng.integers(5, 10) * self.scale))
        self.grid = rng.random((height // self.cell + 1, width // self.cell + 1)) < 0.35
        self.colours = rng.uniform(0, 255, (2, 3)).astype(np.float32)

    def frame(self) -> np.ndarray:
        g = self.grid
        n = sum(np.roll(np.roll(g, dy, 0), dx, 1).astype(np.uint8)
                for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
        g = (n == 3) | (g & (n == 2))
        g |= self.rng.random(g.shape) < 0.02
        self.grid = g
        c = self.cell
        big = np.repeat(np.repeat(g, c, 0), c, 1)[: self.h, : self.w]
        return np.where(big[..., None], self.colours[0], self.colours[1])


class _Fireworks(_Source):
    """Bursts of sparks on a night sky, new bursts every few frames."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        ramp = np.linspace(5, 45, height, dtype=np.float32)[:, None, None]
        self.sky = np.broadcast_to(ramp * np.array([0.4, 0.5, 1.0], np.float32),
                                   (height, width, 3)).copy()
        self.glow = np.zeros((height, width, 3), np.float32)
        self.sparks = np.zeros((0, 7), np.float32)  # y, x, vy, vx, r, g, b
        for _ in range(4):
            self._burst()

    def _burst(self) -> None:
        n = 260
        y = self.rng.uniform(0.1, 0.7) * self.h
        x = self.rng.uniform(0.1, 0.9) * self.w
        angle = self.rng.uniform(0, 2 * np.pi, n)
        speed = self.rng.uniform(2, 14, n) * self.scale
        colour = self.rng.uniform(120, 255, 3)
        new = np.column_stack([np.full(n, y), np.full(n, x), speed * np.sin(angle),
                               speed * np.cos(angle), np.tile(colour, (n, 1))])
        self.sparks = np.vstack([self.sparks, new.astype(np.float32)])[-2000:]

    def frame(self) -> np.ndarray:
        if self.rng.random() < 0.3:
            self._burst()
        s = self.sparks
        s[:, 0] += s[:, 2]
        s[:, 1] += s[:, 3]
        s[:, 2] += 0.3 * self.scale
        s[:, 2:4] *= 0.96
        inside = (s[:, 0] >= 0) & (s[:, 0] < self.h - 3) & (s[:, 1] >= 0) & (s[:, 1] < self.w - 3)
        self.sparks = s = s[inside]
        self.glow *= 0.7
        ys, xs = s[:, 0].astype(np.int32), s[:, 1].astype(np.int32)
        flicker = self.rng.uniform(0.4, 1.0, len(s))[:, None]
        for dy in range(3):
            for dx in range(3):
                self.glow[ys + dy, xs + dx] = s[:, 4:7] * flicker
        return self.sky + self.glow


# Held-back family: other generators, never looked at while choosing thresholds.


class _Snow(_Still):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 900
        self.flakes = rng.uniform(0, 1, (n, 2)) * (height, width)
        self.speed = rng.uniform(3, 16, n) * self.scale
        self.size = rng.integers(2, 8, n)

    def frame(self) -> np.ndarray:
        out = self.canvas * 0.8
        wind = self.rng.normal(0, 4 * self.scale)
        self.flakes[:, 0] = (self.flakes[:, 0] + self.speed) % (self.h - 8)
        self.flakes[:, 1] = (self.flakes[:, 1] + wind + self.rng.normal(0, 2, len(self.speed))) \
            % (self.w - 8)
        ys, xs = self.flakes[:, 0].astype(np.int32), self.flakes[:, 1].astype(np.int32)
        for size in range(2, 8):
            pick = self.size >= size
            out[ys[pick] + size - 2, xs[pick]] = 235
            out[ys[pick], xs[pick] + size - 2] = 235
        return out


class _Water(_Source):
    """Caustics: moving interference of sine waves, every pixel changing every frame."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.yy, self.xx = np.mgrid[0:height, 0:width].astype(np.float32)
        self.waves = [(rng.uniform(0.01, 0.06) / self.scale, rng.uniform(0, 2 * np.pi),
                       rng.uniform(0.4, 1.2)) for _ in range(4)]
        self.t = 0.0
        self.deep = rng.uniform(10, 90, 3).astype(np.float32)
        self.light = rng.uniform(150, 255, 3).astype(np.float32)

    def frame(self) -> np.ndarray:
        self.t += 1
        v = np.zeros((self.h, self.w), np.float32)
        for k, a, s in self.waves:
            v += np.sin(k * (self.xx * np.cos(a) + self.yy * np.sin(a)) + s * self.t)
        level = np.abs(v) / 4
        return self.deep + (self.light - self.deep) * (1 - level)[..., None] ** 3


class _Bokeh(_Source):
    """A night street out of focus: many soft lights flickering on and off."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 120
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 60, width - 60)
        self.r = rng.integers(8, 30, n) * self.scale
        self.colour = rng.uniform(60, 255, (n, 3)).astype(np.float32)
        self.on = rng.random(n) < 0.5
        self.base = np.full((height, width, 3), 18, np.float32)

    def frame(self) -> np.ndarray:
        out = self.base.copy()
        self.on ^= self.rng.random(len(self.on)) < 0.25
        self.pos += self.rng.normal(0, 2, self.pos.shape)
        self.pos %= (self.h - 62, self.w - 62)
        for (y, x), radius, colour, on in zip(self.pos, self.r, self.colour, self.on,
                                              strict=True):
            if on:
                r = int(max(2, radius))
                out[int(y):int(y) + r, int(x):int(x) + r] = colour
        return out


class _Cyclic(_Source):
    """A cyclic cellular automaton: colour waves spiralling across the picture."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.states = 8
        self.cell = max(2, int(rng.integers(4, 9) * self.scale))
        self.grid = rng.integers(0, self.states, (height // self.cell + 1, width // self.cell + 1))
        hues = rng.uniform(0, 2 * np.pi) + np.arange(self.states) * 2 * np.pi / self.states
        self.colours = (127 + 110 * np.stack([np.cos(hues), np.cos(hues + 2.1),
                                              np.cos(hues + 4.2)], 1)).astype(np.float32)

    def frame(self) -> np.ndarray:
        g = self.grid
        nxt = (g + 1) % self.states
        eaten = np.zeros(g.shape, bool)
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            eaten |= np.roll(np.roll(g, dy, 0), dx, 1) == nxt
        self.grid = np.where(eaten, nxt, g)
        c = self.cell
        big = np.repeat(np.repeat(self.grid, c, 0), c, 1)[: self.h, : self.w]
        return self.colours[big]


class _Leaves(_Still):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 160
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 40, width - 40)
        self.colour = rng.uniform([120, 40, 0], [255, 200, 60], (n, 3)).astype(np.float32)
        self.size = rng.integers(6, 26, n)

    def frame(self) -> np.ndarray:
        out = self.canvas.copy()
        self.pos[:, 0] += self.rng.uniform(4, 14, len(self.pos)) * self.scale
        self.pos[:, 1] += self.rng.normal(0, 8, len(self.pos)) * self.scale
        self.pos %= (self.h - 40, self.w - 40)
        turn = self.rng.random(len(self.pos))
        for (y, x), colour, size, t in zip(self.pos, self.colour, self.size, turn, strict=True):
            a, b = (int(size), max(2, int(size * t))) if t < 0.5 else (max(2, int(size * t)),
                                                                         int(size))
            out[int(y):int(y) + a, int(x):int(x) + b] = colour
        return out


class _Static(_Source):
    """Television snow with rolling bands over a faint picture."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas = make_canvas(rng, height, width, palette).astype(np.float32)
        self.phase = 0.0

    def frame(self) -> np.ndarray:
        self.phase += self.rng.uniform(5, 25)
        noise = self.rng.random((self.h, self.w), dtype=np.float32)[..., None] * 255
        band = (np.sin((np.arange(self.h) + self.phase) / (25 * self.scale)) * 30)
        return self.canvas * 0.35 + noise * 0.55 + band[:, None, None].astype(np.float32)


_SOURCES: dict[str, type[_Source]] = {
    "still": _Still, "rain": _Rain, "noise": _Noise, "crowd": _Crowd, "life": _Life,
    "fireworks": _Fireworks, "snow": _Snow, "water": _Water, "bokeh": _Bokeh,
    "cyclic": _Cyclic, "leaves": _Leaves, "static": _Static,
}


# --- rendering --------------------------------------------------------------------------------


def _hue_matrix(degrees: float) -> np.ndarray:
    """Rotation of RGB about the grey axis: hue turns, brightness stays about the same."""
    a = np.radians(degrees)
    c, s = np.cos(a), np.sin(a)
    k = 1 / 3
    r = np.sqrt(k)
    return np.array([
        [c + (1 - c) * k, k * (1 - c) - r * s, k * (1 - c) + r * s],
        [k * (1 - c) + r * s, c + k * (1 - c), k * (1 - c) - r * s],
        [k * (1 - c) - r * s, k * (1 - c) + r * s, c + k * (1 - c)],
    ], np.float32).T


class BusyRenderer:
    def __init__(self, plan: BusyPlan) -> None:
        self.plan = plan
        self.rng = np.random.default_rng(plan.seed + 1)
        self._sources: dict[int, _Source] = {}
        self.grain = self.rng.normal(0, 1, (5, plan.height, plan.width, 1)).astype(np.float32)

    def _source(self, scene: int) -> _Source:
        if scene not in self._sources:
            name, palette = self.plan.scenes[scene]
            rng = np.random.default_rng(self.plan.seed * 100 + scene)
            self._sources[scene] = _SOURCES[name](rng, self.plan.height, self.plan.width, palette)
        return self._sources[scene]

    def shot_frames(self, shot: BusyShot) -> Iterator[np.ndarray]:
        h, w = self.plan.height, self.plan.width
        source = self._source(shot.scene)
        cam = shot.camera
        cy, cx = cam.centre[1], cam.centre[0]
        jitter_y = jitter_x = 0.0
        for i in range(shot.frames):
            zoom = max(1.0, cam.zoom * (1 + cam.zoom_rate) ** i)
            if cam.shake:
                jitter_y = 0.6 * jitter_y + self.rng.normal(0, cam.shake)
                jitter_x = 0.6 * jitter_x + self.rng.normal(0, cam.shake)
            half_h, half_w = 0.5 / zoom, 0.5 / zoom
            y = _bounce(cy + cam.pan[1] * i + jitter_y, half_h)
            x = _bounce(cx + cam.pan[0] * i + jitter_x, half_w)
            ys = np.clip(((y - half_h) + np.arange(h) / (h * zoom)) * h, 0, h - 1).astype(np.int32)
            xs = np.clip(((x - half_w) + np.arange(w) / (w * zoom)) * w, 0, w - 1).astype(np.int32)
            frame = source.frame()[ys[:, None], xs[None, :]]
            progress = i / max(1, shot.frames - 1)
            hue = shot.hue[0] + (shot.hue[1] - shot.hue[0]) * progress
            if hue % 360:
                frame = frame @ _hue_matrix(hue)
            light = shot.light[0] + (shot.light[1] - shot.light[0]) * progress
            if light != 1.0:
                frame = frame * np.float32(light)
            if shot.grain:
                frame = frame + self.grain[int(self.rng.integers(0, len(self.grain)))] * shot.grain
            if i == shot.lightning_at:
                frame = frame * 0.2 + 215
            yield frame

    def frames(self) -> Iterator[np.ndarray]:
        shots = self.plan.shots
        tail: list[np.ndarray] = []
        white = np.full((self.plan.height, self.plan.width, 3), 250, np.uint8)
        for index, shot in enumerate(shots):
            own = self.shot_frames(shot)
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


def _bounce(centre: float, half: float) -> float:
    """Keep a moving crop inside the source, turning back at the edges."""
    low, high = half, 1 - half
    if high <= low:
        return 0.5
    span = high - low
    phase = (centre - low) % (2 * span)
    return low + (phase if phase <= span else 2 * span - phase)


def _to_u8(frame: np.ndarray) -> np.ndarray:
    return np.clip(frame, 0, 255).astype(np.uint8)
