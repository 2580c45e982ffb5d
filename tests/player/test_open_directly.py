"""``silverreel PATH_OR_URL``: a file plays at once, a folder or playlist opens as a series, a
bad path gets the plain large spoken message (the real app in-process, real libVLC), and the
command line itself on a real X server."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.assemble import Assembly, assemble
from player.config.paths import app_paths
from player.eventlog import EventLog, read_events
from player.library.sources import open_source
from player.open_directly import DirectOpener, Opened, normalise_target
from tests.conftest import XDisplay
from tests.media import colour_clip
from tests.x11 import running_app

pytestmark = pytest.mark.slow

Open = Callable[[str], tuple[Assembly, list[str]]]


@pytest.fixture
def open_directly(qtbot: QtBot, tmp_path: Path) -> Iterator[Open]:
    """The app started as ``silverreel TARGET`` would be: the target listed first, then the
    (here: no) saved sources; what it says aloud is collected."""
    made: list[Assembly] = []

    def start(target: str) -> tuple[Assembly, list[str]]:
        paths = app_paths(tmp_path / f"cfg{len(made)}")
        parts = assemble(paths, EventLog(paths.default_event_log))
        spoken: list[str] = []
        parts.window.set_announcer(spoken.append)
        named = normalise_target(target)
        opened = [Opened(named, open_source(named))]
        DirectOpener(parts.window, opened, parts.events)
        parts.window.resize(1280, 720)
        parts.window.show()
        qtbot.waitExposed(parts.window)
        parts.window.apply_theme()
        with qtbot.wait_signal(parts.window.home_ready, timeout=5000):
            parts.window.show_library(opened[0].series)
        made.append(parts)
        return parts, spoken

    yield start
    for parts in made:
        parts.close()


@pytest.mark.parametrize(("given", "expected"), [
    ("file:///media/U%E7%9B%98/%E7%AC%AC1%E9%9B%86.mp4", "/media/U盘/第1集.mp4"),  # %U
    ("file:///media/U盘/第 1 集.mp4", "/media/U盘/第 1 集.mp4"),
    ("/media/U盘/春风又起/", "/media/U盘/春风又起"),  # %F
    ("https://example.com/剧/第1集.mp4", "https://example.com/剧/第1集.mp4"),
])
def test_what_a_file_manager_passes_becomes_a_path(given: str, expected: str) -> None:
    assert normalise_target(given) == expected


def test_a_relative_path_is_taken_from_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert normalise_target("第1集.mp4") == str(tmp_path / "第1集.mp4")


@pytest.fixture(scope="module")
def episodes(media_dir: Path) -> Path:
    return colour_clip(media_dir / "direct.mp4", "0xAD1457", 2.0)


def test_a_file_plays_at_once(qtbot: QtBot, open_directly: Open, episodes: Path,
                              tmp_path: Path) -> None:
    clip = tmp_path / "外婆的夏天 第3集.mp4"
    shutil.copyfile(episodes, clip)
    parts, _spoken = open_directly(f"file://{clip}")  # as a file manager passes it (%U)
    window = parts.window
    log = parts.paths.default_event_log
    qtbot.wait_until(lambda: any(e["event"] == "first_frame" for e in read_events(log)),
                     timeout=20_000)
    assert window.current_screen() is window.playing
    assert parts.session.episode is not None
    assert parts.session.episode.location == str(clip)


def test_a_folder_opens_as_a_series_in_natural_order(open_directly: Open, episodes: Path,
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "春风又起"
    folder.mkdir()
    for name in ("第十集", "第九集", "第十一集"):
        shutil.copyfile(episodes, folder / f"{name}.mp4")
    parts, _spoken = open_directly(str(folder))
    window = parts.window
    assert window.current_screen() is window.series_screen
    shown = window.series_screen.series
    assert shown is not None and shown.title == "春风又起"
    assert [e.title for e in shown.episodes] == ["第九集", "第十集", "第十一集"]
    assert parts.session.episode is None  # nothing plays until the viewer chooses


def test_a_playlist_opens_as_a_series(open_directly: Open, episodes: Path,
                                      tmp_path: Path) -> None:
    shutil.copyfile(episodes, tmp_path / "a.mp4")
    shutil.copyfile(episodes, tmp_path / "b.mp4")
    playlist = tmp_path / "奶奶爱看.m3u"
    playlist.write_text("#EXTM3U\n#EXTINF:2,第一集\nb.mp4\n#EXTINF:2,第二集\na.mp4\n",
                        encoding="utf-8")
    parts, _spoken = open_directly(str(playlist))
    window = parts.window
    assert window.current_screen() is window.series_screen
    assert [e.title for e in window.series_screen.series.episodes] == ["第一集", "第二集"]


@pytest.mark.parametrize(("kind", "words"), [
    ("missing", "找不到"), ("empty_folder", "没有能播放的视频"), ("text_file", "不是能播放的"),
])
def test_a_bad_path_gets_a_plain_spoken_message_and_home_stays(
        open_directly: Open, tmp_path: Path, kind: str, words: str) -> None:
    if kind == "missing":
        target = tmp_path / "U盘" / "不存在的剧.mp4"
    elif kind == "empty_folder":
        target = tmp_path / "空文件夹"
        target.mkdir()
    else:
        target = tmp_path / "说明.txt"
        target.write_text("不是视频", encoding="utf-8")
    parts, spoken = open_directly(str(target))
    window = parts.window
    message = window.banner.text()
    assert words in message and target.name in message
    assert message in spoken
    assert window.current_screen() is window.home
    assert parts.session.episode is None
    [event] = [e for e in read_events(parts.paths.default_event_log)
               if e["event"] == "open_directly"]
    assert event["series"] == 0


@pytest.mark.x11
def test_the_command_line_plays_a_file_on_a_real_screen(xdisplay: XDisplay, media_dir: Path,
                                                        tmp_path: Path) -> None:
    clip = tmp_path / "第1集.mp4"
    shutil.copyfile(colour_clip(media_dir / "direct-long.mp4", "0xAD1457", 20.0), clip)
    with running_app(xdisplay, tmp_path, str(clip)) as app:
        started = app.wait_for_event("first_frame")
        assert started["location"] == str(clip)
        # The episode's own colour fills the middle of the screen once it is painted.
        deadline = time.monotonic() + 15
        while True:
            shot = app.screenshot(tmp_path / "direct.png")
            centre = shot.pixelColor(xdisplay.width // 2, xdisplay.height // 3)
            if abs(centre.red() - 0xAD) < 20 and abs(centre.blue() - 0x57) < 20:
                break
            assert time.monotonic() < deadline, centre.name()
