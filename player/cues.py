"""Subtitle cues for the episode that is playing: found in the background, followed in time.

One pipeline whatever the cues' origin (a file beside the episode, a subtitle address from a
manifest, a text track inside the file, later the picture itself): the display and read-out
only ever see ``Cue`` objects.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from accessibility.subtitles.errors import SubtitleError
from accessibility.subtitles.loader import load_subtitle_bytes, load_subtitle_file
from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import split_cue_pages
from accessibility.subtitles.track import SubtitleTrack
from player.engine.marshal import EventMarshal
from player.library.fetch import fetch
from player.library.model import Episode, SourceProblem
from player.locations import is_remote


@dataclass(frozen=True)
class CueLoad:
    location: str  # the episode's
    track: SubtitleTrack | None
    origin: str  # "file" | "embedded" | "none"
    problem: str | None = None  # a SubtitleError code, when a subtitle existed but was bad


def load_cues(episode: Episode) -> CueLoad:
    """Blocking: the subtitle beside the episode wins, else a text track inside the file."""
    problem: str | None = None
    if episode.subtitle:
        try:
            if is_remote(episode.subtitle):
                fetched = fetch(episode.subtitle, timeout=5.0, max_bytes=5_000_000)
                if isinstance(fetched, SourceProblem):
                    raise SubtitleError("unreadable", fetched.detail)
                track = load_subtitle_bytes(fetched.data, episode.subtitle)
            else:
                track = load_subtitle_file(episode.subtitle)
            return CueLoad(episode.location, track, "file")
        except SubtitleError as error:
            problem = error.code
    if not is_remote(episode.location):
        # PyAV is heavy to import; only this background thread needs it.
        from accessibility.subtitles.embedded import load_embedded_subtitles

        embedded: SubtitleTrack | None
        try:
            embedded = load_embedded_subtitles(episode.location)
        except SubtitleError:
            embedded = None
        if embedded is not None:
            return CueLoad(episode.location, embedded, "embedded", problem)
    return CueLoad(episode.location, None, "none", problem)


class CueLoader(QObject):
    """Loads cues off the GUI thread; ``loaded`` arrives on the GUI thread."""

    loaded = Signal(object)  # CueLoad

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._marshal = EventMarshal(self)

    def request(self, episode: Episode) -> None:
        def work() -> None:
            try:
                result = load_cues(episode)
            except Exception as error:
                result = CueLoad(episode.location, None, "none", f"unexpected: {error}")
            self._marshal.post(self.loaded.emit, result)

        threading.Thread(target=work, name="subtitles", daemon=True).start()


# Cues looked back at for one that still shows (subtitles overlap two or three deep at most).
_OVERLAP_LOOKBACK = 8
_PAGED_KEPT = 256


class CueFollower(QObject):
    """Turns the playback position into the display page showing now (or none)."""

    changed = Signal(object)  # Cue | None — a display page, already wrapped with "\n"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cues: tuple[Cue, ...] = ()
        self._paged: dict[int, list[Cue]] = {}  # cue index -> its display pages
        self._starts: list[int] = []
        self._chars = 16
        self._current: Cue | None = None
        self._position = 0

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self._cues

    @property
    def current(self) -> Cue | None:
        return self._current

    def set_cues(self, cues: tuple[Cue, ...]) -> None:
        self._cues = cues
        self._paginate()

    def set_chars_per_line(self, chars: int) -> None:
        if chars != self._chars:
            self._chars = chars
            self._paginate()

    def clear(self) -> None:
        self.set_cues(())

    def follow(self, position_ms: int) -> None:
        self._position = position_ms
        page = self._page_at(position_ms)
        if page != self._current:
            self._current = page
            self.changed.emit(page)

    def _page_at(self, position_ms: int) -> Cue | None:
        """The page that started last at or before ``position_ms``, if still showing.

        Only the few cues around the position are paged (and remembered), so a file of
        thousands of cues costs the GUI thread nothing when it arrives or when the size
        changes: the work is per cue shown, never per file.
        """
        index = bisect.bisect_right(self._starts, position_ms) - 1
        latest: Cue | None = None
        for cue_index in range(index, max(index - _OVERLAP_LOOKBACK, -1), -1):
            for page in self.pages_of(cue_index):
                if page.start_ms <= position_ms and (latest is None
                                                     or page.start_ms > latest.start_ms):
                    latest = page
        if latest is not None and position_ms >= latest.end_ms:
            return None
        return latest

    def pages_of(self, cue_index: int) -> list[Cue]:
        """The display pages of cue number ``cue_index`` (paged on first use, remembered)."""
        pages = self._paged.get(cue_index)
        if pages is None:
            if len(self._paged) > _PAGED_KEPT:
                self._paged.clear()
            pages = split_cue_pages(self._cues[cue_index], max_chars=self._chars)
            self._paged[cue_index] = pages
        return pages

    def _paginate(self) -> None:
        # Cues arrive sorted by start (the loader sorts them off the GUI thread).
        self._starts = [cue.start_ms for cue in self._cues]
        self._paged = {}
        self._current = None
        self.follow(self._position)
