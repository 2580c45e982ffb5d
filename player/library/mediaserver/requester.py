"""HTTP for async-upnp-client towards a media server: capped, timed, every address checked.

``BoundedRequester`` is the transport both reading a server and discovery use: each answer
is capped at ``MAX_RESPONSE_BYTES`` and each request timed, redirects are not followed, and
every address is first checked with ``player.net.addresses.check_hop`` and then connected to
exactly as checked (``_CheckedAddresses``). A refused address is a ``GuardRefused``.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Mapping

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from async_upnp_client.client import UpnpRequester
from async_upnp_client.const import HttpRequest, HttpResponse
from async_upnp_client.exceptions import (
    UpnpCommunicationError,
    UpnpConnectionError,
    UpnpConnectionTimeoutError,
)

from player.locations import is_remote
from player.net.addresses import Hop, Refused, check_hop
from player.net.refusals import RefusedCode

# Bounds on what one server may make the player do.
REQUEST_TIMEOUT_S = 8.0
MAX_RESPONSE_BYTES = 8 * 1024 * 1024


class GuardRefused(UpnpCommunicationError):
    """A request ``player.net.addresses.check_hop`` refuses (``code`` as in ``Refused``)."""

    def __init__(self, refused: Refused) -> None:
        super().__init__(str(refused))
        self.code = refused.code
        self.url = refused.url


class _CheckedAddresses(AbstractResolver):
    """Hands aiohttp exactly the addresses ``check_hop`` checked (no second DNS lookup that
    a rebinding name server could answer differently)."""

    def __init__(self, hop: Hop) -> None:
        self._hop = hop

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        return [ResolveResult(hostname=host, host=str(address), port=port,
                              family=socket.AF_INET6 if address.version == 6
                              else socket.AF_INET,
                              proto=0, flags=socket.AI_NUMERICHOST)
                for address in self._hop.addresses]

    async def close(self) -> None:
        return None


class BoundedRequester(UpnpRequester):
    """HTTP for async-upnp-client with a cap on every answer and no redirects.

    async-upnp-client's own ``AiohttpRequester`` reads answers whole; a media server's
    answers are untrusted, so this one stops reading at ``MAX_RESPONSE_BYTES``, each request
    (connect to last byte) within ``timeout``. Every address asked is checked first with
    ``player.net.addresses.check_hop`` (the rules every outside request of the app follows):
    http(s) only, and once the server has been found on the public internet no request
    (the control addresses its description names) may go to the home network or this
    computer. Redirects are not followed at all: a 3xx is an error answer to the UPnP client.
    This stays on aiohttp (async-upnp-client's transport) rather than the guard's
    http.client, so the UPnP library is used as it is meant to be.
    """

    def __init__(self, timeout: float = REQUEST_TIMEOUT_S,
                 max_bytes: int = MAX_RESPONSE_BYTES, *, public_chain: bool = False) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._max_bytes = max_bytes
        self.public_chain = public_chain  # becomes True at the first public address

    async def async_http_request(self, http_request: HttpRequest) -> HttpResponse:
        if not is_remote(http_request.url):
            raise GuardRefused(Refused(RefusedCode.NOT_HTTP, http_request.url, "not http(s)"))
        try:
            hop = await asyncio.to_thread(check_hop, http_request.url,
                                          public_chain=self.public_chain)
        except Refused as refused:
            raise GuardRefused(refused) from None
        self.public_chain = hop.public_chain
        headers: Mapping[str, str] = {"User-Agent": "SilverReel/0.1",
                                      **(http_request.headers or {})}
        connector = aiohttp.TCPConnector(resolver=_CheckedAddresses(hop))
        try:
            async with aiohttp.ClientSession(timeout=self._timeout, connector=connector) \
                    as session, \
                    session.request(http_request.method, http_request.url, headers=headers,
                                    data=http_request.body, allow_redirects=False) as response:
                declared = response.content_length
                if declared is not None and declared > self._max_bytes:
                    raise UpnpCommunicationError(f"answer too large ({declared} bytes)")
                body = await self._read_body(response)
                # The declared charset (an unknown one is a LookupError), else UTF-8; not
                # get_encoding(), which wants a body read by aiohttp itself.
                text = body.decode(response.charset or "utf-8", errors="replace")
                return HttpResponse(response.status, dict(response.headers), text)
        except TimeoutError as error:
            raise UpnpConnectionTimeoutError(repr(error)) from error
        except aiohttp.ClientConnectionError as error:
            raise UpnpConnectionError(repr(error)) from error
        except (aiohttp.ClientError, LookupError) as error:
            raise UpnpCommunicationError(repr(error)) from error

    async def _read_body(self, response: aiohttp.ClientResponse) -> bytes:
        # StreamReader.read(n) returns what has arrived (up to n), not n bytes: read on to
        # the end, and stop one byte past the cap.
        chunks: list[bytes] = []
        size = 0
        while chunk := await response.content.read(min(256 * 1024, self._max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > self._max_bytes:
                raise UpnpCommunicationError("answer too large")
        return b"".join(chunks)
