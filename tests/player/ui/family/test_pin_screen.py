"""The PIN in front of the family settings, typed on the number pad with the six keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.config import pin as pin_module
from player.config.pin import FIRST_WAIT_S, PIN_KEY, verify_pin
from player.ui.family.pin_screen import PinMode
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, open_family_settings, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_first_visit_chooses_a_pin_typed_twice_and_saves_no_digits(
    qtbot: QtBot, build_app: Build, short_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fixed salt makes the saved hash the same on every run, so the search for the digits
    # below cannot pass or fail by chance.
    monkeypatch.setattr(pin_module, "new_salt", lambda: bytes(range(16)))
    parts = build_app(short_library)
    family, window = parts.family, parts.window
    open_family_settings(qtbot, parts)
    pin_screen = family.pin_screen
    assert window.stack.currentWidget() is pin_screen
    assert pin_screen.mode is PinMode.CHOOSE
    assert focused() is pin_screen.pad.key("1")
    assert pin_screen.pad.key("1").width() >= window.theme().target_px

    type_on_pad(qtbot, parts, "975", submit=False)
    assert pin_screen.pad.dots.text() == "● ● ● ○"  # digits never shown
    type_on_pad(qtbot, parts, "31")
    assert "再输入一次" in pin_screen.prompt.text()
    type_on_pad(qtbot, parts, "97532")  # not the same
    assert "不一样" in pin_screen.status.text()
    assert not family.pin_gate.has_pin()
    type_on_pad(qtbot, parts, "97531")
    type_on_pad(qtbot, parts, "97531")
    assert window.stack.currentWidget() is family.settings_screen

    saved = parts.settings.path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    assert "97531" not in saved
    assert verify_pin("97531", parts.settings.get(PIN_KEY))


def test_a_wrong_pin_is_refused_then_slowed_and_the_right_one_opens(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    family, window = parts.family, parts.window
    clock = Clock()
    family.pin_gate.throttle.clock = clock
    family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    pin_screen = family.pin_screen
    assert pin_screen.mode is PinMode.CHECK

    type_on_pad(qtbot, parts, "1111")
    assert window.stack.currentWidget() is pin_screen
    assert pin_screen.status.text() == "密码不对，请再试一次。"
    type_on_pad(qtbot, parts, "1112")
    with qtbot.wait_signal(pin_screen.said) as spoken:
        type_on_pad(qtbot, parts, "1113")
    assert spoken.args == ["密码不对。请等 5 秒再试。"]  # spoken as well as shown
    assert pin_screen.status.text() == "密码不对。请等 5 秒再试。"

    type_on_pad(qtbot, parts, "2468")  # even the right PIN waits its turn
    assert window.stack.currentWidget() is pin_screen
    assert "请等 5 秒再试" in pin_screen.status.text()

    clock.now += 2  # the countdown follows the clock, on its timer, never by sleeping
    with qtbot.wait_signal(pin_screen._countdown.timeout, timeout=3000):
        pass
    assert "请等 3 秒再试" in pin_screen.status.text()

    clock.now += FIRST_WAIT_S
    type_on_pad(qtbot, parts, "2468")
    assert window.stack.currentWidget() is family.settings_screen


def test_back_on_the_pin_pad_goes_home(qtbot: QtBot, build_app: Build,
                                       short_library: Path) -> None:
    parts = build_app(short_library)
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "24", submit=False)
    press(qtbot, parts, K.Key_Escape)
    assert parts.window.stack.currentWidget() is parts.window.home
    open_family_settings(qtbot, parts)  # a new visit starts with an empty pad
    assert parts.family.pin_screen.pad.count == 0
