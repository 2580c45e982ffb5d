"""One path for starting an episode: the session asks its checks in their declared order, the
first objection is carried out, an answer goes on after the check that asked, and a skip's
replacement is asked only by the checks after the one that skipped. Fast, with a stand-in
engine; tests/player/ui/test_start_order.py drives the same path in the real app."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from accessibility.pacing.result import Level
from player.config.store import Settings
from player.eventlog import EventLog, read_events
from player.library.model import Episode, Series
from player.pace.checks import PaceChecks
from player.rest import RestReminder
from player.session import PlaybackSession
from player.start_checks import (
    PLAY,
    Check,
    Hold,
    Skip,
    StartKind,
    StartRequest,
    Verdict,
)
from tests.fakes import FakeEngine


def _series(count: int, first: int = 1) -> Series:
    return Series("测试剧", "/lib/测试剧", tuple(
        Episode(first + i, f"第{first + i}集", f"/lib/测试剧/第{first + i}集.mp4")
        for i in range(count)))


@dataclass
class Rig:
    engine: FakeEngine
    settings: Settings
    events: EventLog
    session: PlaybackSession
    log_path: Path
    asked: list[tuple[Check, StartRequest]] = field(default_factory=list)

    def answer(self, which: Check, verdict: Callable[[StartRequest], Verdict] | None = None,
               ) -> None:
        def check(request: StartRequest) -> Verdict:
            self.asked.append((which, request))
            return verdict(request) if verdict is not None else PLAY

        self.session.set_check(which, check)

    def event_names(self) -> list[str]:
        self.events.close()
        return [event["event"] for event in read_events(self.log_path)]


@pytest.fixture
def rig(qtbot: QtBot, tmp_path: Path) -> Iterator[Rig]:
    engine = FakeEngine()
    settings = Settings(tmp_path / "settings.json")
    log = tmp_path / "events.jsonl"
    events = EventLog(log)
    made = Rig(engine, settings, events, PlaybackSession(engine, settings, events), log)
    yield made
    made.session.stop()
    made.events.close()


# --- the order ------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [1, 7, 23, 404])
def test_checks_are_asked_in_their_declared_order_whatever_order_they_were_set(
        rig: Rig, seed: int) -> None:
    order = list(Check)
    random.Random(seed).shuffle(order)
    for which in order:
        rig.answer(which)
    series = _series(5)
    rig.session.start(StartRequest(series, 3, 1200))
    assert [which for which, _ in rig.asked] == [Check.REST, Check.UNPLAYABLE,
                                                 Check.PACING_NOTICE, Check.PACING_SKIP]
    assert rig.session.index == 3 and rig.engine.location() == series.episodes[3].location
    assert rig.engine.position() == 1200  # where it was asked to start


def test_the_first_objection_is_carried_out_and_later_checks_are_not_asked(rig: Rig) -> None:
    put: list[str] = []
    rig.answer(Check.REST)
    rig.answer(Check.UNPLAYABLE, lambda _r: Hold(lambda: put.append("question")))
    rig.answer(Check.PACING_SKIP)
    series = _series(4)
    rig.session.start(StartRequest(series, 1))
    assert put == ["question"]
    assert [which for which, _ in rig.asked] == [Check.REST, Check.UNPLAYABLE]
    assert rig.engine.location() is None  # held: nothing started

    rig.asked.clear()
    rig.session.go_on(StartRequest(series, 1).after_answer(), Check.UNPLAYABLE)
    assert [which for which, _ in rig.asked] == [Check.PACING_SKIP]  # only those after it
    assert rig.engine.location() == series.episodes[1].location


def test_a_skips_replacement_is_asked_only_by_the_checks_after_it(rig: Rig) -> None:
    said: list[str] = []
    rig.engine.state_changed.connect(lambda state: said.append(f"engine {state.value}"))
    rig.answer(Check.REST)
    rig.answer(Check.UNPLAYABLE, lambda r: Skip(4, lambda: said.append("told"))
               if r.index == 2 else PLAY)
    rig.answer(Check.PACING_NOTICE)
    series = _series(6, first=11)
    rig.session.start(StartRequest(series, 2, 5000, StartKind.AUTO_NEXT))
    assert [(which, r.index) for which, r in rig.asked] == [
        (Check.REST, 2), (Check.UNPLAYABLE, 2), (Check.PACING_NOTICE, 4)]
    replacement = rig.asked[-1][1]
    assert replacement.follow_up and not replacement.at_end
    assert replacement.start_ms == 0  # the replacement starts from its beginning
    assert rig.session.episode is not None and rig.session.episode.number == 15
    assert said.index("told") > said.index("engine playing")  # said once it plays


def test_a_skip_to_nothing_plays_nothing_and_says_so(rig: Rig) -> None:
    said: list[str] = []
    rig.answer(Check.PACING_SKIP, lambda _r: Skip(None, lambda: said.append("nothing left")))
    rig.session.start(StartRequest(_series(2), 1))
    assert said == ["nothing left"] and rig.engine.location() is None


def test_each_check_has_one_owner(rig: Rig) -> None:
    rig.answer(Check.REST)
    with pytest.raises(ValueError, match="REST"):
        rig.answer(Check.REST)


def test_auto_next_asks_the_same_checks_and_a_hold_is_logged(rig: Rig) -> None:
    series = _series(3)
    rig.answer(Check.PACING_NOTICE, lambda r: Hold(lambda: None) if r.index == 1 else PLAY)
    rig.session.start(StartRequest(series, 0))
    with_next: list[int] = []
    rig.session.auto_next.connect(lambda _s, index: with_next.append(index))
    rig.engine.ended.emit()
    asked = rig.asked[-1][1]
    assert (asked.index, asked.kind, asked.at_end) == (1, StartKind.AUTO_NEXT, True)
    assert with_next == [] and rig.session.index == 0
    assert rig.event_names()[-2:] == ["ended", "auto_next_held"]


def test_request_words() -> None:
    series = _series(3)
    chosen = StartRequest(series, 0)
    assert (chosen.kind, chosen.at_end, chosen.follow_up) == (StartKind.CHOSEN, False, False)
    auto = StartRequest(series, 1, kind=StartKind.AUTO_NEXT)
    assert auto.at_end and not auto.after_answer().at_end
    moved = auto.instead(2, 300)
    assert (moved.index, moved.start_ms, moved.kind, moved.follow_up) == (
        2, 300, StartKind.AUTO_NEXT, True)


# --- the rest check ---------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_due_rest_holds_only_the_episode_that_follows_by_itself(rig: Rig) -> None:
    clock = Clock()
    reminder = RestReminder(rig.engine, rig.session, rig.settings, clock=clock)
    rig.answer(Check.UNPLAYABLE)  # asked after the rest check, once it lets the episode go
    rig.settings.set("rest.reminder_minutes", 2)
    dues: list[int] = []
    reminder.due.connect(dues.append)
    series = _series(4)
    rig.session.start(StartRequest(series, 0))
    clock.now += 150  # two and a half minutes of playing
    assert reminder.is_due()

    rig.session.start(StartRequest(series, 2))  # the viewer's own choice is never held
    assert rig.session.index == 2 and dues == []

    rig.engine.ended.emit()  # episode 3 ends: episode 4 is held, the reminder is up
    assert dues == [2] and reminder.holding and rig.session.index == 2
    # Asked for the two starts the viewer made; the held one went no further than REST.
    assert [r.index for _, r in rig.asked] == [0, 2]

    reminder.continue_watching()  # the held episode goes on through the checks after REST
    assert rig.asked[-1][0] is Check.UNPLAYABLE and rig.asked[-1][1].index == 3
    assert not rig.asked[-1][1].at_end  # the viewer has just answered: not "the next one"
    assert rig.session.index == 3 and not reminder.holding


def test_no_rest_due_means_the_next_episode_follows(rig: Rig) -> None:
    reminder = RestReminder(rig.engine, rig.session, rig.settings, clock=Clock())
    rig.settings.set("rest.reminder_minutes", 30)
    rig.session.start(StartRequest(_series(2), 0))
    rig.engine.ended.emit()
    assert rig.session.index == 1 and not reminder.holding


# --- the pacing notice and the pacing skip -------------------------------------------------
class FakeMonitor:
    def __init__(self, series: Series, levels: list[Level | None]) -> None:
        self._levels = {e.location: level for e, level in zip(series.episodes, levels,
                                                              strict=True)}

    def level(self, location: str) -> Level | None:
        return self._levels[location]

    def result(self, _location: str) -> None:
        return None


class FakeQuestion(QObject):
    chosen = Signal(int)

    def isVisible(self) -> bool:
        return True


class FakeViewer:
    def __init__(self) -> None:
        self.questions: list[tuple[str, tuple[str, str]]] = []
        self.messages: list[str] = []
        self.left = 0
        self.answer: Callable[[int], None] = lambda _choice: None

    def ask(self, question: str, answers: tuple[str, str], on_answer: Callable[[int], None],
            opaque: bool = False) -> FakeQuestion:
        self.questions.append((question, answers))
        self.answer = on_answer
        return FakeQuestion()

    def close_overlay(self) -> None:
        pass

    def leave_playing(self) -> None:
        self.left += 1

    def show_message(self, text: str, seconds: float = 6.0) -> None:
        self.messages.append(text)

    def isVisible(self) -> bool:
        return True


def _pace(rig: Rig, series: Series, levels: list[Level | None], notice: str,
          skip: str) -> FakeViewer:
    rig.settings.update({"pacing.notice_from": notice, "pacing.skip_from": skip,
                         "pacing.notice_wait_s": 0})
    viewer = FakeViewer()
    monitor: Any = FakeMonitor(series, levels)
    PaceChecks(viewer, monitor, rig.settings, rig.session, rig.events)
    return viewer


L = Level


def test_the_notice_asks_about_a_fast_episode_and_plays_it_when_told(rig: Rig) -> None:
    series = _series(4, first=7)
    viewer = _pace(rig, series, [L.CALM, L.FAST, L.VERY_FAST, L.MODERATE], "fast", "never")
    rig.session.start(StartRequest(series, 0))
    assert viewer.questions == [] and rig.session.index == 0  # calm: no question

    rig.session.start(StartRequest(series, 1, 2500))
    assert rig.session.index == 0  # held by the question
    question, answers = viewer.questions[-1]
    assert question.startswith("第 8 集画面切换较快。")
    assert answers == ("继续看", "换到第 10 集")  # the next one below the notice level
    viewer.answer(0)
    assert rig.session.index == 1 and rig.engine.position() == 2500

    viewer.answer(1)  # 换一集 from the same question: episode 10, from its start
    assert rig.session.episode is not None and rig.session.episode.number == 10


def test_the_notice_names_the_next_episode_at_auto_next(rig: Rig) -> None:
    series = _series(2)
    viewer = _pace(rig, series, [L.CALM, L.VERY_FAST], "very_fast", "never")
    rig.session.start(StartRequest(series, 0))
    rig.engine.ended.emit()
    assert viewer.questions[-1][0].startswith("下一集（第 2 集）画面切换很快。")
    assert viewer.questions[-1][1] == ("继续看", "回到剧集页")


def test_an_episode_at_the_skip_level_is_skipped_without_a_question(rig: Rig) -> None:
    series = _series(5)
    viewer = _pace(rig, series, [L.CALM, L.VERY_FAST, L.VERY_FAST, L.FAST, L.CALM],
                   "fast", "very_fast")
    rig.session.start(StartRequest(series, 1))
    assert viewer.questions == []  # the skip wins over the notice
    assert rig.session.index == 3  # past both very fast ones; not asked about (as before)
    assert viewer.messages == ["第 2 集画面切换太快，已跳过。"]


def test_a_skip_with_nothing_left_leaves_playing(rig: Rig) -> None:
    series = _series(3)
    viewer = _pace(rig, series, [L.CALM, L.FAST, L.FAST], "never", "fast")
    rig.session.start(StartRequest(series, 1))
    assert rig.engine.location() is None and viewer.left == 1
    assert viewer.messages == ["第 2 集画面切换太快，已跳过。"]


def test_a_phones_cast_is_played_as_it_is(rig: Rig) -> None:
    series = _series(1)
    viewer = _pace(rig, series, [L.VERY_FAST], "fast", "very_fast")
    rig.session.start(StartRequest(series, 0, kind=StartKind.CAST))
    assert rig.session.index == 0 and rig.engine.location() == series.episodes[0].location
    assert viewer.questions == [] and viewer.messages == []


@pytest.mark.parametrize("seed", [3, 11, 97, 2026, 31337])
def test_skip_and_notice_follow_the_family_levels_on_varied_series(rig: Rig,
                                                                   seed: int) -> None:
    """Random levels and thresholds, checked against the rule written out plainly."""
    chance = random.Random(seed)
    count = chance.randint(3, 12)
    levels: list[Level | None] = [chance.choice([None, *Level]) for _ in range(count)]
    names = ["moderate", "fast", "very_fast", "never"]
    notice, skip = chance.choice(names), chance.choice(names)
    series = _series(count, first=chance.randint(1, 40))
    viewer = _pace(rig, series, levels, notice, skip)
    order = [L.CALM, L.MODERATE, L.FAST, L.VERY_FAST]

    def reaches(level: Level | None, name: str) -> bool:
        return level is not None and name != "never" and order.index(level) >= order.index(
            Level(name))

    start = chance.randrange(count)
    rig.session.start(StartRequest(series, start))
    if reaches(levels[start], skip):
        following = next((i for i in range(start + 1, count)
                          if not reaches(levels[i], skip)), None)
        if following is None:
            assert rig.engine.location() is None and viewer.left == 1
        else:
            assert rig.session.index == following
        assert viewer.questions == []
    elif reaches(levels[start], notice):
        assert rig.engine.location() is None and len(viewer.questions) == 1
    else:
        assert rig.session.index == start and viewer.questions == []
