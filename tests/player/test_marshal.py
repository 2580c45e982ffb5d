"""Posting from foreign threads onto the GUI thread."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.marshal import EventMarshal


def test_posts_from_a_foreign_thread_run_on_the_gui_thread_in_order(qtbot: QtBot) -> None:
    marshal = EventMarshal()
    gui = QApplication.instance().thread()  # type: ignore[union-attr]
    calls: list[tuple[int, bool]] = []

    def handler(number: int) -> None:
        calls.append((number, QThread.currentThread() is gui))

    def worker() -> None:
        for number in range(200):
            marshal.post(handler, number)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.wait_until(lambda: len(calls) == 200, timeout=5000)
    assert [number for number, _ in calls] == list(range(200))
    assert all(on_gui for _, on_gui in calls)


class _Emitter(QObject):
    value = Signal(object)


def test_signal_emission_keeps_reference_counts_intact() -> None:
    """PySide6 6.12.0 lost a reference to True on every emit and crashed after a few
    hundred video frames; this guards against any PySide build with that defect."""
    emitter = _Emitter()
    received: list[object] = []
    emitter.value.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.value.emit(None)
    assert len(received) == 5000
    assert abs(sys.getrefcount(True) - before) < 50
