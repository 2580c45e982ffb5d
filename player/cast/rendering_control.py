"""The renderer's RenderingControl:1 service: volume and mute, as a phone sets and reads them.

No ``from __future__ import annotations`` here: async-upnp-client compares each action
argument's annotation with the Python type of its state variable (``int``, ``str``, ``bool``).
"""

from typing import Any

from async_upnp_client.server import callable_action, create_event_var, create_state_var

from player.cast.actions import CastService, service_info, string_var


class RenderingControlService(CastService):
    SERVICE_DEFINITION = service_info("RenderingControl")
    STATE_VARIABLE_DEFINITIONS = {  # noqa: RUF012 - the library's own declaration style
        "Volume": create_state_var("ui2", default="80", allowed_range={"min": "0", "max": "100",
                                                                       "step": "1"}),
        "Mute": create_state_var("boolean", default="0"),
        "PresetNameList": string_var("FactoryDefaults"),
        "LastChange": create_event_var("string", default=""),
        "A_ARG_TYPE_Channel": string_var("Master", ["Master"]),
        "A_ARG_TYPE_PresetName": string_var("FactoryDefaults", ["FactoryDefaults"]),
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
