"""Held-back set F (seeds from 9500): busy footage closer to what micro-dramas show.

Sources of its own, drawn as the genre films them: a living room with a person gesturing
under lamps, a dialogue filmed as shot / reverse shot (two scenes of one room, the same
palette and light, the camera behind one speaker then the other), an office with desks and
screens, a night street whose neon signs flicker, a candle-lit room, a rainy car window with
street lights behind it, a banquet hall full of moving heads, and trees in gusty wind.

The planner ``_f_plan`` uses the cut kinds of ``busy_media.CUT_KINDS`` with a grammar of its
own: many framing-only cuts on the same scene (punch-ins and pull-outs of ×1.3–2.2, mirror
re-framings), shot / reverse shot, hue-only cuts and lighting jumps, 4–10-frame shots beside
busy ones, 闪白 and dissolves; and inside shots (never cuts, labelled by frame kind) whip pans
with motion blur, rack focus (the picture blurs and sharpens again), lamp / neon flicker,
lightning, slow push-ins, hand-held shake, grain and lighting ramps.

Set F is held back: no detector is ever run on it while choosing thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing.pacing_media import make_canvas

HELD_BACK_F_SOURCES = ("room", "dialogue_a", "dialogue_b", "office", "neon", "candle",
                       "car_rain", "banquet", "trees")
# Scenes drawn at random for an episode (the dialogue pair is always there, once).
_DRAWN = ("room", "office", "neon", "candle", "car_rain", "banquet", "trees")
_FLICKERING = ("neon", "candle", "room", "banquet")
Colour = np.ndarray | float | np.floating[Any]


# --- drawing helpers ----------------------------------------------------------------------------


def _span(centre: float, radius: float, size: int) -> tuple[int, int]:
    return max(0, int(centre - radius)), min(size, int(centre + radius) + 1)


def _ellipse(out: np.ndarray, cy: float, cx: float, ry: float, rx: float,
             colour: Colour, alpha: float = 1.0) -> None:
    """A filled ellipse painted over ``out`` (float32 RGB) in place."""
    h, w = out.shape[:2]
    y0, y1 = _span(cy, ry, h)
    x0, x1 = _span(cx, rx, w)
    if y1 <= y0 or x1 <= x0 or ry < 1 or rx < 1:
        return
    yy = ((np.arange(y0, y1, dtype=np.float32) - cy) / ry)[:, None]
    xx = ((np.arange(x0, x1, dtype=np.float32) - cx) / rx)[None, :]
    inside = (yy * yy + xx * xx) <= 1.0
    patch = out[y0:y1, x0:x1]
    patch[inside] = patch[inside] * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def _glow(out: np.ndarray, cy: float, cx: float, radius: float, colour: np.ndarray,
          strength: float) -> None:
    """Soft light added around a point (a lamp, a flame, a street light out of focus)."""
    h, w = out.shape[:2]
    y0, y1 = _span(cy, 2.5 * radius, h)
    x0, x1 = _span(cx, 2.5 * radius, w)
    if y1 <= y0 or x1 <= x0 or radius < 1:
        return
    yy = ((np.arange(y0, y1, dtype=np.float32) - cy) / radius)[:, None]
    xx = ((np.arange(x0, x1, dtype=np.float32) - cx) / radius)[None, :]
    fall = np.exp(-(yy * yy + xx * xx))[..., None]
    out[y0:y1, x0:x1] += fall * (np.asarray(colour, np.float32) * np.float32(strength))


def _rect(out: np.ndarray, y0: float, y1: float, x0: float, x1: float,
          colour: Colour) -> None:
    h, w = out.shape[:2]
    ya, yb, xa, xb = max(0, int(y0)), min(h, int(y1)), max(0, int(x0)), min(w, int(x1))
    if yb > ya and xb > xa:
        out[ya:yb, xa:xb] = colour


def _person(out: np.ndarray, x: float, feet: float, tall: float, clothes: np.ndarray,
            skin: np.ndarray, arm: float, turn: float = 0.0) -> None:
    """A person-like figure: body, head and one gesturing arm (``arm`` in radians, 0 = down)."""
    body_ry, body_rx = 0.32 * tall, 0.15 * tall
    body_y = feet - body_ry
    _ellipse(out, body_y, x, body_ry, body_rx, clothes)
    head_r = 0.085 * tall
    head_y = body_y - body_ry - 0.8 * head_r
    _ellipse(out, head_y, x + turn * head_r * 0.3, 1.15 * head_r, head_r, skin)
    _ellipse(out, head_y - 0.6 * head_r, x + turn * head_r * 0.3, 0.65 * head_r, head_r,
             clothes * 0.35)  # hair
    sy, sx = body_y - 0.75 * body_ry, x + 0.8 * body_rx
    for k in range(1, 7):
        reach = k / 6 * 0.38 * tall
        _ellipse(out, sy + reach * np.cos(arm), sx + reach * np.sin(arm), 0.035 * tall,
                 0.035 * tall, clothes if k < 6 else skin)


def _backdrop(rng: np.random.Generator, height: int, width: int, palette: int,
              darken: float) -> np.ndarray:
    return make_canvas(rng, height, width, palette).astype(np.float32) * np.float32(darken)


# --- sources ------------------------------------------------------------------------------------


class _Room(bm._Source):
    """A living room: wall, floor, a bright window, furniture blocks, two lamps, and a
    person walking slowly and gesturing while talking."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        bg = _backdrop(rng, h, w, palette, 0.55)
        wall = rng.uniform(90, 200, 3).astype(np.float32)
        bg[: int(0.68 * h)] = bg[: int(0.68 * h)] * 0.35 + wall * 0.65
        wx0 = float(rng.uniform(0.05, 0.5)) * w
        _rect(bg, 0.12 * h, 0.42 * h, wx0, wx0 + 0.35 * w, rng.uniform(200, 250, 3))
        _rect(bg, 0.12 * h, 0.42 * h, wx0 + 0.17 * w, wx0 + 0.185 * w, 70)  # window bar
        _rect(bg, 0.26 * h, 0.275 * h, wx0, wx0 + 0.35 * w, 70)
        for _ in range(int(rng.integers(2, 5))):  # sofa, cabinet, table
            x0 = float(rng.uniform(0, 0.8)) * w
            top = float(rng.uniform(0.5, 0.72)) * h
            _rect(bg, top, top + float(rng.uniform(0.08, 0.2)) * h, x0,
                  x0 + float(rng.uniform(0.15, 0.4)) * w, rng.uniform(30, 160, 3))
        self.lamps = [(float(rng.uniform(0.3, 0.6)) * h, float(rng.uniform(0.05, 0.95)) * w)
                      for _ in range(2)]
        for ly, lx in self.lamps:
            _rect(bg, ly, 0.75 * h, lx - 4 * self.scale, lx + 4 * self.scale, 40)
            _ellipse(bg, ly, lx, 30 * self.scale, 45 * self.scale, np.float32(235))
        self.bg = bg
        self.lamp_colour = rng.uniform(150, 255, 3).astype(np.float32)
        self.x = float(rng.uniform(0.3, 0.7)) * w
        self.vx = float(rng.uniform(1, 4)) * self.scale * float(rng.choice([-1, 1]))
        self.tall = float(rng.uniform(0.45, 0.65)) * h
        self.clothes = rng.uniform(20, 200, 3).astype(np.float32)
        self.skin = np.array((220, 180, 150), np.float32) * np.float32(rng.uniform(0.7, 1.0))
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.bg.copy()
        for ly, lx in self.lamps:
            _glow(out, ly, lx, 90 * self.scale, self.lamp_colour,
                  0.5 + 0.05 * float(self.rng.normal()))
        self.x += self.vx
        if not 0.15 * self.w < self.x < 0.85 * self.w:
            self.vx = -self.vx
        arm = 0.6 + 0.9 * abs(np.sin(0.13 * self.t)) + 0.2 * float(self.rng.normal())
        _person(out, self.x, 0.92 * self.h, self.tall, self.clothes, self.skin, arm,
                turn=float(np.sin(0.05 * self.t)))
        return out


