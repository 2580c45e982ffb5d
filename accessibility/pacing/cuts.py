"""Hard-cut detection on reduced pictures, one frame at a time.

Five differences are measured between each frame and the one before
(``docs/adr/008-cuts-on-busy-footage.md``):

- **structure**: motion-compensated block difference of the luma — every block of the new
  frame is matched against the previous frame shifted by up to ``search`` pixels, and the
  median of the best residuals counts. Pans, zooms and shake are explained away.
- **layout**: where light and colour sit in the picture (a coarse grid of brightness and two
  colour-opponent channels). Rain, noise, crowds or sparks change every pixel but average out
  in a coarse cell; a new shot moves the big areas.
- **palette**: the distribution of colours and brightness over the whole picture, blind to
  where things are: a cut where only the hue changes, or from one busy texture into another.
- **texture**: how fine or coarse the detail is in each coarse cell (gradient energy on a
  picture twice as fine): a busy texture re-framed closer or farther.
- **orientation**: in each coarse cell, the share of that detail running across, down and
  along either diagonal: a busy texture turned a quarter or mirrored.

Busy motion raises a measure on *every* frame of a shot; a cut raises it on one frame. So each
measure is compared with the larger of the medians of the ``neighbours`` differences before and
after (plus a floor, so that still pictures do not turn specks into evidence), and the
evidence of a frame is the sum of log2 of these ratios over the measures whose value is at
least their gate; a measure that lies far outside how much it wanders over the neighbours
(their range) adds evidence too, which is what finds a busy texture re-framed. A frame whose
evidence reaches ``min_evidence`` is a **spike**. A 1–3 frame white flash between two shots
(闪白) gives two spikes a few frames apart; the same evidence between the frame before the
first spike and the frame after the last tells one cut (different shots either side) from a
flash inside one shot (lightning, a camera flash). Spikes a few frames apart with no bright
frames between are one cut, on the strongest.

A **whip pan** (the camera swung so fast that a few frames smear along the swing) spikes where
the smear sets in and where it ends, and lands on another part of the scene, so no measure of
the frames either side tells it from a cut. What does: for 2–``whip_frames`` frames the detail
along one direction falls well below the frames either side, more than across it (motion blur
smears along the motion only), the picture keeps moving all the while, its colours stay those
of the scene and it does not light up. Spikes in such a stretch, landing included, are no cut.

A **fast pan or scroll** (a phone chat flicked on) moves the whole picture further in one
frame than the motion search reaches. A spike is no cut when the previous frame, moved as a
whole (phase correlation), explains the new one and the picture moves the same way, nearly
as fast (``pan_follow``), a frame before or after; a crop jump between two still framings
stays a cut.

**Flickering light** (a lamp, candles, a mirror ball, sunlight through leaves) brightens or
darkens the whole picture from one frame to the next. A spike is a change of light when the
previous frame, brightened or darkened as a whole, leaves no evidence and the tint stays;
when the light also steps back the other way within a few frames, the spike (and any event
it belongs to) is no cut. A change of light that stays is still a cut.

A **flare** (sparks, a flame catching, headlights swinging past) lights part of the picture
up in one frame and dies down over the next few. A spike where the picture brightens is no
cut when, within ``flare_frames`` and with no other spike on the way, the light falls back
and the picture then is the one before the spike.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

MEASURES = ("structure", "layout", "palette", "texture", "orientation")
_COLOURS = 64  # the palette's first bins: 8 × 8 colours; then 12 brightness levels


@dataclass(frozen=True)
class CutParams:
    search: int = 2  # motion search radius, reduced-picture pixels (≈ 32 px on a 720-wide frame)
    block: int = 5  # block side for matching, reduced-picture pixels
    neighbours: int = 3  # frames looked at on each side
    max_flash_frames: int = 3  # spikes this close together belong to one event (闪白)
    flat_block: float = 1.5  # blocks flatter than this in both frames carry no evidence
    # Per measure (structure, layout, palette, texture): a difference below the gate is no
    # evidence; the floor is added to the neighbours' level before taking the ratio.
    gates: tuple[float, ...] = (6.0, 8.0, 0.06, 3.0, 1.5)
    floors: tuple[float, ...] = (3.0, 2.0, 0.04, 0.25, 0.5)
    min_evidence: float = 2.5  # sum of log2(ratio) over the measures that passed their gate
    # Steadiness (ADR 008, 2026-11-29): busy shots change every frame but by a steady amount;
    # a re-framing of the same busy texture lifts a measure only a little, yet far outside how
    # much it wanders. Per measure, the spread is the larger range of the ``spread_neighbours``
    # differences before and after; a difference at least ``spread_ratio`` spreads above the
    # level adds log2(excess / spread_ratio) × ``spread_weight`` to the evidence.
    spread_neighbours: int = 4
    spread_floors: tuple[float, ...] = (1.5, 1.0, 0.02, 0.15, 0.3)
    spread_ratio: float = 2.0
    spread_weight: float = 1.0
    # Frames between two spikes this much brighter (0–255) than both sides are a white flash
    # (闪白, lightning); otherwise two spikes a few frames apart are one cut at the stronger.
    flash_rise: float = 20.0
    white: float = 230.0  # mean luma of a frame that is a white flash in any case
    layout_cells: int = 5  # cells across the short side of the picture for layout and texture
    # Detail (mean gradient over four directions, ÷ the picture's mean) below which a cell's
    # orientation shares fade towards zero.
    flat_detail: float = 0.02
    # Burned-in subtitles come and go in one frame in the bottom of the picture (70–90 % of
    # its height): layout, palette and texture look only above this share of the height.
    caption_top: float = 0.65
    # Fine detail alone is no new picture (ADR 008, 2026-11-30): when the previous frame,
    # shifted by up to ``search`` pixels, explains the new one to within this structure
    # difference, texture and orientation carry evidence only in proportion (an encoder's
    # keyframe re-sharpening grain and flat water, fish or bubbles crossing a flat tank).
    # 4.0 removes a quarter of set D's false cuts with no loss elsewhere; at 6.0 (the
    # structure gate) a hue-only and a re-framing cut were lost on the tuning sets.
    detail_structure: float = 4.0
    detail_measures: tuple[int, ...] = (3, 4)  # texture and orientation
    # On a frame the encoder coded whole (an I frame), fine detail jumps by itself: the
    # encoder re-sharpens grain it had smoothed over in the frames before. There, the detail
    # measures count in proportion to the structure difference up to this value instead.
    detail_structure_intra: float = 8.0
    # Whip pans (ADR 008, 2026-11-30 "whip pans"): a stretch of 2 to ``whip_frames`` frames
    # between a frame before and a landing frame is motion blur when, against both of them,
    # every frame has lost ``whip_hold`` (log2) of its detail along some direction, one frame
    # ``whip_drop`` along a direction and ``whip_turn`` more than across it; the structure
    # difference between its frames stays at least ``whip_motion``; the colours (half the L1
    # distance of the colour histograms, 0–1) of each frame and both sides stay within
    # ``whip_colour`` of each other; and no frame is brighter as a flash would be.
    whip_frames: int = 8
    whip_hold: float = 0.3
    whip_drop: float = 1.0
    whip_turn: float = 0.3
    whip_motion: float = 3.0
    whip_colour: float = 0.5
    # Fast pans and scrolls (ADR 008, "fast pans"): a spike is no cut when the previous frame,
    # moved as a whole by more than ``search`` (found by phase correlation), explains the new
    # one to within ``pan_residual`` of the plain structure difference (what is left matched
    # as the structure measure matches it), with at least ``pan_overlap`` of the picture in
    # common, the colours within ``whip_colour``, and the picture moving the same way, at
    # least ``pan_follow`` as fast, one frame before or after (a crop jump between two still
    # framings, or out of a slow pan, is a cut).
    pan_residual: float = 0.5
    pan_overlap: float = 0.4
    pan_follow: float = 0.3
    # Flickering light (ADR 008, "flickering light"): a spike is a change of light when the
    # previous frame, brightened or darkened as a whole (a gain and an offset, fitted), would
    # leave no evidence, and the picture's tint (mean colour-opponent channels ÷ brightness)
    # moves by at most ``relight_tint``. Such a spike is no cut when its brightness step is
    # at least ``flicker_step`` (log2) and within ``flicker_frames`` frames either side the
    # light steps back the other way by at least ``flicker_back`` of it: a lamp, a candle, a
    # mirror ball. A change of light that stays is still a cut.
    relight_tint: float = 0.1
    flicker_step: float = 0.15
    flicker_frames: int = 12
    flicker_back: float = 0.5
    # Flares (ADR 008, "flares"): a spike where the picture brightens by at least
    # ``flare_rise`` (log2 of the mean brightness) is no cut when within ``flare_frames``
    # frames, with no other spike on the way, the brightness falls back by at least
    # ``flare_back`` of the rise, and the frame before the spike and the one where the light
    # has fallen back differ by less than ``flare_same`` evidence: the same shot either side
    # of sparks, a flame flaring, headlights passing. A cut into a brighter shot stays.
    flare_frames: int = 4
    flare_rise: float = 0.15
    flare_back: float = 0.5
    flare_same: float = 5.0


@dataclass(frozen=True)
class CutReport:
    cut_frames: tuple[int, ...]  # index of the first frame of each new shot
    white_flash_cuts: tuple[int, ...]  # the subset reached through a short flash
    differences: tuple[float, ...]  # per-frame structure difference (for tuning)
    evidence: tuple[float, ...] = ()  # per-frame evidence of a cut (for tuning)
    whips: tuple[tuple[int, int], ...] = ()  # (first smeared frame, landing frame) of whip pans


@dataclass(frozen=True)
class _Frame:
    picture: np.ndarray  # luma scaled to a mean of 128, cropped to whole blocks
    activity: np.ndarray  # standard deviation of each block
    layout: np.ndarray | None = None  # (3, rows, cols) brightness and colour of coarse cells
    palette: np.ndarray | None = None  # colour and brightness histogram, sums to 2
    texture: np.ndarray | None = None  # gradient energy of coarse cells
    orientation: np.ndarray | None = None  # share of detail along 4 directions, coarse cells
    brightness: float = 0.0  # mean luma, 0–255
    # log2 of the mean detail across, down and along both diagonals (motion blur lowers one)
    directions: tuple[float, ...] = ()
    colour: np.ndarray | None = None  # the colour picture the layout and palette were taken of


def _block_sums(x: np.ndarray, b: int) -> np.ndarray:
    # Strided slice additions: several times faster than reshape(...).sum(axis=(…)) on the
    # small arrays used here, where numpy's reduction set-up dominates.
    cols = x[..., 0::b].copy()
    for i in range(1, b):
        cols += x[..., i::b]
    rows = cols[..., 0::b, :].copy()
    for i in range(1, b):
        rows += cols[..., i::b, :]
    return rows


def _mean(x: np.ndarray) -> float:
    # ``ndarray.mean`` goes through several Python-level layers; on arrays this small they
    # cost more than the sum itself.
    return float(np.add.reduce(x, axis=None)) / x.size


def _box_mean(x: np.ndarray, cell: int) -> np.ndarray:
    h = x.shape[-2] // cell * cell
    w = x.shape[-1] // cell * cell
    return _block_sums(x[..., :h, :w], cell) * np.float32(1.0 / (cell * cell))


def _colour_layout_and_palette(rgb: np.ndarray, cells: int) -> tuple[np.ndarray, np.ndarray]:
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    y = _luma(rgb)
    # Brightness relative to the picture's mean, so lighting ramps shift nothing; colour as two
    # opponent channels (red–green, blue–yellow), which a hue change turns.
    relative = y * np.float32(0.5 / max(_mean(y), 0.03))
    red_green = r - g
    blue_yellow = b - 0.5 * (r + g)
    cell = max(1, min(y.shape) // cells)
    layout = _box_mean(np.stack((relative, 2 * red_green, 2 * blue_yellow)), cell)
    # Soft bins: each pixel is shared between the two nearest bins of each axis, so a slow
    # hue drift or lighting ramp moves the histogram smoothly instead of tipping a washed-out
    # picture's pixels over a bin edge all in one frame.
    (rg0, rg1), (rg_w0, rg_w1) = _soft_bins((red_green.ravel() + 0.6) * (8 / 1.2) - 0.5, 8)
    (by0, by1), (by_w0, by_w1) = _soft_bins((blue_yellow.ravel() + 0.6) * (8 / 1.2) - 0.5, 8)
    colours = (np.bincount(rg0 * 8 + by0, rg_w0 * by_w0, _COLOURS)
               + np.bincount(rg0 * 8 + by1, rg_w0 * by_w1, _COLOURS)
               + np.bincount(rg1 * 8 + by0, rg_w1 * by_w0, _COLOURS)
               + np.bincount(rg1 * 8 + by1, rg_w1 * by_w1, _COLOURS))
    (lv0, lv1), (lv_w0, lv_w1) = _soft_bins(relative.ravel() * 8 - 0.5, 12)
    levels = np.bincount(lv0, lv_w0, 12) + np.bincount(lv1, lv_w1, 12)
    palette = np.concatenate((colours / colours.sum(), levels / levels.sum())).astype(np.float32)
    return layout, palette


def _soft_bins(position: np.ndarray, bins: int) -> tuple[tuple[np.ndarray, np.ndarray],
                                                         tuple[np.ndarray, np.ndarray]]:
    """The two bins around each fractional bin ``position`` (centres at 0, 1, …) and their
    weights, linear in the distance; positions beyond the end bins go wholly to them."""
    x = np.clip(position, 0.0, bins - 1.0)
    low = np.minimum(x.astype(np.int32), bins - 2)
    upper = x - low
    return (low, low + 1), (1.0 - upper, upper)


def _texture(detail: np.ndarray, cells: int,
             flat: float) -> tuple[np.ndarray, np.ndarray, tuple[float, ...]]:
    """Gradient energy of coarse cells, and the share of it along each of four directions
    (across, down and the two diagonals): a quarter turn swaps across and down, a mirror
    swaps the diagonals, which a shapeless busy texture's own motion does not. Also log2 of
    the whole picture's mean detail along each direction."""
    z = detail * np.float32(1.0 / max(_mean(detail), 8.0))
    across = np.diff(z, axis=1)[:-1, :]
    down = np.diff(z, axis=0)[:, :-1]
    cell = max(1, min(across.shape) // cells)
    h = across.shape[0] // cell * cell
    w = across.shape[1] // cell * cell
    across, down = across[:h, :w], down[:h, :w]
    sums = _block_sums(np.abs(np.stack((across, down, across + down, across - down))), cell)
    energy = (sums[0] + sums[1]) * np.float32(100.0 / (cell * cell))
    # Cells with little detail (a night sky, a wall in shadow) have no direction to speak of:
    # the floor keeps their shares near zero instead of amplifying grain or a dissolve's
    # remnants.
    orientation = sums * (np.float32(100.0) / (sums.sum(axis=0) + np.float32(cell * cell * flat)))
    totals = np.add.reduce(sums.reshape(4, -1), axis=1) * (1.0 / (h * w))
    return energy, orientation, tuple(math.log2(float(t) + 1e-3) for t in totals)


def _activity(picture: np.ndarray, b: int) -> np.ndarray:
    """Standard deviation of each ``b``×``b`` block."""
    n = float(b * b)
    mean = _block_sums(picture, b) / n
    mean_sq = _block_sums(picture * picture, b) / n
    return np.sqrt(np.maximum(mean_sq - mean * mean, 0.0))


def prepare(luma: np.ndarray, params: CutParams, rgb: np.ndarray | None = None,
            detail: np.ndarray | None = None) -> _Frame:
    b = params.block
    h = luma.shape[0] // b * b
    w = luma.shape[1] // b * b
    # Lighting ramps and exposure drift scale the whole picture; dividing by the mean keeps
    # them from looking like structure changing.
    brightness = _mean(luma)
    picture = luma[:h, :w] * np.float32(128.0 / max(brightness, 8.0))
    activity = _activity(picture, b)
    layout = palette = texture = orientation = None
    directions: tuple[float, ...] = ()
    colour = None
    if rgb is not None:
        colour = rgb[:max(2, round(rgb.shape[0] * params.caption_top))]
        layout, palette = _colour_layout_and_palette(colour, params.layout_cells)
    if detail is not None:
        top = detail[:max(3, round(detail.shape[0] * params.caption_top))]
        texture, orientation, directions = _texture(top, params.layout_cells,
                                                    params.flat_detail)
    return _Frame(picture, activity, layout, palette, texture, orientation, brightness,
                  directions, colour)


def differences(previous: _Frame, current: _Frame, params: CutParams) -> np.ndarray:
    """The measures between two frames (NaN where a frame lacks what one needs)."""
    out = np.full(len(MEASURES), np.nan)
    out[0] = block_difference(previous, current, params)
    if previous.layout is not None and current.layout is not None \
            and previous.layout.shape == current.layout.shape:
        out[1] = _mean(np.abs(current.layout - previous.layout)) * 255.0
    if previous.palette is not None and current.palette is not None:
        out[2] = float(np.abs(current.palette - previous.palette).sum()) * 0.25
    if previous.texture is not None and current.texture is not None \
            and previous.texture.shape == current.texture.shape:
        out[3] = _mean(np.abs(current.texture - previous.texture))
    if previous.orientation is not None and current.orientation is not None \
            and previous.texture is not None and current.texture is not None \
            and previous.orientation.shape == current.orientation.shape:
        # Cells weigh by the detail they have in the poorer of the two frames: a cell flat on
        # either side (the dark sky a dissolve ends on) has no direction to compare.
        weight = np.minimum(current.texture, previous.texture)
        turned = np.add.reduce(np.abs(current.orientation - previous.orientation), axis=0)
        out[4] = float(np.add.reduce(turned * weight, axis=None)) \
            / (4.0 * float(np.add.reduce(weight, axis=None)) + 1e-6)
    return out


def evidence(value: np.ndarray, level: np.ndarray, params: CutParams,
             spread: np.ndarray | None = None, intra: bool = False) -> float:
    """Sum over the measures at or above their gate of log2(value / (floor + level)), plus,
    given the neighbours' ``spread``, the weighted log2 of how many spreads above the level
    the value lies (in units of ``spread_ratio``)."""
    total = 0.0
    structure = float(value[0])
    detail_share = 1.0
    full_share = params.detail_structure_intra if intra else params.detail_structure
    if full_share > 0 and not math.isnan(structure):
        detail_share = min(1.0, structure / full_share)
    for k in range(len(MEASURES)):
        v = float(value[k])
        if math.isnan(v) or v < params.gates[k]:
            continue
        base = float(level[k]) if not math.isnan(level[k]) else 0.0
        part = math.log2(max(1.0, v / (params.floors[k] + base)))
        if spread is not None and params.spread_weight:
            wander = float(spread[k]) if not math.isnan(spread[k]) else 0.0
            excess = (v - base) / (params.spread_floors[k] + wander)
            part += params.spread_weight * math.log2(max(1.0, excess / params.spread_ratio))
        total += part * detail_share if k in params.detail_measures else part
    return total


def block_difference(previous: _Frame, current: _Frame, params: CutParams) -> float:
    """Median over blocks of the best motion-compensated mean absolute difference."""
    b, r = params.block, params.search
    cur = current.picture
    h, w = cur.shape
    padded = _pad_edge(previous.picture, r)
    n = 2 * r + 1
    residual = np.empty((n * n, h, w), np.float32)
    for k in range(n * n):
        dy, dx = divmod(k, n)
        residual[k] = padded[dy:dy + h, dx:dx + w]
    residual -= cur
    np.abs(residual, out=residual)
    best = _block_sums(residual, b).min(axis=0) * (1.0 / (b * b))
    # Black bars and flat sky never change; leaving them in would let the median ignore cuts.
    informative = ((current.activity > params.flat_block)
                   | (previous.activity > params.flat_block)
                   | (best > params.flat_block))
    if not informative.any():
        return 0.0
    values = best[informative]
    half = values.size // 2
    if values.size % 2:
        return float(np.partition(values, half)[half])
    low_high = np.partition(values, (half - 1, half))
    return float(low_high[half - 1] + low_high[half]) * 0.5


def _pad_edge(x: np.ndarray, r: int) -> np.ndarray:
    """``np.pad(x, r, mode="edge")`` for a 2-D picture, in six slice copies (np.pad's own
    set-up costs several times more on pictures this small)."""
    h, w = x.shape
    out = np.empty((h + 2 * r, w + 2 * r), x.dtype)
    out[r:r + h, r:r + w] = x
    out[:r, r:r + w] = x[0]
    out[r + h:, r:r + w] = x[-1]
    out[:, :r] = out[:, r:r + 1]
    out[:, r + w:] = out[:, r + w - 1:r + w]
    return out


class CutDetector:
    """Feed reduced frames in order; ``finish`` returns the cuts.

    ``push(luma)`` alone uses the structure measure only; ``push(luma, rgb, detail)`` with the
    colour picture and the finer luma of ``picture.SmallPicture`` uses all five.
    """

    def __init__(self, params: CutParams | None = None) -> None:
        self.params = params or CutParams()
        p = self.params
        self._delay = max(p.neighbours, p.spread_neighbours)
        # Frames kept for bridging a flash: the one before the first spike up to the last.
        # and for a whip pan: the frame before it, its smeared frames and the landing.
        self._recent: deque[_Frame] = deque(maxlen=max(p.max_flash_frames + 2 + self._delay,
                                                       p.whip_frames + 2))
        # Differences to the previous frame, one row per frame (row 0 is zeros); grown by
        # doubling, so neighbour windows are views, not lists turned into arrays every frame.
        self._diffs = np.zeros((1024, len(MEASURES)))
        self._evidence: list[float] = []
        self._intra: list[bool] = []
        self._spikes: list[int] = []
        self._bridges: dict[tuple[int, int], tuple[float, bool]] = {}
        self._whips: list[tuple[int, int]] = []
        self._relights: list[int] = []  # spikes that are a change of light only
        self._brightness: list[float] = []  # mean luma of every frame
        self._flares: dict[int, int] = {}  # spike → frame where its light has fallen back
        self._count = 0

    def push(self, luma: np.ndarray, rgb: np.ndarray | None = None,
             detail: np.ndarray | None = None, intra: bool = False) -> None:
        """Add the next frame; ``intra`` when the encoder coded it whole (an I frame)."""
        frame = prepare(luma, self.params, rgb, detail)
        if self._count >= len(self._diffs):
            self._diffs = np.concatenate((self._diffs, np.zeros_like(self._diffs)))
        if self._recent:
            self._diffs[self._count] = differences(self._recent[-1], frame, self.params)
        self._evidence.append(0.0)
        self._brightness.append(frame.brightness)
        self._intra.append(intra)
        self._recent.append(frame)
        self._count += 1
        if frame.directions:
            self._find_whip(self._count - 1)
        # A frame's spike test needs later differences: decide with that delay.
        decided = self._count - 1 - self._delay
        if decided >= 1:
            self._decide(decided)

    def _level(self, before_end: int, after_start: int) -> tuple[np.ndarray, np.ndarray]:
        """Per measure, the larger of the median differences just before and just after, and
        the larger of the ranges of the differences just before and just after."""
        p = self.params
        d = self._diffs[:self._count]
        level = np.fmax(_median_rows(d[max(1, before_end - p.neighbours):before_end]),
                        _median_rows(d[after_start:after_start + p.neighbours]))
        spread = np.fmax(_range_rows(d[max(1, before_end - p.spread_neighbours):before_end]),
                         _range_rows(d[after_start:after_start + p.spread_neighbours]))
        return level, spread

    def _evidence_between(self, value: np.ndarray, before_end: int, after_start: int,
                          intra: bool = False) -> float:
        level, spread = self._level(before_end, after_start)
        return evidence(value, level, self.params, spread, intra)

    def _decide(self, t: int) -> None:
        p = self.params
        strength = self._evidence_between(self._diffs[t], t, t + 1, self._intra[t])
        self._evidence[t] = strength
        if strength < p.min_evidence:
            return
        if p.pan_residual > 0 and self._panned(t):
            return
        if p.flare_frames > 0:
            self._note_flare(t)
        if p.flicker_frames > 0 and self._relit(t):
            # Still a spike: whether the light flickers shows only in the frames after.
            self._relights.append(t)
        self._spikes.append(t)
        # Keep what is needed to bridge a flash that may end at t: the frame before each
        # recent spike against this frame, while both are still in memory, weighed against
        # the change before the first spike and after this one.
        for earlier in self._spikes[-1 - p.max_flash_frames:-1]:
            if t - earlier <= p.max_flash_frames:
                bridge = self._frame_difference(earlier - 1, t)
                self._bridges[(earlier, t)] = (self._evidence_between(bridge, earlier, t + 1),
                                               self._is_flash(earlier, t))

    def _panned(self, t: int) -> bool:
        """Whether frame ``t`` is frame ``t - 1`` moved as a whole, the picture moving the same
        way just before or after (a fast pan or a scrolled phone screen)."""
        p = self.params
        first = self._count - len(self._recent)
        if t - 2 < first or t + 1 >= self._count:
            return False
        frames = [self._recent[k - first] for k in range(t - 2, t + 2)]
        before, previous, current, after = frames
        if _colour_distance(previous, current) > p.whip_colour:
            return False
        shift, residual = _global_shift(previous.picture, current.picture, p)
        structure = float(self._diffs[t, 0])
        if shift is None or max(abs(shift[0]), abs(shift[1])) <= p.search \
                or residual > p.pan_residual * structure:
            return False
        # The same way, and at least ``pan_follow`` as fast along the main axis of the move.
        axis = 0 if abs(shift[0]) >= abs(shift[1]) else 1
        for a, b in ((before, previous), (current, after)):
            other, other_residual = _global_shift(a.picture, b.picture, p)
            if other is not None and other_residual <= p.gates[0] \
                    and other[axis] * shift[axis] > 0 \
                    and abs(other[axis]) >= p.pan_follow * abs(shift[axis]):
                return True
        return False

    def _relit(self, t: int) -> bool:
        """Whether frame ``t`` is frame ``t - 1`` in other light: the previous frame brightened
        or darkened as a whole (gain and offset fitted by least squares, which also covers a
        lifted, washed-out grade) leaves no evidence of a cut, and the tint stays."""
        p = self.params
        first = self._count - len(self._recent)
        if t - 1 < first:
            return False
        previous, current = self._recent[t - 1 - first], self._recent[t - first]
        if previous.colour is None or current.colour is None or current.layout is None:
            return False
        (rg_a, by_a), (rg_b, by_b) = _tint(previous.colour), _tint(current.colour)
        if math.hypot(rg_a - rg_b, by_a - by_b) > p.relight_tint:
            return False
        value = self._diffs[t].copy()
        gain, offset = _fit(previous.picture, current.picture)
        lit = previous.picture * np.float32(gain) + np.float32(offset)
        value[0] = block_difference(_Frame(lit, _activity(lit, p.block)), current, p)
        gain, offset = _fit(_luma(previous.colour), _luma(current.colour))
        layout, palette = _colour_layout_and_palette(
            np.clip(previous.colour * np.float32(gain) + np.float32(offset), 0.0, 1.0),
            p.layout_cells)
        value[1] = _mean(np.abs(current.layout - layout)) * 255.0
        value[2] = float(np.abs(current.palette - palette).sum()) * 0.25
        return self._evidence_between(value, t, t + 1, self._intra[t]) < p.min_evidence

    def _note_flare(self, t: int) -> None:
        """Note spike ``t`` as a flare when its light falls back within a few frames and the
        picture then is the one before it (whether a spike lies between is known later)."""
        p = self.params
        b = self._brightness
        rise = math.log2(max(b[t], 1.0) / max(b[t - 1], 1.0))
        first = self._count - len(self._recent)
        if rise < p.flare_rise or t - 1 < first:
            return
        for k in range(t + 1, min(self._count, t + 1 + p.flare_frames)):
            if math.log2(max(b[k], 1.0) / max(b[t - 1], 1.0)) <= (1.0 - p.flare_back) * rise:
                same = self._evidence_between(self._frame_difference(t - 1, k), t, k + 1)
                if same < p.flare_same:
                    self._flares[t] = k
                return

    def _flickers(self, t: int, changes: set[int]) -> bool:
        """Whether the light that changed at frame ``t`` steps back the other way nearby, at a
        frame that is not a change of picture (``changes``: spikes that are not relit)."""
        p = self.params
        b = self._brightness

        def step(k: int) -> float:
            return math.log2(max(b[k], 1.0) / max(b[k - 1], 1.0))

        here = step(t)
        if abs(here) < p.flicker_step:
            return False
        near = [*range(max(1, t - p.flicker_frames), t),
                *range(t + 1, min(len(b), t + 1 + p.flicker_frames))]
        return any(step(k) * here < 0 and abs(step(k)) >= p.flicker_back * abs(here)
                   and k not in changes for k in near)

    def _find_whip(self, landing: int) -> None:
        """Note the longest whip pan, if any, that lands on frame ``landing``."""
        first = self._count - len(self._recent)
        # Every stretch ending here has the frame before the landing as its last smeared one:
        # most frames are over at this one test.
        if len(self._recent) < 4:
            return
        last, end = self._recent[-2].directions, self._recent[-1].directions
        if not last or max(e - f for e, f in zip(end, last, strict=True)) < self.params.whip_hold:
            return
        for length in range(self.params.whip_frames, 1, -1):
            before = landing - length - 1
            if before >= max(first, 0) and self._is_whip(before, landing, first):
                self._whips.append((before + 1, landing))
                return

    def _is_whip(self, before: int, landing: int, first: int) -> bool:
        p = self.params
        frames = [self._recent[k - first] for k in range(before, landing + 1)]
        side_a, side_b, smeared = frames[0], frames[-1], frames[1:-1]
        if not side_a.directions or not side_b.directions:
            return False
        peak = False
        for frame in smeared:
            if not frame.directions:
                return False
            lost_a = [a - f for a, f in zip(side_a.directions, frame.directions, strict=True)]
            lost_b = [b - f for b, f in zip(side_b.directions, frame.directions, strict=True)]
            lost = [min(a, b) for a, b in zip(lost_a, lost_b, strict=True)]
            if max(lost) < p.whip_hold:
                return False
            # Smeared along k: much detail lost along it, and more than across it.
            peak = peak or any(
                lost[k] >= p.whip_drop
                and lost_a[k] - lost_a[_ACROSS[k]] >= p.whip_turn
                and lost_b[k] - lost_b[_ACROSS[k]] >= p.whip_turn
                for k in range(4))
        if not peak:
            return False
        if float(self._diffs[before + 2:landing, 0].min()) < p.whip_motion:
            return False
        lit = min(max(side_a.brightness, side_b.brightness) + p.flash_rise, p.white)
        if max(frame.brightness for frame in smeared) >= lit:
            return False
        return all(_colour_distance(x, y) <= p.whip_colour
                   for x, y in [(side_a, side_b)] + [(f, side) for f in smeared
                                                     for side in (side_a, side_b)])

    def _frame_difference(self, i: int, j: int) -> np.ndarray:
        first = self._count - len(self._recent)
        return differences(self._recent[i - first], self._recent[j - first], self.params)

    def _is_flash(self, first_spike: int, last_spike: int) -> bool:
        """Whether the frames from the first spike up to the last are brighter than both
        sides: a white flash or lightning, not two changes of picture in a row."""
        first = self._count - len(self._recent)
        inside = [self._recent[k - first].brightness for k in range(first_spike, last_spike)]
        sides = (self._recent[first_spike - 1 - first].brightness,
                 self._recent[last_spike - first].brightness)
        # Near-white frames count whatever the sides: a 闪白 out of an already bright shot.
        return min(inside) >= min(max(sides) + self.params.flash_rise, self.params.white)

    def finish(self) -> CutReport:
        for t in range(max(1, self._count - self._delay), self._count):
            self._decide(t)
        cuts: list[int] = []
        flash_cuts: list[int] = []
        p = self.params
        i = 0
        whips = _merged(self._whips)
        changes = set(self._spikes).difference(self._relights)
        flickers = {t for t in self._relights if self._flickers(t, changes)}
        spiked = set(self._spikes)
        flares = {t for t, k in self._flares.items()
                  if not spiked.intersection(range(t + 1, k + 1))}
        spikes = [s for s in self._spikes if not any(a <= s <= b for a, b in whips)]
        while i < len(spikes):
            j = i
            while j + 1 < len(spikes) and spikes[j + 1] - spikes[j] <= p.max_flash_frames \
                    and spikes[j + 1] - spikes[i] <= p.max_flash_frames:
                j += 1
            bridge, flash = self._bridges.get((spikes[i], spikes[j]), (0.0, False))
            # Decided on whole events: a lightning strike stays one flash inside a shot, and
            # a light that flickers over a few spikes is no cut at any of them.
            flickering = any(s in flickers for s in spikes[i:j + 1])
            if j == i and not flickering:
                cuts.append(spikes[i])
            elif j > i and bridge >= p.min_evidence and flash and spikes[j] not in flickers:
                cuts.append(spikes[j])
                flash_cuts.append(spikes[j])
            elif j > i and bridge >= p.min_evidence and not flash and not flickering:
                # No flash between: one change of shot seen over a few frames (a busy shot's
                # own jolt beside a cut); the strongest spike is the cut.
                cuts.append(max(spikes[i:j + 1], key=lambda k: self._evidence[k]))
            i = j + 1
        cuts = [c for c in cuts if c not in flares]
        flash_cuts = [c for c in flash_cuts if c not in flares]
        return CutReport(tuple(cuts), tuple(flash_cuts),
                         tuple(float(d) for d in self._diffs[:self._count, 0]),
                         tuple(self._evidence), tuple(whips))


def _global_shift(previous: np.ndarray, current: np.ndarray, params: CutParams
                  ) -> tuple[tuple[int, int] | None, float]:
    """The whole-picture move (dy, dx) taking ``previous`` to ``current`` (phase correlation:
    NumPy's FFT on pictures this small costs tens of microseconds, and only spikes are
    looked at), and the structure difference of the two where they overlap after it.
    (None, inf) when the overlap is below ``pan_overlap`` of the picture."""
    h, w = current.shape
    spectrum = np.fft.rfft2(current - current.mean()) * np.conj(
        np.fft.rfft2(previous - previous.mean()))
    spectrum /= np.abs(spectrum) + 1e-6
    peak = int(np.argmax(np.fft.irfft2(spectrum, s=(h, w))))
    dy, dx = divmod(peak, w)
    dy = dy - h if dy > h // 2 else dy
    dx = dx - w if dx > w // 2 else dx
    if (h - abs(dy)) * (w - abs(dx)) < params.pan_overlap * h * w:
        return None, math.inf
    old = previous[max(0, -dy):h - max(0, dy), max(0, -dx):w - max(0, dx)]
    new = current[max(0, dy):h - max(0, -dy), max(0, dx):w - max(0, -dx)]
    b = params.block
    rows, cols = old.shape[0] // b * b, old.shape[1] // b * b
    if rows < 2 * b or cols < 2 * b:
        return None, math.inf
    old, new = old[:rows, :cols], new[:rows, :cols]
    # What is left is matched as the structure measure matches it: a move of a fraction of a
    # pixel, or a hand on the screen, is not what tells a new picture.
    residual = block_difference(_Frame(old, _activity(old, b)), _Frame(new, _activity(new, b)),
                                params)
    return (dy, dx), residual


# For each direction of ``_Frame.directions``, the one across it.
_ACROSS = (1, 0, 3, 2)


def _colour_distance(a: _Frame, b: _Frame) -> float:
    """Half the L1 distance of two frames' colour histograms: 0 the same colours, 1 none
    shared (1.0 too when a frame has no colour picture)."""
    if a.palette is None or b.palette is None:
        return 1.0
    return float(np.abs(a.palette[:_COLOURS] - b.palette[:_COLOURS]).sum()) * 0.5


def _tint(rgb: np.ndarray) -> tuple[float, float]:
    """The picture's mean red–green and blue–yellow, ÷ its mean brightness: the colour of
    the light and the scene, whatever the light's strength."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    y = max(_mean(_luma(rgb)), 0.02)
    return _mean(r - g) / y, _mean(b - 0.5 * (r + g)) / y


def _luma(rgb: np.ndarray) -> np.ndarray:
    return 0.2126 * rgb[..., 0] + 0.7152 * rgb[..., 1] + 0.0722 * rgb[..., 2]


def _fit(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Least-squares gain and offset taking ``a`` to ``b`` (gain 1 when ``a`` is flat)."""
    ma, mb = _mean(a), _mean(b)
    da = a - ma
    var = _mean(da * da)
    if var < 1e-9:
        return 1.0, mb - ma
    gain = _mean(da * (b - mb)) / var
    return gain, mb - gain * ma


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (first, last) spans joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _median_rows(rows: np.ndarray) -> np.ndarray:
    """Per column, the median of a few rows (zeros when there are none)."""
    n = len(rows)
    if n == 0:
        return np.zeros(rows.shape[1])
    ordered = np.sort(rows, axis=0)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) * 0.5


def _range_rows(rows: np.ndarray) -> np.ndarray:
    """Per column, the range of a few rows (zeros when there are fewer than two)."""
    if len(rows) < 2:
        return np.zeros(rows.shape[1])
    return np.max(rows, axis=0) - np.min(rows, axis=0)
