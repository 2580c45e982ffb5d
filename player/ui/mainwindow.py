"""The window: Home → Series → Playing (and the family pages) stacked, questions laid over
them, and the banner. It moves between the screens and reacts to the session; its other jobs
have their own homes: the theme and TV mode (appearance.py), keys (keyrouter.py), subtitles
(subtitle_routing.py), the library (player/shelf.py) and resume queries (player/resume.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from accessibility.subtitles.model import Cue
from accessibility.theme import Theme
from player.actions import Action
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.library.model import Series
from player.playable import next_playable, skipped_numbers
from player.progress import ProgressStore
from player.resume import ContinueTarget, ResumeQueries
from player.session import PlaybackSession
from player.shelf import LibraryShelf
from player.start_checks import PLAY, Check, Skip, StartKind, StartRequest, Verdict
from player.ui.appearance import Appearance
from player.ui.home import HomeScreen
from player.ui.keyrouter import KeyRouter
from player.ui.library_view import LibraryView
from player.ui.overlays import ChoiceOverlay, MessageBanner
from player.ui.playback_notes import PlaybackNotes
from player.ui.playing import PlayingScreen
from player.ui.questions import Questions
from player.ui.screen import Screen
from player.ui.screen_reader import tell_screen_reader
from player.ui.series import SeriesScreen
from player.ui.strings import episode_label
from player.ui.subtitle_routing import SubtitleRouting


class MainWindow(QMainWindow):
    home_ready = Signal()
    action_handled = Signal(object)  # Action, after it was dispatched
    cues_ready = Signal(object)  # CueLoad for the episode now playing
    series_opened = Signal(object)  # Series, now on the Series screen
    picture_cues_added = Signal(object)  # tuple[Cue, ...]: subtitles read off the picture
    source_problems_found = Signal(object)  # list[str]: each passed-over file, for the family
    screen_changed = Signal()  # another page came into view
    cast_chosen = Signal(int)  # a cast offered on Home was chosen (its index in show_casts)
    playing_left = Signal()  # Back on the Playing screen (after the window has left it)

    def __init__(self, settings: Settings, engine: PlaybackEngine, events: EventLog,
                 session: PlaybackSession, volume: VolumeControl,
                 announce: Callable[[str], None] | None = None,
                 progress: ProgressStore | None = None,
                 cache_dir: Path | None = None,
                 shelf: LibraryShelf | None = None,
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
        self.shelf = shelf or LibraryShelf(settings)
        self.resume = ResumeQueries(progress, lambda: self.shelf.series)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomeScreen()
        self.series_screen = SeriesScreen()
        self.playing = PlayingScreen()
        self.keys = KeyRouter(self, settings, events)
        for screen in (self.home, self.series_screen, self.playing):
            self.stack.addWidget(screen)
            screen.focus_moved.connect(self.keys.announce_focus)
        self.banner = MessageBanner(self)
        covers_dir = cache_dir or Path(tempfile.gettempdir()) / "silverreel-covers"
        self.subtitles = SubtitleRouting(self, settings, events)
        self.cues = self.subtitles.cues
        self.library_view = LibraryView(self, covers_dir)
        self.notes = PlaybackNotes(self)
        self.questions = Questions(self)
        # How the episode now playing was started: by a big button or auto-next ("auto"),
        # which go on to the next playable episode when it fails, or by its own tile ("tile").
        self._start_kind = "auto"
        self._connect()
        session.set_check(Check.UNPLAYABLE, self._skip_unplayable_next)
        session.about_to_play.connect(self._show_playing)
        self.appearance.apply()
        self.keys.install()

    # --- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        # Screens are restyled when they come into view (see Screen.style_with).
        self.appearance = Appearance(self, self.settings)
        self.stack.currentChanged.connect(lambda _index: self.appearance.style_current())
        self.stack.currentChanged.connect(lambda _index: self.screen_changed.emit())
        self.home.continue_requested.connect(self.library_view.continue_watching)
        self.home.series_chosen.connect(self.open_series)
        self.home.leave_requested.connect(self.questions.ask_to_leave)
        self.home.cast_chosen.connect(self.cast_chosen)
        self.series_screen.episode_chosen.connect(self._play_from_series)
        self.series_screen.resume_chosen.connect(
            lambda index: self._play_from_series(index, kind="auto"))
        self.series_screen.back_requested.connect(self.go_home)
        self.playing.back_requested.connect(self.leave_playing)
        self.playing.back_requested.connect(self.playing_left)
        self.playing.toggle_pause_requested.connect(self.session.toggle_pause)
        self.playing.next_requested.connect(lambda: self._play_neighbour(+1))
        self.playing.previous_requested.connect(lambda: self._play_neighbour(-1))
        self.playing.enlarge_requested.connect(self.keys.toggle_enlarged)
        self.playing.read_aloud_requested.connect(self.keys.toggle_read_aloud)
        self.session.episode_started.connect(self._on_episode_started)
        self.notes.wire()  # before the subtitles: both follow the position
        self.subtitles.wire()
        self.session.auto_next.connect(self._on_auto_next)
        self.session.series_finished.connect(self._on_series_finished)

    # --- library, Home and Series (library_view.py) ---------------------------------------
    def show_library(self, library: list[Series]) -> None:
        self.library_view.show(library)

    def library_grew(self, library: list[Series]) -> None:
        self.library_view.grew(library)

    def refresh_home(self) -> None:
        self.library_view.refresh()

    @property
    def library(self) -> list[Series]:
        return self.shelf.series

    @property
    def _library(self) -> list[Series]:  # the name the play path reads the library by
        return self.shelf.series

    @property
    def source_problems(self) -> list[str]:
        return self.library_view.source_problems

    def show_casts(self, casts: list[tuple[str, int]]) -> None:
        """Casts that can be taken up again, offered on Home (title, percent watched)."""
        self.home.set_casts(casts)

    def go_home(self) -> None:
        self.refresh_home()
        self.stack.setCurrentWidget(self.home)
        self.home.focus_initial()

    # --- resume queries (player/resume.py), as the play path and others ask them -----------------
    def continue_target(self) -> ContinueTarget | None:
        return self.resume.continue_target()

    def unplayable(self, series: Series) -> dict[str, str]:
        return self.resume.unplayable(series)

    def unplayable_indexes(self, series: Series) -> set[int]:
        return self.resume.unplayable_indexes(series)

    def resume_position(self, series: Series, index: int) -> int:
        return self.resume.resume_position(series, index)

    # --- more pages, overlays and speech for other parts (family settings, rest reminder) ---
    def add_screen(self, screen: Screen) -> None:
        self.stack.addWidget(screen)
        screen.focus_moved.connect(self.keys.announce_focus)
        self.appearance.dress(screen)

    def show_screen(self, screen: Screen) -> None:
        self.stack.setCurrentWidget(screen)
        screen.focus_initial()

    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def is_playing(self) -> bool:
        """Whether the Playing screen is on view."""
        return self.stack.currentWidget() is self.playing

    def is_home(self) -> bool:
        return self.stack.currentWidget() is self.home

    def announce(self, text: str) -> None:
        self._announce(text)

    @property
    def _overlay(self) -> Screen | None:
        return self.questions.open

    def open_overlay(self, overlay: Screen, spoken: str) -> None:
        self.questions.show(overlay, spoken)

    def close_overlay(self) -> None:
        self.questions.close()

    def has_overlay(self) -> bool:
        """Whether a question is open (a second one must wait: keys go to one at a time)."""
        return self.questions.open is not None

    def ask(self, question: str, answers: tuple[str, str],
            on_answer: Callable[[int], None], opaque: bool = False) -> ChoiceOverlay:
        return self.questions.ask(question, answers, on_answer, opaque)

    # --- Series ------------------------------------------------------------------------------
    def open_series(self, series_index: int, focus_index: int | None = None) -> None:
        self.library_view.open_series(series_index, focus_index)

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
        place = self.shelf.index_of(series) if series is not None else None
        if place is not None:
            self.open_series(place, focus_index=index)
        else:
            self.go_home()

    def _on_episode_started(self, series: Series, index: int) -> None:
        self.playing.show_episode(series.title, series.episodes[index].number)
        self.subtitles.follow_episode(series.episodes[index])

    def use_picture_cues(self, cues: tuple[Cue, ...]) -> None:
        """Subtitles read off the picture, for an episode without its own (all known so far)."""
        self.subtitles.use_picture_cues(cues)

    def start_automatically(self, series: Series, index: int, start_ms: int = 0) -> None:
        """Started by a big button: if it fails, the next episode that plays is tried."""
        self._start_kind = "auto"
        self.start_playing(series, index, start_ms)

    def started_by_auto(self) -> bool:
        return self._start_kind == "auto"

    def show_source(self, name: str) -> None:
        """What is playing, named on the Playing screen instead of "第 N 集" (a cast)."""
        self.playing.show_source(name)

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

    def show_message(self, text: str, seconds: float = 6.0) -> None:
        self.banner.show_message(text, seconds)
        self._announce(text)

    # --- look and size (player/ui/appearance.py) -------------------------------------------------
    def theme(self) -> Theme:
        return self.appearance.theme()

    def apply_theme(self) -> None:
        self.appearance.apply()

    def resizeEvent(self, event: object) -> None:
        self.appearance.fit()
        self._update_display_size()

    def _update_display_size(self) -> None:
        ratio = self.devicePixelRatioF()
        self.engine.set_display_size(round(self.width() * ratio), round(self.height() * ratio))

    # --- keys (player/ui/keyrouter.py) and speech -------------------------------------------------
    def dispatch(self, action: Action) -> None:
        """Do what ``action`` means right now, as if its key was pressed."""
        self.keys.dispatch(action)

    def set_announcer(self, speak: Callable[[str], None]) -> None:
        """Where spoken announcements go (read-out); screen readers are told as well."""
        self._speak = speak

    def _announce(self, text: str) -> None:
        self._speak(text)
        tell_screen_reader(self, text)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self.keys.take_keyboard)  # once the window is mapped

    def closeEvent(self, event: object) -> None:
        if self.stack.currentWidget() is self.playing:
            self.session.stop()
        self.keys.uninstall()
