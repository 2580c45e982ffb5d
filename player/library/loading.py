"""Read every source at once and report the library as it grows.

A slow server (up to its deadline, at most 30 s) must not keep Home, the local series or
family settings away: each source is read in its own thread; the first report comes when
every local source is read (or, with only remote sources, when the first one answers), and
each later source is added when it arrives. Imports no Qt: the caller marshals the reports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from player.library.model import Series
from player.library.problems import ProblemCode, problem
from player.library.references import failed_series, source_name
from player.library.sources import open_source
from player.locations import is_remote

Report = Callable[[list[Series], bool], None]  # (library so far in source order, complete)


class LibraryLoader:
    def __init__(self, sources: Sequence[str], report: Report,
                 read: Callable[[str], list[Series]] = open_source, required: int = 0) -> None:
        self._sources = list(sources)
        self._required = required  # the first this many are in the first report, even remote
        self._report = report
        self._read = read
        self._results: list[list[Series] | None] = [None] * len(self._sources)
        self._lock = threading.Lock()
        self._reported = False

    def start(self) -> None:
        if not self._sources:
            self._report([], True)
            return
        for index, spec in enumerate(self._sources):
            threading.Thread(target=self._read_one, args=(index, spec),
                             name=f"library-{index}", daemon=True).start()

    def _read_one(self, index: int, spec: str) -> None:
        try:
            found = self._read(spec)
        except Exception as error:  # a reader bug must not lose the other sources
            found = [failed_series(source_name(spec),
                                   problem(ProblemCode.UNREADABLE, spec, repr(error)[:200]))]
        with self._lock:
            self._results[index] = found
            ready = [result is not None for result in self._results]
            local_done = all(done or (is_remote(spec) and index >= self._required)
                             for index, (done, spec)
                             in enumerate(zip(ready, self._sources, strict=True)))
            if not self._reported and not (local_done and any(ready)):
                return  # local series first: Home with them, not with a half-read disk
            self._reported = True
            library = [series for result in self._results if result for series in result]
            # Reported under the lock, so reports leave in the order they were made.
            self._report(library, all(ready))
