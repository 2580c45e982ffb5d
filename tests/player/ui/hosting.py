"""One screen or widget on its own, themed the way the window themes it, for fast tests.

The window (player/ui/mainwindow.py) turns each key into an action (player/ui/keys.py) and
hands it to the screen on show, and speaks the accessible name of whatever a screen moves
the focus to. ``press`` and ``Spoken`` do the same here without building the whole app.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.ui.keys import action_for
from player.ui.screen import Screen

THEME = Theme(1080, screen_width=1920)


def show_screen(qtbot: QtBot, screen: Screen, theme: Theme = THEME,
                size: tuple[int, int] = (1920, 1080)) -> Screen:
    """``screen`` as a top-level window with the theme applied and the keyboard."""
    screen.apply_theme(theme)
    screen.style_with(theme.stylesheet())
    show_widget(qtbot, screen, size)
    return screen


def show_widget(qtbot: QtBot, widget: QWidget, size: tuple[int, int] = (1920, 1080)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def press(screen: Screen, *keys: Qt.Key) -> None:
    """Keys as the window routes them: through the bindings, to the screen's actions."""
    for key in keys:
        action = action_for(key)
        assert action is not None, f"{key} is bound to nothing"
        screen.handle_action(action)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


class Spoken:
    """What the window would say as the focus moves on ``screen`` (its accessible names)."""

    def __init__(self, screen: Screen) -> None:
        self.said: list[str] = []
        screen.focus_moved.connect(self._moved)

    def _moved(self, widget: QWidget) -> None:
        name = widget.accessibleName()
        if name:
            self.said.append(name)
