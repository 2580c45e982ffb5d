"""Drive the real app as its own process on a real X server (Xvfb) and look at the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from player.assets import demo_library
from player.eventlog import read_events
from tests.conftest import XDisplay

# Longer than the default remote.double_press_ms (350 ms): how a person presses a key twice.
PERSON_PAUSE_S = 0.6


class RunningApp:
    def __init__(self, process: subprocess.Popen[bytes], display: XDisplay,
                 event_log: Path) -> None:
        self.process = process
        self.display = display
        self.event_log = event_log
        self._last_key: str | None = None
        self._last_key_at = 0.0

    def output(self) -> str:
        """Everything the app printed (stdout and stderr together), once it has exited."""
        assert self.process.stdout is not None
        return self.process.stdout.read().decode("utf-8", "replace")

    def events(self) -> list[dict[str, Any]]:
        return read_events(self.event_log) if self.event_log.exists() else []

    def wait_for_event(self, name: str, after: int = 0, timeout: float = 30.0) -> dict[str, Any]:
        """The first ``name`` event past the first ``after`` events, waiting for it to come."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events()[after:]:
                if event["event"] == name:
                    return event
            if self.process.poll() is not None:
                raise AssertionError(f"app exited ({self.process.returncode}) before {name}")
            time.sleep(0.05)
        raise AssertionError(f"no {name} event within {timeout} s: {self.events()}")

    def press(self, *keys: str) -> None:
        """Deliberate presses: the same key again only after a person's pause, since a
        second press within ``remote.double_press_ms`` is taken for a tremor."""
        for key in keys:
            if key == self._last_key:
                time.sleep(max(0.0, self._last_key_at + PERSON_PAUSE_S - time.monotonic()))
            subprocess.run(["xdotool", "key", key], check=True,
                           env={**os.environ, "DISPLAY": self.display.name})
            self._last_key, self._last_key_at = key, time.monotonic()

    def screenshot(self, path: Path) -> QImage:
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-draw_mouse", "0",
             "-video_size", f"{self.display.width}x{self.display.height}",
             "-i", self.display.name, "-frames:v", "1", str(path)],
            check=True,
        )
        image = QImage(str(path))
        assert not image.isNull(), f"screenshot {path} could not be read"
        return image


@contextmanager
def running_app(display: XDisplay, workdir: Path, *args: str,
                audio_output: str | None = "dummy") -> Iterator[RunningApp]:
    """The app as its own process. ``audio_output=None`` lets it find out about sound itself
    (this machine has no sound device)."""
    event_log = workdir / "events.jsonl"
    if "--library" not in args:  # a set-up install; a fresh one would start with first-run setup
        args = ("--library", str(demo_library()), *args)
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "SILVERREEL_AUDIO_OUTPUT")}
    env.update(DISPLAY=display.name)
    if audio_output is not None:
        env.update(SILVERREEL_AUDIO_OUTPUT=audio_output)
    process = subprocess.Popen(
        [sys.executable, "-m", "player", "--fullscreen", "--config-dir", str(workdir / "cfg"),
         "--event-log", str(event_log), *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    app = RunningApp(process, display, event_log)
    try:
        yield app
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def load_demo_truth(demo: Path) -> dict[str, Any]:
    return json.loads((demo / "demo.json").read_text(encoding="utf-8"))
