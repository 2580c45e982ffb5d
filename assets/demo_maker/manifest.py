"""The files that describe the demo: one subtitle file per episode and ``demo.json``.

``demo.json`` is the ground truth tests read: title-card colours, cut times, dialogue cues,
burned-in cue times, loud effects and measured loudness, all in seconds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pysubs2

from demo_maker.loudness import Loudness
from demo_maker.picture import BURNED_REGION, TITLE_TEXT_REGION
from demo_maker.shots import Shot, ShotKind, cut_times
from demo_maker.sound import BED_BELOW_SPEECH_LU, DUN_ABOVE_SURROUNDINGS_LU, TARGET_LUFS
from demo_maker.speech import DUN_LENGTH_S, VOICE, Cue
from demo_maker.story import FPS, HEIGHT, SERIES_TITLE, TITLE_CARD_FRAMES, WIDTH, EpisodeScript

FORMAT_VERSION = 1


@dataclass(frozen=True)
class BuiltEpisode:
    script: EpisodeScript
    video: str  # path relative to the demo folder, with "/" separators
    subtitle: str | None
    shots: tuple[Shot, ...]
    cues: tuple[Cue, ...]
    dun_start_s: float | None
    loudness: Loudness
    dun_jump_lu: float | None  # measured in the finished file


def write_srt(cues: Sequence[Cue], path: Path) -> None:
    subs = pysubs2.SSAFile()
    for cue in cues:
        start, end = round(cue.start_s * 1000), round(cue.end_s * 1000)
        subs.append(pysubs2.SSAEvent(start=start, end=end, text=cue.text))
    subs.save(str(path), encoding="utf-8", format_="srt")


def write_manifest(episodes: Sequence[BuiltEpisode], series_dir: str, path: Path) -> None:
    data = {
        "format": FORMAT_VERSION,
        "series": SERIES_TITLE,
        "folder": series_dir,
        "cover": f"{series_dir}/cover.jpg",
        "width": WIDTH,
        "height": HEIGHT,
        "fps": FPS,
        "title_card": {
            "duration_s": TITLE_CARD_FRAMES / FPS,
            "text_region": TITLE_TEXT_REGION,
        },
        "speech_voice": VOICE,
        "loudness_target_lufs": TARGET_LUFS,
        "bed_below_speech_lu": BED_BELOW_SPEECH_LU,
        "episodes": [_episode(episode) for episode in episodes],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _episode(built: BuiltEpisode) -> dict[str, Any]:
    script = built.script
    cues = [_cue(cue) for cue in built.cues]
    entry: dict[str, Any] = {
        "number": script.number,
        "file": built.video,
        "subtitle": built.subtitle,
        "title_text": script.title_text,
        "title_colour": script.title_colour,
        "pacing": script.pacing.value,
        "duration_s": script.duration_s,
        "frames": script.frames,
        "cuts": cut_times(built.shots),
        "bursts": _bursts(built.shots),
        "flashes": [
            {"start": shot.start / FPS, "end": shot.end / FPS, "colour": "#FFFFFF"}
            for shot in built.shots
            if shot.kind is ShotKind.FLASH
        ],
        "cues": cues,
        "burned_in_cues": cues if script.burned_in else [],
        "loud_effects": [],
        "loudness": {
            "integrated_lufs": built.loudness.integrated_lufs,
            "range_lu": built.loudness.range_lu,
            "true_peak_dbtp": built.loudness.true_peak_dbtp,
        },
    }
    if script.burned_in:
        entry["burned_in_region"] = BURNED_REGION
    if built.dun_start_s is not None:
        entry["loud_effects"].append(
            {
                "kind": "dun",
                "start": built.dun_start_s,
                "end": round(built.dun_start_s + DUN_LENGTH_S, 3),
                "above_surroundings_lu": DUN_ABOVE_SURROUNDINGS_LU,
                "measured_jump_lu": built.dun_jump_lu,
            }
        )
    return entry


def _cue(cue: Cue) -> dict[str, Any]:
    return {"start": round(cue.start_s, 3), "end": round(cue.end_s, 3), "text": cue.text}


def _bursts(shots: Sequence[Shot]) -> list[dict[str, Any]]:
    """The runs of very short shots that were placed on purpose."""
    runs: list[list[Shot]] = []
    for shot in shots:
        if not shot.in_burst:
            continue
        if runs and runs[-1][-1].end == shot.start:
            runs[-1].append(shot)
        else:
            runs.append([shot])
    return [
        {"start": run[0].start / FPS, "end": run[-1].end / FPS, "shots": len(run)} for run in runs
    ]
