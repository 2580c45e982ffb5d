"""The pacing analysis as the app keeps it: a background service and each episode's result.

``PacingMonitor`` owns the analysis service (a low-priority worker process), asks it for the
episodes about to play, looks http(s) episodes up in their sidecars, and remembers each
episode's result. The same background pass reads burned-in subtitles off the picture; they
arrive here a few at a time, as the app's ``Cue``s.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from accessibility.ocr.cue import PictureCue, to_subtitle_cues
from accessibility.pacing import AnalysisService, PacingCache, PacingResult
from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import Level
from accessibility.pacing.summary import summarise
from accessibility.subtitles.model import Cue
from player.config.store import Settings
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.locations import is_remote
from player.marshal import EventMarshal
from player.pace.levels import THRESHOLD_KEYS, thresholds_from
from player.remote_sidecar import RemoteSidecars
from player.sidecar import sidecar_measurements


def picture_cues_of(rows: Iterable[tuple[int, int, str, float]]) -> tuple[Cue, ...]:
    """Rows from the analysis (start, end, text, confidence) as subtitle cues."""
    return to_subtitle_cues(PictureCue(*row) for row in rows)


class PacingMonitor(QObject):
    """Results arrive as ``analysed(location, result_or_None)`` on the GUI thread; subtitles
    read off the picture as ``picture_cues_changed(location)``, a few at a time while the
    analysis runs, so an episode can use them long before its analysis ends."""

    analysed = Signal(str, object)
    picture_cues_changed = Signal(str)

    def __init__(self, settings: Settings, cache_path: Path, events: EventLog,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._events = events
        self._results: dict[str, PacingResult | None] = {}
        self._picture: dict[str, tuple[Cue, ...]] = {}
        self._aliases: dict[str, str] = {}  # local copy -> the address it was copied from
        self._marshal = EventMarshal(self)
        self.cache = PacingCache(cache_path)
        self._service = AnalysisService(self._from_service_thread,
                                        cache=self.cache,
                                        thresholds=thresholds_from(settings),
                                        on_cues=self._cues_from_service_thread,
                                        shared=sidecar_measurements)
        # http(s) episodes are never decoded here; a sidecar beside them is used if current.
        self._remote = RemoteSidecars(self._from_remote_sidecar)
        self._remote_measured: dict[str, PacingMeasurements] = {}
        settings.on_change(THRESHOLD_KEYS, self._on_thresholds_changed)

    def result(self, location: str) -> PacingResult | None:
        return self._results.get(location)

    def known(self, location: str) -> bool:
        return location in self._results

    def picture_cues(self, location: str) -> tuple[Cue, ...]:
        return self._picture.get(location, ())

    def level(self, location: str) -> Level | None:
        result = self._results.get(location)
        return result.level if result is not None else None

    def schedule(self, current: Episode | None, upcoming: list[Episode]) -> None:
        """The episode about to play first, then the next ones (local files analysed, http(s)
        ones looked up in their sidecars, docs/sidecar.md)."""
        local = [e.location for e in ([current] if current else []) + upcoming
                 if not is_remote(e.location)]
        for episode in ([current] if current else []) + upcoming:
            if is_remote(episode.location) and episode.location not in self._results:
                self._remote.request(episode.location)
        if local:
            self._service.schedule(local[0], local[1:])

    def request(self, location: str, priority: int) -> None:
        self._service.request(location, priority=priority)

    def request_series(self, series: Series, after: int = 100) -> None:
        """Every episode of a series, behind whatever is already queued (for the badges)."""
        for offset, episode in enumerate(series.episodes):
            if episode.location in self._results:
                continue
            if is_remote(episode.location):
                self._remote.request(episode.location)
            else:
                self._service.request(episode.location, priority=after + offset)

    @property
    def worker_pid(self) -> int | None:
        return self._service.worker_pid

    def shutdown(self) -> None:
        self._service.shutdown()
        self._remote.shutdown()

    def _from_remote_sidecar(self, url: str, measurements: PacingMeasurements) -> None:
        self._remote_measured[url] = measurements
        result = summarise(measurements, thresholds_from(self._settings))
        self._marshal.post(self._deliver, url, result)

    def _from_service_thread(self, path: Path, result: PacingResult | None) -> None:
        self._marshal.post(self._deliver, str(path), result)

    def _cues_from_service_thread(self, path: Path,
                                  cues: tuple[tuple[int, int, str, float], ...]) -> None:
        self._marshal.post(self._deliver_cues, str(path), picture_cues_of(cues))

    def _deliver_cues(self, location: str, cues: tuple[Cue, ...]) -> None:
        if len(cues) > len(self._picture.get(location, ())):
            self._picture[location] = cues
            self.picture_cues_changed.emit(location)
        if location in self._aliases:
            self._deliver_cues(self._aliases[location], cues)

    def _deliver(self, location: str, result: PacingResult | None) -> None:
        self._results[location] = result
        if result is not None and result.picture_cues:
            self._picture[location] = picture_cues_of(result.picture_cues)
            self.picture_cues_changed.emit(location)
        self._events.log("pacing_analysed", location=location,
                         level=result.level.value if result and result.level else None)
        self.analysed.emit(location, result)
        if location in self._aliases:
            self._deliver(self._aliases.pop(location), result)

    def analyse_copy(self, location: str, copy: str) -> None:
        """Analyse the local file ``copy`` first and deliver what it finds as ``location``
        (a cast: it plays from its address while a downloaded copy is analysed)."""
        self._aliases[copy] = location
        self._service.schedule(copy)

    def stream_cues(self, location: str, cues: tuple[tuple[int, int, str, float], ...]) -> None:
        """From any thread: lines read off a stream as it plays (player/cast/stream_analysis.py)."""
        self._marshal.post(self._deliver_cues, location, picture_cues_of(cues))

    def stream_measured(self, location: str, measurements: PacingMeasurements) -> None:
        """From any thread: a stream read to its end, summarised and delivered like a file's."""
        self._marshal.post(lambda: self._deliver(
            location, summarise(measurements, thresholds_from(self._settings))))

    def _on_thresholds_changed(self, _value: object) -> None:
        self._service.set_thresholds(thresholds_from(self._settings))
        known = list(self._results)
        self._results.clear()
        for priority, location in enumerate(known):  # cached: re-summarised, not decoded
            if location in self._remote_measured:
                self._from_remote_sidecar(location, self._remote_measured[location])
            else:
                self._service.request(location, priority=priority)
