"""The library as plain JSON data, for ``silverreel inspect SOURCE --json``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from player.library.model import Series


def library_to_json(series_list: Iterable[Series]) -> dict[str, Any]:
    """``{"series": [...]}`` in library order; every value is a str, int, None, list or dict."""
    return {
        "series": [
            {
                "title": series.title,
                "source": series.source,
                "cover": series.cover,
                "tags": list(series.tags),
                "problems": [
                    {"code": p.code, "where": p.where, "detail": p.detail} for p in series.problems
                ],
                "episodes": [
                    {
                        "number": e.number,
                        "title": e.title,
                        "location": e.location,
                        "subtitle": e.subtitle,
                    }
                    for e in series.episodes
                ],
            }
            for series in series_list
        ]
    }
