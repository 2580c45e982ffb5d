"""The app's own subtitle: large, white on a dark box, ≤ 2 lines, never clipped."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from accessibility.theme import LINE_SPACING, SUBTITLE_BOX, Theme

MAX_CHARS = 16  # Netflix zh-CN
MAX_LINES = 2


class SubtitleView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._lines: list[str] = []
        self._font_px = 48
        self._colour = "#FFFFFF"
        self.hide()

    @property
    def lines(self) -> list[str]:
        return list(self._lines)

    @property
    def font_px(self) -> int:
        return self._font_px

    def apply_theme(self, theme: Theme) -> None:
        self._font_px = theme.subtitle_font_px
        self._colour = theme.subtitle_text_colour
        pad = round(self._font_px * 0.35)
        self.setStyleSheet(
            f"QLabel {{ background: {SUBTITLE_BOX}; color: {self._colour};"
            f" font-size: {self._font_px}px; padding: {pad}px; border-radius: {pad}px; }}"
        )
        self._render()

    def chars_per_line(self, available_width: int) -> int:
        """How many Chinese characters fit a line in ``available_width`` pixels (≤ 16)."""
        pad = round(self._font_px * 0.35) * 2 + 8
        fit = (available_width - pad) // max(1, self._font_px)
        return max(4, min(MAX_CHARS, fit))

    def show_lines(self, lines: list[str]) -> None:
        self._lines = lines[:MAX_LINES]
        self._render()

    def clear_text(self) -> None:
        self._lines = []
        self._render()

    def _render(self) -> None:
        if not self._lines:
            self.hide()
            return
        body = "<br>".join(html.escape(line) for line in self._lines)
        self.setText(f'<div style="line-height:{round(LINE_SPACING * 100)}%">{body}</div>')
        self.setAccessibleName(" ".join(self._lines))
        self.adjustSize()
        self.show()
        self.raise_()
