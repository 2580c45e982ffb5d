"""A long subtitle file is laid out off the GUI thread: only the cues around the position now."""

from __future__ import annotations

import bisect
import random
import threading

import pytest
from pytestqt.qtbot import QtBot

import player.cues as cues_module
from accessibility.subtitles.model import Cue
from accessibility.subtitles.paging import page_cues
from accessibility.subtitles.text import wrap_cue
from player.cues import CueFollower


def _reference_page(pages: list[Cue], position: int) -> Cue | None:
    """What the follower shows once every cue is laid out: the page that started last."""
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
def test_a_long_file_laid_out_in_the_background_shows_what_laying_out_everything_shows(
        qtbot: QtBot, seed: int) -> None:
    cues = _random_cues(seed, 300)
    follower = CueFollower()
    follower.set_layout(12, 2)
    follower.set_cues(tuple(cues))
    assert not follower.laid_out  # too many to lay out on the GUI thread
    qtbot.wait_until(lambda: follower.laid_out, timeout=60_000)
    reference = page_cues(cues, 12, 2)
    assert list(follower.pages) == reference
    rng = random.Random(seed + 1000)
    positions = sorted(rng.randrange(0, cues[-1].end_ms + 2000) for _ in range(150))
    for position in positions + positions[::-3]:  # forwards, then seeking back
        follower.follow(position)
        assert follower.current == _reference_page(reference, position), position


def test_a_huge_cue_list_is_not_laid_out_on_the_gui_thread(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    on_gui_thread: list[str] = []
    gui = threading.current_thread()

    def counting(text: str, max_chars: int = 16, max_lines: int = 2) -> list[list[str]]:
        if threading.current_thread() is gui:
            on_gui_thread.append(text)
        return wrap_cue(text, max_chars, max_lines)

    monkeypatch.setattr(cues_module, "wrap_cue", counting)
    cues = tuple(Cue(n * 1000, n * 1000 + 900, f"第{n}句台词，很长很长的一句话。")
                 for n in range(10_000))
    follower = CueFollower()
    follower.set_cues(cues)
    follower.set_layout(10, 2)  # enlarging lays out again, in the background too
    follower.follow(5_000_500)
    assert follower.current is not None and follower.current.text.startswith("第5000句")
    assert len(on_gui_thread) <= 3 * 10
    qtbot.wait_until(lambda: follower.laid_out, timeout=120_000)
    assert len(follower.pages) == 10_000
    assert len(on_gui_thread) <= 3 * 10
    assert follower.current is not None and follower.current.text.startswith("第5000句")
