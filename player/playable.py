"""Which episode to play when some would not open: pure rules, shared by Home, Series and
auto-next so that the big buttons and the end of an episode agree."""

from __future__ import annotations

from collections.abc import Container

from player.library.model import Series


def next_playable(series: Series, start: int, unplayable: Container[str]) -> int | None:
    """The first episode index from ``start`` on that is not known to fail, else ``None``."""
    for index in range(max(0, start), len(series.episodes)):
        if series.episodes[index].location not in unplayable:
            return index
    return None


def skipped_numbers(series: Series, start: int, chosen: int) -> tuple[int, ...]:
    """The episode numbers passed over between ``start`` and ``chosen`` (for saying so)."""
    return tuple(series.episodes[i].number for i in range(start, chosen))
