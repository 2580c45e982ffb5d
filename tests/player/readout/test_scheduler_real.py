"""Read-out with the real parts: libVLC engine, espeak-ng worker, libVLC speech player."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from accessibility.speech.synth import SpeechSynthesizer
from accessibility.subtitles.model import Cue
from player.config.store import Settings
from player.engine.base import PlaybackState
from player.engine.vlc_engine import VlcEngine
from player.engine.volume import VolumeControl
from player.readout.playback import SpeechPlayer
from player.readout.scheduler import ReadOut

pytestmark = pytest.mark.slow

_TIMEOUT = 20_000


@dataclass
class Real:
    engine: VlcEngine
    volume: VolumeControl
    settings: Settings
    synth: SpeechSynthesizer
    player: SpeechPlayer
    readout: ReadOut
    clip: Path
    events: list[tuple[str, object]] = field(default_factory=list)

    def spoken(self) -> list[object]:
        return [value for name, value in self.events if name == "speaking"]

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def done_after(self, lines: int) -> bool:
        """``lines`` lines were spoken and read-out fell silent after the last one."""
        names = self.names()
        if len(self.spoken()) < lines or "idle" not in names:
            return False
        last_speaking = len(names) - 1 - names[::-1].index("speaking")
        return "idle" in names[last_speaking:]

    def play(self, qtbot: QtBot, cues: list[Cue]) -> None:
        qtbot.wait_until(self.synth.is_available, timeout=_TIMEOUT)
        self.readout.set_cues(cues)
        self.engine.load(str(self.clip))


@pytest.fixture
def real(
    qtbot: QtBot,
    engine: VlcEngine,
    settings: Settings,
    synthesizer: SpeechSynthesizer,
    speech_player: SpeechPlayer,
    drama_clip: Path,
) -> Iterator[Real]:
    events: list[tuple[str, object]] = []
    # Connected before read-out's own handlers, so the record shows cause before effect.
    speech_player.started.connect(lambda: events.append(("audio-start", None)))
    speech_player.finished.connect(lambda: events.append(("audio-end", None)))
    engine.state_changed.connect(
        lambda state: events.append((f"engine-{state.value}", engine.position()))
    )
    volume = VolumeControl(engine, user=80)
    readout = ReadOut(engine, volume, settings, synthesizer, speech_player)
    readout.speaking.connect(lambda text: events.append(("speaking", text)))
    readout.idle.connect(lambda: events.append(("idle", engine.position())))
    rig = Real(engine, volume, settings, synthesizer, speech_player, readout, drama_clip, events)
    yield rig
    readout.shutdown()


def test_a_seek_during_speech_cuts_it_off(qtbot: QtBot, real: Real) -> None:
    with qtbot.wait_signal(real.readout.speaking, timeout=_TIMEOUT):
        real.play(qtbot, [Cue(300, 6000, "今天天气很好，我们一起去公园散步吧")])
    assert real.player.media_state() == "Playing"

    with qtbot.wait_signal(real.readout.idle, timeout=_TIMEOUT):
        real.engine.seek(9000)
    assert real.player.media_state() == "Stopped"
    assert not real.readout.is_speaking()
    assert "audio-end" not in real.names()


def test_the_drama_is_lowered_while_speaking_and_restored_after(qtbot: QtBot, real: Real) -> None:
    real.settings.set("readout.duck", 40)
    assert real.engine.volume() == 80

    with qtbot.wait_signal(real.readout.speaking, timeout=_TIMEOUT):
        real.play(qtbot, [Cue(300, 2000, "你好")])
    assert real.engine.volume() == 32

    with qtbot.wait_signal(real.readout.idle, timeout=_TIMEOUT):
        pass
    assert real.engine.volume() == 80


def test_listen_mode_holds_the_episode_until_the_line_is_read(qtbot: QtBot, real: Real) -> None:
    real.settings.set("readout.listen_mode", True)
    # About 4 s of speech for a cue shown for half a second.
    with qtbot.wait_signal(real.readout.idle, timeout=_TIMEOUT):
        real.play(qtbot, [Cue(300, 800, "我们一起去公园散步吧")])
    qtbot.wait_until(lambda: real.engine.state() is PlaybackState.PLAYING, timeout=_TIMEOUT)

    names = real.names()
    paused = names.index("engine-paused")
    assert names.index("speaking") < paused < names.index("audio-end") < names.index("idle")
    paused_at = real.events[paused][1]
    assert isinstance(paused_at, int)
    assert paused_at < 800 + 500  # paused at the cue's end ...
    idle_at = real.events[names.index("idle")][1]
    assert isinstance(idle_at, int)
    assert idle_at < 2000
    assert names[-1] == "engine-playing"  # then it went on by itself
    assert names.count("engine-paused") == 1


def test_overlapping_cues_are_read_one_after_another_in_order(qtbot: QtBot, real: Real) -> None:
    real.settings.set("readout.rate", 130)
    cues = [Cue(300, 3000, "第一句"), Cue(400, 3500, "第二句"), Cue(500, 4000, "第三句")]
    real.play(qtbot, cues)
    qtbot.wait_until(lambda: real.done_after(3), timeout=_TIMEOUT)

    assert real.spoken() == ["第一句", "第二句", "第三句"]
    audio = [name for name in real.names() if name.startswith("audio-")]
    assert audio == ["audio-start", "audio-end"] * 3  # never two at once
    assert real.names().count("idle") == 1  # one stretch of speech, no gaps


def test_a_cue_long_past_its_end_is_dropped(qtbot: QtBot, real: Real) -> None:
    real.settings.set("readout.rate", 130)
    cues = [
        Cue(300, 3000, "我们一起去公园散步吧，好不好"),  # about 3 s
        Cue(400, 600, "短句"),  # over long before its turn
        Cue(2500, 8000, "最后一句"),
    ]
    real.play(qtbot, cues)
    qtbot.wait_until(lambda: real.done_after(2), timeout=_TIMEOUT)
    assert real.spoken() == ["我们一起去公园散步吧，好不好", "最后一句"]
