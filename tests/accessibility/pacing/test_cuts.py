from __future__ import annotations

from pathlib import Path

from accessibility.pacing.measure import PacingMeasurements, measure_file
from tests.accessibility.pacing.conftest import Episode
from tests.accessibility.pacing.pacing_media import micro_drama_plan, render


def _matches(found: tuple[int, ...], truth: tuple[int, ...]) -> tuple[list[int], list[int]]:
    missed = [c for c in truth if not any(abs(c - f) <= 1 for f in found)]
    spurious = [f for f in found if not any(abs(c - f) <= 1 for c in truth)]
    return missed, spurious


def test_every_cut_found_within_one_frame_and_none_inside_shots(
        crafted_episode: Episode, crafted_measured: PacingMeasurements) -> None:
    measured = crafted_measured
    truth = crafted_episode.plan.cut_frames
    missed, spurious = _matches(measured.cut_frames, truth)
    assert missed == []
    assert spurious == []
    assert len(measured.cut_frames) == len(truth)


def test_dissolve_is_not_a_cut(crafted_episode: Episode,
                               crafted_measured: PacingMeasurements) -> None:
    measured = crafted_measured
    (dissolve,) = crafted_episode.plan.dissolves
    assert not [f for f in measured.cut_frames if dissolve.start - 1 <= f <= dissolve.stop]


def test_white_flash_between_shots_is_one_cut(crafted_episode: Episode,
                                              crafted_measured: PacingMeasurements) -> None:
    plan = crafted_episode.plan
    measured = crafted_measured
    flash_cuts = [start for start, shot in zip(plan.starts(), plan.shots, strict=True)
                  if shot.enter == "flash"]
    assert len(flash_cuts) == 3
    for start, shot in zip(plan.starts(), plan.shots, strict=True):
        if shot.enter == "flash":
            first = start - shot.enter_frames - 1
            near = [f for f in measured.cut_frames if first <= f <= start + 1]
            assert len(near) == 1, (start, near)
    found_flash_frames = [round(t * measured.fps) for t in measured.white_flash_cut_times]
    assert len(found_flash_frames) == 3
    missed, _ = _matches(tuple(found_flash_frames), tuple(flash_cuts))
    assert missed == []


def test_lightning_inside_a_shot_is_not_a_cut(crafted_episode: Episode,
                                              crafted_measured: PacingMeasurements) -> None:
    plan = crafted_episode.plan
    (index,) = [i for i, s in enumerate(plan.shots) if s.lightning_at >= 0]
    lightning = plan.starts()[index] + plan.shots[index].lightning_at
    measured = crafted_measured
    assert not [f for f in measured.cut_frames if lightning - 1 <= f <= lightning + 2]


def test_cut_times_are_frame_times(crafted_episode: Episode,
                                   crafted_measured: PacingMeasurements) -> None:
    measured = crafted_measured
    assert measured.fps == 30
    assert [round(t * 30) for t in measured.cut_times] == list(measured.cut_frames)


def test_random_micro_drama_episode_scores_high(pacing_media_dir: Path) -> None:
    # A different, randomly planned episode: bursts of 8–15 frame shots, textures, flashes.
    plan = micro_drama_plan(180, 320, seed=11, seconds=20)
    path = render(plan, pacing_media_dir / "random.mp4")
    measured = measure_file(path)
    missed, spurious = _matches(measured.cut_frames, plan.cut_frames)
    truth = len(plan.cut_frames)
    found = len(measured.cut_frames)
    precision = (found - len(spurious)) / found
    recall = (truth - len(missed)) / truth
    assert truth >= 10
    assert 2 * precision * recall / (precision + recall) >= 0.95, (missed, spurious)
