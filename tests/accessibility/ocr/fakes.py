"""Synthetic subtitle bands and a recogniser that reads them, for tracker and layout tests.

A "line" is a row of outlined bars (bright strokes with a dark edge on both sides, like
burned-in type); the fake recogniser finds the bars and reads a text chosen by how many
there are, so a test decides what each line "says".
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from accessibility.ocr.recognizer import Box

BAND_H, BAND_W = 120, 720  # as wide as a 720×1280 episode's band: the mask halves it
TEXT_TOP, BAR_H, BAR_W, STEP, OUTLINE = 40, 30, 4, 16, 3


def background(seed: int, moving: bool = True) -> np.ndarray:
    """Mid-grey textured picture, different every frame when ``moving``."""
    rng = np.random.default_rng(seed if moving else 0)
    coarse = rng.normal(110, 25, (BAND_H // 8 + 1, BAND_W // 8 + 1)).clip(40, 160)
    return np.kron(coarse, np.ones((8, 8)))[:BAND_H, :BAND_W].astype(np.uint8)


def draw_bars(band: np.ndarray, count: int, top: int = TEXT_TOP) -> np.ndarray:
    """Draw ``count`` outlined bars, centred, like a line of ``count`` characters."""
    out = band.copy()
    left = (BAND_W - count * STEP) // 2
    for i in range(count):
        x = left + i * STEP
        out[top - OUTLINE:top + BAR_H + OUTLINE, x - OUTLINE:x + BAR_W + OUTLINE] = 20
        out[top:top + BAR_H, x:x + BAR_W] = 235
    return out


class BarRecognizer:
    """Reads a line of ``n`` bars as the next of ``texts[n]`` (in turn, to make wobbles)."""

    def __init__(self, texts: dict[int, list[str]]) -> None:
        self.texts = texts
        self.reads: Counter[int] = Counter()
        self.detections = 0

    def detect(self, picture: np.ndarray) -> list[Box]:
        """One box round each run of rows holding bright bars."""
        self.detections += 1
        bright = picture >= 230
        rows = np.flatnonzero(bright.any(axis=1))
        boxes = []
        for run in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []:
            xs = np.flatnonzero(bright[run[0]:run[-1] + 1].any(axis=0))
            boxes.append((max(0, int(xs[0]) - 6), max(0, int(run[0]) - 6),
                          min(picture.shape[1], int(xs[-1]) + 7),
                          min(picture.shape[0], int(run[-1]) + 7)))
        return boxes

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        row = line[line.shape[0] // 2] >= 230
        bars = int(np.count_nonzero(row[1:] & ~row[:-1]) + (1 if row[0] else 0))
        readings = self.texts.get(bars)
        if not readings:
            return "", 0.0
        text = readings[self.reads[bars] % len(readings)]
        self.reads[bars] += 1
        return text, 0.95
