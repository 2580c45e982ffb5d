from __future__ import annotations

import pytest

from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import Level
from accessibility.pacing.summary import classify, find_bursts, find_jumps, summarise
from accessibility.pacing.thresholds import PacingThresholds

TH = PacingThresholds()


def _measured(cuts: tuple[float, ...], duration: float = 60.0, frames: int | None = None,
              integrated_lufs: float | None = -23.0) -> PacingMeasurements:
    return PacingMeasurements(
        duration_s=duration, fps=30.0, frames=int(duration * 30) if frames is None else frames,
        cut_frames=tuple(round(c * 30) for c in cuts), cut_times=cuts, white_flash_cut_times=(),
        luminance_transition_times=(), red_transition_times=(), integrated_lufs=integrated_lufs,
        momentary_lufs=(), block_lufs=(),
    )


def test_three_short_shots_within_two_seconds_make_a_burst() -> None:
    cuts = (10.0, 10.4, 10.8, 11.2, 20.0)
    (burst,) = find_bursts(cuts, 60.0, TH)
    assert (burst.start_s, burst.end_s, burst.cuts) == (10.0, 11.2, 4)


def test_short_shots_spread_out_are_no_burst() -> None:
    assert find_bursts((10.0, 10.4, 15.0, 15.4, 20.0, 20.4), 60.0, TH) == ()


def test_overlapping_bursts_merge() -> None:
    cuts = tuple(10.0 + 0.3 * k for k in range(12))  # 3.3 s of 0.3 s shots
    (burst,) = find_bursts(cuts, 60.0, TH)
    assert burst.start_s == 10.0
    assert burst.end_s == pytest.approx(13.3)
    assert burst.cuts == 12


@pytest.mark.parametrize(("per_minute", "level"), [
    (5, Level.CALM), (12, Level.MODERATE), (19, Level.MODERATE), (20, Level.FAST),
    (30, Level.VERY_FAST), (90, Level.VERY_FAST),
])
def test_cut_rate_sets_the_level(per_minute: float, level: Level) -> None:
    assert classify(per_minute, 0.0, 0.0, False, TH) is level


def test_flashing_makes_an_episode_very_fast() -> None:
    assert classify(2, 0.0, 0.0, True, TH) is Level.VERY_FAST


def test_bursts_and_jumps_raise_a_calm_episode() -> None:
    assert classify(5, 0.5, 0.0, False, TH) is Level.MODERATE
    assert classify(5, 2.0, 0.0, False, TH) is Level.FAST
    assert classify(5, 0.0, 3.0, False, TH) is Level.FAST


def test_family_thresholds_change_the_level_without_new_measuring() -> None:
    measured = _measured(tuple(float(t) for t in range(3, 60, 4)))  # 15 cuts a minute
    assert summarise(measured).level is Level.MODERATE
    strict = PacingThresholds(moderate_cuts_per_minute=6, fast_cuts_per_minute=10)
    assert summarise(measured, strict).level is Level.FAST


def test_summary_counts_and_shortest_shot() -> None:
    result = summarise(_measured((5.0, 5.3, 30.0), duration=30.5))
    assert result.cuts_per_minute == pytest.approx(3 / 30.5 * 60)
    assert result.shortest_shot_s == pytest.approx(0.3)


def test_no_picture_means_no_level_but_loudness_stays() -> None:
    result = summarise(_measured((), frames=0, integrated_lufs=-20.0))
    assert result.level is None
    assert result.shortest_shot_s is None
    assert result.integrated_lufs == -20.0


def test_jump_needs_history_and_a_real_rise() -> None:
    steady = (-30.0,) * 40
    loud = steady + (-14.0,) * 5 + steady
    blocks = (-30.0,) * 40 + (-14.0,) * 8 + (-30.0,) * 40
    (jump,) = find_jumps(loud, blocks, -29.0, TH)
    assert jump.t_s == pytest.approx(4.0)
    assert jump.rise_lu == pytest.approx(16.0)
    assert find_jumps(steady, steady, -30.0, TH) == ()
    assert find_jumps((-14.0,) * 5 + steady, blocks, -29.0, TH) == ()  # at the very start


@pytest.mark.parametrize("duration", [2.2250738585072014e-308, 5e-324, 1e-9])
def test_a_duration_too_short_for_a_frame_gives_no_infinite_rate(duration: float) -> None:
    # A shared sidecar may claim any duration: the rates stay finite (none is measured) and
    # the episode is not called fast for it (found by the sidecar property test).
    result = summarise(_measured((0.0,), duration=duration, frames=1))
    assert result.cuts_per_minute == 0.0
    assert result.level is Level.CALM
