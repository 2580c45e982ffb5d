"""Held-back set J (seeds from 9900): busy micro-drama episodes with the editing of Douyin and
Kuaishou, sources and a planner of their own.

Made without reading the sources or planners of sets F–I. Ten places that phone-shot costume
and city dramas show, each a deterministic generator where things and people pass close to the
lens and the light changes by itself: a villa living room with a crystal chandelier and a maid
walking past, an office lift whose doors open and close, a night street of neon shop signs with
scooters passing close, a classroom with sunlit windows and pupils, a train platform with a
train sliding past, a restaurant with waiters crossing close to the lens, a wheat field in gusty
wind, a gym with a mirror wall, a supermarket aisle with a trolley coming, a village lane with
chickens and laundry flapping. Every place also has a quiet variant (``NAME_quiet``: the same
room with its people standing still and nothing passing), the calm scenes of this set.

On top of the footage, the editing effects of micro-drama apps, inside shots (not cuts, each
labelled with a frame kind of its own): big animated caption stickers (花字) and emoji stickers
popping in and out anywhere on the picture (``sticker``), a digital zoom punch (``punch``), a
screen-shake effect (``shake_fx``), a glow pulse (``glow``), slow motion (``slowmo``) and freeze
frames (``freeze``); and as cuts: jump cuts, match cuts, cuts on action and glitch transitions
(RGB split and slices for 2–4 frames, ``glitch_fx``; the cut, of kind ``glitch``, is labelled at
the first clean frame of the new shot). The planner ``_j_plan`` uses the other sets' cut labels
(``busy_media.CUT_KINDS``) and frame kinds, and adds whip pans, rack focus, flicker, passing
shadows and moving light, and things wiping past the lens (``wipe``) inside shots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from tests.accessibility.pacing.busy_media import (
    _SOURCES,
    CALM_SOURCES,
    HELD_BACK_J_SEED,
    BusyPlan,
    BusyShot,
    Camera,
    _hue_matrix,
    _lay_out,
    _Source,
    box_blur,
)

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
QUIET = "_quiet"  # suffix of a place's calm variant: people standing still, nothing passing

# --- drawing helpers ----------------------------------------------------------------------------


def _box(out: np.ndarray, y0: float, x0: float, y1: float, x1: float,
         colour: np.ndarray | tuple[float, float, float] | float, alpha: float = 1.0) -> None:
    """Fill a rectangle (clipped to the picture), blended with ``alpha``."""
    h, w = out.shape[:2]
    ya, yb = max(0, int(y0)), min(h, int(y1))
    xa, xb = max(0, int(x0)), min(w, int(x1))
    if yb <= ya or xb <= xa:
        return
    c = np.asarray(colour, np.float32)
    if alpha >= 1.0:
        out[ya:yb, xa:xb] = c
    else:
        patch = out[ya:yb, xa:xb]
        patch *= 1 - alpha
        patch += c * alpha


def _oval(out: np.ndarray, cy: float, cx: float, ry: float, rx: float,
          colour: np.ndarray | tuple[float, float, float] | float, alpha: float = 1.0) -> None:
    """Fill an ellipse (clipped), blended with ``alpha``."""
    h, w = out.shape[:2]
    ya, yb = max(0, int(cy - ry)), min(h, int(cy + ry) + 1)
    xa, xb = max(0, int(cx - rx)), min(w, int(cx + rx) + 1)
    if yb <= ya or xb <= xa or ry < 1 or rx < 1:
        return
    yy = (np.arange(ya, yb, dtype=np.float32)[:, None] - cy) / ry
    xx = (np.arange(xa, xb, dtype=np.float32)[None, :] - cx) / rx
    mask = ((yy * yy + xx * xx) <= 1)[..., None] * np.float32(alpha)
    patch = out[ya:yb, xa:xb]
    patch += (np.asarray(colour, np.float32) - patch) * mask


def _person(out: np.ndarray, x: float, feet: float, tall: float, cloth: np.ndarray,
            skin: np.ndarray, step: float = 0.0, alpha: float = 1.0,
            arms: float = 0.0) -> None:
    """A standing or walking person: round head, shoulders and body, legs swinging by ``step``."""
    head = tall * 0.13
    body_w = tall * 0.26
    top = feet - tall
    _oval(out, top + head * 0.55, x, head * 0.55, head * 0.45, skin, alpha)
    _oval(out, top + head * 0.3, x, head * 0.4, head * 0.5, cloth * 0.3, alpha)  # hair
    _oval(out, top + head * 1.45, x, head * 0.5, body_w * 0.5, cloth, alpha)  # shoulders
    _box(out, top + head * 1.4, x - body_w * 0.5, feet - tall * 0.45, x + body_w * 0.5, cloth,
         alpha)
    swing = tall * 0.08 * step
    leg = body_w * 0.2
    _box(out, feet - tall * 0.46, x - leg * 1.6 + swing, feet, x - leg * 0.2 + swing,
         cloth * 0.6, alpha)
    _box(out, feet - tall * 0.46, x + leg * 0.2 - swing, feet, x + leg * 1.6 - swing,
         cloth * 0.6, alpha)
    lift = tall * 0.25 * arms
    _box(out, top + head * 1.5 - lift, x - body_w * 0.75, feet - tall * 0.5 - lift,
         x - body_w * 0.5, skin * 0.9, alpha)
    _box(out, top + head * 1.5 - lift, x + body_w * 0.5, feet - tall * 0.5 - lift,
         x + body_w * 0.75, skin * 0.9, alpha)


def _gradient(h: int, w: int, top: np.ndarray, bottom: np.ndarray) -> np.ndarray:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    return np.broadcast_to(top * (1 - t) + bottom * t, (h, w, 3)).astype(np.float32)


def _texture(rng: np.random.Generator, h: int, w: int, cell: int, depth: float) -> np.ndarray:
    """Blocky value noise around 1 (plaster, wood, fabric), ``h``×``w``×1."""
    small = rng.uniform(1 - depth, 1 + depth, (h // cell + 2, w // cell + 2)).astype(np.float32)
    return np.repeat(np.repeat(small, cell, 0), cell, 1)[:h, :w, None]


def _soft(h: int, w: int, cy: float, cx: float, ry: float, rx: float) -> np.ndarray:
    """A soft round spot of light 0–1 (computed at a quarter size, then enlarged)."""
    q = 4
    yy = (np.arange(0, h, q, dtype=np.float32)[:, None] - cy) / max(ry, 1)
    xx = (np.arange(0, w, q, dtype=np.float32)[None, :] - cx) / max(rx, 1)
    spot = np.exp(-(yy * yy + xx * xx) * 2)
    return np.repeat(np.repeat(spot, q, 0), q, 1)[:h, :w, None]


# Colour schemes of the places, by ``palette % 5``: warm, cool, green, rose, neutral.
_SCHEMES = np.array([
    [[200, 160, 110], [120, 70, 40], [240, 210, 150]],
    [[120, 150, 190], [40, 60, 90], [190, 215, 240]],
    [[130, 170, 120], [50, 80, 50], [200, 225, 170]],
    [[210, 140, 150], [100, 50, 70], [245, 200, 205]],
    [[170, 165, 160], [70, 68, 66], [225, 222, 215]],
], np.float32)


class _Place(_Source):
    """A place of set J: a background fixed by the place's name and ``palette`` (the same room
    for every scene with the same name and palette; ``palette // 5`` odd is the room seen from
    the other side), and people and things moving over it, drawn with the scene's own ``rng``.
    The quiet variant keeps its people standing still and lets nothing pass."""

    quiet = False
    key = 0

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.scheme = _SCHEMES[palette % 5]
        self.reverse = (palette // 5) % 2 == 1
        layout = np.random.default_rng(1000 * self.key + palette % 10)
        self.back = self.build(layout)
        if self.reverse:  # the other side of the room: things elsewhere, the same light
            turned = np.roll(self.back[:, ::-1], int(0.35 * width), axis=1)
            self.back = turned * _texture(layout, height, width, max(8, int(60 * self.scale)),
                                          0.05)
            for _ in range(5):  # a door, cabinets, a picture on that side
                y0, x0 = layout.uniform(0.15, 0.7) * height, layout.uniform(-0.1, 0.9) * width
                _box(self.back, y0, x0, y0 + layout.uniform(0.08, 0.3) * height,
                     x0 + layout.uniform(0.1, 0.3) * width,
                     self.scheme[int(layout.integers(0, 3))] * layout.uniform(0.6, 1.1))
        self.t = 0
        self.people = [self._someone(float(rng.uniform(0.1, 0.9)) * width) for _ in range(4)]

    def _someone(self, x: float) -> list[float]:
        rng = self.rng
        return [x, float(rng.uniform(0.55, 0.8)) * self.h, float(rng.uniform(0.25, 0.45)) * self.h,
                float(rng.uniform(-3, 3)) * self.scale, float(rng.uniform(0, 6.3)),
                *rng.uniform(30, 220, 3), *rng.uniform([170, 120, 90], [240, 190, 160])]

    def build(self, rng: np.random.Generator) -> np.ndarray:
        raise NotImplementedError

    def draw(self, out: np.ndarray) -> None:
        raise NotImplementedError

    def crowd(self, out: np.ndarray, count: int, scale: float = 1.0) -> None:
        """The place's people: walking slowly (or standing still in the quiet variant)."""
        for p in self.people[:count]:
            if not self.quiet:
                p[0] = (p[0] + p[3]) % (self.w * 1.2)
                p[4] += 0.35
            step = 0.0 if self.quiet else float(np.sin(p[4]))
            _person(out, p[0] - 0.1 * self.w, p[1], p[2] * scale, np.array(p[5:8], np.float32),
                    np.array(p[8:11], np.float32), step)

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.back.copy()
        self.draw(out)
        return out


