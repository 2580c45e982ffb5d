"""The rest reminder with the real engine: counts playing time, waits for the episode's end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config.store import Settings
from player.engine.base import PlaybackState
from player.engine.vlc_engine import VlcEngine
from player.eventlog import EventLog
from player.library.folder import read_folder
from player.library.model import Series
from player.rest import BREAK_RESETS_AFTER_S, RestReminder
from player.session import PlaybackSession
from tests.media import colour_clip

pytestmark = pytest.mark.slow


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="session")
def two_episodes(media_dir: Path) -> Path:
    folder = media_dir / "rest" / "休息测试"
    folder.mkdir(parents=True, exist_ok=True)
    colour_clip(folder / "第1集.mp4", "0x2E7D32", 2.0)
    colour_clip(folder / "第2集.mp4", "0x1565C0", 2.0)
    return folder


class Rig:
    def __init__(self, folder: Path, tmp_path: Path) -> None:
        self.engine = VlcEngine(audio_output="dummy")
        self.settings = Settings(tmp_path / "settings.json")
        self.events = EventLog(tmp_path / "events.jsonl")
        self.session = PlaybackSession(self.engine, self.settings, self.events)
        self.clock = Clock()
        self.reminder = RestReminder(self.engine, self.session, self.settings, clock=self.clock)
        [self.series] = read_folder(str(folder))

    def close(self) -> None:
        self.session.stop()
        self.engine.shutdown()
        self.events.close()


@pytest.fixture
def rig(two_episodes: Path, tmp_path: Path) -> Iterator[Rig]:
    made = Rig(two_episodes, tmp_path)
    yield made
    made.close()


def _play(qtbot: QtBot, rig: Rig, series: Series, index: int) -> None:
    with qtbot.wait_signal(rig.engine.first_frame, timeout=10_000):
        rig.session.play(series, index)
    qtbot.wait_until(lambda: rig.engine.state() is PlaybackState.PLAYING, timeout=5000)


def test_due_in_the_middle_it_waits_for_the_end_then_holds_the_next(qtbot: QtBot,
                                                                    rig: Rig) -> None:
    rig.settings.set("rest.reminder_minutes", 1)
    order: list[str] = []
    rig.engine.ended.connect(lambda: order.append("ended"))
    rig.reminder.due.connect(
        lambda minutes: order.append(f"due {minutes} at {rig.engine.state().value}"))
    _play(qtbot, rig, rig.series, 0)
    rig.clock.now += 90  # a minute and a half of watching, in the middle of episode 1
    assert rig.reminder.is_due()
    with qtbot.assert_not_emitted(rig.reminder.due):
        qtbot.wait_until(lambda: rig.engine.position() >= 500, timeout=5000)
    assert rig.engine.state() is PlaybackState.PLAYING  # the episode is not interrupted

    with qtbot.wait_signal(rig.reminder.due, timeout=10_000):
        pass
    assert sorted(order) == ["due 1 at ended", "ended"]  # the reminder came at the end
    assert rig.reminder.holding
    assert rig.session.index == 0  # episode 2 was held back: it never started
    assert rig.engine.state() is PlaybackState.ENDED

    with qtbot.wait_signal(rig.engine.first_frame, timeout=10_000):
        rig.reminder.continue_watching()
    assert rig.session.index == 1
    assert not rig.reminder.holding
    assert rig.reminder.watched_seconds() < 60  # counting starts again
    assert not rig.reminder.is_due()


def test_off_means_auto_next_goes_on(qtbot: QtBot, rig: Rig) -> None:
    rig.settings.set("rest.reminder_minutes", 0)
    _play(qtbot, rig, rig.series, 0)
    rig.clock.now += 10_000
    with qtbot.assert_not_emitted(rig.reminder.due), \
            qtbot.wait_signal(rig.session.auto_next, timeout=10_000):
        pass
    qtbot.wait_until(lambda: rig.engine.state() is PlaybackState.PLAYING, timeout=10_000)
    assert rig.session.index == 1


def test_only_playing_counts_and_a_long_pause_is_a_rest(qtbot: QtBot, rig: Rig) -> None:
    _play(qtbot, rig, rig.series, 0)
    rig.clock.now += 30
    with qtbot.wait_signal(rig.engine.state_changed, timeout=5000):
        rig.engine.pause()
    assert rig.reminder.watched_seconds() == pytest.approx(30)
    rig.clock.now += 60  # paused: does not count
    assert rig.reminder.watched_seconds() == pytest.approx(30)
    with qtbot.wait_signal(rig.engine.state_changed, timeout=5000):
        rig.engine.resume()
    rig.clock.now += 10
    assert rig.reminder.watched_seconds() == pytest.approx(40)

    with qtbot.wait_signal(rig.engine.state_changed, timeout=5000):
        rig.engine.pause()
    rig.clock.now += BREAK_RESETS_AFTER_S
    with qtbot.wait_signal(rig.engine.state_changed, timeout=5000):
        rig.engine.resume()
    assert rig.reminder.watched_seconds() == 0
