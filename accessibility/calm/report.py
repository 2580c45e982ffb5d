"""What calming does to one episode, for ``silverreel inspect``: flash risk before and after
dimming, and how many cuts a cross-fade would soften.

Only the stretches the analysis flagged as flashing (plus a margin) are decoded again, at a
small size, and passed through the same ``PictureCalmer`` the player uses, with the same plan;
an episode without flagged flashes costs nothing more. The risk is counted on the pictures
before and after: WCAG 2.3.1 general/red flash periods (``accessibility.pacing.flashes``) and
the peak of Apple's 0–100 risk.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from accessibility.calm.apple_risk import FlashRisk
from accessibility.calm.calmer import (
    _SRGB_LINEAR,
    _WEIGHTS_BGR,
    CalmOptions,
    CalmPlan,
    PictureCalmer,
    grid_of,
)
from accessibility.pacing.flashes import FlashCounter, flagged_periods

_LEAD_S, _TAIL_S = 2.0, 4.0  # decoded around each flagged period
_SIZE = (90, 160)  # width, height of the re-decoded pictures
_MAX_FLASHES_PER_SECOND = 3


def windows(flashes: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for flash_start, flash_end in sorted(flashes):
        start, end = max(0.0, flash_start - _LEAD_S), flash_end + _TAIL_S
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def cuts_softened(cuts: Sequence[float], bursts: Sequence[tuple[float, float]],
                  in_bursts_only: bool) -> int:
    if not in_bursts_only:
        return len(cuts)
    return sum(1 for t in cuts if any(start <= t <= end for start, end in bursts))


class _Side:
    """WCAG transitions and Apple's risk of one side (before or after)."""

    def __init__(self) -> None:
        self.counter = FlashCounter()
        self.risk: FlashRisk | None = None
        self.peak_risk = 0.0
        self.times: list[float] = []

    def push(self, frame: np.ndarray, t: float, rate: float) -> None:
        grid = grid_of(frame)
        before = len(self.counter.luminance_transitions) + len(self.counter.red_transitions)
        self.counter.push(grid[..., ::-1].astype(np.float32) / 255.0)
        after = len(self.counter.luminance_transitions) + len(self.counter.red_transitions)
        self.times.extend([t] * (after - before))
        if self.risk is None:
            self.risk = FlashRisk(rate)
        self.risk.push(float((_SRGB_LINEAR[grid] @ _WEIGHTS_BGR).mean()))
        self.peak_risk = max(self.peak_risk, self.risk.risk)

    def summary(self) -> dict[str, Any]:
        periods = flagged_periods(sorted(self.times), _MAX_FLASHES_PER_SECOND)
        return {
            "wcag_failing_s": round(float(sum(end - start for start, end in periods)), 2),
            "wcag_failing": [{"start_s": round(s, 3), "end_s": round(e, 3)} for s, e in periods],
            "peak_risk": round(self.peak_risk, 1),
        }


def flash_risk(path: str | Path, flashes: Sequence[tuple[float, float]],
               options: CalmOptions | None = None) -> dict[str, Any]:
    """Risk before and after dimming in the flagged stretches of ``path``."""
    import av

    options = options or CalmOptions()
    plan = CalmPlan(flashes=tuple(flashes))
    before, after = _Side(), _Side()
    dimmed_s = 0.0
    with av.open(str(path), metadata_errors="ignore") as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        rate = float(stream.average_rate or 25)
        for start, end in windows(flashes):
            calmer = PictureCalmer(options)
            calmer.set_plan(plan)
            if stream.time_base is not None:
                container.seek(int(start / stream.time_base), stream=stream, backward=True)
            previous = None
            for frame in container.decode(stream):
                t = frame.time
                if t is None or t < start:
                    continue
                if t > end:
                    break
                small = frame.reformat(width=_SIZE[0], height=_SIZE[1], format="bgra")
                picture: np.ndarray = np.ascontiguousarray(small.to_ndarray(), dtype=np.uint8)
                before.push(picture, t, rate)
                calmer.set_clock(t, t, True)
                calmer.process(picture, t)
                after.push(picture, t, rate)
                if previous is not None and calmer.stats.dimmed_frames > previous:
                    dimmed_s += 1.0 / rate
                previous = calmer.stats.dimmed_frames
    return {"before": before.summary(), "after": after.summary(),
            "dimmed_s": round(dimmed_s, 2)}


def calm_report(path: str | Path, pacing: dict[str, Any],
                options: CalmOptions | None = None) -> dict[str, Any]:
    """The ``calm`` object of ``silverreel inspect EPISODE --json`` (see docs/pacing.md)."""
    options = options or CalmOptions()
    flashes = [(f["start_s"], f["end_s"]) for f in pacing.get("flashes", [])]
    cuts = list(pacing.get("cuts", []))
    bursts = [(b["start_s"], b["end_s"]) for b in pacing.get("bursts", [])]
    report: dict[str, Any] = {
        "dim_flashes": options.dim_flashes,
        "cuts_softened": {"every_cut": cuts_softened(cuts, bursts, False),
                          "in_bursts": cuts_softened(cuts, bursts, True)},
    }
    if flashes:
        report["flash_risk"] = flash_risk(path, flashes, options)
    else:
        nothing = {"wcag_failing_s": 0.0, "wcag_failing": [], "peak_risk": None}
        report["flash_risk"] = {"before": nothing, "after": nothing, "dimmed_s": 0.0}
    return report
