"""Pieces of the analysis worker process that belong to pacing: its priority, and the
plain-tuple form in which subtitles read off the picture travel with the measurements.

The worker's main loop (``serve``) and the whole pass (``measure_safely``) live in
``accessibility.analysis``, which joins pacing and the subtitle reader.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from typing import Any

_IDLE_PRIORITY_CLASS = 0x40  # Windows: run only when nothing else wants the CPU

# (start_ms, end_ms, text, confidence) of one subtitle read off the picture.
CueTuple = tuple[int, int, str, float]


def lower_priority(niceness: int) -> None:
    """Make this process yield the CPU to playback. Threads started later inherit it."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(max(0, niceness))
    elif sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), _IDLE_PRIORITY_CLASS)


def as_tuples(cues: Iterable[Any]) -> tuple[CueTuple, ...]:
    """Cues (anything with start_ms, end_ms, text, confidence) as plain picklable tuples."""
    return tuple((c.start_ms, c.end_ms, c.text, round(float(c.confidence), 3)) for c in cues)


_as_tuples = as_tuples  # the name the cast receiver's stream analysis imports
