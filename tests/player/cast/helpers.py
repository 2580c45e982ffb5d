"""A web server on 127.0.0.1 serving episodes the way phone apps' CDNs do, plus hostile routes."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    requested: list[str]

    def do_HEAD(self) -> None:
        if not self._redirect():
            super().do_HEAD()

    def do_GET(self) -> None:
        if not self._redirect():
            super().do_GET()

    def _redirect(self) -> bool:
        self.requested.append(self.path)
        targets = {
            "/to-passwd": "file:///etc/passwd",
            "/to-smb": "smb://nas/share/video.mp4",
            "/hop1": "/hop2",
            "/hop2": "/episode.mp4",
            "/loop": "/loop",
        }
        target = targets.get(self.path.split("?", 1)[0])
        if target is None:
            return False
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def episode_server(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """(base URL, list of requested paths) of a server on 127.0.0.1 for ``folder``."""
    requested: list[str] = []
    handler = type("Handler", (_Handler,), {"requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()
