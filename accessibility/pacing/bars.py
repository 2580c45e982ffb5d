"""Black bars around the picture (letterbox, pillarbox), so the cut measures read the picture.

A 16:9 drama posted as a vertical video is a 720×406 picture between two black bars that fill
two-thirds of the frame. Bars never change: every difference the cut measures take is diluted
by their share of the frame, while the measures' gates are absolute, so cuts fell below them
(set C letterboxed so: F1 0.981 → 0.922; the same measures on the picture alone: 0.974; ADR 008,
2026-11-30).

The bars are found once, on the finest reduced picture of the first lit frames (a frame whose
brightest tenth reaches ``LIT_LEVEL``; a fade in from black tells nothing): a row (column) is
bar when, in every lit frame seen, at least ``DARK_SHARE`` of it is near black. Subtitles burned
into a bar keep their rows out of it, which only leaves those rows in the picture area. Bars
count only on both sides (top and bottom, or left and right), each at least ``MIN_BAR`` of the
frame and leaving at least ``MIN_PICTURE`` of it: a dark sky at the top of one scene is no bar.
The decision waits for ``LIT_FRAMES`` lit frames, at most ``MAX_WAIT`` frames, so the cut
detector sees its first frames that much later (its pictures are a few KB each).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from accessibility.frames import SmallPicture

NEAR_BLACK = 40.0  # 8-bit luma of a bar after the reduction's averaging (black is 16)
DARK_SHARE = 0.6
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
        self._rows: np.ndarray | None = None  # per row: dark in every lit frame so far
        self._cols: np.ndarray | None = None

    def observe(self, picture: SmallPicture) -> Area | None:
        if self.area is not None:
            return self.area
        finest = picture.detail if picture.detail is not None else picture.luma
        self._frames += 1
        if float(np.percentile(finest, 90)) >= LIT_LEVEL:
            dark = finest <= NEAR_BLACK
            rows = dark.mean(axis=1) >= DARK_SHARE
            cols = dark.mean(axis=0) >= DARK_SHARE
            if self._rows is None or self._cols is None or self._rows.shape != rows.shape \
                    or self._cols.shape != cols.shape:
                self._rows, self._cols = rows, cols
            else:
                self._rows &= rows
                self._cols &= cols
            self._lit += 1
        if self._lit >= LIT_FRAMES or self._frames >= MAX_WAIT:
            self.decide()
        return self.area

    def decide(self) -> Area:
        """The area from what was seen (the whole frame when too little was lit)."""
        if self.area is None:
            self.area = Area()
            if self._rows is not None and self._cols is not None and self._lit >= LIT_FRAMES // 3:
                top, bottom = _bars(self._rows)
                left, right = _bars(self._cols)
                self.area = Area(top, bottom, left, right)
        return self.area


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
