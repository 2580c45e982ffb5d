"""What is playing now: one series, one episode, auto-next, and the event log of it.

Screens ask the session to play, pause or move on; the session drives the engine and
records what happened. It never touches widgets. Every start (a tile, a big button,
next/previous, auto-next) goes through ``start``, which asks the checks of
``player.start_checks`` in their declared order before the episode plays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from player.config.store import Settings
from player.engine.base import ErrorCode, PlaybackEngine, PlaybackProblem, PlaybackState
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.locations import is_remote
from player.start_checks import (
    Check,
    Hold,
    Play,
    Skip,
    StartCheck,
    StartKind,
    StartRequest,
)

PROGRESS_INTERVAL_MS = 5000
# Waits between reconnection attempts for a stream that dropped: about half a minute in all.
RETRY_DELAYS_MS = (1000, 2000, 4000, 8000, 8000, 8000)
_NETWORK_CODES = frozenset({ErrorCode.STREAM, ErrorCode.INCOMPLETE, ErrorCode.TIMEOUT})


class ProgressSink(Protocol):
    """Where watching progress goes (``player.progress.ProgressStore``)."""

    def save(self, series: Series, episode: Episode, position_ms: int,
             duration_ms: int) -> None: ...


class PlaybackSession(QObject):
    about_to_play = Signal(object, int)  # Series, episode index: the screen turns to Playing
    episode_started = Signal(object, int)  # Series, episode index
    auto_next = Signal(object, int)  # Series, index of the episode about to start
    series_finished = Signal(object)  # Series
    failed = Signal(object)  # PlaybackProblem
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
        self._checks: dict[Check, StartCheck] = {}
        self._unsaved: list[Callable[[Series], bool]] = []
        engine.state_changed.connect(self._on_state)
        engine.first_frame.connect(self._on_first_frame)
        engine.ended.connect(self._on_ended)
        engine.error.connect(self._on_error)

    def set_check(self, which: Check, check: StartCheck) -> None:
        """``check`` answers for ``which`` before every start; each check has one owner."""
        if which in self._checks:
            raise ValueError(f"{which.name} is already answered for")
        self._checks[which] = check

    def start(self, request: StartRequest) -> None:
        """Play ``request`` once every check lets it; else do what the first objection says."""
        if self._cleared(request, None):
            self.play(request.series, request.index, request.start_ms)

    def go_on(self, request: StartRequest, after: Check) -> None:
        """A question was answered: ask the checks after ``after``, then play."""
        if self._cleared(request, after):
            self.play(request.series, request.index, request.start_ms)

    def _cleared(self, request: StartRequest, after: Check | None) -> bool:
        """True when the checks after ``after`` (all of them for ``None``) let ``request``
        play; otherwise the first objection has been carried out."""
        for which in Check:
            check = self._checks.get(which)
            if check is None or (after is not None and which.value <= after.value):
                continue
            verdict = check(request)
            if isinstance(verdict, Play):
                continue
            if isinstance(verdict, Hold):
                verdict.ask()
            elif isinstance(verdict, Skip):
                if verdict.to is not None:
                    self.go_on(request.instead(verdict.to), which)
                verdict.then()
            return False
        return True

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
        """Play now, asking nothing (``start`` asks the checks first)."""
        self.about_to_play.emit(series, index)
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
            if not self._cleared(StartRequest(self._series, following,
                                              kind=StartKind.AUTO_NEXT), None):
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

    def _on_error(self, problem: PlaybackProblem) -> None:
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
