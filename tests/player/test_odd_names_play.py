"""Real episodes whose names are not UTF-8 play, and inspect prints them as valid UTF-8."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.engine.vlc_engine import VlcEngine
from tests.media import colour_clip

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
RAW_NAMES = ["第1集.mp4".encode("gbk"), "第2集.mp4".encode("big5"),
             bytes([0xC3, 0x28, 0xA0, 0xA1]) + b".mp4"]


@pytest.fixture(scope="module")
def odd_series(media_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    clip = colour_clip(media_dir / "odd-names.mp4", "0x2E7D32", 1.0, size="90x160")
    folder = tmp_path_factory.mktemp("odd") / "剧"
    folder.mkdir()
    for raw in RAW_NAMES:
        shutil.copyfile(clip, os.path.join(os.fsencode(folder), raw))
    return folder


@pytest.fixture
def engine(qtbot: QtBot) -> Iterator[VlcEngine]:
    engine = VlcEngine(audio_output="dummy")
    engine.set_display_size(90, 160)
    yield engine
    engine.shutdown()


@pytest.mark.parametrize("index", range(len(RAW_NAMES)))
def test_an_episode_with_a_name_that_is_not_utf8_plays(qtbot: QtBot, engine: VlcEngine,
                                                       odd_series: Path, index: int) -> None:
    location = os.fsdecode(os.path.join(os.fsencode(odd_series), RAW_NAMES[index]))
    with qtbot.wait_signal(engine.first_frame, timeout=20_000):
        engine.load(location)


def _inspect(target: str) -> tuple[bytes, int]:
    result = subprocess.run([sys.executable, "-m", "player.app", "inspect",
                             os.fsencode(target), "--json"],  # type: ignore[list-item]
                            cwd=REPO, capture_output=True, timeout=300, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return result.stdout, result.returncode


def test_inspect_prints_such_names_as_valid_utf8(odd_series: Path) -> None:
    out, code = _inspect(str(odd_series))
    text = out.decode("utf-8")  # strict: raises on invalid UTF-8
    report = json.loads(text)
    assert code == 0
    titles = sorted(e["title"] for s in report["series"] for e in s["episodes"])
    assert "第1集" in titles
    locations = [e["location"] for s in report["series"] for e in s["episodes"]]
    assert sorted(os.fsencode(loc) for loc in locations) == sorted(
        os.path.join(os.fsencode(odd_series), raw) for raw in RAW_NAMES)  # exact bytes back


def test_inspect_of_one_such_episode(odd_series: Path) -> None:
    target = os.fsdecode(os.path.join(os.fsencode(odd_series), RAW_NAMES[0]))
    out, code = _inspect(target)
    report = json.loads(out.decode("utf-8"))
    assert code == 0 and report["duration_s"] > 0
