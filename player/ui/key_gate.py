"""A remote that forgives: a held key acts once, a trembling double press acts once.

Older viewers rest a finger on a key and press twice by accident (families asking a TV-player
project: "long press must act as a short press"). Every key event passes the window's one event
filter, which asks ``KeyGate`` whether it should act:

* OK, Back and every other non-arrow key act once however long they are held: the system's
  auto-repeat presses are swallowed;
* an arrow held down moves once, then, only after ``remote.hold_repeat_ms`` of holding, moves on
  at a gentle ``GENTLE_REPEAT_MS`` rate (the system's own repeat is 25–40 a second);
* a second press of the same key within ``remote.double_press_ms`` of the previous one being let
  go is taken for a tremor and ignored. A different key is never ignored.

Both times are family settings. Auto-repeat is recognised from Qt's ``isAutoRepeat()`` and also
from presses of a key that was never let go arriving at a repeat's pace (some remotes send no
releases in between); a release lost while the window was in the background does not make the
next real press count as a repeat.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from player.ui.keys import Action

ARROWS = frozenset({Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT})
GENTLE_REPEAT_MS = 500  # two steps a second while an arrow is held past the hold time
DEFAULT_HOLD_REPEAT_MS = 1000
DEFAULT_DOUBLE_PRESS_MS = 350
_REPEAT_PACE_MS = 250  # presses of a held key closer than this are the system's repeat


class KeyGate:
    def __init__(self, hold_repeat_ms: int = DEFAULT_HOLD_REPEAT_MS,
                 double_press_ms: int = DEFAULT_DOUBLE_PRESS_MS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.hold_repeat_ms = hold_repeat_ms
        self.double_press_ms = double_press_ms
        self._clock = clock
        self._held: int | None = None  # the key down now
        self._held_since = 0.0
        self._last_step = 0.0
        self._last_seen = 0.0
        self._released: dict[int, float] = {}  # key → when it was last let go
        self.ignored = 0  # presses swallowed so far (for the event log and tests)

    def settle(self) -> None:
        """Forget the keys let go so far, as if the viewer had paused (tests press keys
        microseconds apart to mean separate, deliberate presses)."""
        self._released.clear()
        self._held = None

    def _now_ms(self, at_ms: int = 0) -> float:
        """When the key moved: the window system's own time stamp when the event has one,
        since a busy GUI thread can take two presses 0.6 s apart off its queue at once."""
        return float(at_ms) if at_ms > 0 else self._clock() * 1000

    def press(self, key: int, action: Action, auto_repeat: bool, at_ms: int = 0) -> bool:
        """Whether this key press should act (``at_ms``: the event's time stamp, 0 if none)."""
        now = self._now_ms(at_ms)
        repeated = self._held == key and now - self._last_seen < _REPEAT_PACE_MS
        self._last_seen = now
        if auto_repeat and self._held != key:
            # The press itself went elsewhere (it stopped a countdown, say): still held.
            self._held, self._held_since, self._last_step = key, now, now
            self.ignored += 1
            return False
        if self._held == key and (auto_repeat or repeated):
            return self._repeat(action, now)
        self._held, self._held_since, self._last_step = key, now, now
        released = self._released.get(key)
        if released is not None and now - released < self.double_press_ms:
            self.ignored += 1
            return False
        return True

    def release(self, key: int, auto_repeat: bool, at_ms: int = 0) -> None:
        if auto_repeat:
            return
        if self._held == key:
            self._held = None
        self._released[key] = self._now_ms(at_ms)

    def _repeat(self, action: Action, now: float) -> bool:
        if (action in ARROWS and now - self._held_since >= self.hold_repeat_ms
                and now - self._last_step >= GENTLE_REPEAT_MS):
            self._last_step = now
            return True
        self.ignored += 1
        return False
