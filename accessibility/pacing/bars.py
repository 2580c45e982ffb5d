"""Black bars around the picture (letterbox, pillarbox), so the cut measures read the picture.

A 16:9 drama posted as a vertical video is a 720×406 picture between two black bars that fill
two-thirds of the frame. Bars never change: every difference the cut measures take is diluted
by their share of the frame, while the measures' gates are absolute, so cuts fell below them
(set C letterboxed so: F1 0.981 → 0.922; the same measures on the picture alone: 0.974; ADR 008,
2026-11-30).

The bars are found once, on the finest reduced picture of the first lit frames (a frame whose
brightest tenth reaches ``LIT_LEVEL``; a fade in from black tells nothing). A bar is flat,
black and still, which the dark edges of a night or candle-lit scene are not (they have
texture and flicker): a row (column) is bar when, in every lit frame seen, its median is at
most ``BAR_LEVEL``, at least ``FLAT_SHARE`` of it lies within ``FLAT`` levels of that median,
and the median never moves by more than ``STILL`` levels. A subtitle burned into a bar covers
less than half a row and leaves it a bar. Bars count only on both sides (top and bottom, or
left and right), each at least ``MIN_BAR`` of the frame and leaving at least ``MIN_PICTURE``
of it: a dark sky at the top of one scene is no bar.
The decision waits for ``LIT_FRAMES`` lit frames, at most ``MAX_WAIT`` frames, so the cut
detector sees its first frames that much later (its pictures are a few KB each).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from accessibility.frames import SmallPicture

BAR_LEVEL = 24.0  # 8-bit luma; black is 16 (0 in full-range video)
FLAT = 3.0
FLAT_SHARE = 0.6
STILL = 2.0
LIT_LEVEL = 60.0
LIT_FRAMES = 24
MAX_WAIT = 150
MIN_BAR = 0.04
MIN_PICTURE = 0.25


@dataclass(frozen=True)
class Area:
    """The picture's rows and columns, as fractions of the frame (top, bottom, left, right)."""

    top: float = 0.0
    bottom: float = 1.0
    left: float = 0.0
    right: float = 1.0

    @property
    def whole(self) -> bool:
        return (self.top, self.bottom, self.left, self.right) == (0.0, 1.0, 0.0, 1.0)

    def crop(self, picture: np.ndarray) -> np.ndarray:
        """The rows and columns of ``picture`` that lie wholly inside the area."""
        height, width = picture.shape[:2]
        top, bottom = _inside(self.top, self.bottom, height)
        left, right = _inside(self.left, self.right, width)
        return picture[top:bottom, left:right]


def _inside(start: float, end: float, size: int) -> tuple[int, int]:
    first = min(size - 1, math.ceil(start * size - 1e-6))
    last = max(first + 1, math.floor(end * size + 1e-6))
    return first, last


class BarFinder:
    """Feed the reduced pictures in order (``observe``) until ``area`` is not None."""

    def __init__(self) -> None:
        self.area: Area | None = None
        self._frames = 0
        self._lit = 0
        # Per row and column: black and flat in every lit frame so far; the lowest and highest
        # median seen.
        self._rows: _Lines | None = None
        self._cols: _Lines | None = None

    def observe(self, picture: SmallPicture) -> Area | None:
        if self.area is not None:
            return self.area
        finest = picture.detail if picture.detail is not None else picture.luma
        self._frames += 1
        if float(np.percentile(finest, 90)) >= LIT_LEVEL:
            rows, cols = _Lines.of(finest), _Lines.of(finest.T)
            if self._rows is None or self._cols is None \
                    or self._rows.bar.shape != rows.bar.shape \
                    or self._cols.bar.shape != cols.bar.shape:
                self._rows, self._cols = rows, cols
            else:
                self._rows.add(rows)
                self._cols.add(cols)
            self._lit += 1
        if self._lit >= LIT_FRAMES or self._frames >= MAX_WAIT:
            self.decide()
        return self.area

    def decide(self) -> Area:
        """The area from what was seen (the whole frame when too little was lit)."""
        if self.area is None:
            self.area = Area()
            if self._rows is not None and self._cols is not None and self._lit >= LIT_FRAMES // 3:
                top, bottom = _bars(self._rows.bars())
                left, right = _bars(self._cols.bars())
                self.area = Area(top, bottom, left, right)
        return self.area


class _Lines:
    """What the lit frames so far say of each row of a picture (or column, transposed)."""

    def __init__(self, bar: np.ndarray, low: np.ndarray, high: np.ndarray) -> None:
        self.bar, self.low, self.high = bar, low, high

    @classmethod
    def of(cls, picture: np.ndarray) -> _Lines:
        median = np.median(picture, axis=1)
        flat = (np.abs(picture - median[:, None]) <= FLAT).mean(axis=1) >= FLAT_SHARE
        return cls((median <= BAR_LEVEL) & flat, median, median.copy())

    def add(self, other: _Lines) -> None:
        self.bar &= other.bar
        np.minimum(self.low, other.low, out=self.low)
        np.maximum(self.high, other.high, out=self.high)

    def bars(self) -> np.ndarray:
        return self.bar & (self.high - self.low <= STILL)


def _bars(dark: np.ndarray) -> tuple[float, float]:
    """(start, end) of the picture along one axis, as fractions: bars on both ends or none."""
    size = dark.size
    lead = int(np.argmin(dark)) if not dark.all() else size
    trail = int(np.argmin(dark[::-1])) if not dark.all() else size
    # The row where bar meets picture is part of both: it stays out.
    start, end = (lead + 1) / size, 1.0 - (trail + 1) / size
    if min(lead, trail) < MIN_BAR * size or end - start < MIN_PICTURE:
        return 0.0, 1.0
    return start, end


def cropped(picture: SmallPicture, area: Area) -> SmallPicture:
    """``picture`` with the bars of ``area`` cut away from each of its pictures."""
    if area.whole:
        return picture
    return replace(picture, luma=area.crop(picture.luma), rgb=area.crop(picture.rgb),
                   detail=area.crop(picture.detail) if picture.detail is not None else None)
