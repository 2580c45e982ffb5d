"""From segments of unchanged band to subtitle cues.

A segment ends whenever the tracker loses sight of a line's strokes, even for a frame (a
flash over the text, a compression smear at a cut). Segments that follow each other within
``max_gap_s`` and read as the same line (``text.same_line``) are one cue; a real pause
between two lines, even two identical ones, is longer than that and keeps them apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from accessibility.ocr.cue import PictureCue
from accessibility.ocr.text import SAME_LINE_MAX_DISTANCE, same_line
from accessibility.ocr.tracker import Segment


@dataclass(frozen=True)
class CueRules:
    max_gap_s: float = 0.1  # at most two frames at 25 fps
    max_distance: float = SAME_LINE_MAX_DISTANCE
    min_duration_s: float = 0.25  # shorter flickers are not subtitles anyone could read


@dataclass
class _Building:
    start_s: float
    end_s: float
    readings: list[tuple[str, float, float]]  # text, confidence, seconds shown

    def best_text(self) -> str:
        # The reading seen longest, weighted by how sure the recogniser was of it.
        weights: dict[str, float] = {}
        for text, confidence, seconds in self.readings:
            weights[text] = weights.get(text, 0.0) + confidence * seconds
        return max(weights, key=lambda text: weights[text])

    def confidence(self) -> float:
        total = sum(seconds for _, _, seconds in self.readings)
        if total <= 0:
            return max(confidence for _, confidence, _ in self.readings)
        return sum(c * s for _, c, s in self.readings) / total


def build_cues(segments: Iterable[Segment], rules: CueRules | None = None,
               ) -> tuple[PictureCue, ...]:
    rules = rules or CueRules()
    built: list[_Building] = []
    for segment in sorted(segments, key=lambda s: (s.start_s, s.end_s)):
        seconds = segment.end_s - segment.start_s
        reading = (segment.text, segment.confidence, seconds)
        last = built[-1] if built else None
        if last is not None and segment.start_s - last.end_s <= rules.max_gap_s \
                and same_line(last.best_text(), segment.text, rules.max_distance):
            last.end_s = max(last.end_s, segment.end_s)
            last.readings.append(reading)
        else:
            built.append(_Building(segment.start_s, segment.end_s, [reading]))
    return tuple(
        PictureCue(round(b.start_s * 1000), round(b.end_s * 1000), b.best_text(),
                   round(b.confidence(), 4))
        for b in built if b.end_s - b.start_s >= rules.min_duration_s
    )
