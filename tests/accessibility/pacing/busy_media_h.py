"""Set H (family ``held_back_h``, seeds from 9700): busy micro-drama places and a planner of
its own, held back from 2026-11-30 and never used to choose a threshold.

Places closer to what Chinese micro-dramas show: a KTV room with a mirror ball throwing moving
spots and sweeping beams, a subway carriage with swaying passengers and tunnel lights streaking
past, a forest path with sunlight flickering through leaves, a hotpot table with bubbling broth,
steam and diners, a hotel lobby with a revolving door and glass reflections, a beach at sunset
with sun glitter and people walking, a rooftop at night with a skyline and wind-blown hair, a
dance studio whose mirror wall doubles the dancers, and a rainy bus stop with headlights
passing. Each is a deterministic ``frame()`` generator registered in ``busy_media``'s table.

The planner cuts as micro-dramas do: punch-ins and pull-outs (×1.3–2.5), mirror re-framings,
shot / reverse shot between two views of one place in the same light, grade-only cuts (hue or
light), 4–10-frame shots beside busy ones, 闪白 and dissolves; inside shots (not cuts) whip pans
(horizontal, vertical and diagonal, accelerating or decelerating, motion blur as long as the
move of that frame), rack focus, lamp flicker and spotlight sweeps, slow push-ins, hand-held
shake, grain and lighting ramps. Each episode has a look of its own (day, night, warm, cold,
washed-out, saturated) and a grain level from none to heavy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing.pacing_media import FPS, make_canvas

HELD_BACK_H_SOURCES = ("ktv", "subway", "forest", "hotpot", "lobby", "beach", "rooftop",
                       "ballroom", "busstop")

# --- drawing helpers ----------------------------------------------------------------------------


def _box(out: np.ndarray, y0: float, y1: float, x0: float, x1: float,
         colour: np.ndarray | tuple[float, float, float] | float, alpha: float = 1.0) -> None:
    h, w = out.shape[:2]
    a, b = max(0, int(y0)), min(h, int(y1))
    c, d = max(0, int(x0)), min(w, int(x1))
    if b <= a or d <= c:
        return
    if alpha >= 1.0:
        out[a:b, c:d] = colour
    else:
        out[a:b, c:d] = out[a:b, c:d] * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def _disc(out: np.ndarray, cy: float, cx: float, ry: float, rx: float,
          colour: np.ndarray | tuple[float, float, float] | float, alpha: float = 1.0,
          soft: bool = False, add: bool = False) -> None:
    """An ellipse, hard-edged or soft (a Gaussian spot); painted over or added as light."""
    h, w = out.shape[:2]
    a, b = max(0, int(cy - ry)), min(h, int(cy + ry) + 1)
    c, d = max(0, int(cx - rx)), min(w, int(cx + rx) + 1)
    if b <= a or d <= c or ry <= 0 or rx <= 0:
        return
    yy = ((np.arange(a, b, dtype=np.float32) - cy) / ry)[:, None]
    xx = ((np.arange(c, d, dtype=np.float32) - cx) / rx)[None, :]
    r2 = yy * yy + xx * xx
    weight = np.exp(-3.0 * r2) * (r2 < 1) if soft else (r2 < 1).astype(np.float32)
    weight = (weight * alpha)[..., None]
    colour = np.asarray(colour, np.float32)
    if add:
        out[a:b, c:d] += weight * colour
    else:
        out[a:b, c:d] = out[a:b, c:d] * (1 - weight) + weight * colour


def _person(out: np.ndarray, cx: float, feet: float, tall: float,
            clothes: np.ndarray | tuple[float, float, float], lean: float = 0.0,
            skin: tuple[float, float, float] = (205, 160, 130)) -> None:
    """A standing person: legs, body, arms, head; ``lean`` shifts the top sideways (pixels)."""
    head = tall * 0.13
    body_w = tall * 0.26
    shoulders = feet - tall * 0.82
    hips = feet - tall * 0.45
    for k in range(6):  # the body leans: draw it in slices
        y0 = shoulders + (hips - shoulders) * k / 6
        y1 = shoulders + (hips - shoulders) * (k + 1) / 6
        shift = lean * (1 - k / 6)
        _box(out, y0, y1 + 1, cx - body_w / 2 + shift, cx + body_w / 2 + shift, clothes)
    dark = np.asarray(clothes, np.float32) * 0.55
    _box(out, hips, feet, cx - body_w * 0.42, cx - body_w * 0.05, dark)
    _box(out, hips, feet, cx + body_w * 0.05, cx + body_w * 0.42, dark)
    _disc(out, shoulders - head * 0.9, cx + lean, head, head * 0.85, skin)
    _disc(out, shoulders - head * 1.35, cx + lean, head * 0.7, head * 0.9, (30, 22, 18))


def _gradient(height: int, width: int, top: tuple[float, float, float],
              bottom: tuple[float, float, float]) -> np.ndarray:
    ramp = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    first, last = np.asarray(top, np.float32), np.asarray(bottom, np.float32)
    return np.broadcast_to(first + (last - first) * ramp, (height, width, 3)).copy()


def _tint(rng: np.random.Generator, palette: int) -> np.ndarray:
    """A colour cast per palette, so two places of one palette share their light."""
    casts = ((1.0, 0.9, 0.8), (0.85, 0.95, 1.1), (1.05, 1.0, 0.9), (0.95, 1.05, 0.95),
             (1.1, 0.85, 1.0))
    return np.asarray(casts[palette % len(casts)], np.float32)


def _upsample(field: np.ndarray, factor: int, height: int, width: int) -> np.ndarray:
    return np.repeat(np.repeat(field, factor, 0), factor, 1)[:height, :width]


# --- sources ------------------------------------------------------------------------------------


class _Ktv(bm._Source):
    """A KTV room: a mirror ball throwing coloured spots that wheel round the walls, beams
    sweeping from the ceiling, a karaoke screen with a lyric line and singers on a sofa."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        room = make_canvas(rng, height, width, palette).astype(np.float32) * 0.22
        sofa = np.array((90, 20, 40), np.float32) * _tint(rng, palette)
        _box(room, 0.62 * height, 0.8 * height, 0, width, sofa)
        _box(room, 0.12 * height, 0.34 * height, 0.1 * width, 0.9 * width, (25, 25, 60))
        self.room = room
        n = int(rng.integers(40, 90))
        self.theta = rng.uniform(0, 2 * np.pi, n)
        self.spot_y = rng.uniform(0.02, 0.98, n) * height
        self.colour = rng.choice(np.array([(255, 80, 200), (80, 200, 255), (255, 230, 90),
                                           (120, 255, 120), (255, 255, 255)], np.float32), n)
        self.speed = float(rng.uniform(0.02, 0.06)) * float(rng.choice([-1, 1]))
        self.singers = rng.uniform(0.15, 0.85, int(rng.integers(2, 5))) * width
        self.clothes = rng.uniform(60, 220, (len(self.singers), 3)).astype(np.float32)
        self.beams = rng.uniform(0, 2 * np.pi, 3)
        qh, qw = height // 4 + 1, width // 4 + 1
        yy, xx = np.mgrid[0:qh, 0:qw].astype(np.float32)
        self.angle = np.arctan2(xx - qw / 2, yy + 1)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.room.copy()
        # karaoke screen: a lyric line filling from left to right, colour changing
        fill = (self.t % 90) / 90
        _box(out, 0.25 * h, 0.27 * h, 0.15 * w, (0.15 + 0.7 * fill) * w, (250, 120, 200))
        _box(out, 0.14 * h, 0.24 * h, 0.12 * w, 0.88 * w,
             (40 + 40 * np.sin(self.t * 0.3), 30, 80), alpha=0.5)
        for k, (x, clothes) in enumerate(zip(self.singers, self.clothes, strict=True)):
            sway = 14 * s * np.sin(0.25 * self.t + k * 1.7)
            _person(out, x + sway * 0.3, 0.78 * h, 0.3 * h, clothes * 0.6, lean=sway)
        # sweeping beams from the ceiling
        light = np.zeros(self.angle.shape, np.float32)
        for k, phase in enumerate(self.beams):
            centre = 0.9 * np.sin(0.07 * self.t * (1 + 0.3 * k) + phase)
            light += np.clip(1 - np.abs(self.angle - centre) / 0.06, 0, 1) * 0.5
        beam = _upsample(light, 4, h, w)[..., None]
        out += beam * np.array((90, 60, 140), np.float32)
        # mirror-ball spots: positions on a turning sphere projected onto the walls
        x = 0.5 * w + 0.62 * w * np.sin(self.theta + self.speed * self.t)
        front = np.cos(self.theta + self.speed * self.t) > -0.2
        for y0, x0, colour in zip(self.spot_y[front], x[front], self.colour[front], strict=True):
            _disc(out, y0, x0, 16 * s, 22 * s, colour, soft=True, add=True)
        return out


