"""Speech test fixtures: the real synthesizer with one on-disk cache for the session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from accessibility.speech.synth import SpeechSynthesizer
from player.config.store import Settings

# Normally set by the repository-wide conftest; kept here so this folder also runs alone.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SILVERREEL_AUDIO_OUTPUT", "dummy")


@pytest.fixture(scope="session")
def speech_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the session: each line is synthesised once, as in the app."""
    return tmp_path_factory.mktemp("speech-cache")


@pytest.fixture
def settings(qtbot: QtBot) -> Settings:
    return Settings(None)


@pytest.fixture
def synthesizer(
    qtbot: QtBot, settings: Settings, speech_cache_dir: Path
) -> Iterator[SpeechSynthesizer]:
    synth = SpeechSynthesizer(settings, speech_cache_dir)
    yield synth
    synth.shutdown()
