"""Background pacing analysis: one low-priority worker process, a priority queue, a cache.

The player asks for the episode about to play and the next ones (``schedule``); the service
answers from the cache when it can, else from measurements made elsewhere (``shared``: the app
passes ``player.sidecar.sidecar_measurements``, which reads a valid sidecar beside the episode,
``NAME.silverreel.json``, docs/sidecar.md), otherwise has its worker process measure the file, and
calls ``on_result(path, result)`` on the service's own thread — the caller marshals it to
the GUI thread. Nothing here ever blocks the caller: requests only touch a dict under a lock.

A file that cannot be analysed, that crashes the decoder (the worker dies and is restarted)
or that takes longer than ``job_timeout_s`` is reported as ``None`` and remembered as such.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterable
from enum import Enum, auto
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from accessibility import analysis
from accessibility.pacing.cache import PacingCache, file_fingerprint
from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import PacingResult
from accessibility.pacing.summary import summarise
from accessibility.pacing.thresholds import PacingThresholds

log = logging.getLogger(__name__)

ResultCallback = Callable[[Path, PacingResult | None], None]
StartedCallback = Callable[[Path], None]
# Subtitles read off the picture so far, mid-pass: (start_ms, end_ms, text, confidence).
CuesCallback = Callable[[Path, tuple[tuple[int, int, str, float], ...]], None]
# Measurements of the file at path with this fingerprint made elsewhere, or None.
SharedLookup = Callable[[Path, str], PacingMeasurements | None]


class _Outcome(Enum):
    DONE = auto()
    CRASHED = auto()
    TIMED_OUT = auto()
    INTERRUPTED = auto()


class AnalysisService:
    def __init__(self, on_result: ResultCallback, cache: PacingCache | None = None,
                 thresholds: PacingThresholds | None = None, niceness: int = 15,
                 job_timeout_s: float = 900.0, on_started: StartedCallback | None = None,
                 on_cues: CuesCallback | None = None,
                 shared: SharedLookup | None = None) -> None:
        self._on_result = on_result
        self._shared = shared
        self._on_cues = on_cues
        self._on_started = on_started
        self._cache = cache
        self._thresholds = thresholds or PacingThresholds()
        self._niceness = niceness
        self._job_timeout_s = job_timeout_s
        self._context = multiprocessing.get_context("spawn")
        self._condition = threading.Condition()
        # path -> (priority, arrival); a plain dict because priorities change whenever the
        # viewer moves on, and a queue of a few dozen episodes needs no heap.
        self._pending: dict[Path, tuple[int, int]] = {}
        self._arrivals = itertools.count()
        self._job_ids = itertools.count(1)
        self._running: Path | None = None
        self._interrupt_running = False
        self._stopping = False
        self._wake_reader, self._wake_writer = self._context.Pipe(duplex=False)
        self._process: BaseProcess | None = None
        self._requests: Connection | None = None
        self._replies: Connection | None = None
        self._thread = threading.Thread(target=self._run, name="pacing-analysis", daemon=True)
        self._thread.start()

    # -- requests (any thread) -------------------------------------------------------------

    def set_thresholds(self, thresholds: PacingThresholds) -> None:
        """Levels of results delivered from now on use ``thresholds`` (cached files are only
        re-summarised, not decoded again)."""
        with self._condition:
            self._thresholds = thresholds

    def request(self, path: str | Path, priority: int = 0) -> None:
        """Analyse ``path``; lower ``priority`` goes first, equal ones in arrival order."""
        key = Path(path)
        with self._condition:
            if self._stopping or (key == self._running and not self._interrupt_running):
                return
            current = self._pending.get(key)
            if current is None or priority < current[0]:
                self._pending[key] = (priority, next(self._arrivals))
            self._condition.notify()

    def schedule(self, current: str | Path, upcoming: Iterable[str | Path] = ()) -> None:
        """The episode about to play first, then the following ones in order.

        Whatever was queued before keeps its place behind these.
        """
        with self._condition:
            queued = sorted(self._pending, key=self._pending.__getitem__)
            self._pending = {}
            rank = 0
            for path in (current, *upcoming):
                key = Path(path)
                if key != self._running and key not in self._pending:
                    self._pending[key] = (rank, next(self._arrivals))
                    rank += 1
            for key in queued:
                if key not in self._pending:
                    self._pending[key] = (rank, next(self._arrivals))
                    rank += 1
            self._condition.notify()

    def cancel(self, path: str | Path) -> None:
        """Forget a request; a running analysis of it is stopped and reports nothing."""
        key = Path(path)
        with self._condition:
            self._pending.pop(key, None)
            if key == self._running:
                self._interrupt_running = True
                self._wake_writer.send(None)

    def pending(self) -> list[Path]:
        with self._condition:
            return sorted(self._pending, key=self._pending.__getitem__)

    @property
    def running(self) -> Path | None:
        with self._condition:
            return self._running

    @property
    def worker_pid(self) -> int | None:
        """Process id of the worker, while one is running (for diagnostics)."""
        process = self._process
        return process.pid if process is not None else None

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop the worker (interrupting any analysis) and the service thread."""
        with self._condition:
            if self._stopping:
                return
            self._stopping = True
            self._pending.clear()
            self._wake_writer.send(None)
            self._condition.notify()
        if threading.current_thread() is not self._thread:  # e.g. called from on_result
            self._thread.join(timeout_s)

    def __enter__(self) -> AnalysisService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.shutdown()

    # -- the service thread ----------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self._condition:
                    while not self._stopping and not self._pending:
                        self._condition.wait()
                    if self._stopping:
                        return
                    path = min(self._pending, key=self._pending.__getitem__)
                    del self._pending[path]
                    self._running = path
                    self._interrupt_running = False
                result, outcome = self._analyse(path)
                with self._condition:
                    self._running = None
                    deliver = outcome is not _Outcome.INTERRUPTED and not self._stopping
                if deliver:
                    self._deliver(path, result)
        finally:
            self._stop_worker()

    def _deliver(self, path: Path, result: PacingResult | None) -> None:
        try:
            self._on_result(path, result)
        except Exception:  # the receiver's bug must not stop the analysis of later episodes
            log.exception("pacing result callback failed for %s", path)

    def _analyse(self, path: Path) -> tuple[PacingResult | None, _Outcome]:
        try:
            fingerprint = file_fingerprint(path)
        except OSError as error:
            log.info("cannot read %s for pacing: %s", path, error)
            return None, _Outcome.DONE
        if self._cache is not None:
            entry = self._cache.get(fingerprint)
            if entry is not None:
                return self._summarise(entry.measurements), _Outcome.DONE
        shared = self._shared(path, fingerprint) if self._shared is not None else None
        if shared is not None:  # analysed once for everyone (silverreel analyse)
            if self._cache is not None:
                self._cache.put(fingerprint, shared)
            return self._summarise(shared), _Outcome.DONE
        measurements, outcome = self._measure_in_worker(path)
        if outcome is _Outcome.INTERRUPTED:
            return None, outcome
        if self._cache is not None:
            self._cache.put(fingerprint, measurements)
        return self._summarise(measurements), outcome

    def _summarise(self, measurements: PacingMeasurements | None) -> PacingResult | None:
        return summarise(measurements, self._thresholds) if measurements is not None else None

    def _measure_in_worker(self, path: Path) -> tuple[PacingMeasurements | None, _Outcome]:
        job = next(self._job_ids)
        requests, replies, process = self._ensure_worker()
        try:
            requests.send((job, str(path)))
        except (BrokenPipeError, OSError):
            self._stop_worker()
            return None, _Outcome.CRASHED
        if self._on_started is not None:
            try:
                self._on_started(path)
            except Exception:
                log.exception("pacing start callback failed for %s", path)
        while True:
            ready = wait([replies, process.sentinel, self._wake_reader], self._job_timeout_s)
            if not ready:
                log.warning("pacing analysis of %s timed out", path)
                self._stop_worker()
                return None, _Outcome.TIMED_OUT
            if replies in ready:
                try:
                    message = replies.recv()
                except (EOFError, OSError):
                    self._stop_worker()
                    return None, _Outcome.CRASHED
                if len(message) == 3:  # ("cues", job, cues): lines read so far, mid-pass
                    _kind, job_id, cues = message
                    if job_id == job and self._on_cues is not None:
                        try:
                            self._on_cues(path, cues)
                        except Exception:
                            log.exception("picture cue callback failed for %s", path)
                    continue
                job_id, measurements = message
                if job_id == job:
                    return measurements, _Outcome.DONE
                continue  # a late answer to an interrupted job
            if process.sentinel in ready:
                log.warning("pacing worker died analysing %s (exit code %s)", path,
                            process.exitcode)
                self._stop_worker()
                return None, _Outcome.CRASHED
            while self._wake_reader.poll():
                self._wake_reader.recv()
            with self._condition:
                interrupted = self._interrupt_running or self._stopping
            if interrupted:
                # Decoding cannot be interrupted from outside: end the worker, start afresh.
                self._stop_worker(graceful=False)
                return None, _Outcome.INTERRUPTED

    def _ensure_worker(self) -> tuple[Connection, Connection, BaseProcess]:
        process, requests, replies = self._process, self._requests, self._replies
        if process is not None and requests is not None and replies is not None \
                and process.is_alive():
            return requests, replies, process
        self._stop_worker()
        request_reader, request_writer = self._context.Pipe(duplex=False)
        reply_reader, reply_writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=analysis.serve, args=(request_reader, reply_writer, self._niceness),
            name="silverreel-pacing", daemon=True,
        )
        process.start()
        # Only the worker holds these ends now, so its death shows up as EOF here.
        request_reader.close()
        reply_writer.close()
        self._process, self._requests, self._replies = process, request_writer, reply_reader
        return request_writer, reply_reader, process

    def _stop_worker(self, graceful: bool = True) -> None:
        process, requests, replies = self._process, self._requests, self._replies
        self._process = self._requests = self._replies = None
        if process is None:
            return
        if graceful and process.is_alive() and requests is not None:
            with contextlib.suppress(BrokenPipeError, OSError):
                requests.send(None)
            process.join(2.0)
        if process.is_alive():
            process.terminate()
            process.join(5.0)
        if process.is_alive():
            process.kill()
            process.join()
        for end in (requests, replies):
            if end is not None:
                end.close()
        process.close()
