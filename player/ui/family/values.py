"""How Left, Right and OK change a value, for every kind of option in the declaration."""

from __future__ import annotations

from typing import Any

from player.config.declaration import Kind, Option

# Float steps (0.1, 0.25, 0.5) add up with binary rounding errors; values are kept to this
# many decimals so 1.1 + 0.1 shows as 1.2, not 1.2000000000000002.
_DECIMALS = 6


def is_adjustable(option: Option) -> bool:
    """Whether Left/Right/OK can change this option on its own row."""
    return option.kind in (Kind.BOOL, Kind.CHOICE, Kind.INT, Kind.FLOAT)


def stepped(option: Option, value: Any, direction: int) -> Any:
    """The value one step to the right (+1) or left (-1); numbers stop at their range."""
    kind = option.kind
    if kind is Kind.BOOL:
        return not value
    if kind is Kind.CHOICE:
        values = [choice.value for choice in option.choices]
        index = values.index(value) if value in values else 0
        return values[(index + direction) % len(values)]
    if kind in (Kind.INT, Kind.FLOAT):
        step = option.step or 1
        number = _clamp(option, value + direction * step)
        return round(number) if kind is Kind.INT else round(number, _DECIMALS)
    return value


def advanced(option: Option, value: Any) -> Any:
    """What OK does: the next value, wrapping round at the end, so OK alone reaches all."""
    if option.kind in (Kind.INT, Kind.FLOAT) and option.maximum is not None \
            and value >= option.maximum and option.minimum is not None:
        return int(option.minimum) if option.kind is Kind.INT else float(option.minimum)
    return stepped(option, value, +1)


def _clamp(option: Option, number: float) -> float:
    if option.minimum is not None:
        number = max(option.minimum, number)
    if option.maximum is not None:
        number = min(option.maximum, number)
    return number
