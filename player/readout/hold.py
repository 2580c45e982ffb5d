"""Listen mode's pause, told apart from the viewer's own pauses."""

from __future__ import annotations

from enum import Enum

from player.engine.base import PlaybackEngine, PlaybackState


class _Stage(Enum):
    NONE = "none"
    PAUSING = "pausing"  # asked the engine to pause; libVLC confirms a little later
    HELD = "held"  # the engine is paused on read-out's behalf


class EngineHold:
    """Holds the episode while a line is still being read, and lets it go afterwards.

    The engine confirms a pause asynchronously, so the line can finish between the request
    and the confirmation: the hold then lets go as soon as the pause is confirmed.
    """

    def __init__(self, engine: PlaybackEngine) -> None:
        self._engine = engine
        self._stage = _Stage.NONE
        self._wanted = False

    @property
    def active(self) -> bool:
        """Read-out has paused the episode, or asked to."""
        return self._stage is not _Stage.NONE

    def want(self, wanted: bool) -> None:
        """Hold the episode, or let it go on if read-out is holding it."""
        self._wanted = wanted
        if wanted and self._stage is _Stage.NONE:
            if self._engine.state() is PlaybackState.PLAYING:
                self._stage = _Stage.PAUSING
                self._engine.pause()
        elif not wanted and self._stage is _Stage.HELD:
            self._stage = _Stage.NONE
            self._engine.resume()

    def engine_paused(self) -> bool:
        """The engine reports a pause: ``True`` if it was read-out's own."""
        if self._stage is _Stage.PAUSING:
            self._stage = _Stage.HELD
            if not self._wanted:
                self.want(False)
            return True
        return self._stage is _Stage.HELD

    def engine_playing(self) -> bool:
        """The engine reports playing: ``True`` if the viewer resumed during a hold."""
        if self._stage is _Stage.HELD:
            self._stage = _Stage.NONE
            self._wanted = False
            return True
        return False

    def drop(self) -> None:
        """Forget the hold without resuming (playback stopped or a new episode opened)."""
        self._stage = _Stage.NONE
        self._wanted = False
