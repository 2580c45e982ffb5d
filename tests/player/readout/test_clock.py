"""The episode's position between the engine's reports."""

from __future__ import annotations

from player.readout.clock import MAX_EXTRAPOLATION_MS, PlaybackClock


class Now:
    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds


def test_the_estimate_runs_on_from_the_last_report_while_playing() -> None:
    now = Now()
    clock = PlaybackClock(0, now)
    clock.report(5000)
    now.seconds += 0.25
    assert clock.estimate(running=True) == 5250
    assert clock.estimate(running=True, rate=2.0) == 5500
    assert clock.estimate(running=False) == 5000
    assert clock.reported == 5000


def test_a_stalled_clock_is_not_extrapolated_far() -> None:
    now = Now()
    clock = PlaybackClock(1000, now)
    now.seconds += 30
    assert clock.estimate(running=True) == 1000 + MAX_EXTRAPOLATION_MS


def test_restart_forgets_the_time_spent_paused() -> None:
    now = Now()
    clock = PlaybackClock(2000, now)
    now.seconds += 10  # paused for ten seconds
    clock.restart()
    now.seconds += 0.1
    assert clock.estimate(running=True) == 2100
