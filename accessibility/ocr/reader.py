"""Reading an episode's burned-in subtitles: inside the pacing pass, or on its own.

``PictureCueReader`` is a per-frame hook (a ``BandTap``) for the one decode pass of
``accessibility.frames`` that serves pacing and subtitles; ``read_picture_cues`` decodes a
file itself (through the same module), for the tests and tools. Neither imports OpenCV or
ONNX Runtime until the band first holds still text worth reading, and both run in the
analysis worker or a command-line process, never in the player's Qt process.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import av
import numpy as np

from accessibility.frames import (
    MAX_DECODE_ERRORS,
    BandTap,
    MediaError,
    bottom_band,
    frame_rate,
    open_media,
    picture_stream,
    prepare_video,
)
from accessibility.ocr.builder import CueRules, build_cues
from accessibility.ocr.cue import PictureCue
from accessibility.ocr.recognizer import (
    Box,
    PlacingRecognizer,
    Recognizer,
    RecognizerUnavailable,
)
from accessibility.ocr.tracker import BandTextTracker, TrackerParams

log = logging.getLogger(__name__)

# Micro-drama subtitles sit between 70 % and 90 % of the picture's height; the bottom 30 %
# holds them with room for a second line.
BAND_FRACTION = 0.3
_FALLBACK_FPS = 25.0

PictureTextErrorCode = Literal["unreadable", "no_picture", "unavailable", "failed"]


class PictureTextError(Exception):
    """Subtitles could not be read off this file's picture.

    ``code`` is stable: ``unreadable`` (not a video, damaged beyond decoding), ``no_picture``
    (sound only), ``unavailable`` (text recognition not installed), ``failed`` (the engine
    broke down mid-way). ``detail`` is for logs.
    """

    def __init__(self, code: PictureTextErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code: PictureTextErrorCode = code
        self.detail = detail


@functools.cache
def default_recognizer() -> Recognizer:
    """The process's one PP-OCRv4 engine, loaded on first use (0.4 s, ~100 MB) and kept."""
    from accessibility.ocr.engine import RapidOcrRecognizer

    return RapidOcrRecognizer()


class _OnFirstUse:
    """A recogniser loaded when it is first asked to read (``RecognizerUnavailable`` then)."""

    def __init__(self, load: Callable[[], Recognizer]) -> None:
        self._load = load
        self._loaded: Recognizer | None = None

    def load(self) -> Recognizer:
        if self._loaded is None:
            self._loaded = self._load()
        return self._loaded

    def detect(self, picture: np.ndarray) -> list[Box]:
        return self.load().detect(picture)

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        return self.load().recognise(line)

    def recognise_placed(self, line: np.ndarray) -> tuple[str, float, tuple[int, ...]]:
        loaded = self.load()
        if isinstance(loaded, PlacingRecognizer):
            return loaded.recognise_placed(line)
        return (*loaded.recognise(line), ())