class _Subway(bm._Source):
    """A subway carriage: passengers swaying with the train, handrails, and through the windows
    a dark tunnel where lamps streak past."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        base = np.array((170, 175, 165), np.float32) * _tint(rng, palette)
        car = _gradient(height, width, tuple(base * 1.05), tuple(base * 0.6))
        car += rng.normal(0, 4, (height, width, 1)).astype(np.float32)
        self.window = (int(0.12 * height), int(0.36 * height))
        self.car = car
        self.poles = rng.uniform(0.1, 0.9, 3) * width
        n = int(rng.integers(4, 8))
        self.people = np.column_stack([np.sort(rng.uniform(0.05, 0.95, n)) * width,
                                       rng.uniform(0.86, 0.98, n) * height,
                                       rng.uniform(0.5, 0.75, n) * height,
                                       rng.uniform(0, 2 * np.pi, n)])
        self.clothes = rng.uniform(40, 200, (n, 3)).astype(np.float32)
        self.lamps = rng.uniform(0, 3 * width, 6)
        self.speed = float(rng.uniform(60, 140)) * self.scale
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.car.copy()
        top, bottom = self.window
        tunnel = out[top:bottom]
        tunnel[:] = (14, 14, 18)
        self.lamps = (self.lamps - self.speed) % (3 * w)
        for x in self.lamps:
            # a lamp streaks: a long smear as the train passes it
            _box(tunnel, 0.3 * (bottom - top), 0.4 * (bottom - top), x - 40 * s, x + 120 * s,
                 (255, 220, 150))
            _box(tunnel, 0.2 * (bottom - top), 0.5 * (bottom - top), x - 80 * s, x + 200 * s,
                 (120, 100, 70), alpha=0.4)
        glow = 20 + 20 * np.sin(self.t * 0.9)
        tunnel += glow
        for k in range(1, 4):  # window frames
            _box(out, top, bottom, k * w / 4 - 6 * s, k * w / 4 + 6 * s, (120, 120, 120))
        for x in self.poles:
            _box(out, 0, h, x - 5 * s, x + 5 * s, (215, 215, 220))
        sway = np.sin(self.t * 0.12) + 0.3 * np.sin(self.t * 0.47)
        for (x, feet, tall, phase), clothes in zip(self.people, self.clothes, strict=True):
            lean = (18 * sway + 6 * np.sin(self.t * 0.3 + phase)) * s
            _person(out, x, feet, tall, clothes, lean=lean)
        out *= np.float32(0.92 + 0.08 * np.sin(self.t * 0.7))
        return out


class _Forest(bm._Source):
    """A forest path: trunks and undergrowth, and sunlight through moving leaves dappling the
    ground and the trunks, flickering as the wind moves the canopy."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        ground = make_canvas(rng, height, width, palette).astype(np.float32)
        green = np.array((60, 110, 50), np.float32)
        forest = ground * 0.35 + green * 0.65
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        path = np.abs(xx - width / 2) < (yy - 0.45 * height) * 0.6
        forest[path] = forest[path] * 0.4 + np.array((150, 130, 95), np.float32) * 0.6
        for _ in range(int(rng.integers(5, 10))):
            x = float(rng.uniform(0, width))
            half = float(rng.uniform(10, 45)) * self.scale
            _box(forest, 0, rng.uniform(0.55, 0.95) * height, x - half, x + half,
                 np.array((55, 40, 30), np.float32) * rng.uniform(0.7, 1.3))
        self.forest = forest
        q = 4
        qy, qx = np.mgrid[0:height // q + 1, 0:width // q + 1].astype(np.float32)
        self.q, self.qy, self.qx = q, qy * q / height, qx * q / width
        self.waves = rng.uniform(-1, 1, (5, 4)) * (14, 14, 0.25, 3.1)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        field = np.zeros_like(self.qy)
        for ky, kx, speed, phase in self.waves:
            field += np.sin(ky * self.qy + kx * self.qx + speed * self.t + phase)
        gust = 0.6 * np.sin(0.05 * self.t)
        sun = np.clip(field * 0.5 + gust, 0, 1.5) ** 2
        light = _upsample(sun, self.q, self.h, self.w)[..., None]
        out = self.forest * (0.55 + 0.6 * light) + light * np.array((60, 50, 20), np.float32)
        return out.astype(np.float32)


class _Hotpot(bm._Source):
    """A hotpot table seen from above the diners: a split pot of red and pale broth bubbling,
    steam rising and drifting, chopsticks dipping, diners leaning in."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        room = make_canvas(rng, height, width, palette).astype(np.float32) * 0.7
        _box(room, 0.45 * height, height, 0, width, (120, 70, 45))
        for _ in range(10):  # dishes on the table
            _disc(room, rng.uniform(0.5, 0.95) * height, rng.uniform(0, 1) * width,
                  30 * self.scale, 45 * self.scale, rng.uniform(120, 240, 3))
        self.pot = (0.68 * height, 0.5 * width, 0.3 * width)
        cy, cx, r = self.pot
        _disc(room, cy, cx, r * 0.75 + 10, r + 10, (150, 150, 155))
        _disc(room, cy, cx, r * 0.75, r, (190, 40, 25))
        yy, xx = np.mgrid[0:height, 0:width]
        inside = ((yy - cy) / (r * 0.75)) ** 2 + ((xx - cx) / r) ** 2 < 0.5
        room[inside & (xx > cx)] = (225, 205, 165)
        self.room = room
        self.bubbles: list[list[float]] = []
        self.diners = [(0.12 * width, 1.0), (0.88 * width, -1.0)]
        self.clothes = rng.uniform(50, 200, (2, 3)).astype(np.float32)
        q = 8
        self.q = q
        self.steam = rng.uniform(0, 1, (height // q + 1, width // q + 1)).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.room.copy()
        cy, cx, r = self.pot
        for _ in range(int(self.rng.integers(2, 6))):
            angle, radius = self.rng.uniform(0, 2 * np.pi), self.rng.uniform(0, 0.9) * r
            self.bubbles.append([cy + 0.7 * radius * np.sin(angle), cx + radius * np.cos(angle),
                                 0.0, float(self.rng.uniform(6, 18)) * s])
        alive = []
        for bubble in self.bubbles:
            bubble[2] += 1
            if bubble[2] < 6:
                _disc(out, bubble[0], bubble[1], bubble[3] * bubble[2] / 6,
                      bubble[3] * bubble[2] / 5, (245, 150, 110), alpha=0.8)
                alive.append(bubble)
        self.bubbles = alive
        for k, ((x, side), clothes) in enumerate(zip(self.diners, self.clothes, strict=True)):
            reach = max(0.0, np.sin(0.09 * self.t + 2 * k)) * 0.25 * w
            _person(out, x, 0.62 * h, 0.45 * h, clothes, lean=side * 25 * s)
            _box(out, 0.5 * h, 0.52 * h, min(x, x + side * (0.1 * w + reach)),
                 max(x, x + side * (0.1 * w + reach)), (190, 150, 100))
            tip = x + side * (0.1 * w + reach)
            _box(out, 0.5 * h - 2, 0.5 * h + 2 * s, min(tip, tip + side * 0.15 * w),
                 max(tip, tip + side * 0.15 * w), (60, 30, 20))
        # steam: a smooth field rising and drifting, brightest over the pot
        self.steam = np.roll(self.steam, -1, 0)
        self.steam[-1] = self.rng.uniform(0, 1, self.steam.shape[1])
        smooth = (self.steam + np.roll(self.steam, 1, 1) + np.roll(self.steam, -1, 1)
                  + np.roll(self.steam, 1, 0) + np.roll(self.steam, -1, 0)) / 5
        smooth = np.roll(smooth, int(3 * np.sin(self.t * 0.05)), 1)
        fade = np.clip(1 - np.abs(np.linspace(0, 1, smooth.shape[0]) - 0.45) * 2.2, 0, 1)
        alpha = _upsample((smooth * fade[:, None]) ** 1.5 * 0.7, self.q, h, w)[..., None]
        return (out * (1 - alpha) + 235 * alpha).astype(np.float32)


class _Lobby(bm._Source):
    """A hotel lobby: a glass revolving door turning, reflections sliding over its panes,
    guests walking across the marble floor and through the door."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        hall = make_canvas(rng, height, width, palette).astype(np.float32) * 0.5 + 90
        floor = _gradient(height - int(0.7 * height), width, (150, 140, 130), (225, 215, 200))
        hall[int(0.7 * height):] = floor * _tint(rng, palette)
        _box(hall, 0.25 * height, 0.72 * height, 0.2 * width, 0.8 * width, (60, 70, 80))
        self.hall = hall
        self.turn = float(rng.uniform(0.03, 0.07))
        self.walkers = np.column_stack([rng.uniform(0, width, 5), rng.normal(0, 5, 5) * self.scale,
                                        rng.uniform(0.78, 0.98, 5) * height])
        self.clothes = rng.uniform(30, 230, (5, 3)).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.hall.copy()
        # inside the drum: the street beyond, bright
        _box(out, 0.27 * h, 0.7 * h, 0.22 * w, 0.78 * w, (170, 180, 190))
        cx, radius = 0.5 * w, 0.28 * w
        for k in range(4):
            angle = self.turn * self.t + k * np.pi / 2
            x = cx + radius * np.sin(angle)
            depth = np.cos(angle)
            half = max(3.0, 0.5 * radius * abs(np.cos(angle)) * 0.9)
            shade = 0.6 + 0.3 * depth
            _box(out, 0.27 * h, 0.7 * h, x - half, x + half, (120 * shade, 160 * shade, 175),
                 alpha=0.55)
            _box(out, 0.27 * h, 0.7 * h, x - 3 * s, x + 3 * s, (230, 200, 120))
            # a reflection sliding over the pane
            glint = x - half + (2 * half) * ((self.t * 0.05 + k * 0.25) % 1)
            _box(out, 0.3 * h, 0.66 * h, glint - 8 * s, glint + 8 * s, (255, 255, 255), alpha=0.5)
        self.walkers[:, 0] += self.walkers[:, 1]
        gone = (self.walkers[:, 0] < -80 * s) | (self.walkers[:, 0] > w + 80 * s)
        self.walkers[gone, 0] = np.where(self.walkers[gone, 1] > 0, -60 * s, w + 60 * s)
        for (x, _v, feet), clothes in zip(self.walkers, self.clothes, strict=True):
            _person(out, x, feet, (feet / h) * 0.55 * h, clothes,
                    lean=4 * s * np.sin(0.5 * self.t + x))
        return out


class _Beach(bm._Source):
    """A beach at sunset: the sun low over the sea, its glitter dancing on the water, surf
    lines rolling in, people walking along the shore as silhouettes."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        horizon = int(float(rng.uniform(0.35, 0.5)) * height)
        shore = int(0.75 * height)
        sky = _gradient(horizon, width, (70, 50, 110), tuple(rng.uniform((220, 120, 40),
                                                                          (255, 170, 90))))
        sea = _gradient(shore - horizon, width, (90, 60, 70), (30, 40, 70))
        sand = _gradient(height - shore, width, (150, 100, 70), (90, 60, 50))
        self.scene = np.concatenate([sky, sea, sand]).astype(np.float32)
        self.sun = (horizon - 0.06 * height, float(rng.uniform(0.3, 0.7)) * width)
        _disc(self.scene, self.sun[0], self.sun[1], 0.05 * height, 0.05 * height,
              (255, 220, 150))
        self.horizon, self.shore = horizon, shore
        n = int(rng.integers(3, 7))
        self.walkers = np.column_stack([rng.uniform(0, width, n),
                                        rng.uniform(1.5, 4, n) * rng.choice([-1, 1], n)
                                        * self.scale,
                                        rng.uniform(shore + 20, height * 0.97, n)])
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        w, s = self.w, self.scale
        out = self.scene.copy()
        top, bottom = self.horizon, self.shore
        # sun glitter: sparkles thickest in the column under the sun
        count = int(2500 * s * s)
        ys = self.rng.uniform(top, bottom, count)
        spread = 0.05 * w + (ys - top) * 0.5
        xs = self.sun[1] + self.rng.normal(0, 1, count) * spread
        keep = (xs >= 0) & (xs < w - 3)
        ys, xs = ys[keep].astype(np.int32), xs[keep].astype(np.int32)
        for d in range(3):
            out[ys, xs + d] = (255, 230, 170)
        for k in range(3):  # surf lines rolling in
            y = bottom - 10 + ((self.t * 1.5 * s + k * 40 * s) % (120 * s))
            _box(out, y, y + 4 * s, 0, w, (235, 220, 210), alpha=0.7)
        self.walkers[:, 0] = (self.walkers[:, 0] + self.walkers[:, 1]) % (w + 120 * s) - 60 * s
        for x, _v, feet in self.walkers:
            tall = (feet - self.shore + 60 * s) * 1.1
            _person(out, x, feet, tall, (25, 18, 22), lean=3 * s * np.sin(self.t * 0.4 + x),
                    skin=(30, 22, 25))
        return out


class _Rooftop(bm._Source):
    """A rooftop at night: a city skyline with windows switching on and off and a blinking
    mast light, and a person in the foreground whose hair and coat blow in the wind."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        night = _gradient(height, width, (10, 12, 35), (40, 35, 60))
        self.windows: list[tuple[int, int]] = []
        x = 0.0
        while x < width:
            bw = float(rng.uniform(50, 140)) * self.scale
            top = float(rng.uniform(0.2, 0.55)) * height
            _box(night, top, 0.8 * height, x, x + bw, (20, 22, 30))
            for wy in np.arange(top + 10, 0.78 * height, 18 * self.scale):
                for wx in np.arange(x + 6, x + bw - 8, 14 * self.scale):
                    self.windows.append((int(wy), int(wx)))
            x += bw + float(rng.uniform(0, 20))
        _box(night, 0.8 * height, height, 0, width, (35, 30, 32))
        self.night = night
        self.lit = rng.random(len(self.windows)) < 0.45
        self.where = np.array(self.windows, np.int32).reshape(-1, 2)
        self.colour = rng.choice(np.array([(250, 220, 140), (200, 220, 255), (255, 190, 120)],
                                          np.float32), len(self.windows))
        self.person_x = float(rng.uniform(0.3, 0.7)) * width
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.night.copy()
        flip = self.rng.random(len(self.lit)) < 0.01
        self.lit ^= flip
        ys, xs = self.where[self.lit, 0], self.where[self.lit, 1]
        for dy in range(6):
            for dx in range(5):
                out[np.clip(ys + dy, 0, h - 1), np.clip(xs + dx, 0, w - 1)] = self.colour[self.lit]
        if (self.t // 15) % 2:
            _disc(out, 0.18 * h, 0.8 * w, 6 * s, 6 * s, (255, 40, 40), soft=True, add=True)
        wind = np.sin(self.t * 0.21) + 0.5 * np.sin(self.t * 0.67) + self.rng.normal(0, 0.3)
        cx, feet, tall = self.person_x, 1.05 * h, 0.8 * h
        _person(out, cx, feet, tall, (50, 45, 60), lean=6 * s * wind)
        # the coat's edge flaps
        for k in range(12):
            y = feet - tall * (0.75 - k * 0.04)
            flap = (25 + 12 * k) * s * (0.6 + 0.4 * wind) * (1 + 0.3 * np.sin(self.t * 0.9 + k))
            _box(out, y, y + tall * 0.04, cx + tall * 0.13, cx + tall * 0.13 + flap, (45, 40, 55))
        # hair strands streaming sideways
        head_y = feet - tall * 0.82 - tall * 0.13 * 1.3
        for k in range(14):
            length = (60 + 8 * k) * s * (0.7 + 0.3 * wind)
            y = head_y + (k - 7) * 5 * s
            wave = 10 * s * np.sin(self.t * 0.8 + k)
            _box(out, y + wave, y + wave + 4 * s, cx + 20 * s, cx + 20 * s + length, (25, 18, 15))
        return out


class _Ballroom(bm._Source):
    """A dance studio: couples turning across a wooden floor, and a mirror wall that doubles
    them, a little darker and greener, behind a barre."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        room = make_canvas(rng, height, width, palette).astype(np.float32) * 0.6 + 60
        planks = (np.arange(width) // max(4, int(30 * self.scale)) % 2)[None, :, None]
        floor = np.array((170, 120, 70), np.float32) * (0.9 + 0.1 * planks)
        room[int(0.6 * height):] = floor
        self.room = room
        self.split = int(float(rng.uniform(0.4, 0.6)) * width)
        n = int(rng.integers(2, 4))
        self.couples = np.column_stack([rng.uniform(0.1, 0.45, n) * width,
                                        rng.uniform(0.72, 0.95, n) * height,
                                        rng.uniform(0.04, 0.1, n) * rng.choice([-1, 1], n),
                                        rng.uniform(0, 2 * np.pi, n)])
        self.clothes = rng.uniform(40, 240, (n, 2, 3)).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.room.copy()
        for (x, feet, spin, phase), clothes in zip(self.couples, self.clothes, strict=True):
            angle = spin * self.t + phase
            drift = 0.12 * w * np.sin(0.02 * self.t + phase)
            for k in range(2):
                dx = 30 * s * np.cos(angle + k * np.pi)
                depth = 1 + 0.05 * np.sin(angle + k * np.pi)
                _person(out, x + drift + dx, feet, 0.42 * h * depth, clothes[k],
                        lean=10 * s * np.sin(angle))
        # the mirror wall: the left part of the room, flipped, behind a frame and a barre
        top, bottom = int(0.1 * h), int(0.98 * h)
        span = min(self.split, w - self.split)
        mirrored = out[top:bottom, self.split - span:self.split][:, ::-1]
        out[top:bottom, self.split:self.split + span] = mirrored * np.array((0.8, 0.88, 0.84),
                                                                           np.float32)
        _box(out, top, bottom, self.split - 5 * s, self.split + 5 * s, (200, 200, 205))
        _box(out, 0.55 * h, 0.56 * h, self.split, w, (190, 160, 110))
        return out


class _BusStop(bm._Source):
    """A bus stop on a rainy night: a lit advertising panel, people waiting, rain slanting
    through the light, and cars passing with headlights and their streaks on the wet road."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        street = make_canvas(rng, height, width, palette).astype(np.float32) * 0.18
        _box(street, 0.7 * height, height, 0, width, (25, 28, 35))
        _box(street, 0.3 * height, 0.68 * height, 0.55 * width, 0.9 * width,
             np.array((200, 210, 230), np.float32) * _tint(rng, palette))
        _box(street, 0.25 * height, 0.28 * height, 0.05 * width, 0.95 * width, (70, 75, 85))
        for x in (0.3, 0.7):
            _person(street, x * width, 0.68 * height, 0.35 * height, rng.uniform(30, 90, 3))
        self.street = street
        self.cars: list[list[float]] = []
        self.slant = float(rng.uniform(0.2, 0.5))
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w, s = self.h, self.w, self.scale
        out = self.street.copy()
        if self.rng.random() < 0.05:
            way = float(self.rng.choice([-1, 1]))
            self.cars.append([-0.3 * w if way > 0 else 1.3 * w,
                              way * float(self.rng.uniform(25, 50)) * s])
        moving = []
        for car in self.cars:
            car[0] += car[1]
            x = car[0]
            for dx in (-60 * s, 60 * s):
                _disc(out, 0.8 * h, x + dx, 25 * s, 40 * s, (255, 240, 200), soft=True, add=True)
                _box(out, 0.82 * h, h, x + dx - 10 * s, x + dx + 10 * s, (120, 110, 80),
                     alpha=0.5)
            _disc(out, 0.8 * h, x, 0.12 * h, 0.4 * w, (180, 160, 120), alpha=0.25, soft=True,
                  add=True)
            if -0.5 * w < x < 1.5 * w:
                moving.append(car)
        self.cars = moving
        count = int(900 * s * s)
        length = int(30 * s)
        ys = self.rng.integers(0, h - length, count)
        xs = self.rng.integers(0, w - int(length * self.slant) - 1, count)
        for k in range(0, length, 2):
            out[ys + k, xs + int(k * self.slant)] += 70
        return out


bm._SOURCES.update({
    "ktv": _Ktv, "subway": _Subway, "forest": _Forest, "hotpot": _Hotpot, "lobby": _Lobby,
    "beach": _Beach, "rooftop": _Rooftop, "ballroom": _Ballroom, "busstop": _BusStop,
})


# --- shots: what happens inside them ------------------------------------------------------------

Look = tuple[float, float, float, float, float]  # saturation, lift, red, green, blue balance


@dataclass(frozen=True)
class HShot(bm.BusyShot):
    """A shot of set H: the camera's picture is cropped again by ``view`` (factor ≥ 1, centre
    y, x as fractions of the picture), so a whip pan can move it anywhere; ``inside`` is one
    thing that happens inside the shot (kind, first frame, frames; not a cut)."""

    view: tuple[float, float, float] = (1.0, 0.5, 0.5)
    inside: tuple[str, int, int] = ("", 0, 0)  # "whip", "focus", "flicker", "sweep"
    land: tuple[float, float] = (0.5, 0.5)  # whip: where the view comes to rest (y, x)
    profile: str = ""  # whip: accelerate / decelerate / ease; focus: down / up / breathe
    strength: float = 0.0  # focus: blur radius (px); flicker: depth; sweep: brightness
    look: Look = (1.0, 0.0, 1.0, 1.0, 1.0)

    @property
    def touch(self) -> Callable[[np.ndarray, int], np.ndarray]:
        return lambda frame, i: _touch(self, frame, i)

    def end_view(self) -> tuple[float, float, float]:
        if self.inside[0] == "whip":
            return (self.view[0], *self.land)
        return self.view


# The frame kind (``busy_media.CALM_KINDS``) each thing inside a shot is labelled with.
INSIDE_KINDS = {"whip": "whip", "focus": "focus", "flicker": "flicker", "sweep": "flicker"}


@dataclass(frozen=True)
class HPlan(bm.BusyPlan):
    def frame_kinds(self) -> tuple[str, ...]:
        kinds = list(super().frame_kinds())
        for start, shot in zip(self.starts(), self.shots, strict=True):
            if isinstance(shot, HShot) and shot.inside[0]:
                kind, first, frames = shot.inside
                # the frames it lasts and the one after (a whip's landing, focus settling)
                for k in range(start + first, start + first + frames + 1):
                    kinds[k] = INSIDE_KINDS[kind]
        return tuple(kinds)


def _crop(frame: np.ndarray, factor: float, y: float, x: float) -> np.ndarray:
    """The part of ``frame`` 1/``factor`` of its size centred at (``y``, ``x``), enlarged."""
    if factor <= 1.0001:
        return frame
    h, w = frame.shape[:2]
    ys = np.clip(((y - 0.5 / factor) + np.arange(h) / (h * factor)) * h, 0, h - 1)
    xs = np.clip(((x - 0.5 / factor) + np.arange(w) / (w * factor)) * w, 0, w - 1)
    return frame[ys.astype(np.int32)[:, None], xs.astype(np.int32)[None, :]]


def _blurred(frame: np.ndarray, radius: float) -> np.ndarray:
    """Out of focus: a box blur (twice) of ``radius`` pixels, worked at a quarter size."""
    h, w = frame.shape[:2]
    small = frame[:h // 4 * 4, :w // 4 * 4].reshape(h // 4, 4, w // 4, 4, 3).mean((1, 3))
    r = max(1, round(radius / 4))
    for _ in range(2):
        for axis in (0, 1):
            total = np.cumsum(np.pad(small, [(r + 1, r) if a == axis else (0, 0)
                                             for a in range(3)], mode="edge"), axis=axis)
            upper = np.take(total, np.arange(2 * r + 1, total.shape[axis]), axis=axis)
            lower = np.take(total, np.arange(0, total.shape[axis] - 2 * r - 1), axis=axis)
            small = (upper - lower) / (2 * r + 1)
    out = np.repeat(np.repeat(small, 4, 0), 4, 1)
    return np.pad(out, ((0, h - out.shape[0]), (0, w - out.shape[1]), (0, 0)), mode="edge")


def _eased(t: float, profile: str) -> float:
    if profile == "accelerate":
        return t * t * t
    if profile == "decelerate":
        return 1 - (1 - t) ** 3
    return t * t * (3 - 2 * t)


def _pulse(i: int, salt: int) -> float:
    """A repeatable pseudo-random number in [0, 1) for frame ``i``: lamp flicker."""
    return float((np.sin(i * 12.9898 + salt * 78.233) * 43758.5453) % 1.0)


def _touch(shot: HShot, frame: np.ndarray, i: int) -> np.ndarray:
    factor, y, x = shot.view
    kind, first, frames = shot.inside
    progress = min(1.0, max(0.0, (i - first + 1) / frames)) if kind else 0.0
    if kind == "whip":
        (ly, lx), before = shot.land, max(0.0, (i - first) / frames)
        if first <= i < first + frames:
            # the shutter stays open while the view moves: the blur is as long as the move
            h, w = frame.shape[:2]
            move = (_eased(progress, shot.profile) - _eased(before, shot.profile)) * max(
                abs(ly - y) * h, abs(lx - x) * w)
            parts = [
                _crop(frame, factor, y + (ly - y) * _eased(t, shot.profile),
                      x + (lx - x) * _eased(t, shot.profile))
                for t in np.linspace(before, progress, int(np.clip(move / 3, 4, 40)))]
            frame = np.asarray(np.mean(parts, axis=0, dtype=np.float32))
        else:
            frame = _crop(frame, factor, ly, lx) if i >= first + frames else _crop(frame, factor,
                                                                                   y, x)
    else:
        frame = _crop(frame, factor, y, x)
    h, w = frame.shape[:2]
    if kind == "focus":
        p = progress * progress * (3 - 2 * progress)
        if shot.profile == "breathe":  # focus lost and found again
            alpha: np.ndarray | float = float(np.sin(np.pi * p))
        else:  # rack focus between the near (bottom) and the far (top) part of the picture
            near = np.clip((np.arange(h, dtype=np.float32) / h - 0.35) / 0.3, 0, 1)[:, None, None]
            alpha = near * (1 - p) + (1 - near) * p if shot.profile == "down" else (
                near * p + (1 - near) * (1 - p))
        frame = frame + (_blurred(frame, shot.strength) - frame) * alpha
    elif kind == "flicker" and first <= i < first + frames:
        dip = shot.strength * (1.0 if _pulse(i, first) > 0.45 else 0.15 * _pulse(i + 7, first))
        frame = frame * np.float32(1 - dip)
    elif kind == "sweep":  # a spotlight crossing the picture; the rest of the stage dimmer
        cx = w * (-0.1 + 1.2 * (progress * progress * (3 - 2 * progress)))
        xs = (np.arange(w, dtype=np.float32) - cx) / (0.25 * w)
        ys = (np.arange(h, dtype=np.float32) - 0.55 * h) / (0.4 * h)
        spot = np.exp(-(ys[:, None] ** 2 + xs[None, :] ** 2))[..., None]
        frame = frame * (0.55 + shot.strength * spot)
    saturation, lift, *balance = shot.look
    if saturation != 1.0:
        grey = frame.mean(axis=2, keepdims=True)
        frame = grey + (frame - grey) * np.float32(saturation)
    if lift or balance != [1.0, 1.0, 1.0]:
        frame = frame * (np.asarray(balance, np.float32) * (1 - lift / 255)) + lift
    return frame.astype(np.float32, copy=False)


# --- the planner --------------------------------------------------------------------------------

# An episode's look: light level range, saturation, lift, colour balance, hue range (degrees).
_LOOKS: dict[str, tuple[tuple[float, float], float, float, tuple[float, float, float],
                        tuple[float, float]]] = {
    "day": ((0.95, 1.15), 1.0, 0.0, (1.0, 1.0, 1.0), (-10, 10)),
    "night": ((0.35, 0.55), 0.8, 0.0, (0.85, 0.95, 1.2), (-10, 10)),
    "warm": ((0.8, 1.05), 1.1, 0.0, (1.15, 1.0, 0.8), (-5, 5)),
    "cold": ((0.75, 1.0), 0.9, 0.0, (0.85, 1.0, 1.2), (-5, 5)),
    "washed_out": ((0.9, 1.1), 0.5, 45.0, (1.0, 1.0, 1.0), (-15, 15)),
    "saturated": ((0.9, 1.1), 1.6, 0.0, (1.0, 1.0, 1.0), (-20, 20)),
}
_GRAINS = ((0.0,), (0.0, 3.0), (3.0, 6.0, 9.0), (8.0, 14.0, 22.0))


def _h_plan(width: int, height: int, seed: int, seconds: float) -> HPlan:
    """Family ``held_back_h`` (set H): micro-drama cut grammar over the places above.

    Ten scenes: a calm location and a wall, six of the busy places, and second views (for
    shot / reverse shot) of the location and two busy places in the same palette and light."""
    rng = np.random.default_rng(seed)
    look_name = str(rng.choice(list(_LOOKS)))
    levels, saturation, lift, balance, hues = _LOOKS[look_name]
    level = float(rng.uniform(*levels))
    look: Look = (saturation, lift, *balance)
    grains = _GRAINS[int(rng.integers(0, len(_GRAINS)))]
    busy = [str(name) for name in rng.permutation(HELD_BACK_H_SOURCES)[:6]]
    scenes = [("still", int(rng.integers(0, 5))), ("wall", int(rng.integers(0, 5)))]
    scenes += [(name, int(rng.integers(0, 5))) for name in busy]
    twins: dict[int, int] = {}
    for index in (0, 2, 3):
        twins[index], twins[len(scenes)] = len(scenes), index
        scenes.append(scenes[index])

    def length() -> int:
        if rng.random() < 0.28:
            return int(rng.integers(4, 11))
        return int(np.exp(rng.uniform(np.log(8), np.log(70))))

    def inside(shot: HShot, kinds: tuple[str, ...]) -> HShot:
        if shot.frames < 30 or rng.random() > 0.75:
            return shot
        kind = str(rng.choice(list(kinds)))
        frames = {"whip": int(rng.integers(3, 9)), "focus": int(rng.integers(8, 20)),
                  "flicker": int(rng.integers(6, 16)), "sweep": int(rng.integers(12, 30))}[kind]
        low, high = max(4, shot.enter_frames + 3), shot.frames - 18 - frames
        if high < low:
            return shot
        first = int(rng.integers(low, high + 1))
        shot = replace(shot, inside=(kind, first, frames), lightning_at=-1)
        if kind == "whip":
            factor = float(rng.uniform(1.6, 2.0))
            margin = 0.5 / factor
            way = str(rng.choice(["horizontal", "vertical", "diagonal"]))
            ends = [margin + float(rng.uniform(0, 0.04)), 1 - margin - float(rng.uniform(0, 0.04))]
            if rng.random() < 0.5:
                ends.reverse()
            across = float(rng.uniform(margin, 1 - margin))
            y0, y1 = (across, across) if way == "horizontal" else tuple(ends)
            x0, x1 = (across, across) if way == "vertical" else (
                (ends[0], ends[1]) if rng.random() < 0.5 else (ends[1], ends[0]))
            return replace(shot, view=(factor, y0, x0), land=(y1, x1),
                           profile=str(rng.choice(["accelerate", "decelerate", "ease"])))
        if kind == "focus":
            return replace(shot, strength=float(rng.uniform(8, 24)) * width / 720,
                           profile=str(rng.choice(["down", "up", "breathe"])))
        if kind == "flicker":
            return replace(shot, strength=float(rng.uniform(0.25, 0.6)))
        return replace(shot, strength=float(rng.uniform(0.5, 1.0)))

    def same_grade(previous: HShot, **changes: object) -> dict[str, object]:
        keep: dict[str, object] = {"grain": previous.grain, "look": previous.look,
                                   "light": (previous.light[1], previous.light[1]),
                                   "hue": (previous.hue[1], previous.hue[1])}
        keep.update(changes)
        return keep

    def next_shot(prior: bm.BusyShot | None) -> bm.BusyShot:
        previous = prior if isinstance(prior, HShot) else None
        roll = rng.random()
        # a grade-only cut needs a camera at rest and nothing left changed (focus, spotlight)
        still = previous is not None and previous.camera.pan == (0.0, 0.0) \
            and not previous.camera.zoom_rate and previous.inside[0] in ("", "flicker", "whip")
        if previous is not None and roll < 0.12 and still:
            # grade only: the hue or the light jumps; place, camera and view stay
            if rng.random() < 0.5:
                step = float(rng.uniform(40, 150)) * float(rng.choice([-1, 1]))
                grade = same_grade(previous, hue=(previous.hue[1] + step,) * 2)
            else:
                factor = float(rng.uniform(1.4, 1.9)) ** float(rng.choice([-1, 1]))
                grade = same_grade(previous, light=(max(0.15, previous.light[1] * factor),) * 2)
            shot = HShot(frames=length(), scene=previous.scene, camera=previous.camera,
                         view=previous.end_view(), **grade)  # type: ignore[arg-type]
            return inside(shot, ("flicker",))
        if previous is not None and roll < 0.36:
            # same place, same light, another framing: punch-in, pull-out, mirror, shift
            old = previous.camera
            end = max(1.0, old.zoom * (1 + old.zoom_rate) ** previous.frames)
            how = str(rng.choice(["in", "out", "in", "mirror", "shift"]))
            factor = float(rng.uniform(1.3, 2.5))
            if how == "in" and end * factor > 3.2:
                how = "out"
            if how == "out" and end / factor < 1.0:
                how = "in" if end * factor <= 3.2 else "mirror"
            centre = old.centre
            if how == "shift" or (how in ("in", "out") and rng.random() < 0.5):
                angle = float(rng.uniform(0, 2 * np.pi))
                step = float(rng.uniform(0.12, 0.25))
                centre = (float(np.clip(centre[0] + step * np.cos(angle), 0.2, 0.8)),
                          float(np.clip(centre[1] + step * np.sin(angle), 0.2, 0.8)))
            zoom = {"in": end * factor, "out": end / factor}.get(how, max(end, 1.6))
            camera = bm.Camera(zoom=zoom, centre=centre, shake=old.shake,
                               mirror=old.mirror != (how == "mirror"),
                               zoom_rate=float(rng.uniform(0.002, 0.005))
                               if rng.random() < 0.25 else 0.0)
            if camera == old:
                camera = replace(camera, mirror=not camera.mirror)
            shot = HShot(frames=length(), scene=previous.scene, camera=camera,
                         **same_grade(previous))  # type: ignore[arg-type]
            return inside(shot, ("whip", "focus", "flicker", "sweep"))
        if previous is not None and roll < 0.46 and previous.scene in twins:
            # shot / reverse shot: the other side of the same place, in the same light
            camera = bm.Camera(zoom=float(rng.uniform(1.1, 1.8)),
                               centre=(float(rng.uniform(0.35, 0.65)),
                                       float(rng.uniform(0.35, 0.65))),
                               mirror=bool(rng.random() < 0.5), shake=previous.camera.shake)
            shot = HShot(frames=length(), scene=twins[previous.scene], camera=camera,
                         **same_grade(previous))  # type: ignore[arg-type]
            return inside(shot, ("whip", "focus", "flicker"))
        scene = bm._other_scene(rng, previous, len(scenes))
        while previous is not None and scene in (previous.scene, twins.get(previous.scene)):
            scene = (scene + 1) % len(scenes)  # the other side of this place: a reverse shot
        motion = str(rng.choice(["static", "static", "push", "pull", "pan", "shake", "shake"]))
        camera = bm.Camera(
            zoom=float(rng.uniform(1.5, 2.2) if motion == "pull" else rng.uniform(1.0, 1.5)),
            centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
            pan=((float(rng.uniform(-0.006, 0.006)), float(rng.uniform(-0.006, 0.006)))
                 if motion == "pan" else (0.0, 0.0)),
            zoom_rate={"push": float(rng.uniform(0.002, 0.006)),
                       "pull": -float(rng.uniform(0.002, 0.005))}.get(motion, 0.0),
            shake=float(rng.uniform(0.002, 0.012)) if motion == "shake" else 0.0,
            mirror=bool(rng.random() < 0.3))
        frames = length()
        light, hue, grain = bm.grade(rng, frames, light=(0.3, (0.8, 1.1), (0.5, 1.5)),
                                     hue=(hues, 0.2, 50), grains=grains)
        shot = HShot(frames=frames, scene=scene, camera=camera, grain=grain, hue=hue,
                     light=(light[0] * level, light[1] * level), look=look)
        entered = bm._entered(rng, previous, shot, dissolve=(6, 16), lightning=0.15)
        if previous is not None and entered.enter == "cut" and rng.random() < 0.35:
            # micro-dramas dissolve between shorter shots too
            blend = int(rng.integers(6, 13))
            own = previous.enter_frames if previous.enter == "dissolve" else 0
            if frames > 2 * blend and previous.frames - own > blend + 6:
                entered = replace(entered, enter="dissolve", enter_frames=blend)
        return inside(entered, ("whip", "whip", "whip", "focus", "flicker", "sweep"))  # type: ignore[arg-type]

    shots = list(bm._lay_out(seconds, next_shot))
    while True:  # dissolves overlap shots: lay out more until the episode lasts ``seconds``
        plan = HPlan(width, height, seed, "held_back_h", tuple(scenes), tuple(shots))
        if plan.frame_count >= int(seconds * FPS):
            return plan
        shots.append(next_shot(shots[-1]))
