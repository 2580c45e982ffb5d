"""Playback events as JSON lines, for families' bug reports, tests and benchmarks.

Each line: ``{"t": <CLOCK_MONOTONIC seconds>, "event": "<name>", ...fields}``. ``t`` comes
from ``time.monotonic()``, which on Linux is one clock for every process on the machine, so
a benchmark can compare it with its own clock. See docs/event-log.md for the events.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, TextIO


class EventLog:
    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._stream: TextIO | None = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # A name that is not UTF-8 is written as a JSON escape "\udcXX" (reads back).
                self._stream = path.open("a", encoding="utf-8", errors="backslashreplace",
                                         buffering=1)
            except OSError:
                # A log that cannot be written must never stop the app from playing.
                self._stream = None

    @property
    def path(self) -> Path | None:
        return self._path

    def log(self, event: str, **fields: Any) -> None:
        record = {"t": round(time.monotonic(), 6), "event": event, **fields}
        line = json.dumps(record, ensure_ascii=False, default=str)
        with self._lock:
            if self._stream is None:
                return
            try:
                self._stream.write(line + "\n")
            except OSError:
                self._stream = None

    def close(self) -> None:
        with self._lock:
            if self._stream is not None:
                self._stream.close()
                self._stream = None


def read_events(path: Path) -> list[dict[str, Any]]:
    """Every complete event in a log file (a torn last line is ignored)."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events
