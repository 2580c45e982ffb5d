"""A playback engine for fast screen, session and speech tests: ``FakeEngine``.

It implements ``player.engine.base.PlaybackEngine`` the way ``VlcEngine`` behaves on the
same calls (tests/test_fakes.py plays the same scenarios through both and compares what
they emit): the same state machine, the same order of signals while an episode opens, the
same clamping of volume, rate and seek, the same errors for a missing or empty file.

What it cannot know it is told: what is at a location (``FakeMedia``: length, picture size,
a problem it has), and, unless ``autoplay`` is on, when time passes (``tick_to``,
``finish``). Errors are injected with ``fail``.

Two ways of running:

* ``FakeEngine()`` (the default, for step-by-step tests): ``load`` opens at once, the clock
  moves only when the test says (``tick_to``, ``finish``).
* ``FakeEngine(autoplay=True)``: opening completes on the next turn of the event loop, as
  libVLC's does, and a clock advances the position every ``clock_interval_ms`` (by that
  much times the rate) until the episode ends by itself. Until the loop turns the episode
  is OPENING, so a test can look at that state, or call ``open()`` itself.

Where it is simpler than libVLC: a pause asked for while opening is ignored; a stream never
stalls by itself (inject ``fail(ErrorCode.STREAM)``); TIMEOUT comes when opening would
finish, not after 15 s; frames are one flat colour, one per clock tick.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QColor, QImage

from player.engine.base import ErrorCode, PlaybackEngine, PlaybackProblem, PlaybackState
from player.locations import is_remote

DEFAULT_DURATION_MS = 60_000
# Problems a real engine finds before it opens anything (it looks at the file first).
_BEFORE_OPENING = frozenset({ErrorCode.MISSING, ErrorCode.EMPTY})
# Like VlcEngine: an episode that ends before this share of its length was cut short.
_INCOMPLETE_SHARE = 0.9


@dataclass(frozen=True)
class FakeMedia:
    """What the fake finds at a location."""

    duration_ms: int = DEFAULT_DURATION_MS
    picture: QSize = field(default_factory=lambda: QSize(360, 640))
    colour: str = "#2E7D32"
    # Opening fails with this (MISSING and EMPTY fail at load, the others once opening).
    problem: ErrorCode | None = None
    # libVLC takes some damaged files for a stream it can play (PLAYING) before it gives up
    # on them with ``problem``; others it refuses while opening.
    plays_before_failing: bool = False
    # A damaged file: playback stops here (an INCOMPLETE error if far from the end).
    stops_at_ms: int | None = None


class FakeEngine(PlaybackEngine):
    """A ``PlaybackEngine`` without libVLC; see the module docstring.

    Counters and flags for tests: ``loads`` (locations asked for, in order), ``pauses``
    (pause requests), ``resumes`` (resumes that took effect), ``seeks``. With
    ``confirm_pause_later`` a ``pause()`` takes effect only on ``confirm_pause()``, as
    libVLC confirms a pause some milliseconds later (``pause_pending`` meanwhile).
    """

    def __init__(self, *, autoplay: bool = False, check_files: bool = False,
                 clock_interval_ms: int = 50, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.media: dict[str, FakeMedia] = {}
        self.default_media = FakeMedia()
        self.check_files = check_files  # unknown local paths: missing or empty, as on disk
        self.autoplay = autoplay
        self.confirm_pause_later = False
        self.pause_pending = False
        self.loads: list[str] = []
        self.pauses = 0
        self.resumes = 0
        self.seeks: list[int] = []
        self.display_size = QSize()
        self.frame_filter: Callable[[Any, float], None] | None = None
        self.clarity = False
        self.shut_down = False
        self._state = PlaybackState.IDLE
        self._location: str | None = None
        self._current = FakeMedia()
        self._position = 0
        self._duration = 0
        self._volume = 100
        self._rate = 1.0
        self._picture = QSize()
        self._serial = 0
        self._clock = QTimer(self)
        self._clock.setInterval(clock_interval_ms)
        self._clock.timeout.connect(self._clock_tick)

    # --- what the test declares -------------------------------------------------------------
    def add_media(self, location: str, media: FakeMedia | None = None, **fields: Any) -> None:
        """Declare what is at ``location`` (``FakeMedia`` or its fields as keywords)."""
        self.media[location] = media if media is not None else FakeMedia(**fields)

    def media_at(self, location: str) -> FakeMedia:
        known = self.media.get(location)
        if known is not None:
            return known
        if self.check_files and not is_remote(location):
            path = Path(location)
            if not path.is_file():
                return FakeMedia(problem=ErrorCode.MISSING)
            if path.stat().st_size == 0:
                return FakeMedia(problem=ErrorCode.EMPTY)
        return self.default_media

    # --- PlaybackEngine -----------------------------------------------------------------------
    def load(self, location: str, start_ms: int = 0) -> None:
        if self.shut_down:
            raise RuntimeError("FakeEngine.load after shutdown")
        self._clock.stop()
        self._serial += 1
        self.pause_pending = False
        self.loads.append(location)
        self._location = location
        self._current = self.media_at(location)
        self._duration = 0
        self._position = max(0, start_ms)
        if self._current.problem in _BEFORE_OPENING:
            self.fail(self._current.problem)
            return
        self._set_state(PlaybackState.OPENING)
        if self.autoplay:
            serial = self._serial
            QTimer.singleShot(0, lambda: self._open_if_current(serial))
        else:
            self.open()

    def open(self) -> None:
        """Finish opening: in libVLC's order, length, playing, picture size, first frame."""
        if self._state is not PlaybackState.OPENING:
            return
        media = self._current
        if media.problem is not None:
            if media.plays_before_failing:
                self._set_state(PlaybackState.PLAYING)
            self.fail(media.problem)
            return
        if media.duration_ms > 0 and media.duration_ms != self._duration:
            self._duration = media.duration_ms
            self.duration_changed.emit(self._duration)
        self._set_state(PlaybackState.PLAYING)
        if media.picture != self._picture:
            self._picture = QSize(media.picture)
            self.picture_size_changed.emit(QSize(self._picture))
        self.first_frame.emit()
        self._show_frame()
        if self.autoplay:
            self._clock.start()

    def pause(self) -> None:
        self.pauses += 1
        if self._state is not PlaybackState.PLAYING:
            return
        if self.confirm_pause_later:
            self.pause_pending = True
        else:
            self.confirm_pause()

    def confirm_pause(self) -> None:
        """libVLC's confirmation of an earlier ``pause()``."""
        self.pause_pending = False
        if self._state is PlaybackState.PLAYING:
            self._clock.stop()
            self._set_state(PlaybackState.PAUSED)

    def resume(self) -> None:
        if self._state is PlaybackState.PAUSED:
            self.resumes += 1
            self._set_state(PlaybackState.PLAYING)
            if self.autoplay:
                self._clock.start()

    def seek(self, position_ms: int) -> None:
        if self._state not in (PlaybackState.PLAYING, PlaybackState.PAUSED):
            return
        target = max(0, position_ms)
        if self._duration:
            target = min(target, max(0, self._duration - 500))
        self.seeks.append(target)
        self._position = target
        self.position_changed.emit(target)

    def set_rate(self, rate: float) -> None:
        self._rate = min(2.0, max(0.25, rate))

    def rate(self) -> float:
        return self._rate

    def set_volume(self, volume: int) -> None:
        level = min(100, max(0, int(volume)))
        if level == self._volume:
            return
        self._volume = level
        self.volume_changed.emit(level)

    def volume(self) -> int:
        return self._volume

    def stop(self) -> None:
        self._clock.stop()
        self._serial += 1
        self.pause_pending = False
        if self._state is not PlaybackState.IDLE:
            self._set_state(PlaybackState.STOPPED)

    def state(self) -> PlaybackState:
        return self._state

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return self._duration

    def location(self) -> str | None:
        return self._location

    def picture_size(self) -> QSize:
        return QSize(self._picture)

    def set_dialogue_clarity(self, on: bool) -> None:
        self.clarity = on

    def set_display_size(self, width: int, height: int) -> None:
        self.display_size = QSize(width, height)

    def set_frame_filter(self, frame_filter: Callable[[Any, float], None] | None) -> None:
        self.frame_filter = frame_filter

    def shutdown(self) -> None:
        self._clock.stop()
        self._serial += 1
        self.shut_down = True

    # --- the test's hand on the clock ---------------------------------------------------------
    def tick_to(self, position_ms: int, step_ms: int = 50) -> None:
        """Advance like the engine's clock, one tick at a time, while playing; the episode
        ends (or stops short, if damaged) when the clock reaches its end."""
        serial = self._serial  # a load (auto-next) or a stop on the way ends the ticking
        while (self._state is PlaybackState.PLAYING and self._position < position_ms
               and serial == self._serial):
            self._advance(min(position_ms, self._position + step_ms))

    def finish(self) -> None:
        """Play to the end of the episode now."""
        end = self._current.stops_at_ms or self._duration
        self.tick_to(end, step_ms=max(1, end - self._position))

    def fail(self, code: ErrorCode = ErrorCode.UNPLAYABLE, detail: str = "") -> None:
        """The engine gives up on the episode, as VlcEngine does: ERROR, then ``error``."""
        self._clock.stop()
        self.pause_pending = False
        self._set_state(PlaybackState.ERROR)
        self.error.emit(PlaybackProblem(code, self._location or "", detail))

    # --- inside --------------------------------------------------------------------------------
    def _open_if_current(self, serial: int) -> None:
        if serial == self._serial and not self.shut_down:
            self.open()

    def _clock_tick(self) -> None:
        step = max(1, round(self._clock.interval() * self._rate))
        self._advance(self._position + step)
        if self._state is PlaybackState.PLAYING:
            self._show_frame()

    def _advance(self, position_ms: int) -> None:
        stops_at = self._current.stops_at_ms
        end = stops_at if stops_at is not None else self._duration
        if end and position_ms >= end:
            self._position = end
            self.position_changed.emit(end)
            self._reach_end()
            return
        self._position = position_ms
        self.position_changed.emit(position_ms)

    def _reach_end(self) -> None:
        self._clock.stop()
        if self._duration and self._position < self._duration * _INCOMPLETE_SHARE - 2000:
            self.fail(ErrorCode.INCOMPLETE, f"stopped at {self._position} ms")
            return
        self._set_state(PlaybackState.ENDED)
        self.ended.emit()

    def _show_frame(self) -> None:
        size = self.display_size if not self.display_size.isEmpty() else self._picture
        if size.isEmpty():
            return
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor(self._current.colour))
        if self.frame_filter is not None:
            pixels = np.frombuffer(image.bits(), dtype=np.uint8)
            pixels = pixels.reshape(image.height(), image.bytesPerLine() // 4, 4)
            self.frame_filter(pixels[:, : image.width()], time.monotonic())
        self.frame_ready.emit(image)

    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
