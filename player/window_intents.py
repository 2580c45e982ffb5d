"""What a part outside the screens (the cast receiver and shelf, opening a file from the
desktop) may ask of the window: intents such as "play this", "say this", "ask this", and
the few moments it may follow. Nothing outside player/ui/ imports a screen; the window
(player/ui/mainwindow.py) is the one thing that has this shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import SignalInstance

from player.engine.base import PlaybackEngine
from player.library.model import Series
from player.session import PlaybackSession
from player.start_checks import StartKind


class WindowIntents(Protocol):
    home_ready: SignalInstance  # Home shows the library for the first time (or again)
    action_handled: SignalInstance  # (Action) after the window did what a key meant
    screen_changed: SignalInstance  # another page came into view
    cast_chosen: SignalInstance  # (int) a cast offered by show_casts was chosen on Home
    playing_left: SignalInstance  # Back on the Playing screen, after the window left it

    @property
    def engine(self) -> PlaybackEngine: ...

    @property
    def session(self) -> PlaybackSession: ...

    @property
    def library(self) -> list[Series]:
        """The series on Home, in their order."""
        ...

    def show_message(self, text: str, seconds: float = 6.0) -> None:
        """Shown large for a while and said aloud."""
        ...

    def start_playing(self, series: Series, index: int, start_ms: int = 0,
                      kind: StartKind = StartKind.CHOSEN) -> None:
        """Start through the session's start checks (rest, pacing, episodes that won't open)."""
        ...

    def leave_playing(self) -> None:
        """Stop and go back to the series (or Home)."""
        ...

    def open_series(self, series_index: int, focus_index: int | None = None) -> None: ...

    def resume_position(self, series: Series, index: int) -> int: ...

    def ask(self, question: str, answers: tuple[str, str],
            on_answer: Callable[[int], None], opaque: bool = False) -> object:
        """A large, spoken question with two answers, the first (safe) one focused."""
        ...

    def has_overlay(self) -> bool:
        """Whether a question is open (a second one must wait)."""
        ...

    def is_playing(self) -> bool:
        """Whether the Playing screen is on view."""
        ...

    def is_home(self) -> bool: ...

    def show_source(self, name: str) -> None:
        """What plays, named on the Playing screen instead of "第 N 集"."""
        ...

    def show_casts(self, casts: list[tuple[str, int]]) -> None:
        """Casts that can be taken up again, offered on Home (title, percent watched)."""
        ...
