"""How common a Han character is, judged from the national character-set standards.

GB2312 (mainland) and Big5 (Taiwan) were both laid out from frequency studies: each puts its
"level 1" (一级字 / 常用字) characters, the ones that cover well over 99 % of everyday text, in
one block of byte codes, and the rarer ones in a second block. Reading those blocks back through
Python's codecs gives the tiers for Simplified and Traditional text without shipping a table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import IntEnum
from functools import cache


class HanTier(IntEnum):
    COMMON = 2  # GB2312 level 1 or Big5 level 1
    LESS_COMMON = 1  # GB2312 level 2 or Big5 level 2
    RARE = 0  # any other Han character (GBK extensions, CJK extension blocks, ...)


def _pairs(leads: Iterable[int], trails: Iterable[int]) -> Iterator[bytes]:
    trail_list = list(trails)
    for lead in leads:
        for trail in trail_list:
            yield bytes((lead, trail))


def _decoded(codes: Iterable[bytes], codec: str, last: bytes | None = None) -> set[str]:
    chars: set[str] = set()
    for code in codes:
        if last is not None and code > last:
            break
        try:
            chars.add(code.decode(codec))
        except UnicodeDecodeError:
            continue  # unassigned code points inside a block
    return chars


_GB_TRAILS = range(0xA1, 0xFF)
_BIG5_TRAILS = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]


@cache
def _tiers() -> tuple[frozenset[str], frozenset[str]]:
    common = _decoded(_pairs(range(0xB0, 0xD8), _GB_TRAILS), "gb2312")
    common |= _decoded(_pairs(range(0xA4, 0xC7), _BIG5_TRAILS), "cp950", last=b"\xc6\x7e")
    less = _decoded(_pairs(range(0xD8, 0xF8), _GB_TRAILS), "gb2312")
    less |= _decoded(_pairs(range(0xC9, 0xFA), _BIG5_TRAILS), "cp950", last=b"\xf9\xd5")
    return frozenset(common), frozenset(less - common)


def han_tier(char: str) -> HanTier:
    """Tier of one Han character (callers check it is Han first)."""
    common, less = _tiers()
    if char in common:
        return HanTier.COMMON
    if char in less:
        return HanTier.LESS_COMMON
    return HanTier.RARE


def is_han(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= code <= 0x4DBF  # Extension A
        or 0x20000 <= code <= 0x3134F  # Extensions B-G
    )
