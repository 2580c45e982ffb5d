"""Home shows only whole items: 继续观看, each shelf with its name, and 家人设置 are either
wholly on the page or wholly out of view (and then named in the bottom line), at 720p,
1080p and 4K, normal and enlarged, with one shelf or many, going down and back up."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.ui.home import HomeScreen
from player.ui.poster_wall import PosterRow
from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key
TAGS = ("养生", "科普", "家庭", "戏曲", "评书", "老电影")
SCREENS = {"720p": (1280, 720), "1080p": (1920, 1080), "2160p": (3840, 2160)}


def _library(root: Path, media_dir: Path, shelves: int, seed: int) -> Path:
    """A library whose Home has ``shelves`` shelves: 全部剧集 and ``shelves - 1`` tags."""
    rng = random.Random(seed)
    clip = colour_clip(media_dir / "home-rows-green.mp4", "0x2E7D32", 1.0)
    for number in range(rng.randint(1, 3) + shelves):
        tags = "".join(f"[{tag}]" for tag in TAGS[:shelves - 1] if rng.random() < 0.6)
        if number < shelves - 1:  # every tag on at least one series, so every shelf shows
            tags += f"[{TAGS[number]}]"
        folder = root / f"{tags} 剧{number + 1}"
        folder.mkdir(parents=True)
        shutil.copy(clip, folder / "第1集.mp4")
    return root


def _scroll(home: HomeScreen) -> QScrollArea:
    area = home.findChild(QScrollArea)
    assert area is not None
    return area


def _span(home: HomeScreen, widget: QWidget) -> tuple[int, int]:
    top = widget.mapTo(_scroll(home).viewport(), QPoint(0, 0)).y()
    return top, top + widget.height()


def _check_page(home: HomeScreen) -> None:
    """The focused item wholly in view; nothing cut by the top or bottom edge; whatever is
    below the view and not focused named in the bottom line."""
    viewport = _scroll(home).viewport()
    visible = viewport.height()
    assert viewport.visibleRegion().boundingRect().height() == visible  # not hidden itself
    focused = QApplication.focusWidget()
    assert focused in home.focusables()
    assert focused is not None
    top, bottom = _span(home, focused)
    assert top >= 0 and bottom <= visible, "the focused item and its frame are whole"
    for item in home.page_rows():
        if not item.isVisible():
            continue
        item_top, item_bottom = _span(home, item)
        name = item.accessibleName() or getattr(item, "title", "") or type(item).__name__
        assert not item_top < 0 < item_bottom, f"{name} is cut by the top edge"
        assert not item_top < visible < item_bottom, f"{name} is cut by the bottom edge"
    shelves_below = [row.title for row in home.rows()
                     if row is not focused and _span(home, row)[0] >= visible]
    for title in shelves_below[:3]:
        assert title in home.more_text()
    if len(shelves_below) > 3:
        assert home.more_text().endswith(f" 等 {len(shelves_below)} 排")
    elif _span(home, home.family_button)[0] >= visible:
        assert home.more_text().endswith("家人设置"), "家人设置 out of view is named"


def _walk_down_and_up(qtbot: QtBot, parts: Assembly) -> None:
    home = parts.window.home
    items = [w for w in home.focusables() if w.isVisible()]
    assert QApplication.focusWidget() is items[0]
    _check_page(home)
    for expected in items[1:]:
        press(qtbot, parts, K.Key_Down)
        assert QApplication.focusWidget() is expected
        _check_page(home)
    for expected in reversed(items[:-1]):
        press(qtbot, parts, K.Key_Up)
        assert QApplication.focusWidget() is expected
        _check_page(home)
    assert _scroll(home).verticalScrollBar().value() == 0  # 继续观看 again: the top of the page


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("shelves", [1, 2, 4, 7])
def test_every_item_on_home_is_whole_going_down_and_back_up(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, screen: str, shelves: int
) -> None:
    library = _library(tmp_path / "lib", media_dir, shelves, seed=shelves * 7)
    parts = build_app(library, size=SCREENS[screen])
    assert len(parts.window.home.rows()) == shelves
    _walk_down_and_up(qtbot, parts)


@pytest.mark.parametrize("screen", ["720p", "1080p"])
@pytest.mark.parametrize("shelves", [1, 3])
def test_every_item_on_home_is_whole_enlarged_too(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, screen: str, shelves: int
) -> None:
    library = _library(tmp_path / "lib", media_dir, shelves, seed=shelves * 13)
    parts = build_app(library, size=SCREENS[screen])
    parts.settings.set("ui.enlarged", True)
    home = parts.window.home
    qtbot.wait_until(lambda: parts.window.theme().enlarged)
    home.focus_initial()
    _walk_down_and_up(qtbot, parts)
    # And back to normal size while a shelf has the focus: still whole, the shelf still in view.
    press(qtbot, parts, K.Key_Down)
    parts.settings.set("ui.enlarged", False)
    qtbot.wait_until(lambda: not parts.window.theme().enlarged)
    assert isinstance(QApplication.focusWidget(), PosterRow)
    _check_page(home)


def test_one_shelf_at_720p_first_view_has_no_cut_family_button(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    """The case seen on screen: one shelf, 1280×720, Home as it opens."""
    library = _library(tmp_path / "lib", media_dir, 1, seed=1)
    parts = build_app(library, size=(1280, 720))
    home = parts.window.home
    family = home.family_button
    visible = _scroll(home).viewport().height()
    top, bottom = _span(home, family)
    assert bottom <= visible or top >= visible, (top, bottom, visible)
    if top >= visible:
        assert home.more_text() == "往下还有：家人设置"
    press(qtbot, parts, K.Key_Down, K.Key_Down)
    assert QApplication.focusWidget() is family
    top, bottom = _span(home, family)
    assert top >= 0 and bottom <= _scroll(home).viewport().height()
    assert home.more_text() == ""
