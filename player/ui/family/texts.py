"""Words for the family screens that come from the settings declaration, in either language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from player.config.declaration import GROUPS_BY_KEY, Kind, Option
from player.config.presets import Preset
from player.i18n import english

# Short name for the catalogue lookup; lupdate finds translate("Context", "text") calls.
translate = QCoreApplication.translate


def option_label(option: Option) -> str:
    return option.label_en if english() else option.label_zh


def option_help(option: Option) -> str:
    return option.help_en if english() else option.help_zh


def preset_label(preset: Preset) -> str:
    return preset.label_en if english() else preset.label_zh


def preset_help(preset: Preset) -> str:
    return preset.help_en if english() else preset.help_zh


def group_heading(group: str) -> str:
    """The declaration's heading for a group; a group without one shows its own name."""
    heading = GROUPS_BY_KEY.get(group)
    if heading is None:
        return group
    return heading.heading_en if english() else heading.heading_zh


def unit_text(unit: str) -> str:
    """A unit of the declaration in the language shown; % × LKFS read the same in both."""
    units = {
        "字/秒": translate("FamilyTexts", "字/秒"),
        "次/分": translate("FamilyTexts", "次/分"),
        "秒": translate("FamilyTexts", "秒"),
        "毫秒": translate("FamilyTexts", "毫秒"),
        "分钟": translate("FamilyTexts", "分钟"),
    }
    return units.get(unit, unit)


def value_text(option: Option, value: Any) -> str:
    """The current value as the family reads it: 开/关, a choice's name, a number and unit."""
    kind = option.kind
    if kind is Kind.BOOL:
        return translate("FamilyTexts", "开") if value else translate("FamilyTexts", "关")
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
        return f"{number}{separator}{unit_text(option.unit)}"
    if kind is Kind.TEXT_LIST:
        return translate("FamilyTexts", "%1 个").replace("%1", str(len(value)))
    return str(value)
