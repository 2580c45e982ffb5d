"""What the screens say at the edges of watching: the note beside a new episode names what
is on screen, a finished series says 已看完 and offers 从头再看 and the next series, and the
enlarge button names what it does now."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def _library(root: Path, media_dir: Path) -> Path:
    clip = colour_clip(media_dir / "end-green.mp4", "0x2E7D32", 1.5)
    for name, episodes in (("甲剧", 2), ("乙剧", 2)):
        folder = root / name
        folder.mkdir(parents=True)
        for number in range(1, episodes + 1):
            shutil.copy(clip, folder / f"第{number}集.mp4")
    return root


def test_after_the_last_episode_it_says_finished_and_offers_again_and_the_next_series(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    parts = build_app(_library(tmp_path / "lib", media_dir))
    parts.settings.set("readout.enabled", False)
    window = parts.window
    first = window.library[0]
    with qtbot.wait_signal(parts.session.episode_started, timeout=20_000,
                           check_params_cb=lambda _s, i: i == 1):
        window.start_playing(first, 0)  # 第1集 ends, 第2集 follows by itself
    # Beside the picture: what plays now, not "下一集：第 2 集" while 2 is already on.
    qtbot.wait_until(lambda: window.playing.note_text() != "", timeout=3000)
    assert window.playing.note_text() == "正在播放：第 2 集"
    with qtbot.wait_signal(parts.session.series_finished, timeout=20_000):
        pass
    qtbot.wait_until(lambda: window.stack.currentWidget() is window.series_screen, timeout=3000)
    resume = window.series_screen.initial_focus()
    assert resume is not None and resume.text() == "已看完 · 从头再看"  # type: ignore[attr-defined]
    window.go_home()
    big = window.home.initial_focus()
    second = window.library[1]
    expected = f"《{first.title}》已看完 · 接着看《{second.title}》"
    assert big is not None and big.text() == expected  # type: ignore[attr-defined]
    assert window.home.row_titles()[0] == "继续观看"
    with qtbot.wait_signal(window.series_opened, timeout=5000) as opened:
        press(qtbot, parts, K.Key_Return)
    assert opened.args[0] is window.library[1]  # type: ignore[index]
    window.open_series(0)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)  # 从头再看
    assert parts.session.index == 0 and parts.session.series is first


def test_the_enlarge_button_names_its_state(qtbot: QtBot, build_app: Build, tmp_path: Path,
                                            media_dir: Path) -> None:
    parts = build_app(_library(tmp_path / "lib", media_dir))
    button = parts.window.playing.enlarge_button
    assert (button.text(), button.accessibleName()) == ("放大", "放大")
    parts.settings.set("ui.enlarged", True)
    assert (button.text(), button.accessibleName()) == ("还原大小", "还原大小")
    parts.settings.set("ui.enlarged", False)
    assert button.text() == "放大"
