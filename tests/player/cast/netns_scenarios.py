"""Cast scenarios that use SSDP multicast: run ONLY inside a private network namespace.

``test_renderer_netns.py`` runs each of these through
``tests.private_network.run_pytest_in_private_network``; they skip themselves anywhere else,
so multicast never reaches a real interface.
"""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.assets import demo_library
from player.engine.base import PlaybackState
from player.eventlog import read_events
from player.ui.keys import Action
from tests.media import colour_clip
from tests.player.cast.control_point import ControlPoint
from tests.player.cast.helpers import episode_server
from tests.player.ui.conftest import Build
from tests.private_network import inside_private_network

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not inside_private_network(),
                       reason="sends SSDP multicast: run through test_renderer_netns.py"),
]
T = TypeVar("T")
DIDL = ('<DIDL-Lite xmlns="urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:upnp="urn:schemas-upnp-org:metadata-1-0/upnp/"><item id="1" parentID="0" '
        'restricted="1"><dc:title>{title}</dc:title><upnp:class>object.item.videoItem'
        '</upnp:class><res protocolInfo="http-get:*:video/mp4:*">{uri}</res></item></DIDL-Lite>')
UPNP_CLIENT = str(Path(sys.executable).with_name("upnp-client"))


@dataclass
class Renderer:
    parts: Assembly
    base: str  # the episode server
    requested: list[str]
    description: str
    qtbot: QtBot

    def events(self, name: str) -> list[dict[str, Any]]:
        log = self.parts.events.path
        assert log is not None
        return [e for e in read_events(log) if e["event"] == name]

    def wait(self, future: Future[T], timeout_ms: int = 20000) -> T:
        self.qtbot.waitUntil(future.done, timeout=timeout_ms)
        return future.result()

    def answer_question(self, allow: bool) -> str:
        window = self.parts.window
        self.qtbot.waitUntil(lambda: window._overlay is not None, timeout=15000)
        overlay = window._overlay
        question = overlay.question  # type: ignore[union-attr]
        focused = overlay.current_focus()  # type: ignore[union-attr]
        assert focused is not None and focused.text() == "不可以"  # the safe answer is focused
        if allow:
            window.dispatch(Action.RIGHT)
        window.dispatch(Action.OK)
        return str(question)


@pytest.fixture
def renderer(build_app: Build, media_dir: Path, qtbot: QtBot, tmp_path: Path) -> Iterator[Renderer]:
    served = tmp_path / "www"
    served.mkdir()
    shutil.copy(colour_clip(media_dir / "cast-teal.mp4", "teal", 12.0), served / "episode.mp4")
    parts = build_app(demo_library())
    with episode_server(served) as (base, requested):
        parts.settings.set("cast.enabled", True)
        assert parts.cast is not None and parts.cast.server is not None, \
            parts.cast.server if parts.cast else None
        description = parts.cast.server.description_url
        assert description is not None
        yield Renderer(parts, base, requested, description, qtbot)


