from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from player.library.natural import chinese_numeral_value, natural_key

# One folder as downloads really mix it: every spelling of "episode n", Chinese numerals,
# full-width digits, zero padding, upper and lower case, and extras without numbers last.
MIXED_FOLDER = [
    "第1集 初遇.mp4",
    "第02集.mp4",
    "EP3.mp4",
    "ep04.mkv",
    "Ep.5.mp4",
    "E06.mp4",
    "第七集.mp4",
    "第８集.mp4",
    "第九集.mp4",
    "第十集.mp4",
    "第十一集.mp4",
    "第12集.mp4",
    "第十三话.mp4",
    "第14回.mp4",
    "15集.mp4",
    "第十六期.mp4",
    "Episode 17.mp4",
    "EP 18.mp4",
    "EP_19.mp4",
    "第二十集.mp4",
    "第廿一集.mp4",
    "第二十二集.mp4",
    "023.mp4",
    "第２４集.mp4",
    "第卅集.mp4",
    "第九十九集.mp4",
    "第一百集.mp4",
    "第一百零一集.mp4",
    "EP110.mp4",
    "大结局.mp4",
    "花絮.mp4",
]

# A fan-subbed series: the same prefix everywhere and numbers (1080, 264) that must not matter.
FANSUB_FOLDER = [
    "[甜甜字幕组] 闪婚老公是豪门 - 01 [1080p][x264].mkv",
    "[甜甜字幕组] 闪婚老公是豪门 - 02 [1080p][x264].mkv",
    "[甜甜字幕组] 闪婚老公是豪门 - 09 [1080p][x264].mkv",
    "[甜甜字幕组] 闪婚老公是豪门 - 10 [1080p][x264].mkv",
    "[甜甜字幕组] 闪婚老公是豪门 - 11 [1080p][x264].mkv",
    "[甜甜字幕组] 闪婚老公是豪门 - 100 [1080p][x264].mkv",
]

SEASONS = [
    "Love.Story.S01E01.mp4",
    "Love.Story.S01E02.mp4",
    "Love.Story.S01E10.mp4",
    "Love.Story.S02E01.mp4",
    "Love.Story.S02E03.mp4",
    "Love.Story.S10E01.mp4",
]

SERIES_FOLDERS = [
    "一见钟情",
    "一见钟情2",
    "一见钟情10",
    "万万没想到",
    "霸道总裁爱上我",
    "霸道总裁爱上我 第二部",
    "霸道总裁爱上我 第十部",
]


@pytest.mark.parametrize("expected", [MIXED_FOLDER, FANSUB_FOLDER, SEASONS])
@pytest.mark.parametrize("seed", range(5))
def test_shuffled_names_sort_as_a_person_reads_them(expected: list[str], seed: int) -> None:
    names = list(expected)
    random.Random(seed).shuffle(names)
    assert sorted(names, key=natural_key) == expected


def test_reversed_table_sorts_back() -> None:
    assert sorted(reversed(MIXED_FOLDER), key=natural_key) == MIXED_FOLDER


def test_series_folders_order_by_their_numbers() -> None:
    names = list(reversed(SERIES_FOLDERS))
    ordered = sorted(names, key=natural_key)
    assert ordered.index("一见钟情2") < ordered.index("一见钟情10")
    assert ordered.index("霸道总裁爱上我 第二部") < ordered.index("霸道总裁爱上我 第十部")


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("EP2", "EP10"),
        ("ep2", "EP10"),
        ("第九集", "第十集"),
        ("第十集", "第十二集"),
        ("第2集", "第10集"),
        ("第〇九集", "第一〇集"),
        ("第两集", "第三集"),
        ("第19集", "第廿集"),
        ("第廿九集", "第卅集"),
        ("第9集", "第十集"),
        ("第十集", "第11集"),
        ("第１集", "第2集"),
        ("ＥＰ０３", "EP04"),
        ("S01E99", "S02E01"),
        ("第一季 第十集", "第二季 第一集"),
    ],
)
def test_pairs(smaller: str, larger: str) -> None:
    assert natural_key(smaller) < natural_key(larger)


def test_same_episode_spelled_differently_still_orders_deterministically() -> None:
    names = ["EP01", "EP1", "第1集", "第一集", "ep1"]
    orders = {tuple(sorted(random.sample(names, len(names)), key=natural_key)) for _ in range(20)}
    assert len(orders) == 1
    assert len({natural_key(name) for name in names}) == len(names)


def test_case_does_not_decide_order_before_numbers() -> None:
    assert sorted(["ep10", "EP9", "Ep11"], key=natural_key) == ["EP9", "ep10", "Ep11"]


def test_names_without_numbers_come_after_numbered_ones() -> None:
    assert sorted(["预告", "第1集", "EP2"], key=natural_key) == ["第1集", "EP2", "预告"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十一", 21),
        ("一百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两千零一", 2001),
        ("一万二千", 12000),
        ("一万零五", 10005),
        ("十万", 100000),
        ("廿", 20),
        ("廿一", 21),
        ("卅", 30),
        ("二〇二四", 2024),
        ("一二", 12),
        ("萬", None),
        ("万万", None),
        ("百", None),
        ("十十", None),
        ("三十三十", None),
        ("一二十", None),
        ("", None),
        ("第", None),
    ],
)
def test_chinese_numeral_values(text: str, value: int | None) -> None:
    assert chinese_numeral_value(text) == value


_DIGITS = "零一二三四五六七八九"


def _below_10k(number: int, leading: bool) -> str:
    text = ""
    pending_zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            pending_zero = pending_zero or bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        if unit_value == 10 and digit == 1 and not text and leading:
            text += "十"
        else:
            text += _DIGITS[digit] + unit
    return text


def to_chinese(number: int) -> str:
    """How a Chinese speaker writes ``number`` (below 亿)."""
    if number == 0:
        return "零"
    high, low = divmod(number, 10_000)
    if not high:
        return _below_10k(low, leading=True)
    text = _below_10k(high, leading=True) + "万"
    if low:
        text += ("零" if low < 1000 else "") + _below_10k(low, leading=False)
    return text


@settings(database=None)
@given(st.integers(min_value=0, max_value=99_999_999))
def test_every_written_chinese_number_reads_back(number: int) -> None:
    assert chinese_numeral_value(to_chinese(number)) == number


@settings(database=None)
@given(st.integers(0, 5000), st.integers(0, 5000))
def test_chinese_and_arabic_episodes_interleave_by_value(a: int, b: int) -> None:
    if a == b:
        return
    smaller, larger = min(a, b), max(a, b)
    assert natural_key(f"第{to_chinese(smaller)}集") < natural_key(f"EP{larger:03d}")
    assert natural_key(f"EP{smaller}") < natural_key(f"第{to_chinese(larger)}集")


@settings(database=None)
@given(st.lists(st.text(max_size=30), max_size=20))
def test_any_names_sort_without_error_and_stably(names: list[str]) -> None:
    once = sorted(names, key=natural_key)
    assert sorted(reversed(once), key=natural_key) == once


def test_absurdly_long_numbers_do_not_break_the_key() -> None:
    long_number = "9" * 5000
    assert natural_key(f"EP{long_number}") > natural_key("EP1")
