"""What the family chose to happen, episode by episode: the pace reactions built together.

The assembly builds ``PaceReactions`` once and connects the two things that reach a screen
(``badges.changed`` to the Series screen, ``during.hint_changed`` to the Playing screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance

from accessibility.subtitles.model import Cue
from player.calm import PictureCalming
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.pace.badges import PaceBadges
from player.pace.checks import Asker, PaceChecks
from player.pace.during import PaceDuringEpisode
from player.pace.monitor import PacingMonitor
from player.pace.picture_cues import PictureCueHandOff
from player.session import PlaybackSession


class PaceViewer(Asker, Protocol):
    """The window as the pace reactions see it (``MainWindow``): signals and intents."""

    @property
    def series_opened(self) -> SignalInstance: ...

    @property
    def cues_ready(self) -> SignalInstance: ...

    @property
    def use_picture_cues(self) -> Callable[[tuple[Cue, ...]], None]: ...


class PaceReactions(QObject):
    def __init__(self, viewer: PaceViewer, monitor: PacingMonitor, settings: Settings,
                 session: PlaybackSession, engine: PlaybackEngine, volume: VolumeControl,
                 events: EventLog, calming: PictureCalming | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.badges = PaceBadges(monitor, settings, calming, parent=self)
        self.checks = PaceChecks(viewer, monitor, settings, session, events, calming,
                                 parent=self)
        self.during = PaceDuringEpisode(monitor, settings, session, engine, volume,
                                        parent=self)
        self.picture_cues = PictureCueHandOff(monitor, session, events,
                                              viewer.use_picture_cues, parent=self)
        viewer.series_opened.connect(self.badges.show_series)
        viewer.cues_ready.connect(self.picture_cues.cues_ready)
