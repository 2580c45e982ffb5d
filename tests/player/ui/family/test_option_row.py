"""One preference on the family settings screen: name, value on the right, a line of help,
all of it in what a screen reader says and in the row's focus frame."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.config.declaration import OPTIONS
from player.ui.family.option_row import OptionRow
from tests.player.ui.hosting import show_widget

BY_KEY = {option.key: option for option in OPTIONS}
THEME = Theme(1080, screen_width=1920)


def _rows(qtbot: QtBot, *keys: str) -> list[OptionRow]:
    page = QWidget()
    page.setStyleSheet(THEME.stylesheet())
    column = QVBoxLayout(page)
    rows = []
    for key in keys:
        row = OptionRow(BY_KEY[key])
        row.apply_theme(THEME)
        row.show_value(BY_KEY[key].default)
        column.addWidget(row)
        rows.append(row)
    column.addStretch(1)
    show_widget(qtbot, page, size=(1200, 1080))
    return rows


def test_a_row_says_its_name_value_and_help(qtbot: QtBot) -> None:
    (row,) = _rows(qtbot, "subtitles.reading_speed")
    assert row.value_text == "5 字/秒"
    assert row.accessibleName() == "阅读速度，5 字/秒。" + BY_KEY["subtitles.reading_speed"].help_zh
    assert row.spoken_value() == "阅读速度：5 字/秒"
    assert row.property("option_key") == "subtitles.reading_speed"


@pytest.mark.parametrize(("key", "value", "shown"), [
    ("subtitles.enabled", False, "关"),
    ("readout.rate", 110, "110%"),
    ("ui.text_scale", 1.6, "1.6×"),
])
def test_a_new_value_is_shown_and_spoken_at_once(qtbot: QtBot, key: str, value: object,
                                                 shown: str) -> None:
    (row,) = _rows(qtbot, key)
    row.show_value(value)
    assert row.value_text == shown
    assert row.spoken_value().endswith(f"：{shown}")
    assert f"，{shown}。" in row.accessibleName()


def test_the_name_is_left_the_value_right_the_help_below(qtbot: QtBot) -> None:
    (row,) = _rows(qtbot, "subtitles.reading_speed")
    labels = {label.text(): label.geometry() for label in row.findChildren(QLabel)}
    name, value = labels["阅读速度"], labels["5 字/秒"]
    help_line = labels[BY_KEY["subtitles.reading_speed"].help_zh]
    assert name.right() < value.left()
    assert value.right() > row.width() * 0.8  # the value stands out on the right
    assert help_line.top() >= name.bottom()
    assert row.height() >= name.height() + help_line.height()
    assert row.sizeHint().height() >= name.height() + help_line.height()


def test_a_long_help_wraps_instead_of_widening_the_row(qtbot: QtBot) -> None:
    rows = _rows(qtbot, *[o.key for o in OPTIONS if o.on_screen][:12])
    for row in rows:
        assert row.width() <= 1200
        assert row.geometry().right() < 1200


def test_rows_take_focus_like_every_button(qtbot: QtBot) -> None:
    first, second = _rows(qtbot, "subtitles.enabled", "readout.rate")
    first.setFocus()
    qtbot.wait_until(first.hasFocus)
    assert first.focusPolicy() == second.focusPolicy()
    clicked: list[bool] = []
    first.clicked.connect(lambda: clicked.append(True))
    first.click()
    assert clicked == [True]  # OK on a row: the screen decides what it does
