"""Words the family screens take from the settings declaration, in the language shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from player.config.declaration import OPTIONS, Kind, Option
from player.config.presets import EASILY_STARTLED, WEAK_EYESIGHT
from player.ui.family.texts import (
    group_heading,
    option_help,
    option_label,
    preset_help,
    preset_label,
    unit_text,
    value_text,
)
from tests.player.ui.hosting import english_catalogue

BY_KEY = {option.key: option for option in OPTIONS}


@pytest.mark.parametrize(("key", "value", "shown"), [
    ("subtitles.enabled", True, "开"),
    ("subtitles.enabled", False, "关"),
    ("subtitles.position", "beside", None),  # its Chinese label, checked below
    ("subtitles.size", 6.0, "6%"),
    ("ui.text_scale", 1.2, "1.2×"),
    ("subtitles.reading_speed", 5.0, "5 字/秒"),
    ("subtitles.reading_speed", 7.5, "7.5 字/秒"),
    ("readout.rate", 85, "85%"),
    ("library.sources", ["/media/usb/短剧", "http://127.0.0.1/a.m3u"], "2 个"),
    ("library.sources", [], "0 个"),
])
def test_values_read_as_the_family_reads_them(key: str, value: object,
                                              shown: str | None) -> None:
    option = BY_KEY[key]
    text = value_text(option, value)
    if shown is None:
        choice = next(c for c in option.choices if c.value == value)
        shown = choice.label_zh
    assert text == shown


def test_a_choice_value_the_declaration_does_not_know_is_shown_as_it_is() -> None:
    assert value_text(BY_KEY["subtitles.colours"], "purple_on_green") == "purple_on_green"


def test_minutes_and_seconds_have_their_units() -> None:
    minutes = next(o for o in OPTIONS if o.unit == "分钟")
    seconds = next(o for o in OPTIONS if o.unit == "秒")
    assert value_text(minutes, 45) == "45 分钟"
    assert value_text(seconds, 0) == "0 秒"
    assert unit_text("LKFS") == "LKFS"  # read the same in every language


def test_every_group_on_the_screen_has_a_chinese_heading() -> None:
    for group in {option.group for option in OPTIONS if option.on_screen}:
        heading = group_heading(group)
        assert heading != group, f"group {group} has no heading"
        assert not heading.isascii()
    assert group_heading("新的一组") == "新的一组"  # a new group shows its own name


def test_labels_and_help_are_chinese_first() -> None:
    for option in OPTIONS:
        assert option_label(option) == option.label_zh
        assert option_help(option) == option.help_zh
    assert preset_label(WEAK_EYESIGHT) == WEAK_EYESIGHT.label_zh
    assert preset_help(EASILY_STARTLED) == EASILY_STARTLED.help_zh


def test_with_the_english_catalogue_every_word_is_english(qapp: QApplication) -> None:
    option: Option = BY_KEY["subtitles.reading_speed"]
    with english_catalogue(qapp):
        assert option_label(option) == option.label_en
        assert option_help(option) == option.help_en
        assert preset_label(WEAK_EYESIGHT) == WEAK_EYESIGHT.label_en
        assert value_text(BY_KEY["subtitles.enabled"], True) == "On"
        position = BY_KEY["subtitles.position"]
        assert value_text(position, "beside") == next(
            c.label_en for c in position.choices if c.value == "beside")
        assert group_heading("readout").isascii()
        assert value_text(option, 5.0).isascii()
    assert option_label(option) == option.label_zh  # and back


def test_every_kind_has_a_way_to_be_shown() -> None:
    kinds = {option.kind for option in OPTIONS}
    samples = {Kind.BOOL: True, Kind.CHOICE: "x", Kind.INT: 1, Kind.FLOAT: 1.5,
               Kind.TEXT_LIST: ["a"], Kind.TEXT: "文字"}
    for kind in kinds:
        option = next(o for o in OPTIONS if o.kind is kind)
        assert value_text(option, samples[kind])
