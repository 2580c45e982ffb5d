"""Held-back set G (seeds 9601…): busy micro-drama footage with sources and a planner of its own.

Made on 2026-11-30 without looking at set F's sources or planner, and never run through a cut
detector while one is being changed. The places are those Chinese micro-dramas show: a
costume-drama palace hall with gauze curtains swaying and lanterns swinging, a hospital
corridor with people walking towards and away from the camera, a kitchen with steam rising
from a pot, a market street by day full of small walking people, a car at night with street
lights sweeping across two faces, a wedding stage with sweeping spotlights and falling petals,
a phone held close with chat bubbles scrolling, and a waterfront at night with glittering
reflections and fireworks over the skyline.

The planner ``_g_plan`` uses the cut labels of ``busy_media`` (``CUT_KINDS``) and its frame
kinds (``CALM_KINDS``); inside a ``GShot`` it adds whip pans (horizontal, vertical or
diagonal, accelerating, decelerating or both, 3–8 frames, motion blur as long as the speed,
landing on another part of the same place), rack focus and lamp flicker: none of them is a cut.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing.pacing_media import make_canvas

Colour = np.ndarray | float | np.floating[Any]  # an RGB triple or one grey level

HELD_BACK_G_SOURCES = ("palace", "corridor", "kitchen", "market", "car_night", "wedding",
                       "chat", "waterfront")


# --- drawing helpers --------------------------------------------------------------------------


def _clip_box(out: np.ndarray, y0: float, y1: float, x0: float,
              x1: float) -> tuple[int, int, int, int] | None:
    h, w = out.shape[:2]
    a, b = max(0, int(y0)), min(h, int(y1))
    c, d = max(0, int(x0)), min(w, int(x1))
    return (a, b, c, d) if b > a and d > c else None


def _fill(out: np.ndarray, y0: float, y1: float, x0: float, x1: float,
          colour: Colour, alpha: float = 1.0) -> None:
    box = _clip_box(out, y0, y1, x0, x1)
    if box is None:
        return
    a, b, c, d = box
    if alpha >= 1.0:
        out[a:b, c:d] = colour
    else:
        out[a:b, c:d] = out[a:b, c:d] * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def _oval(out: np.ndarray, cy: float, cx: float, ry: float, rx: float,
          colour: Colour, alpha: float = 1.0) -> None:
    ry, rx = max(ry, 1.0), max(rx, 1.0)
    box = _clip_box(out, cy - ry, cy + ry + 1, cx - rx, cx + rx + 1)
    if box is None:
        return
    a, b, c, d = box
    yy = ((np.arange(a, b, dtype=np.float32) - cy) / ry)[:, None]
    xx = ((np.arange(c, d, dtype=np.float32) - cx) / rx)[None, :]
    inside = (yy * yy + xx * xx) <= 1.0
    patch = out[a:b, c:d]
    patch[inside] = patch[inside] * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def _halo(out: np.ndarray, cy: float, cx: float, radius: float, colour: np.ndarray,
          strength: float = 1.0) -> None:
    """Additive soft light (a lamp's glow)."""
    radius = max(radius, 1.0)
    box = _clip_box(out, cy - 3 * radius, cy + 3 * radius, cx - 3 * radius, cx + 3 * radius)
    if box is None:
        return
    a, b, c, d = box
    yy = ((np.arange(a, b, dtype=np.float32) - cy) / radius)[:, None]
    xx = ((np.arange(c, d, dtype=np.float32) - cx) / radius)[None, :]
    out[a:b, c:d] += np.exp(-(yy * yy + xx * xx))[..., None] * colour * strength


def _figure(out: np.ndarray, cx: float, feet: float, tall: float, clothes: np.ndarray,
            skin: np.ndarray, hair: np.ndarray, step: float = 0.0) -> None:
    """A standing or walking person ``tall`` pixels high, feet at ``feet``; ``step`` swings
    the legs (radians of the gait cycle)."""
    if tall < 3:
        return
    head = 0.13 * tall
    body_w = 0.26 * tall
    top = feet - tall
    leg = 0.45 * tall
    swing = 0.07 * tall * np.sin(step)
    _fill(out, feet - leg, feet, cx - 0.11 * tall + swing, cx - 0.02 * tall + swing,
          clothes * 0.55)
    _fill(out, feet - leg, feet, cx + 0.02 * tall - swing, cx + 0.11 * tall - swing,
          clothes * 0.55)
    _fill(out, top + 1.7 * head, feet - leg + 0.03 * tall, cx - body_w / 2, cx + body_w / 2,
          clothes)
    arm = 0.05 * tall * np.sin(step + np.pi)
    _fill(out, top + 1.9 * head, top + 1.9 * head + 0.3 * tall, cx - body_w / 2 - 0.06 * tall
          + arm, cx - body_w / 2 + arm, clothes * 0.8)
    _fill(out, top + 1.9 * head, top + 1.9 * head + 0.3 * tall, cx + body_w / 2 - arm,
          cx + body_w / 2 + 0.06 * tall - arm, clothes * 0.8)
    _oval(out, top + head, cx, head, 0.8 * head, skin)
    _oval(out, top + 0.45 * head, cx, 0.5 * head, 0.85 * head, hair)


def _texture(rng: np.random.Generator, height: int, width: int, palette: int,
             share: float) -> np.ndarray:
    """A palette texture (``make_canvas``) at ``share`` of its strength, for surfaces."""
    return make_canvas(rng, height, width, palette).astype(np.float32) * np.float32(share)


def _shade(height: int, width: int, top: float, bottom: float) -> np.ndarray:
    return np.linspace(top, bottom, height, dtype=np.float32)[:, None, None] * np.ones(
        (1, width, 1), np.float32)


# --- sources ----------------------------------------------------------------------------------


class _Palace(bm._Source):
    """A costume-drama palace hall: red pillars, gauze curtains swaying, lanterns swinging."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        wall = rng.uniform([90, 20, 15], [150, 50, 40]).astype(np.float32)
        base = wall * _shade(height, width, 0.6, 1.0) + _texture(rng, height, width, palette,
                                                                 0.25)
        floor = int(rng.uniform(0.68, 0.78) * height)
        base[floor:] = base[floor:] * 0.45 + np.float32(40)
        for k in range(floor, height, max(6, int(18 * self.scale))):
            base[k:k + 2] *= 0.7  # floor tiles
        gold = np.array([210, 170, 70], np.float32)
        for _ in range(int(rng.integers(3, 6))):
            x = rng.uniform(0, width)
            half = rng.uniform(0.03, 0.06) * width
            base[:floor, max(0, int(x - half)):int(x + half)] = (
                np.array([150, 25, 20], np.float32) * rng.uniform(0.8, 1.1))
            for band in (0.08, 0.12):
                _fill(base, band * height, band * height + 10 * self.scale, x - half, x + half,
                      gold)
        _fill(base, floor - 0.12 * height, floor, 0.3 * width, 0.7 * width, gold * 0.7)
        _fill(base, floor - 0.3 * height, floor - 0.12 * height, 0.4 * width, 0.6 * width,
              np.array([120, 20, 30], np.float32))
        self.base = base
        self.yy, self.xx = bm._half_grid(height, width)
        self.curtains = [
            (float(rng.uniform(-0.1, 0.9) * width), float(rng.uniform(0.15, 0.35) * width),
             float(rng.uniform(15, 45) * self.scale), float(rng.uniform(0.03, 0.09)),
             float(rng.uniform(0, 6.3)), rng.uniform([200, 150, 140], [255, 230, 200]))
            for _ in range(int(rng.integers(2, 5)))]
        self.lanterns = [
            (float(rng.uniform(0.1, 0.9) * width), float(rng.uniform(0.12, 0.3) * height),
             float(rng.uniform(0.03, 0.06) * height), float(rng.uniform(0.08, 0.3)),
             float(rng.uniform(0.05, 0.14)), float(rng.uniform(0, 6.3)))
            for _ in range(int(rng.integers(3, 7)))]
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.base.copy()
        alpha = np.zeros(self.yy.shape, np.float32)
        tint = np.zeros((*self.yy.shape, 3), np.float32)
        for x0, width, amp, speed, phase, colour in self.curtains:
            sway = amp * (self.yy / self.h) ** 1.5 * np.sin(speed * self.t + phase
                                                             + self.yy / (140 * self.scale))
            u = (self.xx - x0 - sway) / width
            inside = (u >= 0) & (u <= 1)
            folds = 0.5 + 0.5 * np.cos(2 * np.pi * u * 5)
            a = np.where(inside, 0.25 + 0.35 * folds, 0).astype(np.float32)
            tint = np.where((a > alpha)[..., None], colour.astype(np.float32), tint)
            alpha = np.maximum(alpha, a)
        a = bm._double(alpha, self.h, self.w)[..., None]
        out = out * (1 - a) + bm._double(tint, self.h, self.w) * a
        for ax, length, radius, swing, speed, phase in self.lanterns:
            angle = swing * np.sin(speed * self.t + phase)
            by = length * np.cos(angle)
            bx = ax + length * np.sin(angle)
            for s in np.linspace(0, 1, 12):
                _fill(out, s * by, s * by + 3 * self.scale, ax + s * (bx - ax),
                      ax + s * (bx - ax) + 2 * self.scale, 30.0)
            _halo(out, by, bx, 1.6 * radius, np.array([120, 60, 10], np.float32))
            _oval(out, by, bx, radius, 0.8 * radius, np.array([230, 40, 30], np.float32))
            _fill(out, by - radius, by - 0.8 * radius, bx - 0.4 * radius, bx + 0.4 * radius,
                  np.array([220, 180, 60], np.float32))
            _fill(out, by + radius, by + 1.7 * radius, bx - 0.08 * radius, bx + 0.08 * radius,
                  np.array([230, 190, 70], np.float32))
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Corridor(bm._Source):
    """A hospital corridor in perspective: ceiling lights, doors, people walking towards the
    camera and away from it."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        vy, vx = rng.uniform(0.36, 0.46) * height, rng.uniform(0.4, 0.6) * width
        self.vy, self.vx = float(vy), float(vx)
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        dy, dx = yy - vy, xx - vx
        half_w = width * 0.55
        half_h = height - vy
        zy = half_h / np.maximum(np.abs(dy), 1)
        zx = half_w / np.maximum(np.abs(dx), 1)
        z = np.minimum(zy, zx)  # depth of the surface each pixel sees
        wall = rng.uniform([180, 200, 185], [225, 235, 220]).astype(np.float32)
        floor = rng.uniform([120, 130, 125], [170, 175, 165]).astype(np.float32)
        is_floor = (zy <= zx) & (dy > 0)
        is_ceiling = (zy <= zx) & (dy < 0)
        out = np.where(is_floor[..., None], floor, wall) * (1.15 - 0.05 * np.minimum(z, 12))[
            ..., None]
        out = np.where(is_ceiling[..., None], wall * 1.05, out)
        tiles = (np.floor(z * 2) % 2 == 0) & is_floor
        out[tiles] *= 0.9
        lights = is_ceiling & (np.floor(z * 0.8) % 2 == 0) & (np.abs(dx) / np.maximum(
            np.abs(dy), 1) < 0.25)
        out[lights] = 250
        door_colour = rng.uniform([60, 90, 120], [120, 160, 190]).astype(np.float32)
        doors = ~is_floor & ~is_ceiling & (np.floor(z * 0.7 + 0.3) % 3 == 0) & (
            np.abs(dy) < 0.7 * np.abs(dx) * half_h / half_w)
        out[doors] = door_colour * 0.9
        far = z > 9
        out[far] = np.float32(235)  # the window at the end
        out += _texture(rng, height, width, palette, 0.12) - 15
        self.base = out.astype(np.float32)
        self.half_h = float(half_h)
        self.half_w = float(half_w)
        self.people = [self._person(rng, toward=k % 2 == 0) for k in range(int(rng.integers(2, 4)))]
        self.t = 0

    def _person(self, rng: np.random.Generator, toward: bool) -> list:
        z = float(rng.uniform(2, 8))
        return [z, float(rng.uniform(-0.6, 0.6)), float(rng.uniform(0.04, 0.09)) * (
            -1 if toward else 1), rng.uniform(60, 230, 3).astype(np.float32),
            float(rng.uniform(0, 6.3)), toward]

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.base.copy()
        for person in self.people:
            person[0] += person[2] * (person[0] / 4 if person[5] else 1)
            person[4] += 0.35
            if person[0] < 1.05 or person[0] > 10:
                person[:] = self._person(self.rng, toward=bool(person[5]))
                person[0] = 9.5 if person[5] else 1.6
        for z, lateral, _v, clothes, step, _toward in sorted(self.people, key=lambda p: -p[0]):
            feet = self.vy + self.half_h / z
            tall = 1.6 * self.half_h / z
            cx = self.vx + lateral * self.half_w / z
            bob = abs(np.sin(step)) * 0.02 * tall
            _figure(out, cx, feet - bob, tall, clothes, np.array([210, 170, 140], np.float32),
                    np.array([35, 25, 20], np.float32), step)
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Kitchen(bm._Source):
    """A kitchen: tiled wall, a counter, a pot on a flame with steam rising and curling."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        tile = rng.uniform([180, 180, 170], [240, 235, 225]).astype(np.float32)
        base = tile * _shade(height, width, 0.85, 1.0) + _texture(rng, height, width, palette,
                                                                  0.15) - 18
        step = max(8, int(rng.uniform(40, 70) * self.scale))
        base[::step] *= 0.6
        base[:, ::step] *= 0.6
        counter = int(rng.uniform(0.58, 0.68) * height)
        base[counter:] = rng.uniform([90, 60, 30], [150, 110, 70]) * _shade(
            height - counter, width, 1.0, 0.6)
        base[counter:counter + int(12 * self.scale)] = 200
        self.px = float(rng.uniform(0.3, 0.7) * width)
        self.py = float(counter - 0.02 * height)
        self.pr = float(rng.uniform(0.14, 0.22) * width)
        _fill(base, self.py - 0.1 * height, self.py, self.px - self.pr, self.px + self.pr,
              np.array([70, 70, 78], np.float32))
        _oval(base, self.py - 0.1 * height, self.px, 0.025 * height, self.pr,
              np.array([110, 110, 120], np.float32))
        _fill(base, self.py - 0.08 * height, self.py - 0.07 * height, self.px - 1.3 * self.pr,
              self.px + 1.3 * self.pr, np.array([40, 40, 45], np.float32))
        for _ in range(int(rng.integers(2, 5))):  # jars and bottles on the counter
            x = rng.uniform(0, width)
            _fill(base, counter - rng.uniform(0.05, 0.15) * height, counter, x,
                  x + rng.uniform(0.04, 0.09) * width, rng.uniform(40, 220, 3))
        self.base = base.astype(np.float32)
        self.q = 4
        self.gy = np.arange(height // self.q + 1, dtype=np.float32)[:, None] * self.q
        self.gx = np.arange(width // self.q + 1, dtype=np.float32)[None, :] * self.q
        self.puffs: list[list[float]] = []  # y, x, radius, strength, drift
        self.rise = float(rng.uniform(3, 8)) * self.scale
        for _ in range(40):
            self._puff()
            for puff in self.puffs:
                self._move(puff)

    def _puff(self) -> None:
        self.puffs.append([self.py - 0.12 * self.h, self.px + float(self.rng.normal(0, 0.4))
                           * self.pr, float(self.rng.uniform(20, 40)) * self.scale,
                           float(self.rng.uniform(0.4, 0.8)), float(self.rng.normal(0, 1.5))])

    def _move(self, puff: list[float]) -> None:
        puff[0] -= self.rise * float(self.rng.uniform(0.6, 1.3))
        puff[1] += puff[4] * self.scale + 3 * self.scale * np.sin(puff[0] / (60 * self.scale))
        puff[2] += 1.2 * self.scale
        puff[3] *= 0.975

    def frame(self) -> np.ndarray:
        for _ in range(int(self.rng.integers(1, 4))):
            self._puff()
        for puff in self.puffs:
            self._move(puff)
        self.puffs = [p for p in self.puffs if p[3] > 0.05 and p[0] + p[2] > 0]
        density = np.zeros((self.gy.shape[0], self.gx.shape[1]), np.float32)
        q = self.q
        for y, x, radius, strength, _drift in self.puffs:
            a, b = max(0, int((y - 2 * radius) / q)), min(density.shape[0], int((y + 2 * radius)
                                                                                 / q) + 1)
            c, d = max(0, int((x - 2 * radius) / q)), min(density.shape[1], int((x + 2 * radius)
                                                                                / q) + 1)
            if b <= a or d <= c:
                continue
            r2 = ((self.gy[a:b] - y) ** 2 + (self.gx[:, c:d] - x) ** 2) / (radius * radius)
            density[a:b, c:d] += strength * np.exp(-r2)
        steam = np.repeat(np.repeat(np.clip(density, 0, 0.85), q, 0), q, 1)[:self.h, :self.w]
        out = self.base * (1 - steam[..., None]) + np.float32(240) * steam[..., None]
        for k in range(7):  # the flame under the pot
            lick = float(self.rng.uniform(0.5, 1.0))
            fx = self.px + (k - 3) * 0.25 * self.pr
            _oval(out, self.py - 0.075 * self.h, fx, 0.012 * self.h * lick, 0.03 * self.pr,
                  np.array([90, 120, 255], np.float32) * lick)
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Market(bm._Source):
    """A market street by day: shop fronts, awnings, and many small people walking both ways."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        base = np.empty((height, width, 3), np.float32)
        base[:] = rng.uniform([150, 190, 220], [200, 220, 250])
        street = int(rng.uniform(0.45, 0.55) * height)
        x = 0.0
        while x < width:
            shop_w = float(rng.uniform(0.15, 0.35) * width)
            top = float(rng.uniform(0.02, 0.2) * height)
            colour = rng.uniform(90, 230, 3)
            _fill(base, top, street, x, x + shop_w, colour)
            for _ in range(int(rng.integers(3, 9))):  # windows and signs
                wy, wx = rng.uniform(top, street - 0.1 * height), rng.uniform(x, x + shop_w)
                _fill(base, wy, wy + rng.uniform(0.02, 0.06) * height, wx,
                      wx + rng.uniform(0.03, 0.1) * width, rng.uniform(20, 250, 3))
            awning = street - 0.12 * height
            stripes = rng.uniform(100, 255, (2, 3))
            for k in range(int(shop_w // (20 * self.scale)) + 1):
                _fill(base, awning, awning + 0.03 * height, x + k * 20 * self.scale,
                      x + (k + 1) * 20 * self.scale, stripes[k % 2])
            x += shop_w
        base[street:] = rng.uniform([120, 115, 105], [165, 160, 150]) * _shade(
            height - street, width, 0.9, 1.1)
        base += _texture(rng, height, width, palette, 0.15) - 15
        self.base = base
        self.street = street
        n = int(rng.integers(50, 110))
        self.feet = rng.uniform(street + 0.02 * height, height * 1.05, n)
        self.x = rng.uniform(0, width, n)
        depth = (self.feet - 0.3 * height) / (0.7 * height)
        self.tall = depth * rng.uniform(0.2, 0.3, n) * height
        self.vx = rng.uniform(1.0, 3.0, n) * depth * self.scale * rng.choice([-1, 1], n)
        self.step = rng.uniform(0, 6.3, n)
        self.clothes = rng.uniform(30, 250, (n, 3)).astype(np.float32)
        self.order = np.argsort(self.feet)

    def frame(self) -> np.ndarray:
        out = self.base.copy()
        self.x = (self.x + self.vx + self.rng.normal(0, 0.3, len(self.x))) % (self.w * 1.2)
        self.step += np.abs(self.vx) * 0.12 / self.scale + 0.05
        skin = np.array([215, 175, 140], np.float32)
        hair = np.array([30, 25, 22], np.float32)
        for k in self.order:
            _figure(out, self.x[k] - 0.1 * self.w, self.feet[k], self.tall[k], self.clothes[k],
                    skin, hair, self.step[k])
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _CarNight(bm._Source):
    """Inside a car at night: two faces, the dashboard glowing, street lights passing in the
    windscreen and their light sweeping across the cabin and the faces."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        base = np.full((height, width, 3), 14, np.float32) + _texture(rng, height, width,
                                                                       palette, 0.08)
        self.glass = int(rng.uniform(0.25, 0.35) * height)
        base[:self.glass] = np.array([10, 14, 30], np.float32)
        dash = int(rng.uniform(0.78, 0.86) * height)
        base[dash:] = np.float32(22)
        for _ in range(5):
            x = rng.uniform(0.1, 0.9) * width
            _fill(base, dash + 0.02 * height, dash + 0.035 * height, x, x + 0.05 * width,
                  np.array([40, 200, 220], np.float32))
        skin = rng.uniform([150, 110, 90], [200, 150, 120]).astype(np.float32) * 0.7
        self.faces = []
        for k, fx in enumerate((rng.uniform(0.22, 0.32), rng.uniform(0.66, 0.78))):
            cx = float(fx * width)
            cy = float(rng.uniform(0.45, 0.55) * height)
            r = float(rng.uniform(0.1, 0.14) * width)
            _fill(base, cy + 1.3 * r, dash, cx - 2.0 * r, cx + 2.0 * r,
                  rng.uniform(20, 80, 3).astype(np.float32))  # shoulders
            _oval(base, cy, cx, 1.35 * r, r, skin)
            _oval(base, cy - 0.8 * r, cx, 0.8 * r, 1.05 * r, np.float32(12))
            for ex in (-0.4, 0.4):
                _fill(base, cy - 0.1 * r, cy + 0.05 * r, cx + (ex - 0.12) * r,
                      cx + (ex + 0.12) * r, np.float32(10))
            _fill(base, cy + 0.6 * r, cy + 0.7 * r, cx - 0.3 * r, cx + 0.3 * r,
                  np.array([90, 30, 30], np.float32))
            self.faces.append((cy, cx, r, k))
        self.base = base
        self.yy, self.xx = bm._half_grid(height, width)
        self.lamps: list[list[float]] = []  # x, y, speed (outwards from the vanishing point)
        self.sweep = -1.0
        self.sweep_speed = 0.0
        self.angle = float(rng.uniform(-0.4, 0.4))
        self.colour = rng.uniform([200, 120, 40], [255, 190, 110]).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.base.copy()
        if self.rng.random() < 0.15:
            side = float(self.rng.choice([-1, 1]))
            self.lamps.append([0.5 * self.w + side * 10, 0.7 * self.glass, side * 2.0, 1.0])
        for lamp in self.lamps:
            lamp[0] += lamp[2] * self.scale * lamp[3]
            lamp[1] -= 0.4 * self.scale * lamp[3]
            lamp[3] *= 1.12
            _halo(out, lamp[1], lamp[0], 6 * self.scale * lamp[3] ** 0.5,
                  np.array([255, 200, 120], np.float32))
        self.lamps = [lp for lp in self.lamps if 0 < lp[0] < self.w and lp[1] > 0]
        out[self.glass:] = np.where(out[self.glass:] > 0, out[self.glass:], 0)
        if self.sweep < 0 and self.rng.random() < 0.06:
            self.sweep = 0.0
            self.sweep_speed = float(self.rng.uniform(0.06, 0.14))
            self.angle = float(self.rng.uniform(-0.5, 0.5))
        if self.sweep >= 0:
            span = self.w + self.h * abs(np.tan(self.angle))
            pos = -0.2 * self.w + self.sweep * span * 1.4
            along = self.xx + self.yy * np.tan(self.angle)
            band = np.exp(-((along - pos) / (0.18 * self.w)) ** 2)
            light = bm._double(band, self.h, self.w)[..., None]
            out = out * (1 + 2.2 * light) + light * self.colour * 0.35
            self.sweep += self.sweep_speed
            if self.sweep > 1:
                self.sweep = -1.0
        bump = int(self.rng.normal(0, 1.2) * self.scale)  # the road under the car
        out = np.roll(out, bump, axis=0) if bump else out
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Wedding(bm._Source):
    """A wedding stage: red backdrop with a gold double-happiness sign, the couple, guests'
    heads in front, spotlights sweeping and petals falling."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        base = np.array([120, 15, 25], np.float32) * _shade(height, width, 0.7, 1.0) \
            + _texture(rng, height, width, palette, 0.12)
        gold = np.array([230, 185, 70], np.float32)
        cx, cy, s = 0.5 * width, rng.uniform(0.2, 0.3) * height, rng.uniform(0.12, 0.18) * width
        for dx in (-0.55, 0.55):  # 囍, drawn with bars
            for row in (-0.8, -0.2, 0.4, 1.0):
                _fill(base, cy + row * s, cy + row * s + 0.12 * s, cx + (dx - 0.45) * s,
                      cx + (dx + 0.45) * s, gold)
            _fill(base, cy - 0.8 * s, cy + 1.1 * s, cx + (dx - 0.06) * s, cx + (dx + 0.06) * s,
                  gold)
        for _ in range(16):  # flowers on an arch
            a = rng.uniform(0, np.pi)
            _oval(base, cy + 0.2 * height - np.sin(a) * 0.35 * height, cx + np.cos(a) * 0.42
                  * width, 18 * self.scale, 18 * self.scale, rng.uniform([200, 150, 160],
                                                                       [255, 230, 240]))
        stage = int(0.72 * height)
        base[stage:] = np.float32(30)
        _figure(base, 0.42 * width, stage, 0.33 * height, np.array([200, 20, 30], np.float32),
                np.array([225, 185, 155], np.float32), np.array([20, 15, 15], np.float32))
        _figure(base, 0.58 * width, stage, 0.36 * height, np.array([25, 25, 30], np.float32),
                np.array([215, 175, 145], np.float32), np.array([15, 15, 15], np.float32))
        for _ in range(30):
            _oval(base, rng.uniform(0.88, 1.02) * height, rng.uniform(0, width),
                  0.04 * height, 0.035 * height, np.float32(8))
        self.base = base * 0.55
        self.yy, self.xx = bm._half_grid(height, width)
        self.beams = [(float(rng.uniform(0.1, 0.9) * width), float(rng.uniform(0.25, 0.5)),
                       float(rng.uniform(0.03, 0.08)), float(rng.uniform(0, 6.3)),
                       rng.uniform(170, 255, 3).astype(np.float32))
                      for _ in range(int(rng.integers(2, 4)))]
        n = int(rng.integers(150, 400))
        self.petals = rng.uniform(0, 1, (n, 2)) * (height, width)
        self.fall = rng.uniform(2, 7, n) * self.scale
        self.petal_colour = rng.uniform([200, 20, 40], [255, 200, 200], (n, 3)).astype(np.float32)
        self.petal_size = rng.uniform(6, 16, n) * self.scale
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        light = np.zeros(self.yy.shape, np.float32)
        tint = np.zeros((*self.yy.shape, 3), np.float32)
        for x0, swing, speed, phase, colour in self.beams:
            angle = swing * np.sin(speed * self.t + phase)
            dy, dx = self.yy + 1, self.xx - x0
            off = np.abs(np.arctan2(dx, dy) - angle)
            cone = np.clip(1 - off / 0.12, 0, 1) * (0.5 + 0.5 * self.yy / self.h)
            light += cone
            tint += cone[..., None] * colour
        glow = bm._double(tint, self.h, self.w)
        out = self.base * (1 + 1.5 * bm._double(light, self.h, self.w)[..., None]) + glow * 0.35
        self.petals[:, 0] = (self.petals[:, 0] + self.fall) % self.h
        self.petals[:, 1] = (self.petals[:, 1] + 2 * self.scale * np.sin(
            0.05 * self.t + self.petals[:, 0] / (50 * self.scale))) % self.w
        tumble = np.abs(np.sin(0.2 * self.t + np.arange(len(self.fall))))
        for (y, x), colour, size, t in zip(self.petals, self.petal_colour, self.petal_size,
                                           tumble, strict=True):
            _fill(out, y, y + size * (0.3 + 0.7 * t), x, x + size, colour)
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Chat(bm._Source):
    """A phone held close: a chat scrolling as messages arrive, now and then flicked back."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        room = make_canvas(rng, height // 8, width // 8, palette).astype(np.float32)
        room = np.repeat(np.repeat(room, 8, 0), 8, 1)[:height, :width]
        self.back = np.zeros((height, width, 3), np.float32)
        self.back[:room.shape[0], :room.shape[1]] = room * 0.5
        self.left = int(rng.uniform(0.06, 0.14) * width)
        self.right = width - int(rng.uniform(0.06, 0.14) * width)
        self.top = int(rng.uniform(0.04, 0.1) * height)
        self.bottom = height - int(rng.uniform(0.04, 0.1) * height)
        sw = self.right - self.left - int(24 * self.scale)
        lines = []
        screen_bg = np.array([236, 236, 236], np.float32)
        for _ in range(60):
            mine = bool(rng.random() < 0.45)
            rows = int(rng.integers(1, 5))
            bh = int((rows * 34 + 26) * self.scale)
            bw = int(rng.uniform(0.35, 0.72) * sw)
            block = np.empty((bh + int(30 * self.scale), sw, 3), np.float32)
            block[:] = screen_bg
            x0 = sw - bw - int(70 * self.scale) if mine else int(70 * self.scale)
            colour = np.array([150, 235, 105] if mine else [255, 255, 255], np.float32)
            _fill(block, 0, bh, x0, x0 + bw, colour)
            avatar = int(52 * self.scale)
            ax = sw - avatar - int(8 * self.scale) if mine else int(8 * self.scale)
            _fill(block, 0, avatar, ax, ax + avatar, rng.uniform(40, 230, 3))
            for r in range(rows):
                y = (13 + r * 34) * self.scale
                end = x0 + bw - 14 * self.scale if r < rows - 1 else x0 + rng.uniform(0.3, 1) \
                    * (bw - 14 * self.scale)
                x = x0 + 14 * self.scale
                while x < end:  # characters
                    glyph = float(rng.uniform(16, 24)) * self.scale
                    _fill(block, y, y + 22 * self.scale, x, min(end, x + glyph), np.float32(
                        rng.uniform(20, 70)))
                    x += glyph + 4 * self.scale
            lines.append(block)
        self.strip = np.concatenate(lines).astype(np.uint8)
        self.view = self.bottom - self.top - int(0.16 * height)
        self.offset = 0.0
        self.target = 0.0
        self.heights = np.cumsum([b.shape[0] for b in lines])
        self.next_message = 0
        self.skin = rng.uniform([180, 130, 100], [230, 180, 150]).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        if self.rng.random() < 0.08:
            self.next_message = (self.next_message + 1) % (len(self.heights) - 12)
            self.target = float(self.heights[self.next_message])
        if self.rng.random() < 0.015:
            self.target = max(0.0, self.target - float(self.rng.uniform(0.5, 1.5)) * self.view)
        self.offset += 0.35 * (self.target - self.offset)
        out = self.back.copy()
        shift_y = int(6 * self.scale * np.sin(0.11 * self.t))
        shift_x = int(4 * self.scale * np.sin(0.07 * self.t + 1))
        top, bottom = self.top + shift_y, self.bottom + shift_y
        left, right = self.left + shift_x, self.right + shift_x
        _fill(out, top, bottom, left, right, np.float32(12))
        pad = int(12 * self.scale)
        _fill(out, top + pad, bottom - pad, left + pad, right - pad, np.array(
            [236, 236, 236], np.float32))
        bar = int(0.08 * self.h)
        _fill(out, top + pad, top + pad + bar, left + pad, right - pad, np.array(
            [210, 210, 210], np.float32))
        _fill(out, top + pad + bar * 0.35, top + pad + bar * 0.65, 0.4 * self.w, 0.6 * self.w,
              np.float32(40))
        _fill(out, bottom - pad - bar, bottom - pad, left + pad, right - pad, np.array(
            [245, 245, 245], np.float32))
        start = int(self.offset) % max(1, len(self.strip) - self.view)
        y0 = top + pad + bar
        rows = min(self.view, self.h - max(0, y0), len(self.strip) - start)
        if rows > 0 and y0 >= 0:
            sw = self.strip.shape[1]
            x0 = left + pad
            width = min(sw, self.w - x0)
            out[y0:y0 + rows, x0:x0 + width] = self.strip[start:start + rows, :width]
        thumb_y = 0.78 * self.h + 40 * self.scale * np.sin(0.05 * self.t)
        _oval(out, thumb_y, right - 0.02 * self.w, 0.12 * self.h, 0.09 * self.w, self.skin)
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


class _Waterfront(bm._Source):
    """A waterfront at night: a skyline with lit windows, glittering reflections rippling on
    the water, and now and then fireworks over the towers."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.horizon = int(rng.uniform(0.45, 0.58) * height)
        hz = self.horizon
        sky = np.array([18, 22, 55], np.float32) * _shade(hz, width, 0.5, 1.6)
        x = 0.0
        while x < width:
            bw = float(rng.uniform(0.06, 0.16) * width)
            top = float(rng.uniform(0.1, 0.75) * hz)
            _fill(sky, top, hz, x, x + bw, rng.uniform(15, 45, 3))
            cell = max(4, int(14 * self.scale))
            lit = rng.uniform([200, 160, 60], [255, 230, 160])
            for wy in range(int(top) + cell, hz - cell, cell):
                for wx in range(int(x) + cell // 2, int(x + bw) - cell, cell):
                    if rng.random() < 0.4:
                        _fill(sky, wy, wy + cell // 2, wx, wx + cell // 2, lit)
            x += bw
        self.sky = sky
        self.reflection = sky[::-1][:height - hz] * np.float32(0.6)
        if self.reflection.shape[0] < height - hz:
            pad = np.repeat(self.reflection[-1:], height - hz - self.reflection.shape[0], 0)
            self.reflection = np.concatenate([self.reflection, pad])
        rows = np.arange(height - hz, dtype=np.float32)
        self.amp = (2 + 30 * (rows / max(1, height - hz)) ** 1.5) * self.scale
        self.wave_k = 0.15 / self.scale
        self.rows = rows
        self.cols = np.arange(width)
        bright = self.reflection.mean(2)
        self.chance = np.clip((bright - 20) / 200, 0.002, 0.2)
        self.sparks = np.zeros((0, 7), np.float32)  # y, x, vy, vx, r, g, b
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = np.empty((self.h, self.w, 3), np.float32)
        out[:self.horizon] = self.sky
        shift = (self.amp * np.sin(self.wave_k * self.rows * (1 + self.rows / self.h)
                                   - 0.25 * self.t)).astype(np.int32)
        xs = np.clip(self.cols[None, :] + shift[:, None], 0, self.w - 1)
        water = self.reflection[self.rows.astype(np.int32)[:, None], xs]
        glitter = self.rng.random(self.chance.shape, dtype=np.float32) < self.chance
        water = np.where(glitter[..., None], np.float32(245), water + 8)
        out[self.horizon:] = water
        if self.rng.random() < 0.05:
            n = 120
            angle = self.rng.uniform(0, 2 * np.pi, n)
            speed = self.rng.uniform(2, 9, n) * self.scale
            y = self.rng.uniform(0.05, 0.35) * self.h
            x = self.rng.uniform(0.15, 0.85) * self.w
            colour = np.tile(self.rng.uniform(120, 255, 3), (n, 1))
            new = np.column_stack([np.full(n, y), np.full(n, x), speed * np.sin(angle),
                                   speed * np.cos(angle), colour]).astype(np.float32)
            self.sparks = np.vstack([self.sparks, new])[-1500:]
        s = self.sparks
        s[:, :2] += s[:, 2:4]
        s[:, 2] += 0.15 * self.scale
        s[:, 2:4] *= 0.95
        s[:, 4:7] *= 0.96
        keep = (s[:, 0] >= 0) & (s[:, 0] < self.horizon - 3) & (s[:, 1] >= 0) & (
            s[:, 1] < self.w - 3) & (s[:, 4:7].max(1) > 25)
        self.sparks = s = s[keep]
        ys, xs2 = s[:, 0].astype(np.int32), s[:, 1].astype(np.int32)
        for dy in range(3):
            for dx in range(3):
                out[ys + dy, xs2 + dx] = np.maximum(out[ys + dy, xs2 + dx], s[:, 4:7])
        return np.clip(out, 0, 255).astype(np.float32, copy=False)


bm._SOURCES.update({
    "palace": _Palace, "corridor": _Corridor, "kitchen": _Kitchen, "market": _Market,
    "car_night": _CarNight, "wedding": _Wedding, "chat": _Chat, "waterfront": _Waterfront,
})


# --- shots with something happening inside them -----------------------------------------------


@dataclass(frozen=True)
class GShot(bm.BusyShot):
    """A shot of set G; besides ``BusyShot`` it may show only part of the framed picture
    (``inner`` ≥ 1, centred at ``spot``), leaving room for a whip pan inside the shot, and
    carry a rack focus and a lamp flicker (``touch``, called by ``BusyRenderer``)."""

    inner: float = 1.0
    spot: tuple[float, float] = (0.5, 0.5)  # x, y of the shown part, fraction of the picture
    # first frame, frames, travel x, travel y (fractions), profile (0 speeding up,
    # 1 slowing down, 2 both), shutter (blur length per pixel of travel in a frame)
    whip: tuple[float, ...] = ()
    # first frame, frames, far blur before, far blur after, near blur before, near blur
    # after (fractions of the width); near is the subject in the lower middle
    focus: tuple[float, ...] = ()
    # first frame, frames, depth (0–1), seed of the flicker pattern
    flicker: tuple[float, ...] = ()

    def stretches(self) -> tuple[tuple[int, int, str], ...]:
        """(first frame, frames, frame kind) of each thing inside the shot."""
        out = []
        for params, kind in ((self.whip, "whip"), (self.focus, "focus"),
                             (self.flicker, "flicker")):
            if params:
                out.append((int(params[0]), int(params[1]), kind))
        return tuple(out)

    def _progress(self, i: int) -> float:
        first, frames, _dx, _dy, profile = self.whip[:5]
        t = float(np.clip((i - first + 1) / frames, 0.0, 1.0))
        if profile == 0:
            return t * t
        if profile == 1:
            return 1 - (1 - t) ** 2
        return t * t * (3 - 2 * t)

    def touch(self, frame: np.ndarray, i: int) -> np.ndarray:
        h = frame.shape[0]
        if self.focus:
            frame = self._focused(frame, i)
        if self.inner > 1.0 or self.whip:
            x, y = self.spot
            moving = (0.0, 0.0)
            if self.whip:
                dx, dy = self.whip[2], self.whip[3]
                p, before = self._progress(i), self._progress(i - 1)
                x, y = x + dx * p, y + dy * p
                moving = (dx * (p - before), dy * (p - before))
            frame = _crop(frame, self.inner, x, y, moving,
                          self.whip[5] if self.whip else 0.0)
        if self.flicker:
            first, frames, depth, seed = self.flicker
            k = i - int(first)
            if 0 <= k < int(frames):
                pattern = np.random.default_rng(int(seed))
                dips = pattern.random(int(frames)) ** 1.5
                dips[int(pattern.integers(0, int(frames)))] = 1.0  # at least one deep dip
                gains = 1 - depth * dips
                ramp = np.linspace(1.0, 0.45, h, dtype=np.float32)[:, None, None]
                frame = frame * (1 - (1 - np.float32(gains[k])) * ramp)
        return frame

    def _focused(self, frame: np.ndarray, i: int) -> np.ndarray:
        first, frames, far0, far1, near0, near1 = self.focus
        t = float(np.clip((i - first + 1) / frames, 0.0, 1.0))
        t = t * t * (3 - 2 * t)
        h, w = frame.shape[:2]
        far = _blurred(frame, (far0 + (far1 - far0) * t) * w)
        near = _blurred(frame, (near0 + (near1 - near0) * t) * w)
        yy = (np.arange(h, dtype=np.float32)[:, None] / h - 0.62) / 0.3
        xx = (np.arange(w, dtype=np.float32)[None, :] / w - 0.5) / 0.32
        subject = np.clip(1.5 - (yy * yy + xx * xx), 0, 1)[..., None]
        return far * (1 - subject) + near * subject


def _crop(frame: np.ndarray, inner: float, x: float, y: float,
          moving: tuple[float, float], shutter: float) -> np.ndarray:
    """The part 1/``inner`` of ``frame`` centred at (x, y), blurred along ``moving`` (the
    centre's travel in this frame) over ``shutter`` of that travel."""
    h, w = frame.shape[:2]
    rows = np.arange(h, dtype=np.float32) / (h * inner) - 0.5 / inner
    cols = np.arange(w, dtype=np.float32) / (w * inner) - 0.5 / inner
    length = np.hypot(moving[0] * w * inner, moving[1] * h * inner) * shutter
    samples = int(np.clip(length / 4, 1, 32))
    total = np.zeros(frame.shape, np.float32)
    for s in np.linspace(-0.5, 0.5, samples) if samples > 1 else (0.0,):
        ys = np.clip((y + moving[1] * shutter * s + rows) * h, 0, h - 1).astype(np.int32)
        xs = np.clip((x + moving[0] * shutter * s + cols) * w, 0, w - 1).astype(np.int32)
        total += frame[ys[:, None], xs[None, :]]
    return total / np.float32(samples)


def _blurred(frame: np.ndarray, radius: float) -> np.ndarray:
    """A box blur of ``radius`` pixels, twice (close to a lens's soft disc)."""
    r = round(radius)
    if r < 1:
        return frame
    out = frame
    for _ in range(2):
        for axis in (0, 1):
            pad = [(0, 0)] * 3
            pad[axis] = (r + 1, r)
            summed = np.cumsum(np.pad(out, pad, mode="edge"), axis=axis, dtype=np.float32)
            n = out.shape[axis]
            hi = np.take(summed, np.arange(2 * r + 1, 2 * r + 1 + n), axis=axis)
            lo = np.take(summed, np.arange(0, n), axis=axis)
            out = (hi - lo) / np.float32(2 * r + 1)
    return out


@dataclass(frozen=True)
class GPlan(bm.BusyPlan):
    """A set G episode: frames inside a whip pan, a rack focus or a flicker are named so."""

    def frame_kinds(self) -> tuple[str, ...]:
        kinds = list(super().frame_kinds())
        for start, shot in zip(self.starts(), self.shots, strict=True):
            for first, frames, kind in getattr(shot, "stretches", tuple)():
                for k in range(start + first, min(start + first + frames, len(kinds))):
                    kinds[k] = kind
        return tuple(kinds)


# --- planning ---------------------------------------------------------------------------------


def _g_plan(width: int, height: int, seed: int, seconds: float) -> GPlan:
    """Family ``held_back_g`` (set G): micro-drama cut grammar over the G places.

    Fourteen scenes: two calm ones (a location, a wall), eight drawn from the G sources, a
    busy pair and a calm pair (same source and palette: the two sides of a conversation, shot
    and reverse shot). Shots of 4–10 frames (over a quarter) up to 4 s; cuts: punch-ins and
    pull-outs (×1.3–2.5, same or shifted centre) and mirror re-framings of the same place,
    grade-only cuts (hue, light or both), shot / reverse shot, busy-to-busy cuts, 闪白 and
    dissolves; inside shots: whip pans, rack focus, lamp flicker, lightning, slow push-ins,
    pans, hand-held shake, grain, lighting ramps and hue drift."""
    rng = np.random.default_rng(seed)
    names = HELD_BACK_G_SOURCES
    scenes: list[tuple[str, int]] = [("still", int(rng.integers(0, 5))),
                                     ("wall", int(rng.integers(0, 5)))]
    scenes += [(str(name), int(rng.integers(0, 5))) for name in rng.permutation(names)]
    pair_name = str(rng.choice(["palace", "corridor", "kitchen", "car_night", "chat",
                                "wedding"]))
    pair_palette = int(rng.integers(0, 5))
    scenes += [(pair_name, pair_palette), (pair_name, pair_palette)]
    calm_palette = int(rng.integers(0, 5))
    scenes += [("still", calm_palette), ("still", calm_palette)]
    partner = {10: 11, 11: 10, 12: 13, 13: 12}

    def length() -> int:
        if rng.random() < 0.3:
            return int(rng.integers(4, 11))
        return int(np.exp(rng.uniform(np.log(10), np.log(75))))

    def kept(shot: bm.BusyShot, camera: bm.Camera, frames: int) -> GShot:
        """Same place and grade (hue, light and grain where the shot before ended)."""
        return GShot(frames=frames, scene=shot.scene, camera=camera, grain=shot.grain,
                     light=(shot.light[1], shot.light[1]), hue=(shot.hue[1], shot.hue[1]))

    def next_shot(previous: bm.BusyShot | None) -> bm.BusyShot:
        if previous is not None and previous.scene in partner and rng.random() < 0.45:
            # The other side of the conversation: the pair shares palette, light and grade.
            old = previous.camera
            camera = bm.Camera(zoom=float(np.clip(old.zoom * rng.uniform(0.85, 1.2), 1.1, 2.4)),
                               centre=(float(rng.uniform(0.35, 0.65)),
                                       float(rng.uniform(0.4, 0.6))),
                               mirror=not old.mirror, shake=old.shake)
            return replace(kept(previous, camera, length()), scene=partner[previous.scene])
        roll = rng.random()
        still_camera = previous is not None and previous.camera.pan == (0.0, 0.0) \
            and not previous.camera.zoom_rate
        if previous is not None and still_camera and roll < 0.1:
            # Grade-only: the hue jumps, the light jumps, or both; the framing stays.
            how = str(rng.choice(["hue", "light", "both"]))
            new_hue = previous.hue[1]
            new_light = previous.light[1]
            if how in ("hue", "both"):
                new_hue += float(rng.uniform(35, 150)) * float(rng.choice([-1, 1]))
            if how in ("light", "both"):
                new_light *= float(rng.choice([rng.uniform(0.4, 0.7), rng.uniform(1.4, 1.9)]))
            return GShot(frames=length(), scene=previous.scene, camera=previous.camera,
                         grain=previous.grain, hue=(new_hue, new_hue),
                         light=(new_light, new_light),
                         inner=getattr(previous, "inner", 1.0),
                         spot=getattr(previous, "spot", (0.5, 0.5)))
        if previous is not None and roll < 0.26:
            # Same place, another framing: punch-in or pull-out, or a mirror re-framing.
            old = previous.camera
            end = old.zoom * (1 + old.zoom_rate) ** previous.frames
            centre = old.centre
            how = str(rng.choice(["in", "out", "mirror"]))
            if how != "mirror" and end >= 1.05 * 1.3:  # a close-up is pulled out from more often
                how = "out" if rng.random() < min(0.8, (end - 1.0) / 1.2) else "in"
            elif how == "out":
                how = "in"
            if rng.random() < 0.5:
                centre = (float(np.clip(old.centre[0] + rng.uniform(-0.15, 0.15), 0.3, 0.7)),
                          float(np.clip(old.centre[1] + rng.uniform(-0.15, 0.15), 0.3, 0.7)))
            factor = float(rng.uniform(1.3, min(2.5, end / 1.05) if how == "out" else 2.5))
            if how == "mirror":
                camera = replace(old, mirror=not old.mirror, pan=(0.0, 0.0), zoom=end,
                                 zoom_rate=0.0, centre=centre)
            else:
                zoom = end * factor if how == "in" else end / factor
                camera = replace(old, zoom=zoom, pan=(0.0, 0.0), centre=centre, zoom_rate=0.0)
            return kept(previous, camera, length())
        if previous is not None and previous.scene not in partner and roll < 0.36:
            scene = int(rng.choice([10, 12]))
        else:
            scene = bm._other_scene(rng, previous, 10)
        motion = str(rng.choice(["static", "static", "push", "pan", "pan", "shake", "shake_all"]))
        camera = bm.Camera(
            zoom=float(rng.uniform(1.1, 1.7)),
            centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
            pan=((float(rng.uniform(-0.01, 0.01)), float(rng.uniform(-0.006, 0.006)))
                 if motion == "pan" else (0.0, 0.0)),
            zoom_rate=(float(rng.uniform(0.002, 0.008)) * float(rng.choice([1, 1, -1]))
                       if motion == "push" else 0.0),
            shake=float(rng.uniform(0.003, 0.016)) if motion.startswith("shake") else 0.0,
            mirror=bool(rng.random() < 0.2))
        frames = length()
        light, hue, grain = bm.grade(rng, frames, light=(0.3, (0.75, 1.15), (0.45, 1.6)),
                                     hue=((-25, 40), 0.35, 70),
                                     grains=(0.0, 0.0, 4.0, 9.0, 15.0))
        if motion == "shake_all":  # hand-held, grain and a lighting ramp together
            grain = max(grain, 9.0)
            light = (light[0], light[0] * float(rng.uniform(0.5, 1.6)))
        return _entered(rng, previous, GShot(frames=frames, scene=scene, camera=camera,
                                             grain=grain, light=light, hue=hue))

    shots = list(bm._lay_out(seconds, next_shot))
    _insides(rng, shots, scenes)
    return GPlan(width, height, seed, "held_back_g", tuple(scenes), tuple(shots))


def _entered(rng: np.random.Generator, previous: bm.BusyShot | None, shot: GShot) -> GShot:
    """How a new place is entered: a hard cut, a 闪白 of 1–3 white frames (one in ten) or a
    dissolve of 6–18 frames (one in five where both shots last 16 frames or more); perhaps
    a lightning strike inside."""
    roll = rng.random()
    if previous is not None and roll < 0.1:
        shot = replace(shot, enter="flash", enter_frames=int(rng.integers(1, 4)))
    elif previous is not None and roll < 0.32 and min(shot.frames, previous.frames) >= 16:
        shot = replace(shot, enter="dissolve",
                       enter_frames=int(rng.integers(6, min(19, shot.frames - 6,
                                                            previous.frames - 6) + 1)))
    if shot.frames > 24 and rng.random() < 0.15:
        shot = replace(shot, lightning_at=int(rng.integers(8, shot.frames - 8)))
    return shot


def _insides(rng: np.random.Generator, shots: list[bm.BusyShot],
             scenes: list[tuple[str, int]]) -> None:
    """Whip pans, rack focus and flicker put inside shots once the cuts are laid out: never
    within 3 frames of either end of a shot or of a dissolve, never beside lightning; a whip
    or focus only in a shot whose neighbours show other places (the framing it ends on is
    its own)."""
    for index, shot in enumerate(shots):
        if not isinstance(shot, GShot) or shot.lightning_at >= 0:
            continue
        before = shots[index - 1] if index else None
        after = shots[index + 1] if index + 1 < len(shots) else None
        low = 3 + (shot.enter_frames if shot.enter == "dissolve" else 0)
        high = shot.frames - 3 - (after.enter_frames if after is not None
                                  and after.enter == "dissolve" else 0)
        alone = (before is None or before.scene != shot.scene) and (
            after is None or after.scene != shot.scene)
        roll = rng.random()
        if alone and high - low >= 10 and roll < 0.3:
            frames = int(rng.integers(3, 9))
            first = low + int(rng.integers(0, high - low - frames + 1))
            inner = float(rng.uniform(1.6, 2.2))
            half = 0.5 / inner
            span = (1 - 2 * half) * float(rng.uniform(0.75, 1.0))
            direction = str(rng.choice(["across", "up_down", "diagonal"]))
            sx, sy = float(rng.choice([-1, 1])), float(rng.choice([-1, 1]))
            dx = sx * span if direction != "up_down" else 0.0
            dy = sy * span if direction != "across" else 0.0
            spot = (0.5 - dx / 2, 0.5 - dy / 2)
            camera = replace(shot.camera, zoom=float(rng.uniform(1.0, 1.12)), zoom_rate=0.0,
                             pan=(0.0, 0.0))
            shots[index] = replace(shot, camera=camera, inner=inner, spot=spot,
                                   whip=(first, frames, dx, dy, int(rng.integers(0, 3)),
                                         float(rng.uniform(0.6, 1.0))))
        elif alone and high - low >= 12 and roll < 0.42:
            frames = int(rng.integers(6, min(16, high - low + 1)))
            first = low + int(rng.integers(0, high - low - frames + 1))
            soft = float(rng.uniform(0.01, 0.03))
            far, near = (0.0, soft), (soft, 0.0)
            if rng.random() < 0.5:  # from the subject to the background, or back
                far, near = (soft, 0.0), (0.0, soft)
            shots[index] = replace(shot, focus=(first, frames, far[0], far[1], near[0], near[1]))
        elif high - low >= 8 and 0.42 <= roll < 0.56:
            frames = int(rng.integers(5, min(20, high - low) + 1))
            first = low + int(rng.integers(0, high - low - frames + 1))
            shots[index] = replace(shot, flicker=(first, frames, float(rng.uniform(0.3, 0.7)),
                                                  int(rng.integers(0, 2**31))))
