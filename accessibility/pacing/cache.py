"""Pacing measurements remembered in SQLite, keyed by what the file contains.

The key is the file size plus a BLAKE2b hash of three 1 MiB samples (start, middle, end):
a moved, renamed or copied episode finds its entry without being read whole, and a re-encoded
or edited one does not.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from accessibility.pacing.measure import ANALYSER_VERSION, PacingMeasurements

log = logging.getLogger(__name__)

SAMPLE_BYTES = 1 << 20
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pacing (
    fingerprint TEXT PRIMARY KEY,
    analyser INTEGER NOT NULL,
    measurements TEXT,          -- JSON; NULL when the file could not be analysed
    stored_at REAL NOT NULL
)
"""


def file_fingerprint(path: str | Path) -> str:
    """Size and sampled-content hash of a file; raises ``OSError`` if it cannot be read."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        digest = hashlib.blake2b(digest_size=20)
        digest.update(size.to_bytes(8, "little"))
        for offset in sorted({0, max(0, size // 2 - SAMPLE_BYTES // 2),
                              max(0, size - SAMPLE_BYTES)}):
            handle.seek(offset)
            digest.update(handle.read(SAMPLE_BYTES))
    return f"{size}-{digest.hexdigest()}"


@dataclass(frozen=True)
class CacheEntry:
    measurements: PacingMeasurements | None  # None: analysed before and found unanalysable


class PacingCache:
    """Thread-safe: every call opens its own short-lived connection.

    A folder that cannot be written (read-only, full, gone) never stops the app: the cache
    then lives in memory for this run (``in_memory``), said once in the log.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        self._memory: sqlite3.Connection | None = None
        self._memory_lock = threading.Lock()
        self.memory_reason = ""
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            self._prepare()
        except (OSError, sqlite3.Error) as error:
            self._use_memory(error)

    @property
    def in_memory(self) -> bool:
        return self._memory is not None

    def _use_memory(self, error: Exception) -> None:
        log.warning("pacing cache cannot be kept in %s (%s); using memory", self.db_path, error)
        self.memory_reason = str(error)
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        memory.execute(_SCHEMA)
        self._memory = memory

    def _prepare(self) -> None:
        try:
            with self._connect() as db:
                db.execute(_SCHEMA)
                db.execute("SELECT fingerprint, analyser, measurements FROM pacing LIMIT 1")
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and not self.db_path.is_file():
                raise  # no file and none can be made: not damage, a folder we cannot use
            # A cache is only a cache: set a damaged one aside and start afresh.
            log.warning("pacing cache %s unreadable (%s); starting a new one", self.db_path,
                        error)
            aside = self.db_path.with_name(f"{self.db_path.name}.damaged-{int(time.time())}")
            with contextlib.suppress(OSError):
                self.db_path.replace(aside)
            with self._connect() as db:
                db.execute(_SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if self._memory is not None:
            with self._memory_lock, self._memory as memory:
                yield memory
            return
        db = sqlite3.connect(self.db_path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def get(self, fingerprint: str) -> CacheEntry | None:
        """The stored entry, or None when this content was never analysed (by this version)."""
        try:
            with self._connect() as db:
                row = db.execute(
                    "SELECT measurements FROM pacing WHERE fingerprint = ? AND analyser = ?",
                    (fingerprint, ANALYSER_VERSION),
                ).fetchone()
        except sqlite3.DatabaseError as error:
            log.warning("pacing cache read failed: %s", error)
            return None
        if row is None:
            return None
        if row[0] is None:
            return CacheEntry(None)
        try:
            return CacheEntry(PacingMeasurements.from_dict(json.loads(row[0])))
        except (ValueError, TypeError, KeyError) as error:
            log.warning("pacing cache entry unreadable: %s", error)
            return None

    def put(self, fingerprint: str, measurements: PacingMeasurements | None) -> None:
        payload = None if measurements is None else json.dumps(measurements.to_dict())
        try:
            with self._connect() as db:
                db.execute(
                    "INSERT OR REPLACE INTO pacing (fingerprint, analyser, measurements,"
                    " stored_at) VALUES (?, ?, ?, ?)",
                    (fingerprint, ANALYSER_VERSION, payload, time.time()),
                )
        except sqlite3.DatabaseError as error:
            log.warning("pacing cache write failed: %s", error)
