"""The real libVLC engine playing real files made by ffmpeg."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QThread
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from player.engine.base import ErrorCode, PlaybackProblem, PlaybackState
from player.engine.vlc_engine import VlcEngine
from tests.media import colour_clip, pattern_clip, truncated_copy

pytestmark = pytest.mark.slow


@pytest.fixture
def engine(qtbot: QtBot) -> Iterator[VlcEngine]:
    engine = VlcEngine(audio_output="dummy")
    engine.set_display_size(360, 640)
    yield engine
    engine.shutdown()


@pytest.fixture(scope="module")
def red_clip(media_dir: Path) -> Path:
    return colour_clip(media_dir / "red.mp4", "0xC62828", 2.0)


@pytest.fixture(scope="module")
def long_clip(media_dir: Path) -> Path:
    return colour_clip(media_dir / "blue-long.mp4", "0x1565C0", 12.0)


def test_plays_to_the_end_with_signals_in_order_on_the_gui_thread(
    qtbot: QtBot, engine: VlcEngine, red_clip: Path
) -> None:
    seen: list[str] = []
    threads: set[bool] = set()
    frames: list[QImage] = []
    gui = QApplication.instance().thread()  # type: ignore[union-attr]

    def record(name: str) -> None:
        seen.append(name)
        threads.add(QThread.currentThread() is gui)

    engine.state_changed.connect(lambda s: record(f"state:{s.value}"))
    engine.first_frame.connect(lambda: record("first_frame"))
    engine.duration_changed.connect(lambda _d: record("duration"))
    engine.ended.connect(lambda: record("ended"))
    engine.frame_ready.connect(frames.append)

    with qtbot.wait_signal(engine.ended, timeout=15_000):
        engine.load(str(red_clip))

    assert threads == {True}
    assert seen[0] == "state:opening"
    assert seen.index("state:playing") < seen.index("first_frame")
    assert seen[-2:] == ["state:ended", "ended"]
    assert engine.state() is PlaybackState.ENDED
    assert engine.duration() == pytest.approx(2000, abs=100)
    # 2 s at 25 fps; libVLC may drop a frame or two at start-up on a loaded machine.
    assert 40 <= len(frames) <= 52
    # The decoded picture is the clip's colour, scaled to the display box by libVLC.
    picture = frames[len(frames) // 2]
    assert engine.picture_size() == QSize(360, 640)
    assert 350 <= picture.width() <= 370 and 620 <= picture.height() <= 645
    colour = picture.pixelColor(picture.width() // 2, picture.height() // 2)
    assert abs(colour.red() - 0xC6) < 12 and abs(colour.green() - 0x28) < 12
    assert abs(colour.blue() - 0x28) < 12


def test_pause_resume_seek_and_rate_take_effect(
    qtbot: QtBot, engine: VlcEngine, long_clip: Path
) -> None:
    with qtbot.wait_signal(engine.first_frame, timeout=10_000):
        engine.load(str(long_clip))
    qtbot.wait_until(lambda: engine.state() is PlaybackState.PLAYING, timeout=5000)

    with qtbot.wait_signal(engine.state_changed, timeout=5000) as paused:
        engine.pause()
    assert paused.args == [PlaybackState.PAUSED]
    held = engine.position()
    qtbot.wait(400)
    assert engine.position() == held  # a paused clock stands still

    engine.seek(8000)
    assert engine.position() == 8000
    with qtbot.wait_signal(engine.state_changed, timeout=5000) as resumed:
        engine.resume()
    assert resumed.args == [PlaybackState.PLAYING]
    qtbot.wait_until(lambda: engine.position() > 8000, timeout=5000)
    assert engine.position() < 11_000  # it continued from the seek target, not from 0

    # Rate: the same stretch of episode takes about half the time at 2× as at 1×. Compared
    # within this test, so a busy machine slows both sides alike; libVLC reports time in
    # ~0.5 s steps, hence 4 s stretches and a wide margin.
    engine.seek(1000)
    engine.set_rate(1.0)
    qtbot.wait_until(lambda: engine.position() >= 1400, timeout=5000)
    normal = _wall_seconds_to_advance(qtbot, engine, 4000)
    engine.set_rate(2.0)
    assert engine.rate() == 2.0
    fast = _wall_seconds_to_advance(qtbot, engine, 4000)
    assert fast < normal * 0.8


def _wall_seconds_to_advance(qtbot: QtBot, engine: VlcEngine, media_ms: int) -> float:
    start, began = engine.position(), time.monotonic()
    qtbot.wait_until(lambda: engine.position() >= start + media_ms, timeout=20_000)
    return time.monotonic() - began


def test_starts_at_a_requested_position(qtbot: QtBot, engine: VlcEngine,
                                        long_clip: Path) -> None:
    with qtbot.wait_signal(engine.first_frame, timeout=10_000):
        engine.load(str(long_clip), start_ms=6000)
    qtbot.wait_until(lambda: engine.position() >= 6000, timeout=5000)
    assert engine.position() < 9000


def _error_for(qtbot: QtBot, engine: VlcEngine, location: Path) -> PlaybackProblem:
    with qtbot.wait_signal(engine.error, timeout=20_000) as blocker:
        engine.load(str(location))
    problem = blocker.args[0]
    assert isinstance(problem, PlaybackProblem)
    assert engine.state() is PlaybackState.ERROR
    return problem


def test_bad_files_give_their_own_error_and_the_engine_stays_usable(
    qtbot: QtBot, engine: VlcEngine, media_dir: Path, red_clip: Path, tmp_path: Path
) -> None:
    whole = pattern_clip(media_dir / "pattern.mp4", 3.0)
    zero = tmp_path / "zero.mp4"
    zero.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("这不是视频文件\n" * 50, encoding="utf-8")
    truncated = truncated_copy(whole, tmp_path / "truncated.mp4", whole.stat().st_size // 3)

    assert _error_for(qtbot, engine, tmp_path / "missing.mp4").code is ErrorCode.MISSING
    assert _error_for(qtbot, engine, zero).code is ErrorCode.EMPTY
    assert _error_for(qtbot, engine, text).code is ErrorCode.UNPLAYABLE
    assert _error_for(qtbot, engine, truncated).code is ErrorCode.UNPLAYABLE

    with qtbot.wait_signal(engine.ended, timeout=15_000):
        engine.load(str(red_clip))
    assert engine.state() is PlaybackState.ENDED


def test_late_calls_after_shutdown_are_harmless(qtbot: QtBot) -> None:
    """An analysis that finishes after the app closed the engine still levels the sound:
    that must not raise (it did, from the Qt event loop, at the end of a cast)."""
    engine = VlcEngine(audio_output="dummy")
    engine.shutdown()
    with qtbot.wait_signal(engine.volume_changed) as changed:
        engine.set_volume(37)
    assert changed.args == [37] and engine.volume() == 37
    engine.set_dialogue_clarity(True)
    engine.stop()
    engine.shutdown()  # twice is fine too


def _played_tone(qtbot: QtBot, episode: Path, wav: Path, rate: float,
                 extra: tuple[str, ...] = ()) -> tuple[float, float]:
    """(dominant frequency in Hz of the middle of what libVLC played, seconds played)."""
    import wave

    import numpy as np

    engine = VlcEngine(video="dummy", audio_output="afile",
                       extra_args=(f"--audiofile-file={wav}", "--audiofile-format=s16", *extra))
    try:
        engine.set_rate(rate)
        with qtbot.wait_signal(engine.ended, timeout=30_000):
            engine.load(str(episode))
    finally:
        engine.shutdown()
    with wave.open(str(wav)) as played:
        rate_hz, channels = played.getframerate(), played.getnchannels()
        samples = np.frombuffer(played.readframes(played.getnframes()), np.int16)
    mono = samples.reshape(-1, channels)[:, 0].astype(np.float64)
    middle = mono[len(mono) // 4: 3 * len(mono) // 4]
    spectrum = np.abs(np.fft.rfft(middle * np.hanning(len(middle))))
    return float(np.argmax(spectrum)) * rate_hz / len(middle), len(mono) / rate_hz


def test_a_slower_rate_keeps_the_pitch_of_voices(qtbot: QtBot, media_dir: Path,
                                                  tmp_path: Path) -> None:
    """Bursts of rapid cuts may play at 90 % (``picture.slow_bursts``): libVLC stretches the
    sound in time, so a 440 Hz tone stays 440 Hz while it lasts 1/0.9 as long. Without the
    stretch (the control) the same rate would drop it to 396 Hz."""
    episode = colour_clip(media_dir / "tone-3s.mp4", "0x2E7D32", 3.0)  # with a 440 Hz tone
    normal_hz, normal_s = _played_tone(qtbot, episode, tmp_path / "normal.wav", 1.0)
    slow_hz, slow_s = _played_tone(qtbot, episode, tmp_path / "slow.wav", 0.9)
    control_hz, _ = _played_tone(qtbot, episode, tmp_path / "control.wav", 0.9,
                                 ("--no-audio-time-stretch",))
    assert normal_hz == pytest.approx(440, abs=3)
    assert slow_hz == pytest.approx(440, abs=3)
    assert slow_s == pytest.approx(normal_s / 0.9, rel=0.04)
    assert control_hz == pytest.approx(440 * 0.9, abs=5)
