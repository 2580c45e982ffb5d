"""The MediaRenderer's UPnP device, on async-upnp-client's server.

``renderer_device_class`` binds the three services (``avtransport``, ``rendering_control``,
``connection_manager``) to one ``CastBridge`` and the address check, and describes the
device the way a phone's cast list shows it.
"""

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from async_upnp_client.client import UpnpRequester
from async_upnp_client.const import DeviceInfo
from async_upnp_client.server import UpnpServerDevice

from player.cast.actions import VetFunction
from player.cast.avtransport import AVTransportService
from player.cast.bridge import CastBridge
from player.cast.connection_manager import ConnectionManagerService
from player.cast.rendering_control import RenderingControlService
from player.cast.vetting import vet_cast_uri


def renderer_device_class(bridge: CastBridge, friendly_name: str, udn: str,
                          vet: VetFunction = vet_cast_uri) -> type[UpnpServerDevice]:
    """A MediaRenderer:1 device class bound to ``bridge`` (the server builds it itself)."""
    services = [type(base.__name__, (base,), {"bridge": bridge, "vet": staticmethod(vet)})
                for base in (AVTransportService, RenderingControlService,
                             ConnectionManagerService)]

    class RendererDevice(UpnpServerDevice):
        DEVICE_DEFINITION = DeviceInfo(
            device_type="urn:schemas-upnp-org:device:MediaRenderer:1",
            friendly_name=friendly_name,
            manufacturer="SilverReel",
            manufacturer_url=None,
            model_description="长辈剧场 投屏接收 (DLNA Digital Media Renderer)",
            model_name="SilverReel",
            model_number="1",
            model_url=None,
            serial_number=None,
            udn=udn,
            upc=None,
            presentation_url=None,
            url="/description.xml",
            icons=[],
            xml=ET.Element("server_device"),
        )
        EMBEDDED_DEVICES: Sequence[type[UpnpServerDevice]] = []
        SERVICES = services

        def __init__(self, requester: UpnpRequester, base_uri: str, boot_id: int = 1,
                     config_id: int = 1) -> None:
            super().__init__(requester, base_uri, boot_id, config_id)

    return RendererDevice
