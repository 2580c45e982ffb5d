"""One screen or widget on its own, themed the way the window themes it, for fast tests.

The window (player/ui/mainwindow.py) turns each key into an action (player/ui/keys.py) and
hands it to the screen on show, and speaks the accessible name of whatever a screen moves
the focus to. ``press`` and ``Spoken`` do the same here without building the whole app.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.assets import assets_dir
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


_SHOWN: list[QWidget] = []  # alive until the test ends, when qtbot closes them


def show_widget(qtbot: QtBot, widget: QWidget, size: tuple[int, int] = (1920, 1080)) -> QWidget:
    """``widget`` as a top-level window with the keyboard, kept until the test ends."""
    _SHOWN.append(widget)
    qtbot.addWidget(widget, before_close_func=_SHOWN.remove)
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


@contextmanager
def english_catalogue(app: QApplication) -> Iterator[None]:
    """The app's English catalogue, as ``player.i18n`` loads it, for the ``with`` only."""
    catalogue = QTranslator()
    assert catalogue.load("silverreel_en", str(Path(assets_dir()) / "i18n")), (
        "the English catalogue is built by `make setup`")
    app.installTranslator(catalogue)
    try:
        yield
    finally:
        app.removeTranslator(catalogue)
