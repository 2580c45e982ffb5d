"""Calm the picture while it plays: the player side of ``accessibility.calm``.

``PictureCalming`` installs a ``PictureCalmer`` as the engine's frame filter (it runs on the
video output thread, on every picture, before Qt paints it), keeps its options in step with
the family's settings, gives it the analysis' flash periods, cut times and bursts of the
episode playing, and the media clock so it knows where in the episode a picture is. It logs
what it did (``flash_dimmed``, ``picture_calmed``) and remembers which episodes it calmed, so
the badge and the pacing notice can say 已减弱闪烁 / 已柔化转场.

Only the picture is touched: subtitles, notices and all the app's text are separate widgets.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from accessibility.calm import CalmOptions, CalmPlan, PictureCalmer
from accessibility.pacing.result import PacingResult
from player.config.store import Settings
from player.engine.base import PlaybackEngine, PlaybackState
from player.eventlog import EventLog
from player.session import PlaybackSession

# The settings that shape the calming (badges name it too, so they follow these keys).
PICTURE_KEYS = ("picture.dim_flashes", "picture.soften_cuts", "picture.soften_ms",
                "picture.soften_where", "picture.slow_bursts", "picture.burst_rate")
SLOW_LEAD_S = 0.5  # the rate eases down this long before a burst the analysis knows


def options_from(settings: Settings) -> CalmOptions:
    return CalmOptions(
        dim_flashes=bool(settings.get("picture.dim_flashes")),
        soften_cuts=bool(settings.get("picture.soften_cuts")),
        soften_ms=int(settings.get("picture.soften_ms")),
        soften_in_bursts_only=settings.get("picture.soften_where") == "bursts",
    )


def plan_from(result: PacingResult | None) -> CalmPlan:
    if result is None:
        return CalmPlan()
    return CalmPlan(flashes=tuple((f.start_s, f.end_s) for f in result.flashes),
                    cuts=tuple(result.cuts),
                    bursts=tuple((b.start_s, b.end_s) for b in result.bursts))


def will_calm(options: CalmOptions, result: PacingResult | None) -> tuple[bool, bool]:
    """(flashes dimmed, cuts softened) that the analysis says this episode will get."""
    if result is None:
        return False, False
    dims = options.dim_flashes and bool(result.flashes)
    cuts = result.bursts if options.soften_in_bursts_only else result.cuts
    return dims, options.soften_cuts and bool(cuts)


def slow_rate(settings: Settings) -> float | None:
    """The playback rate for bursts of rapid cuts, or None when they play at normal speed."""
    if not settings.get("picture.slow_bursts"):
        return None
    return int(settings.get("picture.burst_rate")) / 100.0


def will_slow(settings: Settings, result: PacingResult | None) -> bool:
    return slow_rate(settings) is not None and result is not None and bool(result.bursts)


def calm_words(dimmed: bool, softened: bool, slowed: bool = False) -> str | None:
    """The words on the badge and in the notice: 已减弱闪烁 / 已柔化转场 / 已放慢快速镜头."""
    words = []
    if dimmed:
        words.append(QCoreApplication.translate("Calm", "已减弱闪烁"))
    if softened:
        words.append(QCoreApplication.translate("Calm", "已柔化转场"))
    if slowed:
        words.append(QCoreApplication.translate("Calm", "已放慢快速镜头"))
    return QCoreApplication.translate("Calm", "，").join(words) if words else None


class PictureCalming(QObject):
    def __init__(self, engine: PlaybackEngine, settings: Settings, session: PlaybackSession,
                 events: EventLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._settings = settings
        self._session = session
        self._events = events
        self.calmer = PictureCalmer(options_from(settings))
        self._location: str | None = None
        self._onsets = 0
        self._softened = 0
        self._calmed: dict[str, tuple[bool, bool]] = {}
        self._slowed: set[str] = set()  # episodes whose bursts played slower
        self._bursts: tuple[tuple[float, float], ...] = ()
        self._slowing = False  # the engine's rate is ours (a burst), not the normal one
        self._lookup: Callable[[str], PacingResult | None] = lambda _location: None
        engine.set_frame_filter(self.calmer.process)
        if session.episode is not None:  # built while an episode already plays
            self._location = session.episode.location
        settings.on_change(PICTURE_KEYS, self._on_options_changed)
        session.episode_started.connect(self._on_episode_started)
        engine.position_changed.connect(self._on_position)
        engine.state_changed.connect(self._on_state)
        engine.ended.connect(self._report)

    # --- what the badge and the notice say ----------------------------------------------------
    def words_for(self, location: str, result: PacingResult | None) -> str | None:
        """已减弱闪烁 / 已柔化转场 for an episode the analysis says will be calmed, or that
        was calmed while it played (streams and never-analysed files included)."""
        dims, cuts = will_calm(self.calmer.options, result)
        live_dims, live_cuts = self._calmed.get(location, (False, False))
        slowed = will_slow(self._settings, result) or location in self._slowed
        return calm_words(dims or live_dims, cuts or live_cuts, slowed)

    def calmed(self, location: str) -> tuple[bool, bool]:
        return self._calmed.get(location, (False, False))

    # --- the analysis ---------------------------------------------------------------------------
    def use_analysis(self, lookup: Callable[[str], PacingResult | None]) -> None:
        """Where to find an episode's analysis (``PacingMonitor.result``); feed later results
        to ``use_result``."""
        self._lookup = lookup
        if self._location is not None:
            self.use_result(self._location, lookup(self._location))

    def use_result(self, location: str, result: PacingResult | None) -> None:
        if location == self._location:
            plan = plan_from(result)
            self.calmer.set_plan(plan)
            self._bursts = plan.bursts

    # --- playback -------------------------------------------------------------------------------
    def _on_options_changed(self, _value: object) -> None:
        self.calmer.set_options(options_from(self._settings))
        self._pace(self._engine.position())

    def _on_episode_started(self, series: object, index: int) -> None:
        self._report()
        self._normal_speed()
        episode = self._session.episode
        self._location = episode.location if episode is not None else None
        self.calmer.restart()
        self._onsets = self._softened = 0
        self._bursts = ()
        if self._location is not None:
            plan = plan_from(self._lookup(self._location))
            self.calmer.set_plan(plan)
            self._bursts = plan.bursts

    def _on_position(self, position_ms: int) -> None:
        playing = self._engine.state() is PlaybackState.PLAYING
        self._pace(position_ms)
        self.calmer.set_clock(position_ms / 1000.0, time.monotonic(), playing,
                              self._engine.rate())
        stats = self.calmer.stats
        if stats.dimming_onsets > self._onsets:
            self._onsets = stats.dimming_onsets
            self._events.log("flash_dimmed", position_ms=position_ms,
                             strength=round(stats.peak_strength, 2))
            self._remember(dimmed=True)
        if stats.cuts_softened > self._softened:
            self._softened = stats.cuts_softened
            self._remember(softened=True)

    def _on_state(self, state: object) -> None:
        if state is PlaybackState.PAUSED:
            self.calmer.set_clock(self._engine.position() / 1000.0, time.monotonic(), False)
        elif state in (PlaybackState.STOPPED, PlaybackState.ERROR):
            self._report()

    # --- bursts of rapid cuts, a little slower (the pitch kept: libVLC's time-stretch) -------
    def _pace(self, position_ms: int) -> None:
        """Slow the engine down inside (and just before) a burst the analysis found; back to
        normal speed after it, when the family turns it off, or for another episode."""
        rate = slow_rate(self._settings)
        t = position_ms / 1000.0
        inside = rate is not None and any(start - SLOW_LEAD_S <= t < end
                                          for start, end in self._bursts)
        if inside and rate is not None:
            if not self._slowing or abs(self._engine.rate() - rate) > 1e-3:
                self._engine.set_rate(rate)
                if not self._slowing:
                    self._events.log("burst_slowed", position_ms=position_ms, rate=rate)
                self._slowing = True
                if self._location is not None:
                    self._slowed.add(self._location)
        else:
            self._normal_speed()

    def _normal_speed(self) -> None:
        if self._slowing:
            self._slowing = False
            self._engine.set_rate(1.0)

    def _remember(self, dimmed: bool = False, softened: bool = False) -> None:
        if self._location is None:
            return
        old = self._calmed.get(self._location, (False, False))
        self._calmed[self._location] = (old[0] or dimmed, old[1] or softened)

    def _report(self) -> None:
        """Once per episode (at its end, when it stops or another starts): what was calmed;
        nothing is logged for an untouched episode."""
        stats = self.calmer.stats
        if self._location is None or (stats.dimmed_frames == 0 and stats.cuts_softened == 0):
            return
        self._events.log("picture_calmed", location=self._location,
                         dimmed_frames=stats.dimmed_frames, dimming_onsets=stats.dimming_onsets,
                         cuts_softened=stats.cuts_softened, frames=stats.frames,
                         peak_risk=round(stats.peak_risk, 1))
        self._onsets = self._softened = 0
        stats.dimmed_frames = stats.cuts_softened = stats.dimming_onsets = 0

    def shutdown(self) -> None:
        self._report()
        self._normal_speed()
        self._engine.set_frame_filter(None)
