"""What is playing now: one series, one episode, auto-next, and the event log of it.

Screens ask the session to play, pause or move on; the session drives the engine and
records what happened. It never touches widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from player.config.store import Settings
from player.engine.base import ErrorCode, PlaybackEngine, PlaybackError, PlaybackState
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.locations import is_remote

PROGRESS_INTERVAL_MS = 5000
# Waits between reconnection attempts for a stream that dropped: about half a minute in all.
RETRY_DELAYS_MS = (1000, 2000, 4000, 8000, 8000, 8000)
_NETWORK_CODES = frozenset({ErrorCode.STREAM, ErrorCode.INCOMPLETE, ErrorCode.TIMEOUT})


class ProgressSink(Protocol):
    """Where watching progress goes (``player.progress.ProgressStore``)."""

    def save(self, series: Series, episode: Episode, position_ms: int,
             duration_ms: int) -> None: ...


class PlaybackSession(QObject):
    episode_started = Signal(object, int)  # Series, episode index
    auto_next = Signal(object, int)  # Series, index of the episode about to start
    series_finished = Signal(object)  # Series
    failed = Signal(object)  # PlaybackError
    reconnecting = Signal(int)  # attempt number, from 1
    recovered = Signal(int)  # position (ms) playback continued from

    def __init__(self, engine: PlaybackEngine, settings: Settings, events: EventLog,
                 progress: ProgressSink | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._events = events
        self._progress = progress
        self._series: Series | None = None
        self._index = 0
        self._saver = QTimer(self)
        self._saver.setInterval(PROGRESS_INTERVAL_MS)
        self._saver.timeout.connect(self.save_progress)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._retry)
        self._retries = 0
        self._resume_at = 0
        self._was_paused = False
        self._next_guards: list[Callable[[Series, int], bool]] = []
        self._unsaved: list[Callable[[Series], bool]] = []
        engine.state_changed.connect(self._on_state)
        engine.first_frame.connect(self._on_first_frame)
        engine.ended.connect(self._on_ended)
        engine.error.connect(self._on_error)

    def add_auto_next_guard(self, take_over: Callable[[Series, int], bool]) -> None:
        """``take_over(series, index)`` is asked, in the order added, before the next episode
        starts by itself. Returning True means that guard has taken the episode over (a rest
        reminder, a pacing notice) and will start it, or not, itself; later guards are not asked.
        """
        self._next_guards.append(take_over)

    def skip_progress_for(self, unsaved: Callable[[Series], bool]) -> None:
        """Never keep watching progress of a series for which ``unsaved(series)`` is True
        (a cast: its address belongs to the phone, and 继续观看 must not point at it)."""
        self._unsaved.append(unsaved)

    @property
    def series(self) -> Series | None:
        return self._series

    @property
    def index(self) -> int:
        return self._index

    @property
    def episode(self) -> Episode | None:
        if self._series is None:
            return None
        return self._series.episodes[self._index]

    def play(self, series: Series, index: int, start_ms: int = 0) -> None:
        if self._series is not None and self._engine.state() in (
            PlaybackState.PLAYING, PlaybackState.PAUSED
        ):
            self.save_progress()
        self._series = series
        self._index = index
        episode = series.episodes[index]
        self._retry_timer.stop()
        self._retries = 0
        self._events.log("play_requested", location=episode.location, series=series.title,
                         episode=episode.number, start_ms=start_ms)
        self.episode_started.emit(series, index)
        self._engine.load(episode.location, start_ms)

    def toggle_pause(self) -> None:
        self._engine.toggle_pause()

    def seek(self, position_ms: int) -> None:
        before = self._engine.position()
        self._engine.seek(position_ms)
        self._events.log("seek", from_ms=before, to_ms=self._engine.position())

    def has_next(self) -> bool:
        return self._series is not None and self._index + 1 < len(self._series.episodes)

    def has_previous(self) -> bool:
        return self._series is not None and self._index > 0

    def next(self) -> None:
        if self._series is not None and self.has_next():
            self.play(self._series, self._index + 1)

    def previous(self) -> None:
        if self._series is not None and self.has_previous():
            self.play(self._series, self._index - 1)

    def stop(self) -> None:
        """Leave the episode, keeping where it was."""
        self._retry_timer.stop()
        self._retries = 0
        self.save_progress()
        self._saver.stop()
        self._engine.stop()

    def save_progress(self) -> None:
        episode = self.episode
        if self._progress is None or self._series is None or episode is None:
            return
        if any(unsaved(self._series) for unsaved in self._unsaved):
            return
        position, duration = self._engine.position(), self._engine.duration()
        if duration <= 0 or self._engine.location() != episode.location:
            return
        self._progress.save(self._series, episode, position, duration)
        self._events.log("progress_saved", location=episode.location, position_ms=position,
                         duration_ms=duration)

    # --- engine events ---------------------------------------------------------------------
    def _on_state(self, state: PlaybackState) -> None:
        if state is PlaybackState.PLAYING:
            self._saver.start()
        if state is PlaybackState.PAUSED:
            self._events.log("paused", position_ms=self._engine.position())
            self.save_progress()
        elif state is PlaybackState.PLAYING and self._was_paused:
            self._events.log("resumed", position_ms=self._engine.position())
        self._was_paused = state is PlaybackState.PAUSED

    def _on_first_frame(self) -> None:
        self._events.log("first_frame", location=self._engine.location())
        if self._retries:
            self._events.log("stream_recovered", position_ms=self._engine.position(),
                             attempts=self._retries)
            self._retries = 0
            self.recovered.emit(self._engine.position())

    def _on_ended(self) -> None:
        self._saver.stop()
        self.save_progress()
        episode = self.episode
        self._events.log("ended", location=episode.location if episode else None)
        if self._series is None:
            return
        if self.has_next() and self._settings.get("playback.auto_next"):
            following = self._index + 1
            if any(take_over(self._series, following) for take_over in self._next_guards):
                self._events.log("auto_next_held",
                                 to_episode=self._series.episodes[following].number)
                return
            self._events.log("auto_next", to_episode=self._series.episodes[self._index + 1].number)
            self.auto_next.emit(self._series, self._index + 1)
            self.play(self._series, self._index + 1)
        elif not self.has_next():
            self.series_finished.emit(self._series)

    def _retry(self) -> None:
        episode = self.episode
        if episode is not None:
            self._engine.load(episode.location, self._resume_at)

    def _on_error(self, problem: PlaybackError) -> None:
        if (is_remote(problem.location) and problem.code in _NETWORK_CODES
                and self._retries < len(RETRY_DELAYS_MS) and self.episode is not None
                and self.episode.location == problem.location):
            self._resume_at = max(self._engine.position(), 0)
            delay = RETRY_DELAYS_MS[self._retries]
            self._retries += 1
            self._events.log("stream_retry", attempt=self._retries, reason=problem.code.value,
                             detail=problem.detail, position_ms=self._resume_at,
                             delay_ms=delay)
            self.reconnecting.emit(self._retries)
            self._retry_timer.start(delay)
            return
        self._retries = 0
        self._saver.stop()
        self._events.log("error", code=problem.code.value, location=problem.location,
                         reason=problem.detail)
        self.failed.emit(problem)