class _Villa(_Place):
    """A villa living room: cream walls, a tall window, a sofa, a crystal chandelier that
    sparkles and sways, and a maid walking past (sometimes right in front of the lens)."""

    key = 1

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, s[2] * 0.95, s[0] * 0.7) * _texture(rng, h, w, max(4, w // 90), 0.04)
        _box(back, 0.18 * h, 0.62 * w, 0.62 * h, 0.95 * w, (235, 240, 245))  # window
        _box(back, 0.18 * h, 0.775 * w, 0.62 * h, 0.795 * w, s[1])
        _box(back, 0.62 * h, 0, h, w, s[1] * 0.9)  # floor
        _box(back, 0.66 * h, 0.2 * w, 0.8 * h, 0.8 * w, s[0] * 1.1)  # rug
        _box(back, 0.5 * h, 0.05 * w, 0.66 * h, 0.55 * w, (150, 40, 45))  # sofa
        _box(back, 0.46 * h, 0.05 * w, 0.52 * h, 0.55 * w, (120, 30, 35))
        _box(back, 0.25 * h, 0.12 * w, 0.4 * h, 0.4 * w, s[1] * 0.8)  # painting
        _box(back, 0.27 * h, 0.14 * w, 0.38 * h, 0.38 * w, rng.uniform(60, 200, 3))
        self.crystals = np.stack([rng.uniform(0.02, 0.16, 90) * h,
                                  rng.uniform(-1, 1, 90)], 1)
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        sway = 0.0 if self.quiet else 6 * self.scale * np.sin(t / 9)
        _box(out, 0, 0.5 * w - 2, 0.03 * h, 0.5 * w + 2, (200, 180, 120))
        for k, (y, u) in enumerate(self.crystals):
            x = 0.5 * w + u * (0.02 * h + y * 0.9) + sway * y / (0.16 * h)
            lit = 1.0 if self.quiet else float(self.rng.random() < 0.35)
            size = (4 + 5 * lit) * self.scale
            colour = (255, 250, 225) if lit else (210, 200, 170)
            _box(out, y + 0.02 * h, x - size / 2, y + 0.02 * h + size, x + size / 2, colour)
            if lit and k % 3 == 0:
                _oval(out, y + 0.02 * h, x, size * 3, size * 3, (255, 245, 210), 0.25)
        self.crowd(out, 1)
        if self.quiet:
            return
        # The maid: far across the room, or close past the lens, every few seconds.
        phase = (t + 40 * self.key) % 140
        if phase < 60:
            near = (t // 140) % 2 == 1
            u = phase / 60
            x = (-0.3 + 1.6 * u) * w if near else (1.1 - 1.2 * u) * w
            tall = 1.5 * h if near else 0.45 * h
            feet = 1.25 * h if near else 0.72 * h
            _person(out, x, feet, tall, np.array((20, 20, 24), np.float32),
                    np.array((220, 180, 150), np.float32), float(np.sin(phase / 2.5)))
            _box(out, feet - tall * 0.5, x - tall * 0.09, feet - tall * 0.3, x + tall * 0.09,
                 (235, 235, 235))  # apron


class _Lift(_Place):
    """An office lift lobby: steel doors that open on a lit cabin with people and close
    again, a floor indicator counting, reflections sliding over the steel."""

    key = 2

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, s[2] * 0.8, s[1]) * _texture(rng, h, w, max(4, w // 40), 0.06)
        _box(back, 0.78 * h, 0, h, w, s[1] * 0.6)
        _box(back, 0.18 * h, 0.14 * w, 0.8 * h, 0.86 * w, (90, 90, 95))  # frame
        _box(back, 0.08 * h, 0.4 * w, 0.14 * h, 0.6 * w, (15, 15, 15))  # indicator
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        left, right, top, bottom = 0.18 * w, 0.82 * w, 0.2 * h, 0.8 * h
        cycle = (t + 25 * self.key) % 120
        if self.quiet:
            opening = 0.0
        elif cycle < 15:
            opening = cycle / 15
        elif cycle < 70:
            opening = 1.0
        elif cycle < 85:
            opening = 1 - (cycle - 70) / 15
        else:
            opening = 0.0
        # The cabin behind the doors: bright, a person or two stepping out towards the lens.
        _box(out, top, left, bottom, right, (235, 225, 190))
        if not self.quiet and 10 < cycle < 80:
            grow = 1 + (cycle - 10) / 40
            _person(out, 0.42 * w, bottom + (grow - 1) * 0.25 * h, 0.45 * h * grow,
                    np.array((40, 45, 70), np.float32), np.array((215, 175, 145), np.float32),
                    float(np.sin(cycle / 3)))
        half = (right - left) / 2
        gap = half * opening
        steel = np.linspace(150, 205, int(half) + 1, dtype=np.float32)[None, :, None]
        for side in (-1, 1):
            x0 = left - gap if side < 0 else left + half + gap
            xa, xb = max(int(left), int(x0)), min(int(right), int(x0 + half))
            if xb > xa:
                out[int(top):int(bottom), xa:xb] = steel[:, :xb - xa] * np.array(
                    (1.0, 1.0, 1.04), np.float32)
        # A reflection sliding over the steel, someone passing behind the camera.
        shine = (t * 7 * self.scale) % (1.6 * w) - 0.3 * w
        if not self.quiet:
            band = np.clip(1 - np.abs(np.arange(int(left), int(right)) - shine) / (0.08 * w), 0, 1)
            out[int(top):int(bottom), int(left):int(right)] += band[None, :, None] * 70
        digit = 0 if self.quiet else (t // 12) % 10
        for k in range(digit + 1):
            _box(out, 0.09 * h, 0.42 * w + k * 0.016 * w, 0.13 * h, 0.42 * w + k * 0.016 * w
                 + 0.01 * w, (255, 60, 40))
        self.crowd(out, 1)


class _NeonStreet(_Place):
    """A night street of shop signs in neon, some blinking and chasing, their colours wavering
    on the wet road, and scooters passing close with their headlights."""

    key = 3

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w = self.h, self.w
        back = _gradient(h, w, np.array((12, 10, 30), np.float32), np.array((30, 28, 40),
                                                                            np.float32))
        for _ in range(7):  # buildings
            x0 = rng.uniform(-0.1, 0.9) * w
            _box(back, rng.uniform(0.05, 0.3) * h, x0, 0.7 * h, x0 + rng.uniform(0.15, 0.4) * w,
                 rng.uniform(20, 50, 3))
        self.signs = [(rng.uniform(0.08, 0.55) * h, rng.uniform(0.0, 0.8) * w,
                       rng.uniform(0.04, 0.1) * h, rng.uniform(0.12, 0.35) * w,
                       rng.uniform([120, 20, 80], [255, 255, 255]), rng.random())
                      for _ in range(9)]
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        for k, (y, x, sh, sw, colour, kind) in enumerate(self.signs):
            on = 1.0
            if not self.quiet and kind < 0.3:
                on = float(((t + 7 * k) // 9) % 3 != 0)  # blinking
            glow = colour * (0.25 + 0.75 * on)
            _box(out, y - 8 * self.scale, x - 8 * self.scale, y + sh + 8 * self.scale,
                 x + sw + 8 * self.scale, glow * 0.5, 0.5)
            _box(out, y, x, y + sh, x + sw, glow)
            if not self.quiet and kind > 0.75:  # chasing lights round the sign
                for j in range(12):
                    u = ((j / 12 + t / 30) % 1) * sw
                    _box(out, y - 4, x + u, y, x + u + 6, (255, 255, 230))
            # Reflection on the wet road, wavering.
            ry = 0.72 * h + (0.7 * h - y) * 0.3
            wob = 0 if self.quiet else 6 * self.scale * np.sin(t / 3 + k)
            _box(out, ry, x + wob, ry + sh * 1.6, x + sw + wob, glow * 0.35, 0.6)
        self.crowd(out, 3, 0.7)
        if self.quiet:
            return
        phase = (t + 17 * self.key) % 75
        if phase < 22:  # a scooter passing close, headlight first
            u = phase / 22
            direction = 1 if (t // 75) % 2 == 0 else -1
            x = (-0.5 + 2 * u) * w if direction > 0 else (1.5 - 2 * u) * w
            size = 0.5 * h
            _oval(out, 0.78 * h, x, size * 0.22, size * 0.55, (25, 25, 30))
            _person(out, x - direction * 0.05 * w, 0.76 * h, size * 0.9,
                    np.array((150, 30, 30), np.float32), np.array((200, 160, 130), np.float32))
            _oval(out, 0.7 * h, x + direction * size * 0.5, size * 0.09, size * 0.09,
                  (255, 255, 235))
            out += _soft(h, w, 0.72 * h, x + direction * size * 0.6, 0.2 * h, 0.3 * w) * 80


class _Classroom(_Place):
    """A classroom: sunlit windows on the left, shafts of light that come and go with the
    clouds, rows of pupils moving, a teacher walking along the front close to the lens."""

    key = 4

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, np.array((215, 220, 205), np.float32), s[0] * 0.8)
        _box(back, 0.12 * h, 0.3 * w, 0.35 * h, 0.95 * w, (35, 60, 45))  # blackboard
        for _ in range(12):
            y0, x0 = rng.uniform(0.14, 0.3) * h, rng.uniform(0.32, 0.85) * w
            _box(back, y0, x0, y0 + 4, x0 + rng.uniform(0.02, 0.1) * w, (230, 230, 225))
        for k in range(3):
            _box(back, (0.1 + 0.2 * k) * h, 0, (0.26 + 0.2 * k) * h, 0.2 * w, (250, 250, 240))
        for row in range(4):  # desks
            y = (0.55 + 0.11 * row) * h
            _box(back, y, 0.05 * w, y + 0.03 * h, 0.95 * w, (150, 110, 70))
        self.seats = [(0.12 + 0.2 * c + 0.03 * (r % 2), 0.55 + 0.11 * r) for r in range(4)
                      for c in range(5)]
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        cloud = 0.6 if self.quiet else 0.5 + 0.5 * np.sin(t / 23) * np.sin(t / 7.3)
        shaft = np.clip(1 - np.abs((np.arange(w)[None, :] - 0.2 * w)
                                   - (np.arange(h)[:, None] - 0.1 * h) * 0.9) / (0.12 * w), 0, 1)
        out += shaft[..., None] * (60 * cloud)
        for k, (u, v) in enumerate(self.seats):
            bob = 0 if self.quiet else 4 * self.scale * np.sin(t / 4 + k * 1.7)
            turn = 0 if self.quiet else 0.01 * w * np.sin(t / 11 + k)
            y = v * h - 0.02 * h + bob
            _oval(out, y, u * w + turn, 0.028 * h, 0.035 * w, (30, 25, 25))
            _box(out, y + 0.02 * h, u * w - 0.05 * w, y + 0.06 * h, u * w + 0.05 * w,
                 (230, 230, 235) if k % 2 else (40, 60, 140))
            if not self.quiet and (t // 20 + k) % 9 == 0:  # a hand up
                _box(out, y - 0.09 * h, u * w + 0.04 * w, y, u * w + 0.055 * w, (220, 180, 150))
        if self.quiet:
            return
        phase = (t + 30 * self.key) % 110
        if phase < 45:
            x = (1.2 - 1.5 * phase / 45) * w
            _person(out, x, 1.15 * h, 1.0 * h, np.array((80, 70, 60), np.float32),
                    np.array((220, 180, 150), np.float32), float(np.sin(phase / 3)))


class _Platform(_Place):
    """A train platform: the yellow line, pillars, people waiting, and a train sliding past
    close, its carriages covering the whole picture with gaps between them."""

    key = 5

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, s[2] * 0.6, s[1] * 0.8)
        _box(back, 0.7 * h, 0, h, w, (120, 118, 112))
        _box(back, 0.74 * h, 0, 0.755 * h, w, (230, 200, 40))
        for k in range(4):
            x = (0.1 + 0.27 * k) * w
            _box(back, 0.05 * h, x, 0.72 * h, x + 0.06 * w, s[1])
            _box(back, 0.08 * h, x - 0.05 * w, 0.1 * h, x + 0.11 * w, (250, 250, 235))
        self.car = rng.uniform(120, 230, 3).astype(np.float32)
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        self.crowd(out, 4, 0.8)
        if self.quiet:
            return
        cycle = (t + 35 * self.key) % 160
        if cycle >= 90:
            return
        # Carriages of 1.4 picture widths with a gap, sliding past, slowing to a stop.
        u = cycle / 90
        shift = (1 - (1 - u) ** 1.6) * 6 * w
        length, gap = 1.4 * w, 0.12 * w
        for k in range(6):
            x0 = k * (length + gap) - shift + w
            if x0 > w or x0 + length < 0:
                continue
            _box(out, 0.1 * h, x0, 0.95 * h, x0 + length, self.car)
            _box(out, 0.6 * h, x0, 0.64 * h, x0 + length, self.car * 0.5)
            for j in range(5):
                wx = x0 + (0.06 + 0.19 * j) * length
                _box(out, 0.25 * h, wx, 0.5 * h, wx + 0.13 * length, (60, 70, 80))
                _oval(out, 0.4 * h, wx + 0.06 * length, 0.05 * h, 0.03 * w, (20, 20, 25))


class _Restaurant(_Place):
    """A restaurant: pendant lamps, tables of diners talking with their hands, and waiters
    crossing right in front of the lens with trays."""

    key = 6

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, s[1] * 0.9, s[0] * 0.6) * _texture(rng, h, w, max(4, w // 60), 0.08)
        for k in range(3):
            x = (0.2 + 0.3 * k) * w
            _box(back, 0, x - 1, 0.18 * h, x + 1, (40, 40, 40))
            _oval(back, 0.2 * h, x, 0.03 * h, 0.08 * w, (255, 220, 150))
            back += _soft(h, w, 0.22 * h, x, 0.12 * h, 0.2 * w) * 50
        for k in range(2):
            _box(back, (0.58 + 0.14 * k) * h, (0.05 + 0.45 * k) * w, (0.62 + 0.14 * k) * h,
                 (0.5 + 0.45 * k) * w, (240, 238, 230))
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        for k, p in enumerate(self.people):
            gesture = 0.0 if self.quiet else max(0.0, float(np.sin(t / 3 + 2 * k)))
            if not self.quiet:
                p[4] += 0.2  # leaning while talking
            lean = 0.0 if self.quiet else 0.015 * w * float(np.sin(p[4] + k))
            _person(out, (0.15 + 0.22 * k) * w + lean, (0.63 + 0.1 * (k % 2)) * h, 0.3 * h,
                    np.array(p[5:8], np.float32), np.array(p[8:11], np.float32), 0.0,
                    arms=gesture)
        if self.quiet:
            return
        phase = (t + 23 * self.key) % 65
        if phase < 14:
            u = phase / 14
            direction = 1 if (t // 65) % 2 else -1
            x = (-0.45 + 1.9 * u) * w if direction > 0 else (1.45 - 1.9 * u) * w
            _person(out, x, 1.5 * h, 1.6 * h, np.array((15, 15, 18), np.float32),
                    np.array((200, 160, 130), np.float32), float(np.sin(phase)), alpha=0.95)
            _box(out, 0.45 * h, x - 0.25 * w, 0.48 * h, x + 0.25 * w, (200, 200, 205))


class _Wheat(_Place):
    """A wheat field in gusty wind: waves of light running through the ears, clouds' shadows
    crossing, a sky with drifting clouds."""

    key = 7

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w = self.h, self.w
        back = _gradient(h, w, np.array((120, 170, 230), np.float32),
                         np.array((210, 225, 235), np.float32))
        self.horizon = int(0.35 * h)
        stalks = rng.uniform(0.6, 1.1, (1, w)).astype(np.float32)
        depth = np.linspace(0.8, 1.1, h - self.horizon, dtype=np.float32)[:, None]
        self.field = (np.array((215, 175, 80), np.float32)
                      * (stalks * depth)[..., None]
                      * _texture(rng, h - self.horizon, w, max(2, w // 240), 0.12))
        self.clouds = rng.uniform(0, 1, (5, 3))
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        hz = self.horizon
        for k, (y, x, size) in enumerate(self.clouds):
            drift = 0 if self.quiet else t * (0.6 + k * 0.2) * self.scale
            cx = (x * w + drift) % (1.4 * w) - 0.2 * w
            _oval(out, y * 0.25 * h + 0.03 * h, cx, 0.03 * h + size * 0.03 * h,
                  0.1 * w + size * 0.15 * w, (245, 245, 250), 0.8)
        if self.quiet:
            out[hz:] = self.field
            return
        gust = 0.5 + 0.5 * np.sin(t / 17) ** 2
        rows = np.arange(h - hz, dtype=np.float32)[:, None]
        cols = np.arange(w, dtype=np.float32)[None, :]
        wave = np.sin(cols / (70 * self.scale) - t * 0.5 + rows / (40 * self.scale))
        bend = (wave * 10 * self.scale * gust).astype(np.int32)
        index = np.clip(cols.astype(np.int32) + bend, 0, w - 1)
        field = np.take_along_axis(self.field, index[..., None].repeat(3, 2), 1)
        light = 1 + 0.22 * gust * wave[..., None]
        shadow = (t * 4 * self.scale) % (2 * w) - 0.5 * w
        shade = 1 - 0.35 * np.clip(1 - np.abs(cols - shadow - rows * 0.4) / (0.3 * w), 0, 1)
        out[hz:] = field * light * shade[..., None]


class _Gym(_Place):
    """A gym with a mirror wall: people doing squats and jumping jacks, each with a mirrored
    double, bright strip lights overhead."""

    key = 8

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w, s = self.h, self.w, self.scheme
        back = _gradient(h, w, np.array((200, 205, 210), np.float32), s[1])
        _box(back, 0.12 * h, 0.05 * w, 0.72 * h, 0.95 * w, s[2] * 0.7)  # the mirror
        for k in range(5):
            _box(back, 0.03 * h, (0.05 + 0.19 * k) * w, 0.045 * h, (0.17 + 0.19 * k) * w,
                 (255, 255, 250))
        _box(back, 0.72 * h, 0, h, w, (70, 70, 80))
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        for k, p in enumerate(self.people[:3]):
            x = (0.22 + 0.28 * k) * w
            move = 0.0 if self.quiet else float(np.sin(t / (3 + k) + k))
            squat = 0.25 * max(0.0, move) if k % 2 == 0 else 0.0
            arms = abs(move) if k % 2 else 0.0
            cloth, skin = np.array(p[5:8], np.float32), np.array(p[8:11], np.float32)
            tall = 0.45 * h * (1 - squat)
            _person(out, w - x, 0.66 * h, tall * 0.8, cloth * 0.8, skin * 0.85, arms=arms)
            _person(out, x, 0.95 * h, tall, cloth, skin, arms=arms)


class _Supermarket(_Place):
    """A supermarket aisle in perspective: shelves of bright packets, strip lights, shoppers
    crossing and a trolley pushed towards the lens."""

    key = 9

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w = self.h, self.w
        back = _gradient(h, w, np.array((235, 235, 230), np.float32),
                         np.array((180, 180, 175), np.float32))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        vanish_x, vanish_y = 0.5 * w, 0.42 * h
        side = np.abs(xx - vanish_x) > (0.06 * w + np.abs(yy - vanish_y) * 0.25)
        depth = np.abs(xx - vanish_x) / (0.5 * w)
        rows = ((yy - vanish_y) / np.maximum(depth, 0.05) / (40 * self.scale)).astype(np.int32)
        cols = (np.log(np.maximum(depth, 0.02)) * 12).astype(np.int32)
        colours = rng.uniform(30, 255, (64, 3)).astype(np.float32)
        packets = colours[(rows * 7 + cols * 13) % 64]
        back = np.where(side[..., None], packets, back)
        for k in range(4):
            y = (0.02 + 0.08 * k) * h
            _box(back, y, vanish_x - (0.45 - 0.1 * k) * w, y + 6 * self.scale,
                 vanish_x + (0.45 - 0.1 * k) * w, (255, 255, 255))
        return back.astype(np.float32)

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        self.crowd(out, 2, 0.6)
        if self.quiet:
            return
        phase = (t + 19 * self.key) % 100
        if phase < 70:  # the trolley grows as it comes down the aisle
            grow = 0.15 + phase / 70 * 1.4
            cx, base = 0.5 * w + 0.1 * w * np.sin(phase / 20), 0.55 * h + grow * 0.35 * h
            _box(out, base - 0.25 * h * grow, cx - 0.3 * w * grow, base, cx + 0.3 * w * grow,
                 (190, 195, 205), 0.8)
            for j in range(6):
                x = cx - 0.3 * w * grow + j * 0.12 * w * grow
                _box(out, base - 0.25 * h * grow, x, base, x + 3, (90, 95, 105))
            _person(out, cx, base + 0.1 * h * grow, 0.7 * h * grow,
                    np.array((60, 120, 170), np.float32), np.array((220, 180, 150), np.float32),
                    float(np.sin(phase / 3)))


class _Village(_Place):
    """A village lane: brick walls, laundry on a line flapping in the wind, chickens running
    and pecking, sun and shade."""

    key = 10

    def build(self, rng: np.random.Generator) -> np.ndarray:
        h, w = self.h, self.w
        back = _gradient(h, w, np.array((150, 190, 230), np.float32),
                         np.array((160, 150, 130), np.float32))
        wall = np.array((150, 140, 125), np.float32) * _texture(rng, h, w, max(4, w // 50), 0.15)
        back[int(0.2 * h):int(0.75 * h)] = wall[int(0.2 * h):int(0.75 * h)]
        _box(back, 0.75 * h, 0, h, w, (120, 105, 85))
        _box(back, 0.18 * h, 0, 0.2 * h, w, (70, 60, 55))
        self.cloths = [(rng.uniform(0.05, 0.85) * w, rng.uniform(0.1, 0.2) * w,
                        rng.uniform(0.15, 0.3) * h, rng.uniform(40, 250, 3)) for _ in range(5)]
        self.hens = rng.uniform(0, 1, (7, 2))
        return back

    def draw(self, out: np.ndarray) -> None:
        h, w, t = self.h, self.w, self.t
        line = 0.22 * h
        _box(out, line, 0, line + 3, w, (40, 40, 40))
        for k, (x, cw, ch, colour) in enumerate(self.cloths):
            for j in range(0, int(cw), 4):
                wave = 0.0 if self.quiet else np.sin(j / (18 * self.scale) - t * 0.7 + k) \
                    * (8 + 8 * np.sin(t / 13)) * self.scale * j / cw
                fold = 0.0 if self.quiet else t * 0.7
                _box(out, line + wave, x + j, line + ch + wave, x + j + 4,
                     colour * (0.8 + 0.2 * np.cos(j / 9 - fold)))
        for k, (u, v) in enumerate(self.hens):
            if not self.quiet:  # pecking about, now and then a dash
                step = 0.004 * np.sin(t / 7 + k) + (0.03 if (t // 9 + k) % 7 == 0 else 0)
                self.hens[k, 0] = (u + step) % 1.1
            peck = 0 if self.quiet else 10 * self.scale * float((t + 3 * k) % 8 < 3)
            x, y = (self.hens[k, 0] - 0.05) * w, (0.8 + 0.15 * v) * h
            _oval(out, y, x, 0.022 * h, 0.05 * w, (235, 230, 220))
            _oval(out, y - 0.025 * h + peck, x + 0.04 * w, 0.012 * h, 0.02 * w, (240, 235, 225))
            _box(out, y - 0.04 * h + peck, x + 0.035 * w, y - 0.03 * h + peck, x + 0.045 * w,
                 (200, 30, 30))
        self.crowd(out, 1, 0.9)


_J_SOURCES: dict[str, type[_Place]] = {
    "villa": _Villa, "lift": _Lift, "neon_street": _NeonStreet, "classroom": _Classroom,
    "platform": _Platform, "restaurant": _Restaurant, "wheat": _Wheat, "gym": _Gym,
    "supermarket": _Supermarket, "village": _Village,
}
J_PLACES = tuple(_J_SOURCES)
NIGHT_PLACES = ("neon_street",)


def _register() -> None:
    for name, cls in _J_SOURCES.items():
        quiet = type(cls.__name__ + "Quiet", (cls,), {"quiet": True})
        for key, source in ((name, cls), (name + QUIET, quiet)):
            if key in _SOURCES and _SOURCES[key] is not source:
                raise RuntimeError(f"set J's source {key!r} is already taken")
            _SOURCES[key] = source


_register()


# --- editing effects and things inside shots ----------------------------------------------------

# The frame kind each effect inside a shot is labelled with (``busy_media.CALM_KINDS``).
FX_KIND = {
    "sticker": "sticker", "emoji": "sticker", "punch": "punch", "shake_fx": "shake_fx",
    "glow": "glow", "slowmo": "slowmo", "freeze": "freeze", "whip": "whip", "focus": "focus",
    "flicker": "flicker", "shadow": "flicker", "spot": "flicker", "wipe": "wipe",
    "glitch": "glitch_fx",
}
# Not labelled: ``action_out`` and ``action_in``, someone crossing close to the lens across a cut
# on action, belong to the cut.
CAPTIONS = ("震惊！", "真相大白", "太甜了", "前方高能", "心碎了", "打脸现场", "复仇开始",
            "什么？！", "好戏开场", "哈哈哈")
EMOJI = ("laugh", "shock", "heart", "angry", "cry")

# Looks of an episode: RGB gain, lift of the blacks, saturation, contrast, light level.
LOOKS: dict[str, tuple[float, float, float, float, float, float, float]] = {
    "day": (1.04, 1.02, 0.98, 0.0, 1.05, 1.05, 1.0),
    "night": (0.55, 0.62, 0.85, 0.0, 0.85, 1.1, 0.5),
    "warm": (1.12, 0.98, 0.78, 4.0, 1.1, 1.0, 1.0),
    "cold": (0.85, 0.98, 1.15, 0.0, 0.85, 1.05, 0.9),
    "washed": (1.0, 1.0, 1.0, 40.0, 0.55, 0.7, 1.05),
    "saturated": (1.0, 1.0, 1.0, 0.0, 1.55, 1.15, 1.0),
}
GRAINS = (0.0, 3.0, 6.0, 10.0, 16.0, 24.0)


@dataclass(frozen=True)
class JShot(BusyShot):
    """A shot of set J: the episode's look, and effects inside it as plain data, each
    ``(name, first frame, frames, a, b)`` (see ``FX_KIND``); ``glitch_in`` > 0: the shot is
    entered through that many glitch frames at the end of the shot before, and ``residue``
    frames of its own still split (the cut is labelled after them)."""

    look: tuple[float, ...] = LOOKS["day"][:6]
    fx: tuple[tuple[str, int, int, float, float], ...] = ()
    glitch_in: int = 0
    residue: int = 0

    @property
    def touch(self) -> Callable[[np.ndarray, int], np.ndarray]:
        """A new painter for each rendering of the shot (slow motion and freeze frames keep
        the frames they show again)."""
        return _Painter(self).paint

    @property
    def offset(self) -> Callable[[int], float] | None:
        """Horizontal whip pans land elsewhere: the crop moves sideways during them."""
        whips = [f for f in self.fx if f[0] == "whip" and f[3] == 0]
        if not whips:
            return None

        def move(i: int) -> float:
            total = 0.0
            for _name, first, frames, _a, b in whips:
                u = min(1.0, max(0.0, (i - first + 1) / frames))
                total += 0.12 * (1 if b >= 0.5 else -1) * u
            return total

        return move


def _blurred(frame: np.ndarray, radius: int) -> np.ndarray:
    return box_blur(box_blur(frame, radius, 0), radius, 1)


def _scaled(frame: np.ndarray, zoom: float, cy: float = 0.5, cx: float = 0.5,
            dy: float = 0.0, dx: float = 0.0) -> np.ndarray:
    """The picture enlarged ``zoom`` times about (``cy``, ``cx``), moved by (``dy``, ``dx``)
    of its size (a digital zoom: nearest pixels, as phone apps do cheaply)."""
    h, w = frame.shape[:2]
    half_h, half_w = 0.5 / zoom, 0.5 / zoom
    y0 = min(max(cy - half_h + dy, 0.0), 1 - 2 * half_h)
    x0 = min(max(cx - half_w + dx, 0.0), 1 - 2 * half_w)
    ys = np.clip(((y0 + np.arange(h) / (h * zoom)) * h).astype(np.int32), 0, h - 1)
    xs = np.clip(((x0 + np.arange(w) / (w * zoom)) * w).astype(np.int32), 0, w - 1)
    return frame[ys[:, None], xs[None, :]]


def _ease(u: float) -> float:
    u = min(1.0, max(0.0, u))
    return u * u * (3 - 2 * u)


@lru_cache(maxsize=64)
def _sticker(kind: str, index: int, size: int) -> np.ndarray:
    """A sticker as RGBA float32: a 花字 caption (yellow, white or pink letters with a thick
    outline and a shadow) or a round emoji face or heart."""
    if kind == "sticker":
        text = CAPTIONS[index % len(CAPTIONS)]
        font = ImageFont.truetype(FONT, size)
        styles = (((255, 225, 40), (200, 20, 30)), ((255, 255, 255), (30, 30, 30)),
                  ((255, 120, 180), (255, 255, 255)))
        colour, edge = styles[index % 3]
        left, top, right, bottom = (int(v) for v in font.getbbox(text, stroke_width=size // 9))
        image = Image.new("RGBA", (right - left + size // 4, bottom - top + size // 4))
        draw = ImageDraw.Draw(image)
        draw.text((size // 8 - left + size // 12, size // 8 - top + size // 12), text, font=font,
                  fill=(0, 0, 0, 140), stroke_width=size // 9, stroke_fill=(0, 0, 0, 140))
        draw.text((size // 8 - left, size // 8 - top), text, font=font, fill=colour,
                  stroke_width=size // 9, stroke_fill=edge)
    else:
        face = EMOJI[index % len(EMOJI)]
        image = Image.new("RGBA", (size, size))
        draw = ImageDraw.Draw(image)
        s = size
        if face == "heart":
            draw.ellipse((0.05 * s, 0.1 * s, 0.52 * s, 0.55 * s), fill=(235, 30, 60))
            draw.ellipse((0.48 * s, 0.1 * s, 0.95 * s, 0.55 * s), fill=(235, 30, 60))
            draw.polygon([(0.07 * s, 0.42 * s), (0.93 * s, 0.42 * s), (0.5 * s, 0.95 * s)],
                         fill=(235, 30, 60))
        else:
            base = (255, 90, 60) if face == "angry" else (255, 205, 40)
            draw.ellipse((0.02 * s, 0.02 * s, 0.98 * s, 0.98 * s), fill=base,
                         outline=(120, 70, 0), width=max(2, s // 40))
            eye = (60, 35, 10)
            draw.ellipse((0.28 * s, 0.3 * s, 0.4 * s, 0.48 * s), fill=eye)
            draw.ellipse((0.6 * s, 0.3 * s, 0.72 * s, 0.48 * s), fill=eye)
            if face == "laugh":
                draw.chord((0.22 * s, 0.45 * s, 0.78 * s, 0.85 * s), 0, 180, fill=(120, 20, 20))
            elif face == "shock":
                draw.ellipse((0.4 * s, 0.58 * s, 0.6 * s, 0.85 * s), fill=(120, 20, 20))
            elif face == "cry":
                draw.arc((0.3 * s, 0.62 * s, 0.7 * s, 0.9 * s), 180, 360, fill=eye,
                         width=max(2, s // 25))
                draw.rectangle((0.29 * s, 0.48 * s, 0.37 * s, 0.8 * s), fill=(90, 170, 255))
            else:
                draw.line((0.25 * s, 0.25 * s, 0.42 * s, 0.32 * s), fill=eye, width=s // 25)
                draw.line((0.58 * s, 0.32 * s, 0.75 * s, 0.25 * s), fill=eye, width=s // 25)
                draw.rectangle((0.35 * s, 0.68 * s, 0.65 * s, 0.74 * s), fill=(120, 20, 20))
    return np.asarray(image, np.float32)


def _paste(frame: np.ndarray, rgba: np.ndarray, cy: float, cx: float, scale: float,
           alpha: float) -> None:
    """Lay a sticker over the picture, centred at (``cy``, ``cx``) (fractions), resized."""
    if scale <= 0.05 or alpha <= 0:
        return
    h, w = frame.shape[:2]
    sh, sw = rgba.shape[:2]
    th, tw = max(2, int(sh * scale)), max(2, int(sw * scale))
    ys = np.clip((np.arange(th) / scale).astype(np.int32), 0, sh - 1)
    xs = np.clip((np.arange(tw) / scale).astype(np.int32), 0, sw - 1)
    art = rgba[ys[:, None], xs[None, :]]
    y0, x0 = int(cy * h - th / 2), int(cx * w - tw / 2)
    ya, xa, yb, xb = max(0, y0), max(0, x0), min(h, y0 + th), min(w, x0 + tw)
    if yb <= ya or xb <= xa:
        return
    part = art[ya - y0:yb - y0, xa - x0:xb - x0]
    a = part[..., 3:4] / 255 * alpha
    patch = frame[ya:yb, xa:xb]
    patch += (part[..., :3] - patch) * a


def _glitched(frame: np.ndarray, rng: np.random.Generator, strength: float) -> np.ndarray:
    """RGB split and slices pushed sideways, some bands tinted or inverted (故障 transition)."""
    h, w = frame.shape[:2]
    split = int(w * 0.06 * strength) + 2
    out = np.empty_like(frame)
    out[..., 0] = np.roll(frame[..., 0], split, axis=1)
    out[..., 1] = frame[..., 1]
    out[..., 2] = np.roll(frame[..., 2], -split, axis=1)
    y = 0
    while y < h:
        band = int(rng.integers(max(4, h // 80), max(8, h // 12)))
        if rng.random() < 0.6 * strength + 0.2:
            out[y:y + band] = np.roll(out[y:y + band], int(rng.normal(0, 0.2 * strength) * w),
                                      axis=1)
            roll = rng.random()
            if roll < 0.15:
                out[y:y + band] = 255 - out[y:y + band]
            elif roll < 0.35:
                out[y:y + band] *= np.float32(rng.uniform(0.3, 1.6, 3))
        y += band
    return out


class _Painter:
    """Paints one rendering of a ``JShot``: the things inside it, its look and its editing
    effects, frame by frame (called by ``BusyRenderer`` on the framed source picture)."""

    def __init__(self, shot: JShot) -> None:
        self.shot = shot
        self.kept: dict[int, np.ndarray] = {}  # source frames slow motion or a freeze shows again
        self.lagging = any(f[0] in ("slowmo", "freeze") for f in shot.fx)

    def _time(self, i: int) -> float:
        """Which of the shot's own frames is shown at frame ``i`` (slow motion and freeze
        frames hold the clip back; it goes on from where it was held, as an editor's is)."""
        t = float(i)
        for name, first, frames, a, _b in self.shot.fx:
            if name == "freeze" and i >= first:
                t -= min(i - first, frames - 1)
            elif name == "slowmo" and i >= first:
                t -= min(i - first, frames) * (1 - a)
        return t

    def _retimed(self, frame: np.ndarray, i: int) -> np.ndarray:
        self.kept[i] = np.clip(frame, 0, 255).astype(np.uint8)
        t = self._time(i)
        low = int(np.floor(t))
        for old in [k for k in self.kept if k < low]:
            del self.kept[old]
        blend = any(f[0] == "slowmo" and f[4] >= 0.5 for f in self.shot.fx)
        if t == low or not blend:
            return self.kept[low].astype(np.float32)
        u = np.float32(t - low)
        return self.kept[low] * (1 - u) + self.kept[low + 1] * u

    def paint(self, frame: np.ndarray, i: int) -> np.ndarray:
        shot = self.shot
        if self.lagging:
            frame = self._retimed(frame, i)
        h, w = frame.shape[:2]
        active = [f for f in shot.fx if f[1] <= i < f[1] + f[2]]
        # Things in front of the camera and the light in the place.
        for name, first, frames, a, b in active:
            u = (i - first + 0.5) / frames
            rng = np.random.default_rng(int(b * 1e6) + i)
            if name in ("wipe", "action_out", "action_in"):
                frame = frame.copy()
                if name == "action_in":
                    u = (a + i + 0.5) / (a + frames)
                elif name == "action_out":
                    u = (i - first + 0.5) / (frames + a)
                _passer(frame, u, b, near=name == "wipe")
            elif name == "flicker":
                frame = frame * np.float32(1 - a * rng.random())
            elif name == "shadow":
                cols = np.arange(w, dtype=np.float32)[None, :]
                rows = np.arange(h, dtype=np.float32)[:, None]
                edge = (-0.6 + 2.2 * u) * w
                band = np.clip(1 - np.abs(cols - edge + 0.5 * rows * (b - 0.5)) / (0.35 * w), 0, 1)
                frame = frame * (1 - a * band)[..., None]
            elif name == "spot":
                cy = (0.2 + 0.6 * b) * h
                frame = frame + _soft(h, w, cy, (-0.3 + 1.6 * u) * w, 0.25 * h, 0.35 * w) \
                    * np.float32(140 * a)
            elif name == "focus":
                radius = int(a * np.sin(np.pi * min(1.0, u)) ** 0.7 * w / 720)
                soft = _blurred(frame, radius)
                if b >= 0.5:  # the far half goes soft while the near half stays sharp
                    weight = np.linspace(1, 0, h, dtype=np.float32)[:, None, None]
                    frame = soft * weight + frame * (1 - weight)
                else:
                    frame = soft
            elif name == "whip":
                frame = _whip(frame, i - first, frames, int(a), b)
        # The grade of the episode.
        gain = np.array(shot.look[:3], np.float32)
        lift, saturation, contrast = shot.look[3:6]
        frame = frame * gain
        grey = frame.mean(axis=2, keepdims=True)
        frame = grey + (frame - grey) * np.float32(saturation)
        frame = (frame - 128) * np.float32(contrast) + np.float32(128 + lift)
        # Editing effects over the picture.
        for name, first, frames, a, b in active:
            j = i - first
            if name == "punch":
                ramp = 2 + int(b * 3) % 3
                # Held to the end of the shot, or eased back within it.
                back = 0 if first + frames >= shot.frames else max(3, min(6, frames // 3))
                zoom = 1 + (a - 1) * _ease((j + 1) / ramp)
                if back and j >= frames - back:
                    zoom = 1 + (a - 1) * (1 - _ease((j - frames + back + 1) / (back + 1)))
                frame = _scaled(frame, zoom, 0.45 + 0.1 * b, 0.4 + 0.2 * b)
            elif name == "shake_fx":
                rng = np.random.default_rng(int(b * 1e6) + j)
                decay = 1 - j / frames
                frame = _scaled(frame, 1 + 2 * a, dy=float(rng.uniform(-a, a)) * decay,
                                dx=float(rng.uniform(-a, a)) * decay)
            elif name == "glow":
                u = (j + 1) / (frames + 1)
                bright = np.clip(frame - 140, 0, None)
                small = bright[::4, ::4]
                halo = _blurred(small, max(2, int(12 * w / 720)))
                halo = np.repeat(np.repeat(halo, 4, 0), 4, 1)[:h, :w]
                frame = frame + halo * np.float32(a * 2.5 * np.sin(np.pi * u)) \
                    + np.float32(25 * a * np.sin(np.pi * u))
        progress = i / max(1, shot.frames - 1)
        grade = (shot.hue[0] + (shot.hue[1] - shot.hue[0]) * progress,
                 shot.light[0] + (shot.light[1] - shot.light[0]) * progress)
        for name, first, frames, a, b in active:
            if name in ("sticker", "emoji"):
                frame = frame.copy()
                _pop(frame, name, i - first, frames, a, b, grade)
        for name, first, frames, _a, b in active:
            if name == "glitch":
                rng = np.random.default_rng(int(b * 1e6) + i)
                frame = _glitched(frame, rng, (i - first + 1) / frames)
        if i < shot.residue:  # the glitch fading out on the new shot's first frame
            frame = _glitched(frame, np.random.default_rng(int(shot.frames * 31 + i)), 0.15)
        return frame


def _whip(frame: np.ndarray, j: int, frames: int, direction: int, b: float) -> np.ndarray:
    """Frame ``j`` of a whip pan of ``frames``: the picture rushes a whole width or height
    (or both, diagonally) past the lens, smeared along the way; ``b`` picks speeding up,
    slowing down or both."""
    h, w = frame.shape[:2]
    profile = int(b * 3) % 3

    def at(u: float) -> float:
        u = min(1.0, max(0.0, u))
        return (u * u, 1 - (1 - u) ** 2, _ease(u))[profile]

    here, before = at((j + 1) / (frames + 1)), at(j / (frames + 1))
    dy = (0, 1, 1)[direction] * (1 if b < 0.5 else -1)
    dx = (1, 0, 1)[direction] * (1 if (b * 10) % 2 < 1 else -1)
    shift_y, shift_x = int(here * h * dy), int(here * w * dx)
    speed_y, speed_x = (here - before) * h * dy, (here - before) * w * dx
    taps = 8
    out = np.zeros_like(frame)
    for k in range(taps):
        f = k / taps
        out += np.roll(frame, (shift_y - int(speed_y * f), shift_x - int(speed_x * f)), (0, 1))
    return out / np.float32(taps)


def _pop(frame: np.ndarray, name: str, j: int, frames: int, a: float, b: float,
         grade: tuple[float, float]) -> None:
    """A sticker popping in (overshooting), wobbling, and popping out at the end; laid over
    the footage's grade (``grade``: the hue turn and light the renderer applies after this, so
    undone on the sticker beforehand)."""
    index = int(a)
    cy = 0.12 + 0.66 * ((b * 7.3) % 1)  # anywhere from the top to the subtitle band
    cx = 0.25 + 0.5 * ((b * 3.1) % 1)
    size = int(frame.shape[1] * (0.15 if name == "sticker" else 0.3))
    art = _sticker("sticker" if name == "sticker" else "emoji", index, size)
    hue, light = grade
    if hue % 360 or light != 1.0:
        art = art.copy()
        art[..., :3] = art[..., :3] @ _hue_matrix(-hue) / np.float32(max(light, 0.05))
    pop_in = (0.4, 1.25, 1.05, 1.0)
    scale = pop_in[j] if j < len(pop_in) else 1.0 + 0.04 * np.sin(j / 2.5)
    alpha = 1.0
    if j >= frames - 3:
        k = j - (frames - 3)
        scale *= (1.1, 0.7, 0.35)[k]
        alpha = (1.0, 0.8, 0.5)[k]
    if name == "sticker":
        art_w = art.shape[1]
        scale *= min(1.0, 0.9 * frame.shape[1] / art_w)
        cx = 0.5 + (cx - 0.5) * 0.3
    _paste(frame, art, cy, cx, scale, alpha)


def _passer(frame: np.ndarray, u: float, b: float, near: bool = True) -> None:
    """Someone or something passing right in front of the lens (``u`` from 0 to 1 across):
    a person's dark back, the side of a car, or a door swinging past."""
    h, w = frame.shape[:2]
    kind = int(b * 3) % 3
    direction = 1 if (b * 10) % 2 < 1 else -1
    x = (-0.6 + 2.2 * u) * w if direction > 0 else (1.6 - 2.2 * u) * w
    if not near:  # someone walking through both shots of a cut on action
        _person(frame, x, 1.05 * h, 1.1 * h, np.array((25, 22, 30), np.float32),
                np.array((200, 160, 130), np.float32), float(np.sin(u * 12)))
    elif kind == 0:
        _person(frame, x, 2.1 * h, 2.3 * h, np.array((18, 18, 22), np.float32),
                np.array((150, 115, 95), np.float32), alpha=0.97)
    elif kind == 1:
        _box(frame, 0.25 * h, x - 0.9 * w, h, x + 0.9 * w, (120, 20, 25))
        _box(frame, 0.3 * h, x - 0.7 * w, 0.5 * h, x + 0.6 * w, (30, 35, 45))
        _box(frame, 0.55 * h, x - 0.9 * w, 0.57 * h, x + 0.9 * w, (230, 230, 235))
    else:
        _box(frame, 0, x - 0.55 * w, h, x + 0.55 * w, (95, 60, 35))
        _box(frame, 0.1 * h, x - 0.45 * w, 0.45 * h, x + 0.45 * w, (80, 50, 30))
        _oval(frame, 0.55 * h, x + 0.4 * w * direction, 0.02 * h, 0.02 * w, (220, 190, 90))


# --- planning -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class JPlan(BusyPlan):
    """A set J episode: its places' quiet variants are the calm scenes; a glitch cut is
    labelled at the first clean frame of the new shot; effects inside shots label their frames
    (and the frame after them, where their end shows)."""

    look: str = "day"

    def busy(self, shot: BusyShot) -> bool:
        name = self.scenes[shot.scene][0]
        return name not in CALM_SOURCES and not name.endswith(QUIET)

    def labelled_cuts(self) -> tuple[tuple[int, str], ...]:
        moved = {start: start + shot.residue
                 for start, shot in zip(self.starts(), self.shots, strict=True)
                 if isinstance(shot, JShot) and shot.glitch_in}
        return tuple((moved[frame], "glitch") if frame in moved else (frame, kind)
                     for frame, kind in super().labelled_cuts())

    def frame_kinds(self) -> tuple[str, ...]:
        kinds = list(super().frame_kinds())
        count = len(kinds)
        for start, shot in zip(self.starts(), self.shots, strict=True):
            if not isinstance(shot, JShot):
                continue
            for name, first, frames, _a, _b in shot.fx:
                kind = FX_KIND.get(name)
                if kind is None:
                    continue
                last = first + frames - 1
                if last + 1 < shot.frames:
                    last += 1  # the effect's end shows on the frame after it
                for k in range(start + first, start + last + 1):
                    if 0 <= k < count:
                        kinds[k] = kind
            for k in range(start, start + shot.residue):
                kinds[k] = "glitch_fx"
        return tuple(kinds)


# Effects inside shots: weight, shortest and longest length in frames.
_FX_CHOICES: dict[str, tuple[float, int, int]] = {
    "sticker": (0.11, 15, 45), "emoji": (0.09, 12, 36), "punch": (0.1, 6, 30),
    "shake_fx": (0.07, 4, 10), "glow": (0.06, 4, 8), "slowmo": (0.07, 10, 30),
    "freeze": (0.05, 9, 30), "whip": (0.12, 3, 8), "focus": (0.08, 8, 20),
    "flicker": (0.05, 6, 20), "shadow": (0.05, 8, 20), "spot": (0.05, 10, 25),
    "wipe": (0.08, 4, 8),
}


def _j_plan(width: int, height: int, seed: int, seconds: float) -> JPlan:
    """Family ``held_back_j`` (set J): a look and a grain level per episode, twelve scenes
    (six places, two of them also quiet, one seen from the other side, two twins for jump
    cuts), the cut grammar of micro-dramas, then effects inside the shots."""
    rng = np.random.default_rng(seed)
    index = seed - HELD_BACK_J_SEED - 1
    look_name = tuple(LOOKS)[index % len(LOOKS)]
    base = LOOKS[look_name]
    jitter = rng.uniform(0.95, 1.05, 3)
    look = (base[0] * jitter[0], base[1] * jitter[1], base[2] * jitter[2], *base[3:6])
    level = base[6]
    grain_level = GRAINS[(index * 5 + 1 + index // len(LOOKS)) % len(GRAINS)]

    picks = [str(name) for name in rng.choice(J_PLACES, 6, replace=False)]
    shared = int(rng.integers(0, 5))
    scenes = [(name, shared if k % 2 == 0 else int(rng.integers(0, 5)))
              for k, name in enumerate(picks)]
    scenes += [(picks[0] + QUIET, scenes[0][1]), (picks[1] + QUIET, scenes[1][1])]  # 6, 7
    scenes += [(picks[0], scenes[0][1] + 5), (picks[0] + QUIET, scenes[0][1] + 5)]  # 8, 9
    scenes += [scenes[2], scenes[7]]  # 10, 11: twins of 2 and 7
    reverse = {0: 8, 8: 0, 6: 9, 9: 6}
    twin = {2: 10, 10: 2, 7: 11, 11: 7}

    def place(scene: int) -> str:
        return scenes[scene][0].removesuffix(QUIET)

    def length() -> int:
        if rng.random() < 0.32:
            return int(rng.integers(4, 11))
        return int(np.exp(rng.uniform(np.log(11), np.log(72))))

    def new_camera() -> Camera:
        motion = str(rng.choice(["static", "static", "push", "pull", "pan", "handheld"]))
        return Camera(
            zoom=float(rng.uniform(1.15, 1.6)),
            centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.4, 0.6))),
            pan=((float(rng.uniform(-0.006, 0.006)), float(rng.uniform(-0.003, 0.003)))
                 if motion == "pan" else (0.0, 0.0)),
            zoom_rate={"push": float(rng.uniform(0.003, 0.01)),
                       "pull": -float(rng.uniform(0.003, 0.008))}.get(motion, 0.0),
            shake=float(rng.uniform(0.003, 0.012)) if motion == "handheld" else 0.0,
            mirror=bool(rng.random() < 0.15))

    def kept(previous: JShot, frames: int, scene: int, camera: Camera) -> JShot:
        """Another shot in the same light and grade as ``previous``."""
        return JShot(frames=frames, scene=scene, camera=camera, grain=previous.grain,
                     light=(previous.light[1], previous.light[1]),
                     hue=(previous.hue[1], previous.hue[1]), look=look)

    def still(camera: Camera) -> bool:
        return camera.pan == (0.0, 0.0) and camera.zoom_rate == 0.0

    def reframed(previous: JShot) -> JShot:
        old = previous.camera
        end = max(1.0, old.zoom * (1 + old.zoom_rate) ** previous.frames)
        how = str(rng.choice(["in", "out", "shifted", "mirror"]))
        factor = float(rng.uniform(1.3, 2.5))
        centre = old.centre
        if how == "mirror":
            camera = Camera(zoom=end, centre=centre, mirror=not old.mirror, shake=old.shake)
            return kept(previous, length(), previous.scene, camera)
        zoom = end / factor if how == "out" and end / factor >= 1.0 else end * factor
        if how == "shifted":
            centre = (float(np.clip(centre[0] + rng.choice([-1, 1]) * rng.uniform(0.08, 0.18),
                                    0.2, 0.8)),
                      float(np.clip(centre[1] + rng.uniform(-0.12, 0.12), 0.25, 0.75)))
        camera = Camera(zoom=zoom, centre=centre, mirror=old.mirror,
                        shake=old.shake if rng.random() < 0.5 else 0.0)
        return kept(previous, length(), previous.scene, camera)

    def entered(previous: JShot | None, shot: JShot, busy_by: bool) -> JShot:
        if previous is None:
            return shot
        roll = rng.random()
        if roll < 0.09:
            if previous.frames > 24 and shot.frames > 24:
                shot = replace(shot, enter="dissolve", enter_frames=int(rng.integers(6, 19)))
        elif roll < 0.17:
            shot = replace(shot, enter="flash", enter_frames=int(rng.integers(1, 4)))
        elif roll < 0.26 and previous.frames >= 12:
            shot = replace(shot, glitch_in=int(rng.integers(2, 5)),
                           residue=int(rng.random() < 0.4))
        elif roll < 0.38 and previous.frames >= 16 and shot.frames >= 16 and busy_by:
            # A cut on action: someone crossing close to the lens goes on across the cut.
            total = int(rng.integers(10, 17))
            at = float(rng.choice([rng.uniform(0.22, 0.35), rng.uniform(0.65, 0.78)]))
            out = max(3, round(total * at))
            shot = replace(shot, fx=(("action_in", 0, total - out, float(out),
                                      float(rng.uniform(0, 1))),))
        if shot.frames > 30 and rng.random() < 0.07:
            shot = replace(shot, lightning_at=int(rng.integers(8, shot.frames - 8)))
        return shot

    def next_shot(previous: BusyShot | None) -> BusyShot:
        assert previous is None or isinstance(previous, JShot)
        roll = rng.random()
        if previous is not None and roll < 0.13 and still(previous.camera):
            shot = kept(previous, length(), previous.scene, previous.camera)
            if roll < 0.07:  # hue only
                step = float(rng.uniform(40, 150)) * float(rng.choice([-1, 1]))
                return replace(shot, hue=(shot.hue[0] + step, shot.hue[0] + step))
            factor = float(rng.choice([rng.uniform(0.45, 0.7), rng.uniform(1.45, 1.9)]))
            return replace(shot, light=(shot.light[0] * factor, shot.light[0] * factor))
        if previous is not None and roll < 0.3:
            return reframed(previous)
        if previous is not None and roll < 0.38 and previous.scene in reverse:
            camera = Camera(zoom=float(rng.uniform(1.2, 1.9)),
                            centre=(float(rng.uniform(0.35, 0.65)), 0.5),
                            mirror=bool(rng.random() < 0.5))
            shot = kept(previous, length(), reverse[previous.scene], camera)
            return entered(previous, shot, True)
        if previous is not None and roll < 0.45 and previous.scene in twin:
            shot = kept(previous, length(), twin[previous.scene], previous.camera)
            return entered(previous, shot, False)
        matches = [] if previous is None else [
            k for k in range(len(scenes)) if place(k) != place(previous.scene)
            and scenes[k][1] % 5 == scenes[previous.scene][1] % 5]
        if previous is not None and roll < 0.52 and matches:
            camera = replace(previous.camera, pan=(0.0, 0.0), zoom_rate=0.0)
            shot = kept(previous, length(), int(rng.choice(matches)), camera)
            return entered(previous, shot, True)
        elsewhere = [k for k in range(len(scenes))
                     if previous is None or place(k) != place(previous.scene)]
        scene = int(rng.choice(elsewhere))
        frames = length()
        quiet = scenes[scene][0].endswith(QUIET)  # calm places: more changes of light
        light = level * float(rng.uniform(0.85, 1.15))
        ramp = (light, light)
        change = rng.random() if frames > 16 else 1.0
        if change < (0.45 if quiet else 0.25):
            ramp = (light, light * float(rng.uniform(0.5, 1.7)))
        hue0 = float(rng.uniform(-15, 15))
        hue = (hue0, hue0)
        if (0.45 if quiet else 0.25) <= change < (0.75 if quiet else 0.4):
            hue = (hue0, hue0 + float(rng.uniform(-60, 60)))
        grain = grain_level * float(rng.uniform(0.8, 1.2))
        camera = Camera(zoom=float(rng.uniform(1.15, 1.6))) if quiet and rng.random() < 0.4 \
            else new_camera()
        shot = JShot(frames=frames, scene=scene, camera=camera, grain=grain, light=ramp,
                     hue=hue, look=look)
        busy_by = previous is not None and (not scenes[scene][0].endswith(QUIET)
                                            or not scenes[previous.scene][0].endswith(QUIET))
        return entered(previous, shot, busy_by)

    shots = _with_effects(np.random.default_rng(seed + 77_000), list(_lay_out(seconds,
                                                                               next_shot)))
    return JPlan(width, height, seed, "held_back_j", tuple(scenes), tuple(shots), look_name)


def _with_effects(rng: np.random.Generator, shots: list[BusyShot]) -> list[JShot]:
    """Effects inside the shots, clear of their edges, of dissolves and of lightning; the glitch
    frames and the first half of a crossing before the cuts that need them."""
    out: list[JShot] = []
    names = list(_FX_CHOICES)
    weights = np.array([_FX_CHOICES[n][0] for n in names])
    weights /= weights.sum()
    for k, shot in enumerate(shots):
        assert isinstance(shot, JShot)
        fx = list(shot.fx)
        lo = 3 + max(shot.enter_frames if shot.enter == "dissolve" else 0, shot.residue)
        lo += sum(f[2] for f in fx if f[0] == "action_in")
        hi = shot.frames - 3
        following = shots[k + 1] if k + 1 < len(shots) else None
        plain_end = True
        if isinstance(following, JShot):
            if following.enter == "dissolve":
                hi -= following.enter_frames
                plain_end = False
            if following.glitch_in:
                g = following.glitch_in
                fx.append(("glitch", shot.frames - g, g, 0.0, float(rng.uniform(0, 1))))
                hi -= g
                plain_end = False
            for name, _first, frames, a, b in following.fx:
                if name == "action_in":
                    fx.append(("action_out", shot.frames - int(a), int(a), float(frames), b))
                    hi -= int(a)
                    plain_end = False
        busy = []
        if shot.lightning_at >= 0:
            busy.append((shot.lightning_at - 3, shot.lightning_at + 4))
        wanted = int(hi - lo >= 12 and rng.random() < 0.8) + int(hi - lo >= 45
                                                                  and rng.random() < 0.6) \
            + int(hi - lo >= 80 and rng.random() < 0.3)
        retimed = False
        for _ in range(wanted):
            name = str(rng.choice(names, p=weights))
            if name in ("slowmo", "freeze"):
                if retimed:
                    name = "whip"
                retimed = True
            _weight, shortest, longest = _FX_CHOICES[name]
            frames = int(rng.integers(shortest, longest + 1))
            to_end = name in ("punch", "freeze") and plain_end and following is not None \
                and rng.random() < 0.4
            last_start = hi - frames
            if to_end:
                first = shot.frames - frames
            elif last_start >= lo:
                first = int(rng.integers(lo, last_start + 1))
            if (to_end and first < lo) or (not to_end and last_start < lo):
                continue
            if any(first - 2 < b and a < first + frames + 2 for a, b in busy):
                continue
            busy.append((first, first + frames))
            a = {"sticker": float(rng.integers(0, 30)), "emoji": float(rng.integers(0, 30)),
                 "punch": float(rng.uniform(1.1, 1.3)), "shake_fx": float(rng.uniform(0.02, 0.05)),
                 "glow": float(rng.uniform(0.4, 1.0)),
                 "slowmo": float(rng.choice([0.5, 0.33, 0.25])),
                 "whip": float(rng.integers(0, 3)), "focus": float(rng.uniform(5, 16)),
                 "flicker": float(rng.uniform(0.2, 0.5)), "shadow": float(rng.uniform(0.3, 0.6)),
                 "spot": float(rng.uniform(0.5, 1.0))}.get(name, 0.0)
            fx.append((name, first, frames, a, float(rng.uniform(0, 1))))
        out.append(replace(shot, fx=tuple(sorted(fx, key=lambda f: f[1]))))
    return out
