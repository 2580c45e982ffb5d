"""What the analyser reports about one episode, in the shape ``silverreel inspect`` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Level(StrEnum):
    CALM = "calm"
    MODERATE = "moderate"
    FAST = "fast"
    VERY_FAST = "very_fast"


LEVEL_ORDER: tuple[Level, ...] = (Level.CALM, Level.MODERATE, Level.FAST, Level.VERY_FAST)

# The words the viewer sees on badges and hears in notices.
LEVEL_NAMES_ZH: dict[Level, str] = {
    Level.CALM: "平缓",
    Level.MODERATE: "适中",
    Level.FAST: "较快",
    Level.VERY_FAST: "很快",
}


@dataclass(frozen=True)
class Burst:
    start_s: float
    end_s: float
    cuts: int


@dataclass(frozen=True)
class FlashSpan:
    start_s: float
    end_s: float


@dataclass(frozen=True)
class LoudnessJump:
    t_s: float  # onset of the jump, to 0.1 s
    rise_lu: float  # how far momentary loudness rose above the recent median


@dataclass(frozen=True)
class PacingResult:
    duration_s: float
    cuts: tuple[float, ...]  # time of the first frame of each new shot
    cuts_per_minute: float
    shortest_shot_s: float | None  # None when there is no picture
    bursts: tuple[Burst, ...]
    flashes: tuple[FlashSpan, ...]  # periods with more flashes a second than allowed
    integrated_lufs: float | None  # None without sound, or with only silence
    loudness_jumps: tuple[LoudnessJump, ...]
    level: Level | None  # None when the picture could not be analysed
    # Not part of the inspect output, but wanted by sound levelling and cut indicators:
    momentary_lufs: tuple[float, ...] = field(default=(), repr=False)  # 400 ms windows, 0.1 s apart
    white_flash_cuts: tuple[float, ...] = ()  # cuts made through a 1–3 frame white flash (闪白)
    # Subtitles read off the picture: (start_ms, end_ms, text, confidence), in time order.
    picture_cues: tuple[tuple[int, int, str, float], ...] = ()

    @property
    def level_zh(self) -> str | None:
        return LEVEL_NAMES_ZH[self.level] if self.level is not None else None

    def to_json(self) -> dict[str, Any]:
        """The ``pacing`` object of ``silverreel inspect EPISODE --json``."""
        return {
            "duration_s": _round(self.duration_s),
            "cuts": [_round(t) for t in self.cuts],
            "cuts_per_minute": _round(self.cuts_per_minute, 2),
            "shortest_shot_s": _round(self.shortest_shot_s),
            "bursts": [
                {"start_s": _round(b.start_s), "end_s": _round(b.end_s), "cuts": b.cuts}
                for b in self.bursts
            ],
            "flashes": [{"start_s": _round(f.start_s), "end_s": _round(f.end_s)}
                        for f in self.flashes],
            "loudness": {
                "integrated_lufs": _round(self.integrated_lufs, 1),
                "jumps": [{"t_s": _round(j.t_s, 1), "rise_lu": _round(j.rise_lu, 1)}
                          for j in self.loudness_jumps],
            },
            "level": self.level.value if self.level is not None else None,
        }


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)
