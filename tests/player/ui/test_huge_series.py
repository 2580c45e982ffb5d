"""A series of 50,000 episodes opens at once: one page of tiles exists, progress is read in
batched queries (never one per episode), and the six keys turn the pages."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from player.library.model import Episode, Series
from player.ui.series import PAGE_SIZE
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key
COUNT = 50_000


def _huge(root: Path) -> Series:
    episodes = tuple(Episode(n, f"第{n}集", f"{root}/长剧/第{n}集.mp4")
                     for n in range(1, COUNT + 1))
    return Series("五万集的长剧", f"{root}/长剧", episodes)


def test_fifty_thousand_episodes_open_with_one_page_of_tiles_and_batched_reads(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from tests.media import colour_clip

    (tmp_path / "lib" / "小剧").mkdir(parents=True)
    colour_clip(tmp_path / "lib" / "小剧" / "第1集.mp4", "0x2E7D32", 1.0)
    parts = build_app(tmp_path / "lib")
    window, progress = parts.window, parts.progress
    huge = _huge(tmp_path)
    progress.save(huge, huge.episodes[29_999], 59_000, 60_000)  # 第30000集 watched
    progress.save(huge, huge.episodes[30_000], 20_000, 60_000)  # 第30001集 half-way
    progress.mark_unplayable(huge.episodes[30_001].location, "unplayable")
    window.show_library([huge])

    statements: list[str] = []
    progress._connection.set_trace_callback(statements.append)
    window.open_series(0)
    progress._connection.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 4 * (COUNT // 500 + 1), len(reads)  # batched, not 50,000 × 2

    screen = window.series_screen
    tiles = [b for b in screen.findChildren(QAbstractButton)
             if b.property("role") == "tile" and b.isVisible()]
    assert len(tiles) <= PAGE_SIZE
    resume = screen.initial_focus()
    assert resume is not None and resume.text() == "从第 30001 集继续"  # type: ignore[attr-defined]
    assert screen.page == 30_000 // PAGE_SIZE
    assert screen.episode_button(29_999).text().splitlines()[:2] == ["30000", "已看"]
    assert screen.episode_button(30_001).text().splitlines()[:2] == ["30002", "打不开"]

    # The keys: Down goes to 前面, then into the tiles; past the last row, 后面 turns the page.
    press(qtbot, parts, K.Key_Down)
    assert "前面" in QApplication.focusWidget().text()  # type: ignore[union-attr]
    last = max(screen.visible_indexes())
    screen.set_focus(screen.episode_button(last))
    press(qtbot, parts, K.Key_Down)
    later = QApplication.focusWidget()
    assert later is not None and "后面" in later.text()  # type: ignore[attr-defined]
    press(qtbot, parts, K.Key_Return)
    assert QApplication.focusWidget() is screen.episode_button(last + 1)
    assert screen.page == 30_000 // PAGE_SIZE + 1
    def tiles_alive() -> int:
        gc.collect()
        return len([b for b in screen.findChildren(QAbstractButton)
                    if b.property("role") == "tile"])

    qtbot.wait_until(lambda: tiles_alive() <= PAGE_SIZE, timeout=5000)  # gone, not hidden


def test_home_with_500_series_builds_no_widget_per_series(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    from tests.media import colour_clip

    (tmp_path / "lib" / "小剧").mkdir(parents=True)
    colour_clip(tmp_path / "lib" / "小剧" / "第1集.mp4", "0x2E7D32", 1.0)
    parts = build_app(tmp_path / "lib")
    window, home = parts.window, parts.window.home

    def library(count: int) -> list[Series]:
        tags = (("养生",), ("科普",), ("家庭",), ())
        return [Series(f"短剧{i:03d}", f"{tmp_path}/s{i}",
                       (Episode(1, "第1集", f"{tmp_path}/s{i}/1.mp4"),), tags=tags[i % 4])
                for i in range(count)]

    window.show_library(library(5))
    few = len(home.findChildren(QWidget))
    window.show_library(library(500))
    qtbot.wait_until(lambda: len(home.findChildren(QWidget)) <= few + 2, timeout=5000)
    assert home.row_titles() == ["全部剧集", "养生", "科普", "家庭"]
    assert home.rows()[0].count() == 500 and home.rows()[1].count() == 125
    press(qtbot, parts, K.Key_Down)
    for _ in range(30):
        press(qtbot, parts, K.Key_Right)
    assert home.rows()[0].current_series() == 30
    row = home.rows()[0]
    drawn = row.current_rect().adjusted(row.delegate._margin(), 0, -row.delegate._margin(), 0)
    assert row.viewport().rect().contains(drawn)  # scrolled along: the poster is on screen
