"""Turned and mirrored busy textures (ADR 008, 2026-11-30): the orientation measure.

A shapeless busy texture — streaks of rain, a field of ripples — changes every pixel every
frame, so a cut to the same texture turned a quarter or mirrored changes the picture no more
than the texture's own motion does. What does change is the *direction* of its detail: a
quarter turn swaps across and down, a mirror swaps the two diagonals. These tests feed such
textures straight to the detector (fast, many seeds) and through a real encoded episode, and
check that a dissolve ending on a dark night sky — where the direction of almost nothing is
compared — stays free of false cuts.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from accessibility.pacing.cuts import MEASURES, CutDetector, CutParams, differences, prepare
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.busy_media import BusyPlan, BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.pacing_media import encode

ORIENTATION = MEASURES.index("orientation")


def _streaks(rng: np.random.Generator, angle: float, shape: tuple[int, int] = (160, 90),
             ) -> np.ndarray:
    """A new field of short slanted streaks (rain-like) over a mid-grey: busy, directional."""
    h, w = shape
    out = np.full((h, w), 90.0, np.float32) + rng.normal(0, 6, (h, w)).astype(np.float32)
    dy, dx = np.sin(angle), np.cos(angle)
    ys = rng.uniform(0, h, 700)
    xs = rng.uniform(0, w, 700)
    for k in range(9):
        yk = np.clip((ys + k * dy).astype(int), 0, h - 1)
        xk = np.clip((xs + k * dx).astype(int), 0, w - 1)
        out[yk, xk] = 200.0
    return out


def _pictures(detail: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Luma (2×2 average of the detail) and a grey colour picture, as SmallPicture has them."""
    h, w = detail.shape
    luma = detail.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    grey = luma[:h // 4 * 2, :w // 4 * 2].reshape(h // 4, 2, w // 4, 2).mean(axis=(1, 3)) / 255.0
    return luma.astype(np.float32), np.repeat(grey[..., None], 3, 2).astype(np.float32), detail


def _prepared(detail: np.ndarray, params: CutParams) -> Any:  # cuts._Frame is private
    luma, rgb, _ = _pictures(detail)
    return prepare(luma, params, rgb, detail)


@pytest.mark.parametrize("seed", [3, 17, 29, 41])
def test_turning_or_mirroring_a_busy_texture_changes_its_orientation(seed: int) -> None:
    rng = np.random.default_rng(seed)
    angle = float(rng.uniform(0.3, 1.2))
    params = CutParams()
    frames = [_prepared(_streaks(rng, angle), params) for _ in range(4)]
    own = max(float(differences(a, b, params)[ORIENTATION])
              for a, b in pairwise(frames))
    mirrored = _prepared(_streaks(rng, np.pi - angle), params)
    turned = _prepared(_streaks(rng, angle + np.pi / 2), params)
    for other in (mirrored, turned):
        # At least twice as far as the texture wanders on its own (measured 2.4–6×).
        assert float(differences(frames[-1], other, params)[ORIENTATION]) > 2 * own


def _push(detector: CutDetector, detail: np.ndarray) -> None:
    luma, rgb, _ = _pictures(detail)
    detector.push(luma, rgb, detail)


@pytest.mark.parametrize("seed", [5, 23, 37])
def test_a_mirrored_busy_texture_is_one_cut_and_its_own_motion_none(seed: int) -> None:
    rng = np.random.default_rng(seed)
    angle = float(rng.uniform(0.35, 1.1))
    detector = CutDetector()
    for _ in range(30):
        _push(detector, _streaks(rng, angle))
    for _ in range(30):
        _push(detector, _streaks(rng, np.pi - angle))  # the same rain, mirrored
    for _ in range(30):
        _push(detector, _streaks(rng, np.pi - angle + np.pi / 2))  # turned a quarter
    assert detector.finish().cut_frames == (30, 60)


W, H = 180, 320
SCENES = (("led", 2), ("ripples", 1), ("confetti", 4), ("rain", 3), ("fireworks", 0),
          ("still", 1), ("crowd", 2))

# Turns and mirrors of busy textures beside 6-frame shots, from the tuning generators.
TURNED = BusyPlan(W, H, seed=141, family="tuning_new", scenes=SCENES, shots=(
    BusyShot(26, scene=3, grain=4),
    BusyShot(24, scene=3, camera=Camera(turn=1), grain=4),  # rain turned a quarter
    BusyShot(6, scene=5),
    BusyShot(24, scene=0, camera=Camera(zoom=1.5)),
    BusyShot(24, scene=0, camera=Camera(zoom=1.5, turn=3)),  # LED wall turned
    BusyShot(6, scene=6),
    BusyShot(24, scene=2, camera=Camera(zoom=1.4, centre=(0.4, 0.5))),
    BusyShot(24, scene=2, camera=Camera(zoom=1.4, centre=(0.4, 0.5), mirror=True)),  # mirror
    BusyShot(24, scene=1, enter="flash", enter_frames=2),
))

# No cut: busy shots dissolving into one another, the last onto a dark night sky of
# fireworks (almost no detail to take a direction from), with lightning in a rain shot.
DARK_DISSOLVES = BusyPlan(W, H, seed=142, family="tuning_new", scenes=SCENES, shots=(
    BusyShot(40, scene=3, camera=Camera(turn=1), grain=6, lightning_at=18),
    BusyShot(40, scene=0, camera=Camera(mirror=True), enter="dissolve", enter_frames=10),
    BusyShot(40, scene=2, enter="dissolve", enter_frames=9),
    BusyShot(40, scene=4, enter="dissolve", enter_frames=8),
))


def test_turned_and_mirrored_busy_shots_are_cuts(pacing_media_dir: Path) -> None:
    path = encode(BusyRenderer(TURNED).frames(), W, H, pacing_media_dir / "busy-turned.mp4")
    labelled = dict(TURNED.labelled_cuts())
    assert list(labelled.values()).count("framing_only") == 3
    found = measure_file(path).cut_frames
    missed = [(c, kind) for c, kind in labelled.items() if not any(abs(c - f) <= 1 for f in found)]
    spurious = [f for f in found if not any(abs(c - f) <= 1 for c in labelled)]
    assert (missed, spurious) == ([], [])
    assert len(found) == len(labelled)


def test_dissolves_onto_a_dark_sky_give_no_cut(pacing_media_dir: Path) -> None:
    assert DARK_DISSOLVES.cut_frames == ()
    path = encode(BusyRenderer(DARK_DISSOLVES).frames(), W, H,
                  pacing_media_dir / "busy-dark-dissolves.mp4")
    kinds = DARK_DISSOLVES.frame_kinds()
    assert [(f, kinds[f]) for f in measure_file(path).cut_frames] == []
