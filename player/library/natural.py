"""Order episode and series names the way a person reads them.

``EP2`` comes before ``EP10``, ``第九集`` before ``第十集`` before ``第十二集``, and a folder that
mixes ``01.mp4``, ``EP02.mp4`` and ``第3集.mp4`` still plays 1, 2, 3. Libraries such as natsort
only split Arabic digits; they know neither Chinese numerals nor episode markers, which are the
whole point here, so this is written out.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata

from player.library.media import (
    IMAGE_EXTENSIONS,
    PLAYLIST_EXTENSIONS,
    SUBTITLE_EXTENSIONS,
    VIDEO_EXTENSIONS,
)

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "兩": 2, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_TENS = {"廿": 20, "卅": 30, "卌": 40}
_CN_MYRIAD = "万萬"
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_SMALL_UNITS) + "".join(_CN_TENS) + _CN_MYRIAD

# Lookbehinds make each run match from its start only: without them a long digit run costs
# quadratic time, one failed attempt per position inside it.
_NUM = rf"(?<!\d)\d+|(?<![{_CN_CHARS}])[{_CN_CHARS}]+"
_TOKEN = re.compile(rf"(\d+)|([{_CN_CHARS}]+)|([^\d{_CN_CHARS}]+)")
# Separators differ between otherwise identical names ("EP_02" / "EP 10"); they never decide.
_SEPARATORS = re.compile(r"[\s._\-~·・,，、]+")

_SEASON_PATTERNS = (
    re.compile(r"(?<![a-z])s(\d+)\s*[._\- ]?\s*e\d+"),
    re.compile(r"(?<![a-z])season\s*[._\- ]?\s*(\d+)"),
    re.compile(rf"第\s*({_NUM})\s*[季部]"),
)
_EPISODE_PATTERNS = (
    re.compile(rf"第\s*({_NUM})\s*[集话話回期]"),
    re.compile(r"(?<![a-z])(?:episode|ep|e)\s*\.?\s*[._\-]?\s*(\d+)"),
    re.compile(rf"({_NUM})\s*[集话話回期]"),
)
_FIRST_ARABIC = re.compile(r"\d+")
# Python refuses int() on very long digit strings; no real name has a number this long.
_MAX_DIGITS = 100
_MAX_EPISODE = 1_000_000  # above this a "number" in a name is an ID, not an episode

# The "4" of ".mp4" is not an episode number.
_MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | SUBTITLE_EXTENSIONS | IMAGE_EXTENSIONS | PLAYLIST_EXTENSIONS

# Token kinds: numbers sort before words at the same position, as in every file manager.
_NUMBER = 0
_TEXT = 1

Token = tuple[int, int, str]


def chinese_numeral_value(text: str) -> int | None:
    """The value of a Chinese numeral such as ``十二``, ``一百零五``, ``廿一`` or ``二〇二四``.

    Returns ``None`` when ``text`` is not a well-formed numeral (``万万``, ``百``, ``一十十``), so
    words that happen to use numeral characters stay words.
    """
    if not text or any(ch not in _CN_CHARS for ch in text):
        return None
    if all(ch in _CN_DIGITS for ch in text):
        # Digit-by-digit spelling: 二〇二四 is 2024, 一二 is 12.
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    return _unit_numeral_value(text)


def _unit_numeral_value(text: str) -> int | None:
    total = 0
    section = 0  # the part below 万
    digit: int | None = None
    last_unit = 10_000  # units inside a section must strictly decrease
    for index, ch in enumerate(text):
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row with no unit between them
            if _CN_DIGITS[ch] == 0:
                continue  # 一百零五: the zero only marks a skipped unit
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                # A bare 十 means one ten (十二 = 12), but only where nothing precedes it.
                if unit != 10 or section != 0 or _follows_number(text, index):
                    return None
                digit = 1
            section += digit * unit
            digit = None
            last_unit = unit
        elif ch in _CN_TENS:
            if digit is not None or section != 0:
                return None
            section = _CN_TENS[ch]
            last_unit = 10
        else:  # 万 or 萬
            section += digit or 0
            if section == 0 or total != 0:
                return None
            total = section * 10_000
            section = 0
            digit = None
            last_unit = 10_000
    return total + section + (digit or 0)


def _follows_number(text: str, index: int) -> bool:
    # 万 resets the section, so 一万十 would otherwise read as 10010; it is not a numeral.
    return index > 0 and text[index - 1] in _CN_MYRIAD


def _arabic_value(text: str) -> int | None:
    return int(text) if len(text) <= _MAX_DIGITS else None


def _number_value(text: str) -> int | None:
    if text.isdigit():
        return _arabic_value(text)
    return chinese_numeral_value(text)


def _first_match_value(patterns: tuple[re.Pattern[str], ...], folded: str) -> int | None:
    for pattern in patterns:
        for match in pattern.finditer(folded):
            value = _number_value(match.group(1))
            if value is not None:
                return value
    return None


def _tokens(folded: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    for arabic, chinese, other in _TOKEN.findall(folded):
        value = _arabic_value(arabic) if arabic else chinese_numeral_value(chinese)
        if value is not None:
            tokens.append((_NUMBER, value, ""))
            continue
        # Words, and runs of numeral characters that are not numerals (万万没想到).
        text = _SEPARATORS.sub("", arabic or chinese or other)
        if text:
            tokens.append((_TEXT, 0, text))
    return tuple(tokens)


def episode_number(name: str) -> int | None:
    """The episode number a name carries (``第3集`` → 3, ``EP10`` → 10, ``第十二集`` → 12,
    ``07.mp4`` → 7), or ``None`` when it carries none."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    core, ext = os.path.splitext(folded)
    if ext not in _MEDIA_EXTENSIONS:
        core = folded
    number = _first_match_value(_EPISODE_PATTERNS, core)
    if number is None:
        first = _FIRST_ARABIC.search(core)
        number = _arabic_value(first.group()) if first else None
    return number


