"""The start checks in the real app, with the real engine on real files: a due rest reminder
comes first at auto-next, even when the next episode is one that does not open (it used to
be passed over, and the next one started, with the reminder shown over it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.engine.base import PlaybackState
from player.eventlog import read_events
from player.ui.family.rest_notice import RestOverlay
from tests.media import colour_clip
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _library(root: Path, media_dir: Path) -> Path:
    """第1集 plays, 第2集 is a text file named .mp4, 第3集 and 第4集 play."""
    series = root / "晚霞"
    series.mkdir(parents=True)
    clip = colour_clip(media_dir / "start-order-blue.mp4", "0x1565C0", 1.5)
    shutil.copy(clip, series / "第1集.mp4")
    (series / "第2集.mp4").write_text("不是视频。\n" * 30, encoding="utf-8")
    shutil.copy(clip, series / "第3集.mp4")
    shutil.copy(clip, series / "第4集.mp4")
    return root


@pytest.mark.parametrize("minutes", [1, 45])
def test_a_due_rest_comes_before_passing_over_a_broken_next_episode(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path, minutes: int
) -> None:
    parts = build_app(_library(tmp_path / "lib", media_dir))
    window, series = parts.window, parts.window.library[0]
    assert parts.progress is not None and parts.rest is not None
    parts.progress.mark_unplayable(series.episodes[1].location, "unplayable")  # known broken
    parts.settings.set("rest.reminder_minutes", minutes)
    clock = Clock()
    parts.rest.clock = clock
    spoken: list[str] = []
    window.set_announcer(spoken.append)

    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        window.start_playing(series, 0)
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=5000)
    clock.now += minutes * 60 + 5  # the rest falls due during 第1集
    with qtbot.wait_signal(parts.rest.due, timeout=15_000):
        pass  # 第1集 ends
    overlay = window._overlay
    assert isinstance(overlay, RestOverlay) and overlay.isVisible()
    assert parts.session.index == 0  # nothing passed over, nothing started behind it
    assert parts.engine.state() is PlaybackState.ENDED
    said = "第 2 集打不开，接着播放第 3 集。"
    assert said not in spoken and window.playing.note_text() != said

    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)  # 继续观看: then the broken one is passed over
    assert window._overlay is None
    assert parts.session.episode is not None and parts.session.episode.number == 3
    assert said in spoken
    qtbot.wait_until(lambda: window.playing.note_text() == said, timeout=3000)
    parts.session.stop()
    names = [e["event"] for e in read_events(parts.paths.default_event_log)]
    assert names.index("auto_next_held") < names.index("unplayable_skipped")
