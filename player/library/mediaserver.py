"""A home media server (MiniDLNA, a NAS, Jellyfin's DLNA plug-in) read as a library source.

Given its UPnP description address (``http://host:port/rootDesc.xml``), the server's
ContentDirectory is browsed with async-upnp-client (``UpnpFactory``, ``DmsDevice``) and its
DIDL-Lite answers are parsed by python-didl-lite: no SOAP or SSDP is written here. Each
folder holding videos becomes a series, in natural episode order; a subtitle resource of an
item (a ``res`` with a subtitle protocolInfo, Samsung's ``sec:CaptionInfoEx``/``CaptionInfo``,
or a sibling subtitle item of the same name) becomes the episode's subtitle; ``albumArtURI``
its cover.

What a server says is untrusted: every answer is capped in size, the whole walk in time,
depth, folders and items, and only http(s) addresses are accepted for episodes, subtitles and
covers (an item pointing at ``file:`` or ``smb:`` is skipped and named in the problems).
Servers list the same video in several views ("All Video", "Recently Added", "Folders"); a
reference item (``refID``) or a resource already placed in a series is not placed again, so
each video appears once, in the first folder the server lists it in.

``discover_media_servers`` finds servers by SSDP M-SEARCH (async-upnp-client's
``async_search``). Both run their own asyncio loop and block the calling thread: call them off
the GUI thread, like every other source.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.etree import ElementTree

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from async_upnp_client.client import UpnpDevice, UpnpRequester
from async_upnp_client.client_factory import UpnpFactory
from async_upnp_client.const import HttpRequest, HttpResponse
from async_upnp_client.exceptions import (
    UpnpCommunicationError,
    UpnpConnectionError,
    UpnpConnectionTimeoutError,
    UpnpError,
)
from async_upnp_client.profiles.dlna import DmsDevice
from async_upnp_client.profiles.profile import find_device_of_type
from async_upnp_client.search import async_search
from didl_lite import didl_lite

from player.library.media import SUBTITLE_EXTENSIONS, extension, name_key, stem
from player.library.model import Episode, Series, SourceProblem
from player.library.natural import natural_key
from player.library.problems import ProblemCode, problem
from player.library.references import PrivateNetworkRule
from player.locations import is_remote
from player.net.guard import Hop, Refused, check_hop

log = logging.getLogger(__name__)

MEDIA_SERVER_TYPE = "urn:schemas-upnp-org:device:MediaServer:1"
# Bounds on what one server may make the player do.
REQUEST_TIMEOUT_S = 8.0
TOTAL_TIMEOUT_S = 30.0
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 8
MAX_FOLDERS = 500
MAX_ITEMS = 20_000
PAGE = 200

_SUBTITLE_TYPES = frozenset({
    "text/srt", "application/x-subrip", "text/x-subrip", "text/vtt", "text/x-ssa",
    "text/x-ass", "application/x-ass", "application/x-ssa",
})  # fmt: skip
_SEC_NS = "http://www.sec.co.kr/"
_CONTENT_DIRECTORY = "urn:upnp-org:serviceId:ContentDirectory"


@dataclass(frozen=True)
class FoundServer:
    name: str  # the server's friendly name, e.g. "家里的NAS"
    location: str  # its description address


def looks_like_device_description(data: bytes) -> bool:
    """Whether fetched bytes are a UPnP device description (the root of a UPnP device)."""
    head = data[:4096]
    return b"urn:schemas-upnp-org:device-1-0" in head and b"<root" in head


# --- reading a server -------------------------------------------------------------------------

def read_media_server(location: str, *, timeout: float = TOTAL_TIMEOUT_S) -> list[Series]:
    """The series a media server offers. Never raises; problems are in ``Series.problems``."""
    location = location.strip()
    if not is_remote(location):
        return [_failed(location, problem(ProblemCode.UNSUPPORTED, location,
                                          "a media server is an http address"))]
    try:
        # The walk stops itself at ``timeout`` and keeps what it read; this is the hard stop
        # for a request that hangs past its own time-out.
        return asyncio.run(asyncio.wait_for(_read(location, timeout),
                                            timeout + REQUEST_TIMEOUT_S))
    except GuardRefused as refused:
        return [_failed(location, _refused_problem(location, refused))]
    except TimeoutError:
        return [_failed(location, problem(ProblemCode.TIMEOUT, location,
                                          f"not listed within {timeout:g} s"))]
    except UpnpConnectionTimeoutError:
        return [_failed(location, problem(ProblemCode.TIMEOUT, location, "no answer"))]
    except (UpnpConnectionError, OSError) as error:
        return [_failed(location, problem(ProblemCode.UNREACHABLE, location, str(error)))]
    except (UpnpError, ElementTree.ParseError, ValueError, KeyError, TypeError) as error:
        # Anything the server sent that is not what UPnP says it should be.
        return [_failed(location, problem(ProblemCode.UNSUPPORTED, location,
                                          f"not a usable media server: {error!r:.200}"))]


def _refused_problem(location: str, refused: GuardRefused) -> SourceProblem:
    detail = f"{refused.url[:200]} ({refused.code})"
    if refused.code == "private":
        return problem(ProblemCode.REFUSED_PRIVATE, location, detail)
    if refused.code == "not_http":
        return problem(ProblemCode.REFUSED_LOCAL, location, detail)
    if refused.code == "bad_address":
        return problem(ProblemCode.UNREACHABLE, location, detail)
    return problem(ProblemCode.UNSUPPORTED, location, detail)


def _failed(location: str, reason: SourceProblem) -> Series:
    return Series(title=_host_title(location), source=location, episodes=(), problems=(reason,))


def _host_title(location: str) -> str:
    return urllib.parse.urlsplit(location).hostname or location


def is_media_server(device: UpnpDevice) -> bool:
    """A MediaServer device (or one embedded) with a ContentDirectory: all Browse needs.

    Laxer than ``DmsDevice.is_profile_device``, which also wants a ConnectionManager that
    some NAS firmwares leave out.
    """
    try:
        server = find_device_of_type(device, DmsDevice.DEVICE_TYPES)
    except UpnpError:
        return False
    return any(service.service_id == _CONTENT_DIRECTORY for service in server.all_services)


async def _read(location: str, timeout: float) -> list[Series]:
    requester = BoundedRequester()
    device = await UpnpFactory(requester, non_strict=True).async_create_device(location)
    if not is_media_server(device):
        return [_failed(location, problem(ProblemCode.UNSUPPORTED, location,
                                          "not a media server"))]
    server = DmsDevice(device, None)
    # A server on the public internet may not send the player home (its episodes, subtitles
    # and covers are checked like the entries of a list fetched from a public address).
    walk = _Walk(server, location, device.friendly_name or _host_title(location),
                 deadline=time.monotonic() + timeout,
                 rule=PrivateNetworkRule(requester.public_chain))
    await walk.run()
    return walk.series()


@dataclass
class _Folder:
    path: tuple[str, ...]  # titles from the top, for a stable series key
    title: str
    videos: list[tuple[str, Episode, str | None]] = field(default_factory=list)  # title, ep, art
    subtitles: dict[str, str] = field(default_factory=dict)  # name key of stem -> url
    cover: str | None = None


class _Walk:
    def __init__(self, server: DmsDevice, location: str, name: str, deadline: float,
                 rule: PrivateNetworkRule | None = None) -> None:
        self._server = server
        self._rule = rule or PrivateNetworkRule(False)
        self._location = location
        self._name = name
        self._folders: list[_Folder] = []
        self._seen_resources: set[str] = set()
        self._browsed = 0
        self._items = 0
        self.problems: list[SourceProblem] = []
        self._deadline = deadline

    async def run(self) -> None:
        await self._folder("0", (), self._name, None, depth=0)

    async def _folder(self, object_id: str, path: tuple[str, ...], title: str,
                      cover: str | None, depth: int) -> None:
        if self._browsed >= MAX_FOLDERS:
            self._note(ProblemCode.TOO_LARGE, f"more than {MAX_FOLDERS} folders")
            return
        if time.monotonic() > self._deadline:
            self._note(ProblemCode.TIMEOUT, "listing stopped at its time limit")
            return
        self._browsed += 1
        folder = _Folder(path, title, cover=cover)
        self._folders.append(folder)
        children: list[tuple[str, str, str | None]] = []
        start = 0
        while True:
            if self._items >= MAX_ITEMS:
                self._note(ProblemCode.TOO_LARGE, f"more than {MAX_ITEMS} items")
                break
            page = await self._server.async_browse_direct_children(
                object_id, starting_index=start, requested_count=PAGE)
            for entry in page.result:
                if isinstance(entry, didl_lite.Container):
                    if entry.id and entry.id != object_id:
                        children.append((entry.id, _text(entry, "title") or entry.id,
                                         self._address(_text(entry, "album_art_uri"))))
                elif isinstance(entry, didl_lite.Item):
                    self._items += 1
                    self._item(folder, entry)
            returned = page.number_returned or len(page.result)
            start += returned
            if returned <= 0 or start >= page.total_matches:
                break
            if time.monotonic() > self._deadline:
                self._note(ProblemCode.TIMEOUT, "listing stopped at its time limit")
                break
        if depth + 1 > MAX_DEPTH:
            if children:
                self._note(ProblemCode.TOO_LARGE, f"folders deeper than {MAX_DEPTH} not read")
            return
        for child_id, child_title, child_cover in children:
            await self._folder(child_id, (*path, child_title), child_title, child_cover,
                               depth + 1)

    def _item(self, folder: _Folder, item: didl_lite.Item) -> None:
        title = _text(item, "title") or item.id or ""
        resources = list(getattr(item, "res", None) or [])
        video: str | None = None
        subtitle: str | None = None
        for resource in resources:
            mime = _mime(resource.protocol_info)
            uri = (resource.uri or "").strip()
            if not uri:
                continue
            if mime in _SUBTITLE_TYPES or extension(urllib.parse.urlsplit(uri).path) \
                    in SUBTITLE_EXTENSIONS:
                subtitle = subtitle or self._address(uri, title)
            elif video is None and mime.startswith("video/"):
                video = uri
        subtitle = subtitle or self._address(_caption_info(item), title)
        if video is None:
            if subtitle is not None:  # a sibling subtitle item ("第1集.srt")
                folder.subtitles.setdefault(name_key(stem(title)), subtitle)
            return
        if getattr(item, "ref_id", None):
            return  # a reference to an item listed in its own folder
        address = self._address(video, title)
        if address is None or address in self._seen_resources:
            return
        self._seen_resources.add(address)
        art = self._address(_text(item, "album_art_uri"))
        folder.videos.append((title, Episode(0, title, address, subtitle), art))

    def _address(self, uri: str | None, title: str | None = None) -> str | None:
        """``uri`` if it is an http(s) address; anything else is refused (and named)."""
        if not uri:
            return None
        uri = uri.strip()
        if is_remote(uri):
            refused = self._rule.problem_for(uri, title or self._location)
            if refused is None:
                return uri
            if title is not None:
                self.problems.append(refused)
            return None
        if title is not None:
            self.problems.append(problem(ProblemCode.REFUSED_LOCAL, f"{title}: {uri[:200]}"))
        return None

    def _note(self, code: ProblemCode, detail: str) -> None:
        if not any(p.code == code for p in self.problems):
            self.problems.append(problem(code, self._location, detail))

    def series(self) -> list[Series]:
        result: list[Series] = []
        for folder in self._folders:
            if not folder.videos:
                continue
            ordered = sorted(folder.videos, key=lambda v: natural_key(v[0]))
            episodes = tuple(
                Episode(number, episode.title, episode.location,
                        episode.subtitle or folder.subtitles.get(name_key(stem(title))))
                for number, (title, episode, _art) in enumerate(ordered, start=1)
            )
            cover = folder.cover or next((art for _t, _e, art in ordered if art), None)
            key = "/".join(folder.path)
            result.append(Series(title=folder.title, source=f"{self._location}#{key}",
                                 episodes=episodes, cover=cover))
        if not result:
            result.append(Series(title=self._name, source=self._location, episodes=(),
                                 problems=(problem(ProblemCode.EMPTY, self._location,
                                                   "no videos on this media server"),)))
        if self.problems:
            first = result[0]
            result[0] = Series(first.title, first.source, first.episodes, first.cover,
                               (*first.problems, *self.problems[:50]))
        return result


def _text(entry: didl_lite.DidlObject, name: str) -> str | None:
    value = getattr(entry, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _mime(protocol_info: str | None) -> str:
    # "http-get:*:video/mp4:DLNA.ORG_PN=…" → "video/mp4"
    parts = (protocol_info or "").split(":")
    return parts[2].strip().casefold() if len(parts) >= 3 else ""


def _caption_info(item: didl_lite.DidlObject) -> str | None:
    element = getattr(item, "xml_el", None)
    if element is None:
        return None
    for name in ("CaptionInfoEx", "CaptionInfo"):
        found = element.find(f"{{{_SEC_NS}}}{name}")
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None


class GuardRefused(UpnpCommunicationError):
    """A request ``player.net.guard.check_hop`` refuses (``code`` as in ``Refused``)."""

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
    ``player.net.guard.check_hop`` (the rules every outside request of the app follows):
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
            raise GuardRefused(Refused("not_http", http_request.url, "not http(s)"))
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


# --- discovery --------------------------------------------------------------------------------

def discover_media_servers(wait_s: float = 3.0, source_ip: str | None = None) -> list[FoundServer]:
    """Media servers answering an SSDP M-SEARCH within ``wait_s`` seconds, by name.

    Never raises (no network: an empty list). ``source_ip`` picks the interface to ask on.
    """
    try:
        return asyncio.run(asyncio.wait_for(_discover(wait_s, source_ip), wait_s + 10))
    except (OSError, TimeoutError, UpnpError) as error:
        log.info("media server discovery failed: %s", error)
        return []


def _answering_host(location: str, host: str) -> str:
    """MiniDLNA answers an M-SEARCH sent from an unbound socket with ``LOCATION:
    http://0.0.0.0:8200/…``; the address that answered is the one to use then."""
    try:
        parts = urllib.parse.urlsplit(location)
        if parts.hostname in ("0.0.0.0", "::") and host:
            netloc = f"[{host}]" if ":" in host else host
            if parts.port:
                netloc += f":{parts.port}"
            return urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return ""
    return location


async def _discover(wait_s: float, source_ip: str | None) -> list[FoundServer]:
    locations: list[str] = []

    async def found(headers: Mapping[str, str]) -> None:
        location = _answering_host(str(headers.get("location") or "").strip(),
                                   str(headers.get("_host") or ""))
        if is_remote(location) and location not in locations and len(locations) < 50:
            locations.append(location)

    await async_search(found, timeout=max(1, round(wait_s)), search_target=MEDIA_SERVER_TYPE,
                       source=(source_ip, 0) if source_ip else None)
    servers: list[FoundServer] = []
    factory = UpnpFactory(BoundedRequester(timeout=REQUEST_TIMEOUT_S, max_bytes=256 * 1024),
                          non_strict=True)
    for location in locations:
        try:
            device = await factory.async_create_device(location)
        except (UpnpError, ElementTree.ParseError, ValueError, OSError) as error:
            log.info("media server at %s unreadable: %s", location, error)
            continue
        if is_media_server(device):
            servers.append(FoundServer((device.friendly_name or location)[:80], location))
    return sorted(servers, key=lambda s: natural_key(s.name))
