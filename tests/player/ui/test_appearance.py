"""Theme and TV mode (player/ui/appearance.py): the one full-screen path for the start and
for the setting, restyling only for the keys that restyle, and pages added later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from player.assets import demo_library
from player.ui.appearance import enter_tv_mode, leave_tv_mode
from player.ui.screen import Screen
from tests.player.ui.conftest import Build

pytestmark = pytest.mark.slow


def test_tv_mode_at_start_takes_the_whole_screen_without_frame_or_pointer(
        qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    enter_tv_mode(window, frameless=True)  # what `silverreel --fullscreen` does
    try:
        qtbot.wait_until(window.isFullScreen, timeout=5000)
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
        assert window.geometry() == window.screen().geometry()
    finally:
        leave_tv_mode(window)
    qtbot.wait_until(lambda: not window.isFullScreen(), timeout=5000)
    assert QApplication.overrideCursor() is None


def test_only_settings_that_restyle_make_a_new_theme(build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    before = window.theme()
    parts.settings.set("readout.enabled", not parts.settings.get("readout.enabled"))
    parts.settings.set("remote.double_press_ms", 500)
    assert window.theme() is before
    parts.settings.set("subtitles.size", 9)
    assert window.theme() is not before and window.theme().subtitle_share == pytest.approx(0.09)
    parts.settings.set("ui.text_scale", 1.3)
    assert window.theme().body_px > before.body_px


def test_a_page_added_later_wears_the_theme_in_use(build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    parts.settings.set("ui.enlarged", True)
    page = Screen()
    window.add_screen(page)
    assert page.theme is window.theme()
    window.show_screen(page)
    assert window.appearance.sheet and page.styleSheet().startswith(window.appearance.sheet)


def test_a_new_language_is_promised_for_the_next_start(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    said: list[str] = []
    window.set_announcer(said.append)
    parts.settings.set("ui.language", "en")
    assert window.banner.text() == "The new language applies the next time SilverReel starts."
    parts.settings.set("ui.language", "zh")
    assert window.banner.text() == "界面语言将在下次打开时更换。"
    assert said[-1] == window.banner.text()
