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
_RUBY_TEXT = re.compile(r"<(rt|rp)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
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
    plain = _RUBY_TEXT.sub("", plain)  # ruby annotations are small glosses, not the line
    plain = _HTML_TAG.sub("", plain)
    plain = _OVERRIDE_ONLY.sub("", plain)  # SRT files often carry {\an8} and the like
    return tidy_lines(html.unescape(plain))


def strip_any_markup(text: str) -> str:
    """Plain text of a line whose origin is unknown (both kinds of markup removed)."""
    return strip_html_markup(strip_ass_markup(text))


def tidy_lines(text: str) -> str:
    """One space between words, no blank or padded lines, "\\n" between lines."""
    visible = _INVISIBLE.sub("", text).replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in visible.split("\n"))
    return "\n".join(line for line in lines if line)
