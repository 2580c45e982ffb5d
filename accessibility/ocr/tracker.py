"""Following the subtitle band frame by frame, and reading it only when it changed.

Every frame gets the cheap text-like mask of ``band``. Burned-in text sits perfectly still
while the scene behind it moves, so the pixels that stay text-like over ``stable_frames``
frames are the candidates; when enough of them are new (not part of the line being shown,
not a still edge of the scene already found to hold no text), the band is read. A reading
starts a line; the line's strokes (the still pixels inside the boxes the recogniser found)
are then watched every frame, and the line ends at the first frame where most of them are
no longer text-like. Its start is moved back to the first frame that already showed most of
its strokes, so both ends are exact to the frame although readings are rare.

Readings of a band that turns out to hold nothing new back off (0.2 s, 0.4 s, … 1.6 s), so
scenery that keeps settling into new still edges costs a few readings rather than five a
second; a line ending resets it, and a change as large as a line of type skips it.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, field

import numpy as np

from accessibility.ocr.band import BandParams, dilate, text_like
from accessibility.ocr.layout import LayoutParams, read_lines
from accessibility.ocr.recognizer import Recognizer, TextLine
from accessibility.ocr.text import clean_text, same_line

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrackerParams:
    band: BandParams = field(default_factory=BandParams)
    layout: LayoutParams = field(default_factory=LayoutParams)
    stable_frames: int = 3  # text must stand still this many frames before it is read
    min_new_pixels: int = 40  # new still text-like pixels (reduced band) worth a reading
    # So many new pixels at once are worth a reading even while backing off: a line of four
    # characters of 720p subtitle type gives about 600, creeping scenery a few dozen.
    urgent_new_pixels: int = 150
    min_confidence: float = 0.5  # lines read with less are taken for texture, not text
    keep_ratio: float = 0.5  # a line is gone once fewer than this share of its strokes remain
    appear_ratio: float = 0.8  # a line was there from the first frame showing this share
    min_read_gap_s: float = 0.2
    max_read_gap_s: float = 1.6
    history_s: float = 2.0  # how far back a line's start can be found
    box_margin: int = 2  # reduced pixels added around the recogniser's boxes
    # Still pixels this close to a line's strokes are the line's own (compression flicker);
    # farther ones are new text, such as a word added to the line.
    stroke_reach: int = 2


@dataclass(frozen=True)
class Segment:
    """One stretch of time during which one reading of the band stood unchanged."""

    start_s: float
    end_s: float
    text: str
    confidence: float


@dataclass
class _Line:
    start_s: float
    strokes: np.ndarray  # bool, reduced band: the line's text-like pixels
    count: int
    near: np.ndarray  # bool, reduced band: the strokes grown a little (their own flicker)
    text: str
    confidence: float


@dataclass(frozen=True)
class _Seen:
    t: float
    mask: np.ndarray


class BandTextTracker:
    """Feed ``push(t, band)`` in frame order, then ``finish()`` for the segments."""

    def __init__(self, recognizer: Recognizer, params: TrackerParams | None = None) -> None:
        self._recognizer = recognizer
        self.params = params or TrackerParams()
        self._history: deque[_Seen] = deque()
        self._line: _Line | None = None
        self._ignore: np.ndarray | None = None  # still texture that held no text
        # Rows (first, past-last) outside which ``_ignore`` is all clear: the per-frame
        # forgetting only needs to touch these (scenery is remembered in the searched strip).
        self._ignore_rows = (0, 0)
        self._segments: list[Segment] = []
        self._next_read_s = float("-inf")
        self._last_read_s = float("-inf")
        self._read_gap_s = self.params.min_read_gap_s
        self._last_t: float | None = None
        self._frame_s = 0.04
        self.readings = 0  # how many times the recogniser ran (for tuning and benchmarks)

    def push(self, t: float, band: np.ndarray) -> None:
        p = self.params
        if self._last_t is not None and t > self._last_t:
            # Frame duration, smoothed: the end of the last line needs it.
            self._frame_s += 0.1 * (t - self._last_t - self._frame_s)
        self._last_t = t
        mask = text_like(band, p.band)
        if self._history and self._history[-1].mask.shape != mask.shape:
            # The picture changed size (a damaged or spliced file): start afresh.
            self._close(t)
            self._history.clear()
            self._ignore = None
            self._ignore_rows = (0, 0)
        self._history.append(_Seen(t, mask))
        while self._history and self._history[0].t < t - p.history_s:
            self._history.popleft()
        line = self._line
        if line is not None and np.count_nonzero(mask & line.strokes) < p.keep_ratio * line.count:
            self._close(t)
            # The band changed: look again as soon as what replaced the line stands still.
            # Frames from before the change cannot show the next line's start, and pixels
            # the old and new line share would look "still" across it.
            self._history.clear()
            self._history.append(_Seen(t, mask))
            self._next_read_s = t
            self._read_gap_s = p.min_read_gap_s
        if len(self._history) < p.stable_frames:
            return
        still = mask.copy() if p.stable_frames < 2 else np.logical_and(mask,
                                                                        self._history[-2].mask)
        for back in range(3, p.stable_frames + 1):
            still &= self._history[-back].mask
        new = still.copy()
        first, last = self._ignore_rows
        if self._ignore is not None and last > first:
            # Forget texture that has left the picture (the rows it can be in; a row's
            # dilation needs the mask one row above and below).
            above, below = max(0, first - 1), min(mask.shape[0], last + 1)
            self._ignore[first:last] &= dilate(mask[above:below], 1)[first - above:
                                                                     last - above]
            new[first:last] &= ~self._ignore[first:last]
        if self._line is not None:
            new &= ~self._line.near
        count = np.count_nonzero(new)
        due = t >= self._next_read_s
        urgent = count >= p.urgent_new_pixels and t >= self._last_read_s + p.min_read_gap_s
        if count >= p.min_new_pixels and (due or urgent):
            self._read(t, band, still)

    def _read(self, t: float, band: np.ndarray, still: np.ndarray) -> None:
        p = self.params
        self.readings += 1
        self._last_read_s = t
        candidates = still if self._ignore is None else still & ~self._ignore
        factor = p.band.factor(band.shape[1])
        reading = read_lines(self._recognizer, band, candidates, factor, p.layout)
        lines = [line for line in reading.lines
                 if line.confidence >= p.min_confidence and clean_text(line.text)]
        log.debug("read at %.2f s: %s", t, [(line.text, round(line.confidence, 3), line.box)
                                            for line in lines])
        zone = self._zone(lines, still.shape, band.shape)
        # Still pixels the detector saw and found no text in are scenery: stop reading them.
        # Those outside the strip it was shown were not looked at: they may be text still.
        texture = still & ~zone
        searched_top, searched_bottom = reading.searched
        texture[:searched_top // factor] = False
        texture[-(-searched_bottom // factor):] = False  # rounded up
        self._ignore = dilate(texture, 1) | (self._ignore if self._ignore is not None
                                             else np.zeros_like(texture))
        held = np.flatnonzero(self._ignore.any(axis=1))
        self._ignore_rows = (int(held[0]), int(held[-1]) + 1) if held.size else (0, 0)
        current = self._line
        if not lines:
            self._back_off(t)
            return
        text = clean_text("\n".join(line.text for line in lines))
        chars = [max(1, len(line.text)) for line in lines]
        confidence = float(np.average([line.confidence for line in lines], weights=chars))
        strokes = still & zone
        count = int(np.count_nonzero(strokes))
        if count < p.min_new_pixels:
            self._back_off(t)
            return
        if current is not None and same_line(current.text, text):
            # The same line read again: keep the better reading, watch the fuller strokes.
            if confidence > current.confidence:
                current.text, current.confidence = text, confidence
            current.strokes, current.count = strokes, count
            current.near |= dilate(strokes, p.stroke_reach)
            self._back_off(t)
            return
        start = self._first_showing(strokes, count)
        if current is not None:
            self._close(max(start, current.start_s))
        self._line = _Line(start, strokes, count, dilate(strokes, p.stroke_reach), text,
                           confidence)
        self._read_gap_s = p.min_read_gap_s
        self._next_read_s = t + self._read_gap_s

    def _back_off(self, t: float) -> None:
        self._next_read_s = t + self._read_gap_s
        self._read_gap_s = min(self._read_gap_s * 2, self.params.max_read_gap_s)

    def _zone(self, lines: list[TextLine], shape: tuple[int, ...],
              band_shape: tuple[int, ...]) -> np.ndarray:
        zone = np.zeros(shape, dtype=bool)
        fy = shape[0] / max(1, band_shape[0])
        fx = shape[1] / max(1, band_shape[1])
        m = self.params.box_margin
        for line in lines:
            left, top, right, bottom = line.box
            zone[max(0, int(top * fy) - m):int(np.ceil(bottom * fy)) + m,
                 max(0, int(left * fx) - m):int(np.ceil(right * fx)) + m] = True
        return zone

    def _first_showing(self, strokes: np.ndarray, count: int) -> float:
        """Time of the earliest frame of the latest unbroken run showing the line's strokes."""
        need = self.params.appear_ratio * count
        start = self._history[-1].t
        for seen in reversed(self._history):
            if np.count_nonzero(seen.mask & strokes) < need:
                break
            start = seen.t
        return start

    def _close(self, end_s: float) -> None:
        line = self._line
        if line is None:
            return
        self._line = None
        log.debug("line %r ends at %.2f s", line.text, end_s)
        if end_s > line.start_s:
            self._segments.append(Segment(line.start_s, end_s, line.text, line.confidence))

    @property
    def ended(self) -> int:
        """How many segments have ended so far."""
        return len(self._segments)

    def segments(self) -> tuple[Segment, ...]:
        """The lines that have ended so far (the pass goes on)."""
        return tuple(self._segments)

    def finish(self) -> tuple[Segment, ...]:
        """End the line still shown at the last frame and return every segment, in order."""
        if self._last_t is not None:
            self._close(self._last_t + self._frame_s)
        return tuple(self._segments)