class _Dialogue(bm._Source):
    """One side of a conversation: the listener's shoulder and the back of the head large in
    the foreground, the speaker facing the camera, nodding and gesturing. ``dialogue_a`` and
    ``dialogue_b`` are the two sides (shot / reverse shot): mirrored layouts, and in a plan
    both scenes share one palette and light."""

    side = 1.0

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        self.bg = _backdrop(rng, h, w, palette, 0.6)
        door = float(rng.uniform(0.1, 0.6)) * w
        _rect(self.bg, 0.15 * h, 0.8 * h, door, door + 0.25 * w,
              np.random.default_rng(2000 + palette).uniform(40, 120, 3))
        _glow(self.bg, 0.1 * h, float(rng.uniform(0.2, 0.8)) * w, 200 * self.scale,
              np.array((255, 230, 190), np.float32), 0.5)
        # The same two people on both sides (drawn from the palette the pair shares): each
        # side shows one speaking over the other's shoulder.
        people = np.random.default_rng(1000 + palette)
        first, second = people.uniform(30, 210, (2, 3)).astype(np.float32)
        self.speaker, self.listener = (first, second) if self.side > 0 else (second, first)
        self.skin = np.array((225, 185, 155), np.float32) * np.float32(rng.uniform(0.75, 1.0))
        self.tempo = float(rng.uniform(0.1, 0.25))
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.bg.copy()
        h, w, s = self.h, self.w, self.side
        sway = 12 * self.scale * np.sin(self.tempo * self.t)
        arm = 0.5 + 0.8 * abs(np.sin(0.7 * self.tempo * self.t + 1)) \
            + 0.15 * float(self.rng.normal())
        x = w * (0.5 + 0.18 * s) + sway
        _person(out, x, 1.05 * h, 0.85 * h, self.speaker, self.skin, arm,
                turn=float(-s + 0.3 * np.sin(0.5 * self.tempo * self.t)))
        nod = 6 * self.scale * np.sin(0.3 * self.t)
        lx = w * (0.5 - 0.38 * s)
        _ellipse(out, 1.0 * h, lx, 0.3 * h, 0.3 * w, self.listener)  # shoulder
        _ellipse(out, 0.66 * h + nod, lx + 0.05 * w * s, 0.13 * h, 0.2 * w,
                 self.listener * 0.3)  # back of the head
        return out


