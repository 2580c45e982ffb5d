"""Put the app together: engine, volume, progress, session and window, wired once.

``player.app`` uses this for the real thing; tests use it to drive the same assembly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.config.declaration import OPTIONS_BY_KEY
from player.config.paths import AppPaths
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.vlc_engine import VlcEngine
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.progress import ProgressStore
from player.session import PlaybackSession
from player.shelf import LibraryShelf
from player.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from accessibility.speech.synth import SpeechSynthesizer
    from player.calm import PictureCalming
    from player.cast.receiver import CastReceiver
    from player.cast.resume import CastShelf
    from player.pace.monitor import PacingMonitor
    from player.pace.reactions import PaceReactions
    from player.readout.playback import SpeechPlayer
    from player.readout.scheduler import ReadOut
    from player.rest import RestReminder
    from player.ui.family import FamilyController
    from player.ui.resume_start import ResumeOnStart


@dataclass
class Assembly:
    settings: Settings
    engine: PlaybackEngine
    volume: VolumeControl
    progress: ProgressStore
    session: PlaybackSession
    window: MainWindow
    events: EventLog
    paths: AppPaths
    family: FamilyController | None = None
    rest: RestReminder | None = None
    readout: ReadOut | None = None
    pacing: PacingMonitor | None = None
    pace: PaceReactions | None = None
    synthesizer: SpeechSynthesizer | None = None
    speech_player: SpeechPlayer | None = None
    cast: CastReceiver | None = None
    cast_forced: bool = False  # `silverreel --cast`: the receiver on for this run
    cast_shelf: CastShelf | None = None  # casts offered in 继续观看 while their address answers
    calming: PictureCalming | None = None
    resume: ResumeOnStart | None = None

    closed: bool = False

    def finish(self) -> None:
        """Read-out, family settings and the rest reminder.

        The app builds these right after Home is on screen (their imports and start-up cost
        about half a second that the viewer would otherwise wait for); tests build them at once.
        """
        if self.family is not None or self.closed:
            return
        from accessibility.speech.synth import SpeechSynthesizer
        from player.readout.playback import SpeechPlayer
        from player.readout.scheduler import ReadOut
        from player.rest import RestReminder
        from player.ui.family import FamilyController, RestPrompt

        window, settings = self.window, self.settings
        from player.calm import PictureCalming  # first: the picture is calmed from the start

        self.calming = PictureCalming(self.engine, settings, self.session, self.events,
                                      parent=window)
        self.synthesizer = SpeechSynthesizer(settings, cache_dir=self.paths.cache_dir / "speech",
                                             parent=window)
        self.speech_player = SpeechPlayer(settings, parent=window)
        readout = ReadOut(self.engine, self.volume, settings, self.synthesizer,
                          self.speech_player, parent=window)
        self.readout = readout
        window.set_announcer(readout.announce)
        # Read-out says the display pages, so it follows a paged cue page by page.
        from player.cues import PagesForReadOut

        feed = PagesForReadOut(readout.set_cues, readout.extend_cues)
        window.cues.pages_changed.connect(feed)
        if window.cues.pages:  # an episode already playing
            feed(window.cues.pages)
        self.family = FamilyController(window, settings)
        self.rest = RestReminder(self.engine, self.session, settings, parent=window)
        RestPrompt(window, self.rest, parent=window)
        from player.pace.monitor import PacingMonitor
        from player.pace.reactions import PaceReactions

        self.pacing = PacingMonitor(settings, self.paths.data_dir / "pacing.sqlite3",
                                    self.events, parent=window)
        self.pace = PaceReactions(window, self.pacing, settings, self.session, self.engine,
                                  self.volume, self.events, self.calming, parent=window)
        window.series_screen.page_shown.connect(self.pace.badges.request_page)
        self.pace.badges.changed.connect(window.series_screen.set_pace)
        self.pace.during.hint_changed.connect(window.playing.show_pace_hint)
        if self.calming is not None:
            self.calming.use_analysis(self.pacing.result)
            self.pacing.analysed.connect(self.calming.use_result)
        from player.cast.receiver import CastReceiver

        self.cast = CastReceiver(window, settings, self.events, forced=self.cast_forced,
                                 pacing=self.pacing, cache_dir=self.paths.cache_dir / "cast",
                                 parent=window)
        from player.cast.resume import CastProgressStore, CastShelf

        self.cast_shelf = CastShelf(window, settings, self.events, CastProgressStore(
            self.paths.data_dir / "cast-progress.sqlite3"), parent=window)
        from player.degraded import report_memory_stores

        report_memory_stores(self)  # a read-only config folder: said once
        from player.ui.resume_start import ResumeOnStart

        self.resume = ResumeOnStart(window, settings, parent=window)  # 开机直接续播
        self.resume.arm()

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.cast is not None:
            self.cast.shutdown()  # phones are told goodbye (ssdp:byebye)
        self.session.stop()
        self.window.close()
        for part in (self.readout, self.speech_player, self.synthesizer, self.pacing,
                     self.calming):
            if part is not None:
                part.shutdown()
        self.engine.shutdown()
        self.progress.close()
        if self.cast_shelf is not None:
            self.cast_shelf.close()


def assemble(paths: AppPaths, events: EventLog, settings: Settings | None = None,
             engine: PlaybackEngine | None = None, *, defer: bool = False,
             cast: bool = False, shelf: LibraryShelf | None = None) -> Assembly:
    """The app's parts, wired. With ``defer`` the secondary parts wait for ``finish()``."""
    settings = settings or Settings(paths.settings_file)
    # The word segmenter for subtitle line breaks starts in its own process meanwhile; the
    # GUI thread never waits for it.
    from accessibility.subtitles import words

    words.keep_main_thread_free()
    words.warm_up(paths.cache_dir / "jieba")
    settings.changed.connect(lambda key, value: events.log(
        "setting_changed", key=key, value=None if OPTIONS_BY_KEY[key].secret else value))
    engine = engine or VlcEngine()
    volume = VolumeControl(engine, settings.get("playback.volume"),
                           settings.get("sound.max_volume"))
    settings.on_change("playback.volume", lambda level: volume.set_user(int(level)))
    settings.on_change("sound.max_volume", lambda level: volume.set_maximum(int(level)))
    progress = ProgressStore(paths.progress_db)
    session = PlaybackSession(engine, settings, events, progress)
    window = MainWindow(settings, engine, events, session, volume, progress=progress,
                        cache_dir=paths.cache_dir / "covers", shelf=shelf)
    parts = Assembly(settings, engine, volume, progress, session, window, events, paths,
                     cast_forced=cast)
    if not defer:
        parts.finish()
    return parts
