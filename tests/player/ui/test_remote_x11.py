"""The forgiving remote on a real X server: xdotool holds keys down and presses twice fast."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import XDisplay
from tests.x11 import PERSON_PAUSE_S, RunningApp, running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def _xdotool(app: RunningApp, *args: str) -> None:
    subprocess.run(["xdotool", *args], check=True,
                   env={**os.environ, "DISPLAY": app.display.name})


def _hold(app: RunningApp, key: str, seconds: float) -> None:
    """Key down, held (the X server sends its own auto-repeat meanwhile), key up."""
    _xdotool(app, "keydown", key)
    time.sleep(seconds)  # the hold itself is what is tested: a person's finger resting
    _xdotool(app, "keyup", key)


def _count(app: RunningApp, name: str, after: int) -> int:
    return sum(1 for event in app.events()[after:] if event["event"] == name)


def _settle(app: RunningApp, name: str, after: int) -> None:
    """Wait until the app has logged ``name`` after ``after`` and then a person's pause."""
    app.wait_for_event(name, after=after)
    time.sleep(PERSON_PAUSE_S)


def test_held_keys_act_once_and_a_fast_double_press_once(xdisplay: XDisplay,
                                                         tmp_path: Path) -> None:
    with running_app(xdisplay, tmp_path) as app:
        app.wait_for_event("home_ready")
        app.wait_for_event("focus")
        time.sleep(PERSON_PAUSE_S)
        # An arrow held for 0.9 s (the X server repeats it from 0.66 s, 25 times a second)
        # moves one step: arrows repeat only after a long hold.
        seen = len(app.events())
        _hold(app, "Down", 0.9)
        _settle(app, "focus", seen)
        assert _count(app, "focus", seen) == 1, app.events()[seen:]
        seen = len(app.events())
        app.press("Up")
        _settle(app, "focus", seen)
        # A trembling double press (two presses 80 ms apart) moves focus one step, not two.
        seen = len(app.events())
        _xdotool(app, "key", "--delay", "80", "Down", "Down")
        _settle(app, "focus", seen)
        assert _count(app, "focus", seen) == 1, app.events()[seen:]
        # Back up to 继续观看 with one deliberate press.
        seen = len(app.events())
        app.press("Up")
        _settle(app, "focus", seen)
        # OK held for two seconds starts the episode once and never pauses it.
        seen = len(app.events())
        _hold(app, "Return", 2.0)
        app.wait_for_event("first_frame", after=seen)
        time.sleep(PERSON_PAUSE_S)
        assert _count(app, "play_requested", seen) == 1
        assert _count(app, "paused", seen) == 0, app.events()[seen:]
        # Back held for two seconds goes one level up (Series), not all the way to "leave?".
        seen = len(app.events())
        _hold(app, "Escape", 2.0)
        _settle(app, "focus", seen)
        names = [event.get("name") for event in app.events()[seen:] if event["event"] == "focus"]
        assert "不退出" not in names and "退出" not in names, names
        assert app.process.poll() is None
