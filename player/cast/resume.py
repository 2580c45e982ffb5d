"""A cast kept for 继续观看, offered only while its address still answers.

A cast's address belongs to the phone (often a signed address that stops working within
hours), so it is kept apart from the viewer's own progress (its own small SQLite file; the
big 继续观看 button keeps offering the viewer's own last episode) and shown on Home's
继续观看 shelf only after a short check, made off the GUI thread through
``player.net.guard`` each time Home is shown: an address that answers 4xx (expired, 404) or
that the guard refuses is forgotten and never offered again; one that does not answer in
time (the network is down) is not shown now and checked again next time. Home never waits:
the shelf gains the casts when the check is done. Resuming plays the address like any remote
episode (the engine reaches it through the loopback relay) at the position kept.
"""

from __future__ import annotations

import http.client
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from player.cast.receiver import CAST_SOURCE, is_cast
from player.config.store import Settings
from player.engine.base import PlaybackState
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.marshal import EventMarshal
from player.net.guard import Refused, open_checked
from player.window_intents import WindowIntents

RESUME_SOURCE = CAST_SOURCE + "resume"  # still a cast: never in the viewer's own progress
MAX_KEPT = 20  # rows kept in the file; older ones are dropped
MAX_SHOWN = 4  # casts offered on the shelf at most, latest first
CHECK_DEADLINE_S = 3.0  # per address; all are checked at once
SAVE_EVERY_MS = 3000  # of playing position between saves
FINISHED_FRACTION = 0.95  # watched to here: nothing left to resume, forgotten
GONE = "gone"  # answered 4xx or refused by the guard: forgotten
SILENT = "silent"  # no answer in time: not shown now, checked again next time
ANSWERS = "answers"


@dataclass(frozen=True)
class KeptCast:
    uri: str
    title: str
    position_ms: int
    duration_ms: int
    updated: float

    @property
    def percent(self) -> int:
        return round(100 * self.position_ms / self.duration_ms) if self.duration_ms else 0


