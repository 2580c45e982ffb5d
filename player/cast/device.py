"""The MediaRenderer's UPnP device and its three services, on async-upnp-client's server.

No ``from __future__ import annotations`` here: async-upnp-client compares each action
argument's annotation with the Python type of its state variable (``int``, ``str``, ``bool``).
Every handler runs on the cast server's asyncio thread and reads only ``CastBridge``.
"""

import asyncio
import contextvars
import functools
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any, ClassVar
from xml.sax.saxutils import quoteattr

from async_upnp_client.client import UpnpRequester
from async_upnp_client.const import DeviceInfo, ServiceInfo
from async_upnp_client.exceptions import UpnpActionError
from async_upnp_client.server import (
    UpnpServerDevice,
    UpnpServerService,
    callable_action,
    create_event_var,
    create_state_var,
)

from player.cast.bridge import CastBridge, Command, Snapshot
from player.cast.metadata import Device, title_from_metadata
from player.cast.timecode import format_time, parse_time
from player.cast.vetting import Refusal, Verdict, is_this_computer, vet_cast_uri
from player.net.relay import keep_away_from_this_computer

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
# file:, local paths, smb: and redirects to them, and a public address leading into the home
# network: 714 "Illegal MIME-type" tells the phone the address is of a kind this renderer
# does not take; unreachable or missing: 716.
REFUSAL_ERRORS = {
    Refusal.NOT_HTTP: ERROR_ILLEGAL_MIME,
    Refusal.REDIRECT_NOT_HTTP: ERROR_ILLEGAL_MIME,
    Refusal.REDIRECT_PRIVATE: ERROR_ILLEGAL_MIME,
    Refusal.THIS_COMPUTER: ERROR_ILLEGAL_MIME,
    Refusal.MALFORMED: ERROR_ILLEGAL_MIME,
    Refusal.TOO_MANY_REDIRECTS: ERROR_RESOURCE_NOT_FOUND,
    Refusal.UNREACHABLE: ERROR_RESOURCE_NOT_FOUND,
    Refusal.NOT_FOUND: ERROR_RESOURCE_NOT_FOUND,
}

# What libVLC 3 plays, as DLNA protocolInfo (GetProtocolInfo's Sink).
SINK_PROTOCOLS = ",".join(
    f"http-get:*:{mime}:*" for mime in (
        "video/mp4", "video/x-m4v", "video/quicktime", "video/x-matroska", "video/webm",
        "video/x-flv", "video/flv", "video/mp2t", "video/MP2T", "video/mpeg", "video/x-msvideo",
        "video/avi", "video/3gpp", "application/vnd.apple.mpegurl", "application/x-mpegURL",
        "audio/mpegurl", "application/dash+xml", "video/x-ms-wmv", "audio/mpeg", "audio/mp4",
        "audio/aac", "audio/x-aac", "audio/flac", "audio/wav", "audio/ogg",
        "application/octet-stream",
    )
) + (",http-get:*:video/mp4:DLNA.ORG_PN=AVC_MP4_MP_HD_720p_AAC"
     ",http-get:*:video/mp4:DLNA.ORG_PN=AVC_MP4_BL_CIF15_AAC_520")

TRANSPORT_STATES = ["STOPPED", "PLAYING", "PAUSED_PLAYBACK", "TRANSITIONING",
                    "NO_MEDIA_PRESENT"]
AVT_NS = "urn:schemas-upnp-org:metadata-1-0/AVT/"
RCS_NS = "urn:schemas-upnp-org:metadata-1-0/RCS/"

VetFunction = Callable[..., Verdict]  # (uri, *, caller=IP address) like vet_cast_uri


def _fail(code: int, text: str) -> UpnpActionError:
    return UpnpActionError(error_code=code, error_desc=text)


def transport_actions(state: str) -> str:
    return {
        "PLAYING": "Pause,Stop,Seek",
        "PAUSED_PLAYBACK": "Play,Stop,Seek",
        "TRANSITIONING": "Stop",
        "STOPPED": "Play,Seek",
        "NO_MEDIA_PRESENT": "",
    }.get(state, "")


