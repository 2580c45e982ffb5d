"""A loopback relay through which libVLC (and PyAV) reach every remote episode.

libVLC's http access follows a redirect to any scheme its core can open: an episode address
that answers ``302 Location: file:///home/…`` plays the local file, and no input option of
libVLC 3 turns that off (see docs/adr/005-loopback-relay.md). So libVLC is never given a
remote address. It is given ``http://127.0.0.1:PORT/m/TOKEN/NAME``; this relay opens the
real address with ``player.net.guard.open_checked`` (every hop http(s), the private-network
rule, a deadline for the answer), never passes a redirect on, and copies the bytes. Range
requests are passed through, so seeking works. HLS playlists are rewritten so that every
segment, key and variant also goes through the relay.

The server listens on 127.0.0.1 only; tokens are random, so another local user cannot use
it to fetch arbitrary addresses.
"""

from __future__ import annotations

import functools
import http.client
import re
import secrets
import threading
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from player.net.addresses import REMOTE_SCHEMES, current_policy
from player.net.guard import Opened, Refused, open_checked

ANSWER_DEADLINE_S = 15.0  # connect, every redirect and the response headers
IDLE_TIMEOUT_S = 30.0  # then, between two reads of a stream
MAX_PLAYLIST_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 20_000  # registered addresses kept (a live HLS stream adds a few per minute)
MAX_KEPT_AWAY = 256  # addresses sent by other devices (casts) remembered
_CHUNK = 64 * 1024
_PASSED_HEADERS = ("Content-Type", "Content-Length", "Content-Range", "Accept-Ranges",
                   "Last-Modified", "ETag")
_HLS_TYPES = ("mpegurl",)
_URI_ATTRIBUTE = re.compile(r'URI="([^"]*)"')


@dataclass(frozen=True)
class _Entry:
    url: str
    public_chain: bool
    away_from_here: bool = False  # no hop to this computer's loopback (a cast from a phone)


class MediaRelay:
    """Hands out loopback addresses for remote ones and serves them, checked hop by hop."""

    def __init__(self, *, answer_deadline_s: float = ANSWER_DEADLINE_S,
                 idle_timeout_s: float = IDLE_TIMEOUT_S) -> None:
        self.answer_deadline_s = answer_deadline_s
        self.idle_timeout_s = idle_timeout_s
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._tokens: dict[_Entry, str] = {}
        self._kept_away: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()
        self.refusals: list[Refused] = []  # the last few hops refused (for tests and logs)
        relay = self

        class Handler(_Handler):
            owner = relay

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1},
                                        name="media-relay", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def keep_away_from_this_computer(self, url: str) -> None:
        """``url`` came from another device (a cast): when it is played, no hop (nor any
        HLS segment it names) may go to this computer's loopback."""
        with self._lock:
            self._kept_away[url.strip()] = None
            self._kept_away.move_to_end(url.strip())
            while len(self._kept_away) > MAX_KEPT_AWAY:
                self._kept_away.popitem(last=False)

    def local_url(self, url: str, *, public_chain: bool = False,
                  away_from_here: bool = False) -> str:
        """The loopback address to give libVLC for the remote ``url``."""
        with self._lock:
            away = away_from_here or url.strip() in self._kept_away
            entry = _Entry(url.strip(), public_chain, away)
            token = self._tokens.get(entry)
            if token is None:
                token = secrets.token_urlsafe(12)
                self._tokens[entry] = token
                self._entries[token] = entry
                while len(self._entries) > MAX_ENTRIES:
                    _, old = self._entries.popitem(last=False)
                    self._tokens.pop(old, None)
            else:
                self._entries.move_to_end(token)
        name = _last_name(entry.url)
        return f"http://127.0.0.1:{self.port}/m/{token}/{name}"

    def entry(self, token: str) -> _Entry | None:
        with self._lock:
            return self._entries.get(token)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _last_name(url: str) -> str:
    try:
        path = urllib.parse.urlsplit(url).path
    except ValueError:
        return "media"
    name = path.rstrip("/").rsplit("/", 1)[-1] or "media"
    # The name only helps libVLC guess the format (".m3u8", ".mp4"); keep it plain.
    return urllib.parse.quote(name[-80:], safe="._-%")


