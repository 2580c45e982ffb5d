"""An encoder's I frame in a grainy still shot is no cut (ADR 008, "I frames").

x264 smooths heavy grain over the predicted frames of a still shot and re-sharpens it on the
next frame it codes whole (an I frame; with grain this heavy it places one every few frames).
The fine-detail measures see the grain jump there; the structure difference stays small. The
episode, made by ffmpeg at 720×1280 and ~2 Mb/s like the benchmark's: a dim room where two
people talk (set F's source), still camera, grain 13, then a cut to a lamp-lit room.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import av
import pytest

from accessibility.pacing import measure
from accessibility.pacing.cuts import CutParams
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.busy_media import BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.busy_media_f import FPlan
from tests.accessibility.pacing.pacing_media import encode

W, H = 720, 1280
GRAINY = FPlan(W, H, seed=151, family="held_back_f", scenes=(("dialogue_a", 0), ("room", 1)),
               shots=(
                   BusyShot(150, scene=0, camera=Camera(zoom=1.43), grain=13,
                            light=(0.73, 0.73), hue=(85.0, 85.0)),
                   BusyShot(60, scene=1, camera=Camera(zoom=1.3), grain=13),
               ))
ENCODER = ("-preset", "veryfast", "-b:v", "2M", "-maxrate", "3M", "-bufsize", "4M", "-g", "30")


@pytest.fixture(scope="module")
def grainy_episode(pacing_media_dir: Path) -> Path:
    return encode(BusyRenderer(GRAINY).frames(), W, H, pacing_media_dir / "grainy-still.mp4",
                  video_options=ENCODER)


def _intra_frames(path: Path) -> list[int]:
    with av.open(str(path)) as container:
        return [i for i, frame in enumerate(container.decode(video=0))
                if frame.pict_type == av.video.frame.PictureType.I]


def test_i_frames_in_a_grainy_still_shot_are_no_cuts(grainy_episode: Path) -> None:
    assert [frame for frame, _kind in GRAINY.labelled_cuts()] == [150]
    # The encoder did code frames of the still shot whole, several of them.
    assert len([i for i in _intra_frames(grainy_episode) if 0 < i < 150]) >= 5
    assert measure_file(grainy_episode).cut_frames == (150,)


def test_without_knowing_the_i_frames_one_of_them_is_a_cut(
        grainy_episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shows the episode is a real test: with I frames weighed like any other frame, the grain
    # re-sharpened on one of them is taken for a cut.
    monkeypatch.setattr(measure, "CutParams", lambda: dataclasses.replace(
        CutParams(), detail_structure_intra=CutParams().detail_structure))
    found = measure_file(grainy_episode).cut_frames
    intra = set(_intra_frames(grainy_episode))
    assert 150 in found
    assert [f for f in found if f != 150 and f in intra], found
