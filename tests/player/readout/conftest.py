"""Read-out test fixtures: real speech parts, a real libVLC engine, media made once a session.

The synthesizer, its session-wide cache and the settings come from the speech tests' fixtures."""

from __future__ import annotations

import math
import os
import struct
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.engine.vlc_engine import VlcEngine
from player.readout.playback import SpeechPlayer
from tests.accessibility.speech.conftest import settings, speech_cache_dir, synthesizer
from tests.media import colour_clip

__all__ = ["settings", "speech_cache_dir", "synthesizer"]  # shared with the speech tests

# Normally set by the repository-wide conftest; kept here so this folder also runs alone.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SILVERREEL_AUDIO_OUTPUT", "dummy")


@pytest.fixture(scope="session")
def drama_clip(media_dir: Path) -> Path:
    """A small 12 s vertical episode with a steady tone, for the real engine."""
    return colour_clip(media_dir / "speech-drama.mp4", "0x2E7D32", 12.0, size="180x320")


@pytest.fixture(scope="session")
def tone_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """0.6 s of a 660 Hz tone: a stand-in spoken line for the player's own tests."""
    path = tmp_path_factory.mktemp("tone") / "tone.wav"
    rate = 22050
    samples = (int(12000 * math.sin(2 * math.pi * 660 * i / rate)) for i in range(rate * 6 // 10))
    with wave.open(str(path), "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        target.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


@pytest.fixture
def speech_player(qtbot: QtBot, settings: Settings) -> Iterator[SpeechPlayer]:
    player = SpeechPlayer(settings, audio_output="dummy")
    yield player
    player.shutdown()


@pytest.fixture
def engine(qtbot: QtBot) -> Iterator[VlcEngine]:
    engine = VlcEngine(video="dummy", audio_output="dummy")
    yield engine
    engine.shutdown()
