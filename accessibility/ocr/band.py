"""The cheap look at the subtitle band that every frame gets.

Burned-in subtitles are thin bright strokes (white or yellow) edged on both sides by a dark
outline or shadow, so that they read over any picture. A pixel that is bright and has dark
pixels within a few pixels on *both* sides (left and right, or above and below) is therefore
"text-like"; the edge of a bright wall, a lamp or a sky has dark on one side only, and a
bright sky has none at all. The test runs on a copy of the band reduced by a whole factor to
about 360 px wide — 2× for a 720×1280 episode, 5× for 1920×1080 — (mean for brightness,
minimum for darkness, so that a one-pixel outline survives), which keeps the strokes of
subtitle-sized type at every resolution while costing well under a millisecond a frame.
The text recogniser only runs when this mask says that still text changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BandParams:
    reduced_width: int = 360  # the band is reduced by a whole factor to about this width
    bright_level: int = 170  # strokes are at least this bright (8-bit luma)
    dark_level: int = 90  # ...and their outline or shadow at most this dark
    outline_px: int = 3  # ...on both sides, within this many reduced pixels

    def factor(self, width: int) -> int:
        """The reduction for a band ``width`` pixels wide (blocks of factor² pixels)."""
        return max(1, min(8, round(width / self.reduced_width)))


def block_mean_and_min(band: np.ndarray, factor: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum (uint16) and minimum of each ``factor``² block of a uint8 picture.

    NumPy slice arithmetic rather than a resize call: this runs beside the decoder and the
    cut detector, which keep OpenCV out of the pass, and costs a tenth of a millisecond.
    """
    h = band.shape[0] // factor * factor
    w = band.shape[1] // factor * factor
    rows = [band[i:h:factor, :w] for i in range(factor)]
    total = rows[0].astype(np.uint16)
    low = rows[0].copy()
    for row in rows[1:]:
        total += row
        np.minimum(low, row, out=low)
    sums = total[:, 0::factor].copy()
    mins = low[:, 0::factor].copy()
    for i in range(1, factor):
        sums += total[:, i::factor]
        np.minimum(mins, low[:, i::factor], out=mins)
    return sums, mins


def dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    """Binary dilation by a square of side ``2 * radius + 1`` (separable: rows, then columns)."""
    if radius <= 0:
        return mask.copy()
    rows = mask.copy()
    for k in range(1, radius + 1):
        rows[k:] |= mask[:-k]
        rows[:-k] |= mask[k:]
    out = rows.copy()
    for k in range(1, radius + 1):
        out[:, k:] |= rows[:, :-k]
        out[:, :-k] |= rows[:, k:]
    return out


def _between(dark: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Pixels with a dark pixel within ``radius`` on each side along ``axis``."""
    before = np.zeros_like(dark)
    after = np.zeros_like(dark)
    n = dark.shape[axis]
    for k in range(1, min(radius, n - 1) + 1):
        if axis == 0:
            before[k:] |= dark[:-k]
            after[:-k] |= dark[k:]
        else:
            before[:, k:] |= dark[:, :-k]
            after[:, :-k] |= dark[:, k:]
    return before & after


def text_like(band: np.ndarray, params: BandParams) -> np.ndarray:
    """Bool mask of the reduced band: bright pixels outlined in dark on two opposite sides."""
    factor = params.factor(band.shape[1])
    sums, mins = block_mean_and_min(band, factor)
    bright = sums >= params.bright_level * factor * factor
    dark = mins <= params.dark_level
    r = params.outline_px
    return bright & (_between(dark, r, 0) | _between(dark, r, 1))


def text_rows(mask: np.ndarray, min_row_pixels: int = 3) -> tuple[int, int] | None:
    """The rows (first, past-last) of a mask that carry most of its pixels, or None.

    Rows thinner than a quarter of the fullest row are texture, not a line of type.
    """
    counts = np.count_nonzero(mask, axis=1)
    if counts.size == 0 or counts.max() < min_row_pixels:
        return None
    rows = np.flatnonzero(counts >= max(min_row_pixels, counts.max() // 4))
    return int(rows[0]), int(rows[-1]) + 1
