"""Shared fixtures: a real tiny video made once per session, and a real local web server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.media import ffmpeg

# 4 s at 10 fps: red until 0.2 s, green until 0.6 s, then blue. The cover frame (10 % in,
# 0.4 s) must come out green.
_SEGMENTS = (("red", 0.2), ("green", 0.4), ("blue", 3.4))


@pytest.fixture(scope="session")
def tiny_video(media_dir: Path) -> Path:
    target = media_dir / "library-colours.mp4"
    if not target.exists():
        sources = ";".join(
            f"color=c={colour}:s=64x112:r=10:d={seconds}[s{index}]"
            for index, (colour, seconds) in enumerate(_SEGMENTS)
        )
        joined = "".join(f"[s{index}]" for index in range(len(_SEGMENTS)))
        graph = f"{sources};{joined}concat=n={len(_SEGMENTS)}:v=1:a=0,format=yuv420p[v]"
        ffmpeg("-filter_complex", graph, "-map", "[v]",
               "-c:v", "libx264", "-preset", "ultrafast", str(target))  # fmt: skip
    return target


@pytest.fixture(scope="session")
def tiny_audio(media_dir: Path) -> Path:
    target = media_dir / "library-tone.m4a"
    if not target.exists():
        ffmpeg("-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", str(target))
    return target


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    behaviour: str = "answer"  # "answer", "hang" (never answers) or "trickle" (never ends)


class WebServer:
    """A real HTTP server on 127.0.0.1 whose answers the test sets per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = server.routes.get(self.path, Route(b"not found", 404))
                if route.behaviour == "hang":
                    server.release.wait()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.behaviour == "trickle":
                    self.end_headers()
                    self._trickle()
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def _trickle(self) -> None:
                # A line every 50 ms for as long as the client listens.
                try:
                    while not server.release.wait(0.05):
                        self.wfile.write(b"#EXTINF:-1,slow\n")
                        self.wfile.flush()
                except OSError:
                    return

            def log_message(self, format: str, *args: object) -> None:
                return

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        # A short poll interval lets shutdown() return promptly at teardown.
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def add(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        behaviour: str = "answer",
    ) -> str:
        """Serve ``body`` at ``path``; returns the full URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, status, dict(headers or {}), behaviour)
        return self.url(path)


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        server.thread.join()
