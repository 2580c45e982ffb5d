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
    is cut by the top or bottom edge. ``rows`` are the list's units, top to bottom.

    The top edge is always put on a row's top (when one lets ``must_show`` fit), even near
    the end of the list where the scroll bar would stop short of it: a blank band under the
    last row (a bottom viewport margin) lets the list scroll that far. The same band hides
    a row the bottom edge would cut.
    """
    content = area.widget()
    if content is None or not must_show:
        return
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    spans = sorted({_span(content, row) for row in rows if row.isVisible()})
    wanted = [_span(content, w) for w in must_show if w.isVisible()]
    if not spans or not wanted:
        return
    bar = area.verticalScrollBar()
    current = bar.value()  # before the margin goes: taking it away may pull the bar back
    area.setViewportMargins(0, 0, 0, 0)
    height = area.height() - 2 * area.frameWidth()
    end = max(content.height(), *(bottom for _, bottom in spans))
    top_needed = min(top for top, _ in wanted)
    bottom_needed = max(bottom for _, bottom in wanted)
    low, high = bottom_needed - height, top_needed  # any top edge in [low, high] shows them
    # Showing the first row means showing the list from its very top (its margin too).
    starts = [0 if top == spans[0][0] and low <= 0 else top
              for top, _ in spans if low <= top <= high]
    if starts:
        value = min(starts, key=lambda top: (abs(top - current), top))
    else:  # no row top will do (taller than the page): the least move, within the list
        value = max(0, min(max(low, min(high, current)), end - height))
    # The bottom edge: past the list's end, or through a row that would show only in part.
    edge = value + height
    cut = max(0, edge - end)
    if not cut:
        for top, bottom in spans:
            if top < edge < bottom and top >= bottom_needed:
                cut = edge - top
                break
    if cut and cut < height:
        area.setViewportMargins(0, 0, 0, cut)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    bar.setValue(value)


def _span(content: QWidget, widget: QWidget) -> tuple[int, int]:
    top = widget.mapTo(content, QPoint(0, 0)).y()
    return top, top + widget.height()
