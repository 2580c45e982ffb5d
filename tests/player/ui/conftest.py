"""Build the real app in-process (real libVLC engine, offscreen window) for key-driven tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.assemble import Assembly, assemble
from player.config.paths import app_paths
from player.eventlog import EventLog
from player.library.sources import open_source

Build = Callable[..., Assembly]


@pytest.fixture
def build_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Build]:
    made: list[Assembly] = []

    def build(library: Path, config_dir: Path | None = None, size: tuple[int, int] = (1920, 1080),
              ) -> Assembly:
        paths = app_paths(config_dir or tmp_path / "cfg")
        parts = assemble(paths, EventLog(paths.default_event_log))
        window = parts.window
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.apply_theme()
        with qtbot.wait_signal(window.home_ready, timeout=5000):
            window.show_library(open_source(str(library)))
        made.append(parts)
        return parts

    yield build
    for parts in made:
        parts.close()


def press(qtbot: QtBot, parts: Assembly, *keys: Qt.Key) -> None:
    """Press keys the way a remote does: to whatever has focus in the window.

    Each key is a separate, deliberate press (as if a person paused between them), so the
    remote's tremor filter (player/ui/key_gate.py, tested on its own) lets it through."""
    for key in keys:
        parts.window.keys.key_gate.settle()
        target = QApplication.focusWidget() or parts.window
        qtbot.keyClick(target, key)
