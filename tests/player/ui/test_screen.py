"""What every screen shares: focus by the arrows, OK presses, what is spoken, the theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.scrolling import scroll_area
from tests.player.ui.hosting import Spoken, focused, press, show_screen

K = Qt.Key


class Grid(Screen):
    """Three rows of three answers (a button says what it is), and one disabled button."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons = [QPushButton(f"第{r + 1}排第{c + 1}个") for r in range(3) for c in range(3)]
        self.pressed: list[str] = []
        grid = QGridLayout()
        for index, button in enumerate(self.buttons):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, b=button: self.pressed.append(b.text()))
            grid.addWidget(button, index // 3, index % 3)
        self.off = QPushButton("暂不可用")
        self.off.setEnabled(False)
        page = QVBoxLayout(self)
        page.addWidget(self.off)
        page.addLayout(grid)
        self.page = page
        self.inner = grid

    def focusables(self) -> list[QWidget]:
        return [self.off, *self.buttons]


@pytest.fixture
def grid(qtbot: QtBot) -> Grid:
    screen = Grid()
    show_screen(qtbot, screen)
    return screen


def test_the_first_usable_item_takes_focus_and_is_spoken(grid: Grid) -> None:
    spoken = Spoken(grid)
    grid.focus_initial()
    assert focused() is grid.buttons[0]  # the disabled one is passed over
    assert grid.current_focus() is grid.buttons[0]
    assert spoken.said == ["第1排第1个"]


def test_arrows_move_focus_and_each_move_is_spoken(grid: Grid) -> None:
    spoken = Spoken(grid)
    grid.focus_initial()
    press(grid, K.Key_Right, K.Key_Down, K.Key_Down, K.Key_Left, K.Key_Up)
    assert focused() is grid.buttons[3]
    assert spoken.said == ["第1排第1个", "第1排第2个", "第2排第2个", "第3排第2个",
                           "第3排第1个", "第2排第1个"]


def test_an_arrow_at_the_edge_keeps_focus_and_says_nothing_new(grid: Grid) -> None:
    grid.focus_initial()
    spoken = Spoken(grid)
    press(grid, K.Key_Up, K.Key_Left)
    assert focused() is grid.buttons[0]
    assert spoken.said == []


def test_ok_presses_the_focused_button(grid: Grid) -> None:
    grid.focus_initial()
    press(grid, K.Key_Right, K.Key_Right, K.Key_Return)
    assert grid.pressed == ["第1排第3个"]


def test_ok_with_nothing_focused_only_brings_focus(grid: Grid) -> None:
    grid.setFocus()  # the page itself, not one of its items
    assert grid.current_focus() is None
    press(grid, K.Key_Return)
    assert focused() is grid.buttons[0]
    assert grid.pressed == []


def test_back_and_other_actions_are_left_to_the_screen_that_knows(grid: Grid) -> None:
    grid.focus_initial()
    assert grid.handle_action(Action.BACK) is False
    assert grid.handle_action(Action.PLAY_PAUSE) is False
    assert grid.handle_action(Action.DOWN) is True


def test_the_theme_is_applied_once_and_kept(qtbot: QtBot) -> None:
    screen = Grid()
    with pytest.raises(AssertionError):
        _ = screen.theme  # no theme yet: a screen shown unthemed is a mistake
    theme = Theme(1080)
    screen.apply_theme(theme)
    assert screen.theme is theme
    assert screen.style_with(theme.stylesheet()) is True
    assert screen.style_with(theme.stylesheet()) is False  # nothing to redo


@pytest.mark.parametrize(("tv_mode", "width"), [(False, 1920), (True, 1920), (True, 3840)])
def test_a_page_keeps_clear_of_the_screen_edges_in_tv_mode(qtbot: QtBot, tv_mode: bool,
                                                           width: int) -> None:
    screen = Grid()
    theme = Theme(width * 9 // 16, tv_mode=tv_mode, screen_width=width)
    screen.apply_theme(theme)
    screen.lay_out_page(screen.page, screen.inner)
    margins = screen.page.contentsMargins()
    across, down = theme.safe_margins()
    assert (margins.left(), margins.right(), margins.top(), margins.bottom()) == (
        across, across, down, down)
    assert screen.page.spacing() == screen.inner.spacing() == theme.spacing_px
    if tv_mode:
        assert across >= width * 0.05 - 1  # the overscan band of a TV


class LongList(Screen):
    """Forty entries in a scroll area, taller than the screen."""

    def __init__(self) -> None:
        super().__init__()
        body = QWidget()
        column = QVBoxLayout(body)
        self.entries = [QPushButton(f"第{n}集") for n in range(1, 41)]
        for entry in self.entries:
            entry.setMinimumHeight(120)
            entry.setAccessibleName(entry.text())
            column.addWidget(entry)
        self.area = scroll_area(body)
        QVBoxLayout(self).addWidget(self.area)

    def focusables(self) -> list[QWidget]:
        return list(self.entries)


def test_focus_far_down_a_long_list_scrolls_it_into_view(qtbot: QtBot) -> None:
    screen = LongList()
    show_screen(qtbot, screen, size=(1280, 720))
    screen.focus_initial()
    for _ in range(30):
        press(screen, K.Key_Down)
    target = screen.entries[30]
    assert focused() is target
    viewport = screen.area.viewport()
    top = target.mapTo(viewport, target.rect().topLeft()).y()
    assert top >= 0 and top + target.height() <= viewport.height()
    assert screen.area.verticalScrollBar().value() > 0