def numbers_from_names(names: list[str]) -> list[int]:
    """Episode numbers for ``names`` (already in natural order), as the viewer knows them.

    The numbers the names carry, so that 第3集 stays "第 3 集" when 第2集 is missing or
    broken; but when any name carries none, or two carry the same, or they do not rise in
    order (a season change, a year in every name), the plain 1, 2, 3… of the order instead.
    """
    carried = [episode_number(name) for name in names]
    if all(n is not None and 0 < n <= _MAX_EPISODE for n in carried):
        numbers = [n for n in carried if n is not None]
        if all(a < b for a, b in itertools.pairwise(numbers)):
            return numbers
    return list(range(1, len(names) + 1))


def natural_key(name: str) -> tuple[object, ...]:
    """A sort key that orders names as a person would, case-insensitively.

    The key is, in order: the season (``S02E01``, ``第二季``), the episode number when the name
    carries one (``EP10``, ``E05``, ``Ep.3``, ``第十二集``, ``第3话``, ``12回``, ``第1期``; else the
    first Arabic number), then the name split into numbers and words, and finally the whole
    name so that different names never compare equal. Names without any number come last.
    Full-width characters are folded to their ASCII forms first, and a media file extension
    (``.mp4``, ``.srt`` …) is not searched for numbers.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    core, ext = os.path.splitext(folded)
    if ext not in _MEDIA_EXTENSIONS:
        core = folded
    season = _first_match_value(_SEASON_PATTERNS, core) or 0
    episode = _first_match_value(_EPISODE_PATTERNS, core)
    if episode is None:
        first = _FIRST_ARABIC.search(core)
        episode = _arabic_value(first.group()) if first else None
    episode_rank = (0, episode) if episode is not None else (1, 0)
    return (season, episode_rank, _tokens(folded), folded, name)
