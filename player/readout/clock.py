"""Where the episode is between the engine's position reports.

libVLC 3 updates a player's time only every few hundred milliseconds (about 500 ms for a
typical episode) and has no interpolated clock of its own, so waiting for the next report
would start a line up to half a second after its cue appears. Read-out extrapolates from the
last report at the playback rate instead, for at most ``MAX_EXTRAPOLATION_MS``, so a stalled
stream cannot run the estimate away.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_EXTRAPOLATION_MS = 1000


class PlaybackClock:
    def __init__(self, position: int = 0, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._position = position
        self._at = now()

    @property
    def reported(self) -> int:
        """The last position the engine reported."""
        return self._position

    def report(self, position: int) -> None:
        self._position = position
        self._at = self._now()

    def restart(self) -> None:
        """Playback (re)starts now from the last reported position."""
        self._at = self._now()

    def estimate(self, *, running: bool, rate: float = 1.0) -> int:
        """The position now: the last report, plus the time since if playback is running."""
        if not running:
            return self._position
        elapsed_ms = (self._now() - self._at) * 1000 * rate
        return self._position + round(min(max(0.0, elapsed_ms), MAX_EXTRAPOLATION_MS * rate))
