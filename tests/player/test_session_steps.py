"""The playback session step by step, on the shared FakeEngine (the real libVLC and a real
HTTP server: test_session.py): what it plays, when it moves on, what it keeps and logs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.engine.base import ErrorCode, PlaybackProblem, PlaybackState
from player.eventlog import EventLog, read_events
from player.library.model import Episode, Series
from player.session import PlaybackSession
from player.start_checks import StartRequest
from tests.fakes import FakeEngine, FakeMedia


@dataclass
class SavedProgress:
    """A ``ProgressSink`` that remembers every save: (location, position, duration)."""

    saves: list[tuple[str, int, int]] = field(default_factory=list)

    def save(self, series: Series, episode: Episode, position_ms: int,
             duration_ms: int) -> None:
        self.saves.append((episode.location, position_ms, duration_ms))


@dataclass
class Rig:
    engine: FakeEngine
    session: PlaybackSession
    settings: Settings
    progress: SavedProgress
    log: Path

    def events(self) -> list[dict[str, Any]]:
        return read_events(self.log)

    def names(self) -> list[str]:
        return [event["event"] for event in self.events()]


def _series(count: int, root: str = "/剧/外婆的小饭馆") -> Series:
    episodes = tuple(Episode(n, f"第{n}集", f"{root}/第{n}集.mp4") for n in range(1, count + 1))
    return Series("外婆的小饭馆", root, episodes)


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    engine = FakeEngine()
    engine.default_media = FakeMedia(duration_ms=90_000)
    settings = Settings(None)
    progress = SavedProgress()
    log = tmp_path / "events.jsonl"
    session = PlaybackSession(engine, settings, EventLog(log), progress)
    yield Rig(engine, session, settings, progress, log)
    session.stop()
    engine.shutdown()


def test_playing_an_episode_starts_it_where_asked_and_logs_it(rig: Rig, qtbot: QtBot) -> None:
    series = _series(3)
    with qtbot.wait_signal(rig.session.episode_started) as started:
        rig.session.play(series, 1, start_ms=12_000)
    assert started.args == [series, 1]
    assert rig.engine.loads == ["/剧/外婆的小饭馆/第2集.mp4"]
    assert rig.engine.position() == 12_000
    assert rig.session.episode == series.episodes[1]
    requested = rig.events()[0]
    assert requested == {**requested, "event": "play_requested", "series": "外婆的小饭馆",
                         "episode": 2, "start_ms": 12_000,
                         "location": "/剧/外婆的小饭馆/第2集.mp4"}


def test_at_the_end_the_next_episode_starts_by_itself(rig: Rig, qtbot: QtBot) -> None:
    series = _series(3)
    rig.session.play(series, 0)
    with qtbot.wait_signal(rig.session.auto_next) as moved:
        rig.engine.finish()
    assert moved.args == [series, 1]
    assert rig.engine.loads[-1] == "/剧/外婆的小饭馆/第2集.mp4"
    assert rig.engine.state() is PlaybackState.PLAYING
    assert rig.session.index == 1
    names = rig.names()
    assert names.index("ended") < names.index("auto_next")
    assert next(e for e in rig.events() if e["event"] == "auto_next")["to_episode"] == 2
    # The finished episode was kept as watched to its end.
    assert ("/剧/外婆的小饭馆/第1集.mp4", 90_000, 90_000) in rig.progress.saves


def test_with_auto_next_off_the_session_waits_at_the_end(rig: Rig, qtbot: QtBot) -> None:
    rig.settings.set("playback.auto_next", False)
    rig.session.play(_series(2), 0)
    with qtbot.assert_not_emitted(rig.session.auto_next):
        rig.engine.finish()
    assert rig.engine.loads == ["/剧/外婆的小饭馆/第1集.mp4"]
    assert rig.engine.state() is PlaybackState.ENDED
    assert "auto_next" not in rig.names()


def test_the_last_episode_finishes_the_series(rig: Rig, qtbot: QtBot) -> None:
    series = _series(2)
    rig.session.play(series, 1)
    with qtbot.wait_signal(rig.session.series_finished) as finished:
        rig.engine.finish()
    assert finished.args == [series]
    assert not rig.session.has_next()
    assert rig.engine.loads == ["/剧/外婆的小饭馆/第2集.mp4"]


def test_a_start_no_check_objects_to_plays_and_has_next_follows_the_series(rig: Rig) -> None:
    series = _series(2)
    rig.session.start(StartRequest(series, 0))
    assert rig.session.has_next()
    rig.session.start(StartRequest(series, 1))  # the next episode, as the remote's 下一集 asks
    assert rig.engine.loads == ["/剧/外婆的小饭馆/第1集.mp4", "/剧/外婆的小饭馆/第2集.mp4"]
    assert rig.session.index == 1
    assert not rig.session.has_next()  # nothing after the last


def test_moving_on_keeps_where_the_last_episode_was(rig: Rig) -> None:
    series = _series(3)
    rig.session.start(StartRequest(series, 0))
    rig.engine.tick_to(31_000, step_ms=1000)
    rig.session.start(StartRequest(series, 1))
    assert rig.progress.saves == [("/剧/外婆的小饭馆/第1集.mp4", 31_000, 90_000)]


def test_pause_and_resume_are_logged_and_a_pause_keeps_the_place(rig: Rig) -> None:
    rig.session.play(_series(1), 0)
    rig.engine.tick_to(5000, step_ms=500)
    rig.session.toggle_pause()
    assert rig.engine.state() is PlaybackState.PAUSED
    assert rig.progress.saves == [("/剧/外婆的小饭馆/第1集.mp4", 5000, 90_000)]
    rig.session.toggle_pause()
    assert rig.engine.state() is PlaybackState.PLAYING
    logged = [(e["event"], e.get("position_ms")) for e in rig.events()
              if e["event"] in ("paused", "resumed")]
    assert logged == [("paused", 5000), ("resumed", 5000)]


def test_a_seek_is_logged_with_where_it_really_landed(rig: Rig) -> None:
    rig.session.play(_series(1), 0)
    rig.engine.tick_to(2000)
    rig.session.seek(500_000)  # past the end: the engine stops just before it
    seek = next(e for e in rig.events() if e["event"] == "seek")
    assert (seek["from_ms"], seek["to_ms"]) == (2000, 89_500)


def test_stop_keeps_the_place_and_stops_the_engine(rig: Rig) -> None:
    rig.session.play(_series(1), 0, start_ms=40_000)
    rig.engine.tick_to(41_000)
    rig.session.stop()
    assert rig.engine.state() is PlaybackState.STOPPED
    assert rig.progress.saves[-1] == ("/剧/外婆的小饭馆/第1集.mp4", 41_000, 90_000)


def test_nothing_is_kept_for_a_series_that_must_not_be_remembered(rig: Rig) -> None:
    cast = _series(1, root="http://127.0.0.1:9/phone")
    rig.session.skip_progress_for(lambda series: series.source.startswith("http://"))
    rig.session.play(cast, 0)
    rig.engine.tick_to(3000)
    rig.session.toggle_pause()
    rig.session.stop()
    assert rig.progress.saves == []
    rig.session.play(_series(1), 0)
    rig.engine.tick_to(1000)
    rig.session.stop()
    assert rig.progress.saves == [("/剧/外婆的小饭馆/第1集.mp4", 1000, 90_000)]


def test_nothing_is_kept_before_the_length_is_known(rig: Rig) -> None:
    rig.engine.autoplay = True  # stays opening until the event loop turns
    rig.session.play(_series(1), 0, start_ms=7000)
    rig.session.stop()
    assert rig.progress.saves == []


@pytest.mark.parametrize("code", [ErrorCode.UNPLAYABLE, ErrorCode.INCOMPLETE, ErrorCode.MISSING])
def test_a_local_file_that_fails_is_reported_at_once(rig: Rig, qtbot: QtBot,
                                                     code: ErrorCode) -> None:
    rig.session.play(_series(2), 0)
    with qtbot.wait_signal(rig.session.failed) as failed, \
            qtbot.assert_not_emitted(rig.session.reconnecting):
        rig.engine.fail(code, "broken")
    assert failed.args[0].code is code
    error = next(e for e in rig.events() if e["event"] == "error")
    assert (error["code"], error["location"], error["reason"]) == (
        code.value, "/剧/外婆的小饭馆/第1集.mp4", "broken")
    assert rig.engine.loads == ["/剧/外婆的小饭馆/第1集.mp4"]  # not tried again, not skipped


def test_a_dropped_stream_is_tried_again_from_where_it_was(
        rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("player.session.RETRY_DELAYS_MS", (10, 20))
    stream = _series(2, root="http://127.0.0.1:9/live")
    rig.session.play(stream, 0)
    rig.engine.tick_to(6000, step_ms=1000)
    with qtbot.wait_signal(rig.session.reconnecting) as attempt:
        rig.engine.fail(ErrorCode.STREAM, "stalled")
    assert attempt.args == [1]
    with qtbot.wait_signal(rig.session.recovered) as recovered:
        pass  # the retry timer loads the episode again; the fake opens it at once
    assert recovered.args == [6000]
    assert rig.engine.loads == ["http://127.0.0.1:9/live/第1集.mp4"] * 2
    retry = next(e for e in rig.events() if e["event"] == "stream_retry")
    assert (retry["attempt"], retry["reason"], retry["position_ms"]) == (1, "stream", 6000)
    assert rig.names().index("stream_retry") < rig.names().index("stream_recovered")


def test_a_stream_that_stays_gone_gives_up_after_the_last_try(
        rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("player.session.RETRY_DELAYS_MS", (10, 20))
    url = "http://127.0.0.1:9/live/第1集.mp4"
    rig.engine.add_media(url, problem=ErrorCode.STREAM)
    with qtbot.wait_signal(rig.session.failed, timeout=5000) as failed:
        rig.session.play(_series(1, root="http://127.0.0.1:9/live"), 0)
    assert failed.args[0].code is ErrorCode.STREAM
    assert [e["attempt"] for e in rig.events() if e["event"] == "stream_retry"] == [1, 2]
    assert rig.engine.loads == [url] * 3


def test_an_error_from_an_episode_no_longer_playing_is_not_retried(
        rig: Rig, qtbot: QtBot) -> None:
    rig.session.play(_series(2, root="http://127.0.0.1:9/live"), 0)
    rig.session.play(_series(1), 0)  # the viewer chose a local episode meanwhile
    late = PlaybackProblem(ErrorCode.STREAM, "http://127.0.0.1:9/live/第1集.mp4", "late")
    with qtbot.assert_not_emitted(rig.session.reconnecting):
        rig.engine.error.emit(late)  # what libVLC posted before the switch, arriving late
    assert "stream_retry" not in rig.names()
    assert rig.engine.loads[-1] == "/剧/外婆的小饭馆/第1集.mp4"
