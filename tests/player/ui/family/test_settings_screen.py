"""家人设置: generated from the declaration, walked and changed with the six keys alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.config.declaration import OPTIONS
from player.config.transfer import PlaceFinder
from player.ui.family.option_row import OptionRow
from player.ui.family.settings_screen import FamilySettingsScreen
from player.ui.family.texts import option_help, option_label
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, open_family_settings, press_until, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key


def _enter(qtbot: QtBot, parts: Assembly) -> FamilySettingsScreen:
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    screen = parts.family.settings_screen
    assert parts.window.stack.currentWidget() is screen
    return screen


def test_every_preference_is_on_screen_reachable_by_down_and_changed_by_right_and_ok(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    settings = parts.settings
    screen = _enter(qtbot, parts)
    assert focused() is screen.preset_buttons[0]  # the top

    visited: list[str] = []
    for _ in range(200):
        widget = focused()
        assert widget is not None
        assert not widget.visibleRegion().isEmpty()
        key = widget.property("option_key")
        if key and key not in visited:
            visited.append(key)
        press(qtbot, parts, K.Key_Down)
        if focused() is widget:
            break
    declared = [option.key for option in OPTIONS if option.on_screen]
    assert visited == declared  # all of them, in declaration order
    assert "family.pin_hash" not in visited

    for option in OPTIONS:
        if option.on_screen:
            row = screen.row(option.key)
            name = row.accessibleName()
            assert option_label(option) in name
            assert option_help(option) in name
            assert row.value_text

    rest = screen.row("rest.reminder_minutes")
    press_until(qtbot, parts, K.Key_Up, rest)
    assert rest.value_text == "60 分钟"
    with qtbot.wait_signal(settings.changed) as changed:
        press(qtbot, parts, K.Key_Right)
    assert changed.args == ["rest.reminder_minutes", 75]
    assert rest.value_text == "75 分钟"
    assert focused() is rest
    press(qtbot, parts, K.Key_Left, K.Key_Left)
    assert settings.get("rest.reminder_minutes") == 45
    press(qtbot, parts, K.Key_Return)
    assert settings.get("rest.reminder_minutes") == 60

    enlarged = screen.row("ui.enlarged")
    press_until(qtbot, parts, K.Key_Up, enlarged)
    normal_target = parts.window.theme().target_px
    press(qtbot, parts, K.Key_Return)
    assert settings.get("ui.enlarged") is True
    assert enlarged.value_text == "开"
    assert parts.window.theme().target_px > normal_target  # applied at once
    assert focused() is enlarged

    colours = screen.row("subtitles.colours")
    press_until(qtbot, parts, K.Key_Down, colours)
    press(qtbot, parts, K.Key_Right)
    assert settings.get("subtitles.colours") == "yellow_on_dark"
    assert colours.value_text == "黄字黑底"
    press(qtbot, parts, K.Key_Right)  # a choice cycles round
    assert settings.get("subtitles.colours") == "white_on_dark"

    press(qtbot, parts, K.Key_Escape)
    assert parts.window.stack.currentWidget() is parts.window.home


def test_numbers_stop_at_their_range_with_left_and_right(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    screen = _enter(qtbot, parts)
    row = screen.row("ui.text_scale")
    press_until(qtbot, parts, K.Key_Down, row)
    press(qtbot, parts, *[K.Key_Right] * 10)
    assert parts.settings.get("ui.text_scale") == 1.6
    press(qtbot, parts, K.Key_Left)
    assert parts.settings.get("ui.text_scale") == 1.5  # not 1.4999999
    press(qtbot, parts, *[K.Key_Left] * 10)
    assert parts.settings.get("ui.text_scale") == 1.0
    assert row.value_text == "1×"


def test_a_preset_applies_at_once_and_can_be_adjusted(
    qtbot: QtBot, build_app: Build, short_library: Path
) -> None:
    parts = build_app(short_library)
    screen = _enter(qtbot, parts)
    press(qtbot, parts, K.Key_Right, K.Key_Right)
    assert focused() is screen.preset_buttons[2]  # 容易受惊
    press(qtbot, parts, K.Key_Return)
    assert parts.settings.get("sound.max_volume") == 70
    assert screen.row("sound.max_volume").value_text == "70%"
    assert "容易受惊" in parts.window.banner.text()
    row = screen.row("sound.max_volume")
    press_until(qtbot, parts, K.Key_Down, row)
    press(qtbot, parts, K.Key_Right)
    assert parts.settings.get("sound.max_volume") == 75


def _usb(tmp_path: Path, short_library: Path, parts: Assembly) -> Path:
    """The short library, seen as a mounted USB stick."""
    home = tmp_path / "home"
    home.mkdir()
    parts.family.places = PlaceFinder(home=home, mounts=lambda: [str(short_library)],
                                      roots=(short_library.parent,))
    return home


def test_sources_are_added_from_a_usb_stick_and_removed_after_asking(
    qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path
) -> None:
    parts = build_app(short_library)
    _usb(tmp_path, short_library, parts)
    screen = _enter(qtbot, parts)
    chooser = parts.family.chooser
    add = screen.list_buttons("library.sources")[-1]
    press_until(qtbot, parts, K.Key_Down, add)
    press(qtbot, parts, K.Key_Return)
    assert parts.window.stack.currentWidget() is chooser
    assert [b.text() for b in chooser.buttons()] == [f"U 盘：{short_library.name}",
                                                     "家里网络上的媒体服务器（NAS）"]
    press(qtbot, parts, K.Key_Escape)  # Back: nothing added
    assert parts.window.stack.currentWidget() is screen
    assert parts.settings.get("library.sources") == []

    press(qtbot, parts, K.Key_Return)
    press(qtbot, parts, K.Key_Return)
    assert parts.settings.get("library.sources") == [str(short_library)]
    assert parts.window.stack.currentWidget() is screen
    entry, add_again = screen.list_buttons("library.sources")
    assert str(short_library) in entry.text()
    assert focused() is add_again

    press(qtbot, parts, K.Key_Up)
    assert focused() is entry
    press(qtbot, parts, K.Key_Return)
    assert chooser.title.text() == "要删除这个剧集来源吗？"
    keep, remove = chooser.buttons()
    assert focused() is keep  # the safe answer first
    press(qtbot, parts, K.Key_Down)
    assert focused() is remove
    press(qtbot, parts, K.Key_Return)
    assert parts.settings.get("library.sources") == []
    assert isinstance(screen.row("library.sources"), OptionRow)
    assert screen.row("library.sources").value_text == "0 个"


def test_export_to_the_usb_stick_and_import_it_back(
    qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path
) -> None:
    parts = build_app(short_library)
    _usb(tmp_path, short_library, parts)
    screen = _enter(qtbot, parts)
    press_until(qtbot, parts, K.Key_Down, screen.export_button)
    press(qtbot, parts, K.Key_Return)
    [exported] = sorted(short_library.glob("silverreel-settings-*.json"))
    try:
        assert str(exported) in parts.window.banner.text()
        assert "family.pin_hash" not in json.loads(exported.read_text(encoding="utf-8"))["values"]

        parts.settings.update({"ui.enlarged": True, "readout.rate": 120})
        press(qtbot, parts, K.Key_Right)
        assert focused() is screen.import_button
        press(qtbot, parts, K.Key_Return)
        chooser = parts.family.chooser
        assert parts.window.stack.currentWidget() is chooser
        assert chooser.buttons()[0].text().startswith(exported.name)
        press(qtbot, parts, K.Key_Return)
        assert chooser.title.text() == "导入结果"
        assert chooser.lines[0].startswith("已导入")
        assert parts.settings.get("ui.enlarged") is False
        assert parts.settings.get("readout.rate") == 85
        assert parts.family.pin_gate.has_pin()  # the PIN was not in the file, and stays
        press(qtbot, parts, K.Key_Return)  # 好的
        assert parts.window.stack.currentWidget() is screen
        assert focused() is screen.import_button
    finally:
        exported.unlink()
