"""Spatial focus movement: an arrow moves focus to the nearest item in that direction.

This is how TV interfaces behave, and it works the same for rows, grids and mixed layouts,
so screens only list what can take focus.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint
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


def neighbour(current: QWidget | None, candidates: Sequence[QWidget],
              action: Action) -> QWidget | None:
    usable = [w for w in candidates if w.isVisible() and w.isEnabled()]
    if not usable:
        return None
    if current is None or current not in usable:
        return usable[0]
    dx_sign, dy_sign = _DIRECTIONS[action]
    origin = _centre(current)
    best: tuple[float, QWidget] | None = None
    for widget in usable:
        if widget is current:
            continue
        point = _centre(widget)
        along = (point.x() - origin.x()) * dx_sign + (point.y() - origin.y()) * dy_sign
        if along <= 0:
            continue
        sideways = abs((point.y() - origin.y()) if dx_sign else (point.x() - origin.x()))
        score = along + _SIDEWAYS_WEIGHT * sideways
        if best is None or score < best[0]:
            best = (score, widget)
    return best[1] if best else None
