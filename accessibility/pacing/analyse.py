"""The analyser's front door: one file in, one ``PacingResult`` out."""

from __future__ import annotations

from pathlib import Path

from accessibility.pacing.measure import BandTap, measure_file
from accessibility.pacing.result import PacingResult
from accessibility.pacing.summary import summarise
from accessibility.pacing.thresholds import PacingThresholds


def analyse_file(path: str | Path, thresholds: PacingThresholds | None = None,
                 band_tap: BandTap | None = None) -> PacingResult:
    """Decode ``path`` once and report its pacing.

    Pure: reads the file, touches nothing else. Raises ``PacingError`` for a file that cannot
    be analysed; callers that only want a level treat that as "no level".
    """
    return summarise(measure_file(path, band_tap=band_tap), thresholds)
