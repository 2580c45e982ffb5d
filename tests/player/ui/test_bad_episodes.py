"""Bad episodes never trap the viewer: marked 打不开, remembered, passed over by the big buttons
and by auto-next, and named for the family, with the real engine on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.playable import next_playable
from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def _library(root: Path, media_dir: Path, broken: str) -> Path:
    """第1集 is a text file renamed .mp4 (or whatever ``broken`` says), 第2集 is empty."""
    series = root / "春风又起"
    series.mkdir(parents=True)
    clip = colour_clip(media_dir / "bad-ep-green.mp4", "green", 2.0)
    if broken == "text":
        (series / "第1集.mp4").write_text("这不是视频，只是改了名字的文字文件。\n" * 40,
                                          encoding="utf-8")
    else:
        (series / "第1集.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 8)
    (series / "第2集.mp4").write_bytes(b"")  # an interrupted copy
    shutil.copy(clip, series / "第3集.mp4")
    shutil.copy(clip, series / "第4集.mp4")
    return root


@pytest.mark.parametrize("broken", ["text", "garbage"])
def test_the_big_button_passes_over_a_broken_episode_says_so_and_remembers(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, broken: str
) -> None:
    library = _library(tmp_path / "lib", media_dir, broken)
    parts = build_app(library)
    window = parts.window
    home_button = window.home.initial_focus()
    assert home_button is not None and "第 1 集" in home_button.text()  # type: ignore[attr-defined]

    spoken: list[str] = []
    window.set_announcer(spoken.append)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)  # 开始观看 第 1 集 → fails → 第 3 集 plays
    assert window.stack.currentWidget() is window.playing
    assert parts.session.episode is not None and parts.session.episode.number == 3
    said = "第 1 集打不开，接着播放第 3 集。"
    assert said in spoken
    qtbot.wait_until(lambda: window.playing.note_text() == said, timeout=3000)
    series = window.library[0]
    assert window.unplayable_indexes(series) == {0}

    press(qtbot, parts, K.Key_Escape)  # Back: Series, episode 1 wears 打不开
    screen = window.series_screen
    assert window.stack.currentWidget() is screen
    tile = screen.episode_button(0)
    assert tile.text().splitlines()[:2] == ["1", "打不开"] and "打不开" in tile.accessibleName()
    assert screen.episode_button(1).text().splitlines()[0] == "3"  # named, not counted
    parts.close()

    again = build_app(library, config_dir=tmp_path / "cfg")  # remembered after a restart
    series = again.window.library[0]
    assert again.window.unplayable_indexes(series) == {0}
    again.window.open_series(0)
    assert again.window.series_screen.episode_button(0).text().splitlines()[1] == "打不开"


def test_series_button_and_auto_next_skip_a_known_broken_episode(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    library = _library(tmp_path / "lib", media_dir, "text")
    (library / "春风又起" / "第5集.mp4").write_text("坏的", encoding="utf-8")
    shutil.copy(colour_clip(media_dir / "bad-ep-green.mp4", "green", 2.0),
                library / "春风又起" / "第6集.mp4")
    parts = build_app(library)
    window, series = parts.window, parts.window.library[0]
    assert parts.progress is not None
    parts.progress.mark_unplayable(series.episodes[0].location, "unplayable")
    parts.progress.mark_unplayable(series.episodes[3].location, "unplayable")  # 第5集

    window.go_home()
    home_text = window.home.initial_focus().text()  # type: ignore[union-attr]
    assert "第 3 集" in home_text and "第 1 集打不开" in home_text
    window.open_series(0)
    resume = window.series_screen.initial_focus()
    assert resume is not None and "第 3 集" in resume.text()  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is resume

    spoken: list[str] = []
    window.set_announcer(spoken.append)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)  # 从第 3 集开始
    assert parts.session.episode is not None and parts.session.episode.number == 3
    # 第4集 plays to its end; auto-next must pass over 第5集 and start 第6集.
    with qtbot.wait_signal(parts.session.episode_started, timeout=20_000,
                           check_params_cb=lambda _s, i: i == 4) as started:
        window.start_playing(series, 2)
    _series, index = started.args  # type: ignore[misc]
    assert series.episodes[index].number == 6
    assert "第 5 集打不开，接着播放第 6 集。" in spoken


def test_next_playable_rule() -> None:
    from player.library.model import Episode, Series

    series = Series("s", "/s", tuple(Episode(n, f"{n}", f"/s/{n}.mp4") for n in (1, 3, 4, 9)))
    assert next_playable(series, 0, set()) == 0
    assert next_playable(series, 0, {"/s/1.mp4", "/s/3.mp4"}) == 2
    assert next_playable(series, 3, {"/s/9.mp4"}) is None
    assert next_playable(series, 7, set()) is None


def test_a_zero_byte_file_is_named_in_family_settings_and_not_on_the_viewers_screen(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from tests.player.ui.family.conftest import open_family_settings, press_until, type_on_pad

    library = _library(tmp_path / "lib", media_dir, "text")
    (library / "春风又起" / "说明.xyz").write_text("?", encoding="utf-8")
    parts = build_app(library)
    window = parts.window
    assert not window.banner.isVisible()  # nothing about single files for the viewer
    assert parts.family is not None
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    screen = parts.family.settings_screen
    lines = screen.problem_lines()
    assert "春风又起/第2集.mp4：文件是空的（0 字节），可能没复制完" in lines
    assert "春风又起/说明.xyz：不是能播放的文件类型" in lines
    problem = next(b for b in screen.focusables() if b.text() == lines[0])  # type: ignore[attr-defined]
    press_until(qtbot, parts, K.Key_Down, problem)  # reached with the arrows, read out
    assert not problem.visibleRegion().isEmpty()
    assert problem.accessibleName() == lines[0]
