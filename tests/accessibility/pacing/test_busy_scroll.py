"""A phone screen scrolled fast is no cut; a crop jump between still framings is (ADR 008,
"fast pans").

Micro-dramas film phone chats close up: the thumb flicks the chat on by more than the motion
search reaches in one frame, and the new frame is the old one moved as a whole. The episode,
made by ffmpeg at 720×1280 from set G's phone-chat source (tuning material): the chat held in
a wide and a close framing, with cuts to a brick wall between them, and a crop jump on the
wall (the same wall, re-framed, both framings still) that must stay a cut.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from accessibility.pacing import measure
from accessibility.pacing.cuts import CutParams
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing import busy_media_g  # noqa: F401 (registers the chat source)
from tests.accessibility.pacing.busy_media import BusyPlan, BusyRenderer, BusyShot, Camera
from tests.accessibility.pacing.pacing_media import encode

W, H = 720, 1280
CHAT = BusyPlan(W, H, seed=161, family="tuning", scenes=(("still", 0), ("chat", 1), ("wall", 2)),
                shots=(
                    BusyShot(90, scene=1, camera=Camera(zoom=1.2)),
                    BusyShot(30, scene=2, camera=Camera(zoom=1.3)),
                    BusyShot(90, scene=1, camera=Camera(zoom=2.0, centre=(0.5, 0.4))),
                    BusyShot(30, scene=2, camera=Camera(zoom=1.3, centre=(0.4, 0.5))),
                    BusyShot(30, scene=2, camera=Camera(zoom=1.3, centre=(0.6, 0.5))),
                ))


@pytest.fixture(scope="module")
def chat_episode(pacing_media_dir: Path) -> Path:
    return encode(BusyRenderer(CHAT).frames(), W, H, pacing_media_dir / "chat-scroll.mp4")


def test_a_scrolled_chat_gives_no_cut_and_a_crop_jump_does(chat_episode: Path) -> None:
    labelled = [frame for frame, _kind in CHAT.labelled_cuts()]
    assert labelled == [90, 120, 210, 240]  # 240: the crop jump on the wall
    assert measure_file(chat_episode).cut_frames == tuple(labelled)


def test_without_the_pan_test_a_flick_of_the_chat_is_a_cut(
        chat_episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Shows the episode is a real test: with whole-picture moves not looked for, a flick of
    # the chat is taken for a cut.
    monkeypatch.setattr(measure, "CutParams",
                        lambda: dataclasses.replace(CutParams(), pan_residual=0.0))
    found = measure_file(chat_episode).cut_frames
    assert [f for f in found if f not in (90, 120, 210, 240)], found
