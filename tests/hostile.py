"""A hostile HTTP server on a loopback address, as a real server (no mocks).

Routes answer files (with Range, so libVLC can play and seek), redirect anywhere (``file:``,
loopback, other servers), trickle their status line and headers one byte at a time, or send
a body that never ends. Bind it to ``127.0.0.2`` and name that address in
``NetworkPolicy.treat_as_public`` to play a server on the public internet.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    file: Path | None = None
    behaviour: str = "answer"  # answer | trickle_headers | endless_body


class HostileServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Answer] = {}
        self.requests: list[str] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:
                return

            def do_HEAD(self) -> None:
                self.do_GET(head=True)

            def do_GET(self, head: bool = False) -> None:
                server.requests.append(self.path)
                answer = server.routes.get(self.path.split("?")[0], Answer(b"missing", 404))
                try:
                    if answer.behaviour == "trickle_headers":
                        self._trickle(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nX-Pad: ")
                        return
                    if answer.file is not None:
                        self._file(answer, head)
                        return
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    if answer.behaviour == "endless_body":
                        self.end_headers()
                        while not server.stop.wait(0.02):
                            self.wfile.write(b"#EXTINF:-1,x\nhttp://a.example/x.mp4\n")
                        return
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    if not head:
                        self.wfile.write(answer.body)
                except OSError:
                    return

            def _trickle(self, prefix: bytes) -> None:
                for byte in prefix:
                    if server.stop.wait(0.05):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                while not server.stop.wait(0.2):  # a header that never ends
                    self.wfile.write(b"x")
                    self.wfile.flush()

            def _file(self, answer: Answer, head: bool) -> None:
                assert answer.file is not None
                data = answer.file.read_bytes()
                start, end = 0, len(data) - 1
                wanted = self.headers.get("Range", "")
                if wanted.startswith("bytes="):
                    first, _, last = wanted[6:].partition("-")
                    start = int(first or 0)
                    end = min(int(last), end) if last else end
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Type", answer.headers.get("Content-Type", "video/mp4"))
                self.send_header("Content-Length", str(end - start + 1))
                self.end_headers()
                if not head:
                    self.wfile.write(data[start:end + 1])

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def host(self) -> str:
        return str(self.httpd.server_address[0])

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.httpd.server_address[1]}{path}"

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Answer(data, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.add(path, b"", status=status, headers={"Location": location})


@contextmanager
def hostile_server(host: str = "127.0.0.1") -> Iterator[HostileServer]:
    server = HostileServer(host)
    server.thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.httpd.shutdown()
        server.httpd.server_close()
        server.thread.join()
        time.sleep(0)  # let handler threads see the stop flag
