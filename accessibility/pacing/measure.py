"""One decode pass over an episode: picture for cuts and flashes, sound for loudness.

The measurements kept here do not depend on the family's thresholds, so they are what the
cache stores; ``summary.summarise`` turns them into a ``PacingResult``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import av
from av.video.frame import PictureType

from accessibility.frames import (
    BandTap,
    Decoder,
    FrameClock,
    FrameTap,
    MediaError,
    SmallPicture,
    bottom_band,
    open_media,
    picture_stream,
    prepare_video,
    reduction_steps,
    small_picture,
)
from accessibility.pacing.bars import Area, BarFinder, cropped
from accessibility.pacing.cuts import CutDetector, CutParams, CutReport
from accessibility.pacing.flashes import FlashCounter, FlashParams
from accessibility.pacing.loudness import LoudnessMeter, LoudnessReport

log = logging.getLogger(__name__)

# Bumped whenever a change to the analysis would change stored measurements.
# 2: subtitles read off the picture in the same pass; 3: cuts from four measures (ADR 008);
# 4: steadiness evidence, soft colour bins and the 闪白 brightness test (ADR 008, 2026-11-29)
# 5: orientation of detail per coarse cell as a fifth cut measure (ADR 008, 2026-11-30)
# 6: fine detail counted in proportion to the structure difference (ADR 008, 2026-11-30)
# 7: cuts measured on the picture without its black bars (letterbox, pillarbox)
# 8: no cut inside a whip pan (motion blur along one direction for a few frames, ADR 008)
# 9: fine detail on an encoder's I frame counts only with more structure change (ADR 008)
# 10: no cut where the whole picture moved beyond the motion search, still moving (ADR 008)
# 11: no cut where only the light changed and steps back within a few frames (ADR 008)
# 12: no cut where the picture flares up and dies down to the picture before (ADR 008)
# 13: a light stepping back at a frame that is itself a cut does not make a flicker (ADR 008)
ANALYSER_VERSION = 13
_FALLBACK_FPS = 30.0

__all__ = ["ANALYSER_VERSION", "BandTap", "PacingError", "PacingMeasurements", "measure_file"]


class PacingError(Exception):
    """The file could not be analysed (unreadable, not a video, nothing decodable)."""


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
    def __init__(self, stream: av.VideoStream, band_tap: BandTap | None,
                 frame_taps: Sequence[FrameTap] = ()) -> None:
        self.clock = FrameClock(stream, _FALLBACK_FPS)
        self.frame_taps = tuple(frame_taps)
        self.fps = self.clock.fps
        self.times = self.clock.times
        self.band_tap = band_tap
        self.cuts = CutDetector(CutParams())
        self.flashes = FlashCounter(FlashParams())
        self._steps: int | None = None
        # The cut measures read the picture without black bars; until the bars are known
        # (the first lit second or so) its reduced pictures wait here.
        self._bars = BarFinder()
        self._waiting: list[tuple[SmallPicture, bool]] = []

    def add(self, frame: av.VideoFrame) -> None:
        if self._steps is None:
            self._steps = reduction_steps(frame.width, frame.height)
        index = len(self.times)
        t = self.clock.tick(frame)
        picture = small_picture(frame, self._steps)
        self._cut_picture(picture, frame.pict_type == PictureType.I)
        self.flashes.push(picture.rgb)
        tap = self.band_tap
        if tap is not None and index % max(1, tap.every_n_frames) == 0:
            tap.callback(t, bottom_band(frame, tap.fraction))
        for other in self.frame_taps:
            other(t, frame)

    def _cut_picture(self, picture: SmallPicture, intra: bool) -> None:
        self._waiting.append((picture, intra))
        area = self._bars.observe(picture)
        if area is not None:
            self._push_waiting(area)

    def finish_cuts(self) -> CutReport:
        self._push_waiting(self._bars.decide())
        return self.cuts.finish()

    def _push_waiting(self, area: Area) -> None:
        for picture, intra in self._waiting:
            cut = cropped(picture, area)
            self.cuts.push(cut.luma, cut.rgb, cut.detail, intra=intra)
        self._waiting.clear()

    def time_of(self, index: int) -> float:
        return self.clock.time_of(index)


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


def measure_file(path: str | Path, band_tap: BandTap | None = None,
                 frame_taps: Sequence[FrameTap] = ()) -> PacingMeasurements:
    """Decode ``path`` once and measure cuts, flashes and loudness.

    ``band_tap`` and ``frame_taps`` hand the same decoded frames to other measures (the
    subtitle reader, the calm report), so the episode is decoded only once.

    Raises ``PacingError`` when the file cannot be opened or nothing in it decodes.
    Damaged packets are skipped; a truncated file is measured as far as it goes.
    """
    try:
        container = open_media(path)
    except MediaError as error:
        raise PacingError(str(error)) from error
    with container:
        video_stream = picture_stream(container)
        audio_stream = container.streams.audio[0] if container.streams.audio else None
        if video_stream is None and audio_stream is None:
            raise PacingError(f"no picture or sound in {path}")
        streams: list[av.stream.Stream] = []
        video = audio = None
        if video_stream is not None:
            prepare_video(video_stream)
            video = _Video(video_stream, band_tap, frame_taps)
            streams.append(video_stream)
        if audio_stream is not None:
            audio = _Audio()
            streams.append(audio_stream)
        errors = _decode(container, streams, video, audio)
        duration_hint = container.duration / 1e6 if container.duration else 0.0
    return _assemble(video, audio, errors, duration_hint, path)


def _decode(container: av.container.InputContainer, streams: list[av.stream.Stream],
            video: _Video | None, audio: _Audio | None) -> int:
    decoder = Decoder(container, streams, name="pacing-decode")
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
        report = video.finish_cuts()
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
