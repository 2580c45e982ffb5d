"""Hard-cut detection on a reduced luma picture, one frame at a time.

The frame-to-frame difference is a motion-compensated one: every block of the new frame is
matched against the previous frame shifted by up to ``search`` pixels, and the median of the
best block residuals is the frame's difference. Pans, zooms and shake are thereby explained
away; grain, rain or confetti raise the difference of *every* frame of a shot alike; a
dissolve spreads its change over many frames. A cut is therefore a frame whose difference
stands out both absolutely and against the frames on either side. A 1–3 frame white flash
between two shots (闪白) gives two such spikes a few frames apart; comparing the frame before
the first spike with the frame after the last tells one cut (different shots either side) from
a flash inside one shot (lightning, a camera flash). See ``docs/adr/002-cut-detection.md``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class CutParams:
    search: int = 2  # motion search radius, reduced-picture pixels (≈ 32 px on a 720-wide frame)
    block: int = 5  # block side for matching, reduced-picture pixels
    min_difference: float = 6.0  # a cut changes the picture by at least this (0–255 scale)
    min_ratio: float = 2.5  # ...and by this many times the surrounding frames' change
    neighbours: int = 3  # frames looked at on each side
    max_flash_frames: int = 3  # spikes this close together belong to one event (闪白)
    flat_block: float = 1.5  # blocks flatter than this in both frames carry no evidence


@dataclass(frozen=True)
class CutReport:
    cut_frames: tuple[int, ...]  # index of the first frame of each new shot
    white_flash_cuts: tuple[int, ...]  # the subset reached through a short flash
    differences: tuple[float, ...]  # per-frame motion-compensated difference (for tuning)


@dataclass(frozen=True)
class _Frame:
    picture: np.ndarray  # luma scaled to a mean of 128, cropped to whole blocks
    activity: np.ndarray  # standard deviation of each block


def _block_sums(x: np.ndarray, b: int) -> np.ndarray:
    # Strided slice additions: several times faster than reshape(...).sum(axis=(…)) on the
    # small arrays used here, where numpy's reduction set-up dominates.
    cols = x[..., 0::b].copy()
    for i in range(1, b):
        cols += x[..., i::b]
    rows = cols[..., 0::b, :].copy()
    for i in range(1, b):
        rows += cols[..., i::b, :]
    return rows


def prepare(luma: np.ndarray, params: CutParams) -> _Frame:
    b = params.block
    h = luma.shape[0] // b * b
    w = luma.shape[1] // b * b
    # Lighting ramps and exposure drift scale the whole picture; dividing by the mean keeps
    # them from looking like structure changing.
    picture = luma[:h, :w] * np.float32(128.0 / max(float(luma.mean()), 8.0))
    n = float(b * b)
    mean = _block_sums(picture, b) / n
    mean_sq = _block_sums(picture * picture, b) / n
    activity = np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))
    return _Frame(picture, activity)


def block_difference(previous: _Frame, current: _Frame, params: CutParams) -> float:
    """Median over blocks of the best motion-compensated mean absolute difference."""
    b, r = params.block, params.search
    cur = current.picture
    h, w = cur.shape
    padded = np.pad(previous.picture, r, mode="edge")
    n = 2 * r + 1
    residual = np.empty((n * n, h, w), np.float32)
    for k in range(n * n):
        dy, dx = divmod(k, n)
        residual[k] = padded[dy:dy + h, dx:dx + w]
    residual -= cur
    np.abs(residual, out=residual)
    best = _block_sums(residual, b).min(axis=0) * (1.0 / (b * b))
    # Black bars and flat sky never change; leaving them in would let the median ignore cuts.
    informative = ((current.activity > params.flat_block)
                   | (previous.activity > params.flat_block)
                   | (best > params.flat_block))
    if not informative.any():
        return 0.0
    return float(np.median(best[informative]))


class CutDetector:
    """Feed reduced luma frames in order; ``finish`` returns the cuts."""

    def __init__(self, params: CutParams | None = None) -> None:
        self.params = params or CutParams()
        p = self.params
        # Frames kept for bridging a flash: the one before the first spike up to the last.
        self._recent: deque[_Frame] = deque(maxlen=p.max_flash_frames + 2 + p.neighbours)
        self._differences: list[float] = []
        self._spikes: list[int] = []
        self._bridges: dict[tuple[int, int], float] = {}
        self._count = 0

    def push(self, luma: np.ndarray) -> None:
        frame = prepare(luma, self.params)
        if self._recent:
            self._differences.append(block_difference(self._recent[-1], frame, self.params))
        else:
            self._differences.append(0.0)
        self._recent.append(frame)
        self._count += 1
        # A frame's spike test needs ``neighbours`` later differences: decide with that delay.
        decided = self._count - 1 - self.params.neighbours
        if decided >= 1:
            self._decide(decided)

    def _decide(self, t: int) -> None:
        p = self.params
        d = self._differences
        if d[t] < p.min_difference:
            return
        before = d[max(1, t - p.neighbours):t]
        after = d[t + 1:t + 1 + p.neighbours]
        base = max(float(np.median(before)) if before else 0.0,
                   float(np.median(after)) if after else 0.0)
        if d[t] < p.min_ratio * base:
            return
        self._spikes.append(t)
        # Keep what is needed to bridge a flash that may end at t: the frame before each
        # recent spike against this frame, while both are still in memory.
        for earlier in self._spikes[-1 - p.max_flash_frames:-1]:
            if t - earlier <= p.max_flash_frames:
                self._bridges[(earlier, t)] = self._frame_difference(earlier - 1, t)

    def _frame_difference(self, i: int, j: int) -> float:
        first = self._count - len(self._recent)
        return block_difference(self._recent[i - first], self._recent[j - first], self.params)

    def finish(self) -> CutReport:
        for t in range(max(1, self._count - self.params.neighbours), self._count):
            self._decide(t)
        cuts: list[int] = []
        flash_cuts: list[int] = []
        p = self.params
        i = 0
        spikes = self._spikes
        while i < len(spikes):
            j = i
            while j + 1 < len(spikes) and spikes[j + 1] - spikes[j] <= p.max_flash_frames \
                    and spikes[j + 1] - spikes[i] <= p.max_flash_frames:
                j += 1
            if j == i:
                cuts.append(spikes[i])
            else:
                bridge = self._bridges.get((spikes[i], spikes[j]), 0.0)
                if bridge >= p.min_difference:
                    cuts.append(spikes[j])
                    flash_cuts.append(spikes[j])
            i = j + 1
        return CutReport(tuple(cuts), tuple(flash_cuts), tuple(self._differences))
