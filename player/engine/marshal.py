"""Carry calls from foreign threads (libVLC's, the speech worker's) onto the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class EventMarshal(QObject):
    """Whatever a foreign thread posts runs later on the thread this object lives in.

    libVLC is not re-entrant: a libVLC call made from inside one of its own callbacks can
    deadlock. Callbacks therefore only ``post``; the real work happens on the GUI thread.
    """

    _posted = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def post(self, handler: Callable[..., None], *args: Any) -> None:
        self._posted.emit(handler, args)

    @Slot(object, object)
    def _dispatch(self, handler: Callable[..., None], args: tuple[Any, ...]) -> None:
        handler(*args)
