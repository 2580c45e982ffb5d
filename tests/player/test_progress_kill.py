"""A power cut while playing loses at most 5 s: the app is killed with SIGKILL and restarted."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from player.config.paths import app_paths
from player.progress import ProgressStore
from tests.conftest import XDisplay
from tests.x11 import running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def test_sigkill_while_playing_keeps_the_position_within_five_seconds(
    xdisplay: XDisplay, tmp_path: Path
) -> None:
    with running_app(xdisplay, tmp_path) as app:
        app.wait_for_event("home_ready")
        app.press("Return")
        started = app.wait_for_event("first_frame")
        app.wait_for_event("progress_saved", timeout=30)  # at least one periodic save
        # Let it play on past the last save, then cut the power.
        while time.monotonic() - started["t"] < 12:
            time.sleep(0.1)
        killed_at = time.monotonic()
        os.kill(app.process.pid, signal.SIGKILL)
        app.process.wait(timeout=10)
        location = started["location"]

    # Where the episode was when the power went: time played since the first frame.
    position_at_kill_ms = (killed_at - started["t"]) * 1000
    with ProgressStore(app_paths(tmp_path / "cfg").progress_db) as store:
        saved = store.get(location)
    assert saved is not None
    assert position_at_kill_ms - saved.position_ms <= 5000 + 500  # one save interval, + clock
    assert saved.position_ms <= position_at_kill_ms + 500

    with running_app(xdisplay, tmp_path) as restarted:  # same settings and progress
        seen = len(restarted.events())
        restarted.wait_for_event("home_ready", after=seen)
        restarted.press("Return")  # 继续观看
        resumed = restarted.wait_for_event("play_requested", after=seen)
    assert resumed["location"] == location
    assert resumed["start_ms"] == saved.position_ms
