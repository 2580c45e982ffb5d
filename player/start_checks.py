"""What is asked before an episode starts, in one declared order, and what the answers mean.

Every start goes the same way: a tile, 继续观看, the big 从第 N 集 button, next/previous and
auto-next each make a ``StartRequest`` and hand it to ``PlaybackSession.start``. The session
asks the checks in ``Check`` order; each answers ``PLAY`` (no objection), ``Hold`` (keep the
episode back and put a question to the viewer) or ``Skip`` (play another episode instead, or
none). The first objection is carried out and the rest are not asked.

The order, and why:

1. ``REST``: a due rest reminder comes before anything else, so the viewer is never told
   about the next episode (its pace, or that it does not open) while a rest is due.
2. ``UNPLAYABLE``: at auto-next, an episode known not to open is passed over.
3. ``PACING_NOTICE``: an episode at or above the family's notice level (and below its skip
   level) is named, with a calmer one offered.
4. ``PACING_SKIP``: an episode at or above the family's skip level is passed over.

An answered question continues with the checks after the one that asked
(``PlaybackSession.go_on``), and a skip's replacement is asked only by the checks after the
one that skipped: the pacing skip has already chosen an episode below its level, and the
replacement of an episode that does not open still gets its pacing notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum, StrEnum

from player.library.model import Series


class Check(Enum):
    """The checks, in the order they are asked (declaration order is the order)."""

    REST = 1
    UNPLAYABLE = 2
    PACING_NOTICE = 3
    PACING_SKIP = 4


class StartKind(StrEnum):
    CHOSEN = "chosen"  # the viewer asked for it: a tile, a big button, next/previous
    AUTO_NEXT = "auto_next"  # the episode before has ended and this one follows by itself
    CAST = "cast"  # a phone sent it: played as it is, no question first


@dataclass(frozen=True)
class StartRequest:
    series: Series
    index: int
    start_ms: int = 0
    kind: StartKind = StartKind.CHOSEN
    # Not the episode first asked about: a held request going on after its question was
    # answered, or the episode a skip chose instead.
    follow_up: bool = False

    def instead(self, index: int, start_ms: int = 0) -> StartRequest:
        """The same start, for another episode of the series."""
        return replace(self, index=index, start_ms=start_ms, follow_up=True)

    def after_answer(self) -> StartRequest:
        return replace(self, follow_up=True)

    @property
    def at_end(self) -> bool:
        """Whether the episode before has just ended and this is the one following it."""
        return self.kind is StartKind.AUTO_NEXT and not self.follow_up


@dataclass(frozen=True)
class Play:
    """No objection."""


@dataclass(frozen=True)
class Hold:
    """Keep the episode back: ``ask`` puts the question to the viewer, whose answer goes on
    with ``PlaybackSession.go_on`` (or drops the request)."""

    ask: Callable[[], None]


@dataclass(frozen=True)
class Skip:
    """Play episode ``to`` instead (``None``: nothing of this series), then ``then`` (say so)."""

    to: int | None
    then: Callable[[], None] = field(default=lambda: None)


PLAY = Play()
Verdict = Play | Hold | Skip
StartCheck = Callable[[StartRequest], Verdict]