def avt_last_change(snapshot: Snapshot) -> str:
    values = {
        "TransportState": snapshot.transport_state,
        "TransportStatus": snapshot.transport_status,
        "CurrentTransportActions": transport_actions(snapshot.transport_state),
        "AVTransportURI": snapshot.uri,
        "AVTransportURIMetaData": snapshot.metadata,
        "CurrentTrackURI": snapshot.uri,
        "CurrentTrackMetaData": snapshot.metadata,
        "NumberOfTracks": "1" if snapshot.uri else "0",
        "CurrentTrackDuration": format_time(snapshot.duration_ms),
        "CurrentMediaDuration": format_time(snapshot.duration_ms),
        "TransportPlaySpeed": "1",
    }
    inner = "".join(f"<{name} val={quoteattr(value)}/>" for name, value in values.items())
    return f'<Event xmlns="{AVT_NS}"><InstanceID val="0">{inner}</InstanceID></Event>'


def rcs_last_change(snapshot: Snapshot) -> str:
    return (f'<Event xmlns="{RCS_NS}"><InstanceID val="0">'
            f'<Volume channel="Master" val="{snapshot.volume}"/>'
            f'<Mute channel="Master" val="{1 if snapshot.muted else 0}"/>'
            "</InstanceID></Event>")


def _service_info(name: str) -> ServiceInfo:
    return ServiceInfo(
        service_id=f"urn:upnp-org:serviceId:{name}",
        service_type=f"urn:schemas-upnp-org:service:{name}:1",
        control_url=f"/upnp/control/{name}",
        event_sub_url=f"/upnp/event/{name}",
        scpd_url=f"/upnp/{name}.xml",
        xml=ET.Element("server_service"),
    )


def _string(default: str | None = "", allowed: list[str] | None = None) -> Any:
    return create_state_var("string", default=default, allowed=allowed)


class CastService(UpnpServerService):
    bridge: ClassVar[CastBridge]
    vet: ClassVar[VetFunction]

    @property
    def snapshot(self) -> Snapshot:
        return self.bridge.snapshot

    def _post(self, kind: str, *args: Any) -> None:
        if not self.bridge.post(Command(kind, current_device.get(), args)):
            raise _fail(ERROR_ACTION_FAILED, "Busy")

    def _require_control(self) -> None:
        if not self.bridge.may_control(current_device.get()):
            raise _fail(ERROR_NOT_AUTHORIZED, "Action not authorized")


