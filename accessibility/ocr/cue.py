"""A subtitle line read off the picture, and how it leaves this package."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from accessibility.subtitles.model import Cue

SOURCE = "picture"  # how ``inspect`` and the cue pipeline name where these cues came from


@dataclass(frozen=True)
class PictureCue:
    start_ms: int
    end_ms: int  # the moment the line left the picture (its last frame's end)
    text: str  # lines of a two-line subtitle joined by "\n"
    confidence: float  # the recogniser's mean character score, 0–1


def to_subtitle_cues(cues: Iterable[PictureCue]) -> tuple[Cue, ...]:
    """The cues as the rest of the app sees any cue, whatever its origin."""
    return tuple(Cue(cue.start_ms, cue.end_ms, cue.text) for cue in cues)


def picture_cues_to_json(cues: Iterable[PictureCue]) -> list[dict[str, Any]]:
    """``silverreel inspect --json`` entries: seconds like the rest of its output."""
    return [
        {
            "source": SOURCE,
            "start_s": round(cue.start_ms / 1000, 3),
            "end_s": round(cue.end_ms / 1000, 3),
            "text": cue.text,
            "confidence": round(cue.confidence, 3),
        }
        for cue in cues
    ]
