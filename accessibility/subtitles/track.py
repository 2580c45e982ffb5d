"""A loaded subtitle track: where it came from and its cues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accessibility.subtitles.model import Cue

# "mov_text" is the MP4 timed-text track; the others are files or their MKV equivalents.
SubtitleFormat = Literal["srt", "vtt", "ass", "ssa", "mov_text"]


@dataclass(frozen=True)
class SubtitleTrack:
    """Cues in start order, text already plain (see ``Cue``).

    ``path`` is the subtitle file, or the media file for an embedded track; ``encoding`` is the
    Python codec the file was read with; ``language`` is the track's tag when it has one.
    """

    path: str
    format: SubtitleFormat
    encoding: str
    cues: tuple[Cue, ...]
    language: str | None = None
