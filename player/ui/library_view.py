"""Home and Series as views of the library: the series the shelf holds with what was watched,
the problems in the sources told once (and listed for the family), covers and episode frames
loaded off the GUI thread once the screen is on view, the big 继续观看 button, and a series
opened with its resume episode, watched and unplayable episodes marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from player.library.model import Series
from player.playable import next_playable
from player.ui.covers import CoverLoader
from player.ui.episode_frames import EpisodeFrameLoader
from player.ui.home import SeriesSummary
from player.ui.strings import library_problems, problem_line

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow


class LibraryView(QObject):
    def __init__(self, window: MainWindow, covers_dir: Path) -> None:
        super().__init__(window)
        self._window = window
        self.covers = CoverLoader(covers_dir, window)
        self.covers.ready.connect(window.home.set_cover)
        self.episode_frames = EpisodeFrameLoader(covers_dir, window)
        self.episode_frames.ready.connect(window.series_screen.set_frame)
        series_screen = window.series_screen
        series_screen.page_shown.connect(
            lambda locations: self.episode_frames.load(locations, series_screen.frame_size()))
        self.source_problems: list[str] = []  # each passed-over file, in plain words

    def show(self, library: list[Series]) -> None:
        """The library as first read (or read again): Home shows it, focused."""
        window = self._window
        found = window.shelf.replace(library)
        self.refresh()
        problems = [(p.code, p.where) for p in found]
        if problems:
            window.events.log("library_problems", count=len(problems),
                              codes=sorted({code for code, _ in problems}))
        self.source_problems = [problem_line(code, where) for code, where in problems]
        window.source_problems_found.emit(self.source_problems)
        message = library_problems(problems)
        if message is not None:
            window.show_message(message)
        window.stack.setCurrentWidget(window.home)
        window.home.focus_initial()
        QTimer.singleShot(0, self._report_home_ready)

    def grew(self, library: list[Series]) -> None:
        """A slow source arrived after Home was shown: added without moving the viewer."""
        window = self._window
        new = [(p.code, p.where) for p in window.shelf.grow(library)]
        self.refresh()
        series = window.shelf.series
        window.events.log("library_grew", series=len(series))
        if new:
            window.events.log("library_problems", count=len(new),
                              codes=sorted({code for code, _ in new}))
        message = library_problems(new)
        if message is not None and window.is_home():
            window.show_message(message)
        self.covers.load(series, window.home.cover_size())

    def _report_home_ready(self) -> None:
        window = self._window
        series = window.shelf.series
        window.events.log("home_ready", series=len(series))
        window.home_ready.emit()
        self.covers.load(series, window.home.cover_size())  # after Home is on screen

    def refresh(self) -> None:
        window = self._window
        library = window.shelf.series
        summaries = [SeriesSummary(s, window.resume.watched_count(s)) for s in library]
        recent: list[int] = []
        if window.progress is not None:
            places = {series.source: i for i, series in reversed(list(enumerate(library)))}
            recent = [places[s] for s in window.progress.recent_series() if s in places]
        window.home.show_library(summaries, window.resume.continue_target(), recent)

    def continue_watching(self) -> None:
        """继续观看: where the viewer left off, or the next series once this one is done."""
        window = self._window
        target = window.resume.continue_target()
        if target is None:
            return
        if target.finished and target.next_series is not None:
            # 已看完: the big button goes on to the next series, from where it stands.
            window.open_series(target.next_series)
            return
        series = window.shelf.series[target.series_index]
        if target.finished:
            index = next_playable(series, 0, window.resume.unplayable(series))
            if index is None:
                window.open_series(target.series_index)
                return
            window.start_automatically(series, index)
            return
        window.start_automatically(series, target.episode_index, target.position_ms)

    def open_series(self, series_index: int, focus_index: int | None = None) -> None:
        """The Series screen for that series: where to go on, what is watched, what does not
        open, and whether it is watched to its end (all read in one query each)."""
        window = self._window
        series = window.shelf.series[series_index]
        resume = window.resume
        records = resume.records(series)
        failed_at = resume.unplayable(series)
        watched = resume.watched_indexes(series, records)
        failed = resume.unplayable_indexes(series, failed_at)
        start = resume.resume_index(series, records, failed_at)
        window.series_screen.show_series(
            series, watched, start, focus_index, unplayable=failed,
            finished=resume.series_finished(series, start, watched, failed))
        window.stack.setCurrentWidget(window.series_screen)
        window.series_screen.focus_initial()
        window.series_opened.emit(series)
