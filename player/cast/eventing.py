"""The renderer's state as UPnP events carry it: the LastChange documents.

A control point subscribed to AVTransport or RenderingControl is told each change of the
``CastBridge`` snapshot (transport state, address, duration, volume, mute) in one LastChange
event; ``transport_actions`` says which actions the state allows (events and
GetCurrentTransportActions alike).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from async_upnp_client.server import UpnpServerDevice

from player.cast.bridge import Snapshot
from player.cast.timecode import format_time

TRANSPORT_STATES = ["STOPPED", "PLAYING", "PAUSED_PLAYBACK", "TRANSITIONING",
                    "NO_MEDIA_PRESENT"]
AVT_NS = "urn:schemas-upnp-org:metadata-1-0/AVT/"
RCS_NS = "urn:schemas-upnp-org:metadata-1-0/RCS/"


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
