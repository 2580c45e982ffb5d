"""Subtitle text as the viewer meets it: wrapped into short pages, and as read-out says it.

Netflix's zh-CN rules (at most 16 characters a line, at most 2 lines) keep a subtitle readable at
the large size older viewers need. A cue that needs more becomes several pages shown in turn.
"""

from __future__ import annotations

import re
from typing import Final

from accessibility.subtitles.linebreak import (
    Break,
    Token,
    break_before,
    tokenize,
)
from accessibility.subtitles.markup import strip_any_markup, tidy_lines
from accessibility.subtitles.model import Cue

_RAGGED_WEIGHT: Final = 3.0  # balanced lines read more easily than a full line and a stub
_PAGE_BREAK_COST: Final = 2.0  # a new page mid-sentence is worse than a new line
# An extra line costs about as much as a break beside a one-character word: in the tall side band
# a third line is better than "奶奶，我 / 教您打视频。".
_LINE_COST: Final = 3.0


# A layout's score, compared in order: rule violations, pages, then taste (lines, break places
# and balance; the third place is kept for the tuple's shape). Plain tuples: this runs for every
# cue and tuple arithmetic is the cheap kind.
_Score = tuple[int, int, int, float]
_NOTHING_LEFT: Final[_Score] = (0, 0, 0, 0.0)
_INFEASIBLE: Final[_Score] = (1 << 30, 0, 0, 0.0)


def _plus(a: _Score, b: _Score) -> _Score:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def wrap_cue(text: str, max_chars: int = 16, max_lines: int = 2) -> list[list[str]]:
    """Break plain cue text into pages of at most ``max_lines`` lines of ``max_chars``.

    A Chinese character counts 1, a Latin letter or digit 1/2; Latin words are not split (unless
    one alone is wider than a line). Lines break preferably after 。！？… then ，、；：, at spaces
    and at the text's own line breaks (always kept), never before closing punctuation nor after
    opening punctuation. Fewest pages first, then fewest lines, then the most natural breaks.
    """
    if max_chars < 1 or max_lines < 1:
        raise ValueError("max_chars and max_lines must be at least 1")
    max_width = 2 * max_chars
    tokens = tuple(tokenize(text, max_width))
    if not tokens:
        return []
    ends = _layout(tokens, max_width, max_lines)
    pages: list[list[str]] = []
    start = 0
    for end, new_page in ends:
        if new_page or not pages:
            pages.append([])
        pages[-1].append(_line_text(tokens[start:end]))
        start = end
    return pages


def split_cue_pages(cue: Cue, max_chars: int = 16, max_lines: int = 2) -> list[Cue]:
    """One cue per page of ``wrap_cue``, the cue's time shared in proportion to page length."""
    pages = wrap_cue(cue.text, max_chars, max_lines)
    if not pages:
        return []
    texts = ["\n".join(lines) for lines in pages]
    weights = [max(_visible_width(text), 1) for text in texts]
    total = sum(weights)
    duration = cue.end_ms - cue.start_ms
    cues: list[Cue] = []
    done = 0
    start = cue.start_ms
    for text, weight in zip(texts, weights, strict=True):
        done += weight
        end = cue.start_ms + round(duration * done / total)
        cues.append(Cue(start_ms=start, end_ms=end, text=text))
        start = end
    return cues


def _visible_width(text: str) -> int:
    return sum(token.width for token in tokenize(text, max_width=1 << 30))


def _line_text(tokens: tuple[Token, ...]) -> str:
    return "".join(
        (" " if token.space_before and index else "") + token.text
        for index, token in enumerate(tokens)
    )


def _layout(tokens: tuple[Token, ...], max_width: int, max_lines: int) -> list[tuple[int, bool]]:
    """Line ends as (token index, that line opens a new page)."""
    return _Paginator(tokens, max_width, max_lines).line_ends()


