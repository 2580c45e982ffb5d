"""The assembled app speaks: what has focus, and each subtitle as playback reaches it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from player.assets import demo_library
from player.engine.base import PlaybackState
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def test_focus_is_announced_and_subtitles_are_read_aloud(qtbot: QtBot, build_app: Build) -> None:
    parts = build_app(demo_library())
    readout = parts.readout
    assert readout is not None
    synthesizer = parts.synthesizer
    assert synthesizer is not None
    qtbot.wait_until(synthesizer.is_available, timeout=20_000)
    press(qtbot, parts, K.Key_Down, K.Key_Return)  # Series screen
    with qtbot.wait_signal(readout.speaking, timeout=10_000) as spoken:
        press(qtbot, parts, K.Key_Down, K.Key_Right)  # episode 2
    assert spoken.args[0] in ("第 1 集，未看", "第 2 集，未看")

    with qtbot.wait_signal(parts.window.cues_ready, timeout=10_000) as ready:
        press(qtbot, parts, K.Key_Up, K.Key_Return)  # 从第 1 集开始
    cue = ready.args[0].track.cues[1]
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=10_000)
    with qtbot.wait_signal(readout.speaking, timeout=15_000,
                           check_params_cb=lambda text: text == cue.text.replace("\n", "")
                           or text in cue.text):
        parts.session.seek(cue.start_ms - 300)
    # While the line is spoken the drama's own sound is lowered.
    qtbot.wait_until(lambda: parts.volume.factor("duck") < 1.0, timeout=5000)


def test_read_out_follows_the_pages_of_a_paged_cue(qtbot: QtBot, build_app: Build) -> None:
    from accessibility.subtitles.model import Cue
    from accessibility.subtitles.text import speakable_text

    parts = build_app(demo_library())
    parts.settings.set("subtitles.position", "over")  # 2 lines a page: this cue is paged
    readout, synthesizer = parts.readout, parts.synthesizer
    assert readout is not None and synthesizer is not None
    qtbot.wait_until(synthesizer.is_available, timeout=20_000)
    series = parts.window.library[0]
    with qtbot.wait_signal(parts.window.cues_ready, timeout=10_000):
        parts.window.start_playing(series, 0)
    long_line = "我们一家人终于又团聚在一起了，妈妈做了一桌子的好菜，就等着你们回家吃饭呢。"
    from accessibility.subtitles import words

    words.segment([long_line])  # as the cue loader does for a subtitle file, off the GUI thread
    parts.window.cues.set_cues((Cue(4000, 9000, long_line),))
    pages = parts.window.cues.pages
    assert len(pages) >= 2
    page_texts = [speakable_text(page.text) for page in pages]
    said: list[str] = []  # announcements (focus, "下一集…") may come in between: not pages
    readout.speaking.connect(lambda text: said.append(text) if text in page_texts else None)
    qtbot.wait_until(lambda: len(said) >= 2, timeout=40_000)
    assert said[:2] == page_texts[:2]
    # The second page appeared on screen only after the first one's reading time.
    assert pages[1].start_ms - pages[0].start_ms >= 1000 * len(
        pages[0].text.replace("\n", "")) / 5 - 1
