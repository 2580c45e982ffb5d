"""Where the viewer stopped in each episode, kept safe across crashes and power cuts.

One SQLite file in WAL mode, one committed transaction per save. Episodes are keyed by
their location string (path or URL), exactly as ``Episode.location`` gives it.

Durability: WAL with ``synchronous=NORMAL`` never corrupts the database, whatever moment
the process dies or the power goes; after a power cut the last commits before the most
recent WAL sync may be lost, which here means a few seconds of viewing position. A full
sync per save (``FULL``) would wait on the disk every few seconds during playback, on the
cheap flash storage of a TV mini PC, for no gain a viewer would notice. A process crash
loses nothing: committed data is already in the operating system's hands.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from player.library.model import Episode, Series

log = logging.getLogger(__name__)

WATCHED_FRACTION = 0.95
SCHEMA_VERSION = 2  # 2: the unplayable table
_BUSY_TIMEOUT_S = 5.0
_IN_CLAUSE_CHUNK = 500  # below SQLite's smallest historic limit of 999 bound parameters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS progress (
    location      TEXT PRIMARY KEY,
    position_ms   INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    watched       INTEGER NOT NULL,
    updated       REAL NOT NULL,
    seq           INTEGER NOT NULL,
    series_source TEXT NOT NULL,
    series_title  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS progress_seq ON progress (seq);
CREATE TABLE IF NOT EXISTS unplayable (
    location TEXT PRIMARY KEY,
    code     TEXT NOT NULL,
    updated  REAL NOT NULL
);
"""

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
        self._connection = self._open()

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
            episode.location,
            position_ms,
            duration_ms,
            int(watched),
            time.time(),
            series.source,
            series.title,
        )

        def write(connection: sqlite3.Connection) -> None:
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

        self._run(write, default=None)

    def get(self, location: str) -> Progress | None:
        """The progress of ``location``, or ``None`` if it was never played."""
        return self._run(lambda connection: self._get(connection, location), default=None)

    def last_watched(self) -> Progress | None:
        """The episode saved most recently (what 继续观看 resumes), or ``None``."""

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
            return [row[0] for row in rows]

        return self._run(read, default=[])

    def watched_count(self, locations: Iterable[str]) -> int:
        """How many of ``locations`` have been watched to the end (duplicates count once)."""
        wanted = list(dict.fromkeys(locations))

        def count(connection: sqlite3.Connection) -> int:
            total = 0
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = wanted[start : start + _IN_CLAUSE_CHUNK]
                marks = ",".join("?" * len(chunk))
                total += connection.execute(
                    f"SELECT COUNT(*) FROM progress WHERE watched AND location IN ({marks})",
                    chunk,
                ).fetchone()[0]
            return total

        return self._run(count, default=0)

    def get_many(self, locations: Iterable[str]) -> dict[str, Progress]:
        """The progress of every one of ``locations`` that was ever played, in one query per
        500 locations (a series of 50,000 episodes is read in a blink, not one by one)."""
        wanted = list(dict.fromkeys(locations))

        def read(connection: sqlite3.Connection) -> dict[str, Progress]:
            found: dict[str, Progress] = {}
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = wanted[start : start + _IN_CLAUSE_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT {_COLUMNS} FROM progress WHERE location IN ({marks})", chunk
                ).fetchall()
                found.update((row[0], _to_progress(row)) for row in rows)
            return found

        return self._run(read, default={})

    # -- episodes that would not play ----------------------------------------------------

    def mark_unplayable(self, location: str, code: str) -> None:
        """Remember that ``location`` failed to play (``code`` says how), across restarts."""

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute(
                    "INSERT INTO unplayable (location, code, updated) VALUES (?, ?, ?)"
                    " ON CONFLICT (location) DO UPDATE SET code = excluded.code,"
                    " updated = excluded.updated",
                    (location, code, time.time()),
                )

        self._run(write, default=None)

    def clear_unplayable(self, location: str) -> None:
        """``location`` played after all (a file replaced, a server back): forget the mark."""

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.execute("DELETE FROM unplayable WHERE location = ?", (location,))

        self._run(write, default=None)

    def unplayable(self, locations: Iterable[str]) -> dict[str, str]:
        """Which of ``locations`` failed to play last time they were tried, with the code."""
        wanted = list(dict.fromkeys(locations))

        def read(connection: sqlite3.Connection) -> dict[str, str]:
            found: dict[str, str] = {}
            for start in range(0, len(wanted), _IN_CLAUSE_CHUNK):
                chunk = wanted[start : start + _IN_CLAUSE_CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(connection.execute(
                    f"SELECT location, code FROM unplayable WHERE location IN ({marks})", chunk
                ).fetchall())
            return found

        return self._run(read, default={})

    # -- storage -------------------------------------------------------------------------

    @staticmethod
    def _get(connection: sqlite3.Connection, location: str) -> Progress | None:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM progress WHERE location = ?", (location,)
        ).fetchone()
        return _to_progress(row) if row else None

    def _run(self, operation: Callable[[sqlite3.Connection], T], *, default: T) -> T:
        with self._lock:
            try:
                return operation(self._connection)
            except sqlite3.DatabaseError as error:
                if not _is_corruption(error):
                    log.warning("progress not stored/read (%s): %s", self.path, error)
                    return default
                log.warning("progress file %s is damaged (%s); starting afresh", self.path, error)
                self._connection.close()
                self._move_aside()
                self._connection = self._open()
            try:
                return operation(self._connection)
            except sqlite3.DatabaseError as error:
                log.warning("progress not stored/read (%s): %s", self.path, error)
                return default

    def _open(self) -> sqlite3.Connection:
        try:
            return self._connect_checked()
        except sqlite3.DatabaseError as error:
            if not _is_corruption(error):
                return self._memory_instead(error)
            log.warning("progress file %s is damaged (%s); starting afresh", self.path, error)
            self._move_aside()
        except OSError as error:
            return self._memory_instead(error)
        try:
            return self._connect_checked()
        except (sqlite3.Error, OSError) as error:
            return self._memory_instead(error)

    def _memory_instead(self, error: Exception) -> sqlite3.Connection:
        # Playback matters more than remembering it: keep going, remember for this run only.
        log.warning("progress cannot be kept in %s (%s); using memory", self.path, error)
        return _connect(":memory:")

    def _connect_checked(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = _connect(str(self.path))
        try:
            # quick_check reads every page, so damage is found now and not mid-playback.
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _move_aside(self) -> None:
        """Keep the damaged file (and its WAL) for inspection under an unused name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = f"{self.path}.corrupt-{stamp}"
        attempt = 1
        while Path(aside).exists():
            attempt += 1
            aside = f"{self.path}.corrupt-{stamp}-{attempt}"
        for suffix in ("", "-wal", "-shm"):
            damaged = Path(f"{self.path}{suffix}")
            if damaged.exists():
                try:
                    damaged.replace(f"{aside}{suffix}")
                except OSError:
                    log.warning("cannot move damaged %s aside", damaged, exc_info=True)

    @property
    def in_memory(self) -> bool:
        """Whether progress is only kept for this run (the file could not be used)."""
        with self._lock:
            row = self._connection.execute("PRAGMA database_list").fetchone()
        return not row[2]


_COLUMNS = "location, position_ms, duration_ms, watched, updated, series_source, series_title"


def _to_progress(row: tuple[str, int, int, int, float, str, str]) -> Progress:
    location, position_ms, duration_ms, watched, updated, series_source, series_title = row
    return Progress(
        location, position_ms, duration_ms, bool(watched), updated, series_source, series_title
    )


def _connect(database: str) -> sqlite3.Connection:
    connection = sqlite3.connect(database, timeout=_BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            log.warning("progress file written by a newer version (%s); reading anyway", version)
        connection.executescript(_SCHEMA)
        if version < SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    # OperationalError covers a locked, read-only or full disk: the file itself is fine.
    if isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    return "malformed" in str(error) or "not a database" in str(error)