class PictureCueReader:
    """Per-frame hook: ``band_tap()`` into the decode pass, then ``finish()`` for the cues.

    Never raises from the hook: a recogniser that cannot start or breaks down sets
    ``problem`` and stops reading, so the pacing measurement of the same pass is not lost.
    """

    def __init__(self, recognizer: Recognizer | None = None,
                 params: TrackerParams | None = None, rules: CueRules | None = None,
                 band_fraction: float = BAND_FRACTION) -> None:
        self._recognizer = recognizer
        self._params = params
        self._rules = rules
        self.band_fraction = band_fraction
        self._tracker: BandTextTracker | None = None
        self.problem: str | None = None
        # ``completed()`` is asked after every frame; cues change only when a segment ends.
        self._completed: tuple[int, tuple[PictureCue, ...]] = (0, ())

    def band_tap(self) -> BandTap:
        return BandTap(callback=self.push, fraction=self.band_fraction)

    @property
    def readings(self) -> int:
        """How many times the recogniser ran so far."""
        return self._tracker.readings if self._tracker is not None else 0

    def start(self) -> None:
        """Load the recogniser now rather than when it is first needed; raises
        ``PictureTextError``."""
        if self._tracker is not None and not isinstance(self._recognizer, _OnFirstUse):
            return
        try:
            recognizer = self._recognizer or default_recognizer()
            if isinstance(recognizer, _OnFirstUse):
                recognizer = recognizer.load()
        except RecognizerUnavailable as error:
            self.problem = str(error)
            raise PictureTextError("unavailable", str(error)) from error
        self._recognizer = recognizer
        if self._tracker is None:
            self._tracker = BandTextTracker(recognizer, self._params)

    def push(self, t: float, band: np.ndarray) -> None:
        if self.problem is not None:
            return
        try:
            if self._tracker is None:
                # The engine (OpenCV, ONNX Runtime, the models: ~0.5 s of CPU) is loaded at the
                # first reading, when the band first holds still text, not at the first frame.
                if self._recognizer is None:
                    self._recognizer = _OnFirstUse(default_recognizer)
                self._tracker = BandTextTracker(self._recognizer, self._params)
            self._tracker.push(t, band)
        except RecognizerUnavailable as error:
            self.problem = str(error)
            log.warning("no subtitles read off the picture: %s", self.problem)
        except Exception as error:
            # The engine is native code with exception types of its own (ONNX Runtime,
            # OpenCV); whatever it raises costs this file its picture subtitles, nothing more.
            self.problem = f"text recognition failed: {error!r}"
            log.warning("%s", self.problem)

    def completed(self) -> tuple[PictureCue, ...]:
        """Cues already certain while the pass goes on. The last one built is held back: a
        line still on screen may yet merge into it (an OCR wobble of the same words)."""
        if self._tracker is None:
            return ()
        ended = self._tracker.ended
        if ended != self._completed[0]:
            self._completed = (ended, build_cues(self._tracker.segments(), self._rules)[:-1])
        return self._completed[1]

    def finish(self) -> tuple[PictureCue, ...]:
        """The cues read so far: all of them once the pass has ended, or those read before
        ``problem`` stopped the reading."""
        if self._tracker is None:
            return ()
        return build_cues(self._tracker.finish(), self._rules)


class _FrameClock:
    """Frame times in seconds from the first frame, steady even when timestamps are not."""

    def __init__(self, stream: av.VideoStream) -> None:
        self._fps = frame_rate(stream, _FALLBACK_FPS)
        self._first: float | None = None
        self._last: float | None = None

    def time_of(self, frame: av.VideoFrame) -> float:
        raw = frame.time
        if raw is None or not math.isfinite(raw):
            t = self._next()
        else:
            if self._first is None:
                self._first = raw
            t = raw - self._first
            if t < 0 or (self._last is not None and t <= self._last):
                t = self._next()
        self._last = t
        return t

    def _next(self) -> float:
        return 0.0 if self._last is None else self._last + 1.0 / self._fps


def read_picture_cues(path: str | Path, recognizer: Recognizer | None = None,
                      params: TrackerParams | None = None, rules: CueRules | None = None,
                      band_fraction: float = BAND_FRACTION) -> tuple[PictureCue, ...]:
    """Decode ``path`` (picture only) and read its burned-in subtitles.

    A picture with no text in its subtitle band gives no cues. Raises ``PictureTextError``
    when the file cannot be decoded or has no picture, or text recognition is unavailable.
    Damaged packets are skipped; a truncated file is read as far as it goes.
    """
    reader = PictureCueReader(recognizer, params, rules, band_fraction)
    try:
        container = open_media(path)
    except MediaError as error:
        raise PictureTextError("unreadable", str(error)) from error
    with container:
        stream = picture_stream(container)
        if stream is None:
            raise PictureTextError("no_picture", f"no picture in {path}")
        reader.start()
        # The same decoder settings as the pacing pass, so both ways read the same pixels.
        prepare_video(stream)
        clock = _FrameClock(stream)
        frames = errors = 0
        try:
            for packet in container.demux(stream):
                try:
                    decoded = packet.decode()
                except (av.FFmpegError, ValueError):
                    errors += 1
                    if errors > MAX_DECODE_ERRORS:
                        break
                    continue
                for frame in decoded:
                    reader.push(clock.time_of(frame), bottom_band(frame, band_fraction))
                    frames += 1
                if reader.problem is not None:
                    break
        except (av.FFmpegError, ValueError, EOFError) as error:
            log.info("decoding stopped early: %s", error)
    if frames == 0:
        raise PictureTextError("unreadable", f"no picture decodable in {path}")
    if reader.problem is not None:
        raise PictureTextError("failed", reader.problem)
    return reader.finish()
