"""Remove styling from subtitle text, keeping only what is read: for display and for speech.

The app draws subtitles itself, large and plain, so colours, fonts, positions and karaoke are
dropped. ASS drawings (vector shapes written as text after ``\\p1``) are dropped whole: read as
text they would be "m 0 0 l 100 0 ...".
"""

from __future__ import annotations

import html
import re

_ASS_BLOCK = re.compile(r"\{([^{}]*)\}")
_ASS_DRAWING_MODE = re.compile(r"\\p\s*(-?\d+)")
_ASS_LINE_BREAK = re.compile(r"\\[Nn]")
_ASS_HARD_SPACE = "\\h"
# <i>, </font>, <font color="red">, VTT <v Name>, <c.yellow>, <lang zh>, and VTT timestamps.
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][^<>]*|\d[\d:.]*)>")
# Opening and closing ruby-text tags; what lies between a pair is dropped (see _drop_ruby).
_RUBY_TAG = re.compile(r"<(/?)(rt|rp)\b[^<>]*>", re.IGNORECASE)
_OVERRIDE_ONLY = re.compile(r"\{\\[^{}]*\}")
_SPACES = re.compile(r"[^\S\n]+")
# Invisible characters: control codes, zero-width spaces, direction marks, byte-order marks.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)


def strip_ass_markup(text: str) -> str:
    """Plain text of an ASS/SSA event's text field, lines joined by "\\n"."""
    pieces: list[str] = []
    drawing = False
    position = 0
    for block in _ASS_BLOCK.finditer(text):
        if not drawing:
            pieces.append(text[position : block.start()])
        modes = _ASS_DRAWING_MODE.findall(block.group(1))
        if modes:
            drawing = int(modes[-1]) > 0
        position = block.end()
    if not drawing:
        pieces.append(text[position:])
    plain = "".join(pieces).replace(_ASS_HARD_SPACE, " ")
    return tidy_lines(_ASS_LINE_BREAK.sub("\n", plain))


def strip_html_markup(text: str) -> str:
    """Plain text of an SRT or WebVTT cue (HTML-like tags, entities, stray ASS overrides)."""
    plain = _ASS_LINE_BREAK.sub("\n", text)
    plain = _drop_ruby(plain)  # ruby annotations are small glosses, not the line
    plain = _HTML_TAG.sub("", plain)
    plain = _OVERRIDE_ONLY.sub("", plain)  # SRT files often carry {\an8} and the like
    return tidy_lines(html.unescape(plain))


def _drop_ruby(text: str) -> str:
    """``text`` without ``<rt>…</rt>`` and ``<rp>…</rp>`` (each opening tag up to the first
    closing tag of its name), in one pass over the tags.

    A lazy regex (``<(rt|rp)…>.*?</\\1>``) does the same but rescans the rest of the text
    for every opening tag left unclosed: 30,000 of them took 9.7 s. Here each tag is
    looked at a bounded number of times, so the time is linear in the text.
    """
    if "<" not in text:
        return text
    tags = list(_RUBY_TAG.finditer(text))
    if not tags:
        return text
    # For each position, the index of the next closing tag of each name (scanned backwards).
    next_close: dict[str, list[int]] = {"rt": [0] * (len(tags) + 1), "rp": [0] * (len(tags) + 1)}
    for name, table in next_close.items():
        following = len(tags)
        table[len(tags)] = following
        for index in range(len(tags) - 1, -1, -1):
            tag = tags[index]
            if tag.group(1) and tag.group(2).casefold() == name:
                following = index
            table[index] = following
    pieces: list[str] = []
    position = 0
    index = 0
    while index < len(tags):
        tag = tags[index]
        if tag.group(1):  # a closing tag with nothing open: left for the tag stripper
            index += 1
            continue
        close = next_close[tag.group(2).casefold()][index + 1]
        if close == len(tags):  # never closed: kept, as the regex kept it
            index += 1
            continue
        pieces.append(text[position : tag.start()])
        position = tags[close].end()
        index = close + 1
    pieces.append(text[position:])
    return "".join(pieces)


def strip_any_markup(text: str) -> str:
    """Plain text of a line whose origin is unknown (both kinds of markup removed)."""
    return strip_html_markup(strip_ass_markup(text))


def tidy_lines(text: str) -> str:
    """One space between words, no blank or padded lines, "\\n" between lines."""
    visible = _INVISIBLE.sub("", text).replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in visible.split("\n"))
    return "\n".join(line for line in lines if line)
