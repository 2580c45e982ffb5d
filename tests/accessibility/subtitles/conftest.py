"""Media with subtitle tracks inside, made once per test session with ffmpeg."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from accessibility.subtitles import words

from .samples import SIMPLIFIED, cues_for, srt_text


@pytest.fixture(scope="session", autouse=True)
def word_dictionary() -> None:
    """Layout tests run on the main thread, which never waits for the dictionary: load it."""
    words.wait_until_ready()


@pytest.fixture(autouse=True)
def main_thread_may_segment() -> None:
    """Here the main thread is no GUI thread: it may ask the worker (the app forbids that)."""
    words._main_may_wait.set()


ENGLISH = ("Mom, I'm home.", "Why are you so late?", "Sorry, I had to work.")

# A tiny, short picture keeps encoding quick; 7 s covers the three cues.
_PICTURE = ("-f", "lavfi", "-i", "color=c=black:s=32x56:r=5:d=7")
_VIDEO = ("-c:v", "libx264", "-preset", "ultrafast")


@dataclass(frozen=True)
class Media:
    mp4_mov_text: Path  # one Chinese mov_text track
    mkv_english_then_chinese: Path  # SubRip English first, then ASS Chinese
    mkv_english_only: Path
    mp4_without_subtitles: Path


def _mux(output: Path, subtitles: list[tuple[Path, str, str]]) -> Path:
    """The picture plus subtitle files given as (file, codec, language)."""
    args = ["ffmpeg", "-nostdin", "-v", "error", "-y", *_PICTURE]
    for path, _codec, _language in subtitles:
        args += ["-i", str(path)]
    args += ["-map", "0"]
    for index, (_path, codec, language) in enumerate(subtitles):
        args += ["-map", str(index + 1), f"-c:s:{index}", codec]
        args += [f"-metadata:s:s:{index}", f"language={language}"]
    subprocess.run([*args, *_VIDEO, str(output)], check=True, timeout=120)
    return output


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> Media:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to make the test media")
    folder = tmp_path_factory.mktemp("subtitle-media")
    chinese = folder / "chinese.srt"
    chinese.write_text(srt_text(cues_for(SIMPLIFIED[:3])), encoding="utf-8")
    english = folder / "english.srt"
    english.write_text(srt_text(cues_for(ENGLISH)), encoding="utf-8")
    return Media(
        mp4_mov_text=_mux(folder / "ep1.mp4", [(chinese, "mov_text", "chi")]),
        mkv_english_then_chinese=_mux(
            folder / "ep2.mkv", [(english, "srt", "eng"), (chinese, "ass", "zho")]
        ),
        mkv_english_only=_mux(folder / "ep3.mkv", [(english, "srt", "eng")]),
        mp4_without_subtitles=_mux(folder / "ep4.mp4", []),
    )
