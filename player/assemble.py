"""Put the app together: engine, volume, progress, session and window, wired once.

``player.app`` uses this for the real thing; tests use it to drive the same assembly.
"""

from __future__ import annotations

from dataclasses import dataclass

from player.config.declaration import OPTIONS_BY_KEY
from player.config.paths import AppPaths
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.vlc_engine import VlcEngine
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.progress import ProgressStore
from player.session import PlaybackSession
from player.ui.mainwindow import MainWindow


@dataclass
class Assembly:
    settings: Settings
    engine: PlaybackEngine
    volume: VolumeControl
    progress: ProgressStore
    session: PlaybackSession
    window: MainWindow
    events: EventLog

    closed: bool = False

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.session.stop()
        self.window.close()
        self.engine.shutdown()
        self.progress.close()


def assemble(paths: AppPaths, events: EventLog, settings: Settings | None = None,
             engine: PlaybackEngine | None = None) -> Assembly:
    settings = settings or Settings(paths.settings_file)
    settings.changed.connect(lambda key, value: events.log(
        "setting_changed", key=key, value=None if OPTIONS_BY_KEY[key].secret else value))
    engine = engine or VlcEngine()
    volume = VolumeControl(engine, settings.get("playback.volume"),
                           settings.get("sound.max_volume"))
    progress = ProgressStore(paths.progress_db)
    session = PlaybackSession(engine, settings, events, progress)
    window = MainWindow(settings, engine, events, session, volume, progress=progress,
                        cache_dir=paths.cache_dir / "covers")
    return Assembly(settings, engine, volume, progress, session, window, events)
