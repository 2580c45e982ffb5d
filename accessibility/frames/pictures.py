"""A reduced picture straight from the decoder's YUV planes.

Letting swscale shrink a 720×1280 frame costs about as much as decoding it; summing pixel
pairs in NumPy on the planes the decoder already produced costs a tenth of that. The result
is a box-filtered picture of ~40–80 px on the short side, which is all that cut and flash
detection need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import av
import numpy as np

_PLANAR_420 = {"yuv420p", "yuvj420p"}
_PLANAR_420_10BIT = {"yuv420p10le"}  # 10-bit HEVC/AV1 episodes
# BT.709 for HD and above, BT.601 below: what players assume when a file does not say.
_KR_KB = {True: (0.2126, 0.0722), False: (0.299, 0.114)}
SHORT_SIDE_TARGET = 40  # the short side ends up in [40, 80)


@dataclass(frozen=True)
class SmallPicture:
    luma: np.ndarray  # float32 (h, w), 0–255, gamma-encoded
    rgb: np.ndarray  # float32 (h/2, w/2, 3), 0–1, gamma-encoded: flash areas need no more
    # float32 (2h, 2w), 0–255: the luma one halving earlier, for the grain of textures (the
    # cut detector's texture measure); ``luma`` is its 2×2 box average.
    detail: np.ndarray | None = None


def reduction_steps(width: int, height: int) -> int:
    """How many times to halve a picture so its short side lands in [40, 80)."""
    short = min(width, height)
    return max(0, math.floor(math.log2(short / SHORT_SIDE_TARGET))) if short else 0


def _plane_array(plane: av.video.plane.VideoPlane, ten_bit: bool = False) -> np.ndarray:
    if ten_bit:
        raw16 = np.frombuffer(memoryview(plane), dtype="<u2",
                              count=plane.line_size // 2 * plane.height)
        samples = raw16.reshape(plane.height, plane.line_size // 2)[:, : plane.width]
        return (samples >> 2).astype(np.uint8)
    raw = np.frombuffer(memoryview(plane), dtype=np.uint8, count=plane.line_size * plane.height)
    return raw.reshape(plane.height, plane.line_size)[:, : plane.width]


def _halve(plane: np.ndarray, steps: int, max_box_steps: int) -> np.ndarray:
    # Point decimation first where the box sums would overflow uint16 or cost too much; the
    # remaining box sums still average 16–64 pixels, so grain and fine texture wash out.
    while steps > max_box_steps:
        plane = plane[::2, ::2]
        steps -= 1
    if steps == 0:
        return plane.astype(np.float32)
    h = plane.shape[0] >> steps << steps
    w = plane.shape[1] >> steps << steps
    acc = np.add(plane[0:h:2, :w], plane[1:h:2, :w], dtype=np.uint16)
    acc = acc[:, 0::2] + acc[:, 1::2]
    for _ in range(steps - 1):
        acc = acc[0::2] + acc[1::2]
        acc = acc[:, 0::2] + acc[:, 1::2]
    return acc.astype(np.float32) * (1.0 / (4**steps))


def _yuv_to_rgb_matrix(hd: bool, full_range: bool) -> tuple[np.ndarray, np.ndarray]:
    """Matrix and offset taking 8-bit (Y, U, V) to gamma-encoded RGB in 0–1."""
    kr, kb = _KR_KB[hd]
    kg = 1.0 - kr - kb
    to_rgb = np.array([
        [1.0, 0.0, 2 * (1 - kr)],
        [1.0, -2 * (1 - kb) * kb / kg, -2 * (1 - kr) * kr / kg],
        [1.0, 2 * (1 - kb), 0.0],
    ])
    scale = np.array([255.0, 255.0, 255.0]) if full_range else np.array([219.0, 224.0, 224.0])
    offset = np.array([0.0, 128.0, 128.0]) if full_range else np.array([16.0, 128.0, 128.0])
    matrix = to_rgb / scale[None, :]
    return matrix.T.astype(np.float32), (-(matrix @ offset)).astype(np.float32)


_MATRICES = {(hd, full): _yuv_to_rgb_matrix(hd, full) for hd in (True, False)
             for full in (True, False)}


def small_picture(frame: av.VideoFrame, steps: int) -> SmallPicture:
    ten_bit = frame.format.name in _PLANAR_420_10BIT
    if not ten_bit and frame.format.name not in _PLANAR_420:
        # 4:2:2, 4:4:4, NV12 and the like are rare in micro-dramas; swscale handles them.
        frame = frame.reformat(format="yuv420p")
    plane = _plane_array(frame.planes[0], ten_bit)
    # The colour picture (flash counting) keeps the luma it was tuned on; the cut detector
    # takes its luma as the 2×2 average of the finer ``detail``.
    y = _halve(plane, steps, max_box_steps=2)
    if steps > 0:
        detail = _halve(plane, steps - 1, max_box_steps=2)
        dh, dw = detail.shape[0] // 2 * 2, detail.shape[1] // 2 * 2
        luma = detail[0:dh:2, 0:dw:2] + detail[1:dh:2, 0:dw:2]
        luma += detail[0:dh:2, 1:dw:2] + detail[1:dh:2, 1:dw:2]
        luma *= 0.25
    else:
        detail = None
        luma = y
    # Colour only feeds flash detection over large areas: a coarser picture is plenty.
    u = _halve(_plane_array(frame.planes[1], ten_bit), steps, max_box_steps=1)
    v = _halve(_plane_array(frame.planes[2], ten_bit), steps, max_box_steps=1)
    h = min(y.shape[0] // 2, u.shape[0])
    w = min(y.shape[1] // 2, u.shape[1])
    y_half = y[: 2 * h : 2, : 2 * w : 2] + y[1 : 2 * h : 2, : 2 * w : 2]
    y_half += y[: 2 * h : 2, 1 : 2 * w : 2] + y[1 : 2 * h : 2, 1 : 2 * w : 2]
    full_range = frame.format.name == "yuvj420p" or frame.color_range == 2  # AVCOL_RANGE_JPEG
    matrix, offset = _MATRICES[(frame.height >= 720, full_range)]
    yuv = np.stack((y_half * 0.25, u[:h, :w], v[:h, :w]), axis=-1)
    rgb = np.clip(yuv @ matrix + offset, 0.0, 1.0)
    return SmallPicture(luma=luma, rgb=rgb, detail=detail)


def bottom_band(frame: av.VideoFrame, fraction: float) -> np.ndarray:
    """Full-resolution luma of the bottom ``fraction`` of the picture (burned-in subtitles)."""
    ten_bit = frame.format.name in _PLANAR_420_10BIT
    if not ten_bit and frame.format.name not in _PLANAR_420:
        frame = frame.reformat(format="yuv420p")
    luma = _plane_array(frame.planes[0], ten_bit)
    top = int(luma.shape[0] * (1.0 - fraction))
    return luma[top:].copy()
