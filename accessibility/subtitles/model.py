"""A subtitle cue as every part of the app sees it, whatever its origin."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str  # plain text, styling removed, lines joined by "\n"
