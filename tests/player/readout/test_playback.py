"""The real speech player: its own libVLC instance, dummy audio output."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.readout.playback import SpeechPlayer

pytestmark = pytest.mark.slow


def test_a_line_plays_to_the_end_with_signals_on_the_gui_thread(
    qtbot: QtBot, speech_player: SpeechPlayer, tone_wav: Path
) -> None:
    seen: list[str] = []
    on_gui: set[bool] = set()
    gui = QApplication.instance().thread()  # type: ignore[union-attr]

    def record(name: str) -> None:
        seen.append(name)
        on_gui.add(QThread.currentThread() is gui)

    speech_player.started.connect(lambda: record("started"))
    speech_player.finished.connect(lambda: record("finished"))
    with qtbot.wait_signal(speech_player.finished, timeout=10_000):
        speech_player.play(str(tone_wav))
        assert speech_player.is_playing()

    assert seen == ["started", "finished"]
    assert on_gui == {True}
    assert not speech_player.is_playing()


def test_stop_cuts_the_line_at_once_and_says_nothing_more(
    qtbot: QtBot, speech_player: SpeechPlayer, tone_wav: Path
) -> None:
    finished: list[bool] = []
    speech_player.finished.connect(lambda: finished.append(True))
    with qtbot.wait_signal(speech_player.started, timeout=10_000):
        speech_player.play(str(tone_wav))
    assert speech_player.media_state() == "Playing"

    speech_player.stop()
    assert speech_player.media_state() == "Stopped"
    assert not speech_player.is_playing()
    # The next line's end is the only end reported: the cut line never "finishes".
    with qtbot.wait_signal(speech_player.finished, timeout=10_000):
        speech_player.play(str(tone_wav))
    assert finished == [True]


def test_a_new_line_replaces_the_one_playing(
    qtbot: QtBot, speech_player: SpeechPlayer, tone_wav: Path
) -> None:
    finished: list[bool] = []
    speech_player.finished.connect(lambda: finished.append(True))
    with qtbot.wait_signal(speech_player.started, timeout=10_000):
        speech_player.play(str(tone_wav))
    with qtbot.wait_signal(speech_player.finished, timeout=10_000):
        speech_player.play(str(tone_wav))
    assert finished == [True]


@pytest.mark.parametrize("content", [None, b"RIFF\x00\x00not really a wave file" * 3])
def test_a_missing_or_broken_file_ends_cleanly(
    qtbot: QtBot, speech_player: SpeechPlayer, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "line.wav"
    if content is not None:
        path.write_bytes(content)
    with qtbot.wait_signal(speech_player.finished, timeout=10_000):
        speech_player.play(str(path))
    assert not speech_player.is_playing()


def test_the_reading_volume_follows_the_setting(
    qtbot: QtBot, settings: Settings, speech_player: SpeechPlayer
) -> None:
    assert speech_player.volume() == settings.get("readout.volume") == 90
    settings.set("readout.volume", 50)
    assert speech_player.volume() == 50
