"""Physical keys to named actions: the six keys of a remote, media keys, and nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from player.ui.keys import DEFAULT_BINDINGS, Action, action_for

K = Qt.Key
M = Qt.KeyboardModifier


@pytest.mark.parametrize(("key", "action"), [
    (K.Key_Up, Action.UP), (K.Key_Down, Action.DOWN), (K.Key_Left, Action.LEFT),
    (K.Key_Right, Action.RIGHT), (K.Key_Return, Action.OK), (K.Key_Escape, Action.BACK),
])
def test_the_six_keys_of_the_keyboard(key: Qt.Key, action: Action) -> None:
    assert action_for(key) is action


@pytest.mark.parametrize(("key", "action"), [
    (K.Key_Select, Action.OK), (K.Key_Enter, Action.OK), (K.Key_Back, Action.BACK),
    (K.Key_Backspace, Action.BACK), (K.Key_MediaTogglePlayPause, Action.PLAY_PAUSE),
    (K.Key_MediaNext, Action.NEXT), (K.Key_MediaPrevious, Action.PREVIOUS),
    (K.Key_VolumeUp, Action.VOLUME_UP), (K.Key_VolumeMute, Action.MUTE),
    (K.Key_Zoom, Action.ENLARGE), (K.Key_Subtitle, Action.READ_ALOUD),
])
def test_what_a_tv_remote_sends_means_the_same(key: Qt.Key, action: Action) -> None:
    assert action_for(key) is action


@pytest.mark.parametrize("modifier", [M.ControlModifier, M.AltModifier, M.MetaModifier])
def test_a_key_combination_is_never_an_action(modifier: Qt.KeyboardModifier) -> None:
    assert action_for(K.Key_Down) is Action.DOWN
    assert action_for(K.Key_Down, modifier) is None
    assert action_for(K.Key_Return, modifier | M.ShiftModifier) is None


def test_shift_and_the_keypad_do_not_change_a_key() -> None:
    # Shift+= is how "+" is typed on many keyboards; a remote's arrows come on the keypad.
    assert action_for(K.Key_Plus, M.ShiftModifier) is Action.ENLARGE
    assert action_for(K.Key_Left, M.KeypadModifier) is Action.LEFT


def test_unbound_keys_do_nothing() -> None:
    for key in (K.Key_A, K.Key_Tab, K.Key_F1, K.Key_0, K.Key_Delete):
        assert action_for(key) is None


def test_other_bindings_can_be_given() -> None:
    bindings = {int(K.Key_W): Action.UP, int(K.Key_Q): Action.BACK}
    assert action_for(K.Key_W, bindings=bindings) is Action.UP
    assert action_for(K.Key_Up, bindings=bindings) is None


def test_every_navigation_action_has_a_key_and_each_key_one_action() -> None:
    bound = set(DEFAULT_BINDINGS.values())
    six = {Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT, Action.OK, Action.BACK}
    assert six <= bound
    assert bound == set(Action)  # no action that no key reaches
    assert len(DEFAULT_BINDINGS) == len(set(DEFAULT_BINDINGS))
