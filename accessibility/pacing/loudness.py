"""ITU-R BS.1770 loudness measured while the audio streams past.

The K-weighting filters are pyloudnorm's (designed for the stream's own sample rate). The
filtering and the gating are done here, block by block, because pyloudnorm's meter wants the
whole signal as one array: a three-minute stereo episode would hold ~140 MB of float64
samples in the background worker, a feature film gigabytes. Here memory stays at one 100 ms
block per channel. ``tests/accessibility/pacing/test_loudness.py`` checks the result against
``pyloudnorm.Meter.integrated_loudness`` on the same signal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pyloudnorm
from scipy.signal import sosfilt

BLOCK_S = 0.1  # gating blocks are 400 ms with 75 % overlap: four 100 ms steps
WINDOW_BLOCKS = 4
ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0
SILENCE_LUFS = -70.0  # what the timeline shows for windows quieter than the absolute gate

# BS.1770 channel weights by FFmpeg channel name: surrounds count 1.41, LFE not at all.
_SURROUND = {"BL", "BR", "SL", "SR", "BC", "SIDE_LEFT", "SIDE_RIGHT", "BACK_LEFT", "BACK_RIGHT"}
_LFE = {"LFE", "LFE2", "LOW_FREQUENCY", "LOW_FREQUENCY_2"}


def channel_weights(names: list[str]) -> np.ndarray:
    return np.array([0.0 if n.upper() in _LFE else 1.41 if n.upper() in _SURROUND else 1.0
                     for n in names])


def _k_weighting(rate: int) -> tuple[np.ndarray, float]:
    """Second-order sections and overall gain of pyloudnorm's K-weighting at ``rate``."""
    meter = pyloudnorm.Meter(rate)
    sections = []
    gain = 1.0
    for stage in (meter._filters["high_shelf"], meter._filters["high_pass"]):
        b = np.asarray(stage.b, dtype=np.float64)
        a = np.asarray(stage.a, dtype=np.float64)
        sections.append(np.concatenate([b / a[0], a / a[0]]))
        gain *= stage.passband_gain
    return np.array(sections), gain


def loudness_of(power: float) -> float:
    return -0.691 + 10.0 * math.log10(power) if power > 0 else -math.inf


@dataclass(frozen=True)
class LoudnessReport:
    integrated_lufs: float | None  # None when nothing passes the absolute gate
    momentary_lufs: tuple[float, ...]  # window k covers [k·0.1 s, k·0.1 s + 0.4 s)
    block_lufs: tuple[float, ...]  # each 100 ms block alone, for finding a jump's onset


class LoudnessMeter:
    """Feed planar float audio chunks ``(channels, samples)`` in order, then ``finish``."""

    def __init__(self, rate: int, channel_names: list[str]) -> None:
        self.rate = rate
        self.weights = channel_weights(channel_names)
        self._sections, self._gain = _k_weighting(rate)
        self._state = np.zeros((len(self._sections), len(self.weights), 2))
        self._block_samples = max(1, round(rate * BLOCK_S))
        self._partial = np.zeros(len(self.weights))
        self._partial_count = 0
        self._blocks: list[float] = []  # channel-weighted mean square of each 100 ms block
        # Decoded audio arrives in ~20 ms frames; filtering each alone costs more in call
        # overhead than in arithmetic, so half a second is gathered first.
        self._waiting: list[np.ndarray] = []
        self._waiting_samples = 0

    def push(self, samples: np.ndarray) -> None:
        if samples.ndim != 2 or samples.shape[0] != len(self.weights) or samples.shape[1] == 0:
            return
        self._waiting.append(samples)
        self._waiting_samples += samples.shape[1]
        if self._waiting_samples >= self.rate // 2:
            self._filter_waiting()

    def _filter_waiting(self) -> None:
        if not self._waiting:
            return
        samples = np.concatenate(self._waiting, axis=1).astype(np.float64)
        self._waiting, self._waiting_samples = [], 0
        filtered, self._state = sosfilt(self._sections, samples, axis=-1, zi=self._state)
        squares = (filtered * self._gain) ** 2
        position = 0
        total = squares.shape[1]
        while position < total:
            take = min(self._block_samples - self._partial_count, total - position)
            self._partial += squares[:, position:position + take].sum(axis=1)
            self._partial_count += take
            position += take
            if self._partial_count == self._block_samples:
                mean_square = self._partial / self._block_samples
                self._blocks.append(float(self.weights @ mean_square))
                self._partial[:] = 0.0
                self._partial_count = 0

    def finish(self) -> LoudnessReport:
        self._filter_waiting()
        blocks = np.array(self._blocks)
        if len(blocks) < WINDOW_BLOCKS:
            return LoudnessReport(None, (), tuple(self._to_lufs(blocks)))
        windows = np.convolve(blocks, np.ones(WINDOW_BLOCKS) / WINDOW_BLOCKS, mode="valid")
        with np.errstate(divide="ignore"):
            window_lufs = -0.691 + 10.0 * np.log10(windows)
        above_absolute = windows[window_lufs >= ABSOLUTE_GATE_LUFS]
        integrated: float | None = None
        if len(above_absolute):
            relative_gate = loudness_of(float(above_absolute.mean())) + RELATIVE_GATE_LU
            gated = windows[(window_lufs >= ABSOLUTE_GATE_LUFS) & (window_lufs > relative_gate)]
            if len(gated):
                integrated = loudness_of(float(gated.mean()))
        return LoudnessReport(integrated, tuple(self._to_lufs(windows)),
                              tuple(self._to_lufs(blocks)))

    @staticmethod
    def _to_lufs(powers: np.ndarray) -> list[float]:
        with np.errstate(divide="ignore"):
            values = -0.691 + 10.0 * np.log10(powers)
        return [round(float(v), 2) for v in np.maximum(values, SILENCE_LUFS)]
