"""Calm pacing in the app: analyse episodes in the background and act as the family chose.

The same background pass reads burned-in subtitles off the picture; they reach the cue
pipeline here when an episode has no subtitle file or track of its own.

``PacingMonitor`` owns the analysis service (a low-priority worker process) and remembers each
episode's result. ``PacingController`` turns results into what the viewer sees and hears: a
badge on each episode, a spoken notice before an episode above the family's threshold, a
gentle sign before bursts and flashes, even loudness, softer sudden bangs, skipped episodes.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from accessibility.pacing import (
    AnalysisService,
    PacingCache,
    PacingResult,
    PacingThresholds,
)
from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import LEVEL_ORDER, Level
from accessibility.pacing.summary import summarise
from accessibility.subtitles.model import Cue
from player.calm import PictureCalming
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.volume import VolumeControl
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.locations import is_remote
from player.marshal import EventMarshal
from player.remote_sidecar import RemoteSidecars
from player.sidecar import sidecar_measurements

# The gentle sign appears this long before a burst or flash sequence.
HINT_AHEAD_S = 3.0
# Softening: lowered this long before a loud jump, restored this long after it.
SOFTEN_BEFORE_S = 0.3
SOFTEN_AFTER_S = 1.5
# How much of a jump is left after softening (a startle becomes a noticeable rise).
SOFTEN_KEEP_LU = 4.0


def thresholds_from(settings: Settings) -> PacingThresholds:
    return PacingThresholds(
        moderate_cuts_per_minute=float(settings.get("pacing.moderate_cpm")),
        fast_cuts_per_minute=float(settings.get("pacing.fast_cpm")),
        very_fast_cuts_per_minute=float(settings.get("pacing.very_fast_cpm")),
    )


def at_or_above(level: Level | None, threshold: str) -> bool:
    """Whether ``level`` reaches the family's choice (``"never"`` never does)."""
    if level is None or threshold == "never":
        return False
    return LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(Level(threshold))


def leveling_factor(integrated_lufs: float | None, target_lufs: float) -> float:
    """Volume factor that brings an episode to the target loudness (never louder than 1)."""
    if integrated_lufs is None or not math.isfinite(integrated_lufs):
        return 1.0
    return min(1.0, 10 ** ((target_lufs - integrated_lufs) / 20))


def softening_factor(rise_lu: float) -> float:
    return max(0.2, min(1.0, 10 ** (-(rise_lu - SOFTEN_KEEP_LU) / 20)))


def picture_cues_of(raw: tuple[tuple[int, int, str, float], ...]) -> tuple[Cue, ...]:
    return tuple(Cue(start, end, text) for start, end, text, _confidence in raw)


