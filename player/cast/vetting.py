"""Whether a cast address may be played: http(s) only at every redirect hop, and a public
address never leads into the home network.

A cast comes from any phone on the home network, so its address is untrusted. The checking
itself is ``player.net.guard`` (the one implementation every outside request of the app
uses): ``vet_cast_uri`` only asks it, with a bounded HEAD request (a GET of one byte when
HEAD is refused), and turns its answer into a cast ``Refusal`` (event-log reason and UPnP
error). An address that redirects to ``file:`` or ``smb:`` is refused before libVLC ever
sees it, and the player is given the final http(s) address, not the one that redirects.

Which network policy applies to a cast (docs/casting.md, docs/security.md): the phone is on
the home network and the family allowed it, so a cast *starts* as a home-network chain
(``public_chain=False``): a phone casting a file it serves itself on the LAN plays. The
guard's public-chain rule then applies from the first hop that is public: a public cast
address (a CDN) may redirect to other public addresses, never back into the home network or
to this computer (``Refusal.REDIRECT_PRIVATE``). And only a cast sent from this very
computer may name its loopback (``Refusal.THIS_COMPUTER``): another device on the home
network must not reach the services that listen only on this computer.
"""

from __future__ import annotations

import dataclasses
import enum
import http.client
import ipaddress
import time
import urllib.parse
from dataclasses import dataclass

from player.net.addresses import NetworkPolicy, current_policy
from player.net.guard import Opened, Refused, open_checked
from player.net.refusals import RefusedCode

MAX_URI_CHARS = 8192
MAX_HOPS = 5
DEADLINE_S = 8.0  # for the whole check, every hop and both requests
_GONE = frozenset({404, 410})
_HEAD_REFUSED = frozenset({403, 405, 501})  # some servers only answer GET


class Refusal(enum.StrEnum):
    """Why a cast address is refused; the names go into the event log (``cast_refused``)."""

    NOT_HTTP = "not_http"  # file:, a local path, smb:, rtsp:… — nothing local is opened
    REDIRECT_NOT_HTTP = "redirect_not_http"  # an http(s) address that leads elsewhere
    REDIRECT_PRIVATE = "redirect_private"  # a public address that leads into the home network
    THIS_COMPUTER = "this_computer"  # another device naming this computer's loopback
    TOO_MANY_REDIRECTS = "too_many_redirects"
    MALFORMED = "malformed"  # empty, too long, no host, control characters
    UNREACHABLE = "unreachable"  # no answer within the time allowed, or a name that is unknown
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


def is_this_computer(address: str) -> bool:
    """Whether a request came from this computer's loopback (``address`` as the server saw
    it)."""
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _scheme_problem(uri: str) -> Refusal | None:
    """What is wrong with the address itself, before any request (None: nothing)."""
    if not uri or len(uri) > MAX_URI_CHARS or any(ord(c) < 0x21 or c == "\x7f" for c in uri):
        return Refusal.MALFORMED
    try:
        parts = urllib.parse.urlsplit(uri)
    except ValueError:
        return Refusal.MALFORMED
    if parts.scheme.casefold() not in ("http", "https"):
        return Refusal.NOT_HTTP
    try:
        if not parts.hostname or parts.port == 0:
            return Refusal.MALFORMED
    except ValueError:  # a port that is not a number
        return Refusal.MALFORMED
    return None


# The guard's codes for a hop it will not take, as cast refusals (the first address itself
# was checked by ``_scheme_problem``, so a refused scheme is always a redirect's).
_REFUSED = {
    RefusedCode.NOT_HTTP: Refusal.REDIRECT_NOT_HTTP,
    RefusedCode.PRIVATE: Refusal.REDIRECT_PRIVATE,
    RefusedCode.THIS_COMPUTER: Refusal.THIS_COMPUTER,
    RefusedCode.REDIRECTS: Refusal.TOO_MANY_REDIRECTS,
    RefusedCode.MALFORMED: Refusal.MALFORMED,
    RefusedCode.BAD_ADDRESS: Refusal.UNREACHABLE,
}


def _ask(uri: str, method: str, deadline: float, max_hops: int,
         policy: NetworkPolicy | None) -> tuple[int, str]:
    """(status, last hop) of one checked request; the body is never read."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("checking took too long")
    headers = {"Accept": "*/*"}
    if method == "GET":
        headers["Range"] = "bytes=0-0"
    opened: Opened = open_checked(uri, deadline_s=remaining, public_chain=False, method=method,
                                  headers=headers, policy=policy, max_redirects=max_hops)
    with opened:
        return opened.status, opened.url


def vet_cast_uri(uri: str, *, caller: str = "", max_hops: int = MAX_HOPS,
                 deadline_s: float = DEADLINE_S, policy: NetworkPolicy | None = None) -> Verdict:
    """Check ``uri`` and each address it redirects to; never opens anything local.

    ``caller``: the IP address the cast came from. Unless that is this computer's loopback,
    no hop may go to this computer's loopback (``Refusal.THIS_COMPUTER``). Blocking
    (network): call it off the GUI thread. Bounded: at most ``max_hops`` redirects and
    ``deadline_s`` for all of it (the guard's one deadline, connect to last header).
    ``policy``: which addresses count as public (tests); the guard's default otherwise.
    """
    uri = uri.strip()
    problem = _scheme_problem(uri)
    if problem is not None:
        return Verdict(uri, problem, "the address itself")
    policy = policy or current_policy()
    if not is_this_computer(caller):
        policy = dataclasses.replace(policy, refuse_this_computer=True)
    deadline = time.monotonic() + deadline_s
    try:
        status, location = _ask(uri, "HEAD", deadline, max_hops, policy)
        if status in _HEAD_REFUSED:
            status, location = _ask(uri, "GET", deadline, max_hops, policy)
    except Refused as refused:
        return Verdict(refused.url, _REFUSED.get(refused.code, Refusal.MALFORMED),
                       f"{refused.code}: {refused.detail}"[:300])
    except TimeoutError:
        return Verdict(uri, Refusal.UNREACHABLE, "checking took too long")
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Verdict(uri, Refusal.UNREACHABLE, type(error).__name__)
    if status in _GONE:
        return Verdict(location, Refusal.NOT_FOUND, f"HTTP {status}")
    return Verdict(location)
