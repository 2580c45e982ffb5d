"""The whole analysis of one episode, and what runs inside the analysis worker process.

One decode pass (``accessibility.frames``) feeds the pacing measures (cuts, flashes,
loudness: ``accessibility.pacing``) and the subtitle reader (``accessibility.ocr``); this
module joins the two, so neither imports the other. ``measure_safely`` is what
``silverreel inspect`` and ``silverreel analyse`` run; ``serve`` is the worker process of
``accessibility.pacing.AnalysisService``.

Kept free of Qt and of the service's threads: the process is started with "spawn", imports
only this module's dependencies, lowers its own priority before decoding anything, and
answers one request at a time over a pipe.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from accessibility.frames import BandTap, FrameTap
from accessibility.pacing.measure import PacingError, PacingMeasurements, measure_file
from accessibility.pacing.worker import CueTuple, as_tuples, lower_priority

log = logging.getLogger(__name__)

QUEUED_BANDS_BYTES = 48_000_000  # frames held by bands waiting for the recogniser (~35 at 720×1280)


class _PictureReading:
    """Subtitles read off the picture in the pacing pass, reported as each line completes.

    The text recogniser (OpenCV, ONNX Runtime) is loaded in the worker process only, and only
    once the band first holds still text worth reading.
    The subtitle band is followed on a thread of its own: its per-frame look costs about as
    much as the cut and flash measures together, and running beside them (and the decoder's
    threads) rather than after them shortens the pass on a 2-core machine.
    """

    def __init__(self, report: Callable[[tuple[CueTuple, ...]], None] | None) -> None:
        from accessibility.ocr import PictureCueReader

        self._reader = PictureCueReader()
        self._report = report
        self._reported = 0
        tap = self._reader.band_tap()
        # Bands (``bottom_band``) are read-only views holding their whole frame's buffer: safe
        # to hand over. The queue is sized on the first band to hold ``QUEUED_BANDS_BYTES`` of
        # frames: reading one line takes the recogniser as long as decoding 20–40 frames, and a
        # queue of a few frames stopped the decoder while it read (one core idle).
        self._fraction = tap.fraction
        self._bands: queue.Queue[tuple[float, Any] | None] | None = None
        self._thread = threading.Thread(target=self._run, name="picture-text", daemon=True)
        self.tap = BandTap(callback=self._enqueue, fraction=tap.fraction,
                           every_n_frames=tap.every_n_frames)

    def _enqueue(self, t: float, band: Any) -> None:
        if self._bands is None:
            # A view keeps its whole 4:2:0 frame alive, not just the band.
            held = band.nbytes if band.flags.owndata else \
                int(band.nbytes / max(self._fraction, 0.05) * 1.5)
            self._bands = queue.Queue(maxsize=max(16, QUEUED_BANDS_BYTES // max(1, held)))
            self._thread.start()
        self._bands.put((t, band))

    def _run(self) -> None:
        assert self._bands is not None  # started by the first band
        failed = False
        while (item := self._bands.get()) is not None:
            if failed:
                continue  # keep draining, so the decode pass never blocks on a full queue
            try:
                self._push(*item)
            except Exception as error:  # the pacing measurement of this pass must survive
                log.warning("picture subtitles stopped: %r", error)
                failed = True

    def _push(self, t: float, band: Any) -> None:
        self._reader.push(t, band)
        if self._report is None:
            return
        done = self._reader.completed()
        if len(done) > self._reported:
            self._reported = len(done)
            self._report(as_tuples(done))

    def close(self) -> None:
        """Let the band thread read what is queued, then end it."""
        if self._bands is not None and self._thread.is_alive():
            self._bands.put(None)
            self._thread.join()

    def finish(self) -> tuple[CueTuple, ...]:
        self.close()
        return as_tuples(self._reader.finish())


def measure_safely(path: str, report_cues: Callable[[tuple[CueTuple, ...]], None] | None = None,
                   read_picture: bool = True,
                   frame_taps: Sequence[FrameTap] = ()) -> PacingMeasurements | None:
    """Measure a file (and read its burned-in subtitles) in one decode pass; ``frame_taps``
    get every decoded frame too. A failure is None, never raised."""
    try:
        reading = _PictureReading(report_cues) if read_picture else None
    except ImportError as error:  # no text recogniser installed: pacing alone
        log.warning("no picture subtitles: %s", error)
        reading = None
    try:
        measured = measure_file(path, band_tap=reading.tap if reading else None,
                                frame_taps=frame_taps)
        if reading is not None:
            measured = dataclasses.replace(measured, picture_cues=reading.finish())
        return measured
    except PacingError as error:
        log.info("no pacing for %s: %s", path, error)
    except (MemoryError, RecursionError, ArithmeticError, ValueError, TypeError, IndexError,
            KeyError, AttributeError, OSError, RuntimeError) as error:
        # An analyser bug on one odd file must cost that file its level, not the worker.
        log.warning("pacing analysis of %s failed: %r", path, error)
    finally:
        if reading is not None:
            reading.close()
    return None


def serve(requests: Connection, replies: Connection, niceness: int) -> None:
    """Worker main loop: receive ``(job_id, path)``, reply ``(job_id, measurements | None)``."""
    lower_priority(niceness)
    while True:
        try:
            message = requests.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, path = message

        def report(cues: tuple[CueTuple, ...], job: int = job_id) -> None:
            with contextlib.suppress(BrokenPipeError, OSError):
                replies.send(("cues", job, cues))

        result = measure_safely(path, report_cues=report)
        try:
            replies.send((job_id, result))
        except (BrokenPipeError, OSError):
            return
