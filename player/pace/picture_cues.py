"""Subtitles read off the picture reach the cue pipeline, for an episode without its own.

A subtitle file or track beside the episode always wins; only when the cue loader found
none are the lines the analysis read off the picture used, as many as are known so far.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from accessibility.subtitles.model import Cue
from player.cues import CueLoad
from player.eventlog import EventLog
from player.pace.monitor import PacingMonitor
from player.session import PlaybackSession


class PictureCueHandOff(QObject):
    def __init__(self, monitor: PacingMonitor, session: PlaybackSession, events: EventLog,
                 use_cues: Callable[[tuple[Cue, ...]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._session = session
        self._events = events
        self._use_cues = use_cues
        self._wanted: str | None = None  # an episode with no subtitles of its own
        monitor.picture_cues_changed.connect(self._on_picture_cues)
        session.episode_started.connect(self._on_episode_started)

    def cues_ready(self, load: CueLoad) -> None:
        """The cue loader has looked beside the episode (``MainWindow.cues_ready``)."""
        self._wanted = load.location if load.track is None else None
        if self._wanted is not None:
            self._on_picture_cues(self._wanted)

    def _on_episode_started(self, _series: object, _index: int) -> None:
        self._wanted = None

    def _on_picture_cues(self, location: str) -> None:
        episode = self._session.episode
        if location != self._wanted or episode is None or episode.location != location:
            return
        cues = self._monitor.picture_cues(location)
        if cues:
            self._events.log("picture_cues", location=location, cues=len(cues))
            self._use_cues(cues)
