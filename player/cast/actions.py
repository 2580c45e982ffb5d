"""What every SOAP action handler of the MediaRenderer shares.

The caller of the request being handled (``current_device``), the UPnP error codes a control
point understands, the service and state-variable declarations, and ``CastService``, the
base of the three services (``avtransport``, ``rendering_control``, ``connection_manager``):
every handler runs on the cast server's asyncio thread, reads only ``CastBridge`` and posts
what the viewer should see to it.

The service modules (and this one) do without ``from __future__ import annotations``:
async-upnp-client compares each action argument's annotation with the Python type of its
state variable (``int``, ``str``, ``bool``).
"""

import contextvars
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any, ClassVar

from async_upnp_client.const import ServiceInfo
from async_upnp_client.exceptions import UpnpActionError
from async_upnp_client.server import UpnpServerService, create_state_var

from player.cast.bridge import CastBridge, Command, Snapshot
from player.cast.metadata import Device
from player.cast.vetting import Verdict

# Who sent the request being handled (set by the server's middleware for each request).
current_device: contextvars.ContextVar[Device] = contextvars.ContextVar(
    "current_device", default=Device("?（?）", ""))  # noqa: B039 - Device is frozen

# UPnP error codes a control point understands (AVTransport:1 §2.4, UDA 1.1 §3.2.2).
ERROR_ACTION_FAILED = 501
ERROR_NOT_AUTHORIZED = 606
ERROR_TRANSITION_NOT_AVAILABLE = 701
ERROR_NO_CONTENTS = 702
ERROR_SEEK_MODE = 710
ERROR_SEEK_TARGET = 711
ERROR_ILLEGAL_MIME = 714
ERROR_RESOURCE_NOT_FOUND = 716

VetFunction = Callable[..., Verdict]  # (uri, *, caller=IP address) like vet_cast_uri


def action_error(code: int, text: str) -> UpnpActionError:
    """The SOAP fault a handler raises: ``code`` as above, ``text`` its UPnP description."""
    return UpnpActionError(error_code=code, error_desc=text)


def service_info(name: str) -> ServiceInfo:
    """The declaration of the UPnP service ``name`` (its id, type and addresses)."""
    return ServiceInfo(
        service_id=f"urn:upnp-org:serviceId:{name}",
        service_type=f"urn:schemas-upnp-org:service:{name}:1",
        control_url=f"/upnp/control/{name}",
        event_sub_url=f"/upnp/event/{name}",
        scpd_url=f"/upnp/{name}.xml",
        xml=ET.Element("server_service"),
    )


def string_var(default: str | None = "", allowed: list[str] | None = None) -> Any:
    """A string state variable, optionally limited to ``allowed`` values."""
    return create_state_var("string", default=default, allowed=allowed)


# In-arguments some phone apps leave out, and the value every other phone sends for them.
# async-upnp-client refuses a call with any argument missing; DLNA renderers on televisions
# answer these calls, so a phone that works with a television must work here too.
USUAL_ARGUMENTS = {"InstanceID": "0", "Channel": "Master", "CurrentURIMetaData": "",
                   "Speed": "1"}


class CastService(UpnpServerService):
    """A renderer service bound to one ``CastBridge`` and one address check (``vet``)."""

    bridge: ClassVar[CastBridge]
    vet: ClassVar[VetFunction]

    async def async_handle_action(self, action_name: str, **kwargs: Any) -> Any:
        """The library's handling, with the ``USUAL_ARGUMENTS`` a phone left out filled in."""
        for argument in self.actions[action_name].in_arguments():
            usual = USUAL_ARGUMENTS.get(argument.name)
            if usual is not None and argument.name not in kwargs:
                kwargs[argument.name] = argument.related_state_variable.coerce_python(usual)
        return await super().async_handle_action(action_name, **kwargs)

    @property
    def snapshot(self) -> Snapshot:
        return self.bridge.snapshot

    def _post(self, kind: str, *args: Any) -> None:
        if not self.bridge.post(Command(kind, current_device.get(), args)):
            raise action_error(ERROR_ACTION_FAILED, "Busy")

    def _require_control(self) -> None:
        if not self.bridge.may_control(current_device.get()):
            raise action_error(ERROR_NOT_AUTHORIZED, "Action not authorized")
