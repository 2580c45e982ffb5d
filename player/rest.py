"""The rest reminder: after a set time of watching, hold the next episode and say so.

Only time spent actually playing counts. The reminder never interrupts an episode: when it
is due, it waits for the end of the current one, stops the next one before it gets going
(the session has already started it by then) and emits ``due``. ``continue_watching``
starts the held episode and the count begins again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from player.config.store import Settings
from player.engine.base import PlaybackEngine, PlaybackState
from player.library.model import Series
from player.session import PlaybackSession

SETTING = "rest.reminder_minutes"
# A pause at least this long is a rest in itself: the count starts again.
BREAK_RESETS_AFTER_S = 10 * 60


class RestReminder(QObject):
    due = Signal(int)  # whole minutes watched; shown and spoken by the window

    def __init__(self, engine: PlaybackEngine, session: PlaybackSession, settings: Settings,
                 clock: Callable[[], float] = time.monotonic,
                 play: Callable[[Series, int], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._session = session
        self._settings = settings
        self.clock = clock
        # How the held episode starts again: the window passes its own start, so the episode
        # goes through the same gate (pacing notice, skip) as any other.
        self._play = play or session.play
        self._watched_s = 0.0
        self._playing_since: float | None = None
        self._stopped_at: float | None = None
        self._held: tuple[Series, int] | None = None
        self._waiting = False
        engine.state_changed.connect(self._on_state)
        engine.ended.connect(self._on_ended)
        session.add_auto_next_guard(self._take_over_next)

    # --- counting -------------------------------------------------------------------------
    def watched_seconds(self) -> float:
        running = 0.0
        if self._playing_since is not None:
            running = max(0.0, self.clock() - self._playing_since)
        return self._watched_s + running

    def is_due(self) -> bool:
        minutes = int(self._settings.get(SETTING))
        return minutes > 0 and self.watched_seconds() >= minutes * 60

    @property
    def holding(self) -> bool:
        """Whether the reminder is up and waiting for the viewer."""
        return self._waiting

    def restart(self) -> None:
        """Start counting from nothing (after a reminder, or a rest)."""
        self._watched_s = 0.0
        self._playing_since = self.clock() if self._playing_since is not None else None
        self._stopped_at = None

    def _on_state(self, state: PlaybackState) -> None:
        now = self.clock()
        if state is PlaybackState.PLAYING:
            if self._playing_since is None:
                if self._stopped_at is not None and now - self._stopped_at >= BREAK_RESETS_AFTER_S:
                    self._watched_s = 0.0
                self._playing_since = now
        elif self._playing_since is not None:
            self._watched_s += max(0.0, now - self._playing_since)
            self._playing_since = None
            self._stopped_at = now

    # --- the end of an episode ------------------------------------------------------------
    def _take_over_next(self, series: Series, index: int) -> bool:
        """Keep the next episode back while a rest is due; it starts on 继续观看."""
        if not self.is_due():
            return False
        self._held = (series, index)
        self._start_waiting()
        return True

    def _on_ended(self) -> None:
        # The last episode of a series has no next one to hold, but still earns a reminder;
        # decide once the session has handled the same signal, whichever was connected first.
        QTimer.singleShot(0, self._after_episode)

    def _after_episode(self) -> None:
        if not self._waiting and self.is_due():
            self._start_waiting()

    def _start_waiting(self) -> None:
        self._waiting = True
        self.due.emit(int(self.watched_seconds() // 60))

    def continue_watching(self) -> None:
        """The viewer chose to go on: start the held episode, count from nothing."""
        held, self._held = self._held, None
        self._waiting = False
        self.restart()
        if held is not None:
            self._play(*held)

    def dismiss(self) -> None:
        """The viewer left instead: nothing is held any more, the count starts again."""
        self._held = None
        self._waiting = False
        self.restart()
