"""Subtitles from file to screen: the episode's cue file is read in the background, the
current cue follows the playback position, and the one on view is shown beside the picture,
told to a screen reader and logged.

Subtitles read off the picture (for an episode without its own) come in through
``use_picture_cues``. Only a cue on view is shown: not while Series or 家人设置 is up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from accessibility.subtitles.model import Cue
from player.config.store import Settings
from player.cues import CueFollower, CueLoad, CueLoader
from player.eventlog import EventLog
from player.library.model import Episode
from player.ui.screen_reader import tell_screen_reader

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow


class SubtitleRouting(QObject):
    def __init__(self, window: MainWindow, settings: Settings, events: EventLog) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._events = events
        self.loader = CueLoader(self)
        self.cues = CueFollower(self)
        self.cues.set_reading_speed(float(settings.get("subtitles.reading_speed")))

    def wire(self) -> None:
        """Wired after the window's own reactions to the same engine signals."""
        window = self._window
        self.loader.loaded.connect(self._on_cues_loaded)
        window.engine.position_changed.connect(self.cues.follow)
        self.cues.changed.connect(self._on_cue)
        window.playing.subtitle_layout_changed.connect(self.cues.set_layout)
        self._settings.on_change("subtitles.reading_speed",
                                 lambda speed: self.cues.set_reading_speed(float(speed)))

    def follow_episode(self, episode: Episode) -> None:
        """An episode started: its cues are read (nothing is shown until they are)."""
        self.cues.clear()
        self.loader.request(episode)

    def _on_cues_loaded(self, load: CueLoad) -> None:
        window = self._window
        episode = window.session.episode
        if episode is None or episode.location != load.location:
            return  # the viewer has moved on
        self.cues.set_layout(window.playing.subtitle_chars_per_line,
                             window.playing.subtitle_lines_per_page)
        self.cues.set_cues(load.track.cues if load.track is not None else ())
        window.cues_ready.emit(load)
        if load.problem is not None and load.track is None:
            # Worded for the window: its catalogue context keeps the translation.
            window.playing.show_note(QCoreApplication.translate(
                "MainWindow", "这一集的字幕文件读不出来。"))

    def use_picture_cues(self, cues: tuple[Cue, ...]) -> None:
        """Subtitles read off the picture, for an episode without its own (all known so far)."""
        self.cues.set_cues(cues)
        self._window.picture_cues_added.emit(cues)

    def _on_cue(self, cue: Cue | None) -> None:
        window = self._window
        show = (bool(self._settings.get("subtitles.enabled"))
                and window.is_playing() and window.isVisible())
        text = cue.text if show and cue is not None else None
        window.playing.show_subtitle(text)
        if text:
            tell_screen_reader(window.playing.subtitle, text.replace("\n", ""))
            self._events.log("subtitle_shown", text=text, position_ms=window.engine.position())
