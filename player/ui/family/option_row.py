"""One preference on the family settings screen: its name, its value and one line of help."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.config.declaration import Option
from player.ui.family.texts import option_help, option_label, value_text


class OptionRow(QPushButton):
    """A focusable row. OK (a click) and Left/Right change the value; the screen decides how.

    The texts are labels inside the button so the value can stand out on the right and the
    help can sit on its own line; the button keeps the focus frame of every other button.
    """

    def __init__(self, option: Option, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.option = option
        self.setProperty("option_key", option.key)
        self.setProperty("role", "option")
        self._name = QLabel(option_label(option))
        self._value = QLabel()
        self._value.setProperty("role", "value")
        self._help = QLabel(option_help(option))
        self._help.setProperty("role", "secondary")
        self._help.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self._name)
        top.addStretch(1)
        top.addWidget(self._value)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self._help)

    @property
    def value_text(self) -> str:
        return self._value.text()

    def show_value(self, value: Any) -> None:
        shown = value_text(self.option, value)
        self._value.setText(shown)
        self.setAccessibleName(f"{self._name.text()}，{shown}。{self._help.text()}")

    def spoken_value(self) -> str:
        return f"{self._name.text()}：{self._value.text()}"

    def apply_theme(self, theme: Theme) -> None:
        pad = round(theme.spacing_px * 0.6)
        self._layout.setContentsMargins(pad * 2, pad, pad * 2, pad)
        self._layout.setSpacing(round(pad / 2))

    def sizeHint(self) -> QSize:
        # QPushButton measures only its own text (empty here); the labels decide the size.
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()
