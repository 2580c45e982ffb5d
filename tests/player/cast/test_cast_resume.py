"""A cast comes back in 继续观看 (title from the phone, place kept) only while its address
still answers; the check never holds Home up; resuming goes through the loopback relay.

Real parts: libVLC plays ffmpeg-made clips served by a real HTTP server on 127.0.0.1; the
cast arrives through the receiver's GUI-side queue exactly as the UPnP server posts it."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.assets import demo_library
from player.cast.bridge import Command
from player.cast.resume import GONE, SILENT, CastShelf, address_state
from player.engine.base import PlaybackState
from player.eventlog import read_events
from player.net.relay import relay_url
from tests.media import colour_clip
from tests.player.cast.test_receiver import XIAOMING, StandInServer
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


class _Handler(http.server.SimpleHTTPRequestHandler):
    """A phone app's CDN: serves files; an address in ``expired`` answers 403 as a signed
    address does once its time is up. Every request is noted with its User-Agent."""

    seen: list[tuple[str, str]]
    expired: set[str]

    def do_HEAD(self) -> None:
        if not self._refused():
            super().do_HEAD()

    def do_GET(self) -> None:
        if not self._refused():
            super().do_GET()

    def _refused(self) -> bool:
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path == "/to-passwd":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if self.path in self.expired:
            self.send_error(403, "expired")
            return True
        return False

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def cdn(folder: Path) -> Iterator[tuple[str, list[tuple[str, str]], set[str]]]:
    seen: list[tuple[str, str]] = []
    expired: set[str] = set()
    handler = type("Handler", (_Handler,), {"seen": seen, "expired": expired})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen, expired
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers (a phone's address on a network that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/hangs.mp4"
    finally:
        stop.set()
        thread.join(2)
        for sock in held:
            sock.close()
        listener.close()


class Scene:
    def __init__(self, parts: Assembly, base: str, qtbot: QtBot) -> None:
        self.parts, self.base, self.qtbot = parts, base, qtbot
        self.spoken: list[str] = []
        parts.window.set_announcer(self.spoken.append)

    @property
    def shelf(self) -> CastShelf:
        assert self.parts.cast_shelf is not None
        return self.parts.cast_shelf

    def events(self, name: str) -> list[dict[str, Any]]:
        log = self.parts.events.path
        assert log is not None
        return [e for e in read_events(log) if e["event"] == name]

    def cast(self, name: str, title: str, pause_at_ms: int) -> None:
        """The phone casts ``name``, seeks to ``pause_at_ms``, pauses; the viewer presses Back."""
        uri = f"{self.base}/{name}"
        bridge = self.parts.cast.bridge  # type: ignore[union-attr]
        started = len(self.events("first_frame"))
        assert bridge.post(Command("set_uri", XIAOMING, (uri, title, "", uri)))
        assert bridge.post(Command("play", XIAOMING))
        self.qtbot.wait_until(lambda: len(self.events("first_frame")) > started, timeout=20_000)
        engine = self.parts.engine
        assert bridge.post(Command("seek", XIAOMING, (pause_at_ms,)))
        self.qtbot.wait_until(lambda: engine.position() >= pause_at_ms, timeout=10_000)
        assert bridge.post(Command("pause", XIAOMING))
        self.qtbot.wait_until(lambda: engine.state() is PlaybackState.PAUSED, timeout=10_000)
        press(self.qtbot, self.parts, K.Key_Escape)  # Back: the cast stops, Home

    def continue_shelf(self) -> list[str]:
        home = self.parts.window.home
        if not home.rows() or home.rows()[0].title != "继续观看":
            return []
        model = home.rows()[0].poster_model
        return [model.index(i).data(Qt.ItemDataRole.DisplayRole)
                for i in range(model.rowCount())]


@pytest.fixture
def scene(build_app: Build, media_dir: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[Scene]:
    served = tmp_path / "cdn"
    served.mkdir()
    shutil.copy(colour_clip(media_dir / "resume-green.mp4", "green", 8.0), served / "a.mp4")
    shutil.copy(colour_clip(media_dir / "resume-blue.mp4", "blue", 8.0), served / "b.mp4")
    parts = build_app(demo_library())
    assert parts.cast is not None
    parts.cast._server_factory = StandInServer  # type: ignore[assignment]
    parts.settings.update({"cast.enabled": True, "cast.allowed_devices": [XIAOMING.key]})
    with cdn(served) as (base, seen, expired):
        scene = Scene(parts, base, qtbot)
        scene.seen, scene.expired, scene.served = seen, expired, served  # type: ignore[attr-defined]
        yield scene


def test_a_cast_comes_back_in_continue_watching_while_its_address_answers(
        scene: Scene) -> None:
    parts, window = scene.parts, scene.parts.window
    own = window.library[0]
    parts.progress.save(own, own.episodes[-1], 4000, 60_000)  # the viewer's own episode
    window.refresh_home()
    own_button = window.home._continue.text()
    assert own.title in own_button

    scene.cast("a.mp4", "闪婚后 第7集", 3000)
    scene.cast("b.mp4", "我的外婆是大侠 第2集", 5000)
    assert window.stack.currentWidget() is window.home
    scene.qtbot.wait_until(lambda: len(scene.continue_shelf()) == 3, timeout=10_000)
    # The viewer's own series first, then the casts, latest first, with the phone's titles.
    assert scene.continue_shelf() == [own.title, "我的外婆是大侠 第2集", "闪婚后 第7集"]
    details = [p.detail for p in window.home.rows()[0].poster_model._posters]
    assert details[1].startswith("投屏 已看") and details[1].endswith("%")
    # The big button still offers the viewer's own episode, not the phone's address.
    assert window.home._continue.text() == own_button
    # Nothing of a cast went into the viewer's own progress.
    assert not any(e["location"].startswith("http") for e in scene.events("progress_saved"))

    # b.mp4's signed address expires (403), a.mp4 disappears (404): both leave the shelf
    # the next time Home is shown, and are forgotten for good.
    scene.expired.add("/b.mp4")  # type: ignore[attr-defined]
    (scene.served / "a.mp4").unlink()  # type: ignore[attr-defined]
    window.open_series(0)
    window.go_home()
    scene.qtbot.wait_until(lambda: bool(scene.events("cast_shelf_gone")), timeout=10_000)
    scene.qtbot.wait_until(lambda: scene.continue_shelf() == [own.title], timeout=5000)
    assert sorted(scene.events("cast_shelf_gone")[-1]["uris"]) == [
        f"{scene.base}/a.mp4", f"{scene.base}/b.mp4"]
    scene.expired.clear()  # type: ignore[attr-defined]
    assert scene.shelf._store.recent() == []  # never offered again, even if it came back


def test_choosing_a_cast_on_the_shelf_resumes_it_through_the_relay(scene: Scene) -> None:
    parts, window = scene.parts, scene.parts.window
    scene.cast("b.mp4", "我的外婆是大侠 第2集", 4500)
    kept = scene.shelf._store.recent()
    assert len(kept) == 1 and kept[0].title == "我的外婆是大侠 第2集"
    assert kept[0].position_ms >= 4500 and kept[0].duration_ms > 7000
    scene.qtbot.wait_until(lambda: scene.continue_shelf() == ["我的外婆是大侠 第2集"],
                           timeout=10_000)
    window.home.focus_initial()
    scene.seen.clear()  # type: ignore[attr-defined]
    started = len(scene.events("first_frame"))
    press(scene.qtbot, parts, K.Key_Down, K.Key_Return)  # the 继续观看 shelf, its first poster
    scene.qtbot.wait_until(lambda: len(scene.events("first_frame")) > started, timeout=20_000)
    assert window.stack.currentWidget() is window.playing
    assert window.playing._series_label.text() == "我的外婆是大侠 第2集"
    assert scene.events("cast_resumed")[-1]["uri"] == f"{scene.base}/b.mp4"
    scene.qtbot.wait_until(lambda: parts.engine.position() >= 4000, timeout=5000)
    assert parts.engine.position() < 7500  # from where it was left, not from the start
    # libVLC never went to the address itself: only the relay (the guard's User-Agent) did.
    agents = {agent for path, agent in scene.seen if path == "/b.mp4"}  # type: ignore[attr-defined]
    assert agents and all(agent.startswith("SilverReel/") for agent in agents)
    assert relay_url(f"{scene.base}/b.mp4").startswith("http://127.0.0.1:")
    # Back again at once: the place kept is still where it was, not the stream's start.
    press(scene.qtbot, parts, K.Key_Escape)
    assert window.stack.currentWidget() is window.home
    again = scene.shelf._store.recent()
    assert len(again) == 1 and again[0].position_ms >= 4000


def test_home_never_waits_for_an_address_that_hangs_and_keeps_it_for_later(
        scene: Scene) -> None:
    window = scene.parts.window
    with silent_server() as hangs:
        store = scene.shelf._store
        store.save(hangs, "挂起的视频", 2000, 9000)
        store.save(f"{scene.base}/to-passwd", "跳到本机文件", 1000, 9000)
        scene.shelf._deadline_s = 1.5
        window.open_series(0)
        window.go_home()
        # Home is on screen and answers keys at once, before any check has finished.
        assert window.stack.currentWidget() is window.home
        assert scene.continue_shelf() == []
        press(scene.qtbot, scene.parts, K.Key_Down)
        assert window.home.current_focus() is not window.home._continue
        scene.qtbot.wait_until(lambda: bool(scene.events("cast_shelf_gone")), timeout=10_000)
        # The redirect to file: is refused by the guard: forgotten. The hanging address is
        # not offered now, but kept: the network may be back next time.
        assert scene.events("cast_shelf_gone")[-1]["uris"] == [f"{scene.base}/to-passwd"]
        assert [k.uri for k in store.recent()] == [hangs]
        assert scene.continue_shelf() == []


def test_address_state_tells_gone_from_silent(scene: Scene) -> None:
    assert address_state(f"{scene.base}/missing.mp4", 2.0) == GONE
    assert address_state("file:///etc/passwd", 2.0) == GONE
    with silent_server() as hangs:
        assert address_state(hangs, 0.5) == SILENT
    assert address_state("http://127.0.0.1:9/nothing-listens.mp4", 1.0) == SILENT
