"""开机直接续播 in the real app on a real X server: it plays by itself, or a key stops it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from player.assets import demo_library
from player.config.paths import app_paths
from player.config.store import Settings
from player.library.sources import open_source
from player.progress import ProgressStore
from tests.conftest import XDisplay
from tests.x11 import running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def _prepare(workdir: Path) -> None:
    paths = app_paths(workdir / "cfg")  # running_app uses this --config-dir
    Settings(paths.settings_file).set("playback.resume_on_start", True)
    series = open_source(str(demo_library()))[0]
    with ProgressStore(paths.progress_db) as progress:
        progress.save(series, series.episodes[2], 9_000, 36_000)


def test_the_tv_goes_straight_to_the_programme(xdisplay: XDisplay, tmp_path: Path) -> None:
    _prepare(tmp_path)
    with running_app(xdisplay, tmp_path) as app:
        countdown = app.wait_for_event("resume_countdown")
        assert (countdown["series"], countdown["episode"]) == ("春风又起", 3)
        shot = app.screenshot(tmp_path / "countdown.png")
        # The line is large and bright over a dark screen.
        bright = sum(1 for x in range(0, xdisplay.width, 8)
                     for y in range(xdisplay.height // 3, 2 * xdisplay.height // 3, 8)
                     if shot.pixelColor(x, y).lightness() > 200)
        assert bright > 200
        requested = app.wait_for_event("play_requested", timeout=20)
        assert requested["location"].endswith("第3集.mp4") and requested["start_ms"] == 9_000
        assert requested["t"] - countdown["t"] >= 4.0  # the countdown ran its course first
        app.wait_for_event("first_frame")


def test_a_key_during_the_countdown_keeps_the_viewer_on_home(xdisplay: XDisplay,
                                                            tmp_path: Path) -> None:
    _prepare(tmp_path)
    with running_app(xdisplay, tmp_path) as app:
        app.wait_for_event("resume_countdown")
        seen = len(app.events())
        app.press("Return")
        app.wait_for_event("resume_cancelled", after=seen)
        time.sleep(7)  # longer than the countdown: nothing may start by itself afterwards
        assert not any(e["event"] == "play_requested" for e in app.events())
        assert app.process.poll() is None
