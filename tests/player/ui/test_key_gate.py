"""The forgiving remote, step by step on a clock the test moves."""

from __future__ import annotations

from PySide6.QtCore import Qt

from player.ui.key_gate import GENTLE_REPEAT_MS, KeyGate
from player.ui.keys import Action

OK, DOWN = int(Qt.Key.Key_Return), int(Qt.Key.Key_Down)


class Clock:
    def __init__(self) -> None:
        self.ms = 10_000.0

    def __call__(self) -> float:
        return self.ms / 1000


def _hold(gate: KeyGate, clock: Clock, key: int, action: Action, held_ms: int,
          repeat_every_ms: int = 33) -> int:
    """Press, let the system auto-repeat for ``held_ms``, release; how many presses acted."""
    acted = int(gate.press(key, action, auto_repeat=False))
    waited = 0
    while waited + repeat_every_ms <= held_ms:
        clock.ms += repeat_every_ms
        waited += repeat_every_ms
        acted += gate.press(key, action, auto_repeat=True)
    clock.ms += held_ms - waited
    gate.release(key, auto_repeat=False)
    return acted


def test_ok_and_back_act_once_however_long_they_are_held() -> None:
    clock = Clock()
    gate = KeyGate(clock=clock)
    for held in (80, 600, 1500, 6000):
        clock.ms += 2000
        assert _hold(gate, clock, OK, Action.OK, held) == 1
        clock.ms += 2000
        assert _hold(gate, clock, int(Qt.Key.Key_Escape), Action.BACK, held) == 1


def test_an_arrow_repeats_only_after_the_hold_time_and_gently() -> None:
    clock = Clock()
    gate = KeyGate(hold_repeat_ms=1000, clock=clock)
    assert _hold(gate, clock, DOWN, Action.DOWN, 900) == 1
    clock.ms += 2000
    # 1 at once, then one step every GENTLE_REPEAT_MS from 1 s on.
    held = 3000
    expected = 1 + 1 + (held - 1000) // GENTLE_REPEAT_MS
    assert abs(_hold(gate, clock, DOWN, Action.DOWN, held) - expected) <= 1


def test_a_remote_without_releases_between_repeats_is_still_one_press() -> None:
    clock = Clock()
    gate = KeyGate(clock=clock)
    acted = [gate.press(OK, Action.OK, auto_repeat=False)]
    for _ in range(20):
        clock.ms += 100
        acted.append(gate.press(OK, Action.OK, auto_repeat=False))
    assert acted.count(True) == 1


def test_a_lost_release_does_not_swallow_the_next_real_press() -> None:
    clock = Clock()
    gate = KeyGate(clock=clock)
    assert gate.press(OK, Action.OK, auto_repeat=False)
    clock.ms += 3000  # the release went to another window
    assert gate.press(OK, Action.OK, auto_repeat=False)


def test_a_trembling_double_press_is_ignored_a_deliberate_one_is_not() -> None:
    clock = Clock()
    gate = KeyGate(double_press_ms=350, clock=clock)
    assert _hold(gate, clock, DOWN, Action.DOWN, 90) == 1
    clock.ms += 120
    assert _hold(gate, clock, DOWN, Action.DOWN, 90) == 0  # tremor
    clock.ms += 600
    assert _hold(gate, clock, DOWN, Action.DOWN, 90) == 1  # meant
    clock.ms += 100
    assert _hold(gate, clock, OK, Action.OK, 90) == 1  # another key is never ignored
    assert gate.ignored >= 1


def test_the_family_can_change_both_times() -> None:
    clock = Clock()
    gate = KeyGate(hold_repeat_ms=2000, double_press_ms=800, clock=clock)
    assert _hold(gate, clock, DOWN, Action.DOWN, 1800) == 1
    clock.ms += 600
    assert _hold(gate, clock, DOWN, Action.DOWN, 50) == 0
    gate.double_press_ms = 0
    clock.ms += 10
    assert _hold(gate, clock, DOWN, Action.DOWN, 50) == 1


def test_presses_are_timed_by_their_time_stamps_not_by_when_the_gui_thread_gets_to_them() -> None:
    # Two deliberate presses 600 ms apart, taken off a busy GUI thread's queue together.
    gate = KeyGate(double_press_ms=350, clock=lambda: 50.0)
    assert gate.press(Qt.Key.Key_Return, Action.OK, False, at_ms=10_000)
    gate.release(Qt.Key.Key_Return, False, at_ms=10_080)
    assert gate.press(Qt.Key.Key_Return, Action.OK, False, at_ms=10_600)
    gate.release(Qt.Key.Key_Return, False, at_ms=10_680)
    # A trembling second press 150 ms after letting go is still one press.
    assert not gate.press(Qt.Key.Key_Return, Action.OK, False, at_ms=10_830)
