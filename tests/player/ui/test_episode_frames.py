"""A frame of each episode on the Series page: real files, decoded off the GUI thread,
filled and cropped to the tile; remote and broken episodes passed over; cancel means none."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.ui.episode_frames import EpisodeFrameLoader
from tests.media import colour_clip

TILE = QSize(160, 90)


@pytest.fixture(scope="module")
def clips(media_dir: Path) -> dict[str, str]:
    folder = media_dir / "episode_frames"
    folder.mkdir(exist_ok=True)
    made = {
        "竖": colour_clip(folder / "第1集.mp4", "0xC62828", 2.0),  # 360×640
        "横": colour_clip(folder / "第2集.mp4", "0x1565C0", 2.0, size="640x360"),
        "方": colour_clip(folder / "第3集 (终).mp4", "0x2E7D32", 2.0, size="480x480"),
    }
    broken = folder / "第4集.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2000)
    paths = {name: str(path) for name, path in made.items()}
    paths["坏"] = str(broken)
    return paths


def _collect(loader: EpisodeFrameLoader) -> list[tuple[str, QImage]]:
    got: list[tuple[str, QImage]] = []
    loader.ready.connect(lambda location, image: got.append((location, image)))
    return got


def _worker_done() -> bool:
    return not any(t.name == "episode-frames" for t in threading.enumerate())


def _settle(qtbot: QtBot) -> None:
    qtbot.wait_until(_worker_done, timeout=20_000)
    QApplication.processEvents()


def test_each_episode_gets_a_frame_that_fills_the_tile(qtbot: QtBot, clips: dict[str, str],
                                                       tmp_path: Path) -> None:
    loader = EpisodeFrameLoader(tmp_path / "cache")
    got = _collect(loader)
    order = [clips["竖"], clips["横"], clips["方"]]
    loader.load(order, TILE)
    qtbot.wait_until(lambda: len(got) == 3, timeout=20_000)
    assert [location for location, _ in got] == order  # in the order asked
    for _location, image in got:
        assert image.size() == TILE  # filled and cropped, whatever the episode's shape
    colours = [QColor(image.pixelColor(80, 45)) for _, image in got]
    assert colours[0].red() > 150 and colours[1].blue() > 150 and colours[2].green() > 90


def test_remote_and_broken_episodes_are_passed_over(qtbot: QtBot, clips: dict[str, str],
                                                    tmp_path: Path) -> None:
    loader = EpisodeFrameLoader(tmp_path / "cache")
    got = _collect(loader)
    loader.load(["http://127.0.0.1:9/第1集.mp4", clips["坏"], clips["横"],
                 str(tmp_path / "不存在.mp4")], TILE)
    _settle(qtbot)
    assert [location for location, _ in got] == [clips["横"]]


def test_nothing_is_asked_for_an_empty_tile_or_only_remote_episodes(
        qtbot: QtBot, clips: dict[str, str], tmp_path: Path) -> None:
    loader = EpisodeFrameLoader(tmp_path / "cache")
    got = _collect(loader)
    _settle(qtbot)  # no worker of an earlier test left
    loader.load([clips["竖"]], QSize())
    loader.load(["https://127.0.0.1:9/a.m3u8"], TILE)
    assert _worker_done()  # no worker started at all
    QApplication.processEvents()
    assert got == []


def test_a_cancelled_or_replaced_request_delivers_nothing(qtbot: QtBot, clips: dict[str, str],
                                                          tmp_path: Path) -> None:
    loader = EpisodeFrameLoader(tmp_path / "cache")
    got = _collect(loader)
    loader.load([clips["竖"], clips["横"]], TILE)
    loader.cancel()
    _settle(qtbot)
    assert got == []
    loader.load([clips["竖"], clips["横"], clips["方"]], TILE)  # the page before
    loader.load([clips["方"]], QSize(90, 160))  # the page now shown
    qtbot.wait_until(lambda: len(got) >= 1, timeout=20_000)
    _settle(qtbot)
    assert [(location, image.size()) for location, image in got] == [
        (clips["方"], QSize(90, 160))]


def test_a_second_look_comes_from_the_cache(qtbot: QtBot, clips: dict[str, str],
                                            tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    loader = EpisodeFrameLoader(cache)
    got = _collect(loader)
    loader.load([clips["横"]], TILE)
    qtbot.wait_until(lambda: len(got) == 1, timeout=20_000)
    cached = sorted(p.name for p in cache.rglob("*") if p.is_file())
    assert cached  # the frame was kept on disk
    loader.load([clips["横"]], TILE)
    qtbot.wait_until(lambda: len(got) == 2, timeout=20_000)
    assert sorted(p.name for p in cache.rglob("*") if p.is_file()) == cached
    assert got[0][1] == got[1][1]
