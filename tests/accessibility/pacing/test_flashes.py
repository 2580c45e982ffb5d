from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing.analyse import analyse_file
from accessibility.pacing.flashes import FlashCounter, flagged_periods
from accessibility.pacing.measure import measure_file


def test_five_hertz_full_screen_flash_is_flagged(flash_videos: dict[str, Path]) -> None:
    result = analyse_file(flash_videos["full_5hz"])
    assert len(result.flashes) == 1
    span = result.flashes[0]
    assert span.start_s < 0.5
    assert span.end_s > 2.5
    assert result.level is not None
    assert result.level.value == "very_fast"


def test_two_hertz_full_screen_flash_is_not_flagged(flash_videos: dict[str, Path]) -> None:
    measured = measure_file(flash_videos["full_2hz"])
    # It does flash (two transitions a cycle), just not more than three times a second.
    assert len(measured.luminance_transition_times) >= 10
    assert analyse_file(flash_videos["full_2hz"]).flashes == ()


def test_small_flashing_corner_is_not_flagged(flash_videos: dict[str, Path]) -> None:
    measured = measure_file(flash_videos["corner_5hz"])
    full = measure_file(flash_videos["full_5hz"])
    # The encoder's brightness compensation may nudge the whole picture once; the corner's
    # thirty transitions never count.
    assert len(measured.luminance_transition_times) <= 2
    assert len(full.luminance_transition_times) >= 25
    assert analyse_file(flash_videos["corner_5hz"]).flashes == ()


def test_saturated_red_flash_without_luminance_change_is_flagged(
        flash_videos: dict[str, Path]) -> None:
    measured = measure_file(flash_videos["red_5hz"])
    assert len(measured.red_transition_times) >= 20
    assert len(measured.luminance_transition_times) <= 2
    assert len(analyse_file(flash_videos["red_5hz"]).flashes) == 1


def test_steady_picture_has_no_transitions(flash_videos: dict[str, Path]) -> None:
    measured = measure_file(flash_videos["steady"])
    assert measured.luminance_transition_times == ()
    assert measured.red_transition_times == ()


def test_slow_rise_over_several_frames_counts_as_one_transition() -> None:
    counter = FlashCounter()
    levels = [0.1, 0.1, 0.2, 0.35, 0.5, 0.6, 0.6, 0.6]  # gamma-encoded grey, rising 4 frames
    for level in levels:
        counter.push(np.full((20, 12, 3), level, np.float32))
    assert len(counter.luminance_transitions) == 1


def test_bright_to_brighter_change_is_not_a_transition() -> None:
    counter = FlashCounter()
    for level in [0.95, 1.0, 0.95, 1.0, 0.95, 1.0]:  # both states above 0.80 luminance
        counter.push(np.full((20, 12, 3), level, np.float32))
    assert counter.luminance_transitions == []


@pytest.mark.parametrize(("per_second", "flagged"), [(3, False), (4, True)])
def test_more_than_three_flashes_a_second_is_the_line(per_second: int, flagged: bool) -> None:
    period = 1.0 / per_second
    times = [k * period / 2 for k in range(2 * per_second * 3)]  # three seconds of flashing
    assert bool(flagged_periods(times, 3)) is flagged
