"""Where each episode cuts: a deterministic shot list per pacing, which is also the test truth."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum

from demo_maker.story import FPS, TITLE_CARD_FRAMES, Pacing


class ShotKind(StrEnum):
    TITLE = "title"
    SCENE = "scene"
    FLASH = "flash"


@dataclass(frozen=True)
class Shot:
    start: int  # first frame
    frames: int
    kind: ShotKind
    in_burst: bool = False  # one of a run of very short shots

    @property
    def end(self) -> int:
        return self.start + self.frames


# Ordinary shot lengths in frames: calm 6-10 s, moderate 2-3 s, fast 0.4-1.2 s.
SHOT_FRAMES: dict[Pacing, tuple[int, int]] = {
    Pacing.CALM: (150, 250),
    Pacing.MODERATE: (50, 75),
    Pacing.FAST: (10, 30),
}
BURST_SHOTS = 4
BURST_SHOT_FRAMES = (10, 12)  # 0.40-0.48 s each, so 3 of them fit well inside 2 s
FLASH_FRAMES = 2
# Fast episodes: where, as a share of the time after the title card, the bursts and the flash go.
FAST_EVENTS: tuple[tuple[float, ShotKind], ...] = (
    (0.25, ShotKind.SCENE),  # a burst of very short shots
    (0.50, ShotKind.FLASH),
    (0.75, ShotKind.SCENE),
)


def plan_shots(pacing: Pacing, total_frames: int, seed: int) -> tuple[Shot, ...]:
    """Split an episode into a title card and shots whose lengths follow ``pacing``."""
    rng = random.Random(seed)
    lo, hi = SHOT_FRAMES[pacing]
    lengths: list[tuple[int, ShotKind, bool]] = [(TITLE_CARD_FRAMES, ShotKind.TITLE, False)]
    cursor = TITLE_CARD_FRAMES
    body = total_frames - TITLE_CARD_FRAMES
    events = FAST_EVENTS if pacing is Pacing.FAST else ()
    for share, kind in events:
        target = TITLE_CARD_FRAMES + round(share * body)
        if target - cursor >= lo:
            lengths += _scenes(_partition(target - cursor, lo, hi, rng))
            cursor = target
        event = _event_lengths(kind, rng)
        if cursor + sum(event) + lo > total_frames:
            break  # only short (quick) episodes run out of room
        lengths += [(n, kind, kind is ShotKind.SCENE) for n in event]
        cursor += sum(event)
    lengths += _scenes(_partition(total_frames - cursor, lo, hi, rng))
    return _place(lengths)


def cut_frames(shots: tuple[Shot, ...]) -> list[int]:
    """Frames at which a new shot starts (every hard cut, including into and out of a flash)."""
    return [shot.start for shot in shots[1:]]


def cut_times(shots: tuple[Shot, ...]) -> list[float]:
    return [frame / FPS for frame in cut_frames(shots)]


def _scenes(lengths: list[int]) -> list[tuple[int, ShotKind, bool]]:
    return [(n, ShotKind.SCENE, False) for n in lengths]


def _event_lengths(kind: ShotKind, rng: random.Random) -> list[int]:
    if kind is ShotKind.FLASH:
        return [FLASH_FRAMES]
    return [rng.randint(*BURST_SHOT_FRAMES) for _ in range(BURST_SHOTS)]


def _partition(total: int, lo: int, hi: int, rng: random.Random) -> list[int]:
    """Random shot lengths within [lo, hi] that add up to exactly ``total`` frames.

    A span shorter than ``lo`` (only in quick episodes) becomes one short shot.
    """
    if total <= 0:
        return []
    if total < lo:
        return [total]
    count = round(total / ((lo + hi) / 2))
    count = min(max(count, -(-total // hi)), total // lo)
    lengths = [rng.randint(lo, hi) for _ in range(count)]
    # Nudge one frame at a time (in random order) until the sum is exact, staying in range.
    while (excess := sum(lengths) - total) != 0:
        step = 1 if excess < 0 else -1
        movable = [i for i, n in enumerate(lengths) if lo <= n + step <= hi]
        lengths[rng.choice(movable)] += step
    return lengths


def _place(lengths: list[tuple[int, ShotKind, bool]]) -> tuple[Shot, ...]:
    shots: list[Shot] = []
    start = 0
    for frames, kind, in_burst in lengths:
        shots.append(Shot(start=start, frames=frames, kind=kind, in_burst=in_burst))
        start += frames
    return tuple(shots)
