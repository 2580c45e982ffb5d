"""Where a Chinese subtitle line may break, and how wide its pieces are.

Widths are in half-character units: a Chinese character or full-width mark is 2, a Latin letter,
digit or ASCII mark 1 (Netflix zh-CN counts a Chinese character as one and Latin as about half).

The break rules are the small subset of Unicode line breaking (UAX #14) that Chinese subtitles
need, plus preferences UAX #14 does not express (after 。 rather than between characters); a
general line-break library would give the allowed positions but not these preferences, and the
allowed positions here are few: between Chinese words (found by ``words``, which uses jieba), at
spaces, never inside a Chinese or Latin word (unless the word alone is longer than a line), never
before closing punctuation or after opening punctuation (避头尾).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

from accessibility.subtitles import words

CLOSING: Final = frozenset("，。！？、；：…‥）》」』】〕〉〗〙〛｝］’”％‰℃°·・～,.!?;:)]}%")
OPENING: Final = frozenset("（《「『【〔〈〖〘〚｛［‘“([{￥¥$")
SENTENCE_END: Final = frozenset("。！？…!?.")
CLAUSE_END: Final = frozenset("，、；：,;:")
_NEVER_SPLIT_PAIRS: Final = frozenset("…—")  # "……" and "——" are one mark each

FORCED_COST: Final = 0.0
SENTENCE_COST: Final = 0.0
CLAUSE_COST: Final = 1.0
SPACE_COST: Final = 1.0
PLAIN_COST: Final = 4.0  # between two words
# Added to a break next to a one-character word, and to one between words that lean on each
# other (a particle, classifier or numeral and its word): see ``words``.
LOOSE_COST: Final = 2.0
GLUED_COST: Final = 8.0
# Splitting one amount ("500 / 万美元") costs more than a line more does (about 7–10 with its
# break): where a page may hold another line, the amount stays whole.
AMOUNT_COST: Final = 12.0
_BOND_COST: Final = {words.FREE: 0.0, words.LOOSE: LOOSE_COST, words.GLUED: GLUED_COST,
                     words.INSIDE: 0.0, words.AMOUNT: AMOUNT_COST}


@dataclass(frozen=True)
class Token:
    """An unbreakable piece: one Chinese character or mark, or one Latin word."""

    text: str
    width: int  # half-character units
    space_before: bool = False  # a space separated it from the previous token
    line_start: bool = False  # the source text had a line break before it
    glued: bool = False  # continues an over-long word cut to fit: breaking here is a last resort
    bond: int = words.FREE  # how it is bound to the token before (words.FREE … words.INSIDE)


@dataclass(frozen=True)
class Break:
    """What breaking a line just before a token costs."""

    forced: bool
    violation: bool  # breaks a rule; only taken when nothing else fits
    cost: float
    sentence_end: bool  # the text before it ends a sentence: a good place for a new page


def char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    east_asian = unicodedata.east_asian_width(char)
    if east_asian in ("W", "F"):
        return 2
    # Ambiguous-width marks (… — “ ” ·) are set full width in Chinese text; letters are not.
    if east_asian == "A" and not char.isalnum():
        return 2
    return 1


def _is_word_char(char: str, following: str) -> bool:
    """Part of a Latin word (narrow, not a space), apostrophes inside words included."""
    if char.isspace():
        return False
    if char in "'’" and following.isascii() and following.isalpha():
        return True
    return char_width(char) < 2


def tokenize(text: str, max_width: int) -> list[Token]:
    """Split plain cue text into tokens; words wider than ``max_width`` are cut into glued parts."""
    tokens: list[Token] = []
    bonds = words.bonds(text)
    space_before = False
    line_start = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\n":
            line_start, space_before = True, False
            index += 1
            continue
        if char.isspace():
            space_before = bool(tokens) and not line_start
            index += 1
            continue
        end = index + 1
        if _is_word_char(char, text[index + 1 : index + 2]):
            while end < len(text) and _is_word_char(text[end], text[end + 1 : end + 2]):
                end += 1
        word = text[index:end]
        for number, part in enumerate(_cut_to_width(word, max_width)):
            tokens.append(
                Token(
                    text=part,
                    width=sum(char_width(c) for c in part),
                    space_before=space_before and number == 0,
                    line_start=line_start and number == 0 and bool(tokens),
                    glued=number > 0,
                    bond=bonds[index] if number == 0 and not space_before else words.FREE,
                )
            )
        space_before = line_start = False
        index = end
    return tokens


def _cut_to_width(word: str, max_width: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for char in word:
        if current and sum(char_width(c) for c in current + char) > max_width:
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return parts


def break_before(tokens: list[Token] | tuple[Token, ...], index: int) -> Break:
    """The cost of ending a line before ``tokens[index]`` (``index`` ≥ 1)."""
    previous, token = tokens[index - 1], tokens[index]
    mark = _mark_before(tokens, index)
    sentence_end = mark in SENTENCE_END
    if token.line_start:
        return Break(forced=True, violation=False, cost=FORCED_COST, sentence_end=sentence_end)
    first, last = token.text[0], previous.text[-1]
    violation = (
        token.glued
        or token.bond == words.INSIDE
        or first in CLOSING
        or last in OPENING
        or (first == last and first in _NEVER_SPLIT_PAIRS)
    )
    if sentence_end:
        cost = SENTENCE_COST
    elif mark in CLAUSE_END:
        cost = CLAUSE_COST
    elif token.space_before:
        cost = SPACE_COST  # Chinese subtitles often use a space where a comma would be
    else:
        cost = PLAIN_COST
    cost += _BOND_COST[token.bond]
    return Break(forced=False, violation=violation, cost=cost, sentence_end=sentence_end)


_QUOTES_AND_BRACKETS: Final = "’”」』）》】〕〉)]}\"'"
_LOOK_BACK: Final = 4


def _mark_before(tokens: list[Token] | tuple[Token, ...], index: int) -> str:
    """Last character before ``index``, looking through closing quotes and brackets: the
    break after "好。”" is a break after "。"."""
    for earlier in range(index - 1, max(index - 1 - _LOOK_BACK, -1), -1):
        stripped = tokens[earlier].text.rstrip(_QUOTES_AND_BRACKETS)
        if stripped:
            return stripped[-1]
    return ""
