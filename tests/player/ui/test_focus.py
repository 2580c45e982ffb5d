"""Spatial focus: an arrow goes to the nearest item that way, staying in its row or column."""

from __future__ import annotations

import random

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from player.ui.focus import neighbour
from player.ui.keys import Action
from tests.player.ui.hosting import show_widget


def _page(qtbot: QtBot, boxes: dict[str, tuple[int, int, int, int]]) -> dict[str, QPushButton]:
    """Buttons placed at (x, y, width, height) on a shown 1920×1080 page."""
    page = QWidget()
    buttons = {}
    for name, (x, y, width, height) in boxes.items():
        button = QPushButton(name, page)
        button.setGeometry(x, y, width, height)
        buttons[name] = button
    show_widget(qtbot, page)
    return buttons


@pytest.mark.parametrize("seed", [3, 11, 2026])
def test_in_a_grid_each_arrow_goes_one_step_that_way(qtbot: QtBot, seed: int) -> None:
    rng = random.Random(seed)
    rows, columns = rng.randint(2, 4), rng.randint(2, 5)
    width, height, gap = rng.randint(150, 300), rng.randint(100, 200), rng.randint(10, 60)
    boxes = {f"{r},{c}": (40 + c * (width + gap), 40 + r * (height + gap), width, height)
             for r in range(rows) for c in range(columns)}
    buttons = _page(qtbot, boxes)
    items = list(buttons.values())
    steps = {Action.RIGHT: (0, 1), Action.LEFT: (0, -1), Action.DOWN: (1, 0), Action.UP: (-1, 0)}
    for r in range(rows):
        for c in range(columns):
            for action, (dr, dc) in steps.items():
                there = f"{r + dr},{c + dc}"
                found = neighbour(buttons[f"{r},{c}"], items, action)
                assert found is buttons.get(there), (seed, r, c, action)


def test_right_stays_in_the_row_even_when_an_item_above_is_nearer(qtbot: QtBot) -> None:
    # Two wide tiles, and a wide button above whose centre is nearer than the second tile's.
    buttons = _page(qtbot, {
        "button": (300, 40, 900, 120),
        "tile 1": (40, 300, 700, 300),
        "tile 2": (1100, 300, 700, 300),
    })
    items = list(buttons.values())
    assert neighbour(buttons["tile 1"], items, Action.RIGHT) is buttons["tile 2"]
    assert neighbour(buttons["tile 2"], items, Action.UP) is buttons["button"]


def test_hidden_and_disabled_items_are_passed_over(qtbot: QtBot) -> None:
    buttons = _page(qtbot, {name: (40 + 300 * i, 40, 200, 100)
                            for i, name in enumerate("abcd")})
    buttons["b"].hide()
    buttons["c"].setEnabled(False)
    items = list(buttons.values())
    assert neighbour(buttons["a"], items, Action.RIGHT) is buttons["d"]
    assert neighbour(buttons["d"], items, Action.LEFT) is buttons["a"]


def test_at_the_edge_there_is_nowhere_to_go(qtbot: QtBot) -> None:
    buttons = _page(qtbot, {"left": (40, 40, 200, 100), "right": (400, 40, 200, 100)})
    items = list(buttons.values())
    assert neighbour(buttons["left"], items, Action.LEFT) is None
    assert neighbour(buttons["right"], items, Action.RIGHT) is None
    assert neighbour(buttons["right"], items, Action.DOWN) is None


def test_from_nowhere_the_first_usable_item_takes_focus(qtbot: QtBot) -> None:
    buttons = _page(qtbot, {"a": (40, 40, 200, 100), "b": (400, 40, 200, 100)})
    buttons["a"].setEnabled(False)
    items = list(buttons.values())
    assert neighbour(None, items, Action.DOWN) is buttons["b"]
    outsider = QPushButton("elsewhere")
    assert neighbour(outsider, items, Action.UP) is buttons["b"]
    buttons["b"].hide()
    assert neighbour(None, items, Action.DOWN) is None


def test_ties_go_to_the_first_in_reading_order(qtbot: QtBot) -> None:
    # Two items exactly as far below, one left and one right of the current one's column.
    buttons = _page(qtbot, {"top": (400, 40, 200, 100), "low left": (100, 400, 200, 100),
                            "low right": (700, 400, 200, 100)})
    items = list(buttons.values())
    assert neighbour(buttons["top"], items, Action.DOWN) is buttons["low left"]
