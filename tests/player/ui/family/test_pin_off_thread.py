"""PIN hashing (choosing and checking) never runs on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config import pin as pin_module
from player.ui.family import pin_screen as screen_module
from tests.player.ui.conftest import Build
from tests.player.ui.family.conftest import open_family_settings, type_on_pad

pytestmark = pytest.mark.slow


def test_checking_and_choosing_hash_off_the_gui_thread(
        qtbot: QtBot, build_app: Build, short_library: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []

    def spy(real):  # type: ignore[no-untyped-def]
        def wrapped(*args):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return real(*args)
        return wrapped

    monkeypatch.setattr(screen_module, "verify_pin", spy(pin_module.verify_pin))
    monkeypatch.setattr(screen_module, "hash_pin", spy(pin_module.hash_pin))
    parts = build_app(short_library)
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "3579")
    type_on_pad(qtbot, parts, "3579")  # chosen: hashed in the background
    assert parts.window.stack.currentWidget() is parts.family.settings_screen
    parts.window.go_home()  # leave, and come back: now the PIN is checked
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "1111")  # checked in the background
    assert parts.family.pin_screen.status.text() == "密码不对，请再试一次。"
    assert threads and all(name == "pin-hash" for name in threads), threads
    assert threading.main_thread().name not in threads
