"""The cast receiver's network side: its own thread and asyncio loop, bounded and timed.

``CastServer.start`` brings up the UPnP device (HTTP description, SOAP control, GENA
eventing) and SSDP (answers to M-SEARCH, ssdp:alive NOTIFY, ssdp:byebye on stop) through
async-upnp-client's ``UpnpServer``. Requests are bounded: a body larger than
``MAX_BODY_BYTES`` is refused from its Content-Length before it is read, and each request
has ``REQUEST_TIMEOUT_S`` in all, so a slow or never-ending client only ties up itself.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
import uuid
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import async_upnp_client.server as upnp
from aiohttp import web
from async_upnp_client.server import UpnpServer, UpnpServerDevice
from async_upnp_client.ssdp import build_ssdp_packet

from player.cast.actions import current_device
from player.cast.bridge import CastBridge, Snapshot
from player.cast.device import renderer_device_class
from player.cast.eventing import publish_last_change
from player.cast.metadata import device_of
from player.cast.vetting import vet_cast_uri

MAX_BODY_BYTES = 64 * 1024  # a SOAP call with its DIDL-Lite metadata is a few kilobytes
REQUEST_TIMEOUT_S = 10.0
START_TIMEOUT_S = 10.0
EVENT_INTERVAL_S = 0.2  # AVTransport:1 / RenderingControl:1: LastChange at most 5 times a second
_LOG = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _bounded(request: web.Request, handler: Handler) -> web.StreamResponse:
    length = request.content_length
    if length is not None and length > MAX_BODY_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY_BYTES, actual_size=length)
    peer = request.remote or "?"
    current_device.set(device_of(peer, request.headers))
    try:
        return await asyncio.wait_for(handler(request), REQUEST_TIMEOUT_S)
    except TimeoutError:
        raise web.HTTPRequestTimeout() from None
    except web.HTTPException:
        raise
    except Exception as error:  # a malformed request never takes the server down
        _LOG.debug("cast request failed: %r", error)
        raise web.HTTPBadRequest(reason="Bad request") from None


class _BoundedUpnpServer(UpnpServer):
    """``UpnpServer`` with a request size limit, per-request time-outs, the caller's identity
    for each request, and an already-bound port (the library would otherwise pick 8080).

    The routes are the library's own handlers; only the aiohttp application around them
    differs, which the library does not let a caller configure.
    """

    listening: socket.socket
    ssdp = True
    _runner: web.AppRunner | None = None

    async def async_start(self) -> None:
        self._create_device()
        await self._async_start_http_server()
        if self.ssdp:
            await self._async_start_ssdp()
            self._announce_everything()

    def _announce_everything(self) -> None:
        """ssdp:alive for the root device, its uuid, MediaRenderer:1 and each service, now.

        The library's announcer sends one of these every 30 s in turn, so a phone listening
        for MediaRenderer:1 could wait a minute; UPnP asks for all of them at start. The
        packets are the library's own (its advertisement builder and packet format).
        """
        announcer, device = self._advertisement_announcer, self._device
        transport = getattr(announcer, "_transport", None)
        if announcer is None or device is None or transport is None:
            return
        protocol = transport.get_protocol()
        for headers in upnp._build_advertisements(announcer.target, device):
            protocol.send_ssdp_packet(build_ssdp_packet("NOTIFY * HTTP/1.1", headers),
                                      announcer.target)

    async def _async_start_http_server(self) -> None:
        device = self._device
        assert device is not None
        app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_bounded])
        app.router.add_get(device.device_url, partial(upnp.to_xml, device))
        for service in device.all_services:
            assert isinstance(service, upnp.UpnpServerService)
            definition = service.SERVICE_DEFINITION
            app.router.add_get(definition.scpd_url, partial(upnp.to_xml, service))
            app.router.add_post(definition.control_url, partial(upnp.action_handler, service))
            app.router.add_route("SUBSCRIBE", definition.event_sub_url,
                                 partial(upnp.subscribe_handler, service))
            app.router.add_route("UNSUBSCRIBE", definition.event_sub_url,
                                 partial(upnp.unsubscribe_handler, service))
        # No handler cancellation: SUBSCRIBE keeps working after its reply is sent (the
        # library sends the first event, then records the subscriber).
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        self._runner = runner
        site = web.SockSite(runner, self.listening)
        await site.start()
        self._site = site  # type: ignore[assignment]  # stopped by the library like its own

    async def async_stop(self) -> None:
        await super().async_stop()
        if self._runner is not None:  # closes open connections too, even a stuck one
            await self._runner.cleanup()


def stable_udn(seed: str) -> str:
    """The same device id on every start, so phones recognise the TV they used before."""
    return f"uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'silverreel-cast:' + seed)}"


def lan_address() -> str:
    """The IPv4 address phones reach this computer on (the default route's interface).

    ``connect`` on a UDP socket sends nothing; it only asks the kernel for the route. With
    no route (no network, or a test's private namespace) the loopback address is used.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never answered, never sent to
        return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


class CastServer:
    """The receiver's network side, on its own thread; ``stop`` says ssdp:byebye."""

    def __init__(self, bridge: CastBridge, friendly_name: str, udn: str,
                 address: str | None = None,
                 vet: Callable[..., Any] = vet_cast_uri, *, ssdp: bool = True) -> None:
        """``ssdp=False``: HTTP only (description, SOAP, GENA) and no multicast at all, for
        tests that may not leave the loopback without a private network namespace."""
        self._bridge = bridge
        self._friendly_name = friendly_name
        self._udn = udn
        self._address = address
        self._vet = vet
        self._ssdp = ssdp
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: _BoundedUpnpServer | None = None
        self._ready = threading.Event()
        self._stopped = threading.Event()
        self.problem: str | None = None
        self.description_url: str | None = None

    def start(self) -> bool:
        """Start and wait (briefly) until it listens; False with ``problem`` if it cannot."""
        self._thread = threading.Thread(target=self._run, name="cast-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            self.problem = self.problem or "timeout"
        return self.problem is None

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._thread is None:
            return
        self._stopped.set()
        self._thread.join(timeout=5)
        self._bridge.on_snapshot = lambda _old, _new: None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except Exception as error:
            self.problem = f"{type(error).__name__}: {error}"
            self._ready.set()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _serve(self) -> None:
        address = self._address or lan_address()
        listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((address, 0))
        listening.listen(64)
        port = listening.getsockname()[1]
        device_class = renderer_device_class(self._bridge, self._friendly_name, self._udn,
                                             self._vet)
        server = _BoundedUpnpServer(device_class, (address, 0), http_port=port,
                                    boot_id=int(time.time()) % 2**31)
        server.listening = listening
        server.ssdp = self._ssdp
        self._server = server
        await server.async_start()
        device = server._device
        assert device is not None
        self.description_url = f"{server.base_uri}{device.device_url}"
        loop = asyncio.get_running_loop()
        pending: list[asyncio.TimerHandle] = []
        last_sent = [0.0]

        def send() -> None:
            pending.clear()
            last_sent[0] = loop.time()
            _publish(device, self._bridge.snapshot)  # the newest state, not a queued one

        def changed() -> None:
            # LastChange at most every EVENT_INTERVAL_S, always ending on the newest state.
            if not pending:
                delay = max(0.0, last_sent[0] + EVENT_INTERVAL_S - loop.time())
                pending.append(loop.call_later(delay, send))

        def on_snapshot(_old: Snapshot, _new: Snapshot) -> None:
            loop.call_soon_threadsafe(changed)

        self._bridge.on_snapshot = on_snapshot
        send()
        self._ready.set()
        # The stop request arrives through a threading.Event, waited for without busy work.
        await loop.run_in_executor(None, self._stopped.wait)
        await server.async_stop()  # sends ssdp:byebye


def _publish(device: UpnpServerDevice, snapshot: Snapshot) -> None:
    try:
        publish_last_change(device, snapshot)
    except Exception as error:  # a value the library rejects must not stop the server
        _LOG.debug("LastChange not sent: %r", error)
