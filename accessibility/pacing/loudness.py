"""ITU-R BS.1770 loudness measured while the audio streams past.

The K-weighting filters are pyloudnorm's (the same RBJ-cookbook biquads, designed for the
stream's own sample rate). The filtering and the gating are done here, block by block, because
pyloudnorm's meter wants the whole signal as one array: a three-minute stereo episode would
hold ~140 MB of float64 samples in the background worker, a feature film gigabytes. Here
memory stays at one 100 ms block per channel. ``tests/accessibility/pacing/test_loudness.py``
checks the result against ``pyloudnorm.Meter.integrated_loudness`` on the same signal.

Neither pyloudnorm nor SciPy is imported: importing ``scipy.signal`` (which pyloudnorm does
at import) costs ~0.8 s of CPU in a cold process, more than the whole loudness measure of an
episode and a tenth of ``silverreel inspect``. The two biquads' coefficients are computed
below with pyloudnorm's formulas (a dozen lines), and the filtering runs in FFmpeg's own
``biquad`` filter in double precision (libavfilter, already loaded for decoding) instead of
``scipy.signal.sosfilt``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import av
import av.filter
import numpy as np

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


# pyloudnorm's "K-weighting" filter class: (gain dB, Q, centre Hz) of the high shelf and the
# high pass; both have a pass-band gain of 1.
_HIGH_SHELF = (4.0, 1 / math.sqrt(2), 1500.0)
_HIGH_PASS = (0.0, 0.5, 38.0)


def _k_weighting(rate: int) -> list[tuple[float, ...]]:
    """(b0, b1, b2, a0, a1, a2) of the two K-weighting biquads at ``rate``, normalised by a0.

    RBJ's Audio EQ Cookbook formulas, exactly as ``pyloudnorm.IIRfilter`` computes them.
    """
    sections = []
    for kind, (gain_db, q, fc) in (("high_shelf", _HIGH_SHELF), ("high_pass", _HIGH_PASS)):
        a = 10 ** (gain_db / 40.0)
        w0 = 2.0 * math.pi * (fc / rate)
        cos_w0 = math.cos(w0)
        alpha = math.sin(w0) / (2.0 * q)
        if kind == "high_shelf":
            root = 2 * math.sqrt(a) * alpha
            b = (a * ((a + 1) + (a - 1) * cos_w0 + root),
                 -2 * a * ((a - 1) + (a + 1) * cos_w0),
                 a * ((a + 1) + (a - 1) * cos_w0 - root))
            den = ((a + 1) - (a - 1) * cos_w0 + root,
                   2 * ((a - 1) - (a + 1) * cos_w0),
                   (a + 1) - (a - 1) * cos_w0 - root)
        else:
            b = ((1 + cos_w0) / 2, -(1 + cos_w0), (1 + cos_w0) / 2)
            den = (1 + alpha, -2 * cos_w0, 1 - alpha)
        sections.append(tuple(v / den[0] for v in (*b, *den)))
    return sections


class _KFilter:
    """The K-weighting biquads over planar float64 chunks, state kept between chunks."""

    def __init__(self, rate: int, channels: int) -> None:
        self._graph = av.filter.Graph()
        self._rate = rate
        self._layout = f"{channels}c"
        node = self._graph.add_abuffer(format="dblp", sample_rate=rate, layout=self._layout,
                                       channels=channels, time_base=Fraction(1, rate))
        for b0, b1, b2, a0, a1, a2 in _k_weighting(rate):
            stage = self._graph.add("biquad", f"b0={b0!r}:b1={b1!r}:b2={b2!r}:a0={a0!r}:"
                                              f"a1={a1!r}:a2={a2!r}:precision=f64")
            node.link_to(stage)
            node = stage
        sink = self._graph.add("abuffersink")
        node.link_to(sink)
        self._graph.configure()
        self._pts = 0

    def __call__(self, samples: np.ndarray) -> np.ndarray:
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples, dtype=np.float64),
                                           format="dblp", layout=self._layout)
        frame.sample_rate = self._rate
        frame.pts = self._pts
        self._pts += samples.shape[1]
        self._graph.push(frame)
        out = []
        while True:
            try:
                out.append(self._graph.pull().to_ndarray())
            except (av.BlockingIOError, av.EOFError):
                break
        if not out:
            return np.zeros((samples.shape[0], 0))
        return out[0] if len(out) == 1 else np.concatenate(out, axis=1)


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
        self._filter = _KFilter(rate, len(self.weights))
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
        filtered = self._filter(samples)
        squares = filtered * filtered
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
