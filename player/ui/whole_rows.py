"""Scroll a list so that only whole rows show: the focused one (with its heading) in full,
the top edge between two rows, and the bottom edge too (a row that would be cut mid-text is
left out of view until the next key brings it in).

Qt's ``ensureWidgetVisible`` scrolls the least it can, which leaves rows cut in half at both
edges of the list; a TV list shows whole rows. No library does this for a QScrollArea.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


def fit_whole_rows(area: QScrollArea, rows: Sequence[QWidget],
                   must_show: Sequence[QWidget]) -> None:
    """Scroll ``area`` so every widget of ``must_show`` is in view and no row of ``rows``
    is cut by the top or bottom edge. ``rows`` are the list's units, top to bottom."""
    content = area.widget()
    if content is None or not must_show:
        return
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    area.setViewportMargins(0, 0, 0, 0)
    spans = sorted({_span(content, row) for row in rows if row.isVisible()})
    wanted = [_span(content, w) for w in must_show if w.isVisible()]
    if not spans or not wanted:
        return
    bar = area.verticalScrollBar()
    height = area.height() - 2 * area.frameWidth()
    top_needed = min(top for top, _ in wanted)
    bottom_needed = max(bottom for _, bottom in wanted)
    low, high = bottom_needed - height, top_needed  # any top edge in [low, high] shows them
    starts = [top for top, _ in spans if low <= top <= high]
    current = bar.value()
    if starts:
        value = min(starts, key=lambda top: (abs(top - current), top))
    else:
        value = max(low, min(high, current))
    value = max(bar.minimum(), min(bar.maximum(), value))
    bar.setValue(value)
    value = bar.value()
    # The bottom edge: hide the part of a row that would show only in part.
    edge = value + height
    cut = 0
    for top, bottom in spans:
        if top < edge < bottom and top >= bottom_needed:
            cut = edge - top
            break
    if cut and cut < height:
        area.setViewportMargins(0, 0, 0, cut)
        bar.setValue(value)


def _span(content: QWidget, widget: QWidget) -> tuple[int, int]:
    top = widget.mapTo(content, QPoint(0, 0)).y()
    return top, top + widget.height()
