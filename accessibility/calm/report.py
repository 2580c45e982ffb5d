"""What calming does to one episode, for ``silverreel inspect``: flash risk before and after
dimming, and how many cuts a cross-fade would soften.

Only the stretches the analysis flagged as flashing (plus a margin) are passed through the
same ``PictureCalmer`` the player uses, with the same plan; an episode without flagged flashes
costs nothing more. The calmer decides, and the risk is counted, on a grid of sample points of
a 90×160 picture only (``grid_of``), and dimming is the same table on every pixel, so a
``CalmSampler`` riding along the analysis' one decode pass keeps that grid of every frame
(4 KB a frame) and nothing needs decoding again; without one (or past its limit) the stretches
are decoded again. The risk is counted on the pictures
before and after: WCAG 2.3.1 general/red flash periods (``accessibility.pacing.flashes``) and
the peak of Apple's 0–100 risk.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from accessibility.calm.apple_risk import FlashRisk
from accessibility.calm.calmer import (
    _SRGB_LINEAR,
    _WEIGHTS_BGR,
    GRID,
    CalmOptions,
    CalmPlan,
    PictureCalmer,
    grid_of,
)
from accessibility.frames import GridSampler
from accessibility.pacing.flashes import FlashCounter, flagged_periods

_LEAD_S, _TAIL_S = 2.0, 4.0  # examined around each flagged period
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


class CalmSampler:
    """A per-frame hook for the analysis' decode pass: keeps the sample grid of every frame.

    ``__call__(t, frame)`` takes a decoded ``av.VideoFrame`` (``t``, the pass's own clock, is
    not used: the report works on the stream's timestamps, as when it decodes). Keeps at most
    ``max_frames`` (by default 10 minutes at 30 fps, ~70 MB); when the flagged stretches reach
    past that, the report decodes them again instead.
    """

    def __init__(self, max_frames: int = 18_000) -> None:
        self.max_frames = max_frames
        self.times: list[float] = []
        self.grids: list[np.ndarray] = []  # uint8 (rows, cols, 4) BGRX
        self.full = False
        self.last_time: float | None = None  # of any frame seen, kept or not
        self._grid = grid_sampler()

    def __call__(self, t: float, frame: Any) -> None:
        time = frame.time
        if time is None:
            return
        self.last_time = time
        if len(self.grids) >= self.max_frames:
            self.full = True
            return
        self.times.append(time)
        self.grids.append(self._grid(frame))

    def covers(self, end: float) -> bool:
        """Whether every frame up to ``end`` s was kept."""
        return bool(self.times) and (not self.full or self.times[-1] >= end)


def grid_sampler() -> GridSampler:
    """The sample grid of the 90×160 picture, read off a decoded frame as a BGRX picture of
    its own (rows, cols, 4): ``grid_of`` of it is all of it, so the calmer and the counters
    see the same values as on the whole picture."""
    return GridSampler(*GRID, *_SIZE)


def _decoded_frames(path: str | Path, spans: list[tuple[float, float]],
                    ) -> Iterator[tuple[int, float, np.ndarray]]:
    """(span index, time, picture) of the frames of ``spans``, decoded again."""
    import av

    with av.open(str(path), metadata_errors="ignore") as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        sample = grid_sampler()
        for index, (start, end) in enumerate(spans):
            if stream.time_base is not None:
                container.seek(int(start / stream.time_base), stream=stream, backward=True)
            for frame in container.decode(stream):
                t = frame.time
                if t is None or t < start:
                    continue
                if t > end:
                    break
                yield index, t, sample(frame)


def _sampled_frames(sampler: CalmSampler, spans: list[tuple[float, float]],
                    ) -> Iterator[tuple[int, float, np.ndarray]]:
    for index, (start, end) in enumerate(spans):
        first = bisect_left(sampler.times, start)
        for i in range(first, len(sampler.times)):
            t = sampler.times[i]
            if t > end:
                break
            yield index, t, sampler.grids[i].copy()  # the calmer dims its picture in place


def _frame_rate(path: str | Path) -> float:
    import av

    with av.open(str(path), metadata_errors="ignore") as container:
        return float(container.streams.video[0].average_rate or 25)


def flash_risk(path: str | Path, flashes: Sequence[tuple[float, float]],
               options: CalmOptions | None = None,
               sampler: CalmSampler | None = None) -> dict[str, Any]:
    """Risk before and after dimming in the flagged stretches of ``path``, from the grids a
    ``sampler`` kept during the analysis' pass, or decoded again."""
    options = options or CalmOptions()
    plan = CalmPlan(flashes=tuple(flashes))
    before, after = _Side(), _Side()
    dimmed_s = 0.0
    rate = _frame_rate(path)
    spans = windows(flashes)
    kept = sampler is not None and bool(spans) and sampler.covers(spans[-1][1])
    frames = _sampled_frames(sampler, spans) if sampler is not None and kept \
        else _decoded_frames(path, spans)
    calmer: PictureCalmer | None = None
    span = -1
    previous: int | None = None
    for index, t, picture in frames:
        if index != span or calmer is None:
            span, previous = index, None
            calmer = PictureCalmer(options)
            calmer.set_plan(plan)
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
                options: CalmOptions | None = None,
                sampler: CalmSampler | None = None) -> dict[str, Any]:
    """The ``calm`` object of ``silverreel inspect EPISODE --json`` (see docs/pacing.md);
    ``sampler``: the grids kept during the analysis' pass, if one rode along."""
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
        report["flash_risk"] = flash_risk(path, flashes, options, sampler)
    else:
        nothing = {"wcag_failing_s": 0.0, "wcag_failing": [], "peak_risk": None}
        report["flash_risk"] = {"before": nothing, "after": nothing, "dimmed_s": 0.0}
    return report
