"""Presets: valid against the declaration, applied all at once, undone by 默认."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config.declaration import OPTIONS_BY_KEY, InvalidValue, defaults, validate
from player.config.presets import (
    DEFAULT,
    EASILY_STARTLED,
    HARD_OF_HEARING,
    PRESETS,
    WEAK_EYESIGHT,
    Preset,
    apply_preset,
)
from player.config.store import Settings


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.key)
def test_every_value_fits_the_declaration(preset: Preset) -> None:
    assert preset.values, "a preset changes something"
    for key, value in preset.values.items():
        option = OPTIONS_BY_KEY[key]  # KeyError: a preset names an unknown setting
        assert validate(option, value) == value, key
        assert option.on_screen
        assert not option.secret


def test_the_named_presets_are_there_with_chinese_names() -> None:
    assert [p.label_zh for p in PRESETS] == ["视力较弱", "听力较弱", "容易受惊", "默认"]
    assert len({p.key for p in PRESETS}) == len(PRESETS)


def test_each_need_gets_what_it_needs() -> None:
    assert WEAK_EYESIGHT.values["ui.enlarged"] is True
    assert WEAK_EYESIGHT.values["subtitles.size"] > defaults()["subtitles.size"]
    assert HARD_OF_HEARING.values["sound.dialogue_clarity"] is True
    assert EASILY_STARTLED.values["sound.soften_jumps"] is True
    assert EASILY_STARTLED.values["sound.max_volume"] < defaults()["sound.max_volume"]
    assert EASILY_STARTLED.values["playback.volume"] <= EASILY_STARTLED.values["sound.max_volume"]


def test_default_puts_back_everything_the_others_change_and_nothing_else(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("library.sources", ["/media/usb/剧"])
    for preset in PRESETS[:-1]:
        apply_preset(settings, preset)
    apply_preset(settings, DEFAULT)
    assert settings.values() == {**defaults(), "library.sources": ["/media/usb/剧"]}
    assert "library.sources" not in DEFAULT.values


def test_a_preset_is_applied_all_at_once_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    changed: list[str] = []
    settings.changed.connect(lambda key, _value: changed.append(key))
    apply_preset(settings, WEAK_EYESIGHT)
    expected = {k for k, v in WEAK_EYESIGHT.values.items() if defaults()[k] != v}
    assert set(changed) == expected
    again = Settings(path)
    assert all(again.get(k) == v for k, v in WEAK_EYESIGHT.values.items())


def test_a_broken_preset_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    broken = Preset("broken", "坏", "broken", "", "",
                    {"ui.enlarged": True, "readout.rate": 9999})
    with qtbot.assert_not_emitted(settings.changed), pytest.raises(InvalidValue):
        apply_preset(settings, broken)
    assert settings.get("ui.enlarged") is False


def test_easily_startled_calms_the_picture_and_default_puts_it_back(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    apply_preset(settings, EASILY_STARTLED)
    assert settings.get("picture.dim_flashes") is True
    assert settings.get("picture.soften_cuts") is True
    assert settings.get("picture.soften_where") == "every"
    apply_preset(settings, DEFAULT)
    assert settings.get("picture.soften_cuts") is False  # off by default
    assert settings.get("picture.dim_flashes") is True  # on by default
