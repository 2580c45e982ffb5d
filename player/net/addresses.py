"""Which addresses a request may reach: the check every hop of every outside request passes.

``check_hop`` takes one address the player is about to reach and says where to connect, or
raises ``Refused``. It

* accepts only http(s) addresses, so a ``file:`` (or ``smb:``, ``vlc:``…) address can never
  reach anything local;
* applies the private-network rule browsers follow: once a request chain has touched a
  public address (or started from a list fetched from one), no hop may go to loopback, a
  private network, link-local or unique-local addresses, IPv6 and IPv4-mapped forms
  included. The addresses returned are the ones to connect to (no second DNS lookup).

What counts as "public" is ``ipaddress``'s ``is_global``; the only seam is
``NetworkPolicy.treat_as_public`` (tests name a loopback address such as ``127.0.0.2`` to
play a public server on this machine; ``SILVERREEL_TREAT_AS_PUBLIC`` does the same for
a whole process). The guarded opener (``player.net.guard``) checks each redirect hop here;
media servers and list entries are checked here directly. Nothing here imports the app.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from player.net.refusals import RefusedCode

REMOTE_SCHEMES = frozenset({"http", "https"})
_PUBLIC_ENV = "SILVERREEL_TREAT_AS_PUBLIC"
_HOST = re.compile(r"[A-Za-z0-9._-]{1,253}|[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class Refused(Exception):
    """A hop the player will not take; ``code`` says why (``RefusedCode``)."""

    def __init__(self, code: RefusedCode, url: str, detail: str = "") -> None:
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
        raise Refused(RefusedCode.MALFORMED, url, str(error)) from None
    if scheme not in REMOTE_SCHEMES:
        raise Refused(RefusedCode.NOT_HTTP, url, scheme or "no scheme")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError as error:
        raise Refused(RefusedCode.MALFORMED, url, str(error)) from None
    if not _HOST.fullmatch(ascii_host):
        raise Refused(RefusedCode.MALFORMED, url, "no valid host")
    try:
        addresses = resolve(ascii_host, port)
    except (OSError, UnicodeError) as error:
        raise Refused(RefusedCode.BAD_ADDRESS, url, str(error)) from None
    if not addresses:
        raise Refused(RefusedCode.BAD_ADDRESS, url, "no address")
    if policy.refuse_this_computer:
        local = [a for a in addresses if policy.is_this_computer(a)]
        if local:
            raise Refused(RefusedCode.THIS_COMPUTER, url, str(local[0]))
    private = [a for a in addresses if policy.is_private(a)]
    if public_chain and private:
        raise Refused(RefusedCode.PRIVATE, url, str(private[0]))
    public_now = public_chain or len(private) < len(addresses)
    return Hop(url, scheme, ascii_host, port, tuple(addresses), public_now)
