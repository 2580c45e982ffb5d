"""Spatial focus movement: an arrow moves focus to the nearest item in that direction.

This is how TV interfaces behave, and it works the same for rows, grids and mixed layouts,
so screens only list what can take focus.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from player.ui.keys import Action

_DIRECTIONS = {
    Action.RIGHT: (1, 0),
    Action.LEFT: (-1, 0),
    Action.DOWN: (0, 1),
    Action.UP: (0, -1),
}
# Sideways distance counts more than distance along the direction, so focus stays in its
# row or column when it can.
_SIDEWAYS_WEIGHT = 3


def _centre(widget: QWidget) -> QPoint:
    return widget.mapTo(widget.window(), widget.rect().center())


def _window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Distance between two ranges on one axis; 0 when they overlap."""
    return max(0, b_start - a_end, a_start - b_end)


def neighbour(current: QWidget | None, candidates: Sequence[QWidget],
              action: Action) -> QWidget | None:
    usable = [w for w in candidates if w.isVisible() and w.isEnabled()]
    if not usable:
        return None
    if current is None or current not in usable:
        return usable[0]
    dx_sign, dy_sign = _DIRECTIONS[action]
    origin = _centre(current)
    here = _window_rect(current)
    # An item in the same row (for Left/Right) or column (for Up/Down) always wins over one
    # that is not, however far: Right from the first of two wide tiles goes to the second,
    # not to the wide button above whose centre happens to be nearer.
    best: tuple[bool, float, QWidget] | None = None
    for widget in usable:  # in reading order, so ties go to the first
        if widget is current:
            continue
        point = _centre(widget)
        along = (point.x() - origin.x()) * dx_sign + (point.y() - origin.y()) * dy_sign
        if along <= 0:
            continue
        there = _window_rect(widget)
        if dx_sign:
            sideways = _gap(here.top(), here.bottom(), there.top(), there.bottom())
        else:
            sideways = _gap(here.left(), here.right(), there.left(), there.right())
        score = (sideways > 0, along + _SIDEWAYS_WEIGHT * sideways)
        if best is None or score < best[:2]:
            best = (*score, widget)
    return best[2] if best else None
