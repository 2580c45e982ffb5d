"""The playback engine interface every screen talks to.

Screens and services see only this interface and its Qt signals. Implementations:
``VlcEngine`` (libVLC, the real thing) and ``FakeEngine`` (fast UI tests).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage


class PlaybackState(enum.Enum):
    IDLE = "idle"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    STOPPED = "stopped"
    ERROR = "error"


class ErrorCode(enum.StrEnum):
    """Why an episode could not be played; the UI turns each into a plain sentence."""

    MISSING = "missing"  # the file is not there
    EMPTY = "empty"  # zero bytes
    UNPLAYABLE = "unplayable"  # not a video, or too damaged to open
    INCOMPLETE = "incomplete"  # played, but stopped long before its stated length
    STREAM = "stream"  # a network source failed
    TIMEOUT = "timeout"  # nothing came out of the decoder in time


@dataclass(frozen=True)
class PlaybackProblem:
    """An episode that could not be played: what went wrong, where, and the engine's words."""

    code: ErrorCode
    location: str
    detail: str = ""


class PlaybackEngine(QObject):
    """Plays one episode at a time. All methods are called on the GUI thread."""

    state_changed = Signal(object)  # PlaybackState
    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    first_frame = Signal()  # the first picture of the current episode is ready to show
    frame_ready = Signal(QImage)  # every decoded picture, already scaled for display
    # The picture's true shape. Frames may be stretched a little (decoders pad to 16 px);
    # show them fitted to this size, not to the frame's own.
    picture_size_changed = Signal(QSize)
    ended = Signal()  # reached the end of the episode
    error = Signal(object)  # PlaybackProblem
    volume_changed = Signal(int)  # 0..100, the level actually applied

    def load(self, location: str, start_ms: int = 0) -> None:
        """Open ``location`` (path or URL) and start playing at ``start_ms``."""
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def toggle_pause(self) -> None:
        if self.state() is PlaybackState.PLAYING:
            self.pause()
        elif self.state() is PlaybackState.PAUSED:
            self.resume()

    def seek(self, position_ms: int) -> None:
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        raise NotImplementedError

    def rate(self) -> float:
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        """Set the level 0..100 (the engine clamps it)."""
        raise NotImplementedError

    def volume(self) -> int:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def state(self) -> PlaybackState:
        raise NotImplementedError

    def position(self) -> int:
        raise NotImplementedError

    def duration(self) -> int:
        raise NotImplementedError

    def location(self) -> str | None:
        raise NotImplementedError

    def picture_size(self) -> QSize:
        """The visible picture size of the current episode (empty before the first frame)."""
        raise NotImplementedError

    def set_dialogue_clarity(self, on: bool) -> None:
        """Background music down, speech up (like Youku's 长辈音效), or back to flat."""

    def set_display_size(self, width: int, height: int) -> None:
        """Tell the engine how large the picture will be shown, so it can scale once, early."""

    def set_frame_filter(self, frame_filter: Callable[[Any, float], None] | None) -> None:
        """Change every picture in place before it is shown (a ``(h, w, 4)`` BGRX array and
        the monotonic time), on the engine's video thread. Engines that never hold the
        pictures themselves ignore it."""

    def shutdown(self) -> None:
        """Release everything; the engine is unusable afterwards."""
