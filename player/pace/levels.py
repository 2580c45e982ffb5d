"""The family's pacing choices as the app reads them: thresholds, levels and their words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from accessibility.pacing import PacingThresholds
from accessibility.pacing.result import LEVEL_ORDER, Level
from player.config.store import Settings

# The settings that set where each level begins (cuts per minute), as the declaration has them.
THRESHOLD_KEYS = ("pacing.moderate_cpm", "pacing.fast_cpm", "pacing.very_fast_cpm")


def thresholds_from(settings: Settings) -> PacingThresholds:
    moderate, fast, very_fast = (float(settings.get(key)) for key in THRESHOLD_KEYS)
    return PacingThresholds(
        moderate_cuts_per_minute=moderate,
        fast_cuts_per_minute=fast,
        very_fast_cuts_per_minute=very_fast,
    )


def at_or_above(level: Level | None, threshold: str) -> bool:
    """Whether ``level`` reaches the family's choice (``"never"`` never does)."""
    if level is None or threshold == "never":
        return False
    return LEVEL_ORDER.index(level) >= LEVEL_ORDER.index(Level(threshold))


def level_word(level: Level) -> str:
    words = {
        Level.CALM: QCoreApplication.translate("Pacing", "平缓"),
        Level.MODERATE: QCoreApplication.translate("Pacing", "适中"),
        Level.FAST: QCoreApplication.translate("Pacing", "较快"),
        Level.VERY_FAST: QCoreApplication.translate("Pacing", "很快"),
    }
    return words[level]
