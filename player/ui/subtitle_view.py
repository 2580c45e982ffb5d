"""The app's own subtitle: large, white on a dark box, never clipped.

Over the picture it keeps to 2 lines (Netflix zh-CN); in the tall side band beside a vertical
picture it uses the band's height, up to ``MAX_LINES_BESIDE`` lines, before a cue is paged."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from accessibility.theme import LINE_SPACING, SUBTITLE_BOX, Theme

MAX_CHARS = 16  # Netflix zh-CN
MAX_LINES = 2  # over the picture
MAX_LINES_BESIDE = 6  # in the side band: more would be a paragraph, not a subtitle


class SubtitleView(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._lines: list[str] = []
        self._max_lines = MAX_LINES
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

    def lines_per_page(self, available_height: int, beside: bool) -> int:
        """How many lines fit ``available_height`` pixels (2 over the picture)."""
        pad = round(self._font_px * 0.35) * 2 + 8
        fit = int((available_height - pad) // max(1.0, self._font_px * LINE_SPACING))
        self._max_lines = max(1, min(MAX_LINES_BESIDE if beside else MAX_LINES, fit))
        return self._max_lines

    def show_lines(self, lines: list[str]) -> None:
        self._lines = lines[: self._max_lines]
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
