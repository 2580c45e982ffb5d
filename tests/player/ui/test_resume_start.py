"""开机直接续播: a spoken countdown on start, then the unfinished episode plays; any key stops
it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assemble import Assembly, assemble
from player.assets import demo_library
from player.config.paths import app_paths
from player.config.store import Settings
from player.eventlog import EventLog, read_events
from player.library.sources import open_source
from player.progress import ProgressStore
from player.ui import resume_start
from player.ui.resume_start import ResumeCountdown
from tests.player.ui.conftest import press

Start = Callable[[list[str]], Assembly]
LINE = "马上继续播放《春风又起》第 3 集"


@pytest.fixture
def short_countdown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resume_start, "COUNTDOWN_S", 2)


def _prepare(config: Path, resume_on_start: bool, position_ms: int = 12_000) -> None:
    paths = app_paths(config)
    Settings(paths.settings_file).set("playback.resume_on_start", resume_on_start)
    series = open_source(str(demo_library()))[0]
    with ProgressStore(paths.progress_db) as progress:
        progress.save(series, series.episodes[0], 36_000, 36_000)
        progress.save(series, series.episodes[2], position_ms, 36_000)


@pytest.fixture
def start_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Start]:
    made: list[Assembly] = []

    def start(spoken: list[str]) -> Assembly:
        paths = app_paths(tmp_path / "cfg")
        parts = assemble(paths, EventLog(paths.default_event_log))
        made.append(parts)
        parts.window.set_announcer(spoken.append)  # what read-out would say
        parts.window.resize(1920, 1080)
        parts.window.show()
        qtbot.waitExposed(parts.window)
        with qtbot.wait_signal(parts.window.home_ready, timeout=5000):
            parts.window.show_library(open_source(str(demo_library())))
        return parts

    yield start
    for parts in made:
        parts.close()


def _countdown(parts: Assembly) -> ResumeCountdown | None:
    overlay = parts.window._overlay
    return overlay if isinstance(overlay, ResumeCountdown) else None


def test_the_unfinished_episode_plays_by_itself_after_a_spoken_countdown(
        qtbot: QtBot, tmp_path: Path, start_app: Start, short_countdown: None) -> None:
    _prepare(tmp_path / "cfg", True)
    spoken: list[str] = []
    parts = start_app(spoken)
    qtbot.wait_until(lambda: _countdown(parts) is not None, timeout=5000)
    countdown = _countdown(parts)
    assert countdown is not None and countdown.line == LINE and countdown.isVisible()
    assert LINE in spoken
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        pass
    assert parts.window.stack.currentWidget() is parts.window.playing
    assert parts.session.index == 2
    assert _countdown(parts) is None
    requested = [e for e in read_events(parts.paths.default_event_log)
                 if e["event"] == "play_requested"]
    assert len(requested) == 1 and requested[0]["start_ms"] == 12_000


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Down, Qt.Key.Key_A])
def test_any_key_stops_the_countdown_and_does_nothing_else(
        qtbot: QtBot, tmp_path: Path, start_app: Start, short_countdown: None,
        key: Qt.Key) -> None:
    _prepare(tmp_path / "cfg", True)
    parts = start_app([])
    qtbot.wait_until(lambda: _countdown(parts) is not None, timeout=5000)
    focused_before = parts.window.home.current_focus()
    press(qtbot, parts, key)
    assert _countdown(parts) is None
    with qtbot.assert_not_emitted(parts.engine.first_frame, wait=3000):
        pass
    assert parts.window.stack.currentWidget() is parts.window.home
    assert parts.window.home.current_focus() is focused_before
    events = [e["event"] for e in read_events(parts.paths.default_event_log)]
    assert "resume_cancelled" in events and "play_requested" not in events


def test_off_by_default_and_nothing_to_resume_means_no_countdown(
        qtbot: QtBot, tmp_path: Path, start_app: Start, short_countdown: None) -> None:
    _prepare(tmp_path / "cfg", False)
    parts = start_app([])
    with qtbot.assert_not_emitted(parts.engine.first_frame, wait=2500):
        pass
    assert _countdown(parts) is None
    assert Settings(app_paths(tmp_path / "none").settings_file).get(
        "playback.resume_on_start") is False