class _Handler(BaseHTTPRequestHandler):
    owner: MediaRelay
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self._relay("HEAD")

    def do_GET(self) -> None:
        self._relay("GET")

    def _relay(self, method: str) -> None:
        parts = self.path.split("/")
        entry = self.owner.entry(parts[2]) if len(parts) >= 3 and parts[1] == "m" else None
        if entry is None:
            self._fail(404, "unknown")
            return
        headers = {}
        if self.headers.get("Range"):
            headers["Range"] = self.headers["Range"]
        policy = replace(current_policy(), refuse_this_computer=True) \
            if entry.away_from_here else None
        try:
            opened = open_checked(entry.url, deadline_s=self.owner.answer_deadline_s,
                                  public_chain=entry.public_chain, method=method,
                                  headers=headers, policy=policy)
        except Refused as refused:
            self.owner.refusals.append(refused)
            del self.owner.refusals[:-20]
            self._fail(403, f"refused: {refused.code}")
            return
        except TimeoutError:
            self._fail(504, "no answer in time")
            return
        except (OSError, http.client.HTTPException, ValueError):
            self._fail(502, "unreachable")
            return
        with opened:
            content_type = opened.headers.get_content_type().casefold()
            if method == "GET" and opened.status == 200 and (
                    any(t in content_type for t in _HLS_TYPES)
                    or _last_name(opened.url).casefold().endswith(".m3u8")):
                self._playlist(opened, entry.away_from_here)
                return
            self.send_response(opened.status)
            for name in _PASSED_HEADERS:
                value = opened.headers.get(name)
                if value:
                    self.send_header(name, value)
            if not opened.headers.get("Content-Length"):
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if method == "HEAD":
                return
            opened.stream_without_deadline(self.owner.idle_timeout_s)
            try:
                while chunk := opened.read1(_CHUNK):
                    self.wfile.write(chunk)
            except (OSError, http.client.HTTPException, ValueError):
                self.close_connection = True  # the player hung up, or the server went away

    def _playlist(self, opened: Opened, away_from_here: bool) -> None:
        try:
            body = opened.read_all(MAX_PLAYLIST_BYTES)
        except (OSError, ValueError, http.client.HTTPException):
            self._fail(502, "playlist not readable")
            return
        text = body.decode("utf-8", errors="replace")
        rewritten = rewrite_hls(text, opened.url, opened.hop.public_chain, self.owner,
                                away_from_here=away_from_here)
        data = rewritten.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.apple.mpegurl")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _fail(self, status: int, text: str) -> None:
        data = text.encode("ascii", "replace")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except OSError:
            self.close_connection = True


def rewrite_hls(text: str, base: str, public_chain: bool, relay: MediaRelay, *,
                away_from_here: bool = False) -> str:
    """``text`` with every address (segments, variants, keys, maps) pointing at the relay;
    addresses that are not http(s) after resolving are dropped."""

    def through(reference: str) -> str | None:
        try:
            absolute = urllib.parse.urljoin(base, reference.strip())
            scheme = urllib.parse.urlsplit(absolute).scheme.casefold()
        except ValueError:
            return None
        if scheme not in REMOTE_SCHEMES:
            return None
        return relay.local_url(absolute, public_chain=public_chain,
                               away_from_here=away_from_here)

    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            lines.append(line)
        elif stripped.startswith("#"):
            def attribute(match: re.Match[str]) -> str:
                target = through(match.group(1))
                return f'URI="{target}"' if target else 'URI=""'
            lines.append(_URI_ATTRIBUTE.sub(attribute, line))
        else:
            target = through(stripped)
            if target is not None:
                lines.append(target)
    return "\n".join(lines) + "\n"


_shared_lock = threading.Lock()


@functools.cache
def _shared_relay() -> MediaRelay:
    return MediaRelay()


def relay_url(url: str, *, public_chain: bool = False) -> str:
    """The loopback address for ``url`` from the process's one relay (started on first use)."""
    with _shared_lock:
        relay = _shared_relay()
    return relay.local_url(url, public_chain=public_chain)


def keep_away_from_this_computer(url: str) -> None:
    """Mark ``url`` (sent by another device) so that playing it never reaches this
    computer's loopback (``MediaRelay.keep_away_from_this_computer``)."""
    with _shared_lock:
        relay = _shared_relay()
    relay.keep_away_from_this_computer(url)
