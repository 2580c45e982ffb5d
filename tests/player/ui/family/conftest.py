"""Short test media and key helpers for the family screens: everything by the six keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.ui.family.numberpad import ROWS
from tests.media import colour_clip
from tests.player.ui.conftest import press

K = Qt.Key
_PAD = {name: (row, column) for row, names in enumerate(ROWS) for column, name in enumerate(names)}


@pytest.fixture(scope="session")
def short_library(media_dir: Path) -> Path:
    """One series of two 2-second episodes (made once per session)."""
    folder = media_dir / "family_library" / "短剧"
    folder.mkdir(parents=True, exist_ok=True)
    colour_clip(folder / "第1集.mp4", "0x2E7D32", 2.0)
    colour_clip(folder / "第2集.mp4", "0x1565C0", 2.0)
    return folder.parent


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press_until(qtbot: QtBot, parts: Assembly, key: Qt.Key, target: QWidget,
                limit: int = 60) -> None:
    """Press ``key`` until ``target`` has focus (and fail if it never does)."""
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, parts, key)
    assert focused() is target, f"{target} never took focus"


def open_family_settings(qtbot: QtBot, parts: Assembly) -> None:
    """From Home: down to 家人设置 and OK."""
    press_until(qtbot, parts, K.Key_Down, parts.window.home.family_button)
    press(qtbot, parts, K.Key_Return)


def type_on_pad(qtbot: QtBot, parts: Assembly, digits: str, *, submit: bool = True) -> None:
    """Walk the number pad with the arrows from wherever focus is, OK on each digit."""
    for name in [*digits, "ok"] if submit else digits:
        widget = focused()
        current = widget.property("pad_key") if widget is not None else None
        row, column = _PAD.get(current, (0, 0)) if current else (0, 0)
        target_row, target_column = _PAD[name]
        vertical = K.Key_Down if target_row > row else K.Key_Up
        horizontal = K.Key_Right if target_column > column else K.Key_Left
        press(qtbot, parts, *[vertical] * abs(target_row - row))
        press(qtbot, parts, *[horizontal] * abs(target_column - column))
        assert focused() is not None
        assert focused().property("pad_key") == name
        press(qtbot, parts, K.Key_Return)
    if submit and parts.family is not None:
        # The PIN is hashed off the GUI thread: wait for its answer like a viewer would.
        screen = parts.family.pin_screen
        qtbot.wait_until(lambda: not screen.checking, timeout=10_000)
