"""Finding the lines of type in the band and cutting each out for the recogniser.

The cheap mask already knows which rows of the band hold still, text-like strokes: the
detector runs at full resolution on that strip only (a line of type and its margins, a
fifth of the band), which is as cheap as running it on the whole band at half size and far
surer — at half size, busy backgrounds hide whole lines from it. Only when the mask knows
no rows does the detector see the whole band, at half size.

The detector's boxes often stop short of a line's first or last character (a lone "一", a
"？"); widening them blindly pulls background into the cut-out, which the recogniser then
reads as stray marks. So a box is widened only over columns where the mask saw strokes.
Boxes on the same line are joined and the line is read as one piece, so a line the detector
splits into overlapping boxes is not read with a character twice.

Most readings need no detector at all: when the mask's strokes form one block of rows and
one run of columns (one line of type, nothing else of weight beside it), that block, with
margins of its own height, is cut out and recognised straight away; a reading sure of itself
(confidence ≥ 0.9) is kept. Two lines, strokes scattered in several places, or a doubtful
reading go to the detector as before. That halves the engine's runs for a line (a detection
costs about as much as a recognition) without changing what is read (ADR 004, 2026-11-30).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from accessibility.ocr.band import block_mean_and_min, text_rows
from accessibility.ocr.recognizer import Box, PlacingRecognizer, Recognizer, TextLine


@dataclass(frozen=True)
class LayoutParams:
    strip_margin: float = 0.6  # line heights of band kept above and below the text rows
    same_line_overlap: float = 0.5  # boxes overlapping this share of the lower one's height
    join_gap: float = 0.8  # strokes this many line heights beyond a box still belong to it
    pad: float = 0.25  # line heights of background left and right of a line's cut-out
    whole_band_reduce: int = 2
    # Reading a line straight from the mask, without the detector (``mask_line``):
    mask_line: bool = True
    mask_pad_v: float = 0.15  # line heights of band kept above and below the strokes
    mask_pad_h: float = 0.5  # ...and left and right of them
    column_gap: float = 1.5  # line heights of blank columns still inside one line
    minor_share: float = 0.1  # strokes outside the one block above this share: unsure
    sure_confidence: float = 0.9  # a reading from the mask below this goes to the detector
    # ...and so does one with two Chinese characters read this many times further apart
    # than the line's usual spacing: the recogniser sometimes drops a character (confidently).
    max_step_ratio: float = 1.5


@dataclass(frozen=True)
class Reading:
    lines: tuple[TextLine, ...]
    searched: tuple[int, int]  # band rows the detector saw (first, past-last)


def read_lines(recognizer: Recognizer, band: np.ndarray, text_mask: np.ndarray, reduce: int,
               params: LayoutParams | None = None) -> Reading:
    """Detect and read the lines of ``band``; ``text_mask`` is its still text-like pixels,
    reduced ``reduce`` times."""
    p = params or LayoutParams()
    height, width = band.shape[:2]
    rows = text_rows(text_mask)
    if rows is not None and p.mask_line:
        box = mask_line(text_mask, reduce, p, (width, height))
        if box is not None:
            left, top, right, bottom = box
            cut_out = band[top:bottom, left:right]
            if isinstance(recognizer, PlacingRecognizer):
                text, confidence, steps = recognizer.recognise_placed(cut_out)
            else:
                text, confidence = recognizer.recognise(cut_out)
                steps = ()
            if (text.strip() and confidence >= p.sure_confidence
                    and evenly_spaced(text, steps, p.max_step_ratio)):
                return Reading((TextLine(text, confidence, box),), (top, bottom))
    if rows is not None:
        first, last = rows[0] * reduce, rows[1] * reduce
        margin = p.strip_margin * max(8, last - first)
        top, bottom = max(0, int(first - margin)), min(height, int(last + margin))
        boxes = [(a, b + top, c, d + top) for a, b, c, d in _detect(recognizer, band[top:bottom])]
        searched = (top, bottom)
    else:
        searched = (0, height)
        sums, _ = block_mean_and_min(band, p.whole_band_reduce)
        small = (sums // (p.whole_band_reduce ** 2)).astype(np.uint8)
        f = p.whole_band_reduce
        boxes = [(a * f, b * f, min(width, c * f), min(height, d * f))
                 for a, b, c, d in _detect(recognizer, small)]
    lines = []
    for box in group_into_lines(boxes, p.same_line_overlap):
        left, top, right, bottom = widen(box, text_mask, reduce, p.join_gap)
        pad = int(p.pad * (bottom - top))
        left, right = max(0, left - pad), min(width, right + pad)
        if bottom - top < 8 or right - left < 8:
            continue
        text, confidence = recognizer.recognise(band[top:bottom, left:right])
        if text.strip():
            lines.append(TextLine(text, confidence, (left, top, right, bottom)))
    return Reading(tuple(lines), searched)


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def evenly_spaced(text: str, steps: Sequence[int], max_ratio: float) -> bool:
    """False when two neighbouring full-width characters (Chinese, full-width marks) of a
    reading sit more than ``max_ratio`` times the median such distance apart, the trace of a
    character the recogniser skipped. Chinese type is set on a fixed pitch, so the
    recogniser's steps between characters hardly vary (4–6 on a line read at 5); a skipped
    character leaves 9–11. Latin letters vary in width and are not compared. True when the
    steps are unknown or too few to judge."""
    if len(steps) != len(text):
        return True
    gaps = [b - a for i, (a, b) in enumerate(itertools.pairwise(steps))
            if _WIDE.match(text[i]) and _WIDE.match(text[i + 1])]
    if len(gaps) < 2:
        return True
    return max(gaps) <= max_ratio * statistics.median(gaps)


def _runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """(first, past-last) of each run of True in a 1-D bool array."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], flags.astype(np.int8), [0]))))
    return [(int(a), int(b)) for a, b in zip(edges[0::2], edges[1::2], strict=True)]


