"""Pages whose content scrolls instead of growing the window.

A page taller than the screen (large type, enlarged mode) would otherwise raise the
window's minimum size, and a window that grows makes the theme larger still.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def scroll_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area that never takes focus itself."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def fill_with_scrolling(page: QWidget, content: QWidget) -> QScrollArea:
    """Make ``content`` the whole of ``page``, scrolling when it does not fit."""
    area = scroll_area(content)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(area)
    return area
