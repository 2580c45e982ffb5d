"""A home media server's description address read into series, never raising.

``read_media_server`` creates the UPnP device from its description address
(``http://host:port/rootDesc.xml``) with async-upnp-client (``UpnpFactory``), checks that it
is a media server, walks its ContentDirectory (``browse``) within ``TOTAL_TIMEOUT_S`` and
turns every failure into a problem a family member can read.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from xml.etree import ElementTree

from async_upnp_client.client import UpnpDevice
from async_upnp_client.client_factory import UpnpFactory
from async_upnp_client.exceptions import (
    UpnpConnectionError,
    UpnpConnectionTimeoutError,
    UpnpError,
)
from async_upnp_client.profiles.dlna import DmsDevice
from async_upnp_client.profiles.profile import find_device_of_type

from player.library.mediaserver.browse import Walk
from player.library.mediaserver.requester import REQUEST_TIMEOUT_S, BoundedRequester, GuardRefused
from player.library.model import Series, SourceProblem
from player.library.problems import ProblemCode, problem
from player.library.references import PrivateNetworkRule
from player.locations import is_remote
from player.net.refusals import RefusedCode

MEDIA_SERVER_TYPE = "urn:schemas-upnp-org:device:MediaServer:1"
TOTAL_TIMEOUT_S = 30.0
_CONTENT_DIRECTORY = "urn:upnp-org:serviceId:ContentDirectory"


def looks_like_device_description(data: bytes) -> bool:
    """Whether fetched bytes are a UPnP device description (the root of a UPnP device)."""
    head = data[:4096]
    return b"urn:schemas-upnp-org:device-1-0" in head and b"<root" in head


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
    if refused.code == RefusedCode.PRIVATE:
        return problem(ProblemCode.REFUSED_PRIVATE, location, detail)
    if refused.code == RefusedCode.NOT_HTTP:
        return problem(ProblemCode.REFUSED_LOCAL, location, detail)
    if refused.code == RefusedCode.BAD_ADDRESS:
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
    walk = Walk(server, location, device.friendly_name or _host_title(location),
                 deadline=time.monotonic() + timeout,
                 rule=PrivateNetworkRule(requester.public_chain))
    await walk.run()
    return walk.series()