class CastProgressStore:
    """Where each cast was left, one row per address. Storage trouble never raises: the
    file is replaced by memory for this run (a cast's place is worth little next to playback)."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self.path = path
        self.memory_reason = ""  # why the file could not be used ("" when it is)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False)
            self._create()
        except (sqlite3.Error, OSError) as error:  # a read-only config folder, a bad file
            self.memory_reason = str(error)
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._create()

    def _create(self) -> None:
        with self._db:
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS cast_progress (uri TEXT PRIMARY KEY, title TEXT"
                " NOT NULL, position_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL,"
                " updated REAL NOT NULL)")

    def save(self, uri: str, title: str, position_ms: int, duration_ms: int) -> None:
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO cast_progress VALUES (?, ?, ?, ?, ?)",
            (uri, title, max(0, position_ms), max(0, duration_ms), time.time())))
        self._run(lambda db: db.execute(
            "DELETE FROM cast_progress WHERE uri NOT IN (SELECT uri FROM cast_progress"
            " ORDER BY updated DESC LIMIT ?)", (MAX_KEPT,)))

    def forget(self, uri: str) -> None:
        self._run(lambda db: db.execute("DELETE FROM cast_progress WHERE uri = ?", (uri,)))

    def recent(self, limit: int = MAX_SHOWN) -> list[KeptCast]:
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT uri, title, position_ms, duration_ms, updated FROM cast_progress"
                    " ORDER BY updated DESC LIMIT ?", (limit,)).fetchall()
            except sqlite3.Error:
                return []
        return [KeptCast(str(u), str(t), int(p), int(d), float(w)) for u, t, p, d, w in rows]

    def _run(self, operation: Callable[[sqlite3.Connection], object]) -> None:
        with self._lock:
            try:
                with self._db:
                    operation(self._db)
            except sqlite3.Error:
                pass

    def close(self) -> None:
        with self._lock:
            self._db.close()


def address_state(uri: str, deadline_s: float = CHECK_DEADLINE_S) -> str:
    """``ANSWERS`` (2xx/3xx to a one-byte request), ``GONE`` (4xx, or a hop the guard
    refuses) or ``SILENT`` (no answer within the deadline, a network error, 5xx)."""
    try:
        with open_checked(uri, deadline_s=deadline_s,
                          headers={"Range": "bytes=0-0"}) as opened:
            if opened.status < 400:
                return ANSWERS
            return GONE if opened.status < 500 else SILENT
    except Refused:
        return GONE
    except (TimeoutError, OSError, http.client.HTTPException, ValueError):
        return SILENT


class CastShelf(QObject):
    """Keeps where each cast was left and offers the ones still reachable on Home."""

    def __init__(self, window: WindowIntents, settings: Settings, events: EventLog,
                 store: CastProgressStore, *, deadline_s: float = CHECK_DEADLINE_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        del settings  # nothing to set: a cast is offered whenever its address answers
        self._window = window
        self._events = events
        self._store = store
        self._deadline_s = deadline_s
        self._engine = window.engine
        self._session = window.session
        self._marshal = EventMarshal(self)
        self._round = 0
        self._shown: list[KeptCast] = []
        self._saved_at: int | None = None
        # Nothing is saved before the first frame: until then the engine may still report
        # the start of the stream, not the place it was asked to resume at.
        self._shown_frame = False
        self._engine.position_changed.connect(self._on_position)
        self._engine.state_changed.connect(self._on_state)
        self._engine.ended.connect(self._on_ended)
        self._session.episode_started.connect(lambda _s, _i: self._reset_saved())
        self._engine.first_frame.connect(self._on_first_frame)
        window.cast_chosen.connect(self.resume)
        window.screen_changed.connect(self._on_screen)
        if window.is_home():
            self.check()

    @property
    def store(self) -> CastProgressStore:
        return self._store

    @property
    def shown(self) -> list[KeptCast]:
        return list(self._shown)

    # --- keeping the place ------------------------------------------------------------------
    def _playing_cast(self) -> tuple[Series, Episode] | None:
        series, episode = self._session.series, self._session.episode
        if not is_cast(series) or series is None or episode is None \
                or self._engine.location() != episode.location:
            return None
        return series, episode

    def _reset_saved(self) -> None:
        self._saved_at = None
        self._shown_frame = False

    def _on_first_frame(self) -> None:
        self._shown_frame = True

    def _save(self) -> None:
        playing = self._playing_cast()
        position, duration = self._engine.position(), self._engine.duration()
        if playing is None or not self._shown_frame or duration <= 0 or position <= 0:
            return  # a live stream (no length) has no place to come back to
        series, episode = playing
        self._saved_at = position
        if position >= FINISHED_FRACTION * duration:
            self._store.forget(episode.location)
        else:
            self._store.save(episode.location, series.title, position, duration)

    def _on_position(self, position: int) -> None:
        if self._saved_at is None or abs(position - self._saved_at) >= SAVE_EVERY_MS:
            self._save()

    def _on_state(self, state: PlaybackState) -> None:
        if state is PlaybackState.PAUSED:
            self._save()

    def _on_ended(self) -> None:
        playing = self._playing_cast()
        if playing is not None:
            self._store.forget(playing[1].location)

    # --- offering it again ------------------------------------------------------------------
    def _on_screen(self) -> None:
        if self._window.is_home():
            self.check()

    def check(self) -> None:
        """Check the kept casts' addresses off the GUI thread; the shelf changes when done."""
        self._round += 1
        kept = self._store.recent(MAX_SHOWN)
        if not kept:
            self._offer(self._round, [], [])
            return
        threading.Thread(target=self._check_on_thread, args=(self._round, kept),
                         name="cast-shelf-check", daemon=True).start()

    def _check_on_thread(self, round_: int, kept: list[KeptCast]) -> None:
        states: dict[str, str] = {}

        def one(entry: KeptCast) -> None:
            states[entry.uri] = address_state(entry.uri, self._deadline_s)

        workers = [threading.Thread(target=one, args=(entry,), daemon=True) for entry in kept]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(self._deadline_s + 1.0)
        answering = [e for e in kept if states.get(e.uri) == ANSWERS]
        gone = [e for e in kept if states.get(e.uri) == GONE]
        for entry in gone:
            self._store.forget(entry.uri)
        self._marshal.post(self._offer, round_, answering, gone)

    def _offer(self, round_: int, answering: list[KeptCast], gone: list[KeptCast]) -> None:
        if round_ != self._round:
            return  # a newer check is on its way
        if gone:
            self._events.log("cast_shelf_gone", uris=[e.uri for e in gone])
        if [e.uri for e in answering] != [e.uri for e in self._shown]:
            self._events.log("cast_shelf", offered=[e.uri for e in answering])
        self._shown = answering
        self._window.show_casts([(e.title, e.percent) for e in answering])

    def resume(self, index: int) -> None:
        if not 0 <= index < len(self._shown):
            return
        entry = self._shown[index]
        self._events.log("cast_resumed", uri=entry.uri, position_ms=entry.position_ms)
        series = Series(entry.title, RESUME_SOURCE, (Episode(1, entry.title, entry.uri),))
        self._window.start_playing(series, 0, entry.position_ms)

    def close(self) -> None:
        self._round += 1  # a check still on its way changes nothing
        self._store.close()
