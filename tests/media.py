"""Test media made with ffmpeg: known colours, known lengths, known damage."""

from __future__ import annotations

import subprocess
from pathlib import Path


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", *args], check=True)


def colour_clip(path: Path, colour: str, seconds: float, size: str = "360x640",
                rate: int = 25) -> Path:
    """A vertical H.264 clip of one flat colour with a 440 Hz tone."""
    if not path.exists():
        ffmpeg("-f", "lavfi", "-i", f"color=c={colour}:s={size}:r={rate}:d={seconds}",
               "-f", "lavfi", "-i", f"sine=f=440:d={seconds}",
               "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
               "-c:a", "aac", "-shortest", "-movflags", "+faststart", str(path))
    return path


def pattern_clip(path: Path, seconds: float, size: str = "360x640", rate: int = 25) -> Path:
    """Moving test pattern (every frame different), no audio, moov at the end."""
    if not path.exists():
        ffmpeg("-f", "lavfi", "-i", f"testsrc2=s={size}:r={rate}:d={seconds}",
               "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path))
    return path


def truncated_copy(source: Path, path: Path, keep_bytes: int) -> Path:
    path.write_bytes(source.read_bytes()[:keep_bytes])
    return path
