"""Measured from the rendered widgets: text, targets, focus frame and subtitles meet the table
at 720p, 1080p and 2160p, normal and enlarged, and one-tap enlarge applies at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from accessibility.subtitles.model import Cue
from accessibility.theme import FOCUS
from player.assets import demo_library
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


def _visible_text_widgets(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
            text = widget.text()
            if text.strip():
                found.append(widget)
    return found


def _check_screen(screen: QWidget, height: int, enlarged: bool) -> None:
    scale = height / 1080
    minimum_text = (48 if enlarged else 32) * scale
    minimum_target = (144 if enlarged else 96) * scale
    widgets = _visible_text_widgets(screen)
    assert widgets
    for widget in widgets:
        font = QFontInfo(widget.font())
        assert font.pixelSize() >= minimum_text - 1, (widget.text(), font.pixelSize())
        metrics = QFontMetrics(widget.font())
        assert metrics.lineSpacing() >= 1.3 * font.pixelSize() - 1
        if isinstance(widget, QAbstractButton):
            assert widget.height() >= minimum_target - 1, (widget.text(), widget.height())
            assert widget.width() >= minimum_target - 1, (widget.text(), widget.width())
            assert widget.accessibleName(), widget.text()


def _focus_frame_px(widget: QWidget) -> int:
    """Count the focus colour's pixels from the widget's left edge along its middle row."""
    image = widget.grab().toImage()
    y = image.height() // 2
    focus = QColor(FOCUS)
    count = 0
    for x in range(image.width() // 2):
        colour = image.pixelColor(x, y)
        if all(abs(a - b) < 40 for a, b in zip(
                (colour.red(), colour.green(), colour.blue()),
                (focus.red(), focus.green(), focus.blue()), strict=True)):
            count += 1
        elif count:
            break
    return count


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_screen_meets_the_table_normal_and_enlarged(
    qtbot: QtBot, build_app: Build, width: int, height: int
) -> None:
    parts = build_app(demo_library(), size=(width, height))
    window = parts.window
    for enlarged in (False, True):
        if enlarged:
            press(qtbot, parts, Qt.Key.Key_F)  # one-tap enlarge, from Home
            assert parts.settings.get("ui.enlarged") is True
        window.go_home()
        _check_screen(window.home, height, enlarged)
        frame = _focus_frame_px(QApplication.focusWidget())  # type: ignore[arg-type]
        assert frame >= 4 * height / 1080 - 1
        press(qtbot, parts, Qt.Key.Key_Down, Qt.Key.Key_Return)
        assert window.stack.currentWidget() is window.series_screen
        _check_screen(window.series_screen, height, enlarged)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_long_subtitle_is_never_clipped(qtbot: QtBot, build_app: Build, width: int,
                                          height: int) -> None:
    parts = build_app(demo_library(), size=(width, height))
    window = parts.window
    long_line = "我们一家人终于又团聚在一起了，妈妈做了一桌子的好菜等着我们回家"
    for enlarged in (False, True):
        parts.settings.set("ui.enlarged", enlarged)
        window.stack.setCurrentWidget(window.playing)
        window.cues.set_layout(window.playing.subtitle_chars_per_line,
                               window.playing.subtitle_lines_per_page)
        window.cues.set_cues((Cue(0, 8000, long_line),))
        window.cues.follow(10)
        subtitle = window.playing.subtitle
        assert subtitle.isVisible()
        assert 1 <= len(subtitle.lines) <= window.playing.subtitle_lines_per_page <= 6
        assert all(len(line) <= 16 for line in subtitle.lines)
        # The box holds its whole text: as large as it wants to be, and inside the window.
        assert subtitle.width() >= subtitle.sizeHint().width() - 1
        assert subtitle.height() >= subtitle.sizeHint().height() - 1
        assert subtitle.geometry().right() < window.width()
        assert subtitle.geometry().bottom() < window.height()
        line_px = subtitle.font_px * 1.35
        assert line_px >= (0.08 if enlarged else 0.05) * height - 1
        # Every page of the cue together gives back the whole line.
        pages = "".join(c.text.replace("\n", "") for c in window.cues.pages)
        assert pages == long_line


def test_subtitles_go_over_the_picture_when_the_family_says_so(qtbot: QtBot,
                                                               build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    window.stack.setCurrentWidget(window.playing)
    window.cues.set_cues((Cue(0, 8000, "奶奶，我回来啦！"),))
    window.cues.follow(10)
    picture = window.playing._picture_rect()
    subtitle = window.playing.subtitle
    assert subtitle.geometry().left() > picture.right()  # beside, by default
    parts.settings.set("subtitles.position", "over")
    window.playing.place_subtitle()
    assert picture.left() <= subtitle.geometry().left()
    assert subtitle.geometry().right() <= picture.right()  # now over the picture
    assert subtitle.geometry().top() > window.height() // 2  # in its lower half


def test_tv_mode_switches_to_full_screen_with_safe_margins_and_back(
    qtbot: QtBot, build_app: Build
) -> None:
    parts = build_app(demo_library())
    window = parts.window
    parts.settings.set("ui.tv_mode", True)
    qtbot.wait_until(window.isFullScreen, timeout=5000)
    assert window.theme().tv_mode
    assert QApplication.overrideCursor() is not None  # no mouse pointer on the television
    margins = window.home.layout().contentsMargins()
    assert margins.left() >= 0.05 * window.width() - 1  # content 5 % in from every edge
    assert margins.top() >= 0.05 * window.height() - 1
    parts.settings.set("ui.tv_mode", False)
    qtbot.wait_until(lambda: not window.isFullScreen(), timeout=5000)
    assert QApplication.overrideCursor() is None
