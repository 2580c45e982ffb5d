"""The window: Home → Series → Playing, one key router, overlays, and the theme."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from accessibility.subtitles.model import Cue
from accessibility.theme import Theme
from player.config.store import Settings
from player.cues import CueFollower, CueLoad, CueLoader
from player.engine.base import PlaybackEngine, PlaybackError, PlaybackState
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.library.model import Series, SourceProblem
from player.playable import next_playable, skipped_numbers
from player.progress import Progress, ProgressStore
from player.session import PlaybackSession
from player.start_checks import PLAY, Check, Skip, StartKind, StartRequest, Verdict
from player.ui.covers import CoverLoader
from player.ui.episode_frames import EpisodeFrameLoader
from player.ui.home import ContinueTarget, HomeScreen, SeriesSummary
from player.ui.key_gate import KeyGate
from player.ui.keys import Action, action_for
from player.ui.overlays import ChoiceOverlay, MessageBanner
from player.ui.playing import PlayingScreen
from player.ui.screen import Screen
from player.ui.series import SeriesScreen
from player.ui.strings import episode_label, library_problems, playback_error, problem_line


def tell_screen_reader(widget: QWidget, text: str) -> None:
    """Hand ``text`` to a running screen reader (Orca, NVDA, VoiceOver) as an announcement."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


_THEME_KEYS = {"ui.enlarged", "ui.text_scale", "ui.enlarge_factor", "ui.tv_mode",
               "subtitles.size", "subtitles.colours", "subtitles.position"}


