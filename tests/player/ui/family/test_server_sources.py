"""家人设置 → 片源 → 家里网络上的媒体服务器: searched only when asked, offered by name, added as
a source whose folders then appear as series on Home (a real HTTP media server on 127.0.0.1;
the real SSDP search against a real MiniDLNA is in test_mediaserver_minidlna.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.config.transfer import PlaceFinder
from player.library.mediaserver import FoundServer
from tests.player.library.fake_media_server import FakeServer, serving
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, open_family_settings, press_until, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key
VIDEO = "http-get:*:video/mp4:*"
NETWORK = "家里网络上的媒体服务器（NAS）"


@pytest.fixture
def nas() -> Iterator[FakeServer]:
    server = FakeServer(name="客厅的NAS")
    server.children = {
        "0": [server.container("1", "外婆的夏天")],
        "1": [server.item("1.2", "第十集", ("http://127.0.0.1:9/10.mp4", VIDEO)),
              server.item("1.1", "第九集", ("http://127.0.0.1:9/9.mp4", VIDEO))],
    }
    with serving(server) as running:
        yield running


def _enter_sources_chooser(qtbot: QtBot, parts: Assembly, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    parts.family.places = PlaceFinder(home=home, mounts=lambda: [], roots=())
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    screen = parts.family.settings_screen
    press_until(qtbot, parts, K.Key_Down, screen.list_buttons("library.sources")[-1])
    press(qtbot, parts, K.Key_Return)


def test_a_media_server_found_on_the_network_is_added_and_its_folders_become_series(
        qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path,
        nas: FakeServer) -> None:
    parts = build_app(short_library)
    spoken: list[str] = []
    parts.window.set_announcer(spoken.append)
    searches: list[int] = []

    def finder() -> list[FoundServer]:
        searches.append(1)
        return [FoundServer("客厅的NAS", nas.url)]

    parts.family.server_search.finder = finder
    _enter_sources_chooser(qtbot, parts, tmp_path)
    chooser = parts.family.chooser
    assert [b.text() for b in chooser.buttons()] == [NETWORK]
    assert "没有找到新的 U 盘" in " ".join(label.text() for label in chooser._lines)
    assert searches == []  # nothing is sent on the network until the family asks

    press_until(qtbot, parts, K.Key_Down, chooser.buttons()[0])
    press(qtbot, parts, K.Key_Return)
    qtbot.wait_until(lambda: chooser.title.text() == "选择媒体服务器", timeout=10_000)
    assert searches == [1]
    assert any("正在查找" in text for text in spoken)
    [server_button] = chooser.buttons()
    assert server_button.text() == "媒体服务器：客厅的NAS"
    assert focused() is server_button
    press(qtbot, parts, K.Key_Return)
    assert parts.settings.get("library.sources") == [nas.url]

    with qtbot.wait_signal(parts.window.home_ready, timeout=20_000):
        press(qtbot, parts, K.Key_Escape)  # back to Home: the sources are read again
    [series] = parts.window.library
    assert series.title == "外婆的夏天"
    assert [e.title for e in series.episodes] == ["第九集", "第十集"]


def test_nothing_found_says_so_plainly_and_returns_to_the_settings(
        qtbot: QtBot, build_app: Build, short_library: Path, tmp_path: Path) -> None:
    parts = build_app(short_library)
    spoken: list[str] = []
    parts.window.set_announcer(spoken.append)
    parts.family.server_search.finder = lambda: []
    _enter_sources_chooser(qtbot, parts, tmp_path)
    press_until(qtbot, parts, K.Key_Down, parts.family.chooser.buttons()[0])
    press(qtbot, parts, K.Key_Return)
    screen = parts.family.settings_screen
    qtbot.wait_until(lambda: parts.window.stack.currentWidget() is screen, timeout=10_000)
    message = parts.window.banner.text()
    assert "没有找到新的媒体服务器" in message
    assert message in spoken
    assert parts.settings.get("library.sources") == []
