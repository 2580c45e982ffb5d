"""The episode soundtrack: dialogue over a quiet musical bed, plus the occasional loud "dun".

Each part is rendered as its own stem and measured, so the balance between them is set in
loudness units rather than guessed, and the finished mix is brought to the target level.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from demo_maker.loudness import Loudness, measure
from demo_maker.speech import DUN_LENGTH_S, SpokenLine, Timeline
from demo_maker.tools import ffmpeg

SAMPLE_RATE = 48_000
TARGET_LUFS = -24.0  # China TV loudness (GY/T 282)
BED_BELOW_SPEECH_LU = 20.0
DUN_ABOVE_SURROUNDINGS_LU = 15.0  # its loudest moment above the loudest of the seconds before it
SURROUNDINGS_S = 3.0
_STEM = ("-c:a", "pcm_f32le", "-ar", str(SAMPLE_RATE), "-ac", "2")

# A soft A-major chord that swells slowly; the right channel is detuned a little for width.
_CHORD = "({a}*sin(2*PI*110*t)+0.7*sin(2*PI*{e}*t)+0.5*sin(2*PI*220*t)+0.35*sin(2*PI*{c}*t))"
_BED_LEFT = _CHORD.format(a=1, e=164.81, c=277.18) + "*0.08*(0.75+0.25*sin(2*PI*0.07*t))"
_BED_RIGHT = _CHORD.format(a=1, e=165.1, c=277.6) + "*0.08*(0.75+0.25*sin(2*PI*0.05*t+1))"
# A low thump falling from about 95 Hz to 45 Hz: short attack, held 0.2 s, then a quick decay.
# Holding it keeps the peak moderate for the loudness it must reach.
_DUN_PHASE = "(45*t+6.25*(1-exp(-8*t)))"
_DUN = (
    f"0.5*sin(2*PI*{_DUN_PHASE})*min(t/0.005,1)*if(lt(t,0.2),1,exp(-9*(t-0.2)))"
    f"+0.15*sin(4*PI*{_DUN_PHASE})*exp(-9*t)"
)


@dataclass(frozen=True)
class Mix:
    path: Path  # float WAV, not yet at the target level
    gain_db: float  # to apply when encoding, bringing it to TARGET_LUFS


def render_mix(
    spoken: list[SpokenLine], timeline: Timeline, duration_s: float, work: Path, prefix: str
) -> Mix:
    speech = _speech_stem(spoken, timeline, duration_s, work / f"{prefix}_speech.wav")
    bed = _bed_stem(duration_s, work / f"{prefix}_bed.wav")
    bed_gain = measure(speech).integrated_lufs - BED_BELOW_SPEECH_LU - measure(bed).integrated_lufs
    mix = _sum([(speech, 0.0), (bed, bed_gain)], work / f"{prefix}_base.wav")
    if timeline.dun_start_s is not None:
        start = timeline.dun_start_s
        surroundings = measure(mix).max_momentary(start - SURROUNDINGS_S, start)
        dun = _dun_stem(start, duration_s, work / f"{prefix}_dun.wav")
        dun_level = measure(dun).max_momentary(0.0, duration_s)
        dun_gain = surroundings + DUN_ABOVE_SURROUNDINGS_LU - dun_level
        mix = _sum([(mix, 0.0), (dun, dun_gain)], work / f"{prefix}_mix.wav")
    return Mix(path=mix, gain_db=TARGET_LUFS - measure(mix).integrated_lufs)


def loud_jump(loudness: Loudness, start_s: float) -> float:
    """How far the loudest moment of an effect rises above the loudest of the seconds before it."""
    before = loudness.max_momentary(start_s - SURROUNDINGS_S, start_s)
    during = loudness.max_momentary(start_s, start_s + DUN_LENGTH_S + 0.4)
    return during - before


def _sum(stems: list[tuple[Path, float]], out: Path) -> Path:
    inputs: list[str | Path] = []
    parts = []
    for index, (stem, gain_db) in enumerate(stems):
        inputs += ["-i", stem]
        parts.append(f"[{index}:a]volume={gain_db:.2f}dB[in{index}]")
    labels = "".join(f"[in{index}]" for index in range(len(stems)))
    parts.append(f"{labels}amix=inputs={len(stems)}:normalize=0:duration=first[sum]")
    ffmpeg(*inputs, "-filter_complex", ";".join(parts), "-map", "[sum]", *_STEM, out)
    return out


def _speech_stem(
    spoken: list[SpokenLine], timeline: Timeline, duration_s: float, out: Path
) -> Path:
    inputs: list[str | Path] = []
    parts = []
    for index, (line, offset) in enumerate(zip(spoken, timeline.wav_offsets_s, strict=True)):
        inputs += ["-i", line.wav]
        delay_ms = round(offset * 1000)
        parts.append(
            f"[{index}:a]aresample={SAMPLE_RATE},pan=stereo|c0=c0|c1=c0,"
            f"adelay=delays={delay_ms}:all=1[v{index}]"
        )
    labels = "".join(f"[v{index}]" for index in range(len(spoken)))
    parts.append(
        f"{labels}amix=inputs={len(spoken)}:normalize=0:duration=longest,"
        f"apad=whole_dur={duration_s},atrim=end={duration_s}[speech]"
    )
    ffmpeg(*inputs, "-filter_complex", ";".join(parts), "-map", "[speech]", *_STEM, out)
    return out


def _bed_stem(duration_s: float, out: Path) -> Path:
    chord = f"aevalsrc=exprs='{_BED_LEFT}|{_BED_RIGHT}':s={SAMPLE_RATE}:d={duration_s}"
    # Pink noise, dark and faint, like the air of a room; the seed keeps it repeatable.
    air = (
        f"anoisesrc=c=pink:a=0.02:seed=20240601:r={SAMPLE_RATE}:d={duration_s},"
        "lowpass=f=700,pan=stereo|c0=c0|c1=c0"
    )
    graph = (
        f"{chord}[c];{air}[n];[c][n]amix=inputs=2:normalize=0,"
        f"afade=t=in:d=1.5,afade=t=out:st={duration_s - 1.5}:d=1.5[bed]"
    )
    ffmpeg("-filter_complex", graph, "-map", "[bed]", *_STEM, out)
    return out


def _dun_stem(start_s: float, duration_s: float, out: Path) -> Path:
    delay_ms = round(start_s * 1000)
    graph = (
        f"aevalsrc=exprs='{_DUN}':s={SAMPLE_RATE}:d={DUN_LENGTH_S},"
        f"pan=stereo|c0=c0|c1=c0,adelay=delays={delay_ms}:all=1,"
        f"apad=whole_dur={duration_s},atrim=end={duration_s}[dun]"
    )
    ffmpeg("-filter_complex", graph, "-map", "[dun]", *_STEM, out)
    return out
