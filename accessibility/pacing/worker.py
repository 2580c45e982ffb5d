"""What runs inside the analysis worker process.

Kept free of Qt and of the service's threads: the process is started with "spawn", imports
only this module's dependencies, lowers its own priority before decoding anything, and
answers one request at a time over a pipe.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from multiprocessing.connection import Connection

from accessibility.pacing.measure import PacingError, PacingMeasurements, measure_file

log = logging.getLogger(__name__)

_IDLE_PRIORITY_CLASS = 0x40  # Windows: run only when nothing else wants the CPU


def lower_priority(niceness: int) -> None:
    """Make this process yield the CPU to playback. Threads started later inherit it."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(max(0, niceness))
    elif sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _IDLE_PRIORITY_CLASS)


def measure_safely(path: str) -> PacingMeasurements | None:
    """Measure a file; any failure to analyse it is None, never an exception."""
    try:
        return measure_file(path)
    except PacingError as error:
        log.info("no pacing for %s: %s", path, error)
    except (MemoryError, RecursionError, ArithmeticError, ValueError, TypeError, IndexError,
            KeyError, AttributeError, OSError, RuntimeError) as error:
        # An analyser bug on one odd file must cost that file its level, not the worker.
        log.warning("pacing analysis of %s failed: %r", path, error)
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
        result = measure_safely(path)
        try:
            replies.send((job_id, result))
        except (BrokenPipeError, OSError):
            return
