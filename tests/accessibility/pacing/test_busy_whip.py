"""Whip pans are no cuts; a short punch-in beside them still is two (ADR 008, "whip pans").

A whip pan smears a few frames along the swing and lands on another part of the scene: the
frame before it and the landing differ as much as two shots do. The episode, made by ffmpeg
from set F's sources at 360×640: whip pans in an office with rows of desks, in a lamp-lit
room and over trees in the wind with grain; a cut to a still; a 7-frame punch-in on the office
(smoother and with its detail lying along the desks, as a smear would be, but still) between
two cuts.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from accessibility.pacing import measure
from accessibility.pacing.cuts import CutParams
from accessibility.pacing.measure import PacingMeasurements, measure_file
from tests.accessibility.pacing.busy_media import BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.busy_media_f import FPlan, FShot
from tests.accessibility.pacing.pacing_media import encode

W, H = 360, 640
SCENES = (("office", 0), ("room", 1), ("still", 2), ("trees", 3), ("banquet", 4))

WHIPS = FPlan(W, H, seed=141, family="held_back_f", scenes=SCENES, shots=(
    FShot(45, scene=0, camera=Camera(zoom=2.0, centre=(0.32, 0.5)), whip_at=16,
          whip_frames=4, whip_shift=0.4),
    FShot(40, scene=1, camera=Camera(zoom=2.1, centre=(0.68, 0.5)), whip_at=14,
          whip_frames=3, whip_shift=-0.38),
    BusyShot(30, scene=2),
    BusyShot(30, scene=0, camera=Camera(zoom=1.2)),
    BusyShot(7, scene=0, camera=Camera(zoom=2.2, centre=(0.5, 0.45))),  # a short punch-in
    BusyShot(30, scene=3),
    FShot(40, scene=3, camera=Camera(zoom=1.9, centre=(0.32, 0.5)), grain=6, whip_at=12,
          whip_frames=4, whip_shift=0.36),
    FShot(36, scene=4, camera=Camera(zoom=2.0, centre=(0.68, 0.5)), whip_at=12,
          whip_frames=3, whip_shift=-0.4),
))


def _whip_frames(plan: FPlan) -> list[range]:
    """The frames each whip pan smears, in episode frame numbers."""
    out = []
    start = 0
    for shot in plan.shots:
        if isinstance(shot, FShot) and shot.whip_at >= 0:
            out.append(range(start + shot.whip_at, start + shot.whip_at + shot.whip_frames))
        start += shot.frames
    return out


@pytest.fixture(scope="module")
def whip_episode(pacing_media_dir: Path) -> Path:
    return encode(BusyRenderer(WHIPS).frames(), W, H, pacing_media_dir / "busy-whips.mp4")


@pytest.fixture(scope="module")
def measured(whip_episode: Path) -> PacingMeasurements:
    return measure_file(whip_episode)


def test_whip_pans_are_no_cuts_and_every_cut_is_found(measured: PacingMeasurements) -> None:
    labelled = [frame for frame, _kind in WHIPS.labelled_cuts()]
    assert len(labelled) == 7
    found = list(measured.cut_frames)
    whips = _whip_frames(WHIPS)
    assert len(whips) == 4
    missed = [c for c in labelled if not any(abs(c - f) <= 1 for f in found)]
    spurious = [f for f in found if not any(abs(c - f) <= 1 for c in labelled)]
    assert spurious == []
    assert missed == []  # the punch-in's two cuts included


def test_without_the_whip_test_the_same_episode_gives_false_cuts(
        whip_episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shows the episode is a real test: with whip pans not looked for, the smears are cuts.
    monkeypatch.setattr(measure, "CutParams",
                        lambda: dataclasses.replace(CutParams(), whip_frames=0))
    found = measure_file(whip_episode).cut_frames
    whips = _whip_frames(WHIPS)
    inside = [f for f in found if any(w.start - 1 <= f <= w.stop for w in whips)]
    assert len(inside) >= 2, (found, whips)
