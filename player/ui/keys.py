"""Physical keys → named actions, in one place.

Keyboards, TV remotes (which arrive as keyboard events through the OS) and media keys all map
onto the same few actions; each screen decides what an action does. The six-key rule:
everything is reachable with UP, DOWN, LEFT, RIGHT, OK and BACK alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt

from player.actions import Action

# Screens name actions through this module; the enum itself is data (player/actions.py).
__all__ = ["DEFAULT_BINDINGS", "Action", "action_for"]

K = Qt.Key
DEFAULT_BINDINGS: Mapping[int, Action] = {
    K.Key_Up: Action.UP,
    K.Key_Down: Action.DOWN,
    K.Key_Left: Action.LEFT,
    K.Key_Right: Action.RIGHT,
    K.Key_Return: Action.OK,
    K.Key_Enter: Action.OK,
    K.Key_Space: Action.OK,
    K.Key_Select: Action.OK,
    K.Key_Escape: Action.BACK,
    K.Key_Backspace: Action.BACK,
    K.Key_Back: Action.BACK,
    K.Key_HomePage: Action.HOME,
    K.Key_Home: Action.HOME,
    K.Key_Menu: Action.MENU,
    K.Key_MediaPlay: Action.PLAY_PAUSE,
    K.Key_MediaPause: Action.PLAY_PAUSE,
    K.Key_MediaTogglePlayPause: Action.PLAY_PAUSE,
    K.Key_Play: Action.PLAY_PAUSE,
    K.Key_MediaNext: Action.NEXT,
    K.Key_PageDown: Action.NEXT,
    K.Key_MediaPrevious: Action.PREVIOUS,
    K.Key_PageUp: Action.PREVIOUS,
    K.Key_MediaStop: Action.STOP,
    K.Key_VolumeUp: Action.VOLUME_UP,
    K.Key_VolumeDown: Action.VOLUME_DOWN,
    K.Key_VolumeMute: Action.MUTE,
    K.Key_Zoom: Action.ENLARGE,
    K.Key_Plus: Action.ENLARGE,
    K.Key_Equal: Action.ENLARGE,
    K.Key_F: Action.ENLARGE,
    K.Key_Subtitle: Action.READ_ALOUD,
    K.Key_R: Action.READ_ALOUD,
}

_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def action_for(key: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
               bindings: Mapping[int, Action] = DEFAULT_BINDINGS) -> Action | None:
    """The action for a key press; key combinations are never actions (six-key rule)."""
    if modifiers & _MODIFIERS:
        return None
    return bindings.get(key)