class _DialogueB(_Dialogue):
    side = -1.0


class _Office(bm._Source):
    """An open office: rows of desks with monitors whose pictures scroll, a wall screen with
    moving bars, ceiling lights, people walking between the desks."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        bg = _backdrop(rng, h, w, palette, 0.3)
        bg += np.array((110, 120, 130), np.float32) * np.float32(rng.uniform(0.6, 1.1))
        for k in range(int(rng.integers(3, 7))):
            _ellipse(bg, 0.04 * h, (k + 0.5) * w / 5, 12 * self.scale, 60 * self.scale,
                     np.float32(245))
        self.screen = (0.1 * h, 0.3 * h, float(rng.uniform(0.05, 0.45)) * w)
        self.desks: list[tuple[float, float, float]] = []  # top, left, width of the monitor
        for row in range(3):
            top = (0.45 + 0.17 * row) * h
            for k in range(int(rng.integers(2, 4))):
                left = (k + float(rng.uniform(0, 0.3))) * w / 3
                _rect(bg, top + 0.06 * h, top + 0.1 * h, left - 20, left + 0.3 * w,
                      rng.uniform(90, 150, 3))
                self.desks.append((top - 0.02 * h, left, 0.14 * w))
        self.bg = bg
        self.lines = rng.uniform(60, 230, (64, 3)).astype(np.float32)
        self.people = [[float(rng.uniform(0, w)), float(rng.uniform(2, 6)) * self.scale
                        * float(rng.choice([-1, 1])), (0.5 + 0.17 * int(rng.integers(0, 3))) * h,
                        *rng.uniform(20, 220, 3)] for _ in range(int(rng.integers(1, 4)))]
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.bg.copy()
        top, bottom, left = self.screen
        sw = 0.5 * self.w
        _rect(out, top, bottom, left, left + sw, 15)
        for k in range(8):  # a bar chart that keeps changing
            tall = (0.3 + 0.6 * abs(np.sin(0.07 * self.t * (k + 1) + k))) * (bottom - top)
            _rect(out, bottom - tall, bottom - 4, left + (k + 0.2) * sw / 8,
                  left + (k + 0.8) * sw / 8, self.lines[k])
        for index, (mt, ml, mw) in enumerate(self.desks):
            _rect(out, mt, mt + 0.05 * self.h, ml, ml + mw, 20)
            for line in range(5):  # scrolling text on each monitor
                colour = self.lines[(line + self.t // 3 + index * 7) % len(self.lines)]
                y = mt + (line + 0.5) * 0.009 * self.h
                _rect(out, y, y + 0.004 * self.h, ml + 6, ml + mw * (0.4 + 0.5 * ((line * 7
                      + self.t // 3 + index) % 5) / 5), colour)
        skin = np.array((220, 180, 150), np.float32)
        for p in self.people:
            p[0] += p[1]
            if not -0.1 * self.w < p[0] < 1.1 * self.w:
                p[1] = -p[1]
            _person(out, p[0], p[2] + 0.05 * self.h, 0.3 * self.h, np.array(p[3:6], np.float32),
                    skin, 0.3 + 0.3 * np.sin(0.3 * self.t))
        return out


class _Neon(bm._Source):
    """A night street: dark buildings, neon signs of bright strokes that flicker and stutter,
    their glow on a wet road, people passing as silhouettes."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        bg = _backdrop(rng, h, w, palette, 0.12)
        x = 0.0
        while x < w:  # building fronts
            bw = float(rng.uniform(0.2, 0.45)) * w
            _rect(bg, float(rng.uniform(0.0, 0.25)) * h, 0.7 * h, x, x + bw - 6,
                  rng.uniform(10, 45, 3))
            x += bw
        _rect(bg, 0.7 * h, h, 0, w, 18)
        self.bg = bg
        self.signs: list[list[Any]] = []
        for _ in range(int(rng.integers(3, 7))):
            top = float(rng.uniform(0.05, 0.45)) * h
            left = float(rng.uniform(0.0, 0.85)) * w
            strokes = []
            box = 0.06 * h
            for char in range(int(rng.integers(2, 5))):  # characters drawn as bright strokes
                cy = char * 1.2 * box
                for _ in range(int(rng.integers(3, 7))):
                    if rng.random() < 0.5:
                        strokes.append((cy + float(rng.uniform(0, box)),
                                        float(rng.uniform(0, 0.5)) * box, 10 * self.scale,
                                        float(rng.uniform(0.4, 1.0)) * box))
                    else:
                        strokes.append((cy + float(rng.uniform(0, 0.4)) * box,
                                        float(rng.uniform(0, 1.0)) * box,
                                        float(rng.uniform(0.4, 1.0)) * box, 10 * self.scale))
            colour = np.array(((255, 40, 120), (40, 220, 255), (255, 200, 40),
                               (120, 255, 80))[int(rng.integers(0, 4))], np.float32)
            self.signs.append([top, left, strokes, colour, 1.0, float(rng.uniform(0.02, 0.12))])
        self.walkers = [[float(rng.uniform(0, w)), float(rng.uniform(3, 8)) * self.scale
                         * float(rng.choice([-1, 1]))] for _ in range(int(rng.integers(1, 5)))]

    def frame(self) -> np.ndarray:
        out = self.bg.copy()
        for sign in self.signs:
            top, left, strokes, colour, _on, stutter = sign
            if self.rng.random() < stutter:  # a faulty tube: off or half lit for a frame
                level = float(self.rng.choice([0.05, 0.4]))
            else:
                level = float(np.clip(0.9 + 0.08 * self.rng.normal(), 0.6, 1.0))
            sign[4] = level
            for sy, sx, sh, sw in strokes:
                _rect(out, top + sy, top + sy + sh, left + sx, left + sx + sw,
                      colour * level + 15)
            _glow(out, top + 0.1 * self.h, left + 0.05 * self.h, 0.12 * self.w, colour,
                  0.45 * level)
            _glow(out, 0.85 * self.h, left + 0.12 * self.w, 0.08 * self.w, colour,
                  0.25 * level)  # reflection on the wet road
        for walker in self.walkers:
            walker[0] += walker[1]
            if not -0.2 * self.w < walker[0] < 1.2 * self.w:
                walker[1] = -walker[1]
            dark = np.full(3, 8, np.float32)
            _person(out, walker[0], 0.95 * self.h, 0.4 * self.h, dark, dark,
                    0.2 * np.sin(walker[0] / 20))
        return out