def test_a_phone_casts_with_the_python_api_and_every_control_works(renderer: Renderer) -> None:
    window = renderer.parts.window
    phone = ControlPoint()
    try:
        found = renderer.wait(phone.submit(phone.search()))
        assert renderer.description in found  # found by M-SEARCH
        dmr = renderer.wait(phone.submit(phone.connect(renderer.description)))
        assert dmr.name.startswith("长辈剧场 (")
        protocols = renderer.wait(phone.submit(dmr.async_get_protocol_info()))
        assert "http-get:*:video/mp4:*" in protocols["sink"]
        assert "http-get:*:application/vnd.apple.mpegurl:*" in protocols["sink"]

        episode = f"{renderer.base}/episode.mp4"
        renderer.wait(phone.submit(dmr.async_set_transport_uri(
            episode, "霸道总裁 第3集", DIDL.format(title="霸道总裁 第3集", uri=episode))))
        renderer.wait(phone.submit(dmr.async_play()))
        question = renderer.answer_question(allow=True)
        assert "想在电视上播放视频，可以吗？" in question

        renderer.qtbot.waitUntil(lambda: bool(renderer.events("first_frame")), timeout=20000)
        requested = renderer.events("cast_requested")[-1]
        assert requested["uri"] == episode and requested["title"] == "霸道总裁 第3集"
        assert window.stack.currentWidget() is window.playing
        assert window.playing._series_label.text() == "霸道总裁 第3集"
        assert renderer.parts.settings.get("cast.allowed_devices") == [requested["device"]]

        _wait_evented(renderer, phone, "TransportState", "PLAYING")
        renderer.wait(phone.submit(dmr.async_update()))
        first = dmr.media_position or 0
        renderer.qtbot.waitUntil(
            lambda: renderer.wait(phone.submit(dmr.async_update())) is None
            and (dmr.media_position or 0) >= first + 2, timeout=15000)
        assert dmr.media_duration in (11, 12)

        renderer.wait(phone.submit(dmr.async_pause()))
        renderer.qtbot.waitUntil(
            lambda: renderer.parts.engine.state() is PlaybackState.PAUSED, timeout=10000)
        _wait_evented(renderer, phone, "TransportState", "PAUSED_PLAYBACK")
        renderer.wait(phone.submit(dmr.async_update()))
        assert dmr.transport_state is not None and dmr.transport_state.value == "PAUSED_PLAYBACK"

        renderer.wait(phone.submit(dmr.async_seek_rel_time(timedelta(seconds=8))))
        renderer.qtbot.waitUntil(lambda: renderer.parts.engine.position() >= 7500, timeout=10000)
        renderer.wait(phone.submit(dmr.async_update()))
        assert (dmr.media_position or 0) >= 7

        renderer.wait(phone.submit(dmr.async_set_volume_level(0.3)))
        renderer.qtbot.waitUntil(
            lambda: renderer.parts.settings.get("playback.volume") == 30, timeout=10000)
        _wait_evented(renderer, phone, "Volume", "30")
        renderer.wait(phone.submit(dmr.async_mute_volume(True)))
        renderer.qtbot.waitUntil(lambda: "1" in phone.evented("Mute")
                                 or "True" in phone.evented("Mute"), timeout=10000)
        renderer.wait(phone.submit(dmr.async_mute_volume(False)))
        renderer.qtbot.waitUntil(
            lambda: renderer.parts.settings.get("playback.volume") == 30, timeout=10000)

        renderer.wait(phone.submit(dmr.async_stop()))
        renderer.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home,
                                 timeout=10000)
        renderer.qtbot.waitUntil(lambda: phone.evented("TransportState")[-1] == "STOPPED",
                                 timeout=10000)
        assert renderer.events("cast_stopped")[-1]["by"] == "phone"
        # A cast is the phone's: it does not become 继续观看.
        assert all(not e["location"].startswith("http")
                   for e in renderer.events("progress_saved"))
    finally:
        phone.shutdown()


def _wait_evented(renderer: Renderer, phone: ControlPoint, name: str, value: str) -> None:
    try:
        renderer.qtbot.waitUntil(lambda: value in phone.evented(name), timeout=10000)
    except Exception as error:
        raise AssertionError(f"{name}={value} never evented: {phone.events}") from error


