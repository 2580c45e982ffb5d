"""The real app on a real X server against hostile input: it starts, shows Home, stays usable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from player.assets import demo_library
from tests.conftest import XDisplay
from tests.hostile import hostile_server
from tests.x11 import running_app

pytestmark = pytest.mark.slow


def test_home_comes_with_the_local_series_while_a_server_trickles(
        xdisplay: XDisplay, tmp_path: Path) -> None:
    with hostile_server() as server:
        slow = server.add("/slow.m3u", behaviour="trickle_headers")
        good = server.add("/good.m3u", "#EXTM3U\n#EXTINF:-1,网上第1集\nep1.mp4\n",
                          headers={"Content-Type": "audio/x-mpegurl"})
        with running_app(xdisplay, tmp_path, "--library", slow, "--library",
                         str(demo_library()), "--library", good) as app:
            ready = app.wait_for_event("home_ready", timeout=60)
            assert ready["series"] >= 1  # the demo series, before the slow server gave up
            # The slow request was still open when Home appeared (its answer never ends).
            assert "/slow.m3u" in server.requests
            app.press("Escape")  # the app answers keys meanwhile
            app.wait_for_event("library_problems", timeout=60)  # the slow one timed out


def test_hostile_settings_and_odd_names_still_reach_home(xdisplay: XDisplay,
                                                         tmp_path: Path) -> None:
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "settings.json").write_bytes(
        b'{"format": "silverreel-settings", "version": 1, "values": {"ui.text_scale": NaN}}')
    library = tmp_path / "lib" / "剧"
    library.mkdir(parents=True)
    demo_episode = next(demo_library().rglob("*.mp4"))
    os.link(demo_episode, os.path.join(os.fsencode(library), "第1集.mp4".encode("gbk")))
    with running_app(xdisplay, tmp_path, "--library", str(library.parent)) as app:
        ready = app.wait_for_event("home_ready", timeout=60)
        assert ready["series"] == 1
        app.wait_for_event("settings_problem", timeout=30)
        shot = app.screenshot(tmp_path / "home.png")
        assert not shot.isNull()
    assert any(".broken-" in p.name for p in config.iterdir())


def test_a_read_only_config_folder_degrades_to_memory_and_says_so_once(
        xdisplay: XDisplay, tmp_path: Path) -> None:
    import subprocess
    import sys

    from player.eventlog import read_events
    from tests.x11 import RunningApp

    config = tmp_path / "cfg"
    config.mkdir()
    event_log = tmp_path / "events.jsonl"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=xdisplay.name, SILVERREEL_AUDIO_OUTPUT="dummy")
    # A real read-only mount (we are root, so file modes alone would not stop a write),
    # private to this process.
    command = (f"mount --bind -o ro {config} {config} && exec {sys.executable} -m player "
               f"--fullscreen --config-dir {config} --event-log {event_log} "
               f"--library {demo_library()}")
    process = subprocess.Popen(["unshare", "-m", "sh", "-c", command], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    app = RunningApp(process, xdisplay, event_log)
    try:
        app.wait_for_event("home_ready", timeout=60)
        app.wait_for_event("store_in_memory", timeout=60)
        app.press("Return")  # play: progress is kept in memory, nothing raises
        app.wait_for_event("first_frame", timeout=60)
        app.wait_for_event("progress_saved", timeout=60)
        shot = app.screenshot(tmp_path / "read-only.png")
        assert not shot.isNull()
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=20)
    stores = {e["store"] for e in read_events(event_log) if e["event"] == "store_in_memory"}
    assert {"settings", "progress", "pacing_cache", "speech_cache"} <= stores
    assert sum(e["event"] == "store_in_memory" for e in read_events(event_log)) == len(stores)
    assert list(config.iterdir()) == []  # nothing could be, or was, written there
