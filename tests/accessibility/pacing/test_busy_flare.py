"""A flare inside a shot is no cut; a cut into a brighter shot is (ADR 008, "flares").

Sparks where two blades meet, a wok catching fire, a car's headlights swinging past: part of
the picture lights up in one frame and dies down over the next few, and the cut measures see a
new picture where it flares. The episode, made by ffmpeg at 720×1280 and ~2 Mb/s like the
benchmark's: a calm location where a flame flares up three times, a warm glow with sparks
dying down over four frames each time; then a cut into another place in brighter light,
which stays.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing import measure
from accessibility.pacing.cuts import CutParams
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.busy_media import BusyPlan, BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.pacing_media import encode

W, H = 720, 1280
FLARES = (30, 62, 95)  # frames of the first shot where the flame flares up


@dataclass(frozen=True)
class FlaringShot(BusyShot):
    """A shot with a flame flaring at ``flares``: a warm glow with sparks around (y, x),
    added as light, halving every frame after it flares."""

    flares: tuple[int, ...] = ()
    at: tuple[float, float] = (0.55, 0.5)

    def touch(self, frame: np.ndarray, i: int) -> np.ndarray:
        ages = [i - f for f in self.flares if 0 <= i - f < 6]
        if not ages:
            return frame
        strength = 0.5 ** ages[0]
        h, w = frame.shape[:2]
        ys = (np.arange(h, dtype=np.float32) / h - self.at[0]) / 0.22
        xs = (np.arange(w, dtype=np.float32) / w - self.at[1]) / 0.35
        glow = np.exp(-(ys[:, None] ** 2 + xs[None, :] ** 2))[..., None]
        sparks = np.zeros((h, w, 1), np.float32)
        rng = np.random.default_rng(i)
        for y, x in zip(rng.normal(self.at[0], 0.12, 60), rng.normal(self.at[1], 0.2, 60),
                        strict=True):
            yy, xx = int(np.clip(y, 0, 0.99) * h), int(np.clip(x, 0, 0.99) * w)
            sparks[max(0, yy - 3):yy + 3, max(0, xx - 3):xx + 3] = 1.0
        light = (glow * 170.0 + sparks * 120.0) * np.float32(strength)
        return frame + light * np.array((1.0, 0.75, 0.4), np.float32)


FLARING = BusyPlan(W, H, seed=191, family="tuning", scenes=(("still", 1), ("still", 2)),
                   shots=(
                       FlaringShot(120, scene=0, camera=Camera(zoom=1.3), grain=4.0,
                                   light=(0.8, 0.8), flares=FLARES),
                       BusyShot(60, scene=1, camera=Camera(zoom=1.2), grain=4.0,
                                light=(1.4, 1.4)),
                   ))


@pytest.fixture(scope="module")
def flaring_episode(pacing_media_dir: Path) -> Path:
    return encode(BusyRenderer(FLARING).frames(), W, H, pacing_media_dir / "flaring-flame.mp4")


def test_flares_are_no_cuts_and_a_cut_into_brighter_light_is(flaring_episode: Path) -> None:
    assert [frame for frame, _kind in FLARING.labelled_cuts()] == [120]
    assert measure_file(flaring_episode).cut_frames == (120,)


def test_without_the_flare_test_a_flare_is_a_cut(
        flaring_episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shows the episode is a real test: with flares taken like any other change, one of the
    # flames flaring up is taken for a cut.
    monkeypatch.setattr(measure, "CutParams",
                        lambda: dataclasses.replace(CutParams(), flare_frames=0))
    found = measure_file(flaring_episode).cut_frames
    assert 120 in found
    assert set(found) & {f + k for f in FLARES for k in (-1, 0, 1)}, found
