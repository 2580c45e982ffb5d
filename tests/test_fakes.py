"""The shared FakeEngine (tests/fakes.py) against the real thing.

Each scenario runs once through ``FakeEngine(autoplay=True)`` and once through the real
``VlcEngine`` on files made by ffmpeg, and the signals both emit are compared in order. The
fast tests after them cover what only the fake has: the test's hand on the clock and errors
injected on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from player.engine.base import ErrorCode, PlaybackEngine, PlaybackProblem, PlaybackState
from player.engine.vlc_engine import VlcEngine
from tests.fakes import FakeEngine, FakeMedia
from tests.media import colour_clip, truncated_copy

Event = tuple[object, ...]


@dataclass(frozen=True)
class Files:
    clip: Path  # 2 s, 360×640
    other: Path  # 1.5 s, 480×480
    long: Path  # 8 s, for a damaged copy
    damaged: Path  # the first part of ``long`` only
    garbage: Path  # one short line named .mp4: refused while opening
    noise: Path  # an HTML page named .mp4: libVLC tries to play it, then gives up
    empty: Path
    missing: Path


@pytest.fixture(scope="module")
def files(media_dir: Path) -> Files:
    folder = media_dir / "engine_parity"
    folder.mkdir(exist_ok=True)
    clip = colour_clip(folder / "clip.mp4", "0x2E7D32", 2.0)
    other = colour_clip(folder / "other.mp4", "0x1565C0", 1.5, size="480x480")
    long = colour_clip(folder / "long.mp4", "0xAD1457", 8.0)
    damaged = truncated_copy(long, folder / "damaged.mp4", long.stat().st_size * 3 // 10)
    garbage = folder / "garbage.mp4"
    garbage.write_bytes(b"garbage\n")
    noise = folder / "noise.mp4"  # a web server's error page saved as the episode
    noise.write_text("<!DOCTYPE html><html><body>404 找不到</body></html>\n" * 20,
                     encoding="utf-8")
    empty = folder / "empty.mp4"
    empty.write_bytes(b"")
    return Files(clip, other, long, damaged, garbage, noise, empty, folder / "missing.mp4")


class Recorder:
    """Everything an engine says, in order (positions apart: clocks tick differently)."""

    def __init__(self, engine: PlaybackEngine) -> None:
        self.events: list[Event] = []
        self.durations: list[int] = []
        self.positions: list[int] = []
        self.errors: list[PlaybackProblem] = []
        engine.state_changed.connect(lambda s: self.events.append(("state", s.value)))
        engine.duration_changed.connect(self._duration)
        engine.first_frame.connect(lambda: self.events.append(("first_frame",)))
        engine.picture_size_changed.connect(
            lambda size: self.events.append(("picture", size.width(), size.height())))
        engine.ended.connect(lambda: self.events.append(("ended",)))
        engine.error.connect(self._error)
        engine.volume_changed.connect(lambda v: self.events.append(("volume", v)))
        engine.position_changed.connect(self.positions.append)

    def _duration(self, ms: int) -> None:
        self.durations.append(ms)
        self.events.append(("duration",))

    def _error(self, problem: PlaybackProblem) -> None:
        self.errors.append(problem)
        self.events.append(("error", problem.code.value, Path(problem.location).name))

    def note(self, *event: object) -> None:
        """A value the scenario reads back (so it is compared too)."""
        self.events.append(("note", *event))

    def has(self, *event: object) -> bool:
        return event in self.events


Scenario = Callable[[PlaybackEngine, Recorder, Files, QtBot], None]
WAIT_MS = 20_000


def _until(qtbot: QtBot, recorder: Recorder, *event: object) -> None:
    qtbot.wait_until(lambda: recorder.has(*event), timeout=WAIT_MS)


def plays_to_the_end(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.clip))
    _until(qtbot, rec, "ended")
    rec.note("position at the end is the length", engine.position() == engine.duration())
    rec.note("state", engine.state().value)


def pause_seek_resume(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.clip))
    _until(qtbot, rec, "first_frame")
    engine.pause()
    _until(qtbot, rec, "state", "paused")
    engine.seek(1000)
    rec.note("position after seek", engine.position())
    engine.seek(99_000)  # past the end: just before it
    rec.note("position after a seek past the end", engine.position())
    engine.seek(600)
    engine.resume()
    _until(qtbot, rec, "ended")


def toggle_pause_twice(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.clip))
    _until(qtbot, rec, "first_frame")
    engine.toggle_pause()
    _until(qtbot, rec, "state", "paused")
    engine.toggle_pause()
    _until(qtbot, rec, "ended")


def missing_file(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.missing))
    _until(qtbot, rec, "error", "missing", f.missing.name)
    rec.note("state", engine.state().value, engine.location() == str(f.missing))


def empty_file(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.empty))
    _until(qtbot, rec, "error", "empty", f.empty.name)


def not_a_video(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.garbage))
    _until(qtbot, rec, "error", "unplayable", f.garbage.name)


def text_that_looks_like_a_stream(engine: PlaybackEngine, rec: Recorder, f: Files,
                                  qtbot: QtBot) -> None:
    engine.load(str(f.noise))
    _until(qtbot, rec, "error", "unplayable", f.noise.name)


def cut_short(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.load(str(f.damaged))
    _until(qtbot, rec, "error", "incomplete", f.damaged.name)


def stop_and_stop_again(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.stop()  # nothing loaded: nothing happens
    engine.load(str(f.clip))
    _until(qtbot, rec, "first_frame")
    engine.stop()
    engine.stop()
    rec.note("state", engine.state().value)


def next_episode_while_playing(engine: PlaybackEngine, rec: Recorder, f: Files,
                               qtbot: QtBot) -> None:
    engine.load(str(f.clip))
    _until(qtbot, rec, "first_frame")
    engine.load(str(f.other))  # no STOPPED in between: straight to opening the next
    _until(qtbot, rec, "ended")
    rec.note("picture", engine.picture_size().width(), engine.picture_size().height())


def volume_and_rate(engine: PlaybackEngine, rec: Recorder, f: Files, qtbot: QtBot) -> None:
    engine.seek(1000)  # nothing playing: ignored
    rec.note("position", engine.position(), "state", engine.state().value)
    for level in (150, 40, 40, -3, 100):
        engine.set_volume(level)
    rec.note("volume", engine.volume())
    for rate in (5.0, 0.1, 1.25):
        engine.set_rate(rate)
        rec.note("rate", engine.rate())
    engine.set_rate(1.0)


SCENARIOS: dict[str, Scenario] = {
    scenario.__name__: scenario
    for scenario in (plays_to_the_end, pause_seek_resume, toggle_pause_twice, missing_file,
                     empty_file, not_a_video, text_that_looks_like_a_stream, cut_short,
                     stop_and_stop_again, next_episode_while_playing, volume_and_rate)
}


def _fake_for(f: Files) -> FakeEngine:
    """A fake that knows what ffmpeg made (it cannot decode): lengths, shapes, damage."""
    engine = FakeEngine(autoplay=True, check_files=True)
    engine.add_media(str(f.clip), duration_ms=2000, picture=QSize(360, 640))
    engine.add_media(str(f.other), duration_ms=1500, picture=QSize(480, 480))
    engine.add_media(str(f.damaged), duration_ms=8000, stops_at_ms=2400)
    engine.add_media(str(f.garbage), problem=ErrorCode.UNPLAYABLE)
    engine.add_media(str(f.noise), problem=ErrorCode.UNPLAYABLE, plays_before_failing=True)
    return engine


@pytest.fixture
def engines(files: Files) -> Iterator[tuple[FakeEngine, VlcEngine]]:
    fake, real = _fake_for(files), VlcEngine(audio_output="dummy")
    yield fake, real
    fake.shutdown()
    real.shutdown()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(SCENARIOS))
def test_the_fake_emits_what_libvlc_emits(qtbot: QtBot, files: Files, name: str,
                                          engines: tuple[FakeEngine, VlcEngine]) -> None:
    fake, real = engines
    recorded = []
    for engine in (fake, real):
        recorder = Recorder(engine)
        SCENARIOS[name](engine, recorder, files, qtbot)
        recorded.append(recorder)
    fake_said, real_said = recorded
    assert fake_said.events == real_said.events
    assert fake_said.events  # every scenario makes the engines say something
    for got, want in zip(fake_said.durations, real_said.durations, strict=True):
        assert abs(got - want) <= 100
    assert [e.code for e in fake_said.errors] == [e.code for e in real_said.errors]


# --- what only the fake does: the test drives it -----------------------------------------------

def test_by_default_an_episode_opens_at_once_in_libvlcs_order(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.add_media("/剧/第1集.mp4", duration_ms=30_000, picture=QSize(720, 1280))
    said = Recorder(engine)
    engine.load("/剧/第1集.mp4", start_ms=4000)
    assert said.events == [("state", "opening"), ("duration",), ("state", "playing"),
                           ("picture", 720, 1280), ("first_frame",)]
    assert (engine.position(), engine.duration(), engine.location()) == (
        4000, 30_000, "/剧/第1集.mp4")
    assert engine.loads == ["/剧/第1集.mp4"]


def test_the_clock_moves_only_while_playing_and_ends_the_episode(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.add_media("a.mp4", duration_ms=1000)
    said = Recorder(engine)
    engine.load("a.mp4")
    engine.tick_to(300, step_ms=100)
    assert said.positions == [100, 200, 300]
    engine.pause()
    engine.tick_to(900)
    assert engine.position() == 300
    engine.resume()
    engine.finish()
    assert engine.position() == 1000
    assert said.events[-2:] == [("state", "ended"), ("ended",)]
    assert (engine.pauses, engine.resumes) == (1, 1)


def test_holding_the_opening_and_a_pause_until_the_test_confirms(qtbot: QtBot) -> None:
    engine = FakeEngine(autoplay=True)
    engine.load("stream.m3u8")
    assert engine.state() is PlaybackState.OPENING
    engine.open()
    assert engine.state() is PlaybackState.PLAYING
    engine.confirm_pause_later = True
    engine.pause()
    assert engine.pause_pending
    assert engine.state() is PlaybackState.PLAYING
    engine.confirm_pause()
    assert engine.state() is PlaybackState.PAUSED
    engine.shutdown()


@pytest.mark.parametrize("code", list(ErrorCode))
def test_any_error_can_be_injected_mid_episode(qtbot: QtBot, code: ErrorCode) -> None:
    engine = FakeEngine()
    said = Recorder(engine)
    engine.load("http://127.0.0.1:9/第2集.m3u8")
    engine.tick_to(500)
    with qtbot.wait_signal(engine.error) as blocker:
        engine.fail(code, "dropped")
    assert blocker.args == [PlaybackProblem(code, "http://127.0.0.1:9/第2集.m3u8", "dropped")]
    assert engine.state() is PlaybackState.ERROR
    assert said.events[-2] == ("state", "error")
    engine.tick_to(5000)  # a failed episode's clock stands still
    assert engine.position() == 500


@pytest.mark.parametrize("code", [ErrorCode.MISSING, ErrorCode.EMPTY])
def test_file_problems_fail_before_opening(qtbot: QtBot, code: ErrorCode) -> None:
    engine = FakeEngine()
    engine.add_media("x.mp4", problem=code)
    said = Recorder(engine)
    engine.load("x.mp4")
    assert said.events == [("state", "error"), ("error", code.value, "x.mp4")]


def test_opening_problems_fail_after_opening(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.add_media("bad.mp4", FakeMedia(problem=ErrorCode.TIMEOUT))
    said = Recorder(engine)
    engine.load("bad.mp4")
    assert said.events == [("state", "opening"), ("state", "error"),
                           ("error", "timeout", "bad.mp4")]


def test_frames_come_at_the_display_size_through_the_frame_filter(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.add_media("v.mp4", colour="#FF0000")
    engine.set_display_size(90, 160)
    seen: list[tuple[int, int]] = []

    def darken(pixels: np.ndarray, _now: float) -> None:
        seen.append(pixels.shape[:2])
        pixels[:, :, 2] //= 2  # BGRX: red at index 2

    engine.set_frame_filter(darken)
    frames: list[QImage] = []
    engine.frame_ready.connect(frames.append)
    engine.load("v.mp4")
    assert seen == [(160, 90)]
    assert frames[0].size() == QSize(90, 160)
    assert frames[0].pixelColor(10, 10).red() in (127, 128)


def test_after_shutdown_it_refuses_to_load(qtbot: QtBot) -> None:
    engine = FakeEngine()
    engine.shutdown()
    with pytest.raises(RuntimeError):
        engine.load("a.mp4")
