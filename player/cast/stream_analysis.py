"""Subtitles off the picture, loudness and pacing for a cast that is a stream (HLS, live),
read **as it plays** through the loopback relay.

``player/cast/copy.py`` copies a progressive file for the ordinary analysis; a stream
playlist cannot be copied. For those, ``StreamAnalysis`` starts one process of its own (the
analysis worker's pass, ``accessibility.pacing.measure.measure_file`` with the picture reader,
niced like the worker)
that opens the cast's **relay address** (``player.net.relay.relay_url``: every playlist,
variant and segment fetched through ``player.net.guard``, never by FFmpeg directly) with PyAV
and decodes it in one pass: subtitle lines are reported as each one completes; the pacing
measurements (loudness, cuts, flashes) come when the stream ends (a VOD playlist).

Bounds, enforced from outside the process (decoding cannot be interrupted from inside):
``MAX_SECONDS`` of wall time and ``MAX_STREAM_SECONDS`` of picture read (the size bound: the
process reports the stream time it has reached; past it, it is ended). What was found stays.
A live stream therefore gives its subtitle lines, never a pacing level. Bytes are not counted
directly: FFmpeg reads the relay's sockets with ``recv``, which ``/proc/PID/io`` does not
count, and the relay keeps no count per address. Playback never waits for any of it: it runs
beside the engine, which has its own connection to the relay.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from accessibility.pacing.measure import BandTap, PacingError, PacingMeasurements, measure_file
from accessibility.pacing.worker import CueTuple, _as_tuples, lower_priority

if TYPE_CHECKING:
    from accessibility.ocr import PictureCueReader

log = logging.getLogger(__name__)

MAX_SECONDS = 20 * 60.0  # wall time for one stream
MAX_STREAM_SECONDS = 2 * 3600.0  # of picture: a phone's 2-4 Mbit/s stream, at most ~3.6 GB
NICENESS = 10
_POLL_S = 0.5

CuesCallback = Callable[[str, tuple[CueTuple, ...]], None]
DoneCallback = Callable[[str, PacingMeasurements | None, str], None]


def _read(url: str, replies: Connection, niceness: int, max_stream_s: float) -> None:
    """In the reading process: measure ``url`` and read its picture, reporting as it goes.

    The same pass as the analysis worker's ``measure_safely``, reporting the stream time
    reached, so the watcher can end it past ``max_stream_s``."""
    lower_priority(niceness)

    def send(message: tuple[str, Any]) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            replies.send(message)

    reader: PictureCueReader | None = None
    try:
        from accessibility.ocr import PictureCueReader

        reader = PictureCueReader()
        reader.start()
    except Exception as error:  # no recogniser (not installed, cannot start): pacing alone
        log.warning("no picture subtitles for a stream: %s", error)
        reader = None
    reported = 0

    def push(t: float, band: Any) -> None:
        nonlocal reported
        if t > max_stream_s:
            send(("over", t))
            return
        if reader is None:
            return
        reader.push(t, band)
        done = reader.completed()
        if len(done) > reported:
            reported = len(done)
            send(("cues", _as_tuples(done)))

    measured: PacingMeasurements | None = None
    try:
        fraction, every = 0.2, 5  # only the stream time is needed without a reader
        if reader is not None:
            given = reader.band_tap()
            fraction, every = given.fraction, given.every_n_frames
        tap = BandTap(callback=push, fraction=fraction, every_n_frames=every)
        measured = measure_file(url, band_tap=tap)
        if reader is not None:
            measured = dataclasses.replace(measured, picture_cues=_as_tuples(reader.finish()))
    except PacingError as error:
        log.info("no pacing for the stream: %s", error)
    except (MemoryError, RecursionError, ArithmeticError, ValueError, TypeError, IndexError,
            KeyError, AttributeError, OSError, RuntimeError) as error:
        log.warning("stream analysis failed: %r", error)
    send(("done", measured))


class StreamAnalysis:
    """One stream read at a time; starting another (or ``cancel``) ends the one before.

    ``on_cues(uri, cues)`` and ``on_done(uri, measurements_or_None, why)`` are called on a
    thread of this object. ``why``: ``ended``, ``time``, ``size`` (past the stream time
    allowed), ``failed`` or ``cancelled``. Never waits: safe to call on the GUI thread."""

    def __init__(self, on_cues: CuesCallback, on_done: DoneCallback, *,
                 max_seconds: float = MAX_SECONDS,
                 max_stream_seconds: float = MAX_STREAM_SECONDS,
                 relay: Callable[[str], str] | None = None) -> None:
        self._on_cues = on_cues
        self._on_done = on_done
        self.max_seconds = max_seconds
        self.max_stream_seconds = max_stream_seconds
        self._relay = relay
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, uri: str) -> None:
        self.cancel()
        if self._relay is None:
            from player.net.relay import relay_url

            self._relay = relay_url
        local = self._relay(uri)  # the loopback address: the guard checks every hop
        stop = threading.Event()
        thread = threading.Thread(target=self._watch, args=(uri, local, stop),
                                  name="cast-stream-analysis", daemon=True)
        with self._lock:
            self._stop, self._thread = stop, thread
        thread.start()

    def cancel(self) -> None:
        """End the reading now; its process is ended by its own thread, not waited for."""
        with self._lock:
            stop = self._stop
            self._stop = self._thread = None
        if stop is not None:
            stop.set()

    @property
    def running(self) -> bool:
        with self._lock:
            return self._thread is not None and self._thread.is_alive()

    def close(self) -> None:
        """Cancel, and wait a little for the process to end (at the app's shutdown)."""
        with self._lock:
            thread = self._thread
        self.cancel()
        if thread is not None:
            thread.join(7.0)

    def _watch(self, uri: str, local: str, stop: threading.Event) -> None:
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_read, args=(local, writer, NICENESS,
                                                              self.max_stream_seconds),
                                        name="silverreel-cast-stream", daemon=True)
        process.start()
        writer.close()
        deadline = time.monotonic() + self.max_seconds
        why, measured = "failed", None
        try:
            while True:
                if stop.is_set():
                    why = "cancelled"
                    break
                if time.monotonic() > deadline:
                    why = "time"
                    break
                try:
                    ready = reader.poll(_POLL_S)
                    message: Any = reader.recv() if ready else None
                except (EOFError, OSError):
                    break  # the process ended without a last word
                if message is None:
                    continue
                kind, payload = message
                if kind == "over":
                    why = "size"
                    break
                if kind == "cues":
                    self._on_cues(uri, payload)
                elif kind == "done":
                    measured = payload
                    why = "ended" if payload is not None else "failed"
                    break
        finally:
            if process.is_alive():
                process.terminate()
                process.join(5.0)
            if process.is_alive():
                process.kill()
            process.join(5.0)
            reader.close()
        self._on_done(uri, measured, why)
