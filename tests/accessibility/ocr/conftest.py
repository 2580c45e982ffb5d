"""Episodes with burned-in subtitles and a recogniser, made once per test session."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from accessibility.ocr.recognizer import Recognizer
from tests.accessibility.ocr.ocr_media import (
    Line,
    Script,
    Shot,
    dialogue_script,
    render,
    silent_script,
)

# Fast to encode, and still the blocking and smearing round text that real encoders leave.
_ENCODER = ("-preset", "ultrafast", "-crf", "26")


@dataclass(frozen=True)
class Episode:
    path: Path
    script: Script


@pytest.fixture(scope="session")
def ocr_media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ocr-media")


@pytest.fixture(scope="session")
def dialogue_episode(ocr_media_dir: Path) -> Episode:
    script = dialogue_script()
    return Episode(render(script, ocr_media_dir / "dialogue.mp4", _ENCODER), script)


@pytest.fixture(scope="session")
def silent_episode(ocr_media_dir: Path) -> Episode:
    script = silent_script()
    return Episode(render(script, ocr_media_dir / "silent.mp4", _ENCODER), script)


@pytest.fixture(scope="session")
def landscape_episode(ocr_media_dir: Path) -> Episode:
    """A 1280×720 clip: another shape, another reduction of the band."""
    script = Script(1280, 720, 75, (Line(10, 60, "我们明天一早就出发。"),),
                    (Shot(75, "mandelbrot", 9),), text_top=610, font_px=40, colour="white")
    return Episode(render(script, ocr_media_dir / "landscape.mp4", _ENCODER), script)


@pytest.fixture(scope="session")
def two_line_episode(ocr_media_dir: Path) -> Episode:
    """A subtitle of two lines, then a short one, over the game of life."""
    lines = (Line(10, 60, "孩子，家里永远是你的依靠。\n我们一家人再也不分开了。"),
             Line(60, 90, "好。"))
    script = Script(720, 1280, 100, lines, (Shot(100, "life", 3),), text_top=1000,
                    font_px=44, colour="white")
    return Episode(render(script, ocr_media_dir / "two-lines.mp4", _ENCODER), script)


@pytest.fixture(scope="session")
def boxed_episode(ocr_media_dir: Path) -> Episode:
    """Lines on a half-transparent dark box (no outline) over an overexposed sky, where the
    box is only mid-dark, then over a busy shot; white, then yellow."""
    lines = (Line(8, 58, "总裁，这份合同您还没签字呢！"),
             Line(66, 116, "三年了，你终于肯回来见我了。"), Line(124, 170, "放开她！"))
    white = Script(720, 1280, 180, lines, (Shot(120, "bright", 4), Shot(60, "life", 5)),
                   text_top=1010, font_px=44, colour="white", box=True)
    yellow = Script(720, 1280, 180, lines, (Shot(180, "bright", 6),), text_top=1040,
                    font_px=40, colour="0xFFE040", box=True)
    return Episode(render(white, ocr_media_dir / "boxed-white.mp4", _ENCODER), white), \
        Episode(render(yellow, ocr_media_dir / "boxed-yellow.mp4", _ENCODER), yellow)


@pytest.fixture(scope="session")
def tiny_episode(ocr_media_dir: Path) -> Path:
    path = ocr_media_dir / "tiny.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=s=32x56:r=10:d=1", "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def recognizer() -> Recognizer:
    from accessibility.ocr.engine import RapidOcrRecognizer

    return RapidOcrRecognizer()


@pytest.fixture(scope="session")
def odd_files(ocr_media_dir: Path, dialogue_episode: Episode) -> dict[str, Path]:
    garbage = ocr_media_dir / "garbage.mp4"
    garbage.write_bytes(bytes(range(256)) * 800)
    empty = ocr_media_dir / "empty.mp4"
    empty.write_bytes(b"")
    sound_only = ocr_media_dir / "sound.m4a"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "sine=f=440:d=1", "-c:a", "aac", str(sound_only)], check=True)
    # Index at the front, so the cut-off copy still opens and decodes up to the damage.
    faststart = ocr_media_dir / "faststart.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(dialogue_episode.path),
                    "-c", "copy", "-movflags", "+faststart", str(faststart)], check=True)
    data = faststart.read_bytes()
    truncated = ocr_media_dir / "truncated.mp4"
    truncated.write_bytes(data[: len(data) // 2])
    return {"garbage": garbage, "empty": empty, "sound_only": sound_only,
            "truncated": truncated, "missing": ocr_media_dir / "nowhere.mp4"}
