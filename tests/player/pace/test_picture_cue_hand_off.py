"""Lines read off the picture reach the subtitles of an episode without its own, in the real
app (real engine, real files): delivered the way the analysis delivers them, from another
thread through the monitor. A subtitle file beside the episode still wins."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.eventlog import read_events
from tests.media import colour_clip
from tests.player.ui.conftest import Build

pytestmark = pytest.mark.slow


def _library(root: Path, media_dir: Path) -> Path:
    series = root / "远山"
    series.mkdir(parents=True)
    clip = colour_clip(media_dir / "hand-off-grey.mp4", "0x455A64", 3.0)
    shutil.copy(clip, series / "第1集.mp4")
    shutil.copy(clip, series / "第2集.mp4")
    (series / "第2集.srt").write_text("1\n00:00:00,000 --> 00:00:09,000\n字幕文件的话\n",
                                      encoding="utf-8")
    return root


def _from_another_thread(action: object) -> None:
    worker = threading.Thread(target=action)  # type: ignore[arg-type]
    worker.start()
    worker.join()


def _playing(qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path,
             index: int) -> tuple[Assembly, str]:
    """The app playing episode ``index`` (no pacing questions), once its subtitles loaded."""
    parts = build_app(_library(tmp_path / "lib", media_dir))
    parts.settings.update({"pacing.notice_from": "never", "pacing.skip_from": "never"})
    series = parts.window.library[0]
    assert parts.pacing is not None
    with qtbot.wait_signal(parts.window.cues_ready, timeout=15_000):
        parts.window.start_playing(series, index)
    return parts, series.episodes[index].location


def test_picture_lines_become_the_subtitles_of_an_episode_without_its_own(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    parts, location = _playing(qtbot, build_app, tmp_path, media_dir, 0)
    window = parts.window
    rows = ((0, 1800, "山那边\n有人家", 0.93), (1900, 2900, "快回来吃饭", 0.88))
    with qtbot.wait_signal(window.picture_cues_added, timeout=10_000) as added:
        _from_another_thread(lambda: parts.pacing.stream_cues(location, rows))  # type: ignore[union-attr]
    cues = added.args[0]  # type: ignore[index]
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
        (0, 1800, "山那边\n有人家"), (1900, 2900, "快回来吃饭")]
    assert [c.text for c in window.cues.cues] == ["山那边\n有人家", "快回来吃饭"]
    logged = [e for e in read_events(parts.paths.default_event_log)
              if e["event"] == "picture_cues"]
    assert logged and logged[-1]["location"] == location and logged[-1]["cues"] == 2


def test_a_subtitle_file_wins_over_lines_read_off_the_picture(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    parts, location = _playing(qtbot, build_app, tmp_path, media_dir, 1)
    window = parts.window
    with qtbot.assert_not_emitted(window.picture_cues_added):
        _from_another_thread(lambda: parts.pacing.stream_cues(  # type: ignore[union-attr]
            location, ((0, 2000, "画面上的字", 0.9),)))
        qtbot.wait_until(lambda: bool(parts.pacing.picture_cues(location)),  # type: ignore[union-attr]
                         timeout=10_000)
    assert [c.text for c in window.cues.cues] == ["字幕文件的话"]
