"""Subtitle cues for the episode that is playing: found in the background, followed in time.

One pipeline whatever the cues' origin (a file beside the episode, a subtitle address from a
manifest, a text track inside the file, later the picture itself): the display and read-out
only ever see ``Cue`` objects.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from accessibility.subtitles import words
from accessibility.subtitles.model import Cue
from accessibility.subtitles.paging import DEFAULT_CHARS_PER_SECOND, Layout, page_cues
from accessibility.subtitles.text import wrap_cue
from player.library.cue_reading import CueLoad, read_cues
from player.library.model import Episode
from player.locations import is_remote
from player.marshal import EventMarshal

LayoutKey = tuple[str, int, int]


def load_cues(episode: Episode) -> CueLoad:
    """Blocking: the subtitle beside the episode wins, else a text track inside the file
    (``read_cues``).

    The cues' words are segmented here, off the GUI thread (``words`` keeps them), so
    laying them out into pages there costs little."""
    _add_series_names(episode)
    load = read_cues(episode)
    if load.track is not None:
        words.segment(cue.text for cue in load.track.cues)
    return load


NAMES_FILE = "人名.txt"  # beside the episodes: the drama's people, one a line, kept whole
_NAMES_MAX_BYTES = 64_000


def _add_series_names(episode: Episode) -> None:
    """The names a family wrote down for a series, so its lines never break inside them."""
    if is_remote(episode.location):
        return
    names = Path(episode.location).parent / NAMES_FILE
    try:
        with names.open("rb") as stream:
            raw = stream.read(_NAMES_MAX_BYTES)
    except OSError:
        return
    words.add_words(raw.decode("utf-8", "replace").replace("\ufeff", "").split())


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


# Up to this many cues are laid out on the GUI thread at once (an episode has 20–100); a longer
# file is laid out in the background while the few cues around the position are laid out now,
# so nothing proportional to the file ever runs on the GUI thread.
_LAYOUT_NOW_MAX = 64
_AROUND = 8  # cues before the position looked at for one still showing (overlaps are shallow)


class CueFollower(QObject):
    """Turns the playback position into the display page showing now (or none).

    It knows the position only from ``follow``: after ``clear`` (a new episode, leaving
    Playing) nothing shows until the new episode reports where it is, so a cue can never appear
    at a position left over from the episode before."""

    changed = Signal(object)  # Cue | None — a display page, already wrapped with "\n"
    pages_changed = Signal(object)  # tuple[Cue, ...]: every display page, for read-out

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cues: tuple[Cue, ...] = ()
        self._pages: tuple[Cue, ...] = ()
        self._starts: list[int] = []
        self._cue_starts: list[int] = []
        self._chars = 16
        self._lines = 2
        self._chars_per_second = DEFAULT_CHARS_PER_SECOND
        self._current: Cue | None = None
        self._position: int | None = None
        self._waiting_for_words = False
        self._requested: set[str] = set()  # texts sent for segmentation (each once)
        self._marshal = EventMarshal(self)
        self._layouts: dict[LayoutKey, Layout] = {}  # (text, chars, lines) -> its pages' lines
        self._generation = 0  # which background layout is still wanted
        self._complete = True  # self._pages covers every cue (else only those around)

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self._cues

    @property
    def pages(self) -> tuple[Cue, ...]:
        return self._pages

    @property
    def laid_out(self) -> bool:
        """Every cue is laid out (a long file is, shortly after it arrives or is resized)."""
        return self._complete

    @property
    def current(self) -> Cue | None:
        return self._current

    def set_cues(self, cues: tuple[Cue, ...]) -> None:
        self._cues = cues
        self._paginate()

    def set_chars_per_line(self, chars: int) -> None:
        self.set_layout(chars, self._lines)

    def set_layout(self, chars: int, lines: int) -> None:
        """How many characters a line and lines a page the subtitle area holds now."""
        if (chars, lines) != (self._chars, self._lines):
            self._chars, self._lines = chars, lines
            self._paginate()

    def set_reading_speed(self, chars_per_second: float) -> None:
        if chars_per_second != self._chars_per_second:
            self._chars_per_second = chars_per_second
            self._paginate()

    def clear(self) -> None:
        self._position = None
        self._requested.clear()
        self.set_cues(())

    def follow(self, position_ms: int) -> None:
        self._position = position_ms
        self._show_page_at(position_ms)

    def _segment_in_background(self, texts: list[str]) -> None:
        """Cues whose words are not known yet (read off the picture, or before the worker was
        ready) are laid out at once without them, and again when they are segmented. Each text
        is asked for once: if the worker cannot say, it keeps breaks between characters."""
        self._waiting_for_words = True
        self._requested.update(texts)

        def work() -> None:
            words.segment(texts)
            self._marshal.post(self._words_arrived)

        threading.Thread(target=work, name="words", daemon=True).start()

    def _words_arrived(self) -> None:
        self._waiting_for_words = False
        self._layouts.clear()  # laid out without the words: lay out again with them
        self._paginate()

    def _show_page_at(self, position_ms: int | None) -> None:
        page: Cue | None = None
        if position_ms is not None and position_ms >= 0:
            if not self._complete:
                self._lay_out_around(position_ms)
            index = bisect.bisect_right(self._starts, position_ms) - 1
            page = self._pages[index] if index >= 0 else None
            if page is not None and position_ms >= page.end_ms:
                page = None
        if page != self._current:
            self._current = page
            self.changed.emit(page)

    def _layout(self, text: str, chars: int, lines: int) -> Layout:
        key = (text, chars, lines)
        found = self._layouts.get(key)
        if found is None:
            found = self._layouts[key] = wrap_cue(text, chars, lines)
        return found

    def _lay_out_around(self, position_ms: int) -> None:
        """Until the whole file is laid out: the pages of the few cues around the position."""
        index = bisect.bisect_right(self._cue_starts, position_ms)
        nearby = self._cues[max(index - _AROUND, 0):index + 1]
        self._pages = tuple(page_cues(nearby, self._chars, self._lines, self._chars_per_second,
                                      layout=self._layout))
        self._starts = [page.start_ms for page in self._pages]

    def _paginate(self) -> None:
        if not self._waiting_for_words:
            missing = [cue.text for cue in self._cues
                       if cue.text not in self._requested and not words.known([cue.text])]
            if missing:
                self._segment_in_background(missing)
        self._generation += 1
        self._cue_starts = [cue.start_ms for cue in self._cues]  # the loader sorts them
        chars, lines = self._chars, self._lines
        unknown = [cue.text for cue in self._cues
                   if (cue.text, chars, lines) not in self._layouts]
        if len(unknown) > _LAYOUT_NOW_MAX:
            self._complete = False
            self._lay_out_in_background(unknown, chars, lines, self._generation)
            self._show_page_at(self._position)
            return
        self._complete = True
        pages = tuple(page_cues(self._cues, chars, lines, self._chars_per_second,
                                layout=self._layout))
        if pages != self._pages:
            self._pages = pages
            self._starts = [page.start_ms for page in pages]
            self.pages_changed.emit(pages)
        self._show_page_at(self._position)

    def _lay_out_in_background(self, texts: list[str], chars: int, lines: int,
                               generation: int) -> None:
        def work() -> None:
            done = {(text, chars, lines): wrap_cue(text, chars, lines) for text in set(texts)}
            self._marshal.post(self._laid_out, done, generation)

        threading.Thread(target=work, name="subtitle-layout", daemon=True).start()

    def _laid_out(self, done: dict[LayoutKey, Layout], generation: int) -> None:
        if generation != self._generation:
            return  # outdated by newer cues, another size or the words arriving
        if len(self._layouts) > 50_000:
            self._layouts.clear()
        self._layouts.update(done)
        self._paginate()


class PagesForReadOut:
    """Hands the display pages to read-out, so it says each page as it appears.

    Pages that only grew (subtitles read off the picture arrive a few at a time) are added with
    ``extend``, which silences nothing; pages that only changed where their lines wrap (enlarge)
    are not handed over again; anything else replaces the cues with ``replace``."""

    def __init__(self, replace: Callable[[Sequence[Cue]], None],
                 extend: Callable[[Sequence[Cue]], None]) -> None:
        self._replace = replace
        self._extend = extend
        self._said: tuple[tuple[int, int, str], ...] = ()

    def __call__(self, pages: tuple[Cue, ...]) -> None:
        said = tuple((page.start_ms, page.end_ms, page.text.replace("\n", "")) for page in pages)
        before, self._said = self._said, said
        if said == before:
            return
        if before and said[: len(before)] == before:
            self._extend(pages[len(before):])
        else:
            self._replace(pages)