class _Candle(bm._Source):
    """A dark room lit by candles: flames waver, their light on a face and the walls
    flickers."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        self.bg = _backdrop(rng, h, w, palette, 0.5)
        self.candles = [(float(rng.uniform(0.55, 0.8)) * h, float(rng.uniform(0.1, 0.9)) * w,
                         float(rng.uniform(0.05, 0.12)) * h) for _ in range(int(rng.integers(2,
                                                                                            6)))]
        self.face = (float(rng.uniform(0.25, 0.45)) * h, float(rng.uniform(0.3, 0.7)) * w)
        self.skin = np.array((230, 180, 140), np.float32)
        self.warm = np.array((255, 170, 80), np.float32)
        self.level = 1.0

    def frame(self) -> np.ndarray:
        self.level = float(np.clip(0.8 * self.level + 0.2 + 0.12 * self.rng.normal(), 0.5,
                                   1.3))
        light = np.full((self.h, self.w, 3), 0.12, np.float32)
        for cy, cx, _tall in self.candles:
            _glow(light, cy, cx, 0.35 * self.w, np.ones(3, np.float32),
                  0.5 * self.level * float(self.rng.uniform(0.85, 1.0)))
        out = self.bg * light
        fy, fx = self.face
        _ellipse(out, fy, fx, 0.1 * self.h, 0.08 * self.h, self.skin * (0.35 + 0.35
                                                                         * self.level))
        _ellipse(out, fy + 0.28 * self.h, fx, 0.2 * self.h, 0.14 * self.h,
                 np.array((60, 30, 30), np.float32) * self.level)
        for cy, cx, tall in self.candles:
            _rect(out, cy, cy + tall, cx - 9 * self.scale, cx + 9 * self.scale,
                  np.float32(200 * min(1.0, self.level)))
            lean = 5 * self.scale * float(self.rng.normal())
            flame = 16 * self.scale * float(self.rng.uniform(0.8, 1.3))
            _ellipse(out, cy - flame, cx + lean, flame, 6 * self.scale, self.warm)
            _ellipse(out, cy - 0.8 * flame, cx + 0.7 * lean, 0.45 * flame, 3 * self.scale,
                     np.float32(255))
        return out


class _CarRain(bm._Source):
    """A car window in the rain at night: soft street lights out of focus drift past behind
    the glass, drops run down it leaving trails and new drops land."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.base = _backdrop(rng, height, width, palette, 0.18)
        n = int(rng.integers(15, 35))
        self.lights = np.column_stack([rng.uniform(0, height, n), rng.uniform(0, width, n),
                                       rng.uniform(30, 90, n) * self.scale,
                                       rng.uniform(60, 255, (n, 3))]).astype(np.float32)
        self.drift = float(rng.uniform(2, 9)) * self.scale * float(rng.choice([-1, 1]))
        self.drops = [self._drop(rng) for _ in range(int(rng.integers(40, 90)))]
        self.trail = np.zeros((height, width, 1), np.float32)

    def _drop(self, rng: np.random.Generator) -> list[float]:
        return [float(rng.uniform(0, self.h)), float(rng.uniform(0, self.w)),
                float(rng.uniform(3, 14)) * self.scale, float(rng.uniform(0, 1)) * 0.0]

    def frame(self) -> np.ndarray:
        out = self.base.copy()
        self.lights[:, 1] = (self.lights[:, 1] + self.drift) % self.w
        for y, x, r, *colour in self.lights:
            _glow(out, float(y), float(x), float(r), np.array(colour, np.float32), 0.7)
        self.trail *= 0.9
        for drop in self.drops:
            if self.rng.random() < 0.3:  # drops stick, then run on
                drop[3] = float(self.rng.uniform(2, 25)) * self.scale
            drop[0] += drop[3]
            if drop[0] > self.h:
                drop[:] = self._drop(self.rng)
                drop[0] = 0.0
            r = drop[2]
            y0, y1 = _span(drop[0] - 2 * r, 2 * r, self.h)
            x0, x1 = _span(drop[1], 0.3 * r, self.w)
            self.trail[y0:y1, x0:x1] = 0.5
            _ellipse(out, drop[0], drop[1], 1.2 * r, r, np.float32(200), 0.55)
        return out + self.trail * 60


