"""Ready-made settings for common needs; the family picks one, then adjusts.

A preset is a named set of values, applied with one ``Settings.update`` (all or nothing).
``默认`` puts back the defaults of everything the other presets touch, and nothing else:
episode sources, the PIN and the language stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from player.config.declaration import defaults
from player.config.store import Settings


@dataclass(frozen=True)
class Preset:
    key: str
    label_zh: str
    label_en: str
    help_zh: str
    help_en: str
    values: Mapping[str, Any]


WEAK_EYESIGHT = Preset(
    "weak_eyesight", "视力较弱", "Weak eyesight",
    "界面和字幕放大，字幕用黄色，读出字幕和操作。",
    "Everything enlarged, yellow subtitles, subtitles and actions read aloud.",
    {
        "ui.enlarged": True,
        "subtitles.enabled": True,
        "subtitles.size": 8.0,
        "subtitles.colours": "yellow_on_dark",
        "readout.enabled": True,
        "readout.announce": True,
    },
)

HARD_OF_HEARING = Preset(
    "hard_of_hearing", "听力较弱", "Hard of hearing",
    "大字幕，人声更清楚，朗读声音更大更慢，剧集音量均衡。",
    "Large subtitles, clearer dialogue, a louder and slower reading voice, even loudness.",
    {
        "subtitles.enabled": True,
        "subtitles.size": 7.0,
        "readout.enabled": True,
        "readout.rate": 75,
        "readout.volume": 100,
        "readout.duck": 20,
        "sound.leveling": True,
        "sound.dialogue_clarity": True,
        "playback.volume": 90,
    },
)

EASILY_STARTLED = Preset(
    "easily_startled", "容易受惊", "Easily startled",
    "柔化突然的响声和镜头切换，减弱闪烁，快速切换时放慢，限制最大音量，节奏快的剧集先提醒，很快的跳过。",
    "Sudden bangs and hard cuts softened, flashes dimmed, rapid cuts slowed, volume capped, "
    "fast episodes announced, very fast ones skipped.",
    {
        "sound.leveling": True,
        "sound.soften_jumps": True,
        "sound.max_volume": 70,
        "playback.volume": 60,
        "pacing.badge": True,
        "pacing.indicator": True,
        "pacing.notice_from": "moderate",
        "pacing.skip_from": "very_fast",
        "rest.reminder_minutes": 45,
        "picture.dim_flashes": True,
        "picture.soften_cuts": True,
        "picture.soften_where": "every",
        "picture.slow_bursts": True,
    },
)


def _default_preset(others: tuple[Preset, ...]) -> Preset:
    touched = sorted({key for preset in others for key in preset.values})
    initial = defaults()
    return Preset(
        "default", "默认", "Default",
        "把以上几种设置改过的项目都恢复成默认值。",
        "Put back the default of everything the other presets change.",
        {key: initial[key] for key in touched},
    )


DEFAULT = _default_preset((WEAK_EYESIGHT, HARD_OF_HEARING, EASILY_STARTLED))
PRESETS: tuple[Preset, ...] = (WEAK_EYESIGHT, HARD_OF_HEARING, EASILY_STARTLED, DEFAULT)
PRESETS_BY_KEY: Mapping[str, Preset] = {preset.key: preset for preset in PRESETS}


def apply_preset(settings: Settings, preset: Preset) -> None:
    """Apply every value of ``preset`` at once (raises ``InvalidValue`` and changes nothing
    if one does not fit the declaration)."""
    settings.update(preset.values)
