"""Flash risk and mitigation strength, frame by frame: a port of Apple's VideoFlashingReduction.

Ported from the MATLAB reference (RiskComputePass0/1/2.m, GammaKernelFunction.m,
VideoProcesser.m) of github.com/apple/VideoFlashingReduction, MIT licence,
Copyright © 2023 Apple Inc.; the contrast kernels (``umf_kernels.json``) are that project's
``UMFKernel-Data.txt``. See also Apple's "Video flashing reduction technical summary".

The model: the average picture level of each frame in linear light, scaled by the display's
peak luminance (nits) → the eye's adaptation level (1 s time constant) → the frame's contrast
against it → temporal contrast filters, one per standard luminance level, chosen for the
picture's angular size and the frame rate → squared responses pooled by a gamma kernel →
an energy interpolated at the adaptation level → a 0–100 risk → a mitigation strength
(0–1) that attacks at once and releases with a 2 s time constant.

Differences from the reference: it uses the strength of the *current* frame (the reference
applies the previous frame's), because the player sees each frame before it is shown.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

STANDARD_SIZES_DEG = (6.0, 20.0, 45.0)
STANDARD_NITS = (0.2, 1.0, 10.0, 150.0, 500.0)
STANDARD_FRAME_RATES = (24.0, 25.0, 30.0, 50.0, 60.0, 90.0, 120.0)
_AREA_EFFECT = 0.263  # cA: how the stimulated area changes sensitivity
_ADAPT_TAU_S = 1.0
_MITIGATION_TAU_S = 2.0
_POOL_SHAPE = 2
_POOL_SCALE = 0.15
_POOL_EXPONENT = 2.0
# Risk mapping (Weibull-like): below 33 no risk; 100 at very high energy.
_RISK_LOCATION, _RISK_SCALE, _RISK_SHAPE = 33.0, 200.0, 3.0
_STEP_MASK = 1.8  # normalised energy below which a change is a step (a cut), not a flicker
_STRENGTH_GAIN = 0.5  # risk 100 → strength 1


@dataclass(frozen=True)
class ViewingConditions:
    """How the viewer sees the screen. Defaults: a 55-inch TV at about 3 m (≈ 300 square
    degrees), 200 nits peak — larger and brighter errs on the side of dimming."""

    peak_nits: float = 200.0
    area_deg2: float = 300.0


@cache
def _kernel_table() -> list[list[list[list[float]]]]:
    data = json.loads((Path(__file__).with_name("umf_kernels.json")).read_text(encoding="utf-8"))
    kernels: list[list[list[list[float]]]] = data["kernels"]
    return kernels


def _closest(values: tuple[float, ...], target: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - target))


def pool_kernel(frame_rate: float) -> np.ndarray:
    """GammaKernelFunction.m: a gamma density sampled at the frame rate to its 99 % mass."""
    values: list[float] = []
    t = 0.0
    div = math.factorial(_POOL_SHAPE - 1)
    while sum(values) / frame_rate <= 0.99:
        t += 1.0 / frame_rate
        values.append(math.exp(-t / _POOL_SCALE) * _POOL_SCALE ** -_POOL_SHAPE
                      * t ** (_POOL_SHAPE - 1) / div)
    return np.array(values)


class FlashRisk:
    """Feed one average picture level (linear light, 0–1) per frame; read risk and strength."""

    def __init__(self, frame_rate: float = 30.0,
                 viewing: ViewingConditions | None = None) -> None:
        self.viewing = viewing or ViewingConditions()
        self.frame_rate = frame_rate
        size = math.sqrt(self.viewing.area_deg2 * 1.6)
        size_index = _closest(STANDARD_SIZES_DEG, size)
        rate_index = _closest(STANDARD_FRAME_RATES, frame_rate)
        table = _kernel_table()[size_index]
        self._kernels = [np.array(table[nits][rate_index]) for nits in range(len(STANDARD_NITS))]
        self._kernel_energy = [float(np.sum(k * k)) for k in self._kernels]
        self._contrast = [np.zeros(len(k)) for k in self._kernels]
        self._pool = pool_kernel(frame_rate)[::-1].copy()  # newest sample last
        self._energy = np.zeros((len(STANDARD_NITS), len(self._pool)))
        self._energy_norm = np.zeros((len(STANDARD_NITS), len(self._pool)))
        self._response_adjust = ((size / STANDARD_SIZES_DEG[size_index]) ** (2 * _AREA_EFFECT)
                                 / frame_rate ** (1 / _POOL_EXPONENT))
        self._mu_adapt = 1 - math.exp(-1 / (_ADAPT_TAU_S * frame_rate))
        self._mu_release = 1 - math.exp(-1 / (_MITIGATION_TAU_S * frame_rate))
        self._log_nits = np.log10(np.array(STANDARD_NITS))
        self.adaptation_nits: float | None = None
        self.risk = 0.0
        self.strength = 0.0

    @property
    def adaptation_level(self) -> float:
        """The eye's adaptation level as a linear picture level (0–1)."""
        if self.adaptation_nits is None:
            return 0.0
        return self.adaptation_nits / self.viewing.peak_nits

    def push(self, average_level: float) -> float:
        """One frame's average picture level; returns the mitigation strength for it."""
        nits = max(average_level * self.viewing.peak_nits, 0.0)
        if self.adaptation_nits is None:
            self.adaptation_nits = nits
        else:
            self.adaptation_nits += self._mu_adapt * (nits - self.adaptation_nits)
        adapt = self.adaptation_nits
        contrast = (nits - adapt) / adapt if adapt > 1e-6 else 0.0
        responses = np.empty(len(self._kernels))
        normalised = np.empty(len(self._kernels))
        for i, kernel in enumerate(self._kernels):
            buffer = self._contrast[i]
            buffer[:-1] = buffer[1:]
            buffer[-1] = contrast
            responses[i] = float(np.dot(buffer, kernel[::-1]))
            magnitude = float(np.dot(buffer, buffer)) * self._kernel_energy[i]
            normalised[i] = float(np.dot(buffer, kernel)) / math.sqrt(magnitude + 1e-7)
        self._energy[:, :-1] = self._energy[:, 1:]
        self._energy[:, -1] = responses ** _POOL_EXPONENT
        self._energy_norm[:, :-1] = self._energy_norm[:, 1:]
        self._energy_norm[:, -1] = normalised ** _POOL_EXPONENT
        pooled = (self._energy @ self._pool) ** (1 / _POOL_EXPONENT)
        pooled_norm = (self._energy_norm @ self._pool) ** (1 / _POOL_EXPONENT)
        log_adapt = math.log10(max(adapt, 1e-9))
        energy = float(np.interp(log_adapt, self._log_nits, pooled)) * self._response_adjust
        risk = 0.0
        if energy > _RISK_LOCATION:
            risk = 100.0 * (1 - math.exp(-((energy - _RISK_LOCATION) / _RISK_SCALE) ** _RISK_SHAPE))
        if pooled_norm[-1] <= _STEP_MASK:  # step masking: a single change is not a flicker
            risk = 0.0
        self.risk = risk
        target = max(0.0, min(1.0, math.log10(risk) * _STRENGTH_GAIN)) if risk > 0 else 0.0
        if target < self.strength:  # release slowly, attack at once
            target = target * self._mu_release + self.strength * (1 - self._mu_release)
            if target < 0.01:
                target = 0.0
        self.strength = target
        return target


def mitigation_curve(strength: float, adaptation_level: float, steps: int = 256) -> np.ndarray:
    """RiskComputePass0.m's mapping as a table over 8-bit codes (gamma 2.2, as the reference):
    contrast and brightness both scaled by (1 − strength) around the adaptation level."""
    codes = np.arange(steps, dtype=np.float64) / (steps - 1)
    linear = codes ** 2.2
    keep = 1.0 - strength
    out = np.clip(keep * keep * (linear - adaptation_level) + keep * adaptation_level, 0.0, 1.0)
    return np.round(out ** (1 / 2.2) * (steps - 1)).astype(np.uint8)
