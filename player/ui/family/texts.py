"""Words for the family screens that come from the settings declaration, in either language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from player.config.declaration import Kind, Option
from player.config.presets import Preset


def _tr(text: str) -> str:
    return QCoreApplication.translate("FamilyTexts", text)


def english() -> bool:
    """The declaration carries both languages; the translator decides which one is in use."""
    return QLocale().language() == QLocale.Language.English


def option_label(option: Option) -> str:
    return option.label_en if english() else option.label_zh


def option_help(option: Option) -> str:
    return option.help_en if english() else option.help_zh


def preset_label(preset: Preset) -> str:
    return preset.label_en if english() else preset.label_zh


def preset_help(preset: Preset) -> str:
    return preset.help_en if english() else preset.help_zh


def group_heading(group: str) -> str:
    """Headings for the groups of the declaration; a new group shows its own name."""
    headings = {
        "ui": _tr("界面"),
        "subtitles": _tr("字幕"),
        "readout": _tr("朗读"),
        "playback": _tr("播放"),
        "sound": _tr("声音"),
        "pacing": _tr("剪辑节奏"),
        "rest": _tr("休息"),
        "library": _tr("剧集来源"),
        "family": _tr("家人"),
    }
    return headings.get(group, group)


def value_text(option: Option, value: Any) -> str:
    """The current value as the family reads it: 开/关, a choice's name, a number and unit."""
    kind = option.kind
    if kind is Kind.BOOL:
        return _tr("开") if value else _tr("关")
    if kind is Kind.CHOICE:
        for choice in option.choices:
            if choice.value == value:
                return choice.label_en if english() else choice.label_zh
        return str(value)
    if kind in (Kind.INT, Kind.FLOAT):
        number = f"{value:g}"
        if not option.unit:
            return number
        separator = "" if option.unit in ("%", "×") else " "
        return f"{number}{separator}{option.unit}"
    if kind is Kind.TEXT_LIST:
        return _tr("%1 个").replace("%1", str(len(value)))
    return str(value)
