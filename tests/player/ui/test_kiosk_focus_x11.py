"""A kiosk session: an X display with no window manager. The window, started in a window
(not full screen) with the pointer elsewhere, still takes the keyboard and the keys work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.assets import demo_library
from tests.conftest import XDisplay, _start_xvfb
from tests.x11 import RunningApp

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def _xdotool(display: str, *args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display}).stdout.strip()


@pytest.mark.parametrize("fullscreen", [False, True])
def test_keys_work_with_no_window_manager_and_the_pointer_elsewhere(
    tmp_path: Path, fullscreen: bool
) -> None:
    server, name = _start_xvfb(1920, 1080)  # its own display: nothing else runs there
    try:
        display = XDisplay(name, 1920, 1080)
        _xdotool(name, "mousemove", "1915", "1075")  # away from where the window opens
        log = tmp_path / "events.jsonl"
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=name, SILVERREEL_AUDIO_OUTPUT="dummy")
        process = subprocess.Popen(
            [sys.executable, "-m", "player", "--config-dir", str(tmp_path / "cfg"),
             "--event-log", str(log), "--library", str(demo_library()),
             *(["--fullscreen"] if fullscreen else [])],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        app = RunningApp(process, display, log)
        try:
            app.wait_for_event("home_ready")
            seen = len(app.events())
            app.press("Return")  # 继续观看 is focused on Home: OK plays episode 1
            app.wait_for_event("play_requested", after=seen, timeout=20)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        server.terminate()
        server.wait()
