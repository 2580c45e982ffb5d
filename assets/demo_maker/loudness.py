"""Loudness as ffmpeg's ebur128 filter (ITU-R BS.1770 / EBU R128) measures it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from demo_maker.tools import DemoBuildError, ffmpeg

_FRAME = re.compile(r"t:\s*([-\d.]+)\s+TARGET:.*?\sM:\s*([-\d.]+)")
_INTEGRATED = re.compile(r"Integrated loudness:\s+I:\s+([-\d.]+) LUFS")
_RANGE = re.compile(r"Loudness range:\s+LRA:\s+([-\d.]+) LU")
_PEAK = re.compile(r"True peak:\s+Peak:\s+([-\d.inf]+) dBFS")


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    range_lu: float
    true_peak_dbtp: float
    momentary: tuple[tuple[float, float], ...]  # (end of the 400 ms window in s, LUFS)

    def max_momentary(self, start_s: float, end_s: float) -> float:
        return max(m for t, m in self.momentary if start_s <= t <= end_s)


def measure(path: Path) -> Loudness:
    """Measure the first audio stream of ``path``."""
    log = ffmpeg(
        "-i", path, "-map", "0:a:0",
        "-filter:a", "ebur128=peak=true:framelog=info", "-f", "null", "-",
    )  # fmt: skip
    integrated, lra, peak = (pattern.search(log) for pattern in (_INTEGRATED, _RANGE, _PEAK))
    if integrated is None or lra is None or peak is None:
        raise DemoBuildError(f"ebur128 gave no summary for {path.name}")
    frames = tuple((float(t), float(m)) for t, m in _FRAME.findall(log))
    return Loudness(
        integrated_lufs=float(integrated.group(1)),
        range_lu=float(lra.group(1)),
        true_peak_dbtp=float(peak.group(1)),
        momentary=frames,
    )
