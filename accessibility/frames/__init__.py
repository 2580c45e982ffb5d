"""Frames of an episode, decoded once and handed to every measure in the picture it needs.

``decode`` opens a file and decodes it on a thread of its own with the settings every
consumer shares; ``pictures`` turns a decoded frame into what each consumer reads: the reduced
pictures of the cut and flash measures (``small_picture``), the full-resolution bottom band
where burned-in subtitles sit (``bottom_band``, via a ``BandTap``) and the sample grid the calm
report counts flashes on (``GridSampler``). The pacing analysis and the
subtitle reader both build on this package and never on each other. Nothing here imports Qt,
libVLC, OpenCV or the player.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import av
import numpy as np

from accessibility.frames.decode import (
    FALLBACK_FPS,
    MAX_DECODE_ERRORS,
    Decoder,
    FrameClock,
    MediaError,
    frame_rate,
    open_media,
    picture_stream,
    prepare_video,
)
from accessibility.frames.pictures import (
    GridSampler,
    SmallPicture,
    bottom_band,
    reduction_steps,
    small_picture,
)


@dataclass(frozen=True)
class BandTap:
    """Hands the full-resolution bottom of the picture to another measure in the same pass.

    Burned-in subtitles sit in the bottom band; text recognition reads it from here rather than
    decoding the episode a second time. ``callback`` gets the frame time and the band's luma
    (a read-only view of the decoded picture that keeps its buffer alive: it may be kept).
    """

    callback: Callable[[float, np.ndarray], None]
    fraction: float = 0.25
    every_n_frames: int = 1


# Any other per-frame hook: the frame time and the decoded frame itself (valid during the call).
FrameTap = Callable[[float, av.VideoFrame], None]

__all__ = [
    "FALLBACK_FPS",
    "MAX_DECODE_ERRORS",
    "BandTap",
    "Decoder",
    "FrameClock",
    "FrameTap",
    "GridSampler",
    "MediaError",
    "SmallPicture",
    "bottom_band",
    "frame_rate",
    "open_media",
    "picture_stream",
    "prepare_video",
    "reduction_steps",
    "small_picture",
]
