from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import speakable_text, split_cue_pages, wrap_cue

CLOSING = set("，。！？、；：…）》」』”’,.!?;:)")
OPENING = set("（《「『“‘(")


def display_width(line: str) -> float:
    """Netflix zh-CN counting: a Chinese character or full-width mark 1, Latin 1/2."""
    total = 0.0
    for char in line:
        wide = unicodedata.east_asian_width(char) in "WF" or char in "…—“”‘’"
        total += 1 if wide else 0.5
    return total


def no_space(text: str) -> str:
    return re.sub(r"\s", "", text)


def check_layout(text: str, pages: list[list[str]]) -> None:
    for page in pages:
        assert 1 <= len(page) <= 2
        for line in page:
            assert line
            assert line == line.strip()
            assert display_width(line) <= 16
    assert no_space("".join(line for page in pages for line in page)) == no_space(text)


@pytest.mark.parametrize(
    ("text", "pages"),
    [
        ("妈，我回来了。", [["妈，我回来了。"]]),
        ("一二三四五六七八九十一二三四五六", [["一二三四五六七八九十一二三四五六"]]),
        ("我知道了，你别说了，我都明白，真的。", [["我知道了，你别说了，", "我都明白，真的。"]]),
        ("他说：“我明天一定会来的。”然后就走了", [["他说：“我明天一定会来的。”", "然后就走了"]]),
        ("我 不知道 你在说什么 我真的不知道", [["我 不知道 你在说什么", "我真的不知道"]]),
        ("你好\n我很好", [["你好", "我很好"]]),
        ("我用iPhone 15 Pro Max拍的照片真好看", [["我用iPhone 15 Pro", "Max拍的照片真好看"]]),
    ],
)  # fmt: skip
def test_wrap_examples(text: str, pages: list[list[str]]) -> None:
    assert wrap_cue(text) == pages
    check_layout(text, pages)


def test_line_never_starts_with_closing_punctuation() -> None:
    # Sixteen characters then "。": the naive break would put "。" alone on the next line.
    text = "一二三四五六七八九十一二三四五六。"
    pages = wrap_cue(text)
    check_layout(text, pages)
    assert all(line[0] not in CLOSING for page in pages for line in page)
    assert pages[0][-1].endswith("。")


def test_line_never_ends_with_opening_punctuation() -> None:
    text = "一二三四五六七八九十一二三四五《六七八九》"
    pages = wrap_cue(text)
    check_layout(text, pages)
    assert all(line[-1] not in OPENING for page in pages for line in page)


def test_ellipsis_and_dash_pairs_stay_together() -> None:
    text = "一二三四五六七八九十一二三四五……好" + "——来了"
    lines = [line for page in wrap_cue(text) for line in page]
    assert not any(line.endswith("…") and not line.endswith("……") for line in lines)
    assert not any(line.startswith("—") for line in lines)


def test_more_than_two_lines_become_pages_broken_at_sentences() -> None:
    text = "这个项目对我来说太重要了。我不能放弃，无论如何都要坚持下去，你明白吗？"
    pages = wrap_cue(text)
    check_layout(text, pages)
    assert len(pages) == 2
    assert pages[0][-1].endswith("。")


def test_word_longer_than_a_line_is_cut_rather_than_overflowing() -> None:
    text = "网址是https://example.org/a/very/long/path/to/somewhere"
    check_layout(text, wrap_cue(text))


def test_custom_limits_and_empty_text() -> None:
    text = "一二三四五六七八九十"
    assert wrap_cue(text, max_chars=5, max_lines=1) == [["一二三四五"], ["六七八九十"]]
    assert wrap_cue(" \n ") == []
    with pytest.raises(ValueError, match="at least 1"):
        wrap_cue(text, max_chars=0)


_CJK = "我你他她的了是不在有这个们来到说要就会好吗呢吧妈爸家人天年事"
_UNITS = st.one_of(
    st.sampled_from(_CJK),
    st.tuples(st.sampled_from(_CJK), st.sampled_from("，。！？、；：…”」）》")).map("".join),
    st.tuples(st.sampled_from("“「（《"), st.sampled_from(_CJK)).map("".join),
    st.text("abcXYZ0123", min_size=1, max_size=12).map(lambda word: f" {word} "),
    st.just(" "),
    st.just("\n"),
)


@settings(max_examples=400, deadline=None, database=None)
@given(units=st.lists(_UNITS, max_size=80))
def test_wrapping_well_formed_text_keeps_every_rule(units: list[str]) -> None:
    text = "".join(units)
    pages = wrap_cue(text)
    check_layout(text, pages)
    lines = [line for page in pages for line in page]
    assert not any(line[0] in CLOSING or line[-1] in OPENING for line in lines)
    words = re.findall(r"[A-Za-z0-9]+", text)
    assert all(any(word in line for line in lines) for word in words)


@settings(max_examples=400, deadline=None, database=None)
@given(text=st.text(max_size=200))
def test_wrapping_any_text_fits_and_loses_nothing(text: str) -> None:
    check_layout(text, wrap_cue(text))


def test_split_cue_pages_shares_time_by_length() -> None:
    cue = Cue(1000, 9000, "这个项目对我来说太重要了。我不能放弃，无论如何都要坚持下去，你明白吗？")
    parts = split_cue_pages(cue)
    assert [part.text for part in parts] == ["\n".join(page) for page in wrap_cue(cue.text)]
    assert parts[0].start_ms == cue.start_ms
    assert parts[-1].end_ms == cue.end_ms
    assert all(a.end_ms == b.start_ms for a, b in itertools.pairwise(parts))
    lengths = [len(no_space(part.text)) for part in parts]
    durations = [part.end_ms - part.start_ms for part in parts]
    assert abs(durations[0] / 8000 - lengths[0] / sum(lengths)) < 0.01


def test_split_cue_pages_keeps_a_short_cue_whole() -> None:
    cue = Cue(0, 1500, "你好\n我很好")
    assert split_cue_pages(cue) == [cue]
    assert split_cue_pages(Cue(0, 10, "  ")) == []


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("（笑）你好", "你好"),
        ("[音乐]", ""),
        ("【字幕组】你好", "你好"),
        ("- 你好\n- 我很好", "你好 我很好"),
        ("——你来了\n—嗯", "你来了 嗯"),
        ("♪ 爱你 ♪", "爱你"),
        ("{\\an8}<i>你好</i>\\N再见", "你好 再见"),
        ("（他怎么会在这里，我得走了）", "（他怎么会在这里，我得走了）"),
        ("……", ""),
        ("张三：你好 &amp; 再见", "张三：你好 & 再见"),
        ("  多个   空格\u3000这里 ", "多个 空格 这里"),
    ],
)
def test_speakable_text(text: str, spoken: str) -> None:
    assert speakable_text(text) == spoken
