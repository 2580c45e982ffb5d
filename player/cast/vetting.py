"""Whether a cast address may be played: http(s) only, at every redirect hop.

A cast comes from any phone on the home network, so its address is untrusted. This module is
the one place that decides; ``vet_cast_uri`` is meant to be extended (issue 14: the same
rules for every redirect hop of every remote list). It follows redirects itself with bounded
HEAD requests (a GET of one byte when HEAD is refused), so an address that redirects to
``file:`` or ``smb:`` is refused before libVLC ever sees it, and the player is given the
final http(s) address, not the one that redirects.
"""

from __future__ import annotations

import enum
import http.client
import ssl
import time
import urllib.parse
from dataclasses import dataclass

MAX_URI_CHARS = 8192
MAX_HOPS = 5
HOP_TIMEOUT_S = 4.0
TOTAL_TIMEOUT_S = 8.0
_ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_GONE = frozenset({404, 410})


class Refusal(enum.StrEnum):
    """Why a cast address is refused; the names go into the event log (``cast_refused``)."""

    NOT_HTTP = "not_http"  # file:, a local path, smb:, rtsp:… — nothing local is opened
    REDIRECT_NOT_HTTP = "redirect_not_http"  # an http(s) address that leads elsewhere
    TOO_MANY_REDIRECTS = "too_many_redirects"
    MALFORMED = "malformed"  # empty, too long, no host, control characters
    UNREACHABLE = "unreachable"  # no answer within the time allowed
    NOT_FOUND = "not_found"  # the server says there is nothing there


@dataclass(frozen=True)
class Verdict:
    """``location`` is what to play (the last hop) when ``refusal`` is None."""

    location: str
    refusal: Refusal | None = None
    detail: str = ""

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def _scheme_problem(uri: str) -> Refusal | None:
    if not uri or len(uri) > MAX_URI_CHARS or any(ord(c) < 0x21 or c == "\x7f" for c in uri):
        return Refusal.MALFORMED
    try:
        parts = urllib.parse.urlsplit(uri)
    except ValueError:
        return Refusal.MALFORMED
    if parts.scheme.casefold() not in _ALLOWED_SCHEMES:
        return Refusal.NOT_HTTP
    try:
        if not parts.hostname or parts.port == 0:
            return Refusal.MALFORMED
    except ValueError:  # a port that is not a number
        return Refusal.MALFORMED
    return None


def _ask(uri: str, method: str, timeout_s: float) -> tuple[int, str | None]:
    """One request, no redirects followed: (status, Location header)."""
    parts = urllib.parse.urlsplit(uri)
    connection: http.client.HTTPConnection
    if parts.scheme.casefold() == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname or "", parts.port, timeout=timeout_s,
            context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port,
                                                timeout=timeout_s)
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    headers = {"User-Agent": "SilverReel-cast-check/1", "Accept": "*/*"}
    if method == "GET":
        headers["Range"] = "bytes=0-0"
    try:
        connection.request(method, target, headers=headers)
        response = connection.getresponse()
        location = response.getheader("Location")
        response.close()  # the body is never read
        return response.status, location
    finally:
        connection.close()


def vet_cast_uri(uri: str, *, max_hops: int = MAX_HOPS, hop_timeout_s: float = HOP_TIMEOUT_S,
                 total_timeout_s: float = TOTAL_TIMEOUT_S) -> Verdict:
    """Check ``uri`` and each address it redirects to; never opens anything local.

    Blocking (network): call it off the GUI thread. Bounded: at most ``max_hops`` redirects,
    each request at most ``hop_timeout_s``, all of it at most about ``total_timeout_s``.
    """
    uri = uri.strip()
    problem = _scheme_problem(uri)
    if problem is not None:
        return Verdict(uri, problem, "the address itself")
    deadline = time.monotonic() + total_timeout_s
    current = uri
    for _hop in range(max_hops + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return Verdict(current, Refusal.UNREACHABLE, "checking took too long")
        timeout = min(hop_timeout_s, remaining)
        try:
            status, location = _ask(current, "HEAD", timeout)
            if status in (405, 403, 501):  # some servers only answer GET
                status, location = _ask(current, "GET", timeout)
        except (OSError, http.client.HTTPException, ValueError) as error:
            return Verdict(current, Refusal.UNREACHABLE, type(error).__name__)
        if status in _REDIRECTS and location:
            following = urllib.parse.urljoin(current, location.strip())
            problem = _scheme_problem(following)
            if problem is Refusal.NOT_HTTP:
                return Verdict(following, Refusal.REDIRECT_NOT_HTTP, f"{current} -> {following}")
            if problem is not None:
                return Verdict(following, problem, f"redirect from {current}")
            current = following
            continue
        if status in _GONE:
            return Verdict(current, Refusal.NOT_FOUND, f"HTTP {status}")
        return Verdict(current)
    return Verdict(current, Refusal.TOO_MANY_REDIRECTS, f"more than {max_hops}")
