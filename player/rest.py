"""The rest reminder: after a set time of watching, hold the next episode and say so.

Only time spent actually playing counts. The reminder never interrupts an episode: when it
is due, it waits for the end of the current one, holds the next one back (it answers the
session's first start check, ``Check.REST``, at auto-next) and emits ``due``.
``continue_watching`` lets the held episode go on through the remaining checks, and the
count begins again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from player.config.store import Settings
from player.engine.base import PlaybackEngine, PlaybackState
from player.session import PlaybackSession
from player.start_checks import PLAY, Check, Hold, StartKind, StartRequest, Verdict

SETTING = "rest.reminder_minutes"
# A pause at least this long is a rest in itself: the count starts again.
BREAK_RESETS_AFTER_S = 10 * 60


class RestReminder(QObject):
    due = Signal(int)  # whole minutes watched; shown and spoken by the window

    def __init__(self, engine: PlaybackEngine, session: PlaybackSession, settings: Settings,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._session = session
        self._settings = settings
        self.clock = clock
        self._watched_s = 0.0
        self._playing_since: float | None = None
        self._stopped_at: float | None = None
        self._held: StartRequest | None = None
        self._waiting = False
        engine.state_changed.connect(self._on_state)
        engine.ended.connect(self._on_ended)
        session.set_check(Check.REST, self._check)

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
    def _check(self, request: StartRequest) -> Verdict:
        """Keep the next episode back while a rest is due; it goes on after 继续观看. An
        episode the viewer chose is never held: the reminder waits for its end."""
        if request.kind is not StartKind.AUTO_NEXT or not self.is_due():
            return PLAY
        self._held = request
        return Hold(self._start_waiting)

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
            self._session.go_on(held.after_answer(), Check.REST)

    def dismiss(self) -> None:
        """The viewer left instead: nothing is held any more, the count starts again."""
        self._held = None
        self._waiting = False
        self.restart()
