"""The SQLite file behind ``player.progress.ProgressStore``: its shape and its troubles.

Here are the schema and its version, the reshaping of a ``progress`` table of another shape
(an old or foreign file), opening the file (WAL, ``synchronous=NORMAL``, never waiting for
another process's lock), recognising a damaged file and moving it aside, and using memory
instead of a file that cannot be used at all. What is stored and asked is the store's job.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

# The store's own log name: what it logs reads the same whichever of its modules writes it.
log = logging.getLogger("player.progress")

SCHEMA_VERSION = 2  # 2: the unplayable table
# Never wait for another process's lock: a save that finds the file busy stays in memory
# and is written with the next save (or read); waiting froze playback 5 s per save.
_BUSY_TIMEOUT_S = 0.0
_COLUMN_NAMES = ("location", "position_ms", "duration_ms", "watched", "updated", "seq",
                 "series_source", "series_title")
# What a row from a table of another shape gets for a column it lacks.
_MIGRATION_DEFAULTS = {"position_ms": "0", "duration_ms": "0", "watched": "0",
                       "updated": "0", "seq": "rowid", "series_source": "''",
                       "series_title": "''"}

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


def open_database(path: Path) -> sqlite3.Connection:
    """The progress file at ``path``, checked; a damaged one is moved aside and a fresh one
    started; memory (for this run only) when no file can be used there."""
    try:
        return _connect_checked(path)
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            return _memory_instead(path, error)
        log.warning("progress file %s is damaged (%s); starting afresh", path, error)
        move_aside(path)
    except OSError as error:
        return _memory_instead(path, error)
    try:
        return _connect_checked(path)
    except (sqlite3.Error, OSError) as error:
        return _memory_instead(path, error)


def start_afresh(connection: sqlite3.Connection, path: Path,
                 error: sqlite3.DatabaseError) -> sqlite3.Connection:
    """Damage found while in use: the file is moved aside and a fresh one opened."""
    log.warning("progress file %s is damaged (%s); starting afresh", path, error)
    connection.close()
    move_aside(path)
    return open_database(path)


def is_in_memory(connection: sqlite3.Connection) -> bool:
    """Whether ``connection`` keeps progress only for this run (no file behind it)."""
    row = connection.execute("PRAGMA database_list").fetchone()
    return not row[2]


def _memory_instead(path: Path, error: Exception) -> sqlite3.Connection:
    # Playback matters more than remembering it: keep going, remember for this run only.
    log.warning("progress cannot be kept in %s (%s); using memory", path, error)
    return _connect(":memory:")


def _connect_checked(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = _connect(str(path))
    try:
        # quick_check reads every page, so damage is found now and not mid-playback.
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def move_aside(path: Path) -> None:
    """Keep the damaged file (and its WAL) for inspection under an unused name."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = f"{path}.corrupt-{stamp}"
    attempt = 1
    while Path(aside).exists():
        attempt += 1
        aside = f"{path}.corrupt-{stamp}-{attempt}"
    for suffix in ("", "-wal", "-shm"):
        damaged = Path(f"{path}{suffix}")
        if damaged.exists():
            try:
                damaged.replace(f"{aside}{suffix}")
            except OSError:
                log.warning("cannot move damaged %s aside", damaged, exc_info=True)


def _connect(database: str) -> sqlite3.Connection:
    connection = sqlite3.connect(database, timeout=_BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            log.warning("progress file written by a newer version (%s); reading anyway", version)
        _reshape(connection)
        connection.executescript(_SCHEMA)
        if version < SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def log_not_done(path: Path, error: sqlite3.DatabaseError) -> None:
    """Log a read or write the file did not do (quietly when it was only busy)."""
    if "locked" in str(error) or "busy" in str(error):
        # Another program holds the file: kept in memory, written later; no log every 5 s.
        log.debug("progress file %s busy; kept in memory", path)
    else:
        log.warning("progress not stored/read (%s): %s", path, error)


def _reshape(connection: sqlite3.Connection) -> None:
    """A ``progress`` table of another shape (an old or foreign file) is renamed aside and
    what it holds copied into a table of the right shape, so progress is kept on disk again
    instead of in memory on every run."""
    columns = [row[1] for row in connection.execute("PRAGMA table_info(progress)")]
    if not columns or set(_COLUMN_NAMES) <= set(columns):
        return
    aside = f"progress_aside_{int(time.time())}"
    log.warning("progress table has another shape %s; kept as %s", columns, aside)
    with connection:
        connection.execute(f'ALTER TABLE progress RENAME TO "{aside}"')
        connection.execute("DROP INDEX IF EXISTS progress_seq")
        connection.executescript(_SCHEMA)
    if "location" not in columns:
        return
    select = ", ".join(name if name in columns else _MIGRATION_DEFAULTS[name]
                       for name in _COLUMN_NAMES)
    try:
        with connection:
            connection.execute(
                f"INSERT OR IGNORE INTO progress ({', '.join(_COLUMN_NAMES)}) "
                f'SELECT {select} FROM "{aside}" WHERE location IS NOT NULL')
    except sqlite3.Error as error:  # values of the wrong kind: the old table stays aside
        log.warning("progress rows not copied from %s: %s", aside, error)


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    # OperationalError covers a locked, read-only or full disk: the file itself is fine.
    if isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    return "malformed" in str(error) or "not a database" in str(error)
