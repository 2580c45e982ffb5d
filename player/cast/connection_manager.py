"""The renderer's ConnectionManager:1 service: which formats it plays (``SINK_PROTOCOLS``).

No ``from __future__ import annotations`` here: async-upnp-client compares each action
argument's annotation with the Python type of its state variable (``int``, ``str``, ``bool``).
"""

from typing import Any

from async_upnp_client.server import callable_action, create_state_var

from player.cast.actions import CastService, service_info, string_var

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


class ConnectionManagerService(CastService):
    SERVICE_DEFINITION = service_info("ConnectionManager")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "SourceProtocolInfo": string_var(""),
        "SinkProtocolInfo": string_var(SINK_PROTOCOLS),
        "CurrentConnectionIDs": string_var("0"),
        "A_ARG_TYPE_ConnectionStatus": string_var(
            "OK", ["OK", "ContentFormatMismatch", "InsufficientBandwidth", "UnreliableChannel",
                   "Unknown"]),
        "A_ARG_TYPE_ConnectionManager": string_var(""),
        "A_ARG_TYPE_Direction": string_var("Input", ["Input", "Output"]),
        "A_ARG_TYPE_ProtocolInfo": string_var(""),
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
