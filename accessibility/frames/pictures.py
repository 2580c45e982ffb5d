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
    """Halve ``plane`` ``steps`` times: point decimation first where box sums would overflow
    uint16 or cost too much, then box sums over the last ``max_box_steps`` halvings (each
    output pixel averages 4–16 samples, so grain and fine texture wash out).

    Computed as k whole rows added at a time (k = 2**box), then k columns: NumPy adds long
    contiguous rows far faster than the strided 2×2 steps of the same sums; the integer sums
    and so the result are exactly those of decimating and then halving pair by pair.
    """
    if steps == 0:
        return plane.astype(np.float32)
    box = min(steps, max_box_steps)
    stride = 1 << (steps - box)  # point decimation
    k = 1 << box  # samples summed per output pixel, in each direction
    rows = ((plane.shape[0] + stride - 1) // stride) >> box
    cols = ((plane.shape[1] + stride - 1) // stride) >> box
    step = stride * k
    acc = plane[0::step][:rows].astype(np.uint16)
    for a in range(1, k):
        acc += plane[a * stride::step][:rows]
    out = acc[:, 0::step][:, :cols].copy()
    for b in range(1, k):
        out += acc[:, b * stride::step][:, :cols]
    return out.astype(np.float32) * (1.0 / (k * k))


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


class GridSampler:
    """Evenly spread sample points of a picture as if scaled to ``width``×``height``, read
    straight off the decoder's planes: a BGRX uint8 picture of ``rows``×``cols``.

    Each point is the mean of the source pixels under the scaled pixel it stands for (every
    other row and column of them: the points serve flash measures over large areas). Scaling
    the whole frame with swscale first, only to keep 1 point in 11, cost ten times as much.
    """

    def __init__(self, rows: int, cols: int, width: int, height: int) -> None:
        self.rows, self.cols, self.width, self.height = rows, cols, width, height
        self._geometry: tuple[int, int] | None = None
        self._index: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] = (
            np.empty(0, np.intp),) * 4

    def _points(self, size: int, scaled: int, count: int) -> np.ndarray:
        """Source indices (count, k) of the pixels under each sampled scaled pixel."""
        centre = (np.arange(count) * scaled // count + scaled // (2 * count)).clip(0, scaled - 1)
        scale = size / scaled
        k = max(1, math.ceil(scale / 2))  # every other source pixel
        first = np.floor(centre * scale).astype(np.intp)
        offsets = np.minimum(np.arange(k) * 2, max(0, math.ceil(scale) - 1))
        return np.clip(first[:, None] + offsets[None, :], 0, size - 1)

    def _prepare(self, height: int, width: int) -> None:
        self._geometry = (height, width)
        chroma_h, chroma_w = (height + 1) // 2, (width + 1) // 2
        self._index = (self._points(height, self.height, self.rows),
                       self._points(width, self.width, self.cols),
                       self._points(chroma_h, self.height, self.rows),
                       self._points(chroma_w, self.width, self.cols))

    def __call__(self, frame: av.VideoFrame) -> np.ndarray:
        ten_bit = frame.format.name in _PLANAR_420_10BIT
        if not ten_bit and frame.format.name not in _PLANAR_420:
            frame = frame.reformat(format="yuv420p")
        if self._geometry != (frame.height, frame.width):
            self._prepare(frame.height, frame.width)
        luma_rows, luma_cols, chroma_rows, chroma_cols = self._index
        samples = []
        for plane, rows, cols in ((frame.planes[0], luma_rows, luma_cols),
                                  (frame.planes[1], chroma_rows, chroma_cols),
                                  (frame.planes[2], chroma_rows, chroma_cols)):
            values = _plane_array(plane, ten_bit)[rows.ravel()][:, cols.ravel()]
            samples.append(_point_means(values, rows.shape[1], cols.shape[1]))
        full_range = frame.format.name == "yuvj420p" or frame.color_range == 2
        matrix, offset = _MATRICES[(frame.height >= 720, full_range)]
        rgb = np.stack(samples, axis=-1) @ (matrix * 255.0) + offset * 255.0
        np.clip(rgb, 0.0, 255.0, out=rgb)
        rgb += 0.5
        out = np.empty((self.rows, self.cols, 4), np.uint8)
        out[..., 3] = 255
        out[..., 2::-1] = rgb  # BGR, rounded
        return out


def _point_means(values: np.ndarray, k_rows: int, k_cols: int) -> np.ndarray:
    """Means of the k_rows × k_cols blocks of ``values`` gathered point by point (slice sums:
    a reduction over two axes of these tiny arrays costs five times as much)."""
    rows = values.reshape(-1, k_rows, values.shape[1])
    total = rows[:, 0].astype(np.uint16)
    for i in range(1, k_rows):
        total += rows[:, i]
    sums = total[:, 0::k_cols].copy()
    for j in range(1, k_cols):
        sums += total[:, j::k_cols]
    return sums.astype(np.float32) * np.float32(1.0 / (k_rows * k_cols))


def bottom_band(frame: av.VideoFrame, fraction: float) -> np.ndarray:
    """Full-resolution luma of the bottom ``fraction`` of the picture (burned-in subtitles).

    A read-only view of the decoded plane, not a copy: the subtitle reader reduces it at once
    and cuts out only the few lines it reads. The view holds the frame's buffer, so it stays
    valid after the decoder has moved on (it may be queued for another thread).
    """
    ten_bit = frame.format.name in _PLANAR_420_10BIT
    if not ten_bit and frame.format.name not in _PLANAR_420:
        frame = frame.reformat(format="yuv420p")
    luma = _plane_array(frame.planes[0], ten_bit)
    top = int(luma.shape[0] * (1.0 - fraction))
    band = luma[top:]
    band.flags.writeable = False
    return band
