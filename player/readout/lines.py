"""What read-out speaks: lines made from subtitle cues, and the parts that voice them.

A line is a cue's speakable text with its place on the timeline, or an announcement of the
app's own (no place). The scheduler (``player.readout.scheduler``) orders them; the
synthesizer and the player it is given only need the small interfaces below.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SignalInstance

from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import speakable_text


class Synthesizer(Protocol):
    ready: SignalInstance  # (text, path)
    failed: SignalInstance  # (text, reason)

    def request(self, text: str) -> str | None: ...

    def prepare(self, texts: Iterable[str]) -> None: ...


class Player(Protocol):
    started: SignalInstance
    finished: SignalInstance

    def play(self, path: str) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Line:
    text: str
    cue_index: int = -1  # -1: an announcement
    start_ms: int = 0
    end_ms: int = 0

    @property
    def is_cue(self) -> bool:
        return self.cue_index >= 0


def cue_lines(cues: Sequence[Cue], *, first_index: int = 0, after_ms: int | None = None,
              ) -> list[Line]:
    """The speakable cues in time order, numbered from ``first_index``.

    Cues without speakable text or ending before they start are left out, and so is every
    cue starting at or before ``after_ms`` when it is given.
    """
    lines = sorted(
        (
            (cue.start_ms, cue.end_ms, text)
            for cue in cues
            if (after_ms is None or cue.start_ms > after_ms) and cue.end_ms >= cue.start_ms
            and (text := speakable_text(cue.text))
        ),
        key=lambda item: (item[0], item[1]),
    )
    return [Line(text, first_index + i, start, end) for i, (start, end, text) in enumerate(lines)]