class _Paginator:
    """Dynamic programming over line ends.

    ``best[start][line]`` scores laying out ``tokens[start:]`` when the line starting there is
    line number ``line`` (0-based) of its page. The table is filled from the end, so a long
    (malformed) cue costs linear time and no recursion.
    """

    def __init__(self, tokens: tuple[Token, ...], max_width: int, max_lines: int) -> None:
        self.tokens = tokens
        self.max_width = max_width
        self.max_lines = max_lines
        count = len(tokens)
        self.offsets = [0]  # width of tokens[:i], spaces between them included
        for index, token in enumerate(tokens):
            space = 1 if token.space_before and index else 0
            self.offsets.append(self.offsets[-1] + token.width + space)
        self.breaks: list[Break | None] = [None]
        self.breaks += [break_before(tokens, index) for index in range(1, count)]
        self.best = [[_INFEASIBLE] * max_lines for _ in range(count)]
        self.best.append([_NOTHING_LEFT] * max_lines)
        self.choice = [[(count, 0)] * max_lines for _ in range(count + 1)]

    def line_ends(self) -> list[tuple[int, bool]]:
        count = len(self.tokens)
        for start in range(count - 1, -1, -1):
            for line in range(self.max_lines):
                self.best[start][line], self.choice[start][line] = self._best_line(start, line)
        ends: list[tuple[int, bool]] = []
        start, line = 0, 0
        while start < count:
            end, next_line = self.choice[start][line]
            ends.append((end, line == 0))
            start, line = end, next_line
        return ends

    def _best_line(self, start: int, line: int) -> tuple[_Score, tuple[int, int]]:
        count = len(self.tokens)
        found: tuple[_Score, tuple[int, int]] = (_INFEASIBLE, (count, 0))
        leading_space = self.offsets[start + 1] - self.offsets[start] - self.tokens[start].width
        for end in range(start + 1, count + 1):
            width = self.offsets[end] - self.offsets[start] - leading_space
            if width > self.max_width and end > start + 1:
                break
            ragged = _RAGGED_WEIGHT * ((self.max_width - width) / self.max_width) ** 2
            here: _Score = (0, int(line == 0), 0, ragged + _LINE_COST)
            rule = self.breaks[end] if end < count else None
            if rule is None:
                candidates = [(here, (count, 0))]
            else:
                step = _plus(here, (int(rule.violation), 0, 0, rule.cost))
                page_cost = 0.0 if rule.sentence_end else _PAGE_BREAK_COST
                new_page = _plus(self.best[end][0], (0, 0, 0, page_cost))
                candidates = [(_plus(step, new_page), (end, 0))]
                if line + 1 < self.max_lines:
                    candidates.append((_plus(step, self.best[end][line + 1]), (end, line + 1)))
            for score, target in candidates:
                if score < found[0]:
                    found = (score, target)
            if rule is not None and rule.forced:
                break  # the source's own line break always ends a line
        return found


_ASIDE = re.compile(
    r"\[[^\[\]\n]*\]|【[^【】\n]*】|〔[^〔〕\n]*〕"  # [音乐] 【字幕】: never spoken
    r"|[（(][^（）()\n，。！？,!?]{1,8}[）)]"  # （笑） (sighs); a longer (...) is inner voice
)
_MUSIC = re.compile(r"[♪♫♬♩]")
_SPEAKER_DASH = re.compile(r"^[\-－—–‐]+\s*", re.MULTILINE)
_SPEAKABLE = re.compile(r"[^\W_]")


def speakable_text(text: str) -> str:
    """What read-out should say for a cue: no tags, asides, music marks or speaker dashes."""
    plain = _MUSIC.sub(" ", _ASIDE.sub(" ", strip_any_markup(text)))
    plain = _SPEAKER_DASH.sub("", tidy_lines(plain))
    spoken = " ".join(tidy_lines(plain).split("\n"))
    return spoken if _SPEAKABLE.search(spoken) else ""
