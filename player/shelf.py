"""The library the viewer chooses from: which sources are read, reading them, and the series
Home shows with the problems already reported.

One place for what the start-up and the family settings (after the sources changed, or after
the first-run setup) both do: take the command line's sources or the saved ones, fall back to
the demo series when there are none, read every source in the background (a slow server never
holds up the local ones, see player/library/loading.py) and hand the result to the GUI thread.
No widgets: the window shows what the shelf holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from player.assets import demo_library
from player.config.store import Settings
from player.library.loading import LibraryLoader
from player.library.model import Series, SourceProblem
from player.library.sources import open_source
from player.marshal import EventMarshal

SOURCES_KEY = "library.sources"


class LibraryShelf:
    """Holds the series that have episodes and remembers which source problems were told."""

    def __init__(self, settings: Settings, run_sources: Sequence[str] = ()) -> None:
        self._settings = settings
        # Sources given on the command line for this run, used instead of the saved ones.
        self.run_sources = list(run_sources)
        self._series: list[Series] = []
        self._told: set[SourceProblem] = set()
        self._marshal = EventMarshal()  # made on the GUI thread: reports arrive there

    @property
    def series(self) -> list[Series]:
        return list(self._series)

    def sources(self, *, demo: bool = True) -> list[str]:
        """This run's sources, else the saved ones; with none at all, the demo series."""
        sources = self.run_sources or list(self._settings.get(SOURCES_KEY))
        return sources or ([str(demo_library())] if demo else [])

    def read(self, specs: Sequence[str], deliver: Callable[[list[Series]], None], *,
             whole: bool = False, read: Callable[[str], list[Series]] = open_source,
             required: int = 0) -> LibraryLoader:
        """Start reading ``specs``, each in its own thread; ``deliver`` runs on the GUI thread
        with the library so far (``whole``: only once, when every source is read)."""
        marshal = self._marshal

        def report(library: list[Series], complete: bool) -> None:
            if complete or not whole:
                marshal.post(deliver, library)

        loader = LibraryLoader(specs, report, read=read, required=required)
        loader.start()
        return loader

    def reload(self, deliver: Callable[[list[Series]], None]) -> None:
        """Read the sources again in the background; ``deliver`` gets the whole library."""
        self.read(self.sources(), deliver, whole=True)

    def replace(self, library: Iterable[Series]) -> list[SourceProblem]:
        """A newly read library; every problem in it, in source order."""
        found = list(library)
        self._series = [series for series in found if series.episodes]
        problems = [p for series in found for p in series.problems]
        self._told = set(problems)
        return problems

    def grow(self, library: Iterable[Series]) -> list[SourceProblem]:
        """More of the library arrived (a slow source); only problems not told before."""
        found = list(library)
        self._series = [series for series in found if series.episodes]
        new = [p for series in found for p in series.problems if p not in self._told]
        self._told |= {p for series in found for p in series.problems}
        return new

    def index_of(self, series: Series) -> int | None:
        """Where ``series`` stands in the library, or None if it is not there (any more)."""
        return self._series.index(series) if series in self._series else None
