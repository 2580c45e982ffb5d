"""Things drawn over a screen: a message that steps aside from the focus and goes away by
itself, and a two-answer question whose safe answer is first, focused, and what Back means."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.ui.keys import Action
from player.ui.overlays import ChoiceOverlay, MessageBanner
from tests.player.ui.hosting import Spoken, focused, press, show_widget

K = Qt.Key


class Page(QWidget):
    """A 1920×1080 page with one button the test can move about."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("继续观看", self)
        self.banner = MessageBanner(self)


@pytest.fixture
def page(qtbot: QtBot) -> Page:
    shown = Page()
    show_widget(qtbot, shown)
    return shown


def _covers_focus(page: Page) -> bool:
    return page.banner.geometry().intersects(page.button.geometry())


def test_a_message_shows_large_and_is_named_for_screen_readers(page: Page) -> None:
    page.banner.show_message("网络断了，正在重新连接……")
    assert page.banner.isVisible()
    assert page.banner.text() == page.banner.accessibleName() == "网络断了，正在重新连接……"
    assert page.banner.width() == round(1920 * 0.7)
    assert page.banner.focusPolicy() == Qt.FocusPolicy.NoFocus  # nothing to act on


def test_a_message_goes_away_by_itself(qtbot: QtBot, page: Page) -> None:
    page.banner.show_message("已放大", seconds=0.05)
    qtbot.wait_until(lambda: not page.banner.isVisible(), timeout=2000)


@pytest.mark.parametrize("button_y", [60, 420, 500, 900])
def test_a_message_never_covers_the_focused_item(qtbot: QtBot, page: Page,
                                                 button_y: int) -> None:
    page.button.setGeometry(760, button_y, 400, 120)
    page.button.setFocus()
    qtbot.wait_until(page.button.hasFocus)
    page.banner.show_message("下一集：第 3 集。" * 3)
    assert not _covers_focus(page)
    assert QRect(0, 0, 1920, 1080).contains(page.banner.geometry())


def test_when_the_focus_moves_under_a_message_it_steps_aside(qtbot: QtBot, page: Page) -> None:
    other = QPushButton("全部剧集", page)
    page.button.setGeometry(760, 900, 400, 120)
    other.show()
    page.button.setFocus()
    page.banner.show_message("欢迎回来")
    other.setGeometry(page.banner.geometry().center().x() - 100,
                      page.banner.geometry().center().y() - 40, 200, 80)
    other.setFocus()
    qtbot.wait_until(other.hasFocus)
    assert not page.banner.geometry().intersects(other.geometry())


@pytest.fixture
def question(qtbot: QtBot) -> tuple[QWidget, ChoiceOverlay]:
    host = QWidget()
    host.resize(1920, 1080)
    overlay = ChoiceOverlay(host, "第 5 集剪辑很快，还要看吗？", ("不看了", "继续看"))
    theme = Theme(1080, screen_width=1920)
    overlay.apply_theme(theme)
    overlay.style_with(theme.stylesheet())
    show_widget(qtbot, host)
    return host, overlay



def test_the_question_and_its_answers_are_shown_safe_first(
        question: tuple[QWidget, ChoiceOverlay]) -> None:
    _host, overlay = question
    assert overlay.question == "第 5 集剪辑很快，还要看吗？"
    assert [b.text() for b in overlay.buttons()] == ["不看了", "继续看"]
    assert [b.accessibleName() for b in overlay.buttons()] == ["不看了", "继续看"]
    spoken = Spoken(overlay)
    overlay.focus_initial()
    assert focused() is overlay.buttons()[0]
    assert spoken.said == ["不看了"]


def test_right_then_ok_gives_the_second_answer(qtbot: QtBot,
                                               question: tuple[QWidget, ChoiceOverlay]) -> None:
    _host, overlay = question
    overlay.focus_initial()
    spoken = Spoken(overlay)
    with qtbot.wait_signal(overlay.chosen) as chosen:
        press(overlay, K.Key_Right, K.Key_Return)
    assert chosen.args == [1]
    assert spoken.said == ["继续看"]


def test_back_means_the_safe_answer(qtbot: QtBot, question: tuple[QWidget, ChoiceOverlay]) -> None:
    _host, overlay = question
    overlay.focus_initial()
    press(overlay, K.Key_Right)
    with qtbot.wait_signal(overlay.chosen) as chosen:
        press(overlay, K.Key_Escape)
    assert chosen.args == [0]


@pytest.mark.parametrize("action", [Action.PLAY_PAUSE, Action.NEXT, Action.HOME, Action.MENU,
                                    Action.READ_ALOUD, Action.VOLUME_UP])
def test_while_a_question_is_open_no_key_reaches_the_page_under_it(
        qtbot: QtBot, question: tuple[QWidget, ChoiceOverlay], action: Action) -> None:
    _host, overlay = question
    overlay.focus_initial()
    with qtbot.assert_not_emitted(overlay.chosen):
        assert overlay.handle_action(action) is True
    assert focused() is overlay.buttons()[0]


def test_the_answers_are_as_large_as_the_question(question: tuple[QWidget, ChoiceOverlay]) -> None:
    _host, overlay = question
    theme = Theme(1080, screen_width=1920)
    for button in overlay.buttons():
        assert button.height() >= theme.target_px
        assert button.font().pixelSize() == theme.title_px
    left, right = (b.geometry() for b in overlay.buttons())
    assert right.left() - left.right() >= 48  # two clearly separate answers
    assert overlay.geometry() == QRect(0, 0, 1920, 1080)  # covers the whole page