class PacingMonitor(QObject):
    """Results arrive as ``analysed(location, result_or_None)`` on the GUI thread; subtitles
    read off the picture as ``picture_cues_changed(location)``, a few at a time while the
    analysis runs, so an episode can use them long before its analysis ends."""

    analysed = Signal(str, object)
    picture_cues_changed = Signal(str)

    def __init__(self, settings: Settings, cache_path: Path, events: EventLog,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._events = events
        self._results: dict[str, PacingResult | None] = {}
        self._picture: dict[str, tuple[Cue, ...]] = {}
        self._aliases: dict[str, str] = {}  # local copy -> the address it was copied from
        self._marshal = EventMarshal(self)
        self.cache = PacingCache(cache_path)
        self._service = AnalysisService(self._from_service_thread,
                                        cache=self.cache,
                                        thresholds=thresholds_from(settings),
                                        on_cues=self._cues_from_service_thread,
                                        shared=sidecar_measurements)
        # http(s) episodes are never decoded here; a sidecar beside them is used if current.
        self._remote = RemoteSidecars(self._from_remote_sidecar)
        self._remote_measured: dict[str, PacingMeasurements] = {}
        settings.changed.connect(self._on_setting)

    def result(self, location: str) -> PacingResult | None:
        return self._results.get(location)

    def known(self, location: str) -> bool:
        return location in self._results

    def picture_cues(self, location: str) -> tuple[Cue, ...]:
        return self._picture.get(location, ())

    def level(self, location: str) -> Level | None:
        result = self._results.get(location)
        return result.level if result is not None else None

    def schedule(self, current: Episode | None, upcoming: list[Episode]) -> None:
        """The episode about to play first, then the next ones (local files analysed, http(s)
        ones looked up in their sidecars, docs/sidecar.md)."""
        local = [e.location for e in ([current] if current else []) + upcoming
                 if not is_remote(e.location)]
        for episode in ([current] if current else []) + upcoming:
            if is_remote(episode.location) and episode.location not in self._results:
                self._remote.request(episode.location)
        if local:
            self._service.schedule(local[0], local[1:])

    def request(self, location: str, priority: int) -> None:
        self._service.request(location, priority=priority)

    def request_series(self, series: Series, after: int = 100) -> None:
        """Every episode of a series, behind whatever is already queued (for the badges)."""
        for offset, episode in enumerate(series.episodes):
            if episode.location in self._results:
                continue
            if is_remote(episode.location):
                self._remote.request(episode.location)
            else:
                self._service.request(episode.location, priority=after + offset)

    @property
    def worker_pid(self) -> int | None:
        return self._service.worker_pid

    def shutdown(self) -> None:
        self._service.shutdown()
        self._remote.shutdown()

    def _from_remote_sidecar(self, url: str, measurements: PacingMeasurements) -> None:
        self._remote_measured[url] = measurements
        result = summarise(measurements, thresholds_from(self._settings))
        self._marshal.post(self._deliver, url, result)

    def _from_service_thread(self, path: Path, result: PacingResult | None) -> None:
        self._marshal.post(self._deliver, str(path), result)

    def _cues_from_service_thread(self, path: Path,
                                  cues: tuple[tuple[int, int, str, float], ...]) -> None:
        self._marshal.post(self._deliver_cues, str(path), picture_cues_of(cues))

    def _deliver_cues(self, location: str, cues: tuple[Cue, ...]) -> None:
        if len(cues) > len(self._picture.get(location, ())):
            self._picture[location] = cues
            self.picture_cues_changed.emit(location)
        if location in self._aliases:
            self._deliver_cues(self._aliases[location], cues)

    def _deliver(self, location: str, result: PacingResult | None) -> None:
        self._results[location] = result
        if result is not None and result.picture_cues:
            self._picture[location] = picture_cues_of(result.picture_cues)
            self.picture_cues_changed.emit(location)
        self._events.log("pacing_analysed", location=location,
                         level=result.level.value if result and result.level else None)
        self.analysed.emit(location, result)
        if location in self._aliases:
            self._deliver(self._aliases.pop(location), result)

    def analyse_copy(self, location: str, copy: str) -> None:
        """Analyse the local file ``copy`` first and deliver what it finds as ``location``
        (a cast: it plays from its address while a downloaded copy is analysed)."""
        self._aliases[copy] = location
        self._service.schedule(copy)

    def stream_cues(self, location: str, cues: tuple[tuple[int, int, str, float], ...]) -> None:
        """From any thread: lines read off a stream as it plays (player/cast/stream_analysis.py)."""
        self._marshal.post(self._deliver_cues, location, picture_cues_of(cues))

    def stream_measured(self, location: str, measurements: PacingMeasurements) -> None:
        """From any thread: a stream read to its end, summarised and delivered like a file's."""
        self._marshal.post(lambda: self._deliver(
            location, summarise(measurements, thresholds_from(self._settings))))

    def _on_setting(self, key: str, _value: object) -> None:
        if key.endswith("_cpm"):
            self._service.set_thresholds(thresholds_from(self._settings))
            known = list(self._results)
            self._results.clear()
            for priority, location in enumerate(known):  # cached: re-summarised, not decoded
                if location in self._remote_measured:
                    self._from_remote_sidecar(location, self._remote_measured[location])
                else:
                    self._service.request(location, priority=priority)


# Passed as the gate's ``play`` argument when an episode ended and the next one is about to
# start by itself: the notice then names it as the next episode.
_AT_END = object()

def _level_word(level: Level) -> str:
    words = {
        Level.CALM: QCoreApplication.translate("Pacing", "平缓"),
        Level.MODERATE: QCoreApplication.translate("Pacing", "适中"),
        Level.FAST: QCoreApplication.translate("Pacing", "较快"),
        Level.VERY_FAST: QCoreApplication.translate("Pacing", "很快"),
    }
    return words[level]


class PacingController(QObject):
    """What the family chose to happen, episode by episode."""

    def __init__(self, window: object, monitor: PacingMonitor, settings: Settings,
                 engine: PlaybackEngine, volume: VolumeControl, events: EventLog,
                 parent: QObject | None = None, calming: PictureCalming | None = None) -> None:
        super().__init__(parent)
        from player.ui.mainwindow import MainWindow

        assert isinstance(window, MainWindow)
        self._window = window
        self._monitor = monitor
        self._settings = settings
        self._engine = engine
        self._volume = volume
        self._events = events
        self._session = window.session
        self._calming = calming
        self._current: PacingResult | None = None
        monitor.analysed.connect(self._on_analysed)
        monitor.picture_cues_changed.connect(self._on_picture_cues)
        window.cues_ready.connect(self._on_cues_ready)
        self._picture_wanted: str | None = None  # an episode with no subtitles of its own
        self._index_of: dict[str, int] = {}  # the opened series' episodes by location
        window.series_opened.connect(self._on_series_opened)
        window.series_screen.page_shown.connect(self._request_page)
        window.set_play_gate(self._gate)
        self._session.episode_started.connect(self._on_episode_started)
        # The next episode passes the same gate as one the viewer chose.
        self._session.add_auto_next_guard(
            lambda series, index: self._gate(series, index, 0, _AT_END))
        engine.position_changed.connect(self._on_position)
        settings.changed.connect(self._on_setting)
        engine.set_dialogue_clarity(bool(settings.get("sound.dialogue_clarity")))

    # --- badges ------------------------------------------------------------------------------
    def _on_series_opened(self, series: Series) -> None:
        # A dict, not a scan per result: with 50,000 episodes a scan per analysed episode
        # froze the window for minutes.
        self._index_of = {e.location: i for i, e in enumerate(series.episodes)}
        for index, episode in enumerate(series.episodes):
            result = self._monitor.result(episode.location)
            if result is not None:
                self._badge(series, index, result)

    def _request_page(self, locations: list[str]) -> None:
        """Analyse the episodes whose tiles are on screen (for their badges), behind whatever
        is queued; the rest of a long series waits until its page is shown."""
        for offset, location in enumerate(locations):
            if not is_remote(location) and not self._monitor.known(location):
                self._monitor.request(location, priority=100 + offset)

    def _badge(self, series: Series, index: int, result: PacingResult | None) -> None:
        screen = self._window.series_screen
        if screen.series is not series:
            return
        show = bool(self._settings.get("pacing.badge")) and result is not None \
            and result.level is not None
        level = result.level if show and result is not None else None
        word = _level_word(level) if level else None
        calm = self._calm_words(series.episodes[index].location, result) \
            if self._settings.get("pacing.badge") else None
        if calm:
            word = f"{word}\n{calm}" if word else calm
        screen.set_pace(index, word, level.value if level else None)

    def _calm_words(self, location: str, result: PacingResult | None) -> str | None:
        """已减弱闪烁 / 已柔化转场 when the picture is (or was) calmed for this episode."""
        return self._calming.words_for(location, result) if self._calming else None

    def _on_analysed(self, location: str, result: PacingResult | None) -> None:
        series = self._window.series_screen.series
        index = self._index_of.get(location)
        if series is not None and index is not None:
            self._badge(series, index, result)
        playing = self._session.episode
        if playing is not None and playing.location == location:
            self._current = result
            self._apply_leveling()

    # --- before an episode ---------------------------------------------------------------------
    def _gate(self, series: Series, index: int, start_ms: int, play: object) -> bool:
        """Decide before ``series.episodes[index]`` plays; True means the gate took over."""
        level = self._monitor.level(series.episodes[index].location)
        if at_or_above(level, str(self._settings.get("pacing.skip_from"))):
            self._skip(series, index)
            return True
        if at_or_above(level, str(self._settings.get("pacing.notice_from"))):
            self._notice(series, index, start_ms, level, at_end=play is _AT_END)
            return True
        return False

    def _calmer_after(self, series: Series, index: int) -> int | None:
        """The next episode after ``index`` that would get no notice (for 换一集)."""
        threshold = str(self._settings.get("pacing.notice_from"))
        for following in range(index + 1, len(series.episodes)):
            if not at_or_above(self._monitor.level(series.episodes[following].location),
                               threshold):
                return following
        return None

    def _skip(self, series: Series, index: int) -> None:
        number = series.episodes[index].number
        self._events.log("pacing_skipped", episode=number)
        text = QCoreApplication.translate("Pacing", "第 %1 集画面切换太快，已跳过。")
        text = text.replace("%1", str(number))
        following = index + 1
        while following < len(series.episodes) and at_or_above(
                self._monitor.level(series.episodes[following].location),
                str(self._settings.get("pacing.skip_from"))):
            following += 1
        if following < len(series.episodes):
            self._window.start_playing(series, following, gated=False)
        else:
            self._window.leave_playing()
        self._window.show_message(text, 4.0)

    def _notice(self, series: Series, index: int, start_ms: int, level: Level | None,
                at_end: bool = False) -> None:
        """Name the episode meant, offer a calmer one by its number, and when nobody answers
        in the family's time, do what the family chose (default: play it)."""
        word = _level_word(level) if level else ""
        number = str(series.episodes[index].number)
        if at_end:  # the old episode has just ended: say it is about the next one
            question = QCoreApplication.translate("Pacing", "下一集（第 %1 集）画面切换%2。")
        else:
            question = QCoreApplication.translate("Pacing", "第 %1 集画面切换%2。")
        question = question.replace("%1", number).replace("%2", word)
        location = series.episodes[index].location
        calm = self._calm_words(location, self._monitor.result(location))
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
                         level=level.value if level else None, at_end=at_end,
                         other=series.episodes[calmer].number if calmer is not None else None)

        def answer(choice: int) -> None:
            timer.stop()
            if choice == 0:
                self._window.start_playing(series, index, start_ms, gated=False)
            elif calmer is not None:
                # Calm by the family's measure: no second notice can follow this choice.
                self._window.start_playing(series, calmer, gated=False)
            else:
                self._window.leave_playing()

        answers = (QCoreApplication.translate("Pacing", "继续看"), other)
        overlay = self._window.ask(question, answers, answer, opaque=True)
        timer = QTimer(overlay)
        timer.setSingleShot(True)

        def no_answer() -> None:
            if not overlay.isVisible() or not self._window.isVisible():
                return  # answered meanwhile, or the window has closed: nothing to do
            choice = {"play": 0, "other": 1, "back": 1 if calmer is None else -1}.get(fallback, 0)
            self._events.log("pacing_notice_timeout", episode=series.episodes[index].number,
                             then=fallback)
            if choice == -1:  # back to the series although a calmer episode exists
                overlay.chosen.disconnect()
                self._window.close_overlay()
                self._window.leave_playing()
                return
            overlay.chosen.emit(choice)

        timer.timeout.connect(no_answer)
        if wait_s > 0:
            timer.start(wait_s * 1000)

    # --- subtitles read off the picture ---------------------------------------------------------
    def _on_cues_ready(self, load: object) -> None:
        # A subtitle file or track beside the episode wins; only without one are picture cues used.
        self._picture_wanted = load.location if load.track is None else None  # type: ignore[attr-defined]
        if self._picture_wanted is not None:
            self._on_picture_cues(self._picture_wanted)

    def _on_picture_cues(self, location: str) -> None:
        episode = self._session.episode
        if location != self._picture_wanted or episode is None or episode.location != location:
            return
        cues = self._monitor.picture_cues(location)
        if cues:
            self._events.log("picture_cues", location=location, cues=len(cues))
            self._window.use_picture_cues(cues)

    # --- during an episode ------------------------------------------------------------------------
    def _on_episode_started(self, series: Series, index: int) -> None:
        self._picture_wanted = None
        self._current = self._monitor.result(series.episodes[index].location)
        self._volume.set_factor("soften", 1.0)
        self._window.playing.show_pace_hint(None)
        self._apply_leveling()
        self._monitor.schedule(series.episodes[index], list(series.episodes[index + 1:index + 4]))

    def _apply_leveling(self) -> None:
        result = self._current
        on = bool(self._settings.get("sound.leveling"))
        factor = leveling_factor(result.integrated_lufs if result else None,
                                 float(self._settings.get("sound.target_lufs"))) if on else 1.0
        self._volume.set_factor("level", factor)

    def _on_position(self, position_ms: int) -> None:
        result = self._current
        if result is None:
            return
        t = position_ms / 1000
        self._update_softening(result, t)
        self._update_hint(result, t)

    def _update_softening(self, result: PacingResult, t: float) -> None:
        factor = 1.0
        if self._settings.get("sound.soften_jumps"):
            for jump in result.loudness_jumps:
                if jump.t_s - SOFTEN_BEFORE_S <= t <= jump.t_s + SOFTEN_AFTER_S:
                    factor = min(factor, softening_factor(jump.rise_lu))
        if factor != self._volume.factor("soften"):
            self._volume.set_factor("soften", factor)

    def _update_hint(self, result: PacingResult, t: float) -> None:
        text = None
        if self._settings.get("pacing.indicator"):
            for start, end in [(b.start_s, b.end_s) for b in result.bursts] + \
                    [(f.start_s, f.end_s) for f in result.flashes]:
                if start - HINT_AHEAD_S <= t <= end:
                    text = QCoreApplication.translate("Pacing", "前面画面切换很快，请放松观看")
                    break
        self._window.playing.show_pace_hint(text)

    def _on_setting(self, key: str, value: object) -> None:
        if key == "sound.dialogue_clarity":
            self._engine.set_dialogue_clarity(bool(value))
        elif key in ("sound.leveling", "sound.target_lufs"):
            self._apply_leveling()
        elif key == "sound.soften_jumps" and not value:
            self._volume.set_factor("soften", 1.0)
        elif key == "pacing.badge" or key.startswith("picture."):  # badges name the calming
            series = self._window.series_screen.series
            if series is not None:
                self._on_series_opened(series)
