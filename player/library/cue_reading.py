"""Read an episode's subtitle cues: the file beside it (or its subtitle address) wins, else a
text track inside the file. No Qt: ``silverreel inspect`` reads cues with this alone, and the
player's ``player.cues`` adds the word segmentation its pages need.
"""

from __future__ import annotations

from dataclasses import dataclass

from accessibility.subtitles.errors import SubtitleError, SubtitleErrorCode
from accessibility.subtitles.loader import load_subtitle_bytes, load_subtitle_file
from accessibility.subtitles.track import SubtitleTrack
from player.library.fetch import fetch
from player.library.model import Episode, SourceProblem
from player.locations import is_remote


@dataclass(frozen=True)
class CueLoad:
    location: str  # the episode's
    track: SubtitleTrack | None
    origin: str  # "file" | "embedded" | "none"
    problem: str | None = None  # a SubtitleError code, when a subtitle existed but was bad


def read_cues(episode: Episode) -> CueLoad:
    """Blocking: the subtitle beside the episode wins, else a text track inside the file."""
    problem: str | None = None
    if episode.subtitle:
        try:
            if is_remote(episode.subtitle):
                fetched = fetch(episode.subtitle, timeout=5.0, max_bytes=5_000_000)
                if isinstance(fetched, SourceProblem):
                    raise SubtitleError(SubtitleErrorCode.UNREADABLE, fetched.detail)
                track = load_subtitle_bytes(fetched.data, episode.subtitle)
            else:
                track = load_subtitle_file(episode.subtitle)
            return CueLoad(episode.location, track, "file")
        except SubtitleError as error:
            problem = error.code
    if not is_remote(episode.location):
        # PyAV is heavy to import; only a background thread or a command-line tool needs it.
        from accessibility.subtitles.embedded import load_embedded_subtitles

        embedded: SubtitleTrack | None
        try:
            embedded = load_embedded_subtitles(episode.location)
        except SubtitleError:
            embedded = None
        if embedded is not None:
            return CueLoad(episode.location, embedded, "embedded", problem)
    return CueLoad(episode.location, None, "none", problem)
