"""The pacing notice and the pacing skip: two of the session's start checks.

Before an episode at or above the family's notice level, a spoken question names it and
offers a calmer one by its number; when nobody answers in the family's time, the app does
what the family chose. An episode at or above the skip level is passed over and that is said.
Both answer ``PlaybackSession``'s checks (``player.start_checks``); neither starts an episode
itself: an answer goes on with ``PlaybackSession.go_on``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, SignalInstance

from accessibility.pacing.result import Level
from player.calm import PictureCalming
from player.config.store import Settings
from player.eventlog import EventLog
from player.library.model import Series
from player.pace.levels import at_or_above, level_word
from player.pace.monitor import PacingMonitor
from player.session import PlaybackSession
from player.start_checks import PLAY, Check, Hold, Skip, StartKind, StartRequest, Verdict


class Question(Protocol):
    """A question on screen (a widget): answered through ``chosen``."""

    @property
    def chosen(self) -> SignalInstance: ...

    def isVisible(self) -> bool: ...


class Asker(Protocol):
    """What the checks need from the window: intent-level, no screen."""

    def ask(self, question: str, answers: tuple[str, str],
            on_answer: Callable[[int], None], opaque: bool = False) -> Question: ...

    def close_overlay(self) -> None: ...

    def leave_playing(self) -> None: ...

    def show_message(self, text: str, seconds: float = 6.0) -> None: ...

    def isVisible(self) -> bool: ...


class PaceChecks(QObject):
    def __init__(self, viewer: Asker, monitor: PacingMonitor, settings: Settings,
                 session: PlaybackSession, events: EventLog,
                 calming: PictureCalming | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewer = viewer
        self._monitor = monitor
        self._settings = settings
        self._session = session
        self._events = events
        self._calming = calming
        session.set_check(Check.PACING_NOTICE, self.notice_check)
        session.set_check(Check.PACING_SKIP, self.skip_check)

    def _level(self, series: Series, index: int) -> Level | None:
        return self._monitor.level(series.episodes[index].location)

    def _reaches(self, series: Series, index: int, setting: str) -> bool:
        return at_or_above(self._level(series, index), str(self._settings.get(setting)))

    # --- the checks ----------------------------------------------------------------------------
    def notice_check(self, request: StartRequest) -> Verdict:
        """Hold an episode at the notice level with a question; one at the skip level is
        left to ``skip_check``. A phone's cast is played as it is."""
        series, index = request.series, request.index
        if (request.kind is StartKind.CAST or not self._reaches(series, index, "pacing.notice_from")
                or self._reaches(series, index, "pacing.skip_from")):
            return PLAY
        return Hold(lambda: self._notice(request, self._level(series, index)))

    def skip_check(self, request: StartRequest) -> Verdict:
        """Pass over an episode at the skip level, and the ones after it at that level too."""
        series, index = request.series, request.index
        if request.kind is StartKind.CAST or not self._reaches(series, index, "pacing.skip_from"):
            return PLAY
        number = series.episodes[index].number
        self._events.log("pacing_skipped", episode=number)
        text = QCoreApplication.translate("Pacing", "第 %1 集画面切换太快，已跳过。")
        text = text.replace("%1", str(number))
        following = index + 1
        while following < len(series.episodes) and self._reaches(series, following,
                                                                 "pacing.skip_from"):
            following += 1
        if following < len(series.episodes):
            return Skip(following, lambda: self._viewer.show_message(text, 4.0))

        def leave() -> None:
            self._viewer.leave_playing()
            self._viewer.show_message(text, 4.0)

        return Skip(None, leave)

    # --- the notice ----------------------------------------------------------------------------
    def _calm_words(self, location: str) -> str | None:
        """已减弱闪烁 / 已柔化转场 when the picture is (or was) calmed for this episode."""
        if self._calming is None:
            return None
        return self._calming.words_for(location, self._monitor.result(location))

    def _calmer_after(self, series: Series, index: int) -> int | None:
        """The next episode after ``index`` that would get no notice (for 换一集)."""
        for following in range(index + 1, len(series.episodes)):
            if not self._reaches(series, following, "pacing.notice_from"):
                return following
        return None

    def _notice(self, request: StartRequest, level: Level | None) -> None:
        """Name the episode meant, offer a calmer one by its number, and when nobody answers
        in the family's time, do what the family chose (default: play it)."""
        series, index = request.series, request.index
        word = level_word(level) if level else ""
        number = str(series.episodes[index].number)
        if request.at_end:  # the old episode has just ended: say it is about the next one
            question = QCoreApplication.translate("Pacing", "下一集（第 %1 集）画面切换%2。")
        else:
            question = QCoreApplication.translate("Pacing", "第 %1 集画面切换%2。")
        question = question.replace("%1", number).replace("%2", word)
        calm = self._calm_words(series.episodes[index].location)
        if calm:  # what the app will do about it: 已减弱闪烁 / 已柔化转场
            question += QCoreApplication.translate("Pacing", "%1。").replace("%1", calm)
        calmer = self._calmer_after(series, index)
        if calmer is not None:
            other = QCoreApplication.translate("Pacing", "换到第 %1 集").replace(
                "%1", str(series.episodes[calmer].number))
        else:
            other = QCoreApplication.translate("Pacing", "回到剧集页")
        wait_s = int(self._settings.get("pacing.notice_wait_s"))
        fallback = str(self._settings.get("pacing.notice_default"))
        if wait_s > 0:
            then = {
                "play": QCoreApplication.translate("Pacing", "%1 秒后没有选择，就接着播放。"),
                "other": QCoreApplication.translate("Pacing", "%1 秒后没有选择，就换一集。"),
                "back": QCoreApplication.translate("Pacing", "%1 秒后没有选择，就回到剧集页。"),
            }.get(fallback, "")
            if then:
                question += "\n" + then.replace("%1", str(wait_s))
        self._events.log("pacing_notice", episode=series.episodes[index].number,
                         level=level.value if level else None, at_end=request.at_end,
                         other=series.episodes[calmer].number if calmer is not None else None)

        def answer(choice: int) -> None:
            timer.stop()
            if choice == 0:
                self._session.go_on(request.after_answer(), Check.PACING_NOTICE)
            elif calmer is not None:
                # Calm by the family's measure: no second notice can follow this choice.
                self._session.go_on(request.instead(calmer), Check.PACING_NOTICE)
            else:
                self._viewer.leave_playing()

        answers = (QCoreApplication.translate("Pacing", "继续看"), other)
        overlay = self._viewer.ask(question, answers, answer, opaque=True)
        timer = QTimer(cast(QObject, overlay))  # the question is a widget: the timer goes with it
        timer.setSingleShot(True)

        def no_answer() -> None:
            if not overlay.isVisible() or not self._viewer.isVisible():
                return  # answered meanwhile, or the window has closed: nothing to do
            choice = {"play": 0, "other": 1, "back": 1 if calmer is None else -1}.get(fallback, 0)
            self._events.log("pacing_notice_timeout", episode=series.episodes[index].number,
                             then=fallback)
            if choice == -1:  # back to the series although a calmer episode exists
                overlay.chosen.disconnect()
                self._viewer.close_overlay()
                self._viewer.leave_playing()
                return
            overlay.chosen.emit(choice)

        timer.timeout.connect(no_answer)
        if wait_s > 0:
            timer.start(wait_s * 1000)
