"""The one key router (player/ui/keyrouter.py) in the real app: which keys act, what the
window-wide keys do, a question taking every key, and the remote's tremor filter in between."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from player.actions import Action
from player.assemble import Assembly
from player.assets import demo_library
from player.eventlog import read_events
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def send(target: QWidget, key: Qt.Key, *, repeat: bool = False,
         modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> bool:
    """A key press as the window system delivers it; whether the router swallowed it."""
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, "", repeat)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def logged(parts: Assembly, name: str) -> list[dict[str, object]]:
    return [e for e in read_events(Path(parts.paths.default_event_log)) if e["event"] == name]


def test_bound_keys_become_actions_and_key_combinations_do_not(qtbot: QtBot,
                                                               build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    handled: list[object] = []
    window.action_handled.connect(handled.append)
    target = QApplication.focusWidget() or window
    press(qtbot, parts, K.Key_Down)
    assert handled == [Action.DOWN]
    assert QApplication.focusWidget() is not target  # the screen moved its focus
    window.keys.key_gate.settle()
    control = Qt.KeyboardModifier.ControlModifier
    send(QApplication.focusWidget() or window, K.Key_F, modifiers=control)
    send(QApplication.focusWidget() or window, K.Key_Q)  # not a remote key
    assert handled == [Action.DOWN]
    assert not parts.settings.get("ui.enlarged")


def test_a_held_key_acts_once(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    handled: list[object] = []
    window.action_handled.connect(handled.append)
    window.keys.key_gate.settle()
    focus = QApplication.focusWidget() or window
    send(focus, K.Key_F)
    for _ in range(5):  # the system's own repeats while the finger rests on the key
        send(QApplication.focusWidget() or window, K.Key_F, repeat=True)
    assert handled == [Action.ENLARGE]
    assert parts.settings.get("ui.enlarged") is True
    assert window.keys.key_gate.ignored >= 5


def test_window_wide_keys_enlarge_read_aloud_and_set_the_volume(qtbot: QtBot,
                                                                build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    said: list[str] = []
    window.set_announcer(said.append)
    normal = window.theme().title_px
    press(qtbot, parts, K.Key_F)
    assert parts.settings.get("ui.enlarged") and window.theme().title_px > normal
    start = parts.settings.get("playback.volume")
    press(qtbot, parts, K.Key_VolumeDown)
    assert parts.settings.get("playback.volume") == max(0, start - 5)
    assert window.banner.text() == f"音量 {parts.volume.level()}"
    assert said[-1] == window.banner.text()
    press(qtbot, parts, K.Key_VolumeMute)
    assert parts.settings.get("playback.volume") == 0
    was = parts.settings.get("readout.enabled")
    press(qtbot, parts, K.Key_R)
    assert parts.settings.get("readout.enabled") is (not was)
    assert said[-1] == ("朗读字幕：开" if not was else "朗读字幕：关")


def test_an_open_question_takes_every_key_even_home(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    press(qtbot, parts, K.Key_Down, K.Key_Return)  # a series
    assert window.stack.currentWidget() is window.series_screen
    answers: list[int] = []
    window.ask("要继续吗？", ("不要", "要"), answers.append)
    press(qtbot, parts, K.Key_HomePage, K.Key_F)
    assert window.stack.currentWidget() is window.series_screen  # Home did not act
    assert not parts.settings.get("ui.enlarged")
    press(qtbot, parts, K.Key_Right, K.Key_Return)
    assert answers == [1] and not window.has_overlay()
    press(qtbot, parts, K.Key_HomePage)  # no question now: Home acts
    assert window.stack.currentWidget() is window.home


def test_the_family_times_reach_the_tremor_filter_at_once(build_app: Build) -> None:
    parts = build_app(demo_library())
    gate = parts.window.keys.key_gate
    parts.settings.set("remote.hold_repeat_ms", 1500)
    parts.settings.set("remote.double_press_ms", 600)
    assert (gate.hold_repeat_ms, gate.double_press_ms) == (1500, 600)


def test_focus_is_logged_and_said_and_a_closed_window_takes_no_keys(qtbot: QtBot,
                                                                   build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    said: list[str] = []
    window.set_announcer(said.append)
    press(qtbot, parts, K.Key_Down)
    name = QApplication.focusWidget().accessibleName()  # type: ignore[union-attr]
    assert name and said[-1] == name
    assert logged(parts, "focus")[-1]["name"] == name
    handled: list[object] = []
    window.action_handled.connect(handled.append)
    window.close()
    window.keys.key_gate.settle()
    send(window.home, K.Key_Down)
    assert handled == []
