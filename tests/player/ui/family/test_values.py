"""Left, Right and OK on every kind of option."""

from __future__ import annotations

from player.config.declaration import OPTIONS, OPTIONS_BY_KEY, Kind, validate
from player.ui.family.values import advanced, is_adjustable, stepped


def test_bools_toggle_and_choices_cycle_both_ways() -> None:
    enlarged = OPTIONS_BY_KEY["ui.enlarged"]
    assert stepped(enlarged, False, +1) is True
    assert stepped(enlarged, True, -1) is False
    assert advanced(enlarged, True) is False
    level = OPTIONS_BY_KEY["pacing.skip_from"]
    values = [choice.value for choice in level.choices]
    assert stepped(level, values[-1], +1) == values[0]
    assert stepped(level, values[0], -1) == values[-1]
    assert stepped(level, "unknown", +1) == values[1]  # a stray value still moves on


def test_numbers_step_stop_at_the_ends_and_ok_wraps() -> None:
    rate = OPTIONS_BY_KEY["readout.rate"]
    assert stepped(rate, 85, +1) == 90
    assert isinstance(stepped(rate, 85, +1), int)
    assert stepped(rate, 130, +1) == 130
    assert stepped(rate, 50, -1) == 50
    assert advanced(rate, 130) == 50
    scale = OPTIONS_BY_KEY["ui.text_scale"]
    value = 1.0
    for _ in range(6):
        value = stepped(scale, value, +1)
    assert value == 1.6
    assert advanced(scale, 1.6) == 1.0


def test_every_adjustable_option_stays_valid_whatever_is_pressed() -> None:
    for option in OPTIONS:
        if not is_adjustable(option):
            assert option.kind in (Kind.TEXT, Kind.TEXT_LIST)
            continue
        value = option.default
        for move in [+1] * 30 + [-1] * 60:
            value = stepped(option, value, move)
            assert validate(option, value) == value, option.key
            value = advanced(option, value) if move > 0 else value
            assert validate(option, value) == value, option.key
