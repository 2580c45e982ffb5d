"""The three pages made of large buttons share one behaviour: the arrows move among their
buttons, OK presses the focused one, and Back means what the page says it means."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.ui.button_page import ButtonPage
from player.ui.family.choice_page import ChoicePage
from player.ui.family.first_run import FirstRunScreen
from player.ui.keys import Action
from player.ui.overlays import ChoiceOverlay


def choice_page(host: QWidget, heard: list[object]) -> ButtonPage:
    page = ChoicePage(host)
    page.chosen.connect(heard.append)
    page.cancelled.connect(lambda: heard.append("back"))
    page.show_page("从哪里导入设置？", ["插上 U 盘后选一个文件。"],
                   [("U 盘", "usb"), ("下载文件夹", "downloads"), ("取消", "cancel")])
    return page


def first_run(host: QWidget, heard: list[object]) -> ButtonPage:
    page = FirstRunScreen(host)
    page.source_chosen.connect(heard.append)
    page.demo_chosen.connect(lambda: heard.append("demo"))
    page.back_requested.connect(lambda: heard.append("back"))
    page.show_sources([("U 盘", "/media/usb0"), ("视频文件夹", "/home/u/视频")])
    return page


def question(host: QWidget, heard: list[object]) -> ButtonPage:
    page = ChoiceOverlay(host, "要退出长辈剧场吗？", ("不退出", "退出"))
    page.chosen.connect(lambda index: heard.append(("不退出", "退出")[index]))
    return page


# (the page, what its buttons say in order, what Back means on it)
PAGES: list[tuple[Callable[[QWidget, list[object]], ButtonPage], list[object], object]] = [
    (choice_page, ["usb", "downloads", "cancel"], "back"),
    (first_run, ["/media/usb0", "/home/u/视频", "demo"], "back"),
    (question, ["不退出", "退出"], "不退出"),  # Back is the safe answer, not a way out
]


@pytest.mark.parametrize(("make", "answers", "on_back"), PAGES,
                         ids=["choice_page", "first_run", "question"])
def test_buttons_are_the_focus_and_back_is_the_pages_own(
    qtbot: QtBot, make: Callable[[QWidget, list[object]], ButtonPage], answers: list[object],
    on_back: object,
) -> None:
    host = QWidget()
    qtbot.add_widget(host)
    host.resize(1280, 720)
    heard: list[object] = []
    page = make(host, heard)
    page.apply_theme(Theme(screen_height=720, screen_width=1280))
    page.setGeometry(host.rect())
    host.show()
    host.activateWindow()
    qtbot.wait_until(host.isActiveWindow)
    assert page.focusables() == page.buttons() and len(page.buttons()) == len(answers)
    page.focus_initial()
    assert QApplication.focusWidget() is page.buttons()[0]
    assert page.handle_action(Action.BACK) is True
    assert heard == [on_back]
    # Press each button in turn by moving to it the way the remote does.
    for index, answer in enumerate(answers):
        page.focus_initial()
        while QApplication.focusWidget() is not page.buttons()[index]:
            focused = QApplication.focusWidget()
            for action in (Action.RIGHT, Action.DOWN):
                page.handle_action(action)
                if QApplication.focusWidget() is not focused:
                    break
            assert QApplication.focusWidget() is not focused, f"stuck before button {index}"
        heard.clear()
        assert page.handle_action(Action.OK) is True
        assert heard == [answer]
