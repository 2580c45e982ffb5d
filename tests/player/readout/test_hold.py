"""Listen mode's pause and how it is told apart from the viewer's."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from player.engine.base import PlaybackState
from player.readout.hold import EngineHold
from tests.player.readout.fakes import FakeEngine


def _playing() -> FakeEngine:
    engine = FakeEngine()
    engine.load("episode.mp4")
    return engine


def test_hold_pauses_and_letting_go_resumes(qtbot: QtBot) -> None:
    engine = _playing()
    hold = EngineHold(engine)
    hold.want(True)
    assert engine.state() is PlaybackState.PAUSED
    assert hold.engine_paused()  # the pause is recognised as read-out's own
    hold.want(False)
    assert engine.state() is PlaybackState.PLAYING
    assert not hold.active


def test_a_pause_that_was_not_asked_for_is_the_viewers(qtbot: QtBot) -> None:
    engine = _playing()
    hold = EngineHold(engine)
    engine.pause()
    assert not hold.engine_paused()


def test_letting_go_before_the_pause_is_confirmed_resumes_on_confirmation(qtbot: QtBot) -> None:
    engine = _playing()
    engine.confirm_pause_later = True
    hold = EngineHold(engine)
    hold.want(True)
    hold.want(False)
    engine.confirm_pause()
    assert hold.engine_paused()
    assert engine.state() is PlaybackState.PLAYING


def test_the_viewer_resuming_ends_the_hold_without_a_second_resume(qtbot: QtBot) -> None:
    engine = _playing()
    hold = EngineHold(engine)
    hold.want(True)
    hold.engine_paused()
    engine.resume()
    assert hold.engine_playing()
    hold.want(False)
    assert engine.resumes == 1


def test_drop_leaves_the_episode_as_it_is(qtbot: QtBot) -> None:
    engine = _playing()
    hold = EngineHold(engine)
    hold.want(True)
    hold.drop()
    hold.want(False)
    assert engine.state() is PlaybackState.PAUSED
