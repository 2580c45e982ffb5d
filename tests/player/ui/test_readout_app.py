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
