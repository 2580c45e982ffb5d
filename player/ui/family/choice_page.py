"""A full page with a few sentences and a column of large choices; Back cancels.

The family screens use it to pick a folder, a USB stick or a settings file, to confirm a
deletion (the safe answer first), and to show what an import did.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.ui.button_page import ButtonPage
from player.ui.scrolling import scroll_area


class ChoicePage(ButtonPage):
    chosen = Signal(object)  # the value of the choice
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._scroll = scroll_area(self._body)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self._scroll, 1)
        self._lines: list[QLabel] = []

    def show_page(self, title: str, lines: list[str],
                  choices: list[tuple[str, object]]) -> str:
        """Fill the page; returns the text to speak (title and sentences)."""
        self.title.setText(title)
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self._lines = []
        for line in lines:
            label = QLabel(line)
            label.setWordWrap(True)
            self._column.addWidget(label)
            self._lines.append(label)
        self._buttons = []
        for text, value in choices:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("\n", "，"))
            button.setProperty("role", "entry")
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))
            self._column.addWidget(button)
            button.show()  # now, not on the layout's next pass: it is about to take focus
            self._buttons.append(button)
        self._column.addStretch(1)
        self._scroll.verticalScrollBar().setValue(0)
        if self._theme is not None:
            self.apply_theme(self._theme)
        return " ".join([title, *lines])

    @property
    def lines(self) -> list[str]:
        return [label.text() for label in self._lines]

    def back(self) -> None:
        self.cancelled.emit()

    def extra_style(self) -> str:
        return 'QPushButton[role="entry"] { text-align: left; }'

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.safe_margin(theme.screen_height)
        self._layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self._layout.setSpacing(theme.spacing_px)
        self._column.setSpacing(theme.spacing_px)
        self._column.setContentsMargins(0, 0, theme.focus_frame_px * 2, 0)
