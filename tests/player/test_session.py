"""The playback session: streams that drop and come back, with a real HTTP server."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.engine.vlc_engine import VlcEngine
from player.eventlog import EventLog, read_events
from player.library.model import Episode, Series
from player.session import PlaybackSession
from tests.media import ffmpeg

pytestmark = pytest.mark.slow


class _Server:
    """A real HTTP server on 127.0.0.1 that can be stopped and started on the same port."""

    def __init__(self, directory: Path) -> None:
        self._handler = functools.partial(_QuietHandler, directory=str(directory))
        self.port = 0
        self._server: http.server.ThreadingHTTPServer | None = None

    def start(self) -> None:
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), self._handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hls_dir(media_dir: Path) -> Path:
    folder = media_dir / "hls"
    if not (folder / "index.m3u8").exists():
        folder.mkdir()
        ffmpeg("-f", "lavfi", "-i", "testsrc2=s=360x640:r=25:d=40",
               "-f", "lavfi", "-i", "sine=f=300:d=40",
               "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac",
               "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
               "-hls_segment_filename", str(folder / "seg%03d.ts"), str(folder / "index.m3u8"))
    return folder


@pytest.fixture
def server(hls_dir: Path) -> Iterator[_Server]:
    running = _Server(hls_dir)
    running.start()
    yield running
    running.stop()


def test_a_dropped_hls_stream_reconnects_and_resumes_where_it_was(
    qtbot: QtBot, server: _Server, tmp_path: Path
) -> None:
    # A small buffer makes the drop noticeable within seconds (the app keeps libVLC's default).
    engine = VlcEngine(audio_output="dummy", extra_args=["--adaptive-maxbuffer=3000"])
    log_path = tmp_path / "events.jsonl"
    session = PlaybackSession(engine, Settings(None), EventLog(log_path))
    url = f"http://127.0.0.1:{server.port}/index.m3u8"
    series = Series("网络剧", url, (Episode(1, "第1集", url),))
    try:
        with qtbot.wait_signal(engine.first_frame, timeout=15_000):
            session.play(series, 0)
        qtbot.wait_until(lambda: engine.position() >= 4000, timeout=15_000)

        with qtbot.wait_signal(session.reconnecting, timeout=30_000):
            server.stop()
        retry = next(e for e in read_events(log_path) if e["event"] == "stream_retry")
        dropped_at = retry["position_ms"]
        assert dropped_at >= 4000

        with qtbot.wait_signal(session.recovered, timeout=40_000) as recovered:
            server.start()
        assert abs(recovered.args[0] - dropped_at) < 4000
        events = [e["event"] for e in read_events(log_path)]
        assert events.index("stream_retry") < events.index("stream_recovered")
        qtbot.wait_until(lambda: engine.position() > recovered.args[0] + 500, timeout=10_000)
    finally:
        session.stop()
        engine.shutdown()


def test_a_stream_that_stays_gone_gives_up_with_an_error(
    qtbot: QtBot, server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("player.session.RETRY_DELAYS_MS", (100, 200))
    engine = VlcEngine(audio_output="dummy")
    session = PlaybackSession(engine, Settings(None), EventLog(tmp_path / "events.jsonl"))
    server.stop()
    url = f"http://127.0.0.1:{server.port}/index.m3u8"
    try:
        with qtbot.wait_signal(session.failed, timeout=60_000) as failed:
            session.play(Series("网络剧", url, (Episode(1, "第1集", url),)), 0)
        assert failed.args[0].location == url
        retries = [e for e in read_events(tmp_path / "events.jsonl")
                   if e["event"] == "stream_retry"]
        assert [r["attempt"] for r in retries] == [1, 2]
    finally:
        session.stop()
        engine.shutdown()
