"""Calm pacing (剪辑节奏提示): cuts, flashes and loudness jumps of an episode, and its level.

``analyse_file`` measures one episode in one decode pass; ``AnalysisService`` runs it in a
low-priority worker process with a cache, so playback never waits for it.
"""

from accessibility.pacing.analyse import analyse_file
from accessibility.pacing.cache import PacingCache, file_fingerprint
from accessibility.pacing.measure import BandTap, PacingError, PacingMeasurements, measure_file
from accessibility.pacing.result import (
    LEVEL_NAMES_ZH,
    Burst,
    FlashSpan,
    Level,
    LoudnessJump,
    PacingResult,
)
from accessibility.pacing.service import AnalysisService
from accessibility.pacing.summary import summarise
from accessibility.pacing.thresholds import PacingThresholds

__all__ = [
    "LEVEL_NAMES_ZH",
    "AnalysisService",
    "BandTap",
    "Burst",
    "FlashSpan",
    "Level",
    "LoudnessJump",
    "PacingCache",
    "PacingError",
    "PacingMeasurements",
    "PacingResult",
    "PacingThresholds",
    "analyse_file",
    "file_fingerprint",
    "measure_file",
    "summarise",
]
