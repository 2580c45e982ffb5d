"""Display pages: the band's height first, then pages an older reader has time to read."""

from __future__ import annotations

import itertools
import random

import pytest

from accessibility.subtitles import words
from accessibility.subtitles.model import Cue
from accessibility.subtitles.paging import page_cues, reading_ms

LONG = "这个项目对我来说太重要了。我不能放弃，无论如何都要坚持下去，你明白吗？"


@pytest.fixture(scope="module", autouse=True)
def dictionary_loaded() -> None:
    words.warm_up().join()


def test_the_side_band_holds_a_long_cue_on_one_page() -> None:
    cue = Cue(1000, 5000, LONG)
    over = page_cues([cue], max_chars=8, max_lines=2)
    beside = page_cues([cue], max_chars=8, max_lines=6)
    assert len(over) > 1
    assert beside == [Cue(1000, 5000, beside[0].text)]
    assert beside[0].text.replace("\n", "") == LONG


def test_the_walkthrough_cue_is_not_split_into_a_stub_for_under_a_second() -> None:
    # "像个小" alone for 0.75 s, then "元宝，真不错。": now one page in the band.
    pages = page_cues([Cue(20_000, 22_500, "像个小元宝，真不错。")], max_chars=5, max_lines=6)
    assert [page.text for page in pages] == ["像个小元宝，\n真不错。"] or len(pages) == 1
    assert pages[0].start_ms == 20_000 and pages[0].end_ms == 22_500


@pytest.mark.parametrize("speed", [3.0, 5.0, 8.0])
def test_each_page_of_a_paged_cue_stays_long_enough_to_read(speed: float) -> None:
    cues = [Cue(1000, 3000, LONG), Cue(3100, 5000, "好的，我明白了。")]
    pages = page_cues(cues, max_chars=6, max_lines=2, chars_per_second=speed)
    paged = [page for page in pages if page.text not in {"好的，\n我明白了。", "明白了。"}]
    assert len(paged) >= 3
    for page in paged:
        assert page.end_ms - page.start_ms >= reading_ms(page.text, speed)
    assert pages[0].start_ms == 1000
    # The next cue waits for the pages; it never comes before its own time.
    assert pages[-1].start_ms >= 3100
    assert all(a.end_ms <= b.start_ms for a, b in itertools.pairwise(pages))


def test_a_cue_that_fits_keeps_its_own_times_even_when_short() -> None:
    cue = Cue(500, 900, "好。")
    assert page_cues([cue], max_chars=16, max_lines=2) == [cue]


def test_pages_of_a_slow_cue_share_its_time_by_length() -> None:
    pages = page_cues([Cue(0, 30_000, LONG)], max_chars=6, max_lines=2, chars_per_second=5)
    assert pages[0].start_ms == 0 and pages[-1].end_ms == pytest.approx(30_000, abs=len(pages))
    lengths = [len(page.text.replace("\n", "")) for page in pages]
    durations = [page.end_ms - page.start_ms for page in pages]
    assert durations[0] / 30_000 == pytest.approx(lengths[0] / sum(lengths), abs=0.01)


@pytest.mark.parametrize("seed", [3, 17, 2026])
def test_random_episodes_no_page_before_its_cue_and_one_page_at_a_time(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["奶奶，", "我回来啦！", "你们放心吧。", "医生说要按时吃药，", "明天早上八点见。",
              "天气预报说今天晚上降温，", "记得多穿点衣服。", "Hello 奶奶！"]
    cues, clock = [], 0
    for _ in range(40):
        clock += rng.randint(0, 3000)
        text = "".join(rng.choices(pieces, k=rng.randint(1, 5)))
        cues.append(Cue(clock, clock + rng.randint(300, 6000), text))
    rng.shuffle(cues)
    chars, lines = rng.randint(4, 12), rng.randint(1, 6)
    pages = page_cues(cues, max_chars=chars, max_lines=lines, chars_per_second=5)
    starts = sorted(cue.start_ms for cue in cues)
    assert all(a.end_ms <= b.start_ms for a, b in itertools.pairwise(pages))
    assert pages[0].start_ms >= starts[0]
    # Every page belongs to a cue that had started by then.
    text_by_start = sorted(cues, key=lambda cue: cue.start_ms)
    for page in pages:
        owners = [cue for cue in text_by_start if "".join(page.text.split()) in
                  "".join(cue.text.split())]
        assert owners and min(cue.start_ms for cue in owners) <= page.start_ms
