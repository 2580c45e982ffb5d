"""One decode pass over an episode: picture for cuts and flashes, sound for loudness.

The measurements kept here do not depend on the family's thresholds, so they are what the
cache stores; ``summary.summarise`` turns them into a ``PacingResult``.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import av
import numpy as np

from accessibility.pacing.cuts import CutDetector, CutParams
from accessibility.pacing.flashes import FlashCounter, FlashParams
from accessibility.pacing.loudness import LoudnessMeter, LoudnessReport
from accessibility.pacing.picture import bottom_band, reduction_steps, small_picture

log = logging.getLogger(__name__)

# Bumped whenever a change to the analysis would change stored measurements.
# 2: subtitles read off the picture in the same pass; 3: cuts from four measures (ADR 008)
ANALYSER_VERSION = 3
_MAX_DECODE_ERRORS = 200  # corrupt packets skipped before the file is given up
_FALLBACK_FPS = 30.0


class PacingError(Exception):
    """The file could not be analysed (unreadable, not a video, nothing decodable)."""


@dataclass(frozen=True)
class BandTap:
    """Hands the full-resolution bottom of the picture to another analysis in the same pass.

    Burned-in subtitles sit in the bottom band; text recognition reads it from here rather than
    decoding the episode a second time. ``callback`` gets the frame time and the band's luma.
    """

    callback: Callable[[float, np.ndarray], None]
    fraction: float = 0.25
    every_n_frames: int = 1


@dataclass(frozen=True)
class PacingMeasurements:
    duration_s: float
    fps: float
    frames: int  # video frames decoded; 0 when the file has no usable picture
    cut_frames: tuple[int, ...]
    cut_times: tuple[float, ...]
    white_flash_cut_times: tuple[float, ...]
    luminance_transition_times: tuple[float, ...]
    red_transition_times: tuple[float, ...]
    integrated_lufs: float | None
    momentary_lufs: tuple[float, ...] = field(repr=False)
    block_lufs: tuple[float, ...] = field(repr=False)
    decode_errors: int = 0
    analyser_version: int = ANALYSER_VERSION
    # Subtitles read off the picture in the same pass: (start_ms, end_ms, text, confidence).
    picture_cues: tuple[tuple[int, int, str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PacingMeasurements:
        values = dict(data)
        for name in ("cut_frames", "cut_times", "white_flash_cut_times",
                     "luminance_transition_times", "red_transition_times",
                     "momentary_lufs", "block_lufs"):
            values[name] = tuple(values[name])
        values["picture_cues"] = tuple(tuple(cue) for cue in values.get("picture_cues", ()))
        return cls(**values)


class _Video:
    def __init__(self, stream: av.VideoStream, band_tap: BandTap | None) -> None:
        rate = stream.average_rate or stream.guessed_rate
        self.fps = float(rate) if rate and float(rate) > 0 else _FALLBACK_FPS
        self.time_base = float(stream.time_base) if stream.time_base else None
        self.band_tap = band_tap
        self.cuts = CutDetector(CutParams())
        self.flashes = FlashCounter(FlashParams())
        self.times: list[float] = []
        self._first_pts: int | None = None
        self._steps: int | None = None

    def add(self, frame: av.VideoFrame) -> None:
        if self._steps is None:
            self._steps = reduction_steps(frame.width, frame.height)
        t = self._time(frame)
        picture = small_picture(frame, self._steps)
        self.cuts.push(picture.luma, picture.rgb, picture.detail)
        self.flashes.push(picture.rgb)
        tap = self.band_tap
        if tap is not None and len(self.times) % max(1, tap.every_n_frames) == 0:
            tap.callback(t, bottom_band(frame, tap.fraction))
        self.times.append(t)

    def _time(self, frame: av.VideoFrame) -> float:
        index = len(self.times)
        if frame.pts is None or self.time_base is None:
            return index / self.fps
        if self._first_pts is None:
            self._first_pts = frame.pts
        t = (frame.pts - self._first_pts) * self.time_base
        # Broken timestamps (negative, running backwards) fall back to counting frames.
        if t < 0 or (self.times and t <= self.times[-1]):
            return self.times[-1] + 1.0 / self.fps if self.times else 0.0
        return t

    def time_of(self, index: int) -> float:
        return self.times[index] if 0 <= index < len(self.times) else index / self.fps


class _Audio:
    def __init__(self) -> None:
        # Planar float keeps every channel apart: BS.1770 sums channel powers, a downmix
        # would not measure the same thing.
        self.resampler = av.AudioResampler(format="fltp")
        self.meter: LoudnessMeter | None = None
        self.samples = 0
        self.rate = 0

    def add(self, frame: av.AudioFrame | None) -> None:
        for out in self.resampler.resample(frame):
            data = out.to_ndarray()
            if self.meter is None:
                self.rate = out.sample_rate
                self.meter = LoudnessMeter(out.sample_rate,
                                           [c.name for c in out.layout.channels])
            if data.shape[0] == len(self.meter.weights) and out.sample_rate == self.rate:
                self.meter.push(data)
                self.samples += data.shape[1]

    def report(self) -> LoudnessReport | None:
        return self.meter.finish() if self.meter is not None else None


def measure_file(path: str | Path, band_tap: BandTap | None = None) -> PacingMeasurements:
    """Decode ``path`` once and measure cuts, flashes and loudness.

    Raises ``PacingError`` when the file cannot be opened or nothing in it decodes.
    Damaged packets are skipped; a truncated file is measured as far as it goes.
    """
    try:
        container = av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, OSError, UnicodeDecodeError) as error:
        raise PacingError(f"cannot open {path}: {error}") from error
    with container:
        # Cover art in a sound file is a one-picture "video" stream: not a picture to pace.
        pictures = [s for s in container.streams.video
                    if not s.disposition & av.stream.Disposition.attached_pic]
        video_stream = pictures[0] if pictures else None
        audio_stream = container.streams.audio[0] if container.streams.audio else None
        if video_stream is None and audio_stream is None:
            raise PacingError(f"no picture or sound in {path}")
        streams: list[av.stream.Stream] = []
        video = audio = None
        if video_stream is not None:
            video_stream.thread_type = "AUTO"
            # Deblocking only smooths 4–16 px block edges, which the reduced picture averages
            # away; skipping it makes decoding a fifth faster.
            video_stream.codec_context.options = {"skip_loop_filter": "all"}
            video = _Video(video_stream, band_tap)
            streams.append(video_stream)
        if audio_stream is not None:
            audio = _Audio()
            streams.append(audio_stream)
        errors = _decode(container, streams, video, audio)
        duration_hint = container.duration / 1e6 if container.duration else 0.0
    return _assemble(video, audio, errors, duration_hint, path)


class _Decoder(threading.Thread):
    """Demuxes and decodes on its own thread, handing frames over through a short queue.

    FFmpeg releases the GIL while it decodes, so the measuring of one frame overlaps the
    decoding of the next ones instead of waiting for them.
    """

    END = None

    def __init__(self, container: av.container.InputContainer,
                 streams: list[av.stream.Stream]) -> None:
        super().__init__(name="pacing-decode", daemon=True)
        self.container = container
        self.streams = streams
        self.frames: queue.Queue[av.VideoFrame | av.AudioFrame | None] = queue.Queue(maxsize=8)
        self.stop = threading.Event()
        self.errors = 0

    def run(self) -> None:
        try:
            for packet in self.container.demux(self.streams):
                if self.stop.is_set():
                    return
                try:
                    decoded = packet.decode()
                except (av.FFmpegError, ValueError):
                    self.errors += 1
                    if self.errors > _MAX_DECODE_ERRORS:
                        return
                    continue
                for frame in decoded:
                    if isinstance(frame, av.VideoFrame | av.AudioFrame):
                        self.frames.put(frame)
        except (av.FFmpegError, ValueError, EOFError) as error:
            # Demuxing stops at damage it cannot step over; keep what was measured so far.
            log.info("decoding stopped early: %s", error)
            self.errors += 1
        finally:
            self.frames.put(self.END)

    def __iter__(self) -> Iterator[av.VideoFrame | av.AudioFrame]:
        self.start()
        try:
            while (frame := self.frames.get()) is not self.END:
                yield frame
        finally:
            # The consumer may stop early (an exception): let the thread finish, then wait.
            self.stop.set()
            while self.is_alive():
                with contextlib.suppress(queue.Empty):
                    self.frames.get(timeout=0.1)
            self.join()


def _decode(container: av.container.InputContainer, streams: list[av.stream.Stream],
            video: _Video | None, audio: _Audio | None) -> int:
    decoder = _Decoder(container, streams)
    for frame in decoder:
        if isinstance(frame, av.VideoFrame) and video is not None:
            video.add(frame)
        elif isinstance(frame, av.AudioFrame) and audio is not None:
            audio.add(frame)
    errors = decoder.errors
    if audio is not None:
        try:
            audio.add(None)
        except (av.FFmpegError, ValueError):
            errors += 1
    return errors


def _assemble(video: _Video | None, audio: _Audio | None, errors: int, duration_hint: float,
              path: str | Path) -> PacingMeasurements:
    frames = len(video.times) if video is not None else 0
    loudness = audio.report() if audio is not None else None
    audio_seconds = audio.samples / audio.rate if audio is not None and audio.rate else 0.0
    if frames == 0 and audio_seconds == 0:
        raise PacingError(f"nothing decodable in {path}")
    fps = video.fps if video is not None else _FALLBACK_FPS
    video_seconds = video.times[-1] + 1.0 / fps if video is not None and frames else 0.0
    duration = max(video_seconds, audio_seconds)
    if not math.isfinite(duration) or duration <= 0:
        duration = duration_hint
    if video is not None and frames:
        report = video.cuts.finish()
        cut_frames = report.cut_frames
        cut_times = tuple(round(video.time_of(i), 4) for i in cut_frames)
        flash_cut_times = tuple(round(video.time_of(i), 4) for i in report.white_flash_cuts)
        luminance = tuple(round(video.time_of(i), 4)
                          for i in video.flashes.luminance_transitions)
        red = tuple(round(video.time_of(i), 4) for i in video.flashes.red_transitions)
    else:
        cut_frames, cut_times, flash_cut_times, luminance, red = (), (), (), (), ()
    return PacingMeasurements(
        duration_s=round(duration, 4),
        fps=fps,
        frames=frames,
        cut_frames=cut_frames,
        cut_times=cut_times,
        white_flash_cut_times=flash_cut_times,
        luminance_transition_times=luminance,
        red_transition_times=red,
        integrated_lufs=loudness.integrated_lufs if loudness else None,
        momentary_lufs=loudness.momentary_lufs if loudness else (),
        block_lufs=loudness.block_lufs if loudness else (),
        decode_errors=errors,
    )
