"""Media servers on the home network found by SSDP M-SEARCH, by name.

async-upnp-client's ``async_search`` asks; each answer's description is read through
``BoundedRequester`` (small answers only) and kept if it is a media server. Runs its own
asyncio loop and blocks the calling thread: call it off the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from xml.etree import ElementTree

from async_upnp_client.client_factory import UpnpFactory
from async_upnp_client.exceptions import UpnpError
from async_upnp_client.search import async_search

from player.library.mediaserver.reading import MEDIA_SERVER_TYPE, is_media_server
from player.library.mediaserver.requester import REQUEST_TIMEOUT_S, BoundedRequester
from player.library.natural import natural_key
from player.locations import is_remote

log = logging.getLogger(__package__)  # the media server's one log name


@dataclass(frozen=True)
class FoundServer:
    """A media server that answered the search."""

    name: str  # the server's friendly name, e.g. "家里的NAS"
    location: str  # its description address


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
