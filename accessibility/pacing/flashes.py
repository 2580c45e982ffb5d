"""General and saturated-red flash transitions (WCAG 2.3.1, ITU-R BT.1702).

Follows the practical method EA's IRIS documents — linearised relative luminance, changes
in one direction summed over consecutive frames (a flash may take a few frames to rise),
a transition once the sum reaches 0.10 with the darker state below 0.80, a quarter of the
picture taking part — but keeps the sums per pixel of the reduced picture. Averaging over the
whole frame would let a small, violently flashing corner plus a little noise elsewhere pass
for a large flash; per pixel, only the corner reaches the step. Red works the same on WCAG's
saturated-red measure ``(R − G − B) × 320`` (where ``R / (R + G + B) ≥ 0.8``) with a step of 20.
A flash is a pair of opposing transitions, so "more than three flashes in one second" means
seven or more transitions inside any one-second window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# sRGB decoding as a table over 4096 steps: the small picture is already averaged, so a
# finer table buys nothing.
_STEPS = 4096
_CODES = np.linspace(0.0, 1.0, _STEPS, dtype=np.float64)
_LINEAR = np.where(_CODES <= 0.04045, _CODES / 12.92,
                   ((_CODES + 0.055) / 1.055) ** 2.4).astype(np.float32)
_ONE_SECOND = 1.0 - 1e-3  # timestamps are rounded to 0.1 ms
_LUMINANCE_WEIGHTS = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)


@dataclass(frozen=True)
class FlashParams:
    luminance_step: float = 0.10  # WCAG relative-luminance change of a transition
    dark_limit: float = 0.80  # the darker state must be below this
    red_step: float = 20.0  # WCAG saturated-red change of a transition
    red_saturation: float = 0.8  # R / (R + G + B) at or above which a colour is saturated red
    area: float = 0.25  # share of the picture that must take part
    # Changes smaller than this per frame neither add to nor break a run: decoder noise must
    # not reset a flash that rises over several frames.
    luminance_dead_band: float = 0.004
    red_dead_band: float = 0.8


class _Runs:
    """Per-pixel runs of change in one direction, and the frame-level transitions they make."""

    def __init__(self, step: float, dead_band: float, dark_limit: float | None,
                 area: float) -> None:
        self.step, self.dead_band, self.dark_limit, self.area = step, dead_band, dark_limit, area
        self.direction = np.zeros(0, np.int8)
        self.total = np.zeros(0, np.float32)
        self.start = np.zeros(0, np.float32)
        self.counted = np.zeros(0, bool)
        self.last_direction = 0
        self.transitions: list[int] = []

    def update(self, index: int, old: np.ndarray, new: np.ndarray) -> None:
        if self.direction.shape != new.shape:
            self.direction = np.zeros(new.shape, np.int8)
            self.total = np.zeros(new.shape, np.float32)
            self.start = old.copy()
            self.counted = np.zeros(new.shape, bool)
        diff = new - old
        moving = np.abs(diff) >= self.dead_band
        sign = np.sign(diff).astype(np.int8)
        turned = moving & (sign != self.direction)
        self.direction[turned] = sign[turned]
        self.total[turned] = 0.0
        self.counted[turned] = False
        self.start[turned] = old[turned]
        self.total[moving] += diff[moving]
        reached = np.abs(self.total) >= self.step
        if self.dark_limit is not None:
            reached &= np.minimum(self.start, new) < self.dark_limit
        self.counted |= reached
        limit = self.area * new.size
        for direction in (1, -1):
            if direction != self.last_direction and \
                    int(np.count_nonzero(self.counted & (self.direction == direction))) >= limit:
                self.transitions.append(index)
                self.last_direction = direction


class FlashCounter:
    """Feed small RGB pictures in order; collects the frame index of every transition."""

    def __init__(self, params: FlashParams | None = None) -> None:
        self.params = p = params or FlashParams()
        self._luminance = _Runs(p.luminance_step, p.luminance_dead_band, p.dark_limit, p.area)
        self._red = _Runs(p.red_step, p.red_dead_band, None, p.area)
        self._previous: tuple[np.ndarray, np.ndarray | None] | None = None
        self._count = 0

    @property
    def luminance_transitions(self) -> list[int]:
        return self._luminance.transitions

    @property
    def red_transitions(self) -> list[int]:
        return self._red.transitions

    def push(self, rgb: np.ndarray) -> None:
        linear = _LINEAR[(rgb * (_STEPS - 1)).astype(np.int32)]
        luminance = linear @ _LUMINANCE_WEIGHTS
        r, g, b = linear[..., 0], linear[..., 1], linear[..., 2]
        # R / (R + G + B) >= s  is  R·(1 − s) >= s·(G + B): no division, no zero test.
        s = self.params.red_saturation
        saturated = r * (1.0 - s) >= s * (g + b)
        saturated &= r > 0
        red = None
        if saturated.any():
            red = np.where(saturated, np.maximum(r - g - b, 0.0) * 320.0, 0.0).astype(np.float32)
        if self._previous is not None:
            old_luminance, old_red = self._previous
            self._luminance.update(self._count, old_luminance, luminance)
            # Most pictures hold no saturated red at all: skip the red runs while both are empty.
            if red is not None or old_red is not None:
                empty = np.zeros_like(luminance)
                self._red.update(self._count, empty if old_red is None else old_red,
                                 empty if red is None else red)
        self._previous = (luminance, red)
        self._count += 1


def flagged_periods(times: list[float] | tuple[float, ...],
                    max_flashes: int) -> list[tuple[float, float]]:
    """Spans (first, last transition) where more than ``max_flashes`` flashes fall in 1 s."""
    needed = 2 * max_flashes + 1  # a flash is two opposing transitions
    spans: list[tuple[float, float]] = []
    j = 0
    for i in range(len(times)):
        j = max(j, i)
        # "Within one second": 30 frames at 30 fps span 29/30 s, so a steady 3 Hz flash (the
        # allowed maximum) never puts its seventh transition in the window.
        while j + 1 < len(times) and times[j + 1] - times[i] < _ONE_SECOND:
            j += 1
        if j - i + 1 >= needed:
            first, last = times[i], times[j]
            if spans and first <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last))
            else:
                spans.append((first, last))
    return spans
