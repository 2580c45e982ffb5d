"""The six keys move focus to the item the viewer expects: neighbours in a row stay
neighbours, the poster wall moves along a shelf and between shelves, and exactly one
item wears the focus frame."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.ui.poster_wall import PosterRow
from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def _series(root: Path, media_dir: Path, name: str, episodes: int) -> None:
    clip = colour_clip(media_dir / "focus-blue.mp4", "0x1565C0", 2.0)
    folder = root / name
    folder.mkdir(parents=True)
    for number in range(1, episodes + 1):
        shutil.copy(clip, folder / f"第{number}集.mp4")


@pytest.mark.parametrize("enlarged", [False, True])
def test_left_and_right_go_between_the_two_tiles_of_a_short_series(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, enlarged: bool
) -> None:
    _series(tmp_path / "lib", media_dir, "两集剧", 2)
    parts = build_app(tmp_path / "lib")
    parts.settings.set("ui.enlarged", enlarged)
    window = parts.window
    window.open_series(0)
    screen = window.series_screen
    first, second = screen.episode_button(0), screen.episode_button(1)
    press(qtbot, parts, K.Key_Down)
    assert QApplication.focusWidget() is first
    press(qtbot, parts, K.Key_Right)
    assert QApplication.focusWidget() is second  # not the big 从第 1 集开始 button
    press(qtbot, parts, K.Key_Right)
    assert QApplication.focusWidget() is second  # the end of the row: stays
    press(qtbot, parts, K.Key_Left)
    assert QApplication.focusWidget() is first
    press(qtbot, parts, K.Key_Up)
    assert QApplication.focusWidget() is screen.initial_focus()


def test_the_poster_wall_moves_along_shelves_and_between_them(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    library = tmp_path / "lib"
    for name in ("[养生] 八段锦", "[科普] 血压那些事", "春风又起", "[养生][科普] 秋冬怎么吃"):
        _series(library, media_dir, name, 1)
    parts = build_app(library)
    window, home = parts.window, parts.window.home
    assert home.row_titles() == ["全部剧集", "养生", "科普"]
    assert home.more_text() == "往下还有：养生、科普、家人设置"  # what is out of view is named
    spoken: list[str] = []
    window.set_announcer(spoken.append)

    press(qtbot, parts, K.Key_Down)
    everything = home.rows()[0]
    assert QApplication.focusWidget() is everything
    titles = [window.library[i].title for i in range(4)]
    assert spoken[-1] == f"全部剧集：{titles[0]}，已看 0/1 集"
    press(qtbot, parts, K.Key_Right, K.Key_Right)
    assert everything.current_series() == 2
    assert spoken[-1].startswith(f"全部剧集：{titles[2]}")
    press(qtbot, parts, K.Key_Down)  # to 养生, the poster under the one we left (or nearest)
    health = home.rows()[1]
    assert QApplication.focusWidget() is health
    assert window.library[health.current_series()].tags[0] == "养生"  # type: ignore[index]
    press(qtbot, parts, K.Key_Up, K.Key_Left, K.Key_Left, K.Key_Left)
    assert QApplication.focusWidget() is everything and everything.current_series() == 0

    press(qtbot, parts, K.Key_Down, K.Key_Down)
    assert QApplication.focusWidget() is home.rows()[2] and home.more_text() == ""
    press(qtbot, parts, K.Key_Up, K.Key_Up)
    with qtbot.wait_signal(window.series_opened, timeout=5000) as opened:
        press(qtbot, parts, K.Key_Return)
    assert opened.args[0] is window.library[0]  # type: ignore[index]


def test_exactly_one_item_wears_the_focus_frame_on_the_wall(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    library = tmp_path / "lib"
    for name in ("[家庭] 甲", "[家庭] 乙", "丙"):
        _series(library, media_dir, name, 1)
    parts = build_app(library)
    home = parts.window.home
    rows = home.rows()
    press(qtbot, parts, K.Key_Down)
    focused = [row for row in rows if row.hasFocus()]
    assert focused == [rows[0]]
    assert all(isinstance(row, PosterRow) for row in rows)
    assert _frame_pixels(rows[0]) > 0  # the current poster of the focused shelf is framed
    assert _frame_pixels(rows[1]) == 0  # the other shelf's current poster is not
    press(qtbot, parts, K.Key_Down)
    assert _frame_pixels(rows[0]) == 0 and _frame_pixels(rows[1]) > 0


def _frame_pixels(row: PosterRow) -> int:
    from PySide6.QtGui import QColor

    from accessibility.theme import FOCUS

    image = row.grab().toImage()
    focus = QColor(FOCUS)
    count = 0
    for y in range(0, image.height(), 3):
        for x in range(0, min(image.width(), 700), 3):
            colour = image.pixelColor(x, y)
            if (abs(colour.red() - focus.red()) < 30 and abs(colour.green() - focus.green()) < 30
                    and abs(colour.blue() - focus.blue()) < 30):
                count += 1
    return count
