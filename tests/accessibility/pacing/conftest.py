"""Test media for the pacing analyser, generated once per session with NumPy and ffmpeg."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing.measure import PacingMeasurements, measure_file
from tests.accessibility.pacing.pacing_media import (
    FPS,
    JUMP_AT_S,
    Plan,
    Shot,
    encode,
    render,
    write_wav,
)

RATE = 48000
W, H = 180, 320  # 9:16; the analyser reduces every picture to ~45×80 anyway


@dataclass(frozen=True)
class Episode:
    path: Path
    plan: Plan


@pytest.fixture(scope="session")
def pacing_media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pacing-media")


# Every required phenomenon in one 14 s episode: pans, zooms, shake, grain, lighting ramps,
# rain/confetti/sparkle, a dissolve, white flash cuts of 1–3 frames, a lightning frame inside
# a shot, 8–12 frame shots in a burst, and a reverse shot of the same location.
CRAFTED = Plan(
    width=W, height=H, seed=7, palettes=(0, 1, 2, 0, 3, 1),
    shots=(
        Shot(40, scene=0, motion="static", grain=6),
        Shot(45, scene=1, motion="pan", speed=6),
        Shot(12, scene=2, motion="zoom", speed=1.0),
        Shot(9, scene=1, view=(1.8, 1.6), motion="shake", grain=4),  # reverse shot of scene 1
        Shot(10, scene=3, texture="confetti"),  # same palette as scene 0
        Shot(8, scene=0, view=(1.5, 0.2), motion="pan", speed=4, grain=9),
        Shot(60, scene=4, motion="pan", speed=3, light_end=0.5, texture="rain"),
        Shot(50, scene=0, view=(0.6, 1.4), motion="pan", speed=5, enter="dissolve",
             enter_frames=15),
        Shot(40, scene=5, motion="zoom", speed=0.8, texture="shimmer", enter="flash",
             enter_frames=2),
        Shot(8, scene=2, view=(1.2, 1.2), grain=9),
        Shot(30, scene=3, view=(1.0, 0.3), motion="shake", enter="flash", enter_frames=1,
             lightning_at=-1),
        Shot(45, scene=1, view=(0.3, 0.9), light_end=1.6, lightning_at=20),
        Shot(40, scene=4, view=(1.9, 0.1), motion="zoom", speed=1.2, grain=6, enter="flash",
             enter_frames=3),
    ),
)


@pytest.fixture(scope="session")
def crafted_episode(pacing_media_dir: Path) -> Episode:
    return Episode(render(CRAFTED, pacing_media_dir / "crafted.mp4"), CRAFTED)


@pytest.fixture(scope="session")
def crafted_measured(crafted_episode: Episode) -> PacingMeasurements:
    return measure_file(crafted_episode.path)


def _pictures(frames: int, picture: np.ndarray, other: np.ndarray,
              period_frames: float, area: tuple[slice, slice] | None = None,
              ) -> list[np.ndarray]:
    out = []
    for i in range(frames):
        frame = picture.copy()
        if int(i / (period_frames / 2)) % 2 == 1:
            if area is None:
                frame = other.copy()
            else:
                frame[area] = other[area]
        out.append(frame)
    return out


def _textured(seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = rng.normal(60, 12, (H // 8, W // 8, 3)).clip(0, 255)
    return np.kron(base, np.ones((8, 8, 1))).astype(np.uint8)


@pytest.fixture(scope="session")
def flash_videos(pacing_media_dir: Path) -> dict[str, Path]:
    """3 s clips: dark textured picture alternating with white (or red) at a given rate."""
    dark = _textured(1)
    white = np.full((H, W, 3), 235, np.uint8)
    red = np.zeros((H, W, 3), np.uint8)
    red[..., 0] = 255
    # The same relative luminance as saturated red (0.2126), but neutral grey.
    grey = np.full((H, W, 3), 127, np.uint8)
    frames = 3 * FPS
    corner = (slice(0, H // 3), slice(0, W // 3))  # a ninth of the picture
    clips = {
        "full_5hz": _pictures(frames, dark, white, FPS / 5),
        "full_2hz": _pictures(frames, dark, white, FPS / 2),
        "corner_5hz": _pictures(frames, dark, white, FPS / 5, corner),
        "red_5hz": _pictures(frames, grey, red, FPS / 5),
        "steady": _pictures(frames, dark, dark, FPS),
    }
    return {name: encode(iter(pictures), W, H, pacing_media_dir / f"flash_{name}.mp4")
            for name, pictures in clips.items()}


def _tone(seconds: float, amplitude: float, frequency: float = 997.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return amplitude * np.sin(2 * np.pi * frequency * t)


def _episode_with_sound(folder: Path, name: str, left: np.ndarray,
                        right: np.ndarray | None = None) -> Path:
    wav = folder / f"{name}.wav"
    write_wav(wav, np.stack([left, left if right is None else right], axis=1), RATE)
    out = folder / f"{name}.mp4"
    seconds = len(left) / RATE
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
         f"testsrc2=size=64x112:rate={FPS}:duration={seconds}", "-i", str(wav),
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-b:a", "192k", "-shortest", str(out)],
        check=True,
    )
    return out


# EBU Tech 3341 case 1: a 1 kHz sine at −23 dBFS in both stereo channels reads −23.0 LUFS.
REFERENCE_AMPLITUDE = 10 ** (-23 / 20)


@pytest.fixture(scope="session")
def sound_episodes(pacing_media_dir: Path) -> dict[str, Path]:
    quiet = 10 ** (-30 / 20)
    steady = _tone(12.0, quiet, 440.0)
    jump = steady.copy()
    start, end = int(JUMP_AT_S * RATE), int((JUMP_AT_S + 0.8) * RATE)
    jump[start:end] *= 10 ** (15 / 20)  # the "dun-dun-dun" sting: +15 LU for 0.8 s
    pause = np.concatenate([np.zeros(4 * RATE), _tone(4.0, quiet, 440.0),
                            np.zeros(4 * RATE), _tone(4.0, quiet, 440.0)])
    return {
        "reference": _episode_with_sound(pacing_media_dir, "reference",
                                         _tone(20.0, REFERENCE_AMPLITUDE)),
        "steady": _episode_with_sound(pacing_media_dir, "steady", steady),
        "jump": _episode_with_sound(pacing_media_dir, "jump", jump),
        "speech_after_pause": _episode_with_sound(pacing_media_dir, "pause", pause),
    }


@pytest.fixture(scope="session")
def broken_files(pacing_media_dir: Path, crafted_episode: Episode) -> dict[str, Path]:
    # Index at the front, so the cut-off file still opens and decodes up to the damage.
    faststart = pacing_media_dir / "faststart.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(crafted_episode.path), "-c", "copy",
                    "-movflags", "+faststart", str(faststart)], check=True)
    data = faststart.read_bytes()
    truncated = pacing_media_dir / "truncated.mp4"
    truncated.write_bytes(data[: len(data) // 2])
    garbage = pacing_media_dir / "garbage.mp4"
    garbage.write_bytes(np.random.default_rng(3).integers(0, 256, 200_000, np.uint8).tobytes())
    empty = pacing_media_dir / "empty.mp4"
    empty.write_bytes(b"")
    subtitle = pacing_media_dir / "notes.srt"
    subtitle.write_text("1\n00:00:01,000 --> 00:00:02,000\n你好\n", encoding="utf-8")
    return {"truncated": truncated, "garbage": garbage, "empty": empty, "subtitle": subtitle}
