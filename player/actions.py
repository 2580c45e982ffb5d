"""The remote's vocabulary: the few named actions a key press can mean.

Plain data, no Qt: the key map (player/ui/keys.py) turns physical keys into these, each screen
says what they do there, and a controller outside the screens (the cast receiver) can react to
an action the window has handled without importing anything of the UI.
"""

from __future__ import annotations

import enum


class Action(enum.Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    OK = "ok"
    BACK = "back"
    HOME = "home"
    MENU = "menu"
    PLAY_PAUSE = "play_pause"
    NEXT = "next"
    PREVIOUS = "previous"
    STOP = "stop"
    VOLUME_UP = "volume_up"
    VOLUME_DOWN = "volume_down"
    MUTE = "mute"
    ENLARGE = "enlarge"
    READ_ALOUD = "read_aloud"
