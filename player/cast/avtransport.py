"""The renderer's AVTransport:1 service: the SOAP actions a phone sends to cast.

``SetAVTransportURI`` checks the address (``vet_cast_uri``, off the loop's thread) and refuses
what the renderer does not take with the error a control point understands; Play, Pause, Stop
and Seek are posted to ``CastBridge``; the Get… actions answer from its snapshot.

No ``from __future__ import annotations`` here: async-upnp-client compares each action
argument's annotation with the Python type of its state variable (``int``, ``str``, ``bool``).
"""

import asyncio
import functools
from typing import Any

from async_upnp_client.server import callable_action, create_event_var, create_state_var

from player.cast.actions import (
    ERROR_ILLEGAL_MIME,
    ERROR_NO_CONTENTS,
    ERROR_RESOURCE_NOT_FOUND,
    ERROR_SEEK_MODE,
    ERROR_SEEK_TARGET,
    ERROR_TRANSITION_NOT_AVAILABLE,
    CastService,
    action_error,
    current_device,
    service_info,
    string_var,
)
from player.cast.bridge import Command
from player.cast.eventing import TRANSPORT_STATES, transport_actions
from player.cast.metadata import title_from_metadata
from player.cast.timecode import format_time, parse_time
from player.cast.vetting import Refusal, is_this_computer
from player.net.relay import keep_away_from_this_computer

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


class AVTransportService(CastService):
    SERVICE_DEFINITION = service_info("AVTransport")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "TransportState": string_var("NO_MEDIA_PRESENT", TRANSPORT_STATES),
        "TransportStatus": string_var("OK", ["OK", "ERROR_OCCURRED"]),
        "TransportPlaySpeed": string_var("1", ["1"]),
        "PlaybackStorageMedium": string_var("NETWORK", ["NETWORK", "NONE"]),
        "RecordStorageMedium": string_var("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "PossiblePlaybackStorageMedia": string_var("NETWORK"),
        "PossibleRecordStorageMedia": string_var("NOT_IMPLEMENTED"),
        "PossibleRecordQualityModes": string_var("NOT_IMPLEMENTED"),
        "CurrentPlayMode": string_var("NORMAL", ["NORMAL"]),
        "CurrentRecordQualityMode": string_var("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "RecordMediumWriteStatus": string_var("NOT_IMPLEMENTED", ["NOT_IMPLEMENTED"]),
        "NumberOfTracks": create_state_var("ui4", default="0",
                                           allowed_range={"min": "0", "max": "1"}),
        "CurrentTrack": create_state_var("ui4", default="0",
                                         allowed_range={"min": "0", "max": "1"}),
        "CurrentTrackDuration": string_var("0:00:00"),
        "CurrentMediaDuration": string_var("0:00:00"),
        "CurrentTrackMetaData": string_var(""),
        "CurrentTrackURI": string_var(""),
        "AVTransportURI": string_var(""),
        "AVTransportURIMetaData": string_var(""),
        "NextAVTransportURI": string_var(""),
        "NextAVTransportURIMetaData": string_var(""),
        "RelativeTimePosition": string_var("0:00:00"),
        "AbsoluteTimePosition": string_var("0:00:00"),
        "RelativeCounterPosition": create_state_var("i4", default="2147483647"),
        "AbsoluteCounterPosition": create_state_var("i4", default="2147483647"),
        "CurrentTransportActions": string_var(""),
        "LastChange": create_event_var("string", default=""),
        "A_ARG_TYPE_SeekMode": string_var("REL_TIME", ["REL_TIME", "ABS_TIME", "TRACK_NR"]),
        "A_ARG_TYPE_SeekTarget": string_var(""),
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
            raise action_error(REFUSAL_ERRORS[verdict.refusal], "Illegal MIME-type"
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
            raise action_error(ERROR_NO_CONTENTS, "No contents")
        self._post("play")
        return {}

    @callable_action("Pause", {"InstanceID": "A_ARG_TYPE_InstanceID"}, {})
    async def pause(self, InstanceID: int) -> dict[str, Any]:  # noqa: N803
        self._require_control()
        if self.snapshot.transport_state not in ("PLAYING", "PAUSED_PLAYBACK", "TRANSITIONING"):
            raise action_error(ERROR_TRANSITION_NOT_AVAILABLE, "Transition not available")
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
            raise action_error(ERROR_SEEK_MODE, "Seek mode not supported")
        target = parse_time(Target)
        duration = self.snapshot.duration_ms
        if target is None or (duration > 0 and target > duration):
            raise action_error(ERROR_SEEK_TARGET, "Illegal seek target")
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
