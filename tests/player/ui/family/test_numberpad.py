"""The PIN pad: large square keys in telephone order, digits shown only as dots, 删除 and
确定; what a screen reader hears is how many digits are typed, never which."""

from __future__ import annotations

import itertools
import random

import pytest
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from accessibility.theme import Theme
from player.config.pin import MAX_DIGITS, MIN_DIGITS
from player.ui.family.numberpad import NumberPad
from tests.player.ui.hosting import show_widget

THEME = Theme(1080, screen_width=1920)


@pytest.fixture
def pad(qtbot: QtBot) -> NumberPad:
    """The pad on a page styled as the PIN screen is: the theme's sheet on the page."""
    page = QWidget()
    shown = NumberPad()
    QVBoxLayout(page).addWidget(shown)
    shown.apply_theme(THEME)
    page.setStyleSheet(THEME.stylesheet())
    show_widget(qtbot, page, size=(900, 1000))
    return shown


def _keys(pad: NumberPad) -> list[QPushButton]:
    """The pad's keys in reading order (its ``keys()``, not a mapping's)."""
    return pad.keys()


def _type(pad: NumberPad, digits: str) -> None:
    for digit in digits:
        pad.key(digit).click()


def test_keys_in_telephone_order_with_delete_and_ok_at_the_bottom(pad: NumberPad) -> None:
    assert [k.text() for k in _keys(pad)] == [*"123456789", "删除", "0", "确定"]
    assert [k.accessibleName() for k in _keys(pad)] == [k.text() for k in _keys(pad)]
    rows = sorted({k.geometry().top() for k in _keys(pad)})
    columns = sorted({k.geometry().left() for k in _keys(pad)})
    assert len(rows) == 4 and len(columns) == 3
    assert pad.key("1").geometry().top() == rows[0]
    assert pad.key("0").geometry().top() == rows[3]
    assert pad.key("0").geometry().left() == columns[1]


def test_the_keys_are_all_alike_and_larger_than_a_finger(pad: NumberPad) -> None:
    sizes = {(k.width(), k.height()) for k in _keys(pad)}
    assert len(sizes) == 1
    ((width, height),) = sizes
    assert min(width, height) >= THEME.target_px


def test_the_keys_are_the_square_size_the_pad_asks_for(pad: NumberPad) -> None:
    side = round(THEME.target_px * 1.1)
    assert {(k.width(), k.height()) for k in _keys(pad)} == {(side, side)}


# 720p, 1080p and 4K windows, normal and enlarged, a PC and a TV (safe area), larger text.
SCREENS = [Theme(720, screen_width=1280), Theme(720, enlarged=True, screen_width=1280),
           Theme(1080, enlarged=True, screen_width=1920), Theme(1080, tv_mode=True),
           Theme(1440, text_scale=1.25, screen_width=2560), Theme(2160, screen_width=3840),
           Theme(2160, enlarged=True, tv_mode=True, screen_width=3840)]


@pytest.mark.parametrize("theme", SCREENS, ids=lambda t: f"{t.screen_height}p"
                         f"{'-enlarged' if t.enlarged else ''}{'-tv' if t.tv_mode else ''}"
                         f"{'-text' if t.text_scale != 1 else ''}")
def test_the_keys_keep_their_size_whichever_comes_last_theme_or_sheet(
    qtbot: QtBot, theme: Theme
) -> None:
    """The window re-applies the sheet on every show and on 一键放大, sometimes before the
    screen's apply_theme, sometimes after: the keys stay the square the pad asks for, the
    focused one too, and never smaller than the product's smallest target."""
    page = QWidget()
    shown = NumberPad()
    QVBoxLayout(page).addWidget(shown)
    page.setStyleSheet(THEME.stylesheet())  # an old sheet first (normal 1080p) …
    shown.apply_theme(theme)
    show_widget(qtbot, page, size=(theme.screen_width or 1920, theme.screen_height))
    page.setStyleSheet(theme.stylesheet())  # … then the new one, after the pad's sizes
    side = round(theme.target_px * 1.1)
    shown.key("5").setFocus()
    qtbot.wait_until(lambda: shown.key("5").hasFocus())
    assert {(k.width(), k.height()) for k in _keys(shown)} == {(side, side)}
    assert side >= theme.target_px >= round(96 * theme.screen_height / 1080 * theme.factor)
    # Laid out as a grid of equal squares, none overlapping another.
    tops = sorted({k.geometry().top() for k in _keys(shown)})
    lefts = sorted({k.geometry().left() for k in _keys(shown)})
    assert all(b - a >= side for a, b in itertools.pairwise(tops))
    assert all(b - a >= side for a, b in itertools.pairwise(lefts))


def test_typed_digits_show_only_as_dots(pad: NumberPad) -> None:
    assert pad.dots.text() == " ".join("○" * MIN_DIGITS)
    _type(pad, "20")
    assert pad.dots.text() == "● ● ○ ○"
    assert "2" not in pad.dots.text() and "0" not in pad.dots.text()
    assert pad.dots.accessibleName() == "已输入 2 位"
    _type(pad, "2611")
    assert pad.dots.text() == "● ● ● ● ● ●"
    assert pad.dots.accessibleName() == "已输入 6 位"


@pytest.mark.parametrize("seed", [5, 60, 1949])
def test_ok_gives_the_digits_typed_at_most_six(qtbot: QtBot, pad: NumberPad, seed: int) -> None:
    rng = random.Random(seed)
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 9)))
    counts: list[int] = []
    pad.typed.connect(counts.append)
    _type(pad, digits)
    with qtbot.wait_signal(pad.submitted) as submitted:
        pad.key("ok").click()
    assert submitted.args == [digits[:MAX_DIGITS]]
    assert counts == [min(n, MAX_DIGITS) for n in range(1, len(digits) + 1)]


def test_delete_takes_back_the_last_digit_and_nothing_more(qtbot: QtBot, pad: NumberPad) -> None:
    _type(pad, "135")
    pad.key("delete").click()
    assert pad.count == 2
    for _ in range(4):
        pad.key("delete").click()
    assert pad.count == 0
    assert pad.dots.text() == "○ ○ ○ ○"
    _type(pad, "79")
    with qtbot.wait_signal(pad.submitted) as submitted:
        pad.key("ok").click()
    assert submitted.args == ["79"]  # the screen says it is too short, not the pad


def test_clear_starts_again(pad: NumberPad) -> None:
    _type(pad, "8888")
    pad.clear()
    assert pad.count == 0
    assert pad.dots.accessibleName() == "已输入 0 位"
