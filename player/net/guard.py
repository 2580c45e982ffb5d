"""Every request the app makes to the outside, checked at every hop.

``open_checked`` is the one way the player reaches an http(s) address: episodes (through
``player.net.relay``), playlists, manifests, subtitles, and casts. It

* follows redirects itself, one hop at a time, each hop checked by
  ``player.net.addresses.check_hop`` (http(s) only, so a ``302 Location: file:///…`` can
  never reach anything local; the private-network rule); the address checked is the one
  connected to (no second DNS lookup);
* keeps one overall deadline from connect to the last header byte (and, for
  ``read_all``, to the last body byte), never more than ``HARD_DEADLINE_S``: a server that
  trickles its answer one byte a second is cut off, not waited for.

A hop it will not take raises ``Refused`` (defined with the address rules, and named here
too because it is part of ``open_checked``'s answer). Nothing here imports the app.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Mapping
from contextlib import suppress

from player.net.addresses import Hop, NetworkPolicy, Refused, check_hop
from player.net.refusals import RefusedCode

__all__ = ["HARD_DEADLINE_S", "MAX_REDIRECTS", "USER_AGENT", "Opened", "Refused", "ascii_url",
           "open_checked"]

MAX_REDIRECTS = 8
HARD_DEADLINE_S = 30.0
USER_AGENT = "SilverReel/0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_URL_SAFE = "/%:@!$&'()*+,;=-._~?#[]"


def ascii_url(url: str) -> str:
    """``url`` with a non-ASCII host IDNA-encoded and other non-ASCII characters
    percent-encoded (urllib and http.client send the request line as ASCII)."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, _, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        netloc = (f"{userinfo}@" if userinfo else "") + host.encode("idna").decode() + colon + port
    return urllib.parse.urlunsplit((
        parts.scheme, netloc,
        urllib.parse.quote(parts.path, safe=_URL_SAFE),
        urllib.parse.quote(parts.query, safe=_URL_SAFE),
        "",  # the fragment is never sent
    ))


class _Watchdog:
    """Shuts the socket at the deadline, which ends any read that is waiting on it."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._sock = sock
            if self.fired and sock is not None:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._sock is not None:
                _shut(self._sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0 or self.fired:
            raise TimeoutError("deadline passed")
        return left


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class Opened:
    """An answered request after every redirect: status, headers, final URL, the body."""

    def __init__(self, hop: Hop, connection: http.client.HTTPConnection,
                 response: http.client.HTTPResponse, watchdog: _Watchdog,
                 redirects: int) -> None:
        self.url = hop.url
        self.hop = hop
        self.status = response.status
        self.reason = response.reason
        self.headers = response.headers
        self.redirects = redirects
        self._connection = connection
        self._response = response
        self._watchdog = watchdog

    def read1(self, size: int) -> bytes:
        try:
            data = self._response.read1(size)
        except (OSError, http.client.HTTPException, ValueError):
            if self._watchdog.fired:
                raise TimeoutError("not complete before the deadline") from None
            raise
        if not data and self._watchdog.fired:
            raise TimeoutError("not complete before the deadline")
        return data

    def read_all(self, max_bytes: int) -> bytes:
        """The whole body within the deadline; ``ValueError`` past ``max_bytes``."""
        chunks: list[bytes] = []
        size = 0
        while chunk := self.read1(64 * 1024):
            size += len(chunk)
            if size > max_bytes:
                raise ValueError(f"more than {max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def stream_without_deadline(self, idle_timeout: float) -> None:
        """For a long stream (an episode): drop the overall deadline, keep an idle timeout."""
        self._watchdog.cancel()
        sock = self._connection.sock
        if sock is not None and not self._watchdog.fired:
            sock.settimeout(idle_timeout)

    def close(self) -> None:
        self._watchdog.cancel()
        self._response.close()
        self._connection.close()

    def __enter__(self) -> Opened:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _connect(hop: Hop, watchdog: _Watchdog) -> http.client.HTTPConnection:
    timeout = watchdog.remaining()
    connection: http.client.HTTPConnection
    if hop.scheme == "https":
        connection = http.client.HTTPSConnection(
            hop.host, hop.port, timeout=timeout, context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(hop.host, hop.port, timeout=timeout)
    addresses = hop.addresses

    def create(address: tuple[str, int], timeout: float | None = None,
               source_address: tuple[str, int] | None = None) -> socket.socket:
        # Connect to exactly the addresses that were checked (no second lookup that a
        # rebinding DNS server could answer differently).
        last: OSError = OSError("no address")
        for candidate in addresses:
            try:
                sock = socket.create_connection((str(candidate), address[1]), timeout,
                                                source_address)
            except OSError as error:
                last = error
                continue
            watchdog.watch(sock)
            return sock
        raise last

    connection._create_connection = create  # type: ignore[attr-defined]
    return connection


def open_checked(
    url: str,
    *,
    deadline_s: float,
    public_chain: bool = False,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    policy: NetworkPolicy | None = None,
    max_redirects: int = MAX_REDIRECTS,
) -> Opened:
    """Send ``method`` to ``url`` and follow redirects, checking every hop (``check_hop``).

    Raises ``Refused`` for a hop the player will not take, ``TimeoutError`` when the answer
    (status and headers) is not complete within ``deadline_s`` (at most ``HARD_DEADLINE_S``)
    and ``OSError``/``http.client.HTTPException`` for network failures. Error statuses are
    returned, not raised. The deadline keeps running while the body is read; call
    ``stream_without_deadline`` to read a long stream.
    """
    watchdog = _Watchdog(time.monotonic() + min(deadline_s, HARD_DEADLINE_S))
    current = url.strip()
    try:
        for redirects in range(max_redirects + 1):
            hop = check_hop(current, public_chain=public_chain, policy=policy)
            connection = _connect(hop, watchdog)
            try:
                response = _send(connection, hop, method, headers)
                if watchdog.fired:
                    # Shutting the socket at the deadline ends a trickled header block
                    # early; what arrived is not a complete answer (a HEAD has no body
                    # whose read would notice).
                    raise TimeoutError("headers not complete before the deadline")
            except BaseException:
                connection.close()
                raise
            location = response.headers.get("Location")
            if response.status in _REDIRECTS and location:
                response.close()
                connection.close()
                try:
                    current = urllib.parse.urljoin(current, location.strip())
                except ValueError as error:
                    raise Refused(RefusedCode.BAD_ADDRESS, location, str(error)) from None
                public_chain = hop.public_chain
                if response.status == 303:
                    method = "GET"
                continue
            return Opened(hop, connection, response, watchdog, redirects)
        raise Refused(RefusedCode.REDIRECTS, current, f"more than {max_redirects}")
    except (OSError, http.client.HTTPException, ValueError):
        watchdog.cancel()
        if watchdog.fired:
            raise TimeoutError(f"no complete answer within {deadline_s:g} s") from None
        raise
    except BaseException:
        watchdog.cancel()
        raise


def _send(connection: http.client.HTTPConnection, hop: Hop, method: str,
          headers: Mapping[str, str] | None) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(ascii_url(hop.url))
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    sent.update(headers or {})
    connection.request(method, target, headers=sent)
    return connection.getresponse()
