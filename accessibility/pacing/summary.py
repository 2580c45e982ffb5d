"""From measurements and the family's thresholds to bursts, flash periods, jumps and a level."""

from __future__ import annotations

import statistics
from itertools import pairwise

from accessibility.pacing.flashes import flagged_periods
from accessibility.pacing.loudness import BLOCK_S, SILENCE_LUFS, WINDOW_BLOCKS
from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import (
    LEVEL_ORDER,
    Burst,
    FlashSpan,
    Level,
    LoudnessJump,
    PacingResult,
)
from accessibility.pacing.thresholds import PacingThresholds

_SHORTEST_TIMED_S = 0.001


def summarise(measured: PacingMeasurements,
              thresholds: PacingThresholds | None = None) -> PacingResult:
    th = thresholds or PacingThresholds()
    duration = measured.duration_s
    # No rate for a duration too short to hold a frame: a shared sidecar may claim one, and
    # a count over a subnormal number of minutes is infinite.
    minutes = duration / 60.0 if duration >= _SHORTEST_TIMED_S else 0.0
    has_picture = measured.frames > 0
    cuts = measured.cut_times
    cuts_per_minute = len(cuts) / minutes if minutes else 0.0
    bounds = (0.0, *cuts, duration)
    shots = [b - a for a, b in pairwise(bounds) if b > a]
    bursts = find_bursts(cuts, duration, th) if has_picture else ()
    flashes = tuple(
        FlashSpan(a, b) for a, b in _merge(
            flagged_periods(measured.luminance_transition_times, th.max_flashes_per_second)
            + flagged_periods(measured.red_transition_times, th.max_flashes_per_second))
    )
    jumps = find_jumps(measured.momentary_lufs, measured.block_lufs,
                       measured.integrated_lufs, th)
    level = None
    if has_picture:
        level = classify(cuts_per_minute, len(bursts) / minutes if minutes else 0.0,
                         len(jumps) / minutes if minutes else 0.0, bool(flashes), th)
    return PacingResult(
        duration_s=duration,
        cuts=cuts,
        cuts_per_minute=cuts_per_minute,
        shortest_shot_s=min(shots) if has_picture and shots else None,
        bursts=bursts,
        flashes=flashes,
        integrated_lufs=measured.integrated_lufs,
        loudness_jumps=jumps,
        level=level,
        momentary_lufs=measured.momentary_lufs,
        white_flash_cuts=measured.white_flash_cut_times,
        picture_cues=measured.picture_cues,
    )


def find_bursts(cuts: tuple[float, ...], duration: float,
                th: PacingThresholds) -> tuple[Burst, ...]:
    """Stretches where ``burst_min_shots`` short shots fit inside ``burst_window_s``."""
    bounds = (0.0, *cuts, duration)
    short = [(a, b) for a, b in pairwise(bounds) if 0 < b - a < th.burst_shot_s]
    spans: list[tuple[float, float]] = []
    for i in range(len(short) - th.burst_min_shots + 1):
        first, last = short[i], short[i + th.burst_min_shots - 1]
        if last[1] - first[0] <= th.burst_window_s:
            if spans and first[0] <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last[1]))
            else:
                spans.append((first[0], last[1]))
    return tuple(Burst(a, b, sum(1 for c in cuts if a <= c <= b)) for a, b in spans)


def find_jumps(momentary: tuple[float, ...], blocks: tuple[float, ...],
               integrated: float | None, th: PacingThresholds) -> tuple[LoudnessJump, ...]:
    """Onsets where momentary loudness rises ``jump_rise_lu`` above the recent median."""
    if integrated is None or not momentary:
        return ()
    history = round(th.jump_history_s / BLOCK_S)
    loud = integrated + th.jump_over_programme_lu
    jumps: list[LoudnessJump] = []
    in_jump = False
    for k, value in enumerate(momentary):
        # Windows that ended before window k began: the "previous" seconds, not overlapping.
        previous = momentary[max(0, k - history):max(0, k - WINDOW_BLOCKS + 1)]
        if len(previous) < 10 or value <= SILENCE_LUFS:
            in_jump = False
            continue
        baseline = statistics.median(previous)
        rise = value - baseline
        if rise >= th.jump_rise_lu and value >= loud:
            if not in_jump:
                jumps.append(LoudnessJump(_onset(k, blocks, baseline + th.jump_rise_lu), rise))
                in_jump = True
            elif rise > jumps[-1].rise_lu:
                jumps[-1] = LoudnessJump(jumps[-1].t_s, rise)
        else:
            in_jump = False
    return tuple(jumps)


def _onset(window: int, blocks: tuple[float, ...], level: float) -> float:
    # The window spans four 100 ms blocks; the jump starts at the first loud one.
    for j in range(window, min(window + WINDOW_BLOCKS, len(blocks))):
        if blocks[j] >= level:
            return round(j * BLOCK_S, 1)
    return round(window * BLOCK_S, 1)


def classify(cuts_per_minute: float, bursts_per_minute: float, jumps_per_minute: float,
             flashing: bool, th: PacingThresholds) -> Level:
    """The highest level any measure reaches."""
    by_cuts = (Level.VERY_FAST if cuts_per_minute >= th.very_fast_cuts_per_minute
               else Level.FAST if cuts_per_minute >= th.fast_cuts_per_minute
               else Level.MODERATE if cuts_per_minute >= th.moderate_cuts_per_minute
               else Level.CALM)
    by_bursts = (Level.FAST if bursts_per_minute >= th.fast_bursts_per_minute
                 else Level.MODERATE if bursts_per_minute > 0 else Level.CALM)
    by_jumps = (Level.FAST if jumps_per_minute >= th.fast_jumps_per_minute
                else Level.MODERATE if jumps_per_minute > 0 else Level.CALM)
    by_flashes = Level.VERY_FAST if flashing else Level.CALM
    return max((by_cuts, by_bursts, by_jumps, by_flashes), key=LEVEL_ORDER.index)


def _merge(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
