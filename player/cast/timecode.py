"""UPnP AVTransport times ("H+:MM:SS[.F+]" or "H+:MM:SS.F0/F1") to and from milliseconds."""

from __future__ import annotations

import re

_TIME = re.compile(r"^\s*(\d{1,5}):([0-5]?\d):([0-5]?\d)(?:\.(\d{1,9})(?:/(\d{1,9}))?)?\s*$")


def parse_time(text: str) -> int | None:
    """Milliseconds, or None for anything that is not a valid UPnP time (bounded input)."""
    if len(text) > 32:
        return None
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds, fraction, denominator = match.groups()
    ms = (int(hours) * 3600 + int(minutes) * 60 + int(seconds)) * 1000
    if fraction:
        if denominator:
            if int(denominator) == 0 or int(fraction) >= int(denominator):
                return None
            ms += round(1000 * int(fraction) / int(denominator))
        else:
            ms += round(1000 * int(fraction) / 10 ** len(fraction))
    return ms


def format_time(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
