"""The six-key flow with the real engine: Home → Series → Playing and back, and resuming."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.assets import demo_library
from player.engine.base import PlaybackState
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def test_keys_alone_play_episode_two_and_home_resumes_it_even_after_a_restart(
    qtbot: QtBot, build_app: Build, tmp_path: Path
) -> None:
    parts = build_app(demo_library())
    window = parts.window
    assert QApplication.focusWidget() is window.home.initial_focus()  # 继续观看 focused

    press(qtbot, parts, K.Key_Down, K.Key_Return)  # the series tile → Series screen
    assert window.stack.currentWidget() is window.series_screen
    press(qtbot, parts, K.Key_Down, K.Key_Right)  # episode 1 → episode 2
    assert QApplication.focusWidget() is window.series_screen.episode_button(1)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    assert window.stack.currentWidget() is window.playing
    assert parts.session.episode is not None and parts.session.episode.number == 2
    qtbot.wait_until(lambda: parts.engine.position() >= 3000, timeout=10_000)

    press(qtbot, parts, K.Key_Escape)  # Back: Series, with episode 2 focused
    assert window.stack.currentWidget() is window.series_screen
    assert QApplication.focusWidget() is window.series_screen.episode_button(1)
    saved = parts.progress.get(parts.session.episode.location)
    assert saved is not None and saved.position_ms >= 3000 and not saved.watched

    press(qtbot, parts, K.Key_Escape)  # Back: Home, 继续观看 now names episode 2
    assert window.stack.currentWidget() is window.home
    continue_button = window.home.initial_focus()
    assert QApplication.focusWidget() is continue_button
    assert "第 2 集" in continue_button.text()  # type: ignore[union-attr]
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    qtbot.wait_until(lambda: parts.engine.position() > 0, timeout=5000)
    assert abs(parts.engine.position() - saved.position_ms) < 1500
    parts.close()

    again = build_app(demo_library(), config_dir=tmp_path / "cfg")  # the app restarted
    with qtbot.wait_signal(again.engine.first_frame, timeout=10_000):
        press(qtbot, again, K.Key_Return)
    assert again.session.episode is not None and again.session.episode.number == 2
    qtbot.wait_until(lambda: again.engine.position() > 0, timeout=5000)
    assert abs(again.engine.position() - saved.position_ms) < 2500


def test_back_on_home_asks_with_stay_focused(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    window = parts.window
    press(qtbot, parts, K.Key_Escape)
    overlay = window._overlay
    assert overlay is not None and overlay.isVisible()
    stay, _leave = overlay.buttons()
    assert QApplication.focusWidget() is stay and stay.text() == "不退出"
    press(qtbot, parts, K.Key_Return)  # stay
    assert window._overlay is None and window.isVisible()
    assert QApplication.focusWidget() is window.home.initial_focus()


def test_subtitles_beside_the_episode_are_drawn_large_in_the_side_band(
    qtbot: QtBot, build_app: Build
) -> None:
    parts = build_app(demo_library())
    window = parts.window
    with qtbot.wait_signal(window.cues_ready, timeout=10_000) as ready:
        press(qtbot, parts, K.Key_Return)
    first_cue = ready.args[0].track.cues[0]
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=10_000)
    parts.session.seek(first_cue.start_ms + 100)
    qtbot.wait_until(lambda: bool(window.playing.subtitle.lines), timeout=5000)
    shown = "".join(window.playing.subtitle.lines)
    assert shown and shown in first_cue.text.replace("\n", "")
    subtitle = window.playing.subtitle
    picture = window.playing.video.picture_rect()
    assert subtitle.geometry().left() > picture.right()  # in the band beside the picture
    assert subtitle.geometry().right() <= window.width()  # never clipped
    assert all(len(line) <= 16 for line in subtitle.lines) and len(subtitle.lines) <= 2
    assert subtitle.font_px >= 0.05 * window.height() / 1.35  # line height ≥ 5 % of the screen


def test_home_shows_each_series_cover(qtbot: QtBot, build_app: Build, tmp_path: Path) -> None:
    parts = build_app(demo_library())
    qtbot.wait_until(lambda: parts.window.home.has_cover(0), timeout=10_000)


def test_a_series_without_a_cover_image_gets_a_frame_from_its_first_episode(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from tests.media import colour_clip

    folder = tmp_path / "library" / "无封面剧"
    folder.mkdir(parents=True)
    colour_clip(folder / "第1集.mp4", "0xE65100", 2.0)
    parts = build_app(tmp_path / "library")
    qtbot.wait_until(lambda: parts.window.home.has_cover(0), timeout=10_000)
    assert list((tmp_path / "cfg" / "cache" / "covers").glob("*.jpg"))


def test_bad_files_in_the_library_are_skipped_and_named_for_the_family_only(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from tests.media import colour_clip

    good = tmp_path / "library" / "好剧"
    good.mkdir(parents=True)
    colour_clip(good / "第1集.mp4", "0x2E7D32", 2.0)
    (good / "第2集.mp4").write_bytes(b"")  # an interrupted copy
    (tmp_path / "library" / "空文件夹").mkdir()
    (tmp_path / "library" / "坏的片单.m3u").write_text("#EXTM3U\n#EXTINF:abc\n\x00\x00\n")
    parts = build_app(tmp_path / "library")
    window = parts.window
    assert not window.banner.isVisible()  # the viewer is not troubled with single files
    assert "好剧/第2集.mp4：文件是空的（0 字节），可能没复制完" in window.source_problems
    titles = [series.title for series in window.library]
    assert "好剧" in titles
    [good_series] = [s for s in window.library if s.title == "好剧"]
    assert [e.number for e in good_series.episodes] == [1]
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        window.start_playing(good_series, 0)  # the rest works


def test_covers_stay_when_coming_back_home(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    qtbot.wait_until(lambda: parts.window.home.has_cover(0), timeout=10_000)
    press(qtbot, parts, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Escape)
    assert parts.window.stack.currentWidget() is parts.window.home
    assert parts.window.home.has_cover(0)
