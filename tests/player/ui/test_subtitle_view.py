"""The app's own subtitle: large, white (or yellow) on a dark box, whole lines, never more
than fit; its text is what a screen reader reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import LINE_SPACING, SUBTITLE_TEXT, Theme
from player.ui.subtitle_view import MAX_CHARS, MAX_LINES, MAX_LINES_BESIDE, SubtitleView
from tests.player.ui.hosting import show_widget


@pytest.fixture
def view(qtbot: QtBot) -> SubtitleView:
    host = QWidget()
    subtitle = SubtitleView(host)
    subtitle.apply_theme(Theme(1080))
    show_widget(qtbot, host)
    return subtitle



def test_nothing_shows_until_there_is_a_line(view: SubtitleView) -> None:
    assert not view.isVisible()
    view.show_lines(["妈，我回来了"])
    assert view.isVisible()
    assert view.lines == ["妈，我回来了"]
    assert view.accessibleName() == "妈，我回来了"
    view.clear_text()
    assert not view.isVisible()
    assert view.lines == []


def test_over_the_picture_two_lines_at_most(view: SubtitleView) -> None:
    assert view.lines_per_page(1080, beside=False) == MAX_LINES == 2
    view.show_lines(["第一行", "第二行", "第三行"])
    assert view.lines == ["第一行", "第二行"]
    assert view.accessibleName() == "第一行 第二行"


def test_in_the_side_band_as_many_lines_as_fit_up_to_six(view: SubtitleView) -> None:
    line = view.font_px * LINE_SPACING
    assert view.lines_per_page(2000, beside=True) == MAX_LINES_BESIDE == 6
    assert view.lines_per_page(round(line * 3.5) + 60, beside=True) == 3
    assert view.lines_per_page(10, beside=True) == 1  # never none at all
    view.lines_per_page(1080, beside=True)
    view.show_lines([f"第{n}行" for n in range(1, 9)])
    assert len(view.lines) == 6


def test_a_line_is_sixteen_characters_at_most_and_four_at_least(view: SubtitleView) -> None:
    assert view.chars_per_line(5000) == MAX_CHARS == 16
    assert view.chars_per_line(50) == 4
    middle = view.chars_per_line(view.font_px * 10 + 200)
    assert 10 <= middle <= 14


def test_markup_in_a_subtitle_is_shown_as_written(view: SubtitleView) -> None:
    view.show_lines(["<b>不是粗体</b> & 5 < 6"])
    assert "&lt;b&gt;不是粗体&lt;/b&gt; &amp; 5 &lt; 6" in view.text()
    assert view.accessibleName() == "<b>不是粗体</b> & 5 < 6"


def test_type_is_large_and_larger_when_enlarged(view: SubtitleView) -> None:
    normal = Theme(1080)
    view.apply_theme(normal)
    assert view.font_px == normal.subtitle_font_px >= 48
    view.apply_theme(Theme(1080, enlarged=True))
    assert view.font_px > normal.subtitle_font_px
    assert f"font-size: {view.font_px}px" in view.styleSheet()


@pytest.mark.parametrize("colours", ["white_on_dark", "yellow_on_dark"])
def test_the_family_chosen_colour_is_what_the_text_is_drawn_in(
        qtbot: QtBot, view: SubtitleView, colours: str) -> None:
    view.apply_theme(Theme(1080, subtitle_colours=colours))
    view.show_lines(["好好吃饭"])
    image = view.grab().toImage()
    wanted = QColor(SUBTITLE_TEXT[colours])
    found = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
             for y in range(0, image.height(), 2)}
    assert wanted.name() in found  # the glyphs, in exactly that colour
    behind = image.pixelColor(image.width() // 2, 2)
    assert behind.lightness() < 60  # a dark box behind the text, even on a light page


def test_the_subtitle_never_takes_focus_or_clicks(view: SubtitleView) -> None:
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert view.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
