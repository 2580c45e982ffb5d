"""Home's poster wall: a shelf of large posters, one focusable row; what it says as the
current poster changes, where it stops, what OK opens, and that only the focused poster
wears the focus frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import FOCUS, FONT_FAMILIES, Theme
from player.ui.poster_wall import Poster, PosterRow, _two_lines
from tests.player.ui.hosting import show_widget

TITLES = ["外婆的小饭馆", "春风又起", "我的父亲是退伍老兵", "养生堂", "夕阳红",
          "闪婚后，豪门老公天天宠我", "回家过年", "老伴儿"]


class Shelf(QWidget):
    def __init__(self, title: str = "全部剧集", count: int = len(TITLES)) -> None:
        super().__init__()
        self.covers: dict[int, QImage] = {}
        self.row = PosterRow(title, self.covers)
        self.other = QPushButton("家人设置")
        layout = QVBoxLayout(self)
        layout.addWidget(self.row)
        layout.addWidget(self.other)
        layout.addStretch(1)
        self.row.set_theme(Theme(1080, screen_width=1920), fit_height=500)
        self.row.set_posters([Poster(i * 10, TITLES[i % len(TITLES)], f"已看 {i}/20 集")
                              for i in range(count)])


@pytest.fixture
def shelf(qtbot: QtBot) -> Shelf:
    shown = Shelf()
    show_widget(qtbot, shown)
    return shown


def test_the_row_names_its_shelf_and_current_poster(shelf: Shelf) -> None:
    assert shelf.row.count() == len(TITLES)
    assert shelf.row.current_series() == 0
    assert shelf.row.accessibleName() == "全部剧集：外婆的小饭馆，已看 0/20 集"


def test_moving_along_the_row_says_each_poster_and_stops_at_the_ends(
        qtbot: QtBot, shelf: Shelf) -> None:
    said: list[str] = []
    shelf.row.current_changed.connect(lambda: said.append(shelf.row.accessibleName()))
    assert shelf.row.step(-1) is False  # already first
    assert shelf.row.step(1) is True
    assert shelf.row.step(1) is True
    assert said == ["全部剧集：春风又起，已看 1/20 集",
                    "全部剧集：我的父亲是退伍老兵，已看 2/20 集"]
    for _ in range(len(TITLES) - 3):
        assert shelf.row.step(1)
    assert shelf.row.step(1) is False  # the last one keeps the focus
    assert shelf.row.current_series() == (len(TITLES) - 1) * 10


def test_ok_opens_the_series_of_the_current_poster(qtbot: QtBot, shelf: Shelf) -> None:
    shelf.row.step(1)
    shelf.row.step(1)
    with qtbot.wait_signal(shelf.row.activated_series) as opened:
        shelf.row.activate()
    assert opened.args == [20]


def test_an_empty_shelf_opens_nothing_and_says_its_name(qtbot: QtBot) -> None:
    empty = Shelf(title="继续观看", count=0)
    show_widget(qtbot, empty)
    assert empty.row.current_series() is None
    assert empty.row.accessibleName() == "继续观看"
    with qtbot.assert_not_emitted(empty.row.activated_series):
        empty.row.activate()


def test_new_posters_keep_the_place_as_far_as_they_can(shelf: Shelf) -> None:
    for _ in range(5):
        shelf.row.step(1)
    shelf.row.set_posters([Poster(7, "回家过年", ""), Poster(8, "老伴儿", "")])
    assert shelf.row.current_series() == 8  # the 6th is gone: the last that is left
    assert shelf.row.accessibleName() == "全部剧集：老伴儿"  # no empty detail after a comma


def test_the_keys_are_left_to_the_window(qtbot: QtBot, shelf: Shelf) -> None:
    shelf.row.setFocus()
    qtbot.keyClick(shelf.row, Qt.Key.Key_Right)
    assert shelf.row.current_series() == 0  # one router moves it (home.py), not the view


def _focus_pixels(image: QImage) -> int:
    focus = QColor(FOCUS).name()
    return sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).name() == focus)


def test_only_the_focused_row_shows_the_focus_frame(qtbot: QtBot, shelf: Shelf) -> None:
    shelf.other.setFocus()
    qtbot.wait_until(shelf.other.hasFocus)
    assert _focus_pixels(shelf.row.grab().toImage()) == 0
    shelf.row.setFocus()
    qtbot.wait_until(shelf.row.hasFocus)
    framed = shelf.row.grab().toImage()
    assert _focus_pixels(framed) > 50
    rect = shelf.row.current_rect()
    inside = framed.copy(rect.adjusted(-12, -12, 12, 12))
    assert _focus_pixels(inside) == _focus_pixels(framed)  # around the current poster only


def test_a_shelf_fits_the_height_it_is_given(qtbot: QtBot) -> None:
    for height, fit in ((1080, 500), (720, 330), (1080, 0)):
        shelf = Shelf()
        shelf.row.set_theme(Theme(height), fit_height=fit)
        if fit:
            assert shelf.row.height() <= fit
        cover = shelf.row.delegate.cover_size()
        assert cover.width() >= Theme(height).target_px  # never smaller than a button
        assert cover.height() == round(cover.width() * 4 / 3)


@pytest.mark.parametrize(("title", "lines"), [
    ("外婆的小饭馆", ["外婆的", "小饭馆"]),
    ("老伴儿", ["老伴儿"]),
])
def test_a_long_title_breaks_into_two_even_lines(title: str, lines: list[str]) -> None:
    font = QFont(list(FONT_FAMILIES))
    font.setPixelSize(34)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("外婆的小") + 2
    assert _two_lines(title, metrics, width) == lines


def test_a_title_too_long_for_two_lines_ends_with_an_ellipsis() -> None:
    font = QFont(list(FONT_FAMILIES))
    font.setPixelSize(34)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("闪婚后豪") + 2
    first, second = _two_lines("闪婚后，豪门老公天天宠我", metrics, width)
    assert first == "闪婚后，"
    assert second.endswith("…")
    assert metrics.horizontalAdvance(second) <= width
