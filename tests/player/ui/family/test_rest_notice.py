"""The rest reminder in the real app: at the end of an episode, large, spoken, one choice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.engine.base import PlaybackState
from player.ui.family.rest_notice import RestOverlay
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused

pytestmark = pytest.mark.slow
K = Qt.Key


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _watch_until_due(qtbot: QtBot, parts: Assembly, spoken: list[str]) -> RestOverlay:
    parts.settings.set("rest.reminder_minutes", 1)
    clock = Clock()
    parts.rest.clock = clock
    parts.window._announce = spoken.append
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)  # 开始观看: episode 1
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=5000)
    clock.now += 75  # more than the minute set, in the middle of the episode
    with qtbot.assert_not_emitted(parts.rest.due):
        qtbot.wait_until(lambda: parts.engine.position() >= 500, timeout=5000)
    assert parts.window._overlay is None  # nothing pops up during an episode
    with qtbot.wait_signal(parts.rest.due, timeout=10_000):
        pass
    overlay = parts.window._overlay
    assert isinstance(overlay, RestOverlay)
    assert overlay.isVisible()
    return overlay


def test_the_reminder_comes_at_the_end_and_ok_plays_the_next_episode(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    spoken: list[str] = []
    overlay = _watch_until_due(qtbot, parts, spoken)
    assert overlay.focusables() == [overlay.continue_button]  # one choice
    assert focused() is overlay.continue_button
    assert overlay.continue_button.text() == "继续观看"
    assert "1 分钟" in overlay.message.text()
    assert spoken[-1] == overlay.message.text()
    assert overlay.message.font().pixelSize() >= parts.window.theme().title_px
    assert parts.engine.state() is PlaybackState.ENDED  # episode 2 waits, never started
    assert parts.session.index == 0

    press(qtbot, parts, K.Key_Down, K.Key_Left)  # nothing else to go to, nothing underneath
    assert parts.window._overlay is overlay
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    assert parts.window._overlay is None
    assert parts.window.stack.currentWidget() is parts.window.playing
    assert parts.session.index == 1
    assert parts.rest.watched_seconds() < 60


def test_back_on_the_reminder_leaves_to_the_episode_list(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    _watch_until_due(qtbot, parts, [])
    press(qtbot, parts, K.Key_Escape)
    assert parts.window._overlay is None
    assert parts.window.stack.currentWidget() is parts.window.series_screen
    assert not parts.rest.holding
    assert parts.engine.state() is not PlaybackState.PLAYING