class AVTransportService(CastService):
    SERVICE_DEFINITION = _service_info("AVTransport")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "TransportState": _string("NO_MEDIA_PRESENT", TRANSPORT_STATES),
        "TransportStatus": _string("OK", ["OK", "ERROR_OCCURRED"]),
        "TransportPlaySpeed": _string("1", ["1"]),
        "PlaybackStorageMedium": _string("NETWORK", ["NETWORK", "NONE"]),
        "RecordStorageMedium": _string("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "PossiblePlaybackStorageMedia": _string("NETWORK"),
        "PossibleRecordStorageMedia": _string("NOT_IMPLEMENTED"),
        "PossibleRecordQualityModes": _string("NOT_IMPLEMENTED"),
        "CurrentPlayMode": _string("NORMAL", ["NORMAL"]),
        "CurrentRecordQualityMode": _string("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "RecordMediumWriteStatus": _string("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "NumberOfTracks": create_state_var("ui4", default="0",
                                           allowed_range={"min": "0", "max": "1"}),
        "CurrentTrack": create_state_var("ui4", default="0",
                                         allowed_range={"min": "0", "max": "1"}),
        "CurrentTrackDuration": _string("0:00:00"),
        "CurrentMediaDuration": _string("0:00:00"),
        "CurrentTrackMetaData": _string(""),
        "CurrentTrackURI": _string(""),
        "AVTransportURI": _string(""),
        "AVTransportURIMetaData": _string(""),
        "NextAVTransportURI": _string(""),
        "NextAVTransportURIMetaData": _string(""),
        "RelativeTimePosition": _string("0:00:00"),
        "AbsoluteTimePosition": _string("0:00:00"),
        "RelativeCounterPosition": create_state_var("i4", default="2147483647"),
        "AbsoluteCounterPosition": create_state_var("i4", default="2147483647"),
        "CurrentTransportActions": _string(""),
        "LastChange": create_event_var("string", default=""),
        "A_ARG_TYPE_SeekMode": _string("REL_TIME", ["REL_TIME", "ABS_TIME", "TRACK_NR"]),
        "A_ARG_TYPE_SeekTarget": _string(""),
        "A_ARG_TYPE_InstanceID": create_state_var("ui4", default="0"),
    }

    @callable_action("SetAVTransportURI",
                     {"InstanceID": "A_ARG_TYPE_InstanceID", "CurrentURI": "AVTransportURI",
                      "CurrentURIMetaData": "AVTransportURIMetaData"}, {})
    async def set_av_transport_uri(self, InstanceID: int, CurrentURI: str,  # noqa: N803
                                   CurrentURIMetaData: str) -> dict[str, Any]:  # noqa: N803
        device = current_device.get()
        # The checks make network requests (redirect hops): off this loop's thread.
        vet = type(self).vet  # a plain function kept on the class, not a method
        verdict = await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(vet, CurrentURI, caller=device.address))
        if not verdict.allowed:
            assert verdict.refusal is not None
            self.bridge.post(Command("refused", device, (CurrentURI, verdict.refusal.value)))
            raise _fail(REFUSAL_ERRORS[verdict.refusal], "Illegal MIME-type"
                        if REFUSAL_ERRORS[verdict.refusal] == ERROR_ILLEGAL_MIME
                        else "Resource not found")
        if not is_this_computer(device.address):
            # While it plays, the relay keeps the same rule (no hop to this computer).
            keep_away_from_this_computer(verdict.location)
        title = title_from_metadata(CurrentURIMetaData, verdict.location).title
        self.bridge.accepted_uri = verdict.location
        self._post("set_uri", verdict.location, title, CurrentURIMetaData[:32768], CurrentURI)
        return {}

    @callable_action("Play", {"InstanceID": "A_ARG_TYPE_InstanceID",
                              "Speed": "TransportPlaySpeed"}, {})
    async def play(self, InstanceID: int, Speed: str) -> dict[str, Any]:  # noqa: N803
        if not (self.snapshot.uri or self.bridge.accepted_uri):
            raise _fail(ERROR_NO_CONTENTS, "No contents")
        self._post("play")
        return {}

    @callable_action("Pause", {"InstanceID": "A_ARG_TYPE_InstanceID"}, {})
    async def pause(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        if self.snapshot.transport_state not in ("PLAYING", "PAUSED_PLAYBACK", "TRANSITIONING"):
            raise _fail(ERROR_TRANSITION_NOT_AVAILABLE, "Transition not available")
        self._post("pause")
        return {}

    @callable_action("Stop", {"InstanceID": "A_ARG_TYPE_InstanceID"}, {})
    async def stop(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        self._post("stop")
        return {}

    @callable_action("Seek", {"InstanceID": "A_ARG_TYPE_InstanceID",
                              "Unit": "A_ARG_TYPE_SeekMode",
                              "Target": "A_ARG_TYPE_SeekTarget"}, {})
    async def seek(self, InstanceID: int, Unit: str, Target: str) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        if Unit not in ("REL_TIME", "ABS_TIME"):
            raise _fail(ERROR_SEEK_MODE, "Seek mode not supported")
        target = parse_time(Target)
        duration = self.snapshot.duration_ms
        if target is None or (duration > 0 and target > duration):
            raise _fail(ERROR_SEEK_TARGET, "Illegal seek target")
        self._post("seek", target)
        return {}

    @callable_action("GetTransportInfo", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"CurrentTransportState": "TransportState",
                      "CurrentTransportStatus": "TransportStatus",
                      "CurrentSpeed": "TransportPlaySpeed"})
    async def get_transport_info(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        snapshot = self.snapshot
        return {"CurrentTransportState": snapshot.transport_state,
                "CurrentTransportStatus": snapshot.transport_status, "CurrentSpeed": "1"}

    @callable_action("GetPositionInfo", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"Track": "CurrentTrack", "TrackDuration": "CurrentTrackDuration",
                      "TrackMetaData": "CurrentTrackMetaData", "TrackURI": "CurrentTrackURI",
                      "RelTime": "RelativeTimePosition", "AbsTime": "AbsoluteTimePosition",
                      "RelCount": "RelativeCounterPosition",
                      "AbsCount": "AbsoluteCounterPosition"})
    async def get_position_info(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        snapshot = self.snapshot
        position = format_time(snapshot.position_now())
        return {"Track": 1 if snapshot.uri else 0,
                "TrackDuration": format_time(snapshot.duration_ms),
                "TrackMetaData": snapshot.metadata, "TrackURI": snapshot.uri,
                "RelTime": position, "AbsTime": position,
                "RelCount": 2147483647, "AbsCount": 2147483647}

    @callable_action("GetMediaInfo", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"NrTracks": "NumberOfTracks", "MediaDuration": "CurrentMediaDuration",
                      "CurrentURI": "AVTransportURI",
                      "CurrentURIMetaData": "AVTransportURIMetaData",
                      "NextURI": "NextAVTransportURI",
                      "NextURIMetaData": "NextAVTransportURIMetaData",
                      "PlayMedium": "PlaybackStorageMedium",
                      "RecordMedium": "RecordStorageMedium",
                      "WriteStatus": "RecordMediumWriteStatus"})
    async def get_media_info(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        snapshot = self.snapshot
        return {"NrTracks": 1 if snapshot.uri else 0,
                "MediaDuration": format_time(snapshot.duration_ms),
                "CurrentURI": snapshot.uri, "CurrentURIMetaData": snapshot.metadata,
                "NextURI": "", "NextURIMetaData": "",
                "PlayMedium": "NETWORK" if snapshot.uri else "NONE",
                "RecordMedium": "NOT_IMPLEMENTED", "WriteStatus": "NOT_IMPLEMENTED"}

    @callable_action("GetCurrentTransportActions", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"Actions": "CurrentTransportActions"})
    async def get_current_transport_actions(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        return {"Actions": transport_actions(self.snapshot.transport_state)}

    @callable_action("GetDeviceCapabilities", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"PlayMedia": "PossiblePlaybackStorageMedia",
                      "RecMedia": "PossibleRecordStorageMedia",
                      "RecQualityModes": "PossibleRecordQualityModes"})
    async def get_device_capabilities(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        return {"PlayMedia": "NETWORK", "RecMedia": "NOT_IMPLEMENTED",
                "RecQualityModes": "NOT_IMPLEMENTED"}

    @callable_action("GetTransportSettings", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"PlayMode": "CurrentPlayMode",
                      "RecQualityMode": "CurrentRecordQualityMode"})
    async def get_transport_settings(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        return {"PlayMode": "NORMAL", "RecQualityMode": "NOT_IMPLEMENTED"}


class RenderingControlService(CastService):
    SERVICE_DEFINITION = _service_info("RenderingControl")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "Volume": create_state_var("ui2", default="80", allowed_range={"min": "0", "max": "100",
                                                                       "step": "1"}),
        "Mute": create_state_var("boolean", default="0"),
        "PresetNameList": _string("FactoryDefaults"),
        "LastChange": create_event_var("string", default=""),
        "A_ARG_TYPE_Channel": _string("Master", ["Master"]),
        "A_ARG_TYPE_PresetName": _string("FactoryDefaults", ["FactoryDefaults"]),
        "A_ARG_TYPE_InstanceID": create_state_var("ui4", default="0"),
    }

    @callable_action("GetVolume", {"InstanceID": "A_ARG_TYPE_InstanceID",
                                   "Channel": "A_ARG_TYPE_Channel"},
                     {"CurrentVolume": "Volume"})
    async def get_volume(self, InstanceID: int, Channel: str) -> dict[str, Any]:  # noqa: N803
        return {"CurrentVolume": self.snapshot.volume}

    @callable_action("SetVolume", {"InstanceID": "A_ARG_TYPE_InstanceID",
                                   "Channel": "A_ARG_TYPE_Channel", "DesiredVolume": "Volume"},
                     {})
    async def set_volume(self, InstanceID: int, Channel: str,  # noqa: N803
                         DesiredVolume: int) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        self._post("volume", DesiredVolume)
        return {}

    @callable_action("GetMute", {"InstanceID": "A_ARG_TYPE_InstanceID",
                                 "Channel": "A_ARG_TYPE_Channel"},
                     {"CurrentMute": "Mute"})
    async def get_mute(self, InstanceID: int, Channel: str) -> dict[str, Any]:  # noqa: N803
        return {"CurrentMute": self.snapshot.muted}

    @callable_action("SetMute", {"InstanceID": "A_ARG_TYPE_InstanceID",
                                 "Channel": "A_ARG_TYPE_Channel", "DesiredMute": "Mute"}, {})
    async def set_mute(self, InstanceID: int, Channel: str,  # noqa: N803
                       DesiredMute: bool) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        self._post("mute", DesiredMute)
        return {}

    @callable_action("ListPresets", {"InstanceID": "A_ARG_TYPE_InstanceID"},
                     {"CurrentPresetNameList": "PresetNameList"})
    async def list_presets(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        return {"CurrentPresetNameList": "FactoryDefaults"}


class ConnectionManagerService(CastService):
    SERVICE_DEFINITION = _service_info("ConnectionManager")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "SourceProtocolInfo": _string(""),
        "SinkProtocolInfo": _string(SINK_PROTOCOLS),
        "CurrentConnectionIDs": _string("0"),
        "A_ARG_TYPE_ConnectionStatus": _string(
            "OK", ["OK", "ContentFormatMismatch", "InsufficientBandwidth", "UnreliableChannel",
                   "Unknown"]),
        "A_ARG_TYPE_ConnectionManager": _string(""),
        "A_ARG_TYPE_Direction": _string("Input", ["Input", "Output"]),
        "A_ARG_TYPE_ProtocolInfo": _string(""),
        "A_ARG_TYPE_ConnectionID": create_state_var("i4", default="0"),
        "A_ARG_TYPE_AVTransportID": create_state_var("i4", default="0"),
        "A_ARG_TYPE_RcsID": create_state_var("i4", default="0"),
    }

    @callable_action("GetProtocolInfo", {}, {"Source": "SourceProtocolInfo",
                                             "Sink": "SinkProtocolInfo"})
    async def get_protocol_info(self) -> dict[str, Any]:
        return {"Source": "", "Sink": SINK_PROTOCOLS}

    @callable_action("GetCurrentConnectionIDs", {}, {"ConnectionIDs": "CurrentConnectionIDs"})
    async def get_current_connection_ids(self) -> dict[str, Any]:
        return {"ConnectionIDs": "0"}

    @callable_action("GetCurrentConnectionInfo",
                     {"ConnectionID": "A_ARG_TYPE_ConnectionID"},
                     {"RcsID": "A_ARG_TYPE_RcsID", "AVTransportID": "A_ARG_TYPE_AVTransportID",
                      "ProtocolInfo": "A_ARG_TYPE_ProtocolInfo",
                      "PeerConnectionManager": "A_ARG_TYPE_ConnectionManager",
                      "PeerConnectionID": "A_ARG_TYPE_ConnectionID",
                      "Direction": "A_ARG_TYPE_Direction",
                      "Status": "A_ARG_TYPE_ConnectionStatus"})
    async def get_current_connection_info(self, ConnectionID: int) -> dict[str, Any]:  # noqa: N803
        return {"RcsID": 0, "AVTransportID": 0, "ProtocolInfo": "",
                "PeerConnectionManager": "", "PeerConnectionID": -1, "Direction": "Input",
                "Status": "OK"}


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


def publish_last_change(device: UpnpServerDevice, snapshot: Snapshot) -> None:
    """Put ``snapshot`` into both LastChange variables (on the server loop); subscribers are
    sent each change at once. The library's own ``max_rate`` deferral is not used (in 0.49 it
    schedules on the wall clock with the loop's monotonic timer, so a deferred event never
    comes); ``CastServer`` spaces changes 0.2 s apart itself, as AVTransport:1 asks."""
    for service in device.all_services:
        if service.service_type.endswith(":AVTransport:1"):
            service.state_variable("LastChange").value = avt_last_change(snapshot)
            service.state_variable("TransportState").value = snapshot.transport_state
        elif service.service_type.endswith(":RenderingControl:1"):
            service.state_variable("LastChange").value = rcs_last_change(snapshot)

