"""Light that flickers inside a shot is no cut; light that changes and stays is (ADR 008,
"flickering light").

A lamp, candles or a mirror ball brighten and darken the whole picture from one frame to the
next: the cut measures see a new picture each time. The episode, made by ffmpeg at 720×1280
and ~2 Mb/s like the benchmark's, from set H's sources and shots (tuning material): a hotpot
table whose lamp flickers, then the same table in stronger light that stays (a cut where
only the light changes), then a saturated room whose lamp flickers, then a closer, mirrored
view of it in another grade with lifted blacks (the light adds an offset there, not only a
gain), its lamp flickering too.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from accessibility.pacing import measure
from accessibility.pacing.cuts import CutParams
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.busy_media import BusyRenderer, Camera
from tests.accessibility.pacing.busy_media_h import HPlan, HShot
from tests.accessibility.pacing.pacing_media import encode

W, H = 720, 1280
WARM = (1.1, 0.0, 1.15, 1.0, 0.8)  # saturation, lift, colour balance
LIFTED = (1.0, 30.0, 1.0, 1.0, 1.0)  # blacks lifted: the light adds an offset, not only a gain
FLICKERING = HPlan(W, H, seed=171, family="held_back_h",
                   scenes=(("hotpot", 2), ("still", 2)),
                   shots=(
                       HShot(47, scene=0, camera=Camera(zoom=1.17), grain=3.0,
                             light=(0.81, 0.81), look=WARM,
                             inside=("flicker", 11, 14), strength=0.53),
                       HShot(40, scene=0, camera=Camera(zoom=1.17), grain=3.0,
                             light=(1.3, 1.3), look=WARM),
                       HShot(34, scene=1, camera=Camera(zoom=1.32, centre=(0.58, 0.37)),
                             grain=8.0, light=(1.06, 1.06), hue=(114.0, 114.0),
                             look=(1.6, 0.0, 1.0, 1.0, 1.0),
                             inside=("flicker", 5, 11), strength=0.26),
                       HShot(35, scene=1, camera=Camera(zoom=1.75, mirror=True), grain=6.0,
                             light=(0.96, 0.96), look=LIFTED,
                             inside=("flicker", 4, 11), strength=0.5),
                   ))
CUTS = (47, 87, 121)  # 47: the same table, only the light changed, and it stays


@pytest.fixture(scope="module")
def flickering_episode(pacing_media_dir: Path) -> Path:
    return encode(BusyRenderer(FLICKERING).frames(), W, H,
                  pacing_media_dir / "flickering-light.mp4")


def test_flicker_is_no_cut_and_light_that_stays_is(flickering_episode: Path) -> None:
    assert tuple(frame for frame, _kind in FLICKERING.labelled_cuts()) == CUTS
    assert measure_file(flickering_episode).cut_frames == CUTS


def test_without_the_flicker_test_the_flickering_lamp_gives_cuts(
        flickering_episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shows the episode is a real test: with changes of light taken like any other change,
    # the flickering lamp and the rooftop's flickering light give cuts inside their shots.
    monkeypatch.setattr(measure, "CutParams",
                        lambda: dataclasses.replace(CutParams(), flicker_frames=0))
    found = measure_file(flickering_episode).cut_frames
    assert set(CUTS) <= set(found)
    inside = set(found) - set(CUTS)
    assert inside & set(range(11, 26)), found  # the hotpot's lamp
    assert inside & set(range(92, 104)), found  # the saturated room's lamp
    assert inside & set(range(125, 137)), found  # the same lamp under lifted blacks
