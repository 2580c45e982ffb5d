"""Every request the app makes to the outside, checked at every hop.

``open_checked`` is the one way the player reaches an http(s) address: episodes (through
``player.net.relay``), playlists, manifests, subtitles, and casts. It

* follows redirects itself, one hop at a time, and only to http(s) addresses, so a
  ``302 Location: file:///…`` (or ``smb:``, ``vlc:``…) can never reach anything local;
* applies the private-network rule browsers follow: once a request chain has touched a
  public address (or started from a list fetched from one), no hop may go to loopback, a
  private network, link-local or unique-local addresses, IPv6 and IPv4-mapped forms
  included. The address checked is the one connected to (no second DNS lookup);
* keeps one overall deadline from connect to the last header byte (and, for
  ``read_all``, to the last body byte), never more than ``HARD_DEADLINE_S``: a server that
  trickles its answer one byte a second is cut off, not waited for.

What counts as "public" is ``ipaddress``'s ``is_global``; the only seam is
``NetworkPolicy.treat_as_public`` (tests name a loopback address such as ``127.0.0.2`` to
play a public server on this machine; ``SILVERREEL_TREAT_AS_PUBLIC`` does the same for
a whole process). Nothing here imports the app.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

REMOTE_SCHEMES = frozenset({"http", "https"})
MAX_REDIRECTS = 8
HARD_DEADLINE_S = 30.0
USER_AGENT = "SilverReel/0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_URL_SAFE = "/%:@!$&'()*+,;=-._~?#[]"
_PUBLIC_ENV = "SILVERREEL_TREAT_AS_PUBLIC"
_HOST = re.compile(r"[A-Za-z0-9._-]{1,253}|[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(Exception):
    """A hop the player will not take. ``code``: ``not_http`` (another scheme, e.g. a
    redirect to ``file:``), ``private`` (public → private network), ``this_computer``
    (loopback, under ``NetworkPolicy.refuse_this_computer``), ``redirects`` (too many),
    ``malformed`` (no valid host or port) or ``bad_address`` (a name that does not resolve)."""

    def __init__(self, code: str, url: str, detail: str = "") -> None:
        super().__init__(f"{code}: {url[:200]} {detail}".strip())
        self.code = code
        self.url = url
        self.detail = detail


@dataclass(frozen=True)
class NetworkPolicy:
    """Which addresses count as public; everything not ``is_global`` is private.

    ``refuse_this_computer``: no hop may go to this computer's loopback or the unspecified
    address (a cast sent by another device on the home network, which must not reach the
    services listening only on this computer).
    """

    treat_as_public: frozenset[str] = field(default_factory=frozenset)
    refuse_this_computer: bool = False

    def is_this_computer(self, address: IPAddress) -> bool:
        if str(address) in self.treat_as_public:
            return False
        if isinstance(address, ipaddress.IPv6Address):
            mapped = address.ipv4_mapped or address.sixtofour or _nat64(address)
            if mapped is not None:
                return self.is_this_computer(mapped)
        return address.is_loopback or address.is_unspecified

    def is_private(self, address: IPAddress) -> bool:
        if str(address) in self.treat_as_public:
            return False
        if isinstance(address, ipaddress.IPv6Address):
            mapped = address.ipv4_mapped or address.sixtofour or _nat64(address)
            if mapped is not None:
                return self.is_private(mapped)
            if address.teredo is not None:
                return self.is_private(address.teredo[1])
        return address.is_multicast or not address.is_global


def _nat64(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _policy_from_environment() -> NetworkPolicy:
    names = os.environ.get(_PUBLIC_ENV, "")
    return NetworkPolicy(frozenset(n.strip() for n in names.split(",") if n.strip()))


_policies = [_policy_from_environment()]  # the last one is in force


def current_policy() -> NetworkPolicy:
    return _policies[-1]


@contextmanager
def using_policy(policy: NetworkPolicy) -> Iterator[None]:
    """Run with ``policy`` (tests: a loopback address playing a public server)."""
    _policies.append(policy)
    try:
        yield
    finally:
        _policies.remove(policy)


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


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` names (a literal is its own answer)."""
    try:
        return [ipaddress.ip_address(host.split("%", 1)[0])]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


@dataclass(frozen=True)
class Hop:
    """One checked hop: where to connect, and whether the chain has now touched public."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[IPAddress, ...]
    public_chain: bool


def check_hop(url: str, *, public_chain: bool, policy: NetworkPolicy | None = None) -> Hop:
    """Check one address the player is about to reach; raises ``Refused``.

    ``public_chain``: whether an earlier hop (or the list that named this address) was
    public. This is the mechanism every remote fetch and the cast receiver share.
    """
    policy = policy or current_policy()
    try:
        parts = urllib.parse.urlsplit(url.strip())
        scheme = parts.scheme.casefold()
        host = parts.hostname or ""
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as error:
        raise Refused("malformed", url, str(error)) from None
    if scheme not in REMOTE_SCHEMES:
        raise Refused("not_http", url, scheme or "no scheme")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as error:
        raise Refused("malformed", url, str(error)) from None
    if not _HOST.fullmatch(ascii_host):
        raise Refused("malformed", url, "no valid host")
    try:
        addresses = resolve(ascii_host, port)
    except (OSError, UnicodeError) as error:
        raise Refused("bad_address", url, str(error)) from None
    if not addresses:
        raise Refused("bad_address", url, "no address")
    if policy.refuse_this_computer:
        local = [a for a in addresses if policy.is_this_computer(a)]
        if local:
            raise Refused("this_computer", url, str(local[0]))
    private = [a for a in addresses if policy.is_private(a)]
    if public_chain and private:
        raise Refused("private", url, str(private[0]))
    public_now = public_chain or len(private) < len(addresses)
    return Hop(url, scheme, ascii_host, port, tuple(addresses), public_now)


def is_public_location(url: str, policy: NetworkPolicy | None = None) -> bool:
    """Whether ``url``'s host is on the public internet (any resolved address is public)."""
    try:
        return check_hop(url, public_chain=False, policy=policy).public_chain
    except Refused:
        return False


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
                    raise Refused("bad_address", location, str(error)) from None
                public_chain = hop.public_chain
                if response.status == 303:
                    method = "GET"
                continue
            return Opened(hop, connection, response, watchdog, redirects)
        raise Refused("redirects", current, f"more than {max_redirects}")
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
