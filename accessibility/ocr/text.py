"""Tidying recognised text, and telling two readings of one line from two different lines.

Two readings of the same burned-in line can differ by a character or two (a stroke lost to
compression, a comma read as a full stop); they must not split a cue. Two different lines of
dialogue differ in most of their characters. A normalised edit distance (edits divided by
the longer reading) of at most 0.2 tells them apart: one slip in a five-character line is
0.2, while different sentences land far above 0.5.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

SAME_LINE_MAX_DISTANCE = 0.2

_SPACES = re.compile(r"[^\S\n]+")
# Chinese is written without spaces; a gap the recogniser reports between two Han characters
# or full-width marks is a slip, while one between Latin words is real.
_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_GAP_BETWEEN_WIDE = re.compile(rf"(?<=[{_WIDE}]) (?=[{_WIDE}])")


def clean_text(raw: str) -> str:
    """Readable text: trimmed lines, single spaces, none between Chinese characters."""
    lines = []
    for raw_line in raw.splitlines():
        line = _GAP_BETWEEN_WIDE.sub("", _SPACES.sub(" ", raw_line).strip())
        if line:
            lines.append(line)
    return "\n".join(lines)


def comparison_key(text: str) -> str:
    """What two readings must share to be one line: no spaces, no case, one form of each mark."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_distance(a: str, b: str) -> float:
    """Edits needed to turn one reading into the other, over the longer one's length (0–1)."""
    return Levenshtein.normalized_distance(comparison_key(a), comparison_key(b))


def same_line(a: str, b: str, max_distance: float = SAME_LINE_MAX_DISTANCE) -> bool:
    return text_distance(a, b) <= max_distance
