"""A list scrolled the TV way: the focused row whole, and no row cut at either edge."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from player.ui.scrolling import fill_with_scrolling
from player.ui.whole_rows import fit_whole_rows
from tests.player.ui.hosting import show_widget


def _list(qtbot: QtBot, heights: list[int], page_height: int) -> tuple[QScrollArea, list[QLabel]]:
    page = QWidget()
    content = QWidget()
    column = QVBoxLayout(content)
    column.setSpacing(0)
    column.setContentsMargins(0, 0, 0, 0)
    rows = []
    for n, height in enumerate(heights):
        row = QLabel(f"第{n + 1}排")
        row.setFixedHeight(height)
        column.addWidget(row)
        rows.append(row)
    area = fill_with_scrolling(page, content)
    show_widget(qtbot, page, size=(900, page_height))
    return area, rows



def _span(area: QScrollArea, row: QWidget) -> tuple[int, int]:
    """Where ``row`` is in the visible viewport, top and bottom."""
    top = row.mapTo(area.viewport(), QPoint(0, 0)).y()
    return top, top + row.height()


def _check_whole(area: QScrollArea, rows: list[QLabel], wanted: QLabel,
                 top_edge: bool = True) -> None:
    visible = area.viewport().height()
    top, bottom = _span(area, wanted)
    assert top >= 0 and bottom <= visible, "the focused row is shown whole"
    for row in rows:
        row_top, row_bottom = _span(area, row)
        cut_at_top = row_top < 0 < row_bottom
        cut_at_bottom = row_top < visible < row_bottom
        assert not (top_edge and cut_at_top), f"{row.text()} is cut by the top edge"
        assert not cut_at_bottom, f"{row.text()} is cut by the bottom edge"


def _at_the_end(area: QScrollArea) -> bool:
    bar = area.verticalScrollBar()
    return bar.value() == bar.maximum() > 0


# Pages as tall as a list gets in a 720p, a 1080p and a 4K window, rows scaled to match.
PAGES = {"720p": (380, 620, 0.67), "1080p": (560, 940, 1.0), "2160p": (1150, 1900, 2.0)}


@pytest.mark.parametrize("screen", list(PAGES))
@pytest.mark.parametrize("seed", [1, 7, 42, 1234, 2026, 31337])
def test_walking_down_and_up_shows_only_whole_rows(qtbot: QtBot, seed: int,
                                                   screen: str) -> None:
    rng = random.Random(f"{seed}-{screen}")
    shortest, tallest, scale = PAGES[screen]
    heights = [round(rng.choice([60, 90, 140, 210, rng.randint(50, 260)]) * scale)
               for _ in range(rng.randint(1, 30))]
    area, rows = _list(qtbot, heights, page_height=rng.randint(shortest, tallest))
    order = list(range(len(rows))) + list(reversed(range(len(rows))))
    for index in order:
        fit_whole_rows(area, rows, [rows[index]])
        _check_whole(area, rows, rows[index])  # the top edge too, at the end of the list
    assert area.verticalScrollBar().value() == 0  # back at the top


@pytest.mark.parametrize("seed", [3, 99, 512, 4096])
def test_jumping_anywhere_shows_only_whole_rows(qtbot: QtBot, seed: int) -> None:
    """Home jumps: 继续观看 at the top, then straight to 家人设置 at the very end, then back
    to a shelf in the middle; a heading goes with its shelf."""
    rng = random.Random(seed)
    heights = [h for _ in range(rng.randint(2, 12)) for h in (rng.randint(40, 70),
                                                               rng.randint(150, 330))]
    area, rows = _list(qtbot, heights, page_height=rng.randint(420, 900))
    for _ in range(25):
        heading = rng.randrange(0, len(rows), 2)
        pair = [rows[heading], rows[heading + 1]]
        fit_whole_rows(area, rows, pair)
        for row in pair:
            _check_whole(area, rows, row)
        if rng.random() < 0.3:
            fit_whole_rows(area, rows, [rows[-1]])
            _check_whole(area, rows, rows[-1])


def test_at_the_end_of_the_list_the_top_edge_also_falls_between_rows(qtbot: QtBot) -> None:
    area, rows = _list(qtbot, [60, 140, 90, 90, 90, 60, 60, 210, 60, 60, 60, 90, 90, 60, 90],
                       page_height=779)
    fit_whole_rows(area, rows, [rows[-1]])
    assert _at_the_end(area)
    _check_whole(area, rows, rows[-1])


def test_a_heading_with_its_first_row_shows_both(qtbot: QtBot) -> None:
    area, rows = _list(qtbot, [80, 200] * 10, page_height=600)
    fit_whole_rows(area, rows, [rows[14], rows[15]])  # 全部剧集 heading and its row
    _check_whole(area, rows, rows[14])
    _check_whole(area, rows, rows[15])


def test_nothing_to_show_leaves_the_list_where_it_is(qtbot: QtBot) -> None:
    area, rows = _list(qtbot, [100] * 20, page_height=500)
    area.verticalScrollBar().setValue(230)
    fit_whole_rows(area, rows, [])
    assert area.verticalScrollBar().value() == 230
    rows[3].hide()
    fit_whole_rows(area, rows, [rows[3]])  # hidden: nothing to bring into view
    assert area.verticalScrollBar().value() == 230
