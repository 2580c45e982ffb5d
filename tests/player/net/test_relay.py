"""libVLC reaches remote episodes only through the checking relay: real libVLC, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from player.engine.base import PlaybackProblem
from player.engine.vlc_engine import VlcEngine
from player.net.relay import MediaRelay, rewrite_hls
from tests.hostile import HostileServer
from tests.media import colour_clip

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def engine(qtbot: QtBot) -> Iterator[VlcEngine]:
    engine = VlcEngine(audio_output="dummy")
    engine.set_display_size(180, 320)
    yield engine
    engine.shutdown()


@pytest.fixture(scope="module")
def green(media_dir: Path) -> Path:
    return colour_clip(media_dir / "relay-green.mp4", "0x2E7D32", 2.0, size="180x320")


@pytest.fixture(scope="module")
def red_secret(media_dir: Path) -> Path:
    # The "local file" a hostile list wants played: red, so a frame shows which one played.
    return colour_clip(media_dir / "relay-secret-red.mp4", "0xC62828", 2.0, size="180x320")


def _centre(image: QImage) -> tuple[int, int, int]:
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_a_remote_episode_plays_through_the_relay(qtbot: QtBot, engine: VlcEngine,
                                                  home: HostileServer, green: Path) -> None:
    url = home.add("/ep1.mp4", file=green)
    frames: list[QImage] = []
    engine.frame_ready.connect(frames.append)
    with qtbot.wait_signal(engine.first_frame, timeout=20_000):
        engine.load(url)
    qtbot.wait_until(lambda: bool(frames), timeout=10_000)
    red, green_level, blue = _centre(frames[-1])
    assert green_level > 90 and red < 80, (red, green_level, blue)
    assert home.requests and home.requests[0] == "/ep1.mp4"


def test_a_redirect_to_a_local_file_never_plays_it(qtbot: QtBot, engine: VlcEngine,
                                                   home: HostileServer,
                                                   red_secret: Path) -> None:
    url = home.redirect("/ep1.mp4", red_secret.as_uri())
    frames: list[QImage] = []
    engine.frame_ready.connect(frames.append)
    with qtbot.wait_signal(engine.error, timeout=30_000) as failed:
        engine.load(url)
    assert isinstance(failed.args[0], PlaybackProblem)
    assert frames == []  # not one frame of the local file


def test_a_public_episode_may_not_redirect_home(qtbot: QtBot, engine: VlcEngine,
                                                public: HostileServer, home: HostileServer,
                                                green: Path) -> None:
    home.add("/router.mp4", file=green)
    url = public.redirect("/ep1.mp4", home.url("/router.mp4"))
    with qtbot.wait_signal(engine.error, timeout=30_000):
        engine.load(url)
    assert home.requests == []


def test_seeking_uses_ranges_through_the_relay(home: HostileServer, green: Path) -> None:
    relay = MediaRelay()
    try:
        local = relay.local_url(home.add("/ep.mp4", file=green))
        request = urllib.request.Request(local, headers={"Range": "bytes=100-199"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 206
            assert answer.headers["Content-Range"] == f"bytes 100-199/{green.stat().st_size}"
            assert answer.read() == green.read_bytes()[100:200]
        redirected = relay.local_url(home.redirect("/r.mp4", green.as_uri()))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(redirected, timeout=10)
        assert refused.value.code == 403
        assert relay.refusals[-1].code == "not_http"
    finally:
        relay.close()


def test_hls_addresses_are_rewritten_through_the_relay() -> None:
    relay = MediaRelay()
    try:
        text = ("#EXTM3U\n#EXT-X-KEY:METHOD=AES-128,URI=\"file:///etc/key\"\n"
                "#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4,\nseg1.ts\n#EXTINF:4,\n"
                "file:///etc/passwd\n#EXTINF:4,\nhttps://cdn.example/seg3.ts\n")
        out = rewrite_hls(text, "https://cdn.example/show/index.m3u8", True, relay)
        prefix = f"http://127.0.0.1:{relay.port}/m/"
        addresses = [line for line in out.splitlines() if line and not line.startswith("#")]
        assert len(addresses) == 2 and all(a.startswith(prefix) for a in addresses)
        assert "file:" not in out and 'URI=""' in out and f'URI="{prefix}' in out
        token = addresses[0].split("/")[4]
        entry = relay.entry(token)
        assert entry is not None and entry.url == "https://cdn.example/show/seg1.ts"
        assert entry.public_chain
    finally:
        relay.close()


def test_inspect_does_not_report_a_local_file_behind_a_redirect(home: HostileServer,
                                                                red_secret: Path) -> None:
    url = home.redirect("/ep1.mp4", red_secret.as_uri())
    result = subprocess.run(
        [sys.executable, "-m", "player.app", "inspect", url, "--json"], check=False,
        cwd=REPO, capture_output=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    report = json.loads(result.stdout.decode("utf-8"))
    assert "duration_s" not in report and report["error"]["code"] == "unplayable"


def test_a_cast_from_another_device_never_reaches_this_computer_while_playing(
        home: HostileServer, public: HostileServer, green: Path) -> None:
    """The cast was vetted with HEAD; a phone's server that redirects the later GET (or
    names an HLS segment) on this computer is refused by the relay too."""
    home.add("/admin.mp4", file=green)
    public.redirect("/ep.mp4", home.url("/admin.mp4"))
    public.add("/list.m3u8", f"#EXTM3U\n#EXTINF:2,\n{home.url('/admin.mp4')}\n",
               headers={"Content-Type": "application/vnd.apple.mpegurl"})
    relay = MediaRelay()
    try:
        for path in ("/ep.mp4", "/list.m3u8"):
            relay.keep_away_from_this_computer(public.url(path))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(relay.local_url(public.url("/ep.mp4")), timeout=10)
        assert refused.value.code == 403 and relay.refusals[-1].code == "this_computer"
        with urllib.request.urlopen(relay.local_url(public.url("/list.m3u8")),
                                    timeout=10) as answer:
            segment = next(line for line in answer.read().decode().splitlines()
                           if line.startswith("http"))
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(segment, timeout=10)
        assert refused.value.code == 403 and relay.refusals[-1].code == "this_computer"
        assert home.requests == []
        # An address not sent by another device keeps the usual rules (here: public → home).
        public.redirect("/other.mp4", home.url("/admin.mp4"))
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(relay.local_url(public.url("/other.mp4")), timeout=10)
        assert relay.refusals[-1].code == "private"
    finally:
        relay.close()
