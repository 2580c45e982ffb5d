"""A real control point playing the phone: async-upnp-client's Python API on its own loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

from async_upnp_client.aiohttp import AiohttpNotifyServer, AiohttpRequester
from async_upnp_client.client import UpnpDevice, UpnpService, UpnpStateVariable
from async_upnp_client.client_factory import UpnpFactory
from async_upnp_client.profiles.dlna import DmrDevice
from async_upnp_client.search import async_search
from async_upnp_client.utils import CaseInsensitiveDict

T = TypeVar("T")
RENDERER = "urn:schemas-upnp-org:device:MediaRenderer:1"


class ControlPoint:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.requester = AiohttpRequester(timeout=10)
        self.events: list[tuple[str, str, str]] = []  # (service id, variable, value)
        self.dmr: DmrDevice | None = None
        self.device: UpnpDevice | None = None
        self._notify: AiohttpNotifyServer | None = None

    def submit(self, coroutine: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    async def search(self, timeout: int = 3) -> list[str]:
        found: list[str] = []

        async def on_response(headers: CaseInsensitiveDict) -> None:
            location = headers.get("location")
            if location and location not in found:
                found.append(location)

        await async_search(on_response, timeout=timeout, search_target=RENDERER,
                           source=("127.0.0.1", 0))
        return found

    async def connect(self, location: str) -> DmrDevice:
        self.device = await UpnpFactory(self.requester).async_create_device(location)
        self._notify = AiohttpNotifyServer(self.requester, source=("127.0.0.1", 0))
        await self._notify.async_start_server()
        dmr = DmrDevice(self.device, self._notify.event_handler)

        def on_event(service: UpnpService, variables: list[UpnpStateVariable]) -> None:
            for variable in variables:
                self.events.append((service.service_id, variable.name, str(variable.value)))

        dmr.on_event = on_event
        await dmr.async_subscribe_services(auto_resubscribe=False)
        self.dmr = dmr
        return dmr

    def evented(self, name: str) -> list[str]:
        return [value for _service, variable, value in list(self.events) if variable == name]

    async def close(self) -> None:
        if self.dmr is not None:
            await self.dmr.async_unsubscribe_services()
        if self._notify is not None:
            await self._notify.async_stop_server()

    def shutdown(self) -> None:
        try:
            self.submit(self.close()).result(timeout=10)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=5)