def _main_run(runs: list[tuple[int, int]], weights: list[int],
              minor_share: float) -> tuple[int, int] | None:
    """The run holding most of the weight, or None when the others hold more than
    ``minor_share`` of it all."""
    total = sum(weights)
    best = max(range(len(runs)), key=weights.__getitem__)
    if total <= 0 or total - weights[best] > minor_share * total:
        return None
    return runs[best]


def mask_line(text_mask: np.ndarray, reduce: int, params: LayoutParams,
              size: tuple[int, int]) -> Box | None:
    """The cut-out (band pixels) of the one line of type the mask shows, or None when it
    does not show exactly one: strokes in two blocks of rows, or in columns far apart.

    The block of rows is where most strokes are (rows with a quarter of the fullest row's
    count, as ``text_rows``), grown by up to half its height over rows that still hold a
    few strokes (the ascenders and descenders of Latin letters, a comma below the line).
    """
    width, height = size
    counts = np.count_nonzero(text_mask, axis=1)
    if counts.size == 0 or counts.max() < 3:
        return None
    blocks = _runs(counts >= max(3, int(counts.max()) // 4))
    block = _main_run(blocks, [int(counts[a:b].sum()) for a, b in blocks], params.minor_share)
    if block is None:
        return None
    first, last = block
    core = last - first
    reach = max(1, core // 2)
    top = first
    while top > 0 and first - top < reach and counts[top - 1] > 0:
        top -= 1
    bottom = last
    while bottom < counts.size and bottom - last < reach and counts[bottom] > 0:
        bottom += 1
    columns = np.count_nonzero(text_mask[top:bottom], axis=0)
    filled = np.flatnonzero(columns)
    gap = max(1, int(params.column_gap * core))
    breaks = np.flatnonzero(np.diff(filled) > gap)
    starts = np.concatenate(([filled[0]], filled[breaks + 1]))
    ends = np.concatenate((filled[breaks], [filled[-1]])) + 1
    pieces = [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]
    piece = _main_run(pieces, [int(columns[a:b].sum()) for a, b in pieces], params.minor_share)
    if piece is None:
        return None
    line_h = (bottom - top) * reduce
    pad_v, pad_h = int(params.mask_pad_v * line_h), int(params.mask_pad_h * line_h)
    box = (max(0, piece[0] * reduce - pad_h), max(0, top * reduce - pad_v),
           min(width, piece[1] * reduce + pad_h), min(height, bottom * reduce + pad_v))
    if box[2] - box[0] < 8 or box[3] - box[1] < 8:
        return None
    return box


def _detect(recognizer: Recognizer, picture: np.ndarray) -> list[Box]:
    if picture.shape[0] < 8 or picture.shape[1] < 8:
        return []
    return recognizer.detect(np.ascontiguousarray(picture))


def group_into_lines(boxes: list[Box], min_overlap: float = 0.5) -> list[Box]:
    """Merge boxes that share a text line into one box per line, top line first."""
    lines: list[list[int]] = []
    for left, top, right, bottom in sorted(boxes, key=lambda b: (b[1] + b[3]) / 2):
        for line in lines:
            overlap = min(bottom, line[3]) - max(top, line[1])
            if overlap >= min_overlap * min(bottom - top, line[3] - line[1]):
                line[0], line[1] = min(left, line[0]), min(top, line[1])
                line[2], line[3] = max(right, line[2]), max(bottom, line[3])
                break
        else:
            lines.append([left, top, right, bottom])
    return [(a, b, c, d) for a, b, c, d in sorted(lines, key=lambda line: line[1])]


def widen(box: Box, text_mask: np.ndarray, reduce: int, join_gap: float) -> Box:
    """Stretch a box left and right over the mask's strokes in its rows (gaps allowed)."""
    left, top, right, bottom = box
    r0, r1 = top // reduce, -(-bottom // reduce)
    columns: np.ndarray = np.asarray(text_mask[r0:r1].any(axis=0))
    if not columns.any():
        return box
    gap = max(1, int(join_gap * (r1 - r0)))
    start, end = left // reduce, -(-right // reduce)
    j, run = start - 1, 0
    while j >= 0 and run <= gap:
        if columns[j]:
            start, run = j, 0
        else:
            run += 1
        j -= 1
    j, run = end, 0
    while j < columns.size and run <= gap:
        if columns[j]:
            end, run = j + 1, 0
        else:
            run += 1
        j += 1
    width = text_mask.shape[1] * reduce
    return (min(left, start * reduce), top, max(right, min(width, end * reduce)), bottom)
