"""Fine detail alone is no cut (ADR 008, 2026-11-30 afternoon).

In a fish tank or any shot of flat water, sky or fog, the texture measure (gradient energy of
coarse cells) rests on very little detail, so it jumps when only the fine detail changes: an
encoder's keyframe re-sharpening grain that the frames before had smoothed away, small fish or
bubbles crossing flat cells. The picture itself has not changed — the previous frame, shifted
a little, still explains it — so texture and orientation evidence now count only in
proportion to the structure difference. These tests feed such shots straight to the
detector (many seeds, fast) and through a real encoded episode with grain over a fish tank
(which has a false cut without the change), and check that the cuts next to them, and a
re-framing of the tank, are still found.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from accessibility.pacing.cuts import CutDetector, CutParams
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.busy_media import BusyPlan, BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.pacing_media import encode


def _tank(rng: np.random.Generator, h: int = 320, w: int = 180,
          ) -> tuple[np.ndarray, list[list[float]]]:
    """Flat water (a vertical ramp) and a few small fish: position, speed, size, shade."""
    ramp = np.linspace(rng.uniform(60, 110), rng.uniform(20, 50), h, dtype=np.float32)
    water = np.broadcast_to(ramp[:, None], (h, w)).copy()
    fish = [[rng.uniform(10, h - 40), rng.uniform(0, w - 20), rng.normal(0, 2),
             int(rng.integers(6, 14)), float(rng.uniform(120, 230))]
            for _ in range(int(rng.integers(4, 9)))]
    return water, fish


def _tank_frame(rng: np.random.Generator, water: np.ndarray, fish: list[list[float]],
                grain: float
                ) -> np.ndarray:
    out = water + rng.normal(0, grain, water.shape).astype(np.float32)
    w = water.shape[1]
    for f in fish:
        f[1] += f[2]
        if not 0 <= f[1] < w - f[3] * 2:  # swims out at one side, another enters at the other
            f[1] = 0.0 if f[1] >= w - f[3] * 2 else float(w - f[3] * 2 - 1)
        y, x, size = int(f[0]), int(f[1]), int(f[3])
        out[y:y + size // 2 + 2, x:x + 2 * size] = f[4]
    return out


def _push(detector: CutDetector, detail: np.ndarray) -> None:
    h, w = detail.shape
    luma = detail.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3)).astype(np.float32)
    grey = luma[:h // 4 * 2, :w // 4 * 2].reshape(h // 4, 2, w // 4, 2).mean(axis=(1, 3))
    rgb = np.repeat((grey / 255.0)[..., None], 3, 2).astype(np.float32)
    detector.push(luma, rgb, detail)


def _pulsing_tank(seed: int, params: CutParams) -> tuple[tuple[int, ...], int]:
    """Two tank shots with a hard cut between; inside each, the grain steps up and down every
    few frames as an encoder's keyframes re-sharpen it. Returns the cuts found and the cut."""
    rng = np.random.default_rng(seed)
    detector = CutDetector(params)
    cut = 0
    for shot in range(2):
        water, fish = _tank(rng)
        frames = int(rng.integers(40, 60))
        # A keyframe lifts the structure difference about as much as measured on encoded
        # fish-tank episodes (3.4–3.7 against a level of 1–2; ADR 008), no more.
        quiet, sharp = float(rng.uniform(0.5, 1.2)), float(rng.uniform(2.5, 4.0))
        pulses = set(int(k) for k in rng.integers(8, frames - 8, 3))
        grain = quiet
        for k in range(frames):
            grain = sharp if k in pulses else max(quiet, grain * 0.7)  # keyframe, then smoothed
            _push(detector, _tank_frame(rng, water, fish, grain))
        if shot == 0:
            cut = frames
    return detector.finish().cut_frames, cut


SEEDS = (2, 11, 19, 31, 47, 53, 61, 67, 71, 83)


def _tally(params: CutParams) -> tuple[int, int]:
    """Over all seeds: the cuts found (±1 frame) and the false cuts."""
    found_cuts = false = 0
    for seed in SEEDS:
        found, cut = _pulsing_tank(seed, params)
        found_cuts += any(abs(f - cut) <= 1 for f in found)
        false += sum(1 for f in found if abs(f - cut) > 1)
    return found_cuts, false


def test_grain_pulses_over_flat_water_give_fewer_false_cuts() -> None:
    # Measured: 9 of 10 cuts and 23 false cuts with the structure condition; 10 of 10 and 37
    # false cuts without it (texture and orientation counted in full). Only part of the
    # pulses are tamed: these lift the structure difference to about 3.5, close to the
    # condition's 4.0, so the detail measures still count for most of their weight (with
    # 6.0 there were 7 false cuts, but a re-framing and a hue-only cut were lost on the
    # tuning sets; ADR 008 names this limit).
    found, false = _tally(CutParams())
    found_without, false_without = _tally(CutParams(detail_structure=0.0))
    assert found_without == len(SEEDS)
    assert found >= len(SEEDS) - 1
    assert false_without >= 20  # the case is real: pulses are taken for cuts without it
    assert false * 3 <= false_without * 2


def test_fish_tank_with_grain_encoded_finds_its_cuts_and_no_others(tmp_path: Path) -> None:
    """A real encoded episode: fish tank shots with heavy grain at a low bit rate (keyframes
    re-sharpen the grain), cut to smoke, a wall and to a re-framed tank; one dissolve."""
    tank = Camera(zoom=1.3)
    plan = BusyPlan(
        360, 640, 9371, "held_back_d", (("fishtank", 1), ("wall", 2), ("fishtank", 3)),
        (BusyShot(45, 0, tank, grain=20.0),
         BusyShot(30, 1, Camera(zoom=1.4, shake=0.01)),
         BusyShot(40, 2, Camera(zoom=1.25), grain=14.0),
         BusyShot(35, 2, Camera(zoom=1.9, centre=(0.35, 0.6)), grain=14.0),
         BusyShot(40, 0, tank, grain=20.0, enter="dissolve", enter_frames=12)))
    path = tmp_path / "tank.mp4"
    encode(BusyRenderer(plan).frames(), plan.width, plan.height, path,
           video_options=("-preset", "veryfast", "-b:v", "400k", "-g", "25"))
    found = measure_file(path).cut_frames
    expected = plan.cut_frames
    assert len(expected) == 3
    for cut in expected:
        assert any(abs(f - cut) <= 1 for f in found), (found, expected)
    assert len(found) == len(expected), (found, expected)
