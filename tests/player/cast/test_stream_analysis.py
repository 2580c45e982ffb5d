"""An HLS cast is read as it plays, through the loopback relay, in a process of its own:
its burned-in lines arrive as they are read; a live stream is ended by the time bound and a
greedy one by the size bound, keeping what was found. Real PyAV, real relay, real HTTP."""

from __future__ import annotations

import http.server
import json
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from accessibility.pacing.measure import PacingMeasurements
from player.assets import demo_library
from player.cast.bridge import Command
from player.cast.stream_analysis import StreamAnalysis
from player.eventlog import read_events
from tests.player.cast.test_receiver import XIAOMING, StandInServer
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow


class _Handler(http.server.SimpleHTTPRequestHandler):
    agents: list[tuple[str, str]]

    def do_GET(self) -> None:
        self.agents.append((self.path, self.headers.get("User-Agent", "")))
        super().do_GET()

    def guess_type(self, path: str | object) -> str:
        return "application/vnd.apple.mpegurl" if str(path).endswith(".m3u8") \
            else super().guess_type(path)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    agents: list[tuple[str, str]] = []
    handler = type("Handler", (_Handler,), {"agents": agents})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", agents
    finally:
        server.shutdown()
        server.server_close()


def burned_episode() -> tuple[Path, set[str]]:
    demo = demo_library()
    truth = json.loads((demo / "demo.json").read_text(encoding="utf-8"))
    burned = truth["episodes"][3]
    return demo / burned["file"], {cue["text"] for cue in burned["burned_in_cues"]}


def make_hls(source: Path, folder: Path, *, live: bool, segment_s: int = 2) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    kind = ["-hls_list_size", "0"] + ([] if live else ["-hls_playlist_type", "vod"])
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(source), "-c", "copy",
                    "-f", "hls", "-hls_time", str(segment_s), *kind,
                    "-hls_segment_filename", str(folder / "seg%03d.ts"),
                    str(folder / "index.m3u8")], check=True)
    if live:  # a live playlist: no end, so a reader waits for more segments for ever
        playlist = folder / "index.m3u8"
        playlist.write_text(playlist.read_text().replace("#EXT-X-ENDLIST\n", ""))


class Collected:
    def __init__(self) -> None:
        self.cues: list[tuple[int, int, str, float]] = []
        self.done = threading.Event()
        self.measured: PacingMeasurements | None = None
        self.why = ""

    def on_cues(self, _uri: str, cues: tuple[tuple[int, int, str, float], ...]) -> None:
        self.cues = list(cues)

    def on_done(self, _uri: str, measured: PacingMeasurements | None, why: str) -> None:
        self.measured, self.why = measured, why
        self.done.set()


def test_an_hls_cast_is_read_through_the_relay_lines_and_pacing(tmp_path: Path) -> None:
    source, texts = burned_episode()
    make_hls(source, tmp_path / "vod", live=False, segment_s=3)
    got = Collected()
    with served(tmp_path / "vod") as (base, agents):
        # The stream is 36 s long: a bound just above it does not cut it short.
        analysis = StreamAnalysis(got.on_cues, got.on_done, max_stream_seconds=60.0)
        analysis.start(f"{base}/index.m3u8")
        assert got.done.wait(300)
    assert got.why == "ended" and got.measured is not None
    read = {text for _s, _e, text, _c in got.cues}
    assert read & texts and read <= texts  # lines read off the picture, nothing made up
    assert got.measured.picture_cues  # and the pass measured the stream for pacing
    segments = [(path, agent) for path, agent in agents if path.endswith(".ts")]
    assert segments  # every segment came through the relay (the guard's User-Agent),
    assert all(agent.startswith("SilverReel/") for _path, agent in agents)  # never FFmpeg's


def test_a_live_stream_is_ended_by_the_time_bound_keeping_its_lines(tmp_path: Path) -> None:
    source, texts = burned_episode()
    make_hls(source, tmp_path / "live", live=True)
    got = Collected()
    with served(tmp_path / "live") as (base, _agents):
        analysis = StreamAnalysis(got.on_cues, got.on_done, max_seconds=40.0)
        analysis.start(f"{base}/index.m3u8")
        assert got.done.wait(120)
    assert got.why == "time" and got.measured is None  # no end: no pacing level
    assert {text for _s, _e, text, _c in got.cues} <= texts


def test_a_stream_larger_than_the_size_bound_is_ended(tmp_path: Path) -> None:
    source, _texts = burned_episode()
    make_hls(source, tmp_path / "big", live=False)  # 36 s; a live one starts at its edge
    got = Collected()
    with served(tmp_path / "big") as (base, _agents):
        analysis = StreamAnalysis(got.on_cues, got.on_done, max_stream_seconds=6.0)
        analysis.start(f"{base}/index.m3u8")
        assert got.done.wait(120)
    assert got.why == "size"
    assert all(start < 8000 for start, _e, _t, _c in got.cues)  # nothing past the bound


def test_cancel_ends_the_reading_at_once(tmp_path: Path) -> None:
    source, _texts = burned_episode()
    make_hls(source, tmp_path / "c", live=True)
    got = Collected()
    with served(tmp_path / "c") as (base, _agents):
        analysis = StreamAnalysis(got.on_cues, got.on_done)
        analysis.start(f"{base}/index.m3u8")
        analysis.cancel()
        assert got.done.wait(15) and got.why == "cancelled"
        assert not analysis.running


def test_an_hls_cast_gets_its_burned_in_lines_shown_and_spoken(
        build_app: Build, tmp_path: Path, qtbot: QtBot) -> None:
    """The whole way: a phone casts an HLS playlist; it plays at once, and the lines read
    off its picture as it plays are shown large and read out, with no local copy."""
    source, texts = burned_episode()
    make_hls(source, tmp_path / "hls", live=False, segment_s=3)
    parts = build_app(demo_library())
    assert parts.cast is not None and parts.readout is not None
    parts.cast._server_factory = StandInServer  # type: ignore[assignment]
    parts.settings.update({"cast.enabled": True, "cast.allowed_devices": [XIAOMING.key],
                           "pacing.notice_from": "never", "pacing.skip_from": "never"})
    spoken: list[str] = []
    parts.readout.speaking.connect(spoken.append)
    log = parts.events.path
    assert log is not None

    def events(name: str) -> list[dict[str, object]]:
        return [e for e in read_events(log) if e["event"] == name]

    with served(tmp_path / "hls") as (base, _agents):
        uri = f"{base}/index.m3u8"
        bridge = parts.cast.bridge
        bridge.post(Command("set_uri", XIAOMING, (uri, "春风又起 第4集", "", uri)))
        with qtbot.wait_signal(parts.engine.first_frame, timeout=20_000):
            bridge.post(Command("play", XIAOMING))  # playback does not wait for the reading
        qtbot.wait_until(lambda: bool(events("cast_stream_reading")), timeout=30_000)
        assert events("cast_analysis")[-1]["copied"] is False  # a playlist is not copied

        def shown() -> set[str]:
            return {str(e["text"]).replace("\n", "") for e in events("subtitle_shown")}

        qtbot.wait_until(lambda: bool(shown() & texts), timeout=120_000)
        qtbot.wait_until(lambda: bool(set(spoken) & texts), timeout=30_000)
        assert shown() <= texts
        press(qtbot, parts, Qt.Key.Key_Escape)  # Back: the reading ends with the cast
        qtbot.wait_until(lambda: bool(events("cast_stream_read")), timeout=20_000)
        assert events("cast_stream_read")[-1]["why"] in ("cancelled", "ended")
    assert not any((parts.paths.cache_dir / "cast").glob("*.video"))
