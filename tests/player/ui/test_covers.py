"""Series covers for Home, found off the GUI thread: the family's image, a frame of the
first episode, or an image at an http(s) address; an old request never lands late."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.library.model import Episode, Series
from player.ui.covers import CoverLoader
from tests.media import colour_clip

BOX = QSize(200, 266)


def _image(path: Path, colour: str, size: QSize) -> Path:
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def _series(title: str, episodes: list[str], cover: str | None = None) -> Series:
    return Series(title, f"/剧/{title}",
                  tuple(Episode(n, f"第{n}集", e) for n, e in enumerate(episodes, 1)), cover)


@pytest.fixture(scope="module")
def media(media_dir: Path) -> Path:
    folder = media_dir / "covers"
    folder.mkdir(exist_ok=True)
    colour_clip(folder / "红.mp4", "0xC62828", 2.0)
    colour_clip(folder / "蓝.mp4", "0x1565C0", 2.0, size="640x360")
    _image(folder / "封面.png", "#2E7D32", QSize(600, 800))
    _image(folder / "wide.jpg", "#FFD21F", QSize(1600, 400))
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(media: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(media))
    running = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=running.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{running.server_address[1]}"
    running.shutdown()
    running.server_close()


def _load(qtbot: QtBot, loader: CoverLoader, library: list[Series],
          expected: int) -> dict[int, QImage]:
    got: dict[int, QImage] = {}
    loader.ready.connect(got.__setitem__)
    loader.load(library, BOX)
    qtbot.wait_until(lambda: len(got) >= expected, timeout=20_000)
    return got


def _colour(image: QImage) -> str:
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def test_the_familys_image_else_a_frame_of_the_first_episode(
        qtbot: QtBot, media: Path, tmp_path: Path) -> None:
    loader = CoverLoader(tmp_path / "cache")
    library = [
        _series("有封面", [str(media / "蓝.mp4")], cover=str(media / "封面.png")),
        _series("没封面", [str(media / "红.mp4"), str(media / "蓝.mp4")]),
        _series("宽封面", [str(media / "红.mp4")], cover=str(media / "wide.jpg")),
    ]
    got = _load(qtbot, loader, library, expected=3)
    assert _colour(got[0]) == "#2e7d32"
    assert QColor(_colour(got[1])).red() > 150  # the red first episode, not the blue second
    assert _colour(got[2]) == "#ffd21f"
    for image in got.values():  # scaled to the box, whole (never cropped here)
        assert image.width() <= BOX.width() and image.height() <= BOX.height()
    assert got[0].size() == QSize(199, 266)  # 3:4 kept: 199.5 px wide
    assert got[2].size() == QSize(200, 50)


def test_a_cover_at_an_http_address(qtbot: QtBot, media: Path, server: str,
                                    tmp_path: Path) -> None:
    loader = CoverLoader(tmp_path / "cache")
    library = [_series("网上", [f"{server}/红.mp4"], cover=f"{server}/%E5%B0%81%E9%9D%A2.png")]
    got = _load(qtbot, loader, library, expected=1)
    assert _colour(got[0]) == "#2e7d32"


def test_when_the_image_is_not_there_the_first_episode_stands_in(
        qtbot: QtBot, media: Path, server: str, tmp_path: Path) -> None:
    loader = CoverLoader(tmp_path / "cache")
    library = [
        _series("坏地址", [str(media / "红.mp4")], cover=f"{server}/没有这张.png"),
        _series("坏图", [str(media / "蓝.mp4")], cover=str(media / "broken.png")),
        _series("好的", [str(media / "红.mp4")], cover=str(media / "封面.png")),
    ]
    got = _load(qtbot, loader, library, expected=2)
    assert 2 in got  # one worker delivers in order: had 1 come, it would be here by now
    assert QColor(_colour(got[0])).red() > 150  # the episode's frame
    assert 1 not in got  # a broken image is no cover, and it is not replaced either
    assert _colour(got[2]) == "#2e7d32"


def test_no_cover_for_a_remote_series_without_an_image(qtbot: QtBot, server: str,
                                                       media: Path, tmp_path: Path) -> None:
    loader = CoverLoader(tmp_path / "cache")
    library = [_series("直播", [f"{server}/红.mp4"]), _series("本地", [str(media / "蓝.mp4")])]
    got = _load(qtbot, loader, library, expected=1)
    assert list(got) == [1]  # in order: the remote one was passed over before


def test_a_newer_library_wins_over_an_older_request(qtbot: QtBot, media: Path,
                                                    tmp_path: Path) -> None:
    loader = CoverLoader(tmp_path / "cache")
    old = [_series(f"旧{n}", [str(media / "红.mp4")]) for n in range(6)]
    new = [_series("新", [str(media / "蓝.mp4")], cover=str(media / "wide.jpg"))]
    got: list[tuple[int, str]] = []
    loader.ready.connect(lambda index, image: got.append((index, _colour(image))))
    loader.load(old, BOX)
    loader.load(new, BOX)
    qtbot.wait_until(lambda: (0, "#ffd21f") in got, timeout=20_000)
    # Let the old request's worker run out, then take whatever it posted.
    qtbot.wait_until(lambda: not any(t.name == "covers" for t in threading.enumerate()),
                     timeout=20_000)
    QApplication.processEvents()
    assert got == [(0, "#ffd21f")]
