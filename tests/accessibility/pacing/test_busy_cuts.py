"""Cuts next to busy shots: found, and nothing found where there is no cut.

Episodes from ``busy_media`` at 180×320 (the analyser reduces every picture to ~45×80 anyway):
sources whose every frame changes — rain, animated noise, a crowd, a cellular automaton,
fireworks — with shake, pans, zooms, grain, lighting ramps and hue drift inside shots.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accessibility.pacing.measure import PacingMeasurements, measure_file
from tests.accessibility.pacing.busy_media import (
    BusyPlan,
    BusyRenderer,
    BusyShot,
    Camera,
    busy_plan,
)
from tests.accessibility.pacing.pacing_media import encode

W, H = 180, 320
SCENES = (("still", 0), ("rain", 1), ("noise", 2), ("crowd", 3), ("life", 4), ("fireworks", 0),
          ("still", 3))

# One of each hard kind of cut, in this order: busy to busy, very short shots beside busy
# ones, busy to calm, calm to busy, only the hue changes, only the framing changes (same busy
# place), a cut under a lighting ramp, a 闪白 white-flash cut between busy shots.
HARD = BusyPlan(W, H, seed=5, family="tuning", scenes=SCENES, shots=(
    BusyShot(24, scene=1, camera=Camera(shake=0.01), grain=6),
    BusyShot(20, scene=2),
    BusyShot(8, scene=3, camera=Camera(pan=(0.006, 0.0))),
    BusyShot(9, scene=4),
    BusyShot(10, scene=5, grain=4),
    BusyShot(26, scene=0, camera=Camera(zoom_rate=0.01)),
    BusyShot(24, scene=3, light=(1.0, 0.6)),
    BusyShot(24, scene=6, grain=4),
    BusyShot(24, scene=6, grain=4, hue=(120.0, 120.0)),
    BusyShot(24, scene=3, camera=Camera(zoom=1.3, centre=(0.4, 0.4))),
    BusyShot(24, scene=3, camera=Camera(zoom=2.4, centre=(0.6, 0.6))),
    BusyShot(24, scene=4, light=(1.0, 1.5), hue=(0.0, 40.0)),
    BusyShot(24, scene=1, enter="flash", enter_frames=2),
))

# Everything that is not a cut: every shot enters by a dissolve, busy shots run long, the camera
# pans, zooms and shakes, the light ramps, the hue drifts, grain, and a lightning frame.
CALM = BusyPlan(W, H, seed=6, family="tuning", scenes=SCENES, shots=(
    BusyShot(40, scene=1, camera=Camera(pan=(0.008, 0.003)), grain=8),
    BusyShot(40, scene=2, camera=Camera(zoom_rate=0.015), enter="dissolve", enter_frames=10),
    BusyShot(40, scene=3, camera=Camera(shake=0.012), enter="dissolve", enter_frames=12),
    BusyShot(45, scene=4, light=(1.0, 0.5), enter="dissolve", enter_frames=10),
    BusyShot(45, scene=0, hue=(0.0, 60.0), grain=10, lightning_at=20, enter="dissolve",
             enter_frames=15),
    BusyShot(40, scene=5, camera=Camera(zoom_rate=-0.01), enter="dissolve", enter_frames=8),
))


def _render(plan: BusyPlan, path: Path) -> Path:
    return encode(BusyRenderer(plan).frames(), plan.width, plan.height, path)


def _score(found: tuple[int, ...], truth: tuple[int, ...]) -> tuple[list[int], list[int]]:
    missed = [c for c in truth if not any(abs(c - f) <= 1 for f in found)]
    spurious = [f for f in found if not any(abs(c - f) <= 1 for c in truth)]
    return missed, spurious


@pytest.fixture(scope="module")
def hard_measured(pacing_media_dir: Path) -> PacingMeasurements:
    return measure_file(_render(HARD, pacing_media_dir / "busy-hard.mp4"))


def test_every_hard_cut_is_found_once(hard_measured: PacingMeasurements) -> None:
    labelled = dict(HARD.labelled_cuts())
    assert {"busy_to_busy", "short_by_busy", "busy_edge", "hue_only", "framing_only",
            "white_flash"} <= set(labelled.values())
    missed, spurious = _score(hard_measured.cut_frames, HARD.cut_frames)
    assert [(c, labelled[c]) for c in missed] == []
    assert spurious == []
    assert len(hard_measured.cut_frames) == len(HARD.cut_frames)


def test_white_flash_between_busy_shots_is_one_flash_cut(
        hard_measured: PacingMeasurements) -> None:
    (flash_cut,) = [f for f, kind in HARD.labelled_cuts() if kind == "white_flash"]
    found = [round(t * hard_measured.fps) for t in hard_measured.white_flash_cut_times]
    assert len(found) == 1
    assert abs(found[0] - flash_cut) <= 1


def test_nothing_but_motion_dissolves_and_lightning_gives_no_cut(
        pacing_media_dir: Path) -> None:
    assert CALM.cut_frames == ()
    measured = measure_file(_render(CALM, pacing_media_dir / "busy-calm.mp4"))
    kinds = CALM.frame_kinds()
    assert [(f, kinds[f]) for f in measured.cut_frames] == []


@pytest.mark.parametrize("seed", [41, 57])
def test_random_busy_episode_scores_high(pacing_media_dir: Path, seed: int) -> None:
    plan = busy_plan(W, H, seed=seed, seconds=10)
    measured = measure_file(_render(plan, pacing_media_dir / f"busy-{seed}.mp4"))
    missed, spurious = _score(measured.cut_frames, plan.cut_frames)
    truth, found = len(plan.cut_frames), len(measured.cut_frames)
    assert truth >= 6
    precision = (found - len(spurious)) / found
    recall = (truth - len(missed)) / truth
    assert 2 * precision * recall / (precision + recall) >= 0.9, (missed, spurious)


def test_burned_in_subtitles_coming_and_going_are_not_cuts() -> None:
    # 第4集 of the demo: a line appears or vanishes every few seconds in the picture's bottom.
    from player.assets import demo_library

    demo = demo_library()
    truth = json.loads((demo / "demo.json").read_text(encoding="utf-8"))
    episode = truth["episodes"][3]
    assert episode["burned_in_cues"]
    measured = measure_file(demo / episode["file"])
    frame = 1 / measured.fps
    found, expected = measured.cut_times, episode["cuts"]
    assert [t for t in found if not any(abs(t - c) <= frame + 1e-6 for c in expected)] == []
    assert [c for c in expected if not any(abs(t - c) <= frame + 1e-6 for t in found)] == []
