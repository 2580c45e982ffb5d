"""One place that decides the engine's volume.

Several things lower or raise the drama's sound at once: the viewer's own volume, the family's
maximum, loudness leveling, read-out ducking, softening before a sudden bang. Each sets its own
factor here; the engine gets ``min(user, maximum) × product(factors)``. Nobody else calls
``engine.set_volume``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Signal

from player.engine.base import PlaybackEngine


class VolumeControl(QObject):
    applied = Signal(int)  # the level the engine now has

    def __init__(self, engine: PlaybackEngine, user: int = 80, maximum: int = 100,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._user = user
        self._maximum = maximum
        self._factors: dict[str, float] = {}
        self._apply()

    @property
    def user(self) -> int:
        return self._user

    def set_user(self, level: int) -> None:
        self._user = min(100, max(0, int(level)))
        self._apply()

    def set_maximum(self, level: int) -> None:
        self._maximum = min(100, max(0, int(level)))
        self._apply()

    def set_factor(self, name: str, factor: float) -> None:
        """Set (or with 1.0, clear) a named factor, e.g. ``"duck"`` or ``"soften"``."""
        if math.isclose(factor, 1.0):
            self._factors.pop(name, None)
        else:
            self._factors[name] = max(0.0, factor)
        self._apply()

    def factor(self, name: str) -> float:
        return self._factors.get(name, 1.0)

    def level(self) -> int:
        product = math.prod(self._factors.values()) if self._factors else 1.0
        return min(100, max(0, round(min(self._user, self._maximum) * product)))

    def _apply(self) -> None:
        level = self.level()
        self._engine.set_volume(level)
        self.applied.emit(level)
