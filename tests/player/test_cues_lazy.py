"""The cue follower pages only the cues around the position: nothing per file on the GUI thread."""

from __future__ import annotations

import bisect
import random

import pytest
from pytestqt.qtbot import QtBot

import player.cues as cues_module
from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import split_cue_pages
from player.cues import CueFollower


def _eager_page(cues: list[Cue], position: int, chars: int) -> Cue | None:
    """What the follower showed when it paged every cue up front (the reference)."""
    pages = sorted((p for c in cues for p in split_cue_pages(c, max_chars=chars)),
                   key=lambda p: p.start_ms)
    index = bisect.bisect_right([p.start_ms for p in pages], position) - 1
    page = pages[index] if index >= 0 else None
    return None if page is None or position >= page.end_ms else page


def _random_cues(seed: int, count: int) -> list[Cue]:
    rng = random.Random(seed)
    words = ["你好", "今天", "天气很好，", "我们一起去公园", "散步吧。", "好的！", "Mom", "OK"]
    cues = []
    start = 0
    for _ in range(count):
        start += rng.choice([0, 200, 900, 1500, 3000])  # some start together, some overlap
        length = rng.choice([300, 1200, 2500, 6000])
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        cues.append(Cue(start, start + length, text))
    return sorted(cues, key=lambda c: (c.start_ms, c.end_ms, c.text))


@pytest.mark.parametrize("seed", [1, 2, 3, 14, 99])
def test_lazy_paging_shows_what_paging_everything_showed(qtbot: QtBot, seed: int) -> None:
    cues = _random_cues(seed, 60)
    follower = CueFollower()
    follower.set_chars_per_line(12)
    follower.set_cues(tuple(cues))
    rng = random.Random(seed + 1000)
    positions = sorted(rng.randrange(0, cues[-1].end_ms + 2000) for _ in range(150))
    for position in positions + positions[::-3]:  # forwards, then seeking back
        follower.follow(position)
        assert follower.current == _eager_page(cues, position, 12), position


def test_a_huge_cue_list_is_not_paged_on_arrival(qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Cue] = []

    def counting(cue: Cue, max_chars: int = 16, max_lines: int = 2) -> list[Cue]:
        calls.append(cue)
        return split_cue_pages(cue, max_chars, max_lines)

    monkeypatch.setattr(cues_module, "split_cue_pages", counting)
    cues = tuple(Cue(n * 1000, n * 1000 + 900, f"第{n}句台词，很长很长的一句话。")
                 for n in range(10_000))
    follower = CueFollower()
    follower.set_cues(cues)
    follower.set_chars_per_line(10)  # enlarging re-pages only what is on screen
    follower.follow(5_000_500)
    assert follower.current is not None and follower.current.text.startswith("第5000句")
    assert len(calls) <= 3 * 8
