"""Cast addresses: http(s) only at every hop, checked against a real server on 127.0.0.1."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.cast.vetting import Refusal, vet_cast_uri
from tests.player.cast.helpers import episode_server


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    (tmp_path / "episode.mp4").write_bytes(b"\x00" * 1024)
    with episode_server(tmp_path) as server:
        yield server


@pytest.mark.parametrize("uri", [
    "file:///etc/passwd", "/etc/passwd", "FILE:///etc/passwd", "smb://nas/share/a.mp4",
    "rtsp://127.0.0.1/a", "ftp://127.0.0.1/a.mp4", "C:\\Users\\a.mp4", "javascript:alert(1)",
    "dvb://0", "vlc://quit", "screen://", "v4l2:///dev/video0",
])
def test_anything_but_http_is_refused_without_a_request(uri: str) -> None:
    verdict = vet_cast_uri(uri)
    assert verdict.refusal is Refusal.NOT_HTTP and not verdict.allowed


@pytest.mark.parametrize("uri", ["", "http://", "http:///a.mp4", "http://a b/c.mp4",
                                 "http://127.0.0.1:abc/", "http://x/\x00", "http://" + "a" * 9000])
def test_malformed_addresses_are_refused(uri: str) -> None:
    assert vet_cast_uri(uri).refusal is Refusal.MALFORMED


def test_redirects_are_followed_to_the_last_http_hop(served: tuple[str, list[str]]) -> None:
    base, requested = served
    verdict = vet_cast_uri(f"{base}/hop1")
    assert verdict.allowed and verdict.location == f"{base}/episode.mp4"
    assert requested == ["/hop1", "/hop2", "/episode.mp4"]


@pytest.mark.parametrize(("path", "refusal"), [
    ("/to-passwd", Refusal.REDIRECT_NOT_HTTP), ("/to-smb", Refusal.REDIRECT_NOT_HTTP),
    ("/loop", Refusal.TOO_MANY_REDIRECTS), ("/nothing-here.mp4", Refusal.NOT_FOUND),
])
def test_bad_hops_are_refused(served: tuple[str, list[str]], path: str,
                              refusal: Refusal) -> None:
    base, _requested = served
    verdict = vet_cast_uri(f"{base}{path}")
    assert verdict.refusal is refusal


def test_a_server_that_never_answers_is_refused_within_the_deadline() -> None:
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        port = silent.getsockname()[1]
        verdict = vet_cast_uri(f"http://127.0.0.1:{port}/a.mp4", hop_timeout_s=0.5,
                               total_timeout_s=1.0)
        assert verdict.refusal is Refusal.UNREACHABLE
    finally:
        silent.close()


def test_a_server_that_refuses_head_is_asked_with_a_small_get(tmp_path: Path) -> None:
    class NoHead(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response(405)
            self.end_headers()

        def do_GET(self) -> None:
            assert self.headers["Range"] == "bytes=0-0"
            self.send_response(206)
            self.send_header("Content-Length", "1")
            self.end_headers()
            self.wfile.write(b"\x00")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NoHead)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        uri = f"http://127.0.0.1:{server.server_address[1]}/signed.mp4?sig=abc"
        assert vet_cast_uri(uri).allowed
    finally:
        server.shutdown()
        server.server_close()
