"""Picture cues against the lines that were drawn: character error rate and timing.

Shared by the tests and ``benchmarks/bench_ocr.py``. Each drawn line is paired with the cue
that overlaps it most in time (one cue per line). Character error rate counts, over all
lines, the edits turning the drawn text into the cue's (a missed line costs all its
characters, a cue matching no line costs all of its own), divided by the characters drawn.
Text is compared after Unicode NFKC and without spaces, so "，" and "," are one character
and a space the recogniser puts between two Chinese characters costs nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from accessibility.ocr.cue import PictureCue
from tests.accessibility.ocr.ocr_media import Line


@dataclass(frozen=True)
class Pair:
    line: Line
    cue: PictureCue | None

    @property
    def start_error_s(self) -> float | None:
        return None if self.cue is None else self.cue.start_ms / 1000 - self.line.start_s

    @property
    def end_error_s(self) -> float | None:
        return None if self.cue is None else self.cue.end_ms / 1000 - self.line.end_s


@dataclass(frozen=True)
class Score:
    pairs: tuple[Pair, ...]
    extra: tuple[PictureCue, ...]  # cues that match no drawn line
    edits: int
    characters: int

    @property
    def cer(self) -> float:
        return self.edits / self.characters if self.characters else 0.0

    def timed_within(self, tolerance_s: float) -> int:
        """Lines whose cue starts and ends within ``tolerance_s`` of the truth."""
        return sum(1 for p in self.pairs
                   if p.cue is not None and abs(p.start_error_s or 0.0) <= tolerance_s
                   and abs(p.end_error_s or 0.0) <= tolerance_s)


def key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def score(lines: Sequence[Line], cues: Sequence[PictureCue]) -> Score:
    candidates = []
    for i, line in enumerate(lines):
        for j, cue in enumerate(cues):
            overlap = min(line.end_s, cue.end_ms / 1000) - max(line.start_s, cue.start_ms / 1000)
            if overlap > 0:
                candidates.append((overlap, i, j))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    pairs = tuple(Pair(line, cues[matched[i]] if i in matched else None)
                  for i, line in enumerate(lines))
    extra = tuple(cue for j, cue in enumerate(cues) if j not in used)
    edits = sum(Levenshtein.distance(key(p.line.text), key(p.cue.text)) if p.cue is not None
                else len(key(p.line.text)) for p in pairs)
    edits += sum(len(key(cue.text)) for cue in extra)
    characters = sum(len(key(line.text)) for line in lines)
    return Score(pairs, extra, edits, characters)
