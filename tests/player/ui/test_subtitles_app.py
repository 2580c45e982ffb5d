"""Subtitles in the running app: shown and logged only while on screen, never early."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from accessibility.subtitles.model import Cue
from player.assets import demo_library
from player.eventlog import read_events
from tests.player.ui.conftest import Build


def _shown(parts) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in read_events(parts.paths.default_event_log)
            if e["event"] == "subtitle_shown"]


def test_enlarge_on_series_and_settings_neither_shows_nor_logs_a_subtitle(
        qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    series = window.library[0]
    with qtbot.wait_signal(window.cues_ready, timeout=10_000):
        window.start_playing(series, 0, 3500)  # inside 第1集's first line
    qtbot.wait_until(window.playing.subtitle.isVisible, timeout=10_000)
    assert len(_shown(parts)) == 1
    window.leave_playing()
    assert window.stack.currentWidget() is window.series_screen
    for _ in range(3):
        window.keys.toggle_enlarged()
        qtbot.wait(50)
    assert len(_shown(parts)) == 1
    assert not window.playing.subtitle.isVisible()
    # 家人设置 (any other page over the stack) is no different.
    window.cues.set_cues((Cue(0, 60_000, "不该出现的字幕。"),))
    window.cues.follow(10)
    assert len(_shown(parts)) == 1
    assert not window.playing.subtitle.isVisible()


def test_the_next_episodes_last_line_never_shows_at_its_start(
        qtbot: QtBot, build_app: Build, tmp_path: Path) -> None:
    parts = build_app(demo_library())
    window = parts.window
    series = window.library[0]
    with qtbot.wait_signal(window.cues_ready, timeout=10_000):
        window.start_playing(series, 2, 33_500)  # near the end of 第3集
    qtbot.wait_until(lambda: window.cues.current is not None, timeout=10_000)
    ending = window.cues.current
    assert ending is not None
    # 第4集's subtitles come from the picture analysis cache at once, as they did in the demo.
    burned = (Cue(2600, 5700, "奶奶，我教您打视频。"), Cue(30_500, 35_500, "好，奶奶等你们回家。"))
    window.session.episode_started.connect(lambda *_: window.use_picture_cues(burned))
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        window.start_playing(series, 3)
    qtbot.wait_until(lambda: parts.engine.position() > 300, timeout=10_000)
    late = [e for e in _shown(parts) if e["text"] == "好，奶奶等你们回家。"]
    assert late == []
    assert window.playing.subtitle.lines == []
