"""An episode's cues as display pages, each shown long enough for an older reader.

A cue is laid out with as many lines as the subtitle area holds (``wrap_cue``); only a cue that
still does not fit becomes several pages. Each page of such a cue is shown for at least the time
its characters need at the family's reading speed (about 5 characters a second for an older
reader; Chinese subtitle guidance for general audiences is 7–9). The pages share the cue's own
time in proportion to their length when that is enough; otherwise they run on into the silence
after the cue and, if need be, past the next cue's start, which then waits for them (never the
other way round: no page is ever shown before its cue's start). A cue that fits one page keeps
its own times.

Linear in the number of cues and in each cue's length (``wrap_cue`` is linear in its tokens).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import wrap_cue

DEFAULT_CHARS_PER_SECOND = 5.0
Layout = list[list[str]]  # a cue's pages, each a list of lines


def reading_ms(text: str, chars_per_second: float) -> int:
    """How long an older reader needs for ``text`` (spaces and line breaks not counted)."""
    visible = sum(1 for char in text if not char.isspace())
    return round(1000 * visible / max(chars_per_second, 0.1))


def page_cues(cues: Iterable[Cue], max_chars: int, max_lines: int,
              chars_per_second: float = DEFAULT_CHARS_PER_SECOND,
              layout: Callable[[str, int, int], Layout] = wrap_cue) -> list[Cue]:
    """Display pages for ``cues`` (any order), in time order, never overlapping a later one.

    ``layout`` lays one cue's text out (``wrap_cue``, or a cache of its results)."""
    ordered = sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms))
    pages: list[Cue] = []
    free_from = -1 << 62  # when the screen is free of the previous cue's pages
    for cue in ordered:
        pages_lines = layout(cue.text, max_chars, max_lines)
        if not pages_lines:
            continue
        texts = ["\n".join(lines) for lines in pages_lines]
        start = max(cue.start_ms, free_from)
        if len(texts) == 1:
            end = max(cue.end_ms, start + min(reading_ms(texts[0], chars_per_second),
                                              max(cue.end_ms - cue.start_ms, 0)))
            pages.append(Cue(start, end, texts[0]))
            free_from = start  # overlapping cues replace each other, as they always did
            continue
        total = sum(max(reading_ms(text, chars_per_second), 1) for text in texts)
        share = max(cue.end_ms - start, 0)
        for text in texts:
            need = reading_ms(text, chars_per_second)
            proportional = round(share * max(need, 1) / total)
            end = start + max(need, proportional)
            pages.append(Cue(start, end, text))
            start = end
        free_from = start
    _end_before_next(pages)
    return pages


def _end_before_next(pages: list[Cue]) -> None:
    """A page ends when the next one starts, if that is earlier (one page on screen at a time)."""
    for index in range(len(pages) - 1):
        page, following = pages[index], pages[index + 1]
        if page.end_ms > following.start_ms:
            pages[index] = Cue(page.start_ms, max(page.start_ms, following.start_ms), page.text)
