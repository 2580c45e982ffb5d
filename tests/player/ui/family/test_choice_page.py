"""A page of a few sentences and a column of large choices: what it says, where the focus
goes, what OK and Back do, and that a page filled again shows only the new choices."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from player.ui.family.choice_page import ChoicePage
from tests.player.ui.hosting import Spoken, focused, press, show_screen

K = Qt.Key
STICKS: list[tuple[str, object]] = [
    ("U 盘 KINGSTON\n/media/usb0", "/media/usb0"),
    ("SD 卡\n/media/sd", "/media/sd"),
    ("家里的 NAS", "http://127.0.0.1:8200/desc.xml"),
]


@pytest.fixture
def page(qtbot: QtBot) -> ChoicePage:
    shown = ChoicePage()
    show_screen(qtbot, shown)
    return shown


def test_the_page_says_its_title_and_sentences(page: ChoicePage) -> None:
    spoken = page.show_page("选择 U 盘", ["请插入 U 盘。", "设置会保存到 U 盘上。"], STICKS)
    assert spoken == "选择 U 盘 请插入 U 盘。 设置会保存到 U 盘上。"
    assert page.title.text() == "选择 U 盘"
    assert page.lines == ["请插入 U 盘。", "设置会保存到 U 盘上。"]
    assert [b.text() for b in page.buttons()] == [text for text, _ in STICKS]


def test_a_two_line_choice_is_spoken_as_one_sentence(page: ChoicePage) -> None:
    page.show_page("选择 U 盘", [], STICKS)
    spoken = Spoken(page)
    page.focus_initial()
    press(page, K.Key_Down, K.Key_Down)
    assert spoken.said == ["U 盘 KINGSTON，/media/usb0", "SD 卡，/media/sd", "家里的 NAS"]


def test_ok_on_a_choice_gives_its_value(qtbot: QtBot, page: ChoicePage) -> None:
    page.show_page("选择 U 盘", [], STICKS)
    page.focus_initial()
    press(page, K.Key_Down)
    with qtbot.wait_signal(page.chosen) as chosen:
        press(page, K.Key_Return)
    assert chosen.args == ["/media/sd"]


def test_back_cancels_without_choosing(qtbot: QtBot, page: ChoicePage) -> None:
    page.show_page("删除这个片源吗？", ["删除后可以再加回来。"],
                   [("不删除", False), ("删除", True)])
    page.focus_initial()
    assert focused() is page.buttons()[0]  # the safe answer first
    press(page, K.Key_Down)
    with qtbot.assert_not_emitted(page.chosen), qtbot.wait_signal(page.cancelled):
        press(page, K.Key_Escape)


def test_a_page_filled_again_shows_only_the_new_choices(qtbot: QtBot, page: ChoicePage) -> None:
    page.show_page("选择 U 盘", ["第一页"], STICKS)
    old = page.buttons()
    page.show_page("导入完成", ["已导入 12 项设置。"], [("好的", "ok")])
    assert page.lines == ["已导入 12 项设置。"]
    assert [b.text() for b in page.buttons()] == ["好的"]
    assert not any(b.isVisible() for b in old)
    visible = [b for b in page.findChildren(QPushButton) if b.isVisible()]
    assert visible == page.buttons()
    page.focus_initial()
    with qtbot.wait_signal(page.chosen) as chosen:
        press(page, K.Key_Return)
    assert chosen.args == ["ok"]


def test_many_choices_scroll_and_the_focused_one_is_in_view(page: ChoicePage) -> None:
    files: list[tuple[str, object]] = [(f"设置备份 2026-11-{day:02d}.json", day)
                                       for day in range(1, 25)]
    page.show_page("选择设置文件", ["找到 24 个文件。"], files)
    page.focus_initial()
    press(page, *[K.Key_Down] * 20)
    target = page.buttons()[20]
    assert focused() is target
    top_left = target.mapTo(page, target.rect().topLeft())
    assert top_left.y() >= 0 and top_left.y() + target.height() <= page.height()


def test_a_page_with_no_choices_still_answers_back(qtbot: QtBot, page: ChoicePage) -> None:
    page.show_page("没有找到 U 盘", ["请插入 U 盘后再试。"], [])
    page.focus_initial()
    with qtbot.wait_signal(page.cancelled):
        press(page, K.Key_Backspace)
