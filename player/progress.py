"""Where the viewer stopped in each episode, kept safe across crashes and power cuts.

One SQLite file in WAL mode, one committed transaction per save. Episodes are keyed by
their location string (path or URL), exactly as ``Episode.location`` gives it.

Durability: WAL with ``synchronous=NORMAL`` never corrupts the database, whatever moment
the process dies or the power goes; after a power cut the last commits before the most
recent WAL sync may be lost, which here means a few seconds of viewing position. A full
sync per save (``FULL``) would wait on the disk every few seconds during playback, on the
cheap flash storage of a TV mini PC, for no gain a viewer would notice. A process crash
loses nothing: committed data is already in the operating system's hands.

A save that finds the file locked by another program is kept in memory and written with the
next save; reads see it meanwhile. The file itself (schema, reshaping, damage, memory
instead of an unusable file) is ``player.progress_db``'s job.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from player.library.model import Episode, Series
from player.names import restored, storable
from player.progress_db import (
    is_corruption,
    is_in_memory,
    log_not_done,
    open_database,
    start_afresh,
)

WATCHED_FRACTION = 0.95
_IN_CLAUSE_CHUNK = 500  # below SQLite's smallest historic limit of 999 bound parameters

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """What is known about one episode's watching."""

    location: str
    position_ms: int
    duration_ms: int  # 0 when the length is not known (some live streams)
    watched: bool
    updated: float  # seconds since the epoch
    series_source: str
    series_title: str


