"""Spoken dialogue: each line synthesised by espeak-ng, then placed on the episode's timeline."""

from __future__ import annotations

import math
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from demo_maker.story import FIRST_CUE_S, FPS, EpisodeScript
from demo_maker.tools import DemoBuildError, run

# espeak-ng 1.51's "cmn" voice turns hanzi into tone-numbered pinyin and then reads that pinyin
# with English rules ("好" comes out as "hao two"); "cmn-latn-pinyin" reads it as Mandarin.
# See https://github.com/espeak-ng/espeak-ng/issues/1236.
VOICE = "cmn-latn-pinyin"
RATE_WPM = 150
HOLD_S = 0.4  # a cue stays up a little after the voice stops, for slower readers
MIN_GAP_S = 0.5
MAX_GAP_S = 1.6
TAIL_S = 1.0  # quiet time after the last cue
DUN_DELAY_S = 0.35  # after the voice of the line it follows
DUN_LENGTH_S = 0.6
DUN_CLEARANCE_S = 0.6  # quiet time between the thump and the next line
_VOICED_THRESHOLD = 0.02  # of full scale: what counts as voice rather than silence


@dataclass(frozen=True)
class SpokenLine:
    text: str
    wav: Path
    voice_start_s: float  # where the voice begins inside the wav
    voice_end_s: float

    @property
    def voice_s(self) -> float:
        return self.voice_end_s - self.voice_start_s


@dataclass(frozen=True)
class Cue:
    start_s: float
    end_s: float
    text: str


@dataclass(frozen=True)
class Timeline:
    cues: tuple[Cue, ...]
    wav_offsets_s: tuple[float, ...]  # where each line's wav starts in the episode
    dun_start_s: float | None


def synthesise(lines: Sequence[str], work: Path, prefix: str) -> list[SpokenLine]:
    spoken = []
    for index, text in enumerate(lines):
        wav = work / f"{prefix}_line{index:02d}.wav"
        run(["espeak-ng", "-v", VOICE, "-s", str(RATE_WPM), "-w", wav, "--", text])
        start, end = _voiced_extent(wav)
        spoken.append(SpokenLine(text=text, wav=wav, voice_start_s=start, voice_end_s=end))
    return spoken


def lay_out(script: EpisodeScript, spoken: Sequence[SpokenLine]) -> Timeline:
    """Spread the lines evenly between the title card and the end of the episode.

    Cue times sit on frame boundaries so that burned-in text and subtitle files agree exactly.
    """
    lengths = [_snap_up(line.voice_s + HOLD_S) for line in spoken]
    dun_extra = DUN_DELAY_S + DUN_LENGTH_S + DUN_CLEARANCE_S - HOLD_S
    extra = dun_extra if script.dun_after_line is not None else 0.0
    free = script.duration_s - TAIL_S - FIRST_CUE_S - sum(lengths) - extra
    gaps = max(len(spoken) - 1, 1)
    gap = min(free / gaps, MAX_GAP_S)
    if gap < MIN_GAP_S:
        raise DemoBuildError(f"episode {script.number}: the dialogue does not fit its duration")
    cues: list[Cue] = []
    offsets: list[float] = []
    dun_start: float | None = None
    start = FIRST_CUE_S
    for index, (line, length) in enumerate(zip(spoken, lengths, strict=True)):
        start = _snap_up(start)
        cues.append(Cue(start_s=start, end_s=start + length, text=line.text))
        offsets.append(start - line.voice_start_s)
        start += length + gap
        if index == script.dun_after_line:
            dun_start = _snap_up(cues[-1].start_s + line.voice_s + DUN_DELAY_S)
            start += dun_extra
    return Timeline(cues=tuple(cues), wav_offsets_s=tuple(offsets), dun_start_s=dun_start)


def _snap_up(seconds: float) -> float:
    """Round up to the next frame boundary (with a little slack for float noise)."""
    return math.ceil(seconds * FPS - 1e-6) / FPS


def _voiced_extent(wav: Path) -> tuple[float, float]:
    # espeak-ng pads its output with silence; the cue must follow the voice itself. A threshold
    # on 16-bit samples is all this needs, so no audio-analysis library is pulled in for it.
    with wave.open(str(wav), "rb") as reader:
        rate = reader.getframerate()
        samples = np.frombuffer(reader.readframes(reader.getnframes()), dtype=np.int16)
    loud = np.flatnonzero(np.abs(samples.astype(np.float64)) > _VOICED_THRESHOLD * 32768)
    if loud.size == 0:
        raise DemoBuildError(f"espeak-ng produced silence for {wav.name}")
    return float(loud[0]) / rate, float(loud[-1] + 1) / rate
