"""While an episode plays: even loudness, softer sudden bangs and a gentle sign before bursts.

The episode's analysis sets a volume factor that brings it to the family's target loudness,
lowers the volume briefly around each sudden jump, and raises ``hint_changed`` with a calm
sentence a few seconds before rapid cuts or flashes (the window shows it beside the picture).
When an episode starts, the analysis of it and of the next few is asked for first.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, Signal

from accessibility.pacing import PacingResult
from player.config.store import Settings
from player.engine.base import PlaybackEngine
from player.engine.volume import VolumeControl
from player.library.model import Series
from player.pace.monitor import PacingMonitor
from player.session import PlaybackSession

# The gentle sign appears this long before a burst or flash sequence.
HINT_AHEAD_S = 3.0
# Softening: lowered this long before a loud jump, restored this long after it.
SOFTEN_BEFORE_S = 0.3
SOFTEN_AFTER_S = 1.5
# How much of a jump is left after softening (a startle becomes a noticeable rise).
SOFTEN_KEEP_LU = 4.0


def leveling_factor(integrated_lufs: float | None, target_lufs: float) -> float:
    """Volume factor that brings an episode to the target loudness (never louder than 1)."""
    if integrated_lufs is None or not math.isfinite(integrated_lufs):
        return 1.0
    return min(1.0, 10 ** ((target_lufs - integrated_lufs) / 20))


def softening_factor(rise_lu: float) -> float:
    return max(0.2, min(1.0, 10 ** (-(rise_lu - SOFTEN_KEEP_LU) / 20)))


class PaceDuringEpisode(QObject):
    hint_changed = Signal(object)  # the gentle sign's text, or None for no sign

    def __init__(self, monitor: PacingMonitor, settings: Settings, session: PlaybackSession,
                 engine: PlaybackEngine, volume: VolumeControl,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._settings = settings
        self._session = session
        self._volume = volume
        self._current: PacingResult | None = None
        monitor.analysed.connect(self._on_analysed)
        session.episode_started.connect(self._on_episode_started)
        engine.position_changed.connect(self._on_position)
        settings.on_change("sound.dialogue_clarity",
                           lambda on: engine.set_dialogue_clarity(bool(on)))
        settings.on_change(("sound.leveling", "sound.target_lufs"),
                           lambda _value: self._apply_leveling())
        settings.on_change("sound.soften_jumps", self._on_soften_jumps)
        engine.set_dialogue_clarity(bool(settings.get("sound.dialogue_clarity")))

    def _on_analysed(self, location: str, result: PacingResult | None) -> None:
        playing = self._session.episode
        if playing is not None and playing.location == location:
            self._current = result
            self._apply_leveling()

    def _on_episode_started(self, series: Series, index: int) -> None:
        self._current = self._monitor.result(series.episodes[index].location)
        self._volume.set_factor("soften", 1.0)
        self.hint_changed.emit(None)
        self._apply_leveling()
        self._monitor.schedule(series.episodes[index], list(series.episodes[index + 1:index + 4]))

    def _apply_leveling(self) -> None:
        result = self._current
        on = bool(self._settings.get("sound.leveling"))
        factor = leveling_factor(result.integrated_lufs if result else None,
                                 float(self._settings.get("sound.target_lufs"))) if on else 1.0
        self._volume.set_factor("level", factor)

    def _on_soften_jumps(self, on: object) -> None:
        if not on:
            self._volume.set_factor("soften", 1.0)

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
        self.hint_changed.emit(text)