class _Banquet(bm._Source):
    """A wedding banquet: red lanterns swaying, round tables, and many heads turning,
    bobbing and standing up; waiters cross the hall."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        bg = _backdrop(rng, h, w, palette, 0.35)
        bg += np.array((90, 20, 20), np.float32)
        self.tables = []
        for row in range(3):
            for k in range(int(rng.integers(2, 4))):
                cy = (0.45 + 0.2 * row) * h
                cx = (k + float(rng.uniform(0.3, 0.7))) * w / 3
                _ellipse(bg, cy, cx, 0.04 * h * (1 + row * 0.4), 0.12 * w * (1 + row * 0.4),
                         np.float32(230))
                self.tables.append((cy, cx, 1 + row * 0.4))
        self.bg = bg
        self.heads = []
        for cy, cx, size in self.tables:
            for seat in range(int(rng.integers(4, 8))):
                angle = np.pi * (seat + 0.5) / 7
                self.heads.append([cy - 0.03 * h * size, cx + 0.14 * w * size * np.cos(angle),
                                   0.022 * h * size, float(rng.uniform(0, 6)),
                                   *rng.uniform(10, 80, 3)])
        self.lanterns = [float(rng.uniform(0.05, 0.95)) * w for _ in range(int(rng.integers(3,
                                                                                         7)))]
        self.waiter = [float(rng.uniform(0, w)), float(rng.uniform(4, 9)) * self.scale]
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.bg.copy()
        for k, lx in enumerate(self.lanterns):
            swing = 15 * self.scale * np.sin(0.09 * self.t + k)
            _ellipse(out, 0.1 * self.h, lx + swing, 0.035 * self.h, 0.06 * self.w,
                     np.array((230, 30, 25), np.float32))
            _glow(out, 0.1 * self.h, lx + swing, 0.07 * self.w,
                  np.array((255, 120, 60), np.float32), 0.3)
        skin = np.array((215, 175, 140), np.float32)
        for y, x, r, phase, *hair in self.heads:
            bob = 0.25 * r * np.sin(0.2 * self.t + phase) + 0.15 * r * float(self.rng.normal())
            stand = 2.5 * r if np.sin(0.02 * self.t + 3 * phase) > 0.93 else 0.0
            turn = r * 0.5 * np.sin(0.1 * self.t + phase)
            _ellipse(out, y + r + bob - stand, x, 1.6 * r, 1.4 * r, np.array(hair) * 2)
            _ellipse(out, y + bob - stand, x + 0.3 * turn, 1.1 * r, r, skin)
            _ellipse(out, y - 0.4 * r + bob - stand, x + 0.3 * turn, 0.7 * r, r,
                     np.array(hair, np.float32))
        self.waiter[0] += self.waiter[1]
        if not -0.1 * self.w < self.waiter[0] < 1.1 * self.w:
            self.waiter[1] = -self.waiter[1]
        _person(out, self.waiter[0], 0.98 * self.h, 0.5 * self.h,
                np.array((240, 240, 235), np.float32), skin, 1.4)
        return out


class _Trees(bm._Source):
    """Trees in gusty wind: crowns of leaf clusters swaying, the gusts come and go."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        h, w = height, width
        sky = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
        top, low = rng.uniform(120, 230, 3), rng.uniform(150, 250, 3)
        bg = np.broadcast_to(top + (low - top) * sky, (h, w, 3)).astype(np.float32)
        ground = _backdrop(rng, h, w, palette, 0.6)
        bg[int(0.75 * h):] = ground[int(0.75 * h):]
        self.trees = []
        for _ in range(int(rng.integers(3, 6))):
            x = float(rng.uniform(0.05, 0.95)) * w
            tall = float(rng.uniform(0.35, 0.65)) * h
            _rect(bg, 0.75 * h - tall * 0.5, 0.78 * h, x - 12 * self.scale, x + 12 * self.scale,
                  np.array((70, 45, 30), np.float32))
            clusters = [(float(rng.normal(0, 0.13)) * w, -tall * float(rng.uniform(0.45, 1.0)),
                         float(rng.uniform(0.07, 0.14)) * w,
                         np.array((30, 90, 30), np.float32) * float(rng.uniform(0.6, 1.6)))
                        for _ in range(int(rng.integers(14, 30)))]
            self.trees.append((x, 0.75 * h, clusters))
        self.bg = bg
        self.gust = 0.5
        self.t = 0.0

    def frame(self) -> np.ndarray:
        self.gust = float(np.clip(self.gust + self.rng.normal(0, 0.12), 0.1, 1.8))
        self.t += 0.25 + 0.2 * self.gust
        out = self.bg.copy()
        for x, base, clusters in self.trees:
            for k, (dx, dy, r, colour) in enumerate(clusters):
                height = -dy / (0.6 * self.h)
                sway = self.gust * 30 * self.scale * height * (np.sin(self.t + 0.7 * k) + 0.8)
                shimmer = float(self.rng.uniform(0.9, 1.1))
                _ellipse(out, base + dy, x + dx + sway, 0.8 * r, r, colour * shimmer)
        return out


