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


class CueFollower(QObject):
    """Turns the playback position into the display page showing now (or none)."""

    changed = Signal(object)  # Cue | None — a display page, already wrapped with "\n"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cues: tuple[Cue, ...] = ()
        self._pages: list[Cue] = []
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
        index = bisect.bisect_right(self._starts, position_ms) - 1
        page = self._pages[index] if index >= 0 else None
        if page is not None and position_ms >= page.end_ms:
            page = None
        if page != self._current:
            self._current = page
            self.changed.emit(page)

    def _paginate(self) -> None:
        self._pages = [page for cue in self._cues for page in
                       split_cue_pages(cue, max_chars=self._chars)]
        self._pages.sort(key=lambda page: page.start_ms)
        self._starts = [page.start_ms for page in self._pages]
        self._current = None
        self.follow(self._position)