class MainWindow(QMainWindow):
    home_ready = Signal()
    action_handled = Signal(object)  # Action, after it was dispatched
    cues_ready = Signal(object)  # CueLoad for the episode now playing
    series_opened = Signal(object)  # Series, now on the Series screen
    picture_cues_added = Signal(object)  # tuple[Cue, ...]: subtitles read off the picture
    source_problems_found = Signal(object)  # list[str]: each passed-over file, for the family

    def __init__(self, settings: Settings, engine: PlaybackEngine, events: EventLog,
                 session: PlaybackSession, volume: VolumeControl,
                 announce: Callable[[str], None] | None = None,
                 progress: ProgressStore | None = None,
                 cache_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("长辈剧场"))
        self.settings = settings
        self.engine = engine
        self.events = events
        self.session = session
        self.volume = volume
        self.progress = progress
        self._speak: Callable[[str], None] = announce or (lambda _text: None)
        self._library: list[Series] = []
        self.source_problems: list[str] = []
        self._overlay: Screen | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._sheet = ""
        # Screens are restyled when they come into view (see Screen.style_with).
        self.stack.currentChanged.connect(lambda _index: self._style_current())
        self.home = HomeScreen()
        self.series_screen = SeriesScreen()
        self.playing = PlayingScreen()
        for screen in (self.home, self.series_screen, self.playing):
            self.stack.addWidget(screen)
            screen.focus_moved.connect(self._announce_focus)
        self.banner = MessageBanner(self)
        self.covers = CoverLoader(cache_dir or Path(tempfile.gettempdir()) / "silverreel-covers",
                                  self)
        self.covers.ready.connect(self.home.set_cover)
        self.episode_frames = EpisodeFrameLoader(
            cache_dir or Path(tempfile.gettempdir()) / "silverreel-covers", self)
        self.episode_frames.ready.connect(self.series_screen.set_frame)
        self.series_screen.page_shown.connect(
            lambda locations: self.episode_frames.load(locations,
                                                       self.series_screen.frame_size()))
        self.cue_loader = CueLoader(self)
        self.cues = CueFollower(self)
        self.cues.set_reading_speed(float(settings.get("subtitles.reading_speed")))
        # How the episode now playing was started: by a big button or auto-next ("auto"),
        # which go on to the next playable episode when it fails, or by its own tile ("tile").
        self._start_kind = "auto"
        self._connect()
        session.set_check(Check.UNPLAYABLE, self._skip_unplayable_next)
        session.about_to_play.connect(self._show_playing)
        self._theme: Theme | None = None
        self.apply_theme()
        self._closed_once = False
        self.key_gate = KeyGate(int(settings.get("remote.hold_repeat_ms")),
                                int(settings.get("remote.double_press_ms")))
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        QApplication.instance().focusChanged.connect(self._log_focus)  # type: ignore[union-attr]

    # --- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        self.home.continue_requested.connect(self._continue_watching)
        self.home.series_chosen.connect(self.open_series)
        self.home.leave_requested.connect(self.ask_to_leave)
        self.series_screen.episode_chosen.connect(self._play_from_series)
        self.series_screen.resume_chosen.connect(
            lambda index: self._play_from_series(index, kind="auto"))
        self.engine.first_frame.connect(self._on_first_frame)
        self.series_screen.back_requested.connect(self.go_home)
        self.playing.back_requested.connect(self.leave_playing)
        self.playing.toggle_pause_requested.connect(self.session.toggle_pause)
        self.playing.next_requested.connect(lambda: self._play_neighbour(+1))
        self.playing.previous_requested.connect(lambda: self._play_neighbour(-1))
        self.playing.enlarge_requested.connect(self.toggle_enlarged)
        self.playing.read_aloud_requested.connect(self.toggle_read_aloud)
        self.engine.frame_ready.connect(self.playing.video.show_frame)
        self.engine.picture_size_changed.connect(self.playing.video.set_picture_size)
        self.engine.position_changed.connect(self._on_position)
        self.engine.duration_changed.connect(lambda _d: self._on_position(self.engine.position()))
        self.engine.state_changed.connect(self._on_state)
        self.session.episode_started.connect(self._on_episode_started)
        self.cue_loader.loaded.connect(self._on_cues_loaded)
        self.engine.position_changed.connect(self.cues.follow)
        self.cues.changed.connect(self._on_cue)
        self.playing.subtitle_layout_changed.connect(self.cues.set_layout)
        self.session.auto_next.connect(self._on_auto_next)
        self.session.failed.connect(self._on_failed)
        self.session.reconnecting.connect(self._on_reconnecting)
        self.session.recovered.connect(self._on_recovered)
        self.session.series_finished.connect(self._on_series_finished)
        self.settings.changed.connect(self._on_setting)

    # --- library and Home --------------------------------------------------------------------
    def show_library(self, library: list[Series]) -> None:
        self._library = [series for series in library if series.episodes]
        self._problems_seen = {p for series in library for p in series.problems}
        self.refresh_home()
        problems = [(p.code, p.where) for series in library for p in series.problems]
        if problems:
            self.events.log("library_problems", count=len(problems),
                            codes=sorted({code for code, _ in problems}))
        self.source_problems = [problem_line(code, where) for code, where in problems]
        self.source_problems_found.emit(self.source_problems)
        message = library_problems(problems)
        if message is not None:
            self.show_message(message)
        self.stack.setCurrentWidget(self.home)
        self.home.focus_initial()
        QTimer.singleShot(0, self._report_home_ready)

    def library_grew(self, library: list[Series]) -> None:
        """A slow source arrived after Home was shown: added without moving the viewer."""
        known: set[SourceProblem] = getattr(self, "_problems_seen", set())
        self._library = [series for series in library if series.episodes]
        self.refresh_home()
        new = [(p.code, p.where) for series in library for p in series.problems
               if p not in known]
        self._problems_seen = known | {p for series in library for p in series.problems}
        self.events.log("library_grew", series=len(self._library))
        if new:
            self.events.log("library_problems", count=len(new),
                            codes=sorted({code for code, _ in new}))
        message = library_problems(new)
        if message is not None and self.stack.currentWidget() is self.home:
            self.show_message(message)
        self.covers.load(self._library, self.home.cover_size())

    def _report_home_ready(self) -> None:
        self.events.log("home_ready", series=len(self._library))
        self.home_ready.emit()
        self.covers.load(self._library, self.home.cover_size())  # after Home is on screen

    @property
    def library(self) -> list[Series]:
        return list(self._library)

    def refresh_home(self) -> None:
        summaries = [SeriesSummary(series, self.watched_count(series)) for series in self._library]
        recent: list[int] = []
        if self.progress is not None:
            places = {series.source: i for i, series in reversed(list(enumerate(self._library)))}
            recent = [places[s] for s in self.progress.recent_series() if s in places]
        self.home.show_library(summaries, self.continue_target(), recent)

    def watched_count(self, series: Series) -> int:
        if self.progress is None:
            return 0
        return self.progress.watched_count(e.location for e in series.episodes)

    def watched_indexes(self, series: Series, records: dict[str, Progress] | None = None,
                        ) -> set[int]:
        if self.progress is None:
            return set()
        # One batched query for the whole series: a 50,000-episode series opens at once.
        if records is None:
            records = self.progress.get_many(e.location for e in series.episodes)
        return {index for index, episode in enumerate(series.episodes)
                if (record := records.get(episode.location)) is not None and record.watched}

    def unplayable(self, series: Series) -> dict[str, str]:
        """Episodes of ``series`` that failed to play last time (location → code)."""
        if self.progress is None:
            return {}
        return self.progress.unplayable(e.location for e in series.episodes)

    def unplayable_indexes(self, series: Series, failed: dict[str, str] | None = None,
                           ) -> set[int]:
        failed = self.unplayable(series) if failed is None else failed
        return {i for i, e in enumerate(series.episodes) if e.location in failed}

    def continue_target(self) -> ContinueTarget | None:
        """The last episode watched (or the one after it, if it was finished)."""
        if not self._library:
            return None
        last = self.progress.last_watched() if self.progress is not None else None
        if last is not None:
            for series_index, series in enumerate(self._library):
                for index, episode in enumerate(series.episodes):
                    if episode.location != last.location:
                        continue
                    if last.watched:
                        return self._playable_target(series_index, index + 1)
                    position = last.position_ms
                    percent = round(100 * position / last.duration_ms) if last.duration_ms else 0
                    return self._playable_target(series_index, index, position, percent)
        if last is None:  # nothing watched yet: episode 1, or what plays after it
            return self._playable_target(0, 0)
        return self._playable_target(0, self.resume_index(self._library[0]))

    def _playable_target(self, series_index: int, index: int, position_ms: int = 0,
                         percent: int = 0) -> ContinueTarget:
        """``index`` in that series, or the next episode that plays, saying what was passed
        over; past the end (or nothing left that plays) the series is finished."""
        series = self._library[series_index]
        failed = self.unplayable(series)
        chosen = next_playable(series, index, failed)
        if chosen is None:
            following = (series_index + 1) % len(self._library)
            return ContinueTarget(series_index, 0, 0, 0, finished=True,
                                  next_series=following if following != series_index else None)
        if chosen != index:
            position_ms = percent = 0
        return ContinueTarget(series_index, chosen, position_ms, percent,
                              skipped=skipped_numbers(series, index, chosen))

    def _continue_watching(self) -> None:
        target = self.continue_target()
        if target is None:
            return
        if target.finished and target.next_series is not None:
            # 已看完: the big button goes on to the next series, from where it stands.
            self.open_series(target.next_series)
            return
        series = self._library[target.series_index]
        if target.finished:
            index = next_playable(series, 0, self.unplayable(series))
            if index is None:
                self.open_series(target.series_index)
                return
            self._start_kind = "auto"
            self.start_playing(series, index)
            return
        self._start_kind = "auto"
        self.start_playing(series, target.episode_index, target.position_ms)

    def go_home(self) -> None:
        self.refresh_home()
        self.stack.setCurrentWidget(self.home)
        self.home.focus_initial()

    # --- more pages, overlays and speech for other parts (family settings, rest reminder) ---
    def add_screen(self, screen: Screen) -> None:
        self.stack.addWidget(screen)
        screen.focus_moved.connect(self._announce_focus)
        if self._theme is not None:
            screen.apply_theme(self._theme)

    def show_screen(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(screen)
        screen.focus_initial()

    def announce(self, text: str) -> None:
        self._announce(text)

    def open_overlay(self, overlay: Screen, spoken: str) -> None:
        """Put ``overlay`` over everything; it gets every key until ``close_overlay``."""
        if self._theme is not None:
            overlay.apply_theme(self._theme)
            overlay.style_with(self._sheet)
        self._overlay = overlay
        overlay.setGeometry(self.rect())
        overlay.show()
        overlay.raise_()
        overlay.focus_initial()
        self._announce(spoken)

    def close_overlay(self) -> None:
        overlay, self._overlay = self._overlay, None
        if overlay is not None:
            overlay.hide()
            overlay.deleteLater()
        self.current_screen().focus_initial()

    def has_overlay(self) -> bool:
        """Whether a question is open (a second one must wait: keys go to one at a time)."""
        return self._overlay is not None

    def ask(self, question: str, answers: tuple[str, str],
            on_answer: Callable[[int], None], opaque: bool = False) -> ChoiceOverlay:
        """A large, spoken question with two answers; the first (safe) one is focused.
        ``opaque``: on a plain page, hiding what is behind (an episode's last frame, its
        "还剩 0:00"). The overlay is returned so that a timer can answer it."""
        overlay = ChoiceOverlay(self, question, answers, opaque)

        def chosen(choice: int) -> None:
            self.close_overlay()
            on_answer(choice)

        overlay.chosen.connect(chosen)
        self.open_overlay(overlay, question)
        return overlay

    def ask_to_leave(self) -> None:
        def answer(choice: int) -> None:
            if choice == 1:
                self.close()

        self.ask(self.tr("要退出长辈剧场吗？"), (self.tr("不退出"), self.tr("退出")), answer)

    # --- Series ------------------------------------------------------------------------------
    def open_series(self, series_index: int, focus_index: int | None = None) -> None:
        series = self._library[series_index]
        records = (self.progress.get_many(e.location for e in series.episodes)
                   if self.progress is not None else {})
        failed_at = self.unplayable(series)
        watched = self.watched_indexes(series, records)
        failed = self.unplayable_indexes(series, failed_at)
        resume = self.resume_index(series, records, failed_at)
        finished = bool(watched) and next_playable(
            series, resume, {series.episodes[i].location for i in watched | failed}) is None
        self.series_screen.show_series(series, watched, resume, focus_index,
                                       unplayable=failed, finished=finished)
        self.stack.setCurrentWidget(self.series_screen)
        self.series_screen.focus_initial()
        self.series_opened.emit(series)

    def resume_index(self, series: Series, found: dict[str, Progress] | None = None,
                     failed: dict[str, str] | None = None) -> int:
        """The episode to go on with: the latest one left unfinished, else the first unwatched."""
        if self.progress is None:
            return 0
        if found is None:
            found = self.progress.get_many(e.location for e in series.episodes)
        records = [found.get(e.location) for e in series.episodes]
        touched = [(r.updated, i) for i, r in enumerate(records) if r is not None]
        start = 0
        if touched:
            _, latest = max(touched)
            record = records[latest]
            start = latest if record is not None and not record.watched else latest + 1
        if failed is None:
            failed = self.unplayable(series)
        chosen = next_playable(series, start, failed)
        if chosen is None:  # nothing after it plays: the first that does, or the last
            chosen = next_playable(series, 0, failed)
        return chosen if chosen is not None else min(start, len(series.episodes) - 1)

    def resume_position(self, series: Series, index: int) -> int:
        if self.progress is None:
            return 0
        record = self.progress.get(series.episodes[index].location)
        return record.position_ms if record is not None and not record.watched else 0

    def _play_from_series(self, index: int, kind: str = "tile") -> None:
        series = self.series_screen.series
        if series is not None:
            self._start_kind = kind
            self.start_playing(series, index, self.resume_position(series, index))

    # --- Playing -----------------------------------------------------------------------------
    def start_playing(self, series: Series, index: int, start_ms: int = 0,
                      kind: StartKind = StartKind.CHOSEN) -> None:
        """Start an episode the one way: the session asks its checks first."""
        self.session.start(StartRequest(series, index, start_ms, kind))

    def _show_playing(self, _series: Series, _index: int) -> None:
        self.stack.setCurrentWidget(self.playing)
        self.playing.setFocus()
        self._update_display_size()

    def _play_neighbour(self, step: int) -> None:
        series, index = self.session.series, self.session.index + step
        if series is not None and 0 <= index < len(series.episodes):
            self.session.save_progress()
            self._start_kind = "auto"
            self.start_playing(series, index)

    def leave_playing(self) -> None:
        series, index = self.session.series, self.session.index
        self.session.stop()
        self.cues.clear()
        self.playing.hide_controls()
        if series is not None and series in self._library:
            self.open_series(self._library.index(series), focus_index=index)
        else:
            self.go_home()

    def _on_episode_started(self, series: Series, index: int) -> None:
        self.playing.show_episode(series.title, series.episodes[index].number)
        self.cues.clear()
        self.cue_loader.request(series.episodes[index])

    def _on_cues_loaded(self, load: CueLoad) -> None:
        episode = self.session.episode
        if episode is None or episode.location != load.location:
            return  # the viewer has moved on
        self.cues.set_layout(self.playing.subtitle_chars_per_line,
                             self.playing.subtitle_lines_per_page)
        self.cues.set_cues(load.track.cues if load.track is not None else ())
        self.cues_ready.emit(load)
        if load.problem is not None and load.track is None:
            self.playing.show_note(self.tr("这一集的字幕文件读不出来。"))

    def use_picture_cues(self, cues: tuple[Cue, ...]) -> None:
        """Subtitles read off the picture, for an episode without its own (all known so far)."""
        self.cues.set_cues(cues)
        self.picture_cues_added.emit(cues)

    def _on_cue(self, cue: object) -> None:
        # Only a cue on screen is shown, told and logged: not while Series or 家人设置 is up.
        show = (bool(self.settings.get("subtitles.enabled"))
                and self.stack.currentWidget() is self.playing and self.isVisible())
        text = cue.text if show and cue is not None else None  # type: ignore[attr-defined]
        self.playing.show_subtitle(text)
        if text:
            tell_screen_reader(self.playing.subtitle, text.replace("\n", ""))
            self.events.log("subtitle_shown", text=text, position_ms=self.engine.position())

    def _on_auto_next(self, series: Series, index: int) -> None:
        # Said and shown beside the picture, not as a pop-up over the episode that starts.
        label = episode_label(series.episodes[index].number)
        self._start_kind = "auto"
        self._announce(self.tr("下一集：%1").replace("%1", label))
        # Shown once it plays, so it names what is on screen, not what is "next".
        now = self.tr("正在播放：%1").replace("%1", label)
        QTimer.singleShot(0, lambda: self.playing.show_note(now))

    def _skip_unplayable_next(self, request: StartRequest) -> Verdict:
        """At auto-next, an episode known not to open is passed over, and that is said."""
        series, index = request.series, request.index
        if request.kind is not StartKind.AUTO_NEXT:
            return PLAY
        failed = self.unplayable(series)
        if series.episodes[index].location not in failed:
            return PLAY
        chosen = next_playable(series, index, failed)
        skipped = self.tr("、").join(episode_label(n) for n in skipped_numbers(
            series, index, chosen if chosen is not None else len(series.episodes)))
        if chosen is None:
            self.events.log("unplayable_skipped", skipped=skipped, to_episode=None)
            return Skip(None, lambda: self._on_series_finished(series))
        to = episode_label(series.episodes[chosen].number)
        self.events.log("unplayable_skipped", skipped=skipped,
                        to_episode=series.episodes[chosen].number)
        text = self.tr("%1打不开，接着播放%2。").replace("%1", skipped).replace("%2", to)
        self._start_kind = "auto"

        def say() -> None:
            self._announce(text)
            QTimer.singleShot(0, lambda: self.playing.show_note(text))

        return Skip(chosen, say)

    def _on_first_frame(self) -> None:
        episode = self.session.episode
        if (self.progress is not None and episode is not None
                and self.progress.unplayable([episode.location])):
            self.progress.clear_unplayable(episode.location)  # it plays now after all

    def _on_series_finished(self, series: Series) -> None:
        text = self.tr("这部剧已经看完了。")
        self.session.stop()
        self.playing.hide_controls()
        if series in self._library:  # Series, with 已看完 · 从头再看 focused
            self.open_series(self._library.index(series))
        else:
            self.go_home()
        self.banner.show_message(text)
        self._announce(text)

    def _on_reconnecting(self, attempt: int) -> None:
        text = self.tr("网络不好，正在重新连接…")
        self.playing.show_note(text)
        if attempt == 1:
            self._announce(text)

    def _on_recovered(self, _position_ms: int) -> None:
        text = self.tr("已重新连上，接着播放。")
        self.playing.show_note(text)
        self._announce(text)

    def _on_failed(self, problem: PlaybackError) -> None:
        text = playback_error(problem.code)
        series, index = self.session.series, self.session.index
        failed_here = (series is not None and 0 <= index < len(series.episodes)
                       and series.episodes[index].location == problem.location)
        if self.progress is not None and failed_here:
            self.progress.mark_unplayable(problem.location, problem.code.value)
        if (failed_here and series is not None and self._start_kind == "auto"
                and self.stack.currentWidget() is self.playing):
            # Started by a big button or auto-next: go on to the next one that plays.
            chosen = next_playable(series, index + 1, self.unplayable(series))
            if chosen is not None:
                label = episode_label(series.episodes[index].number)
                to = episode_label(series.episodes[chosen].number)
                self.events.log("unplayable_skipped", skipped=label,
                                to_episode=series.episodes[chosen].number)
                note = self.tr("%1打不开，接着播放%2。").replace("%1", label).replace("%2", to)
                self.session.stop()
                self.start_playing(series, chosen)
                self._announce(note)
                QTimer.singleShot(0, lambda: self.playing.show_note(note))
                return
        if self.stack.currentWidget() is self.playing:
            self.leave_playing()
        self.show_message(text)

    def _on_position(self, position_ms: int) -> None:
        duration = self.engine.duration()
        if duration > 0:
            self.playing.show_remaining(duration - position_ms)

    def _on_state(self, state: PlaybackState) -> None:
        self.playing.set_paused(state is PlaybackState.PAUSED)

    def show_message(self, text: str, seconds: float = 6.0) -> None:
        self.banner.show_message(text, seconds)
        self._announce(text)

    # --- one-tap enlarge, read-aloud, volume -----------------------------------------------------
    def toggle_enlarged(self) -> None:
        self.settings.set("ui.enlarged", not self.settings.get("ui.enlarged"))

    def toggle_read_aloud(self) -> None:
        enabled = not self.settings.get("readout.enabled")
        self.settings.set("readout.enabled", enabled)
        self.show_message(self.tr("朗读字幕：开") if enabled else self.tr("朗读字幕：关"), 2.5)

    def _change_volume(self, step: int) -> None:
        level = self.volume.user + step
        self.settings.set("playback.volume", max(0, min(100, level)))
        self.show_message(self.tr("音量 %1").replace("%1", str(self.volume.level())), 1.5)

    def _on_setting(self, key: str, value: object) -> None:
        if key == "ui.language":
            self.show_message(self.tr("界面语言将在下次打开时更换。") if value == "zh"
                              else "The new language applies the next time SilverReel starts.")
        if key == "ui.tv_mode":
            self._set_tv_mode(bool(value))
        if key in _THEME_KEYS:
            self.apply_theme()
        elif key == "playback.volume":
            self.volume.set_user(int(value))  # type: ignore[call-overload]
        elif key == "sound.max_volume":
            self.volume.set_maximum(int(value))  # type: ignore[call-overload]
        elif key == "remote.hold_repeat_ms":
            self.key_gate.hold_repeat_ms = int(value)  # type: ignore[call-overload]
        elif key == "remote.double_press_ms":
            self.key_gate.double_press_ms = int(value)  # type: ignore[call-overload]
        elif key == "subtitles.reading_speed":
            self.cues.set_reading_speed(float(value))  # type: ignore[arg-type]

    def _set_tv_mode(self, on: bool) -> None:
        """Full screen without a pointer for the television, or a normal window again."""
        app = QApplication.instance()
        if on and not self.isFullScreen():
            self.setGeometry(self.screen().geometry())
            self.showFullScreen()
            if isinstance(app, QApplication):
                app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        elif not on and self.isFullScreen():
            self.showNormal()
            if isinstance(app, QApplication) and app.overrideCursor() is not None:
                app.restoreOverrideCursor()

    def theme(self) -> Theme:
        assert self._theme is not None
        return self._theme

    def apply_theme(self) -> None:
        screen = self.screen()
        height = self.height() if self.isVisible() else screen.size().height()
        width = self.width() if self.isVisible() else screen.size().width()
        s = self.settings
        theme = Theme(
            screen_height=max(360, height),
            enlarged=bool(s.get("ui.enlarged")),
            text_scale=float(s.get("ui.text_scale")),
            enlarge_factor=float(s.get("ui.enlarge_factor")),
            tv_mode=bool(s.get("ui.tv_mode")) or self.isFullScreen(),
            subtitle_share=float(s.get("subtitles.size")) / 100,
            subtitle_colours=str(s.get("subtitles.colours")),
            subtitles_beside=s.get("subtitles.position") == "beside",
            screen_width=width,
        )
        if theme == self._theme:
            return
        self._theme = theme
        self.playing.set_enlarged(theme.enlarged)
        self._sheet = theme.stylesheet()
        if self.styleSheet() != theme.window_stylesheet():
            # Even an unchanged window sheet, set again, would re-polish every screen.
            self.setStyleSheet(theme.window_stylesheet())
        self.banner.setStyleSheet(self._sheet + MessageBanner.FRAME)
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if isinstance(page, Screen):
                page.apply_theme(theme)
        self._style_current()
        if self._overlay is not None:
            self._overlay.apply_theme(theme)
            self._overlay.style_with(self._sheet)
        self.banner.place()

    def _style_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Screen) and self._sheet:
            page.style_with(self._sheet)

    def resizeEvent(self, event: object) -> None:
        self.apply_theme()
        if self._overlay is not None:
            self._overlay.setGeometry(self.rect())
        self.banner.place()
        self._update_display_size()

    def _update_display_size(self) -> None:
        ratio = self.devicePixelRatioF()
        self.engine.set_display_size(round(self.width() * ratio), round(self.height() * ratio))

    # --- keys -------------------------------------------------------------------------------------
    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the isinstance test is the cheap first gate
        # (comparing event.type() makes an enum object per event, costly at this volume).
        if not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyRelease and isinstance(watched, QWidget) \
                and watched.window() is self:
            self.key_gate.release(event.key(), event.isAutoRepeat(), event.timestamp())
            return False
        if (kind == QEvent.Type.KeyPress and isinstance(watched, QWidget)
                and watched.window() is self):
            action = action_for(event.key(), event.modifiers())
            if action is not None:
                # A held key acts once, a trembling double press once (see key_gate.py).
                if self.key_gate.press(event.key(), action, event.isAutoRepeat(),
                                       event.timestamp()):
                    self.dispatch(action)
                return True
        return False

    def dispatch(self, action: Action) -> None:
        """Do what ``action`` means right now: overlay first, then global keys, then the screen."""
        if self.banner.isVisible() and self._overlay is None:
            self.banner.hide()
        if self._overlay is not None:
            self._overlay.handle_action(action)
        elif action is Action.ENLARGE:
            self.toggle_enlarged()
        elif action is Action.READ_ALOUD:
            self.toggle_read_aloud()
        elif action in (Action.VOLUME_UP, Action.VOLUME_DOWN):
            self._change_volume(5 if action is Action.VOLUME_UP else -5)
        elif action is Action.MUTE:
            self.settings.set("playback.volume", 0)
        elif action is Action.HOME:
            if self.stack.currentWidget() is self.playing:
                self.session.stop()
                self.cues.clear()
            self.go_home()
        else:
            self.current_screen().handle_action(action)
        self.action_handled.emit(action)

    def set_announcer(self, speak: Callable[[str], None]) -> None:
        """Where spoken announcements go (read-out); screen readers are told as well."""
        self._speak = speak

    def _announce(self, text: str) -> None:
        self._speak(text)
        tell_screen_reader(self, text)

    def _log_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self:
            name = new.accessibleName() or str(new.property("text") or "")
            if name:
                self.events.log("focus", name=name)

    def _announce_focus(self, widget: QWidget) -> None:
        name = widget.accessibleName()
        if name:
            self._announce(name)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        # With no window manager (a kiosk session) nobody gives a new window the keyboard:
        # ask for it ourselves, once the window is mapped.
        QTimer.singleShot(0, self._take_keyboard)

    def _take_keyboard(self) -> None:
        # Only X11 lets a window be shown without the keyboard; elsewhere (Wayland, Windows,
        # the offscreen test platform) the system decides, and asking only warns.
        if (self.isVisible() and not self.isActiveWindow()
                and QGuiApplication.platformName() == "xcb"):
            self.raise_()
            self.activateWindow()

    def closeEvent(self, event: object) -> None:
        if self.stack.currentWidget() is self.playing:
            self.session.stop()
        app = QApplication.instance()
        app.removeEventFilter(self)  # type: ignore[union-attr]
        if not self._closed_once:
            self._closed_once = True
            app.focusChanged.disconnect(self._log_focus)  # type: ignore[union-attr]
