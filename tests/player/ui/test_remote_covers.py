"""A series cover at an http(s) address (a media server's albumArtURI) is shown on Home; a bad
one is passed over (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from player.library.model import Episode, Series
from player.ui.covers import CoverLoader


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _series(cover: str) -> Series:
    return Series("外婆的夏天", "http://nas/#外婆的夏天",
                  (Episode(1, "第1集", "http://127.0.0.1:9/1.mp4"),), cover=cover)


def test_a_cover_at_an_http_address_is_loaded(qtbot: QtBot, web: tuple[Path, str],
                                              tmp_path: Path) -> None:
    folder, base = web
    image = QImage(60, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#2E7D32"))
    assert image.save(str(folder / "cover.png"))
    loader = CoverLoader(tmp_path / "cache")
    with qtbot.wait_signal(loader.ready, timeout=10_000) as signal:
        loader.load([_series(f"{base}/cover.png")], QSize(120, 180))
    index, shown = signal.args
    assert index == 0
    assert shown.size() == QSize(120, 180)
    assert shown.pixelColor(60, 90).name() == "#2e7d32"


@pytest.mark.parametrize("kind", ["garbage", "missing"])
def test_a_bad_cover_address_gives_no_cover_and_no_crash(qtbot: QtBot, web: tuple[Path, str],
                                                        tmp_path: Path, kind: str) -> None:
    folder, base = web
    if kind == "garbage":
        (folder / "cover.png").write_bytes(b"\x89PNG not really" * 100)
    loader = CoverLoader(tmp_path / "cache")
    good = QImage(10, 10, QImage.Format.Format_RGB32)
    good.fill(QColor("#1565C0"))
    good.save(str(folder / "good.png"))
    with qtbot.wait_signal(loader.ready, timeout=10_000) as signal:
        # the second series' cover arrives; the first one's never does
        loader.load([_series(f"{base}/cover.png"), _series(f"{base}/good.png")], QSize(20, 20))
    assert signal.args[0] == 1