bm._SOURCES.update({
    "room": _Room, "dialogue_a": _Dialogue, "dialogue_b": _DialogueB, "office": _Office,
    "neon": _Neon, "candle": _Candle, "car_rain": _CarRain, "banquet": _Banquet,
    "trees": _Trees,
})


# --- shots with things happening inside them ----------------------------------------------------


@dataclass(frozen=True)
class FShot(bm.BusyShot):
    """A shot of set F: a ``BusyShot`` that may hold a whip pan, a rack focus or a flicker of
    the light (each inside the shot, never on its first or last frames; not a cut)."""

    whip_at: int = -1  # first frame of a whip pan
    whip_frames: int = 0  # 3–6 frames
    whip_shift: float = 0.0  # how far the crop moves sideways, fraction of the source
    focus_at: int = -1  # first frame of a rack focus
    focus_frames: int = 0  # 8–15 frames: the picture blurs and sharpens again
    focus_blur: float = 0.0  # largest blur radius in pixels at 720 wide
    flicker_at: int = -1  # first frame of a stretch where the lamps flicker
    flicker_frames: int = 0
    flicker_seed: int = 0

    def offset(self, i: int) -> float:
        """Sideways move of the crop centre at frame ``i`` (the renderer adds it)."""
        if self.whip_at < 0 or i < self.whip_at:
            return 0.0
        p = min(1.0, (i - self.whip_at + 1) / self.whip_frames)
        return self.whip_shift * (3 * p * p - 2 * p ** 3)

    def touch(self, frame: np.ndarray, i: int) -> np.ndarray:
        """``frame`` (framed, before grade and grain) with motion blur, focus blur or the light
        of this frame."""
        width = frame.shape[1]
        if self.whip_at >= 0 and self.whip_at <= i < self.whip_at + self.whip_frames:
            speed = abs(self.offset(i) - self.offset(i - 1)) * width * self.camera.zoom
            frame = bm.box_blur(frame, min(width // 4, int(0.5 * speed)), axis=1)
        if self.focus_at >= 0 and self.focus_at <= i < self.focus_at + self.focus_frames:
            phase = (i - self.focus_at + 1) / (self.focus_frames + 1)
            radius = int(self.focus_blur * width / 720 * np.sin(np.pi * phase) + 0.5)
            frame = bm.box_blur(bm.box_blur(frame, radius, axis=0), radius, axis=1)
        if self.flicker_at >= 0 and self.flicker_at <= i < self.flicker_at + self.flicker_frames:
            frame = frame * np.float32(self.flicker_gains()[i - self.flicker_at])
        return frame

    def flicker_gains(self) -> np.ndarray:
        """Light level of each frame of the flicker: dips of a failing lamp or neon tube."""
        rng = np.random.default_rng(self.flicker_seed)
        dips = rng.random(self.flicker_frames) < 0.45
        dips[0] = True
        depth = rng.uniform(0.3, 0.65, self.flicker_frames)
        return np.where(dips, 1.0 - depth, 1.0).astype(np.float32)

    def stretches(self) -> tuple[tuple[int, int, str], ...]:
        """(first, end, kind) of each thing inside the shot, one frame of margin each side."""
        out = []
        if self.whip_at >= 0:
            out.append((self.whip_at - 1, self.whip_at + self.whip_frames + 1, "whip"))
        if self.focus_at >= 0:
            out.append((self.focus_at - 1, self.focus_at + self.focus_frames + 1, "focus"))
        if self.flicker_at >= 0:
            out.append((self.flicker_at - 1, self.flicker_at + self.flicker_frames + 1,
                        "flicker"))
        return tuple(out)


@dataclass(frozen=True)
class FPlan(bm.BusyPlan):
    """A plan of set F: frames inside whip pans, rack focus and flicker are named so."""

    def frame_kinds(self) -> tuple[str, ...]:
        kinds = list(super().frame_kinds())
        for start, shot in zip(self.starts(), self.shots, strict=True):
            if not isinstance(shot, FShot):
                continue
            for first, end, kind in shot.stretches():
                for k in range(start + first, start + end):
                    if kinds[k] not in ("dissolve", "lightning"):
                        kinds[k] = kind
        return tuple(kinds)


# --- the planner --------------------------------------------------------------------------------


def _with_inside(rng: np.random.Generator, shot: bm.BusyShot, name: str, *,
                 whip: bool) -> FShot:
    """``shot`` as an ``FShot``, perhaps with a whip pan (if ``whip``), a rack focus and a
    flicker placed where they overlap neither each other, nor lightning, nor a dissolve."""
    base = {f: getattr(shot, f) for f in bm.BusyShot.__dataclass_fields__}
    low = (shot.enter_frames if shot.enter == "dissolve" else 0) + 3
    high = shot.frames - (16 if shot.frames >= 20 else 3)  # a dissolve out may follow
    taken: list[tuple[int, int]] = []
    if shot.lightning_at >= 0:
        taken.append((shot.lightning_at - 3, shot.lightning_at + 4))

    def place(length: int) -> int:
        for _ in range(6):
            if high - length <= low:
                return -1
            at = int(rng.integers(low, high - length))
            if all(at + length + 2 <= a or b + 2 <= at for a, b in taken):
                taken.append((at, at + length))
                return at
        return -1

    extra: dict[str, object] = {}
    if whip:
        frames = int(rng.integers(3, 7))
        at = place(frames)
        if at >= 0:
            cam = shot.camera
            half = 0.5 / cam.zoom + 0.01
            x = cam.centre[0]
            target = (1 - half) if x < 0.5 else half
            target = x + (target - x) * float(rng.uniform(0.7, 1.0))
            extra.update(whip_at=at, whip_frames=frames, whip_shift=target - x)
    if rng.random() < 0.22:
        frames = int(rng.integers(8, 16))
        at = place(frames)
        if at >= 0:
            extra.update(focus_at=at, focus_frames=frames,
                         focus_blur=float(rng.uniform(5, 14)))
    if rng.random() < (0.55 if name in _FLICKERING else 0.08):
        frames = int(rng.integers(6, 21))
        at = place(frames)
        if at >= 0:
            extra.update(flicker_at=at, flicker_frames=frames,
                         flicker_seed=int(rng.integers(0, 2 ** 31)))
    return FShot(**base, **extra)  # type: ignore[arg-type]


def _entered(rng: np.random.Generator, previous: bm.BusyShot | None,
             shot: bm.BusyShot) -> bm.BusyShot:
    """How ``shot`` is entered (a hard cut, a dissolve of 6–13 frames between shots of at
    least 20 frames, or 闪白 of 1–3 white frames) and perhaps a lightning strike inside it."""
    enter: bm.Enter = "cut"
    enter_frames = 0
    roll = rng.random()
    if previous is not None and roll < 0.3 and min(shot.frames, previous.frames) >= 20:
        enter, enter_frames = "dissolve", int(rng.integers(6, 14))
    elif previous is not None and roll > 0.88:
        enter, enter_frames = "flash", int(rng.integers(1, 4))
    lightning_at = -1
    if shot.frames > 24 and rng.random() < 0.15:
        lightning_at = int(rng.integers(6, shot.frames - 6))
    return replace(shot, enter=enter, enter_frames=enter_frames, lightning_at=lightning_at)


def _kept(ramp: tuple[float, float]) -> tuple[float, float]:
    """The grade or light a shot ended with, held through the next shot."""
    return (ramp[1], ramp[1])


def _static(camera: bm.Camera) -> bool:
    return camera.pan == (0.0, 0.0) and camera.zoom_rate == 0.0


def f_plan(width: int, height: int, seed: int, seconds: float) -> FPlan:
    """Family ``held_back_f`` (set F): micro-drama cut grammar on busy footage.

    Twelve scenes: two calm locations, a textured wall, the two sides of a dialogue (one
    palette, one light) and seven drawn from the F sources. Shots of 4–10 frames (a third)
    up to 4 s. Cuts: punch-ins and pull-outs (×1.3–2.2, same or shifted centre) and mirror
    re-framings of the same scene; shot / reverse shot; hue-only cuts and lighting jumps
    (only after a still camera, so the framing really stays); cuts to other scenes, entered
    by a hard cut, a dissolve or 闪白. Inside shots: whip pans, rack focus, lamp flicker,
    lightning, slow push-ins and pull-outs, pans, hand-held shake, grain, lighting ramps and
    hue drift."""
    rng = np.random.default_rng(seed)
    pair = int(rng.integers(0, 5))
    scenes = [("still", int(rng.integers(0, 5))), ("wall", int(rng.integers(0, 5))),
              ("dialogue_a", pair), ("dialogue_b", pair)]
    scenes += [(str(rng.choice(_DRAWN)), int(rng.integers(0, 5))) for _ in range(7)]
    scenes += [("still", int(rng.integers(0, 5)))]
    calm = [k for k, (name, _palette) in enumerate(scenes) if name in bm.CALM_SOURCES]

    def length() -> int:
        roll = rng.random()
        if roll < 0.36:
            return int(rng.integers(4, 11))
        if roll < 0.78:
            return int(rng.integers(11, 31))
        return int(np.exp(rng.uniform(np.log(31), np.log(121))))


    def next_shot(previous: bm.BusyShot | None) -> bm.BusyShot:
        roll = rng.random()
        whipped = isinstance(previous, FShot) and previous.whip_at >= 0
        if previous is not None and roll < 0.12 and _static(previous.camera) and not whipped:
            # The same picture in another grade: the hue turns, the light jumps, or both.
            how = str(rng.choice(["hue", "light", "both"]))
            turn = previous.hue[1]
            if how != "light":
                turn += float(rng.uniform(40, 150)) * float(rng.choice([-1, 1]))
            level = previous.light[1]
            if how != "hue":
                factor = float(rng.choice([rng.uniform(0.45, 0.75), rng.uniform(1.3, 1.7)]))
                level = level * factor if 0.35 <= level * factor <= 2.0 else level / factor
            shot: bm.BusyShot = FShot(frames=length(), scene=previous.scene,
                                      camera=previous.camera, grain=previous.grain,
                                      hue=(turn, turn), light=(level, level))
            return shot
        if previous is not None and roll < 0.38:
            # Same scene, another framing: punch in, pull out, punch in off-centre, mirror.
            old = previous.camera
            how = str(rng.choice(["in", "out", "shifted", "mirror"]))
            factor = float(rng.uniform(1.3, 2.2))
            camera = replace(old, pan=(0.0, 0.0), zoom_rate=0.0)
            if how == "mirror":
                camera = replace(camera, mirror=not old.mirror)
            else:
                zoom = old.zoom / factor if how == "out" else old.zoom * factor
                if zoom < 1.05 or zoom > 3.4:
                    zoom = old.zoom * factor if zoom < 1.05 else old.zoom / factor
                camera = replace(camera, zoom=max(1.05, zoom))
                if how == "shifted":
                    dx = float(rng.uniform(0.1, 0.25)) * float(rng.choice([-1, 1]))
                    dy = float(rng.uniform(0.05, 0.2)) * float(rng.choice([-1, 1]))
                    camera = replace(camera, centre=(float(np.clip(old.centre[0] + dx, 0.25,
                                                                   0.75)),
                                                     float(np.clip(old.centre[1] + dy, 0.25,
                                                                   0.75))))
            if rng.random() < 0.2:
                camera = replace(camera, zoom_rate=float(rng.uniform(0.002, 0.006)))
            shot = FShot(frames=length(), scene=previous.scene, camera=camera,
                         grain=previous.grain, hue=_kept(previous.hue),
                         light=_kept(previous.light))
            return _with_inside(rng, shot, scenes[previous.scene][0], whip=False)
        name_before = scenes[previous.scene][0] if previous is not None else ""
        if previous is not None and name_before.startswith("dialogue") and roll < 0.75:
            # Reverse shot: the other side of the same conversation, same light and grade.
            scene = 5 - previous.scene  # 2 <-> 3
            camera = bm.Camera(zoom=float(rng.uniform(1.1, 1.7)),
                               centre=(float(rng.uniform(0.4, 0.6)),
                                       float(rng.uniform(0.4, 0.6))),
                               shake=float(rng.choice([0.0, 0.0, 0.004])))
            shot = FShot(frames=length(), scene=scene, camera=camera, grain=previous.grain,
                         hue=_kept(previous.hue), light=_kept(previous.light))
            return _with_inside(rng, shot, scenes[scene][0], whip=False)
        scene = bm._other_scene(rng, previous, len(scenes))
        if previous is not None and previous.scene in calm and rng.random() < 0.4:
            scene = calm[(calm.index(previous.scene) + int(rng.integers(1, len(calm))))
                         % len(calm)]
        motion = str(rng.choice(["static", "static", "pan", "push", "shake", "whip"]))
        zoom = float(rng.uniform(1.8, 2.3) if motion == "whip" else rng.uniform(1.1, 1.8))
        camera = bm.Camera(
            zoom=zoom,
            centre=(float(rng.choice([0.32, 0.68])) if motion == "whip"
                    else float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
            pan=((float(rng.uniform(-0.01, 0.01)), float(rng.uniform(-0.005, 0.005)))
                 if motion == "pan" else (0.0, 0.0)),
            zoom_rate=(float(rng.uniform(0.002, 0.01)) * float(rng.choice([1, 1, -1]))
                       if motion == "push" else 0.0),
            shake=float(rng.uniform(0.004, 0.02)) if motion == "shake" else 0.0,
            mirror=bool(rng.random() < 0.15))
        frames = length()
        if motion == "whip":
            frames = max(frames, int(rng.integers(18, 60)))
        light, hue, grain = bm.grade(rng, frames, light=(0.3, (0.8, 1.2), (0.45, 1.7)),
                                     hue=((-25, 45), 0.25, 80),
                                     grains=(0.0, 0.0, 0.0, 5.0, 10.0, 16.0))
        shot = _entered(rng, previous, bm.BusyShot(frames=frames, scene=scene, camera=camera,
                                                   grain=grain, light=light, hue=hue))
        return _with_inside(rng, shot, scenes[scene][0], whip=motion == "whip")

    return FPlan(width, height, seed, "held_back_f", tuple(scenes),
                 bm._lay_out(seconds, next_shot))
