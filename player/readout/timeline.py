"""The episode's cues against the playback position: which are reached, which come next.

Read-out asks it which cues playback has reached since it last asked, which are still on
screen where playback (re)started (they are read first), and which come next (synthesised
ahead of time). It knows nothing of speaking, settings or the engine.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from accessibility.subtitles.model import Cue
from player.readout.lines import Line, cue_lines


class CueTimeline:
    def __init__(self) -> None:
        self._cues: list[Line] = []
        self._starts: list[int] = []
        self._next = 0  # index of the first cue not yet reached
        self.carried: list[Line] = []  # on screen where playback (re)started: read them first

    def replace(self, cues: Sequence[Cue]) -> None:
        """The cues of another episode (position them with ``reposition``)."""
        self._cues = cue_lines(cues)
        self._starts = [line.start_ms for line in self._cues]

    def extend(self, cues: Sequence[Cue]) -> bool:
        """Add the cues starting after every known one; ``False`` when there were none."""
        last = self._starts[-1] if self._starts else -1
        lines = cue_lines(cues, first_index=len(self._cues), after_ms=last)
        if not lines:
            return False
        self._cues += lines
        self._starts = [line.start_ms for line in self._cues]
        return True

    def reposition(self, position: int) -> None:
        """Continue from ``position``: cues still on screen there are carried, earlier ones not."""
        self._next = bisect.bisect_right(self._starts, position)
        self.carried = [line for line in self._cues[: self._next] if line.end_ms > position]

    def reach(self, position: int) -> list[Line]:
        """The carried cues, then every cue whose start ``position`` has passed, in order."""
        reached, self.carried = self.carried, []
        while self._next < len(self._cues) and self._cues[self._next].start_ms <= position:
            reached.append(self._cues[self._next])
            self._next += 1
        return reached

    def next_start(self) -> int | None:
        """Where the next cue not yet reached starts."""
        return self._cues[self._next].start_ms if self._next < len(self._cues) else None

    def ahead(self, count: int) -> list[Line]:
        """The next ``count`` cues not yet reached."""
        return self._cues[self._next : self._next + count]