class ProgressStore:
    """Per-episode watching progress in the SQLite file ``db_path``.

    No method raises on storage trouble: a corrupt file is moved aside (``*.corrupt-<time>``)
    and a fresh one started; a file that cannot be used at all is replaced by memory for
    this run, with a warning in the log. Safe to call from several threads.
    """

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.path = Path(db_path)
        self._lock = threading.Lock()
        # Saves not yet written (the file was busy), oldest first: location -> row values.
        self._pending: dict[str, tuple[object, ...]] = {}
        self._connection = open_database(self.path)

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def save(self, series: Series, episode: Episode, position_ms: int, duration_ms: int) -> None:
        """Record the position in ``episode`` and make it the last watched episode.

        An episode counts as watched from 95 % of its duration on, and stays watched when the
        viewer later watches it again from the start. Committed before returning.
        """
        position_ms = max(0, int(position_ms))
        duration_ms = max(0, int(duration_ms))
        watched = duration_ms > 0 and position_ms >= WATCHED_FRACTION * duration_ms
        values = (
            storable(episode.location),
            position_ms,
            duration_ms,
            int(watched),
            time.time(),
            storable(series.source),
            storable(series.title),
        )
        with self._lock:
            self._pending.pop(episode.location, None)
            self._pending[episode.location] = values  # newest last
        self.flush()

    def flush(self) -> bool:
        """Write the saves kept in memory, oldest first; False if some are still waiting."""
        with self._lock:
            while self._pending:
                location, values = next(iter(self._pending.items()))
                if not self._write(values):
                    return False
                if self._pending.get(location) is values:
                    del self._pending[location]
            return True

    @property
    def waiting(self) -> int:
        """How many saves are kept in memory because the file was busy."""
        with self._lock:
            return len(self._pending)

    def _write(self, values: tuple[object, ...]) -> bool:
        """One save, committed; False (and nothing waited for) when the file is busy."""

        def write(connection: sqlite3.Connection) -> bool:
            with connection:  # one transaction, committed before returning
                connection.execute(
                    """
                    INSERT INTO progress (location, position_ms, duration_ms, watched, updated,
                                          seq, series_source, series_title)
                    VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM progress), ?, ?)
                    ON CONFLICT (location) DO UPDATE SET
                        position_ms = excluded.position_ms,
                        duration_ms = excluded.duration_ms,
                        watched = progress.watched OR excluded.watched,
                        updated = excluded.updated,
                        seq = excluded.seq,
                        series_source = excluded.series_source,
                        series_title = excluded.series_title
                    """,
                    values,
                )
            return True

        return self._run(write, default=False, locked=True)

    def get(self, location: str) -> Progress | None:
        """The progress of ``location``, or ``None`` if it was never played."""
        self.flush()
        stored = self._run(lambda connection: self._get(connection, location), default=None)
        with self._lock:
            values = self._pending.get(location)
        if values is None:
            return stored
        waiting = _to_progress(values)  # type: ignore[arg-type]
        if stored is not None and stored.watched:  # watched stays watched, as when written
            waiting = dataclasses.replace(waiting, watched=True)
        return waiting

    def last_watched(self) -> Progress | None:
        """The episode saved most recently (what 继续观看 resumes), or ``None``."""
        self.flush()
        with self._lock:
            newest = next(reversed(self._pending.values()), None)
        if newest is not None:
            return _to_progress(newest)  # type: ignore[arg-type]

        def read(connection: sqlite3.Connection) -> Progress | None:
            row = connection.execute(
                f"SELECT {_COLUMNS} FROM progress ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            return _to_progress(row) if row else None

        return self._run(read, default=None)

    def recent_series(self, limit: int = 12) -> list[str]:
        """The sources of the series watched most recently, latest first."""

        def read(connection: sqlite3.Connection) -> list[str]:
            rows = connection.execute(
                "SELECT series_source FROM progress GROUP BY series_source"
                " ORDER BY MAX(seq) DESC LIMIT ?", (max(0, limit),)
            ).fetchall()
            return [restored(row[0]) for row in rows]

        return self._run(read, default=[])

    def watched_count(self, locations: Iterable[str]) -> int:
        """How many of ``locations`` have been watched to the end (duplicates count once)."""
        wanted = list(dict.fromkeys(locations))
        self.flush()
        with self._lock:
            waiting = {loc for loc, values in self._pending.items() if values[3]}

        def count(connection: sqlite3.Connection) -> int:
            total = 0
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = [storable(loc) for loc in wanted[start : start + _IN_CLAUSE_CHUNK]
                         if loc not in waiting]
                marks = ",".join("?" * len(chunk))
                total += connection.execute(
                    f"SELECT COUNT(*) FROM progress WHERE watched AND location IN ({marks})",
                    chunk,
                ).fetchone()[0]
            return total

        return self._run(count, default=0) + len(waiting.intersection(wanted))

    def get_many(self, locations: Iterable[str]) -> dict[str, Progress]:
        """The progress of every one of ``locations`` that was ever played, in one query per
        500 locations (a series of 50,000 episodes is read in a blink, not one by one)."""
        wanted = list(dict.fromkeys(locations))
        self.flush()

        def read(connection: sqlite3.Connection) -> dict[str, Progress]:
            found: dict[str, Progress] = {}
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = [storable(loc) for loc in wanted[start : start + _IN_CLAUSE_CHUNK]]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT {_COLUMNS} FROM progress WHERE location IN ({marks})", chunk
                ).fetchall()
                for row in rows:
                    progress = _to_progress(row)
                    found[progress.location] = progress
            return found

        found: dict[str, Progress] = self._run(read, default={})
        asked = set(wanted)
        with self._lock:
            waiting = {loc: values for loc, values in self._pending.items() if loc in asked}
        for location, values in waiting.items():  # saves the busy file has not taken yet
            progress = _to_progress(values)  # type: ignore[arg-type]
            stored = found.get(location)
            if stored is not None and stored.watched:
                progress = dataclasses.replace(progress, watched=True)
            found[location] = progress
        return found

    # -- episodes that would not play ----------------------------------------------------

    def mark_unplayable(self, location: str, code: str) -> None:
        """Remember that ``location`` failed to play (``code`` says how), across restarts."""

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute(
                    "INSERT INTO unplayable (location, code, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT (location) DO UPDATE SET code = excluded.code,"
                    " updated = excluded.updated",
                    (storable(location), code, time.time()),
                )

        self._run(write, default=None)

    def clear_unplayable(self, location: str) -> None:
        """``location`` played after all (a file replaced, a server back): forget the mark."""

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute("DELETE FROM unplayable WHERE location = ?",
                                   (storable(location),))

        self._run(write, default=None)

    def unplayable(self, locations: Iterable[str]) -> dict[str, str]:
        """Which of ``locations`` failed to play last time they were tried, with the code."""
        wanted = list(dict.fromkeys(locations))

        def read(connection: sqlite3.Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = [storable(loc) for loc in wanted[start : start + _IN_CLAUSE_CHUNK]]
                marks = ",".join("?" * len(chunk))
                found.update((restored(location), code) for location, code in connection.execute(
                    f"SELECT location, code FROM unplayable WHERE location IN ({marks})", chunk
                ).fetchall())
            return found

        return self._run(read, default={})

    # -- storage -------------------------------------------------------------------------

    @staticmethod
    def _get(connection: sqlite3.Connection, location: str) -> Progress | None:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM progress WHERE location = ?", (storable(location),)
        ).fetchone()
        return _to_progress(row) if row else None

    def _run(self, operation: Callable[[sqlite3.Connection], T], *, default: T,
             locked: bool = False) -> T:
        if locked:  # the caller holds the lock already
            return self._run_locked(operation, default)
        with self._lock:
            return self._run_locked(operation, default)

    def _run_locked(self, operation: Callable[[sqlite3.Connection], T], default: T) -> T:
        try:
            return operation(self._connection)
        except sqlite3.DatabaseError as error:
            if not is_corruption(error):
                log_not_done(self.path, error)
                return default
            self._connection = start_afresh(self._connection, self.path, error)
        try:
            return operation(self._connection)
        except sqlite3.DatabaseError as error:
            log_not_done(self.path, error)
            return default

    @property
    def in_memory(self) -> bool:
        """Whether progress is only kept for this run (the file could not be used)."""
        with self._lock:
            return is_in_memory(self._connection)


_COLUMNS = "location, position_ms, duration_ms, watched, updated, series_source, series_title"


def _to_progress(row: tuple[str | bytes, int, int, int, float, str | bytes, str | bytes]
                 ) -> Progress:
    location, position_ms, duration_ms, watched, updated, series_source, series_title = row
    return Progress(
        restored(location), int(position_ms), int(duration_ms), bool(watched), float(updated),
        restored(series_source), restored(series_title),
    )