def _upnp_client(*args: str, timeout: float = 30) -> str:
    result = subprocess.run([UPNP_CLIENT, *args], capture_output=True, text=True,
                            timeout=timeout, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _run_cli(renderer: Renderer, *args: str) -> dict[str, Any]:
    process = subprocess.Popen([UPNP_CLIENT, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    renderer.qtbot.waitUntil(lambda: process.poll() is not None, timeout=30000)
    out, err = process.communicate()
    assert process.returncode == 0, err[-2000:]
    return json.loads(out.strip().splitlines()[-1])


def test_the_upnp_client_command_line_finds_casts_and_reads_the_position(
        renderer: Renderer) -> None:
    window = renderer.parts.window
    search = subprocess.Popen(
        [UPNP_CLIENT, "search", "--bind", "127.0.0.1", "--search_target",
         "urn:schemas-upnp-org:device:MediaRenderer:1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    renderer.qtbot.waitUntil(lambda: search.poll() is not None, timeout=30000)
    answers = [json.loads(line) for line in search.communicate()[0].splitlines() if line]
    assert renderer.description in {a.get("location") for a in answers}

    subscriber = subprocess.Popen([UPNP_CLIENT, "subscribe", renderer.description, "AVT",
                                   "RC"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
    try:
        episode = f"{renderer.base}/hop1"  # redirects twice, to the episode
        metadata = DIDL.format(title="婆婆的秘密 第1集", uri=episode)
        _run_cli(renderer, "call-action", renderer.description, "AVT/SetAVTransportURI",
                 "InstanceID=0", f"CurrentURI={episode}", f"CurrentURIMetaData={metadata}")
        _run_cli(renderer, "call-action", renderer.description, "AVT/Play", "InstanceID=0",
                 "Speed=1")
        renderer.answer_question(allow=True)
        renderer.qtbot.waitUntil(lambda: bool(renderer.events("first_frame")), timeout=20000)
        # The last hop is played, never the redirecting address.
        assert renderer.parts.engine.location() == f"{renderer.base}/episode.mp4"
        assert window.playing._series_label.text() == "婆婆的秘密 第1集"

        def position() -> str:
            reply = _run_cli(renderer, "call-action", renderer.description,
                             "AVT/GetPositionInfo", "InstanceID=0")
            return str(reply["out_parameters"]["RelTime"])

        first = position()
        renderer.qtbot.waitUntil(lambda: position() > first, timeout=15000)
        info = _run_cli(renderer, "call-action", renderer.description, "AVT/GetTransportInfo",
                        "InstanceID=0")
        assert info["out_parameters"]["CurrentTransportState"] == "PLAYING"
        media = _run_cli(renderer, "call-action", renderer.description, "AVT/GetMediaInfo",
                         "InstanceID=0")
        assert media["out_parameters"]["CurrentURI"] == f"{renderer.base}/episode.mp4"
        _run_cli(renderer, "call-action", renderer.description, "RC/SetVolume",
                 "InstanceID=0", "Channel=Master", "DesiredVolume=45")
        volume = _run_cli(renderer, "call-action", renderer.description, "RC/GetVolume",
                          "InstanceID=0", "Channel=Master")
        assert volume["out_parameters"]["CurrentVolume"] == 45
        # Back on the remote stops the cast, goes Home, and the phone sees STOPPED.
        window.dispatch(Action.BACK)
        renderer.qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home,
                                 timeout=10000)
        info = _run_cli(renderer, "call-action", renderer.description, "AVT/GetTransportInfo",
                        "InstanceID=0")
        assert info["out_parameters"]["CurrentTransportState"] == "STOPPED"
        assert renderer.events("cast_stopped")[-1]["by"] == "back"
    finally:
        subscriber.terminate()
        out, _ = subscriber.communicate(timeout=10)
    assert "PLAYING" in out and "STOPPED" in out  # LastChange events, as they came
    assert "Volume" in out


def _soap(action: str, body_args: str) -> bytes:
    return (f'<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/'
            f'envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
            f'<u:{action} xmlns:u="urn:schemas-upnp-org:service:AVTransport:1">{body_args}'
            f'</u:{action}></s:Body></s:Envelope>').encode()


def _call(description: str, action: str, body_args: str) -> tuple[int, str]:
    parts = urllib.parse.urlsplit(description)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=15)
    try:
        connection.request("POST", "/upnp/control/AVTransport", body=_soap(action, body_args),
                           headers={"Content-Type": 'text/xml; charset="utf-8"',
                                    "SOAPAction": f'"urn:schemas-upnp-org:service:'
                                                  f'AVTransport:1#{action}"'})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def _set_uri(description: str, uri: str) -> tuple[int, str]:
    from xml.sax.saxutils import escape

    return _call(description, "SetAVTransportURI",
                 f"<InstanceID>0</InstanceID><CurrentURI>{escape(uri)}</CurrentURI>"
                 "<CurrentURIMetaData></CurrentURIMetaData>")


def test_local_and_redirected_addresses_are_refused_and_nothing_local_opens(
        renderer: Renderer, tmp_path: Path) -> None:
    secret = colour_clip(tmp_path / "secret.mp4", "red", 2.0)  # a real local video
    cases = {
        "file:///etc/passwd": "not_http",
        str(secret): "not_http",
        f"file://{secret}": "not_http",
        "smb://nas/share/video.mp4": "not_http",
        f"{renderer.base}/to-passwd": "redirect_not_http",
        f"{renderer.base}/to-smb": "redirect_not_http",
        f"{renderer.base}/loop": "too_many_redirects",
        f"{renderer.base}/missing.mp4": "not_found",
    }
    for uri, reason in cases.items():
        status, body = _set_uri(renderer.description, uri)
        assert status == 500, (uri, body)
        expected = "714" if reason in ("not_http", "redirect_not_http") else "716"
        assert f"<errorCode>{expected}</errorCode>" in body, (uri, body)
        renderer.qtbot.waitUntil(
            lambda u=uri: any(e["uri"] == u for e in renderer.events("cast_refused")),
            timeout=10000)
        refused = [e for e in renderer.events("cast_refused") if e["uri"] == uri][-1]
        assert refused["reason"] == reason
    status, body = _call(renderer.description, "Play", "<InstanceID>0</InstanceID>"
                         "<Speed>1</Speed>")
    assert status == 500 and "<errorCode>702</errorCode>" in body  # nothing to play
    assert not renderer.events("play_requested")  # nothing was opened
    assert renderer.parts.engine.location() is None
    assert renderer.parts.window.banner.isVisible()
    assert "已拒绝" in renderer.parts.window.banner.text()


def test_a_huge_body_a_never_ending_request_and_a_flood_do_not_stall_playback(
        renderer: Renderer) -> None:
    episode = f"{renderer.base}/episode.mp4"
    assert _set_uri(renderer.description, episode)[0] == 200
    assert _call(renderer.description, "Play", "<InstanceID>0</InstanceID><Speed>1</Speed>"
                 )[0] == 200
    renderer.answer_question(allow=True)
    renderer.qtbot.waitUntil(lambda: bool(renderer.events("first_frame")), timeout=20000)
    parts = urllib.parse.urlsplit(renderer.description)
    address = (parts.hostname or "", parts.port or 80)

    # A never-ending request: headers promise a body that never comes.
    stuck = socket.create_connection(address)
    stuck.sendall(b"POST /upnp/control/AVTransport HTTP/1.1\r\nHost: x\r\n"
                  b"Content-Length: 60000\r\nSOAPAction: \"x#Play\"\r\n\r\n<s:Envelope")
    # A 10 MB body: refused from its length, early.
    huge = socket.create_connection(address)
    huge.sendall(b"POST /upnp/control/AVTransport HTTP/1.1\r\nHost: x\r\n"
                 b"Content-Length: 10485760\r\nSOAPAction: \"x#Play\"\r\n\r\n")
    huge.sendall(b"<" * 65536)
    huge.settimeout(15)
    reply = huge.recv(200)
    assert b" 413 " in reply.split(b"\r\n", 1)[0]
    huge.close()

    # A flood of requests while it plays: every one answered, playback moves on.
    before = renderer.parts.engine.position()
    for _ in range(150):
        status, body = _call(renderer.description, "GetTransportInfo",
                             "<InstanceID>0</InstanceID>")
        assert status == 200 and "PLAYING" in body
    status, body = _call(renderer.description, "GetTransportInfo", "<Bad")
    assert status == 400
    renderer.qtbot.waitUntil(lambda: renderer.parts.engine.position() > before + 1500,
                             timeout=15000)
    assert renderer.parts.engine.state() is PlaybackState.PLAYING
    stuck.close()


def test_turning_the_receiver_off_says_goodbye_and_stops_answering(renderer: Renderer) -> None:
    phone = ControlPoint()
    try:
        assert renderer.description in renderer.wait(phone.submit(phone.search()))
        renderer.parts.settings.set("cast.enabled", False)
        assert renderer.parts.cast is not None and not renderer.parts.cast.running
        assert renderer.description not in renderer.wait(phone.submit(phone.search()))
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(
                (urllib.parse.urlsplit(renderer.description).hostname,
                 urllib.parse.urlsplit(renderer.description).port), timeout=2)
    finally:
        phone.shutdown()


def _screenshot_until(app: Any, path: Path, good: Any, timeout_s: float = 15.0) -> Any:
    import time

    deadline = time.monotonic() + timeout_s
    shot = app.screenshot(path)
    while not good(shot) and time.monotonic() < deadline:
        shot = app.screenshot(path)
    return shot


@pytest.mark.x11
def test_the_first_cast_question_in_a_real_window(tmp_path: Path, media_dir: Path) -> None:
    """Run with SILVERREEL_XDISPLAY (an Xvfb started outside) and SILVERREEL_SHOTS set by
    test_cast_x11.py; the screenshots stay there to be looked at."""
    import os

    from PySide6.QtGui import QColor, QImage

    from tests.conftest import XDisplay
    from tests.x11 import running_app

    display = XDisplay(os.environ["SILVERREEL_XDISPLAY"], 1920, 1080)
    shots = Path(os.environ["SILVERREEL_SHOTS"])
    served = tmp_path / "www"
    served.mkdir()
    shutil.copy(colour_clip(media_dir / "cast-x11.mp4", "0x2E7D32", 20.0, size="720x1280"),
                served / "episode.mp4")
    with episode_server(served) as (base, _requested), \
            running_app(display, tmp_path, "--cast") as app:
        app.wait_for_event("home_ready")
        description = app.wait_for_event("cast_receiver")["description"]
        episode = f"{base}/episode.mp4"
        metadata = DIDL.format(title="婆婆的秘密 第1集", uri=episode)
        _upnp_client("call-action", description, "AVT/SetAVTransportURI", "InstanceID=0",
                     f"CurrentURI={episode}", f"CurrentURIMetaData={metadata}")
        _upnp_client("call-action", description, "AVT/Play", "InstanceID=0", "Speed=1")
        app.wait_for_event("cast_question")
        focus = QColor("#FFD21F")

        def framed(shot: QImage) -> int:  # pixels of the focused answer's thick yellow frame
            return sum(1 for y in range(300, 900, 3) for x in range(200, 1720, 3)
                       if abs(shot.pixelColor(x, y).red() - focus.red()) < 20
                       and abs(shot.pixelColor(x, y).green() - focus.green()) < 20
                       and shot.pixelColor(x, y).blue() < 80)

        # The overlay is painted on the next frame after the event: look until it is there.
        shot = _screenshot_until(app, shots / "cast-question.png", lambda s: framed(s) > 150)
        assert framed(shot) > 150
        app.press("Right", "Return")  # 可以
        app.wait_for_event("first_frame")
        green = QColor("#2E7D32")

        def picture(shot: QImage) -> bool:
            colour = shot.pixelColor(960, 700)
            return abs(colour.green() - green.green()) < 25 and colour.red() < 90

        shot = _screenshot_until(app, shots / "cast-playing.png", picture)
        assert picture(shot)
        assert min(shot.pixelColor(40, 540).getRgb()[:3]) < 30  # the dark side band
        info = json.loads(_upnp_client("call-action", description, "AVT/GetTransportInfo",
                                       "InstanceID=0").strip().splitlines()[-1])
        assert info["out_parameters"]["CurrentTransportState"] == "PLAYING"
        app.press("Escape")  # Back: the cast stops and Home comes back
        stopped = app.wait_for_event("cast_stopped")
        assert stopped["by"] == "back"
        info = json.loads(_upnp_client("call-action", description, "AVT/GetTransportInfo",
                                       "InstanceID=0").strip().splitlines()[-1])
        assert info["out_parameters"]["CurrentTransportState"] == "STOPPED"


def test_ssdp_alive_on_start_and_byebye_on_stop_are_heard(build_app: Build,
                                                          qtbot: QtBot) -> None:
    from async_upnp_client.advertisement import SsdpAdvertisementListener

    parts = build_app(demo_library())
    heard: list[tuple[str, str]] = []  # (NTS, NT) of every NOTIFY a phone would hear
    phone = ControlPoint()

    async def listen() -> SsdpAdvertisementListener:
        listener = SsdpAdvertisementListener(
            on_alive=lambda h: heard.append(("ssdp:alive", str(h.get("NT")))),
            on_byebye=lambda h: heard.append(("ssdp:byebye", str(h.get("NT")))),
            source=("127.0.0.1", 0))
        await listener.async_start()
        return listener

    listener = renderer_wait(qtbot, phone.submit(listen()))
    try:
        parts.settings.set("cast.enabled", True)
        assert parts.cast is not None and parts.cast.server is not None
        kinds = {"upnp:rootdevice", parts.cast.server._udn,
                 "urn:schemas-upnp-org:device:MediaRenderer:1",
                 "urn:schemas-upnp-org:service:AVTransport:1",
                 "urn:schemas-upnp-org:service:RenderingControl:1",
                 "urn:schemas-upnp-org:service:ConnectionManager:1"}

        def announced(nts: str) -> set[str]:
            return {nt for kind, nt in list(heard) if kind == nts}

        # All of them at once on start (not one every 30 s), all of them again on stop.
        qtbot.wait_until(lambda: kinds <= announced("ssdp:alive"), timeout=10000)
        parts.settings.set("cast.enabled", False)
        qtbot.wait_until(lambda: kinds <= announced("ssdp:byebye"), timeout=10000)
    finally:
        renderer_wait(qtbot, phone.submit(listener.async_stop()))
        phone.shutdown()


def renderer_wait(qtbot: QtBot, future: Future[T]) -> T:
    qtbot.waitUntil(future.done, timeout=20000)
    return future.result()
