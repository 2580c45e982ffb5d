"""Carry calls from foreign threads (libVLC's, the speech worker's) onto the GUI thread."""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class EventMarshal(QObject):
    """Whatever a foreign thread posts runs later on the thread this object lives in.

    libVLC is not re-entrant: a libVLC call made from inside one of its own callbacks can
    deadlock. Callbacks therefore only ``post``; the real work happens on the GUI thread.
    The work travels through a thread-safe queue; only an argument-less wake-up crosses
    Qt's queued connection, so no Python object is handed to Qt by a foreign thread.
    """

    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work: queue.SimpleQueue[tuple[Callable[..., None], tuple[Any, ...]]] = (
            queue.SimpleQueue()
        )
        self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, handler: Callable[..., None], *args: Any) -> None:
        self._work.put((handler, args))
        self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                handler, args = self._work.get_nowait()
            except queue.Empty:
                return
            handler(*args)
