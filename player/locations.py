"""Where an episode, subtitle or list lives: a local path or an http(s) address.

Shared by the engine and the library (neither may import the other), so it imports nothing
of the app.
"""

from __future__ import annotations

import urllib.parse

_REMOTE_SCHEMES = frozenset({"http", "https"})


def is_remote(location: str) -> bool:
    """Whether ``location`` is an http(s) address (a Windows path like ``C:\\…`` is not)."""
    location = location.strip()
    try:
        return urllib.parse.urlsplit(location).scheme.casefold() in _REMOTE_SCHEMES
    except ValueError:  # malformed, e.g. "http://[::1"; still meant as an address
        return location.casefold().startswith(("http://", "https://"))
