"""A real MiniDLNA browsed, discovered and played, run INSIDE a private network namespace.

Started by tests/player/library/test_mediaserver_minidlna.py as
``unshare --net python -m tests.minidlna_scenario MEDIA_DIR WORK_DIR EXPECTED_EPISODES``
(see tests/private_network.py). It starts ``minidlnad`` with its own config file (port on the
namespace's loopback, its own db and log folders, no inotify), waits for its scan, then:

- ``inspect``: ``silverreel inspect http://127.0.0.1:PORT/rootDesc.xml --json`` (a process);
- ``discover``: the app's SSDP discovery (M-SEARCH) finds the server by name;
- ``play``: the first episode with a subtitle (else the first) plays in the real libVLC
  engine (first frame, then a moving position), and its subtitle loads as the app loads it;
- ``app``: ``silverreel EPISODE_URL --library DESCRIPTION`` plays that episode at once and
  lists the server's series on Home.

It prints one JSON object with what it saw, and stops MiniDLNA whatever happens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.private_network import REPO, namespace_interfaces, prepare_namespace

PORT = 18201
NAME = "家里的NAS"
DESCRIPTION = f"http://127.0.0.1:{PORT}/rootDesc.xml"


def write_config(media: Path, work: Path) -> Path:
    for folder in ("db", "log"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    config = work / "minidlna.conf"
    config.write_text("\n".join([
        f"port={PORT}",
        "network_interface=lo",  # SSDP on loopback only (the namespace has nothing else)
        f"media_dir=V,{media}",
        f"db_dir={work / 'db'}",
        f"log_dir={work / 'log'}",
        f"friendly_name={NAME}",
        "inotify=no",
        "notify_interval=5",
        "",
    ]), encoding="utf-8")
    return config


def wait_for_scan(expected: int, deadline_s: float = 90.0) -> list[Any]:
    """Until the server lists every episode (its scan runs in the background)."""
    from player.library.sources import open_source

    deadline = time.monotonic() + deadline_s
    library: list[Any] = []
    while time.monotonic() < deadline:
        library = open_source(DESCRIPTION)
        if sum(len(s.episodes) for s in library) >= expected:
            return library
        time.sleep(0.5)  # a helper process polling another program: no event loop to wait on
    raise SystemExit(f"MiniDLNA did not list {expected} episodes: {library!r}")


def inspect_step() -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-m", "player", "inspect", DESCRIPTION, "--json"],
                            capture_output=True, text=True, timeout=120, cwd=REPO, check=False)
    if result.returncode != 0:
        return {"returncode": result.returncode, "stderr": result.stderr[-2000:]}
    return {"returncode": 0, "library": json.loads(result.stdout)}


def discover_step() -> list[dict[str, str]]:
    from player.library.mediaserver import discover_media_servers

    # As 家人设置 asks: no interface chosen (the namespace's only one is the loopback).
    return [{"name": s.name, "location": s.location}
            for s in discover_media_servers(wait_s=2.0)]


def play_step(library: list[Any]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from player.engine.vlc_engine import VlcEngine

    episodes = [e for s in library for e in s.episodes]
    episode = next((e for e in episodes if e.subtitle), episodes[0])
    app = QApplication.instance() or QApplication([])
    engine = VlcEngine(audio_output="dummy")
    engine.set_display_size(180, 320)
    seen: dict[str, Any] = {"location": episode.location, "first_frame": False,
                            "positions": [], "errors": []}
    loop = QEventLoop()

    def on_position(ms: int) -> None:
        seen["positions"].append(ms)
        if seen["first_frame"] and len({p for p in seen["positions"] if p > 0}) >= 2:
            loop.quit()

    engine.first_frame.connect(lambda: seen.update(first_frame=True))
    engine.position_changed.connect(on_position)
    engine.error.connect(lambda e: (seen["errors"].append(str(e)), loop.quit()))
    QTimer.singleShot(30_000, loop.quit)
    engine.load(episode.location)
    loop.exec()
    engine.shutdown()
    del app
    if episode.subtitle:
        from player.cues import load_cues

        load = load_cues(episode)  # what the Playing screen shows and reads out
        seen["subtitle_cues"] = [c.text for c in load.track.cues] if load.track else []
    return seen


def app_step(library: list[Any], work: Path) -> dict[str, Any]:
    """The app itself: ``silverreel EPISODE_URL --library DESCRIPTION`` plays the episode at
    once and lists the server's series (offscreen: Xvfb's socket would be outside)."""
    episode = [e for s in library for e in s.episodes][-1]
    log = work / "events.jsonl"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SILVERREEL_AUDIO_OUTPUT": "dummy"}
    app = subprocess.Popen([sys.executable, "-m", "player", episode.location, "--library",
                            DESCRIPTION, "--config-dir", str(work / "cfg"), "--event-log",
                            str(log)], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    from player.eventlog import read_events

    events: list[dict[str, Any]] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and app.poll() is None:
            events = read_events(log) if log.exists() else []
            # Home comes with what is ready; the server's series may join it a moment later
            # (library_grew), so wait for the playing episode and the server's series.
            listed = [e["series"] for e in events if e["event"] in ("home_ready", "library_grew")]
            if any(e["event"] == "first_frame" for e in events) and listed and max(listed) > 1:
                break
            time.sleep(0.2)  # another process's log: polled, with a deadline
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
    return {"location": episode.location,
            "home_series": [e["series"] for e in events if e["event"] == "home_ready"],
            "library_series": [e["series"] for e in events
                               if e["event"] in ("home_ready", "library_grew")],
            "first_frames": [e["location"] for e in events if e["event"] == "first_frame"]}


def main(argv: list[str]) -> int:
    media, work, expected = Path(argv[0]), Path(argv[1]), int(argv[2])
    prepare_namespace()
    config = write_config(media, work)
    log = open(work / "minidlna.out", "wb")  # noqa: SIM115 - closed in finally
    server = subprocess.Popen(["minidlnad", "-d", "-f", str(config), "-P", str(work / "pid")],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        library = wait_for_scan(expected)
        report = {
            "interfaces": namespace_interfaces(),
            "inspect": inspect_step(),
            "discover": discover_step(),
            "play": play_step(library),
            "app": app_step(library, work),
        }
        print(json.dumps(report, ensure_ascii=False))
        return 0
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
