"""家人设置 as a TV list: the focused row is always on screen (also right after 一键放大 grows
everything), no row is cut mid-text at the list's edges, and no thin scroll bar shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.ui.family.settings_screen import FamilySettingsScreen
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, open_family_settings, press_until, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key


def _enter(qtbot: QtBot, parts: Assembly) -> FamilySettingsScreen:
    assert parts.family is not None
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    return parts.family.settings_screen


def _check_whole(screen: FamilySettingsScreen) -> None:
    area = screen._scroll
    viewport = area.viewport()
    view = QRect(QPoint(0, 0), viewport.size())
    widget = focused()
    assert widget is not None
    place = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    assert view.contains(place), (widget.accessibleName(), place, view)  # fully on screen
    body = area.widget()
    for unit in body.findChildren(QWidget):
        if unit.parentWidget() is not body or not unit.isVisible():
            continue
        rect = QRect(unit.mapTo(viewport, QPoint(0, 0)), unit.size())
        if rect.intersects(view):
            assert view.contains(rect), f"cut at the edge: {unit.accessibleName() or unit}"
    assert not area.verticalScrollBar().isVisible()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_rows_are_whole_and_the_focused_one_stays_on_screen_when_enlarging(
    qtbot: QtBot, build_app: Build, short_library: Path, size: tuple[int, int]
) -> None:
    parts = build_app(short_library, size=size)
    screen = _enter(qtbot, parts)
    for _ in range(12):
        press(qtbot, parts, K.Key_Down)
        _check_whole(screen)
    enlarge = screen.row("ui.enlarged")
    press_until(qtbot, parts, K.Key_Up, enlarge)
    _check_whole(screen)
    press(qtbot, parts, K.Key_Return)  # 一键放大: everything grows at once
    assert parts.settings.get("ui.enlarged") is True
    assert focused() is enlarge
    _check_whole(screen)  # before any further key
    for _ in range(8):
        press(qtbot, parts, K.Key_Down)
        _check_whole(screen)
    press_until(qtbot, parts, K.Key_Up, enlarge)
    press(qtbot, parts, K.Key_Return)  # and back
    assert parts.settings.get("ui.enlarged") is False
    _check_whole(screen)
