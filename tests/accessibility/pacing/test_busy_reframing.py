"""Re-framings of busy textures, cuts during zooms and jolts beside cuts (ADR 008, 2026-11-29).

Episodes from the ``tuning_new`` family of ``busy_media`` at 180×320: water ripples, an LED
wall and confetti — textures without large shapes — re-framed by a punch-in, a mirror, a
quarter turn or a jump made while the camera zooms, beside 8-frame shots; and, as things that
must not be found, hand-held shake with grain, a lighting ramp and a hue drift all at once.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing.cuts import CutDetector
from accessibility.pacing.measure import PacingMeasurements, measure_file
from tests.accessibility.pacing.busy_media import BusyPlan, BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.pacing_media import encode

W, H = 180, 320
SCENES = (("still", 3), ("ripples", 1), ("led", 2), ("confetti", 4), ("still", 1),
          ("crowd", 0))

REFRAMED = BusyPlan(W, H, seed=131, family="tuning_new", scenes=SCENES, shots=(
    BusyShot(30, scene=1, grain=5),
    BusyShot(24, scene=1, camera=Camera(zoom=2.1, centre=(0.4, 0.6)), grain=5),  # punch-in
    BusyShot(8, scene=2, camera=Camera(turn=1)),
    BusyShot(8, scene=3),
    BusyShot(26, scene=3, camera=Camera(mirror=True, zoom=1.6, centre=(0.3, 0.5))),  # mirror
    BusyShot(24, scene=2, camera=Camera(zoom=1.4, zoom_rate=0.015)),
    BusyShot(24, scene=2, camera=Camera(zoom=2.2, zoom_rate=0.015)),  # jump during a zoom
    BusyShot(24, scene=5, camera=Camera(zoom=1.3, turn=0, shake=0.012), grain=8),
    BusyShot(24, scene=5, camera=Camera(zoom=1.3, turn=1), grain=8),  # quarter turn
    BusyShot(9, scene=0, light=(1.0, 0.7)),
    BusyShot(24, scene=1, camera=Camera(zoom=1.3), hue=(0.0, 0.0)),
    BusyShot(24, scene=1, camera=Camera(zoom=1.3), hue=(140.0, 140.0)),  # hue only
    BusyShot(24, scene=3, enter="flash", enter_frames=2),
))

# Nothing here is a cut: busy textures held long, a camera that shakes over grain while the
# light falls and the hue drifts (a washed-out picture, where hard colour bins used to tip),
# zooms over the LED wall, a dissolve and lightning.
STEADY = BusyPlan(W, H, seed=132, family="tuning_new", scenes=SCENES, shots=(
    BusyShot(45, scene=4, camera=Camera(zoom=1.6, shake=0.012, turn=1), grain=7,
             light=(1.0, 0.6), hue=(18.0, -25.0)),
    BusyShot(40, scene=1, camera=Camera(zoom_rate=0.012), grain=10, enter="dissolve",
             enter_frames=10),
    BusyShot(40, scene=2, camera=Camera(zoom=1.5, zoom_rate=-0.01, mirror=True),
             enter="dissolve", enter_frames=12),
    BusyShot(45, scene=3, camera=Camera(shake=0.01), light=(1.0, 1.5), lightning_at=20,
             enter="dissolve", enter_frames=10),
))


def _render(plan: BusyPlan, path: Path) -> Path:
    return encode(BusyRenderer(plan).frames(), plan.width, plan.height, path)


@pytest.fixture(scope="module")
def reframed(pacing_media_dir: Path) -> PacingMeasurements:
    return measure_file(_render(REFRAMED, pacing_media_dir / "busy-reframed.mp4"))


def test_reframings_of_busy_textures_are_found_once(reframed: PacingMeasurements) -> None:
    labelled = dict(REFRAMED.labelled_cuts())
    assert list(labelled.values()).count("framing_only") == 4
    found = reframed.cut_frames
    missed = [(c, kind) for c, kind in labelled.items() if not any(abs(c - f) <= 1 for f in found)]
    spurious = [f for f in found if not any(abs(c - f) <= 1 for c in labelled)]
    assert spurious == []
    # Every other kind of cut is found. Of the four re-framings, the mirror of confetti right
    # after an 8-frame shot of it is the known weak case (docs/pacing.md, Limits): at this
    # size its every frame differs from the last about as much as the mirrored one does.
    assert [kind for _c, kind in missed if kind != "framing_only"] == []
    assert len(missed) <= 1, missed
    assert len(found) == len(labelled) - len(missed)


def test_busy_shake_grain_ramp_and_drift_together_give_no_cut(pacing_media_dir: Path) -> None:
    assert STEADY.cut_frames == ()
    measured = measure_file(_render(STEADY, pacing_media_dir / "busy-steady.mp4"))
    kinds = STEADY.frame_kinds()
    assert [(f, kinds[f]) for f in measured.cut_frames] == []


def _textures(seed: int, count: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    return [rng.uniform(40, 220, (45, 80)).astype(np.float32) for _ in range(count)]


def _feed(detector: CutDetector, base: np.ndarray, frames: int, rng: np.random.Generator,
          brightness: float = 0.0) -> None:
    for _ in range(frames):
        luma = np.clip(base + rng.normal(0, 2, base.shape) + brightness, 0, 255)
        detector.push(luma.astype(np.float32))


def test_jolt_two_frames_after_a_cut_leaves_one_cut_on_the_cut() -> None:
    # Two changes two frames apart with no flash between (a new shot, then a jolt of part of
    # it): one cut, on the frame where the shot changed, and not counted as a white flash.
    first, second = _textures(3, 2)
    jolted = second.copy()
    jolted[:12] = np.roll(second[:12], 9, axis=1)
    rng = np.random.default_rng(4)
    detector = CutDetector()
    _feed(detector, first, 20, rng)
    _feed(detector, second, 2, rng)
    _feed(detector, jolted, 20, rng)
    report = detector.finish()
    assert report.cut_frames == (20,)
    assert report.white_flash_cuts == ()


def test_white_frames_between_two_shots_stay_one_flash_cut() -> None:
    first, second = _textures(5, 2)
    rng = np.random.default_rng(6)
    detector = CutDetector()
    _feed(detector, first, 20, rng)
    for _ in range(2):
        detector.push(np.full((45, 80), 250, np.float32))
    _feed(detector, second, 20, rng)
    report = detector.finish()
    assert report.cut_frames == (22,)
    assert report.white_flash_cuts == (22,)
