"""A page whose only focusable things are its large buttons, and on which Back is an answer.

The family chooser (``ChoicePage``), the first-run steps (``FirstRunScreen``) and the
two-answer question (``ChoiceOverlay``) are such pages: each lists its buttons, moves focus
among them with the arrows, and says in ``back`` what the Back key means on it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from player.ui.keys import Action
from player.ui.screen import Screen


class ButtonPage(Screen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QPushButton] = []

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def focusables(self) -> list[QWidget]:
        return list(self._buttons)

    def back(self) -> None:
        """What the Back key does on this page (cancel, a step back, the safe answer)."""
        raise NotImplementedError

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.back()
            return True
        return super().handle_action(action)

    def _drop_buttons(self) -> None:
        """Take the current buttons off the page before new ones are made."""
        for button in self._buttons:
            button.hide()
            button.deleteLater()
        self._buttons = []
