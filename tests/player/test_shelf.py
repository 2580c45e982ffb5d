"""The library shelf (player/shelf.py): which sources are read, reading them off the GUI
thread, and which source problems are new — for the start-up and the family settings alike."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from player.assets import demo_library
from player.config.store import Settings
from player.library.model import Series
from player.library.sources import open_source
from player.shelf import SOURCES_KEY, LibraryShelf


def make_folder(root: Path, shows: dict[str, int]) -> Path:
    """A source folder: one sub-folder per series, ``count`` episode files in each (0: an
    empty folder, which the reader reports as a problem)."""
    for title, count in shows.items():
        folder = root / title
        folder.mkdir(parents=True)
        for number in range(1, count + 1):
            (folder / f"第{number}集.mp4").write_bytes(b"\0")
        if count == 0:
            (folder / "说明.txt").write_text("没有视频", encoding="utf-8")
    return root


def test_this_runs_sources_come_first_then_the_saved_ones_then_the_demo() -> None:
    settings = Settings(None)
    assert LibraryShelf(settings).sources() == [str(demo_library())]
    assert LibraryShelf(settings).sources(demo=False) == []  # a file named on the command line
    settings.set(SOURCES_KEY, ["/media/usb", "http://127.0.0.1:8200/rootDesc.xml"])
    assert LibraryShelf(settings).sources() == ["/media/usb",
                                                "http://127.0.0.1:8200/rootDesc.xml"]
    assert LibraryShelf(settings, ["/mnt/U盘"]).sources() == ["/mnt/U盘"]


def test_a_whole_read_arrives_once_on_the_gui_thread_in_source_order(qtbot: QtBot,
                                                                    tmp_path: Path) -> None:
    first = make_folder(tmp_path / "一", {"剧乙": 2, "剧甲": 3})
    second = make_folder(tmp_path / "二", {"戏曲": 1, "空的": 0})
    missing = tmp_path / "拔掉的U盘"
    shelf = LibraryShelf(Settings(None))
    delivered: list[tuple[list[Series], bool]] = []

    def deliver(library: list[Series]) -> None:
        delivered.append((library, threading.current_thread() is threading.main_thread()))

    shelf.read([str(second), str(missing), str(first)], deliver, whole=True)
    qtbot.wait_until(lambda: bool(delivered), timeout=10_000)
    QCoreApplication.processEvents()  # anything else already posted would arrive now
    assert len(delivered) == 1
    library, on_gui_thread = delivered[0]
    assert on_gui_thread
    assert [s.title for s in library] == ["戏曲", "空的", "拔掉的U盘", "剧乙", "剧甲"]
    problems = shelf.replace(library)
    assert sorted(p.code for p in problems) == ["empty", "missing"]
    assert [s.title for s in shelf.series] == ["戏曲", "剧乙", "剧甲"]  # only with episodes


def test_reload_reads_what_the_family_saved_since(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(None)
    old = make_folder(tmp_path / "旧", {"旧剧": 1})
    new = make_folder(tmp_path / "新", {"新剧": 4})
    settings.set(SOURCES_KEY, [str(old)])
    shelf = LibraryShelf(settings)
    settings.set(SOURCES_KEY, [str(new)])
    got: list[list[Series]] = []
    shelf.reload(got.append)
    qtbot.wait_until(lambda: bool(got), timeout=10_000)
    assert [(s.title, len(s.episodes)) for s in got[0]] == [("新剧", 4)]


def test_a_growing_library_reports_only_problems_not_told_before(tmp_path: Path) -> None:
    shelf = LibraryShelf(Settings(None))
    local = make_folder(tmp_path / "本地", {"剧甲": 2, "空的": 0})
    first = open_source(str(local))
    told = shelf.replace(first)
    assert [p.code for p in told] == ["empty"]
    slow = open_source(str(tmp_path / "慢的服务器"))  # arrives later, with its own problem
    new = shelf.grow([*first, *slow])
    assert [p.code for p in new] == ["missing"]
    assert shelf.grow([*first, *slow]) == []  # said once
    assert [s.title for s in shelf.series] == ["剧甲"]
    assert shelf.index_of(shelf.series[0]) == 0
    assert shelf.index_of(slow[0]) is None


@pytest.mark.parametrize("seed", [3, 41])
def test_series_without_episodes_never_reach_home(tmp_path: Path, seed: int) -> None:
    chance = random.Random(seed)
    shows = {f"剧{n}": chance.choice([0, 0, 1, 5]) for n in range(8)}
    shelf = LibraryShelf(Settings(None))
    shelf.replace(open_source(str(make_folder(tmp_path / "lib", shows))))
    assert sorted(s.title for s in shelf.series) == sorted(t for t, c in shows.items() if c)
    assert all(s.episodes for s in shelf.series)
