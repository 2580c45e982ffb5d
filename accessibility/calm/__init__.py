"""Calm the picture as it plays: flashes dimmed, hard cuts cross-faded.

See docs/adr/009-calm-picture.md.
"""

from accessibility.calm.apple_risk import FlashRisk, ViewingConditions, mitigation_curve
from accessibility.calm.calmer import CalmOptions, CalmPlan, CalmStats, PictureCalmer, grid_of

__all__ = [
    "CalmOptions",
    "CalmPlan",
    "CalmStats",
    "FlashRisk",
    "PictureCalmer",
    "ViewingConditions",
    "grid_of",
    "mitigation_curve",
]
