"""Pages that scroll instead of growing the window, and never take the focus themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from player.ui.scrolling import fill_with_scrolling, scroll_area
from tests.player.ui.hosting import show_widget


def _tall_content(rows: int = 30) -> QWidget:
    content = QWidget()
    column = QVBoxLayout(content)
    for n in range(rows):
        label = QLabel(f"第{n + 1}行：一段很长的说明文字")
        label.setMinimumHeight(90)
        column.addWidget(label)
    column.addWidget(QPushButton("确定"))
    return content


def test_the_scroll_area_never_takes_focus_and_has_no_frame_or_side_bar(qtbot: QtBot) -> None:
    content = _tall_content()
    area = scroll_area(content)
    assert area.widget() is content
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert area.frameShape() == QScrollArea.Shape.NoFrame
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert area.widgetResizable()


def test_a_page_taller_than_the_screen_scrolls_instead_of_growing(qtbot: QtBot) -> None:
    page = QWidget()
    content = _tall_content()
    area = fill_with_scrolling(page, content)
    show_widget(qtbot, page, size=(1280, 720))
    assert content.sizeHint().height() > 720
    assert page.minimumSizeHint().height() < 720  # the window may stay the screen's size
    assert page.height() == 720
    assert area.geometry() == page.rect()  # the whole page, edge to edge
    assert area.verticalScrollBar().maximum() > 0
    assert content.width() == area.viewport().width()  # never sideways


def test_a_page_that_fits_does_not_scroll(qtbot: QtBot) -> None:
    page = QWidget()
    area = fill_with_scrolling(page, _tall_content(rows=3))
    show_widget(qtbot, page, size=(1280, 720))
    assert area.verticalScrollBar().maximum() == 0


def test_tab_goes_past_the_scroll_area_to_the_button_inside(qtbot: QtBot) -> None:
    page = QWidget()
    content = _tall_content(rows=2)
    fill_with_scrolling(page, content)
    show_widget(qtbot, page, size=(800, 600))
    button = content.findChild(QPushButton)
    assert button is not None
    page.focusNextChild()
    assert page.focusWidget() is button
