"""Read-out's cue timeline: which cues playback reaches, carries and has ahead."""

from __future__ import annotations

import random

import pytest

from accessibility.subtitles.model import Cue
from player.readout.lines import Line
from player.readout.timeline import CueTimeline


def _texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_cues_are_reached_in_time_order_whatever_order_they_came_in() -> None:
    timeline = CueTimeline()
    timeline.replace([Cue(3000, 4000, "第三句"), Cue(1000, 2000, "第一句"),
                      Cue(2000, 2500, "第二句")])
    timeline.reposition(0)
    assert timeline.next_start() == 1000
    assert _texts(timeline.reach(2100)) == ["第一句", "第二句"]
    assert timeline.reach(2900) == []
    assert _texts(timeline.ahead(5)) == ["第三句"]
    assert _texts(timeline.reach(3000)) == ["第三句"]
    assert timeline.next_start() is None


def test_a_cue_still_on_screen_where_playback_starts_is_read_first() -> None:
    timeline = CueTimeline()
    timeline.replace([Cue(0, 1500, "旧的"), Cue(1000, 5000, "还在屏幕上"),
                      Cue(6000, 7000, "后面的")])
    timeline.reposition(2000)
    assert _texts(timeline.carried) == ["还在屏幕上"]
    assert _texts(timeline.reach(2000)) == ["还在屏幕上"]
    assert timeline.carried == []
    assert _texts(timeline.reach(6500)) == ["后面的"]


def test_empty_and_backwards_cues_are_never_read() -> None:
    timeline = CueTimeline()
    timeline.replace([Cue(0, 900, "  "), Cue(2000, 1000, "倒过来"), Cue(3000, 3500, "正常")])
    timeline.reposition(0)
    assert _texts(timeline.reach(10_000)) == ["正常"]


def test_extending_keeps_only_cues_after_the_last_known_one() -> None:
    timeline = CueTimeline()
    timeline.replace([Cue(1000, 2000, "一")])
    timeline.reposition(0)
    assert not timeline.extend([Cue(500, 900, "早了"), Cue(1000, 1500, "同时")])
    assert timeline.extend([Cue(800, 900, "早了"), Cue(4000, 4500, "四"), Cue(3000, 3500, "三")])
    lines = timeline.reach(5000)
    assert _texts(lines) == ["一", "三", "四"]
    assert [line.cue_index for line in lines] == [0, 1, 2]


@pytest.mark.parametrize("seed", [3, 17, 2026])
def test_every_cue_is_reached_once_however_playback_jumps(seed: int) -> None:
    chooser = random.Random(seed)
    starts = sorted(chooser.sample(range(0, 600_000, 10), 200))
    cues = [Cue(start, start + chooser.randint(0, 4000), f"第{i}句") for i, start in
            enumerate(starts)]
    timeline = CueTimeline()
    timeline.replace(chooser.sample(cues, len(cues)))
    timeline.reposition(0)
    position, seen = 0, []
    while timeline.next_start() is not None:
        position += chooser.randint(1, 9000)
        seen += timeline.reach(position)
    assert _texts(seen) == [cue.text for cue in cues]
