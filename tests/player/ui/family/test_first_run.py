"""First-run setup: four short steps, big choices, spoken, Back one step back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.config.transfer import PlaceFinder
from player.ui.family.first_run import Step
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, press_until, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key


def test_setup_in_four_steps_with_back_ends_on_home_with_the_usb_stick(
    qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path
) -> None:
    config = tmp_path / "new-install"
    parts = build_app(short_library, config_dir=config)
    assert parts.settings.was_new
    family, window = parts.family, parts.window
    family.places = PlaceFinder(home=tmp_path, mounts=lambda: [str(short_library)],
                                roots=(short_library.parent,))
    spoken: list[str] = []
    window._announce = spoken.append
    first = family.first_run

    family.start_first_run()
    assert window.stack.currentWidget() is first
    assert first.step is Step.WELCOME
    assert focused() is first.buttons()[0]
    assert len(first.buttons()) <= 3
    assert spoken[-1].startswith("第 1 步，共 4 步")

    press(qtbot, parts, K.Key_Return)  # 开始设置
    assert first.step is Step.PRESET
    assert "第 2 步" in spoken[-1]
    press(qtbot, parts, K.Key_Escape)  # Back: one step back
    assert first.step is Step.WELCOME
    press(qtbot, parts, K.Key_Return)
    assert [b.text() for b in first.buttons()] == ["视力较弱", "听力较弱", "容易受惊", "默认"]
    press(qtbot, parts, K.Key_Return)  # 视力较弱
    assert parts.settings.get("ui.enlarged") is True
    assert window.stack.currentWidget() is family.pin_screen
    assert family.pin_screen.step.text() == "第 3 步，共 4 步"
    press(qtbot, parts, K.Key_Escape)
    assert window.stack.currentWidget() is first
    assert first.step is Step.PRESET
    press(qtbot, parts, K.Key_Down, K.Key_Right, K.Key_Return)  # 默认
    assert parts.settings.get("ui.enlarged") is False

    type_on_pad(qtbot, parts, "1357")
    type_on_pad(qtbot, parts, "1357")
    assert family.pin_gate.has_pin()
    assert window.stack.currentWidget() is first
    assert first.step is Step.SOURCES
    assert [b.text() for b in first.buttons()] == [f"U 盘：{short_library.name}", "先看示范剧"]
    press(qtbot, parts, K.Key_Escape)  # back to the PIN step, which can be skipped
    assert window.stack.currentWidget() is family.pin_screen
    press_until(qtbot, parts, K.Key_Left, family.pin_screen.skip_button)
    press(qtbot, parts, K.Key_Return)
    assert first.step is Step.SOURCES

    with qtbot.wait_signal(window.home_ready, timeout=10_000):
        press(qtbot, parts, K.Key_Return)  # the USB stick
    assert parts.settings.get("library.sources") == [str(short_library)]
    assert [s.title for s in window.library] == ["短剧"]
    assert window.stack.currentWidget() is window.home
    assert window.banner.text().startswith("设置好了")
    assert not Settings(config / "settings.json").was_new  # next start: no setup again


def test_back_on_the_first_step_skips_to_the_demo_and_is_remembered(
    qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path
) -> None:
    config = tmp_path / "new-install"
    parts = build_app(short_library, config_dir=config)
    parts.family.start_first_run()
    with qtbot.wait_signal(parts.window.home_ready, timeout=10_000):
        press(qtbot, parts, K.Key_Escape)
    assert parts.window.library
    assert parts.window.library[0].title == "春风又起"
    banner = parts.window.banner.text()
    assert "设置好了" not in banner and "示范剧" in banner  # nothing was set up
    assert (config / "settings.json").exists()
    assert not Settings(config / "settings.json").was_new


def test_no_usb_stick_offers_to_look_again(
    qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path
) -> None:
    parts = build_app(short_library, config_dir=tmp_path / "new")
    mounts: list[str] = []
    parts.family.places = PlaceFinder(home=tmp_path, mounts=lambda: mounts,
                                      roots=(short_library.parent,))
    parts.family.start_first_run()
    first = parts.family.first_run
    press(qtbot, parts, K.Key_Return, K.Key_Return)  # 开始设置, 视力较弱
    press_until(qtbot, parts, K.Key_Left, parts.family.pin_screen.skip_button)
    press(qtbot, parts, K.Key_Return)
    assert [b.text() for b in first.buttons()] == ["重新查找", "先看示范剧"]
    mounts.append(str(short_library))  # the stick goes in
    press(qtbot, parts, K.Key_Return)
    assert first.buttons()[0].text() == f"U 盘：{short_library.name}"
