"""Set I (held back from 2026-11-30): busy micro-drama places of its own and a planner of its own.

Made without reading sets F, G or H's generators and planners and without looking at the cut
detector, and never run by a cut detector while the detector is being changed. The places are
closer to what vertical phone-shot costume and city micro-dramas show, and the light in them
moves and changes inside shots, not only the things in them:

- ``courtyard``: a 四合院 courtyard at night, red lanterns swaying in gusts, their warm pools of
  light sliding over the grey brick walls, red pillars and two people;
- ``boardroom``: a boardroom whose big screen changes slides, its light tinting the room and
  the faces round the table;
- ``bamboo``: a bamboo grove in wind, stalks and leaves swaying, sun flecks moving and clouds
  passing over the sun;
- ``wok``: a night-market food stall, the cook's wok flaring up and lighting his face and the
  stall, steam rising, string lights behind;
- ``tv_room``: a dark bedroom lit by a television out of the picture, its light jumping in
  brightness and colour over the whole room and the two faces;
- ``car_day``: a car inside by day, the shadows of roadside trees sweeping over the dashboard,
  the seats and the two faces, trees streaming past the windscreen;
- ``ward``: a hospital ward, a patient in bed, a monitor with moving traces and a blinking
  alarm light, a drip;
- ``pool``: an indoor swimming pool, caustics moving on the water, the floor and the tiled walls,
  swimmers;
- ``sword``: a costume sword fight in a misty courtyard, two fighters leaping with long sleeves
  fluttering, sparks and a flash where the blades meet;
- ``escalator``: a shopping mall escalator, people riding up and walking by, reflections
  sliding on the glass balustrade and the polished floor;
- ``snow_road``: a snowy mountain road at night, headlights of oncoming cars sweeping over the
  snow banks, flakes caught in the beams.

The planner (``_i_plan``) uses the labels of the other sets (``CUT_KINDS``, frame kinds) with the
same renderer: framing-only cuts (punch-ins and pull-outs ×1.3–2.5, same or shifted centre,
mirror re-framings), shot / reverse shot between two views of one place in the same light,
hue-only cuts and lighting jumps on a camera at rest, 4–10-frame shots, busy-to-busy cuts, 闪白,
dissolves and cuts between two dark shots; inside shots (not cuts): whip pans (horizontal,
vertical, diagonal), rack focus, flicker, passing shadows and moving light, foreground wipes,
lightning, slow push-ins, hand-held shake, grain and lighting ramps. Each episode has a look of
its own (day, night, warm, cold, washed-out, saturated) and a grain level.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
from scipy import ndimage

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing.pacing_media import FPS, make_canvas

HELD_BACK_I_SOURCES = ("courtyard", "boardroom", "bamboo", "wok", "tv_room", "car_day", "ward",
                       "pool", "sword", "escalator", "snow_road")
# Places whose every frame changes over much of the picture.
BUSY_I_SOURCES = frozenset({"bamboo", "pool", "sword", "escalator", "car_day"})
# Places whose light moves or changes by itself: what a false cut there would be blamed on
# (the frame kinds of sets A–H: moving light and passing shadows count as ``flicker``).
LIGHT_KIND = {"courtyard": "flicker", "snow_road": "flicker", "boardroom": "flicker",
              "wok": "flicker", "tv_room": "flicker"}
NIGHT_SOURCES = frozenset({"courtyard", "wok", "tv_room", "snow_road"})

EventKind = Literal["whip_h", "whip_v", "whip_d", "focus", "flicker", "shadow", "beam", "wipe"]
# Frame kinds of the things happening inside shots: passing shadows and moving light are light
# changing (``flicker``); something wiping past the lens is a big thing moving (``busy``).
EVENT_LABEL = {"whip_h": "whip", "whip_v": "whip", "whip_d": "whip", "focus": "focus",
               "flicker": "flicker", "shadow": "flicker", "beam": "flicker", "wipe": "busy"}


# --- drawing helpers ---------------------------------------------------------------------------


def _enlarge(small: np.ndarray, height: int, width: int) -> np.ndarray:
    """A small 2-D map stretched (bilinear) to ``height`` × ``width``."""
    gh, gw = small.shape
    ys = np.linspace(0, gh - 1, height, dtype=np.float32)
    xs = np.linspace(0, gw - 1, width, dtype=np.float32)
    y0 = np.minimum(ys.astype(np.int32), gh - 2)
    x0 = np.minimum(xs.astype(np.int32), gw - 2)
    fy, fx = (ys - y0)[:, None], (xs - x0)[None, :]
    rows = small[y0] * (1 - fy) + small[y0 + 1] * fy
    out: np.ndarray = rows[:, x0] * (1 - fx) + rows[:, x0 + 1] * fx
    return out.astype(np.float32)


def _spots(height: int, width: int, spots: list[tuple[float, float, float, float]],
           step: int = 8) -> np.ndarray:
    """Soft round pools of light (y, x, radius, strength; pixels), summed, full size."""
    gh, gw = height // step + 2, width // step + 2
    yy = (np.arange(gh, dtype=np.float32) * step)[:, None]
    xx = (np.arange(gw, dtype=np.float32) * step)[None, :]
    out = np.zeros((gh, gw), np.float32)
    for y, x, r, s in spots:
        out += np.float32(s) * np.exp(-((yy - y) ** 2 + (xx - x) ** 2) / np.float32(2 * r * r))
    return _enlarge(out, gh * step, gw * step)[:height, :width]


def _ellipse(out: np.ndarray, cy: float, cx: float, ry: float, rx: float,
             colour: np.ndarray | tuple[float, ...], alpha: float = 1.0) -> None:
    y0, y1 = max(0, int(cy - ry)), min(out.shape[0], int(cy + ry) + 1)
    x0, x1 = max(0, int(cx - rx)), min(out.shape[1], int(cx + rx) + 1)
    if y0 >= y1 or x0 >= x1:
        return
    yy = (np.arange(y0, y1, dtype=np.float32)[:, None] - cy) / max(ry, 0.5)
    xx = (np.arange(x0, x1, dtype=np.float32)[None, :] - cx) / max(rx, 0.5)
    inside = (yy * yy + xx * xx <= 1)[..., None]
    region = out[y0:y1, x0:x1]
    paint = np.asarray(colour, np.float32)
    region[:] = np.where(inside, region * (1 - alpha) + paint * alpha, region)


def _box(out: np.ndarray, y0: float, y1: float, x0: float, x1: float,
         colour: np.ndarray | tuple[float, ...], alpha: float = 1.0) -> None:
    a, b = max(0, int(y0)), min(out.shape[0], int(y1))
    c, d = max(0, int(x0)), min(out.shape[1], int(x1))
    if a < b and c < d:
        out[a:b, c:d] = out[a:b, c:d] * (1 - alpha) + np.asarray(colour, np.float32) * alpha


def _figure(out: np.ndarray, y: float, x: float, size: float, clothes: np.ndarray,
            skin: np.ndarray, hair: tuple[float, ...] = (25, 20, 18), lean: float = 0.0) -> None:
    """A person from the waist up (``size`` px tall), head centred at (y, x)."""
    r = size * 0.12
    _ellipse(out, y + size * 0.62, x + lean * size * 0.3, size * 0.42, size * 0.3, clothes)
    _ellipse(out, y + size * 0.2, x + lean * size * 0.1, size * 0.08, size * 0.07, skin)
    _ellipse(out, y, x, r * 1.2, r, skin)
    _ellipse(out, y - r * 0.55, x, r * 0.7, r * 1.05, hair)


def _palette_rng(palette: int) -> np.random.Generator:
    """Colours shared by two views of one place: drawn from the palette, not the layout."""
    return np.random.default_rng(7100 + palette)


# --- sources -----------------------------------------------------------------------------------


class _Courtyard(bm._Source):
    """A 四合院 courtyard at night: red lanterns swaying under the eaves in gusts of wind, each
    throwing a warm pool of light that slides over the walls, pillars and people."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        base = np.empty((h, w, 3), np.float32)
        base[:] = pal.uniform(95, 130, 3).astype(np.float32) * (0.95, 0.95, 1.0)  # grey brick
        row = max(3, int(12 * self.scale))
        yy = np.arange(h)[:, None]
        xx = np.arange(w)[None, :]
        mortar = (yy % row == 0) | (((xx + (yy // row % 2) * row * 2) % (row * 4)) == 0)
        base[mortar] *= 0.72
        base *= (0.9 + 0.2 * rng.random((h // row + 1, w // (row * 4) + 1, 1), np.float32)
                 ).repeat(row, 0).repeat(row * 4, 1)[:h, :w]
        eave = int(0.2 * h)
        base[:int(0.09 * h)] = (12, 14, 30)  # night sky
        base[int(0.09 * h):eave] = (35, 32, 34)
        base[int(0.09 * h):eave:max(2, int(6 * self.scale))] = (20, 18, 20)  # roof tiles
        red = np.array((150, 25, 22), np.float32) * pal.uniform(0.85, 1.1)
        for x in rng.uniform(0.05, 0.9, 3) * w:
            _box(base, eave, 0.78 * h, x, x + 0.06 * w, red)
        door = rng.uniform(0.3, 0.55) * w
        _box(base, 0.42 * h, 0.78 * h, door, door + 0.22 * w, red * 0.8)
        for k in range(12):
            _ellipse(base, 0.46 * h + (k // 3) * 0.08 * h, door + (0.04 + (k % 3) * 0.07) * w,
                     4 * self.scale, 4 * self.scale, (200, 160, 60))
        base[int(0.78 * h):] = (70, 68, 66)  # stone floor
        base[int(0.78 * h)::max(3, int(40 * self.scale))] *= 0.7
        self.base = base
        self.people = [(rng.uniform(0.45, 0.62) * h, rng.uniform(0.15, 0.85) * w,
                        rng.uniform(0.22, 0.32) * h, pal.uniform(20, 200, 3).astype(np.float32))
                       for _ in range(2)]
        n = int(rng.integers(3, 6))
        self.lanterns = [(eave, float(x), float(rng.uniform(0.08, 0.16) * h),
                          float(rng.uniform(0, 6.3))) for x in np.linspace(0.1, 0.9, n) * w]
        self.t = 0
        self.gust = 0.2

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        self.gust = float(np.clip(self.gust + self.rng.normal(0, 0.05), 0.08, 0.6))
        placed = []
        for pivot_y, pivot_x, length, phase in self.lanterns:
            angle = self.gust * np.sin(0.22 * self.t + phase) + 0.1 * np.sin(0.05 * self.t)
            placed.append((pivot_y, pivot_x, pivot_y + length * np.cos(angle),
                           pivot_x + length * np.sin(angle) * 2.2))
        light = 0.28 + _spots(h, w, [(y, x, 0.17 * w, 1.1) for _py, _px, y, x in placed])
        out = self.base * (light[..., None] * np.array((1.0, 0.72, 0.5), np.float32))
        for y, x, size, clothes in self.people:
            sway = 3 * self.scale * np.sin(0.07 * self.t + x)
            _figure(out, y, x + sway, size, clothes * 0.5, np.array((120, 80, 60), np.float32))
        for pivot_y, pivot_x, y, x in placed:
            for k in range(8):
                f = k / 7
                _ellipse(out, pivot_y + (y - pivot_y) * f, pivot_x + (x - pivot_x) * f,
                         2, 2, (30, 20, 15))
            _ellipse(out, y, x, 0.035 * h, 0.055 * w, (255, 90, 40))
            _ellipse(out, y, x, 0.02 * h, 0.03 * w, (255, 190, 110))
            _box(out, y + 0.035 * h, y + 0.06 * h, x - 3 * self.scale, x + 3 * self.scale,
                 (230, 180, 40))
        return out


class _Boardroom(bm._Source):
    """A boardroom: a big screen changing slides (each change slides in over a few frames),
    its light tinting the room and the people round the table, heads turning and nodding."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        room = make_canvas(rng, h, w, palette).astype(np.float32) * 0.35 + pal.uniform(
            90, 150, 3).astype(np.float32) * 0.65
        self.screen = (int(0.08 * h), int(0.3 * h), int(0.08 * w), int(0.92 * w))
        y0, y1, x0, x1 = self.screen
        room[y0 - 6:y1 + 6, x0 - 6:x1 + 6] = 20
        table = pal.uniform(60, 110, 3).astype(np.float32) * (1.2, 0.9, 0.6)
        for y in range(int(0.55 * h), h):
            f = (y - 0.55 * h) / (0.45 * h)
            half = (0.12 + 0.38 * f) * w
            room[y, int(w / 2 - half):int(w / 2 + half)] = table * (0.8 + 0.3 * f)
        self.room = room
        seats = [(0.42, 0.12), (0.47, 0.25), (0.42, 0.88), (0.47, 0.75), (0.6, 0.05), (0.6, 0.95)]
        self.people = [(y * h, x * w, rng.uniform(0.16, 0.22) * h,
                        pal.uniform(20, 90, 3).astype(np.float32),
                        np.array((205, 160, 130), np.float32) * rng.uniform(0.8, 1.05),
                        float(rng.uniform(0, 6.3))) for y, x in seats[:int(rng.integers(4, 7))]]
        self.t = 0
        self.slide = self._slide()
        self.next_slide = self._slide()
        self.change_at = int(rng.integers(20, 70))

    def _slide(self) -> np.ndarray:
        y0, y1, x0, x1 = self.screen
        sh, sw = y1 - y0, x1 - x0
        colour = self.rng.uniform(20, 240, 3).astype(np.float32)
        slide = np.empty((sh, sw, 3), np.float32)
        slide[:] = colour
        slide[:int(0.18 * sh)] = 255 - colour * 0.6  # title bar
        if self.rng.random() < 0.5:
            for k in range(int(self.rng.integers(3, 6))):  # bullet lines
                top = int((0.28 + 0.14 * k) * sh)
                slide[top:top + max(2, sh // 16), int(0.08 * sw):int(
                    self.rng.uniform(0.4, 0.9) * sw)] = 240
        else:
            bars = int(self.rng.integers(4, 9))
            for k in range(bars):  # a chart
                top = int(self.rng.uniform(0.3, 0.85) * sh)
                left = int((0.1 + 0.8 * k / bars) * sw)
                slide[top:int(0.92 * sh), left:left + int(0.6 * sw / bars)] = \
                    self.rng.uniform(40, 255, 3)
        return slide

    def frame(self) -> np.ndarray:
        self.t += 1
        h = self.h
        y0, y1, x0, x1 = self.screen
        if self.t >= self.change_at:  # the next slide slides in from the right over 4 frames
            k = self.t - self.change_at + 1
            cut = int((x1 - x0) * (1 - k / 4))
            shown = np.concatenate([self.slide[:, :cut], self.next_slide[:, :x1 - x0 - cut]], 1)
            if k >= 4:
                self.slide, self.next_slide = self.next_slide, self._slide()
                self.change_at = self.t + int(self.rng.integers(15, 80))
        else:
            shown = self.slide
        glow = shown.mean(axis=(0, 1)) / 255
        fall = np.clip(1.2 - np.arange(h, dtype=np.float32) / h, 0.3, 1)[:, None, None]
        out = self.room * (0.55 + 0.65 * fall * glow)
        out[y0:y1, x0:x1] = shown
        for y, x, size, clothes, skin, phase in self.people:
            turn = 14 * self.scale * np.sin(0.09 * self.t + phase)
            nod = 5 * self.scale * np.sin(0.23 * self.t + 2 * phase)
            lit = skin * (0.55 + 0.6 * glow)
            _figure(out, y + nod, x + turn, size, clothes, lit)
        return out


class _Bamboo(bm._Source):
    """A bamboo grove in wind: stalks bending and leaves fluttering, sun flecks dancing on them
    and clouds passing over the sun."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        back = bm._vertical_gradient(rng, h, w, (20, 60), (30, 80))
        back *= np.array((0.6, 1.1, 0.5), np.float32) * pal.uniform(0.8, 1.2)
        for x in rng.uniform(0, w, 30):  # far stalks, still
            back[:, int(x):int(x + rng.uniform(4, 10) * self.scale)] *= 0.6
        self.back = back
        n = int(rng.integers(9, 15))
        self.stalks = np.column_stack([rng.uniform(-0.05, 1.05, n) * w,
                                       rng.uniform(16, 40, n) * self.scale,
                                       rng.uniform(0, 6.3, n), rng.uniform(0.6, 1.2, n)])
        self.green = np.array((110, 150, 60), np.float32) * pal.uniform(0.8, 1.15, 3)
        self.leaves = np.column_stack([rng.integers(0, n, 220), rng.uniform(0, 0.75, 220) * h,
                                       rng.uniform(-1, 1, 220), rng.uniform(0, 6.3, 220)])
        self.flecks = np.column_stack([rng.uniform(0, h, 40), rng.uniform(0, w, 40),
                                       rng.uniform(0, 6.3, 40)])
        self.t = 0
        self.wind = 0.0
        self.sun = 1.0
        self.yy = np.arange(h, dtype=np.float32)[:, None]
        self.xx = np.arange(w, dtype=np.float32)[None, :]

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        self.wind = float(np.clip(0.9 * self.wind + self.rng.normal(0, 0.25), -1.5, 1.5))
        self.sun = float(np.clip(self.sun + self.rng.normal(0, 0.02) + 0.01 * (1 - self.sun),
                                 0.55, 1.15))  # clouds over the sun
        out = self.back.copy()
        bend = (1 - self.yy / h) ** 2
        tops = []
        for k, (x, width, phase, flex) in enumerate(self.stalks):
            sway = float(flex * (28 * np.sin(0.09 * self.t + phase) + 30 * self.wind) * self.scale)
            left = max(0, int(min(x, x + sway) - width))
            right = min(w, int(max(x, x + sway) + width) + 1)
            if left < right:
                across = (self.xx[:, left:right] - (x + sway * bend)) / np.float32(width)
                inside = np.abs(across) < 0.5
                shade = (0.8 + 0.1 * (k % 3)) * (0.75 + 0.35 * (across + 0.5))
                region = out[:, left:right]
                region[:] = np.where(inside[..., None], self.green * shade[..., None], region)
            tops.append((x, sway))
        nodes = (self.yy % (110 * self.scale)) < 4 * self.scale
        out[np.broadcast_to(nodes, (h, w))] *= 0.75
        for stalk, y, side, phase in self.leaves:
            x, sway = tops[int(stalk)]
            flutter = 10 * self.scale * np.sin(0.5 * self.t + phase)
            lx = x + sway * (1 - y / h) ** 2 + side * 45 * self.scale + flutter
            _ellipse(out, y + flutter * 0.4, lx, 5 * self.scale, 22 * self.scale,
                     self.green * (0.6 + 0.25 * (phase % 1.6)))
        f = self.flecks
        spots = [(y + 20 * self.scale * np.sin(0.3 * self.t + p),
                  x + 25 * self.scale * (np.sin(0.23 * self.t + 2 * p) + self.wind),
                  14 * self.scale, 0.9 * max(0.0, np.sin(0.15 * self.t + p))) for y, x, p in f]
        light = np.float32(self.sun) * (0.7 + _spots(h, w, spots, step=4))
        out = out * light[..., None] * np.array((1.05, 1.0, 0.85), np.float32)
        return out.astype(np.float32)


class _Wok(bm._Source):
    """A night-market food stall: the cook tossing a wok that flares up now and then, the flame
    lighting his face and the stall, steam rising, string lights behind."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        back = make_canvas(rng, h, w, palette).astype(np.float32) * 0.25
        for k in range(int(rng.integers(18, 30))):  # string lights along a sagging wire
            f = k / 24
            _ellipse(back, (0.08 + 0.06 * np.sin(np.pi * (f % 1))) * h, f * w, 6 * self.scale,
                     6 * self.scale, pal.uniform(180, 255, 3))
        _box(back, 0.66 * h, h, 0, w, (70, 72, 78))  # steel counter
        back[int(0.66 * h):int(0.68 * h)] = 150
        self.back = back
        self.cook = (0.3 * h, rng.uniform(0.35, 0.6) * w, 0.38 * h,
                     pal.uniform(150, 240, 3).astype(np.float32))
        self.wok = (0.64 * h, self.cook[1] + rng.choice([-1, 1]) * 0.08 * w)
        self.steam = rng.uniform(0, 1, (14, 2)) * (h * 0.6, w)
        self.t = 0
        self.flare = 0.0
        self.skin = np.array((190, 140, 110), np.float32)

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        if self.rng.random() < 0.07:  # oil catches: a flare that dies down over ~10 frames
            self.flare = float(self.rng.uniform(0.7, 1.4))
        self.flare *= 0.82
        flame = self.flare + 0.15 + 0.08 * self.rng.random()
        wy, wx = self.wok
        toss = 10 * self.scale * np.sin(0.6 * self.t)
        light = 0.35 + _spots(h, w, [(wy - 0.1 * h, wx, 0.22 * w + 0.2 * w * flame, 1.6 * flame)])
        out = self.back * (light[..., None] * np.array((1.0, 0.75, 0.5), np.float32))
        y, x, size, apron = self.cook
        _figure(out, y, x + 4 * self.scale * np.sin(0.3 * self.t), size,
                apron * (0.5 + 0.6 * flame), self.skin * (0.45 + 0.9 * flame))
        for _ in range(int(4 + 10 * flame)):  # the flame: tongues above the wok
            fx = wx + self.rng.normal(0, 0.05) * w
            height = (0.04 + 0.16 * flame * self.rng.random()) * h
            _ellipse(out, wy - height / 2 + toss, fx, height / 2, (0.02 + 0.03 * flame) * w,
                     (255, 140 + 100 * self.rng.random(), 40), alpha=0.8)
        _ellipse(out, wy + toss, wx, 0.025 * h, 0.12 * w, (25, 22, 20))
        self.steam[:, 0] -= self.rng.uniform(4, 9, len(self.steam)) * self.scale
        self.steam[:, 1] += self.rng.normal(0, 3, len(self.steam)) * self.scale
        self.steam[:, 0] %= 0.6 * h
        for sy, sx in self.steam:
            _ellipse(out, sy, sx, 40 * self.scale, 55 * self.scale, (200, 200, 200), alpha=0.12)
        return out


class _TvRoom(bm._Source):
    """A dark bedroom lit only by a television off to one side: its light jumps in brightness and
    colour with the programme's cuts and flickers between them, over the walls and the faces."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        room = make_canvas(rng, h, w, palette).astype(np.float32) * 0.4 + 60
        _box(room, 0.05 * h, 0.35 * h, 0.55 * w, 0.95 * w, (25, 30, 55))  # window at night
        _box(room, 0.05 * h, 0.35 * h, 0.5 * w, 0.58 * w, pal.uniform(60, 140, 3))  # curtain
        _box(room, 0.45 * h, 0.6 * h, 0.02 * w, 0.98 * w, pal.uniform(80, 160, 3))  # headboard
        _box(room, 0.6 * h, h, 0, w, pal.uniform(150, 230, 3))  # the quilt
        self.room = room
        self.faces = [(0.5 * h, x * w, 0.3 * h) for x in (rng.uniform(0.2, 0.35),
                                                       rng.uniform(0.62, 0.8))]
        side = float(rng.choice([0.0, 1.0]))
        self.fall = np.clip(1.3 - np.abs(np.arange(w, dtype=np.float32) / w - side), 0.25, 1)
        self.t = 0
        self.colour = np.ones(3, np.float32)
        self.level = 0.8
        self.next_cut = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        if self.t >= self.next_cut:  # the programme cuts: another colour and brightness
            self.colour = self.rng.uniform(0.35, 1.0, 3).astype(np.float32)
            self.colour /= self.colour.max()
            self.level = float(self.rng.uniform(0.25, 1.4))
            self.next_cut = self.t + int(self.rng.integers(6, 40))
        level = self.level * (0.9 + 0.1 * self.rng.random())
        light = 0.07 + level * self.fall[None, :, None] * self.colour
        out = self.room * light
        for y, x, size in self.faces:
            blink = 0.0 if self.rng.random() < 0.03 else 1.0
            skin = np.array((200, 150, 120), np.float32) * (0.15 + level * self.colour)
            _figure(out, y + 2 * self.scale * np.sin(0.05 * self.t + x), x, size,
                    np.array((60, 60, 80), np.float32) * light[0, int(x)], skin)
            if blink:
                for ex in (-0.04, 0.04):
                    _ellipse(out, y - 0.005 * self.h, x + ex * size, 3 * self.scale,
                             5 * self.scale, (15, 12, 12))
        return out


class _CarDay(bm._Source):
    """A car inside by day: trees streaming past the windscreen and their shadows sweeping over
    the dashboard, the seats and the faces of driver and passenger."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        inside = np.empty((h, w, 3), np.float32)
        inside[:] = pal.uniform(60, 110, 3)
        self.glass = int(0.32 * h)
        _box(inside, 0.75 * h, h, 0, w, pal.uniform(30, 60, 3))  # dashboard
        _ellipse(inside, 0.8 * h, 0.28 * w, 0.1 * h, 0.2 * w, (20, 20, 22))  # steering wheel
        _ellipse(inside, 0.8 * h, 0.28 * w, 0.085 * h, 0.17 * w, pal.uniform(30, 60, 3))
        for x in (0.28, 0.72):
            _ellipse(inside, 0.5 * h, x * w, 0.22 * h, 0.2 * w, pal.uniform(90, 150, 3))  # seats
            _figure(inside, 0.42 * h, x * w + rng.normal(0, 10), 0.36 * h,
                    pal.uniform(30, 220, 3).astype(np.float32),
                    np.array((210, 160, 130), np.float32) * rng.uniform(0.8, 1.05))
        self.inside = inside
        self.sky = bm._vertical_gradient(rng, self.glass, w, (150, 220), (90, 160))
        self.trees = rng.uniform(0, 1, 40) * w * 3
        self.t = 0
        self.speed = float(rng.uniform(25, 55)) * self.scale
        self.shade_x = (np.arange(w // 8 + 2, dtype=np.float32) * 8)[None, :]
        self.shade_y = (np.arange(h // 8 + 2, dtype=np.float32) * 8)[:, None]
        self.gaps = rng.uniform(0, 1, 64)

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        shift = self.t * self.speed
        # Tree shadows: a slanted band pattern racing across the whole inside.
        pos = (self.shade_x + 0.6 * self.shade_y + shift) / (90 * self.scale)
        idx = np.floor(pos).astype(np.int64) % len(self.gaps)
        frac = pos - np.floor(pos)
        shade = np.where(self.gaps[idx] < 0.55, 0.5 + 0.5 * np.abs(2 * frac - 1), 1.0)
        shade_map = _enlarge(shade.astype(np.float32), (h // 8 + 2) * 8, (w // 8 + 2) * 8)[:h, :w]
        out = self.inside * (0.5 + 0.75 * shade_map[..., None])
        window = self.sky.copy()
        for x in self.trees:
            tx = (x - shift * 3) % (3 * w) - w
            _box(window, 0.2 * self.glass, self.glass, tx, tx + 20 * self.scale, (60, 50, 40))
            _ellipse(window, 0.3 * self.glass, tx + 10 * self.scale, 0.35 * self.glass,
                     60 * self.scale, (40, 90, 40))
        out[:self.glass] = window
        return out


class _Ward(bm._Source):
    """A hospital ward: a patient in bed, a bedside monitor with moving traces and a blinking
    alarm lamp, a drip, a drawn curtain; steady, faintly buzzing light."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        room = make_canvas(rng, h, w, palette).astype(np.float32) * 0.15 + pal.uniform(
            170, 220, 3).astype(np.float32) * 0.85
        _box(room, 0, 0.7 * h, 0.8 * w, w, pal.uniform(120, 190, 3))  # curtain
        for x in np.arange(0.8, 1.0, 0.03):
            _box(room, 0, 0.7 * h, x * w, x * w + 3 * self.scale, (110, 110, 120), alpha=0.5)
        _box(room, 0.55 * h, 0.9 * h, 0.05 * w, 0.75 * w, (235, 235, 240))  # bed
        _figure(room, 0.5 * h, 0.35 * w, 0.25 * h, np.array((150, 180, 210), np.float32),
                np.array((200, 165, 140), np.float32))
        _box(room, 0.6 * h, 0.85 * h, 0.1 * w, 0.72 * w, (170, 200, 220))  # blanket
        self.monitor = (int(0.12 * h), int(0.34 * h), int(0.52 * w), int(0.92 * w))
        y0, y1, x0, x1 = self.monitor
        room[y0 - 8:y1 + 8, x0 - 8:x1 + 8] = 60
        _box(room, 0.05 * h, 0.5 * h, 0.08 * w, 0.09 * w, (160, 160, 170))  # drip stand
        _ellipse(room, 0.1 * h, 0.085 * w, 0.04 * h, 0.03 * w, (220, 230, 235))
        self.room = room
        self.t = 0
        self.rate = float(rng.uniform(0.18, 0.3))

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.room * np.float32(0.97 + 0.03 * self.rng.random())
        y0, y1, x0, x1 = self.monitor
        screen = np.zeros((y1 - y0, x1 - x0, 3), np.float32) + 8
        sh, sw = screen.shape[:2]
        xs = np.arange(sw)
        phase = (xs / sw * 6 - self.t * self.rate) % 1
        ecg = np.where(phase < 0.05, -0.35, np.where(phase < 0.08, 0.2, 0.0))
        for k, (wave, colour) in enumerate(((ecg, (40, 255, 80)),
                                            (0.2 * np.sin(xs / sw * 20 - self.t * 0.3),
                                             (255, 230, 40)))):
            ys = ((0.3 + 0.4 * k + wave) * sh).astype(np.int32).clip(0, sh - 3)
            sweep = xs < (self.t * 9 * self.scale) % sw + 0.1 * sw
            screen[ys[sweep], xs[sweep]] = colour
            screen[ys[sweep] + 1, xs[sweep]] = colour
        if (self.t // 8) % 2:
            _ellipse(screen, 0.12 * sh, 0.9 * sw, 0.07 * sh, 0.04 * sw, (255, 40, 40))
        out[y0:y1, x0:x1] = screen
        return out


class _Pool(bm._Source):
    """An indoor swimming pool: caustics shimmering on the water, the pool floor and the tiled
    walls, lane ropes bobbing, swimmers crawling along their lanes."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        self.edge = int(0.4 * h)
        base = np.empty((h, w, 3), np.float32)
        base[:self.edge] = pal.uniform(190, 235, 3)  # tiled wall
        tile = max(4, int(24 * self.scale))
        base[:self.edge:tile] *= 0.8
        base[:self.edge, ::tile] *= 0.8
        base[self.edge:] = np.array((40, 150, 190), np.float32) * pal.uniform(0.8, 1.1, 3)
        self.base = base
        self.waves = rng.normal(0, 1, (5, 2)) / (35 * self.scale)
        self.speeds = rng.uniform(0.15, 0.35, 5)
        self.yy, self.xx = bm._half_grid(h, w)
        self.swimmers = [(rng.uniform(0.5, 0.9) * h, rng.uniform(0, w),
                          rng.choice([-1, 1]) * rng.uniform(3, 6) * self.scale) for _ in range(3)]
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        field = np.zeros_like(self.yy)
        for (ky, kx), speed in zip(self.waves, self.speeds, strict=True):
            field += np.cos(self.yy * ky * 3 + self.xx * kx * 3 + speed * self.t)
        caustic = np.exp(-(field ** 2) * 1.5).astype(np.float32)
        light = bm._double(caustic, h, w)
        out = self.base.copy()
        out[:self.edge] *= (0.8 + 0.35 * light[:self.edge])[..., None]
        out[self.edge:] += (110 * light[self.edge:])[..., None]
        for y in np.arange(self.edge + 0.1 * h, h, 0.12 * h):  # lane ropes
            bob = 3 * self.scale * np.sin(0.2 * self.t + y)
            _box(out, y + bob, y + bob + 5 * self.scale, 0, w, (230, 60, 60))
        for k, (y, start, v) in enumerate(self.swimmers):
            x = (start + v * self.t) % (w * 1.2) - 0.1 * w
            stroke = np.sin(0.35 * self.t + k)
            _ellipse(out, y, x, 12 * self.scale, 16 * self.scale, (200, 150, 120))
            _ellipse(out, y - 20 * self.scale * stroke, x + 30 * self.scale * np.sign(v), 6 *
                     self.scale, 30 * self.scale, (200, 150, 120))
            _ellipse(out, y, x - 40 * self.scale * np.sign(v), 14 * self.scale, 40 * self.scale,
                     (240, 250, 255), alpha=0.6)  # splash
        return out


class _Sword(bm._Source):
    """A costume sword fight in a misty courtyard: two fighters leaping and circling, long white
    sleeves fluttering behind them, sparks and a bright flash whenever the blades meet."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        back = bm._vertical_gradient(rng, h, w, (170, 220), (110, 150))
        for k in range(3):  # misty hills
            ridge = (0.25 + 0.08 * k + 0.05 * np.sin(np.arange(w) / w * (3 + k) * np.pi
                                                     + rng.uniform(0, 6))) * h
            below = np.arange(h)[:, None] > ridge[None, :]
            back[below] = back[below] * 0.8 + pal.uniform(60, 120, 3) * 0.2
        back[int(0.72 * h):] = pal.uniform(90, 140, 3)  # stone ground
        self.back = back
        self.fighters = [(pal.uniform(200, 250, 3).astype(np.float32), 0.3, 0.0),
                         (pal.uniform(20, 90, 3).astype(np.float32) * (1.6, 0.6, 0.6), 0.7, 2.0)]
        self.sparks = np.zeros((0, 4), np.float32)
        self.t = 0
        self.flash = 0.0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        out = self.back.copy()
        hands = []
        for k, (robe, home, phase) in enumerate(self.fighters):
            x = (home + 0.12 * np.sin(0.08 * self.t + phase)) * w
            leap = max(0.0, np.sin(0.13 * self.t + phase)) ** 2 * 0.12 * h
            y = 0.42 * h - leap
            size = 0.34 * h
            for s in (-1, 1):  # sleeves: long ribbons fluttering behind the arms
                pts = np.arange(14)
                sx = x + s * (0.06 * w + pts * 9 * self.scale)
                sy = y + 0.3 * size + pts * 4 * self.scale + 18 * self.scale * np.sin(
                    0.5 * self.t + pts * 0.6 + s + k)
                for px, py in zip(sx, sy, strict=True):
                    _ellipse(out, py, px, 11 * self.scale, 8 * self.scale, robe * 0.95 + 10)
            _figure(out, y, x, size, robe, np.array((225, 185, 155), np.float32))
            _ellipse(out, y + 0.9 * size, x, 0.35 * size, 0.25 * size, robe * 0.9)  # skirt
            hands.append((y + 0.35 * size, x + (1 if k == 0 else -1) * 0.1 * w))
        (ay, ax), (by, bx) = hands
        meet = ((ay + by) / 2 + 40 * self.scale * np.sin(0.3 * self.t),
                (ax + bx) / 2 + 30 * self.scale * np.cos(0.25 * self.t))
        for hy, hx in hands:  # blades
            for f in np.linspace(0, 1, 16):
                _ellipse(out, hy + (meet[0] - hy) * f, hx + (meet[1] - hx) * f, 2 * self.scale,
                         2 * self.scale, (235, 240, 250))
        if self.rng.random() < 0.12:  # the blades meet: sparks and a flash
            self.flash = 1.0
            n = int(self.rng.integers(15, 40))
            new = np.column_stack([np.full(n, meet[0]), np.full(n, meet[1]),
                                   self.rng.normal(0, 14, n) * self.scale,
                                   self.rng.normal(0, 14, n) * self.scale]).astype(np.float32)
            self.sparks = np.concatenate([self.sparks, new])[-200:]
        self.sparks[:, 0] += self.sparks[:, 2]
        self.sparks[:, 1] += self.sparks[:, 3]
        self.sparks[:, 2] += 2.5 * self.scale
        self.sparks = self.sparks[(self.sparks[:, 0] < h) & (self.sparks[:, 1] > 0)
                                  & (self.sparks[:, 1] < w)]
        for y, x, _vy, _vx in self.sparks:
            _ellipse(out, y, x, 3 * self.scale, 3 * self.scale, (255, 230, 150))
        if self.flash > 0.05:
            out += _spots(h, w, [(meet[0], meet[1], 0.15 * w, 150 * self.flash)])[..., None]
        self.flash *= 0.5
        return out


class _Escalator(bm._Source):
    """A shopping mall escalator: steps gliding up, people riding and walking past, reflections
    sliding along the glass balustrade and the polished floor, shop signs glowing."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        mall = make_canvas(rng, h, w, palette).astype(np.float32) * 0.4 + 130
        for k in range(4):  # shop signs
            _box(mall, (0.05 + 0.12 * k) * h, (0.09 + 0.12 * k) * h, rng.uniform(0, 0.6) * w,
                 rng.uniform(0.7, 1.0) * w, pal.uniform(120, 255, 3))
        self.mall = mall
        self.yy = np.arange(h, dtype=np.float32)[:, None]
        self.xx = np.arange(w, dtype=np.float32)[None, :]
        # The escalator: a band rising from bottom left to top right.
        self.along = (self.xx - 0.1 * w) * 0.7 + (h - self.yy) * 0.7
        self.across = (self.xx - 0.1 * w) * 0.7 - (h - self.yy) * 0.7
        self.band = np.abs(self.across + 0.05 * w) < 0.16 * w
        self.riders = [(float(rng.uniform(0, 1)), pal.uniform(20, 230, 3).astype(np.float32),
                        float(rng.uniform(-0.08, 0.08))) for _ in range(6)]
        self.walkers = [(float(rng.uniform(0, w)), float(rng.choice([-1, 1]) * rng.uniform(
            4, 9) * self.scale), pal.uniform(20, 230, 3).astype(np.float32)) for _ in range(4)]
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        out = self.mall.copy()
        steps = ((self.along + self.t * 6 * self.scale) % (26 * self.scale)) < 5 * self.scale
        out = np.where(self.band[..., None], np.where(steps[..., None], 60.0, 150.0), out)
        glare = np.exp(-(((self.along - (self.t * 25 * self.scale) % (2 * h)) / (60 * self.scale))
                         ** 2)) * (np.abs(self.across + 0.05 * w + 0.18 * w) < 0.03 * w)
        out = out + (90 * glare)[..., None]  # reflection sliding along the glass balustrade
        for k, (start, clothes, side) in enumerate(self.riders):
            f = (start + self.t * 0.004) % 1
            y = h - f * 1.2 * h + 0.1 * h
            x = 0.1 * w + (f * 1.2 * h) * 0.95 + side * w - 0.05 * w * k % 3
            _figure(out, y - 0.2 * h, x, 0.28 * h, clothes, np.array((210, 170, 140), np.float32))
        for x, v, clothes in self.walkers:
            px = (x + v * self.t) % (1.3 * w) - 0.15 * w
            _figure(out, 0.7 * h, px, 0.3 * h, clothes, np.array((200, 160, 130), np.float32))
        floor = int(0.86 * h)  # polished floor: the picture above mirrored, dimmed
        out[floor:] = out[floor:] * 0.5 + out[2 * floor - h:floor][::-1] * 0.4
        return out.astype(np.float32)


class _SnowRoad(bm._Source):
    """A snowy mountain road at night: oncoming headlights rounding the bends, their beams
    sweeping over the snow banks, snowflakes glinting only where the light falls."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        pal = _palette_rng(palette)
        h, w = height, width
        night = bm._vertical_gradient(rng, h, w, (5, 25), (20, 45))
        ridge = (0.3 + 0.06 * np.sin(np.arange(w) / w * 5 + rng.uniform(0, 6))) * h
        below = np.arange(h)[:, None] > ridge[None, :]
        night[below] = pal.uniform(70, 105, 3)  # snowy slopes in the dark
        yy = np.arange(h, dtype=np.float32)[:, None]
        xx = np.arange(w, dtype=np.float32)[None, :]
        centre = 0.5 * w + 0.25 * w * np.sin((yy / h) * 3 + rng.uniform(0, 3))
        self.road = (np.abs(xx - centre) < (0.05 + 0.4 * (yy / h - 0.35).clip(0)) * w) \
            & (yy > 0.35 * h)
        night[self.road] = (28, 28, 32)
        self.night = night
        self.yy, self.xx = yy, xx
        self.flakes = rng.uniform(0, 1, (300, 2)) * (h, w)
        self.cars: list[list[float]] = []
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        h, w = self.h, self.w
        if not self.cars or (len(self.cars) < 2 and self.rng.random() < 0.02):
            self.cars.append([0.0, float(self.rng.uniform(0.006, 0.016)),
                              float(self.rng.uniform(0, 6.3))])
        light = np.full((h, w), 1.0, np.float32)
        spots = []
        for car in self.cars:
            car[0] += car[1]
            f = car[0]
            y = (0.36 + 0.6 * f) * h
            x = 0.5 * w + 0.25 * w * np.sin((y / h) * 3 + car[2])
            sweep = 0.6 * w * np.cos((y / h) * 3 + car[2])  # the beams turn with the road
            spots += [(y + 0.1 * h * f, x + sweep * f, (0.1 + 0.4 * f) * w, 2.5 * f),
                      (y, x - 0.02 * w * (1 + 4 * f), 6 + 25 * f * self.scale, 4.0),
                      (y, x + 0.02 * w * (1 + 4 * f), 6 + 25 * f * self.scale, 4.0)]
        self.cars = [car for car in self.cars if car[0] < 1.1]
        beams = _spots(h, w, spots)
        light += 3 * beams
        out = self.night * light[..., None]
        out += np.minimum(beams, 1.2)[..., None] * np.array((60, 60, 50), np.float32)
        self.flakes[:, 0] += self.rng.uniform(2, 6, len(self.flakes)) * self.scale
        self.flakes[:, 1] += self.rng.normal(0, 2, len(self.flakes)) * self.scale
        self.flakes %= (h - 4, w - 4)
        ys, xs = self.flakes[:, 0].astype(np.int32), self.flakes[:, 1].astype(np.int32)
        glint = (40 + 215 * np.minimum(beams[ys, xs], 1.0))[:, None]
        out[ys, xs] = glint
        out[ys + 1, xs] = glint
        return out


bm._SOURCES.update({
    "courtyard": _Courtyard, "boardroom": _Boardroom, "bamboo": _Bamboo, "wok": _Wok,
    "tv_room": _TvRoom, "car_day": _CarDay, "ward": _Ward, "pool": _Pool, "sword": _Sword,
    "escalator": _Escalator, "snow_road": _SnowRoad,
})


# --- shots: a look per episode and things happening inside shots -------------------------------

# (kind, first frame inside the shot, frames, a, b, seed): what ``a`` and ``b`` mean depends on
# the kind (see ``IShot.touch``).
Event = tuple[str, int, int, float, float, int]

# saturation, contrast, lift (8-bit levels), gains (r, g, b), light level
LOOKS: dict[str, tuple[float, float, float, tuple[float, float, float], float]] = {
    "day": (1.0, 1.0, 0.0, (1.0, 1.0, 1.0), 1.0),
    "night": (0.8, 1.15, 0.0, (0.8, 0.92, 1.15), 0.5),
    "warm": (1.1, 1.0, 6.0, (1.15, 1.0, 0.78), 0.95),
    "cold": (0.85, 1.05, 0.0, (0.82, 1.0, 1.2), 0.9),
    "washed": (0.5, 0.65, 45.0, (1.0, 1.0, 1.0), 1.05),
    "saturated": (1.6, 1.2, -10.0, (1.0, 1.0, 1.0), 1.0),
}
LOOK_NAMES = tuple(LOOKS)
GRAIN_LEVELS = (0.0, 3.0, 7.0, 12.0, 20.0)
NEUTRAL = (1.0, 1.0, 0.0, 1.0, 1.0, 1.0)


def _ease(p: float, how: float) -> float:
    """How far a whip has gone at ``p`` (0–1) of its frames: speeding up (0), slowing down (1)
    or both (2)."""
    p = min(1.0, max(0.0, p))
    if how == 0:
        return p * p
    if how == 1:
        return 1 - (1 - p) * (1 - p)
    return p * p * (3 - 2 * p)


def _graded(frame: np.ndarray, look: tuple[float, ...]) -> np.ndarray:
    saturation, contrast, lift, red, green, blue = look
    grey = frame.mean(axis=2, keepdims=True)
    out = grey + (frame - grey) * np.float32(saturation)
    out = (out - 118) * np.float32(contrast) + np.float32(118 + lift)
    out = out * np.array((red, green, blue), np.float32)
    return out.astype(np.float32)


def _streak(frame: np.ndarray, dy: float, dx: float) -> np.ndarray:
    """Motion blur along a straight move of (dy, dx) pixels during one frame."""
    length = float(np.hypot(dy, dx))
    if length < 2:
        return frame
    steps = int(min(24, max(3, length / 6)))
    out = np.zeros_like(frame)
    for t in np.linspace(-0.5, 0.5, steps):
        out += np.roll(frame, (round(t * dy), round(t * dx)), axis=(0, 1))
    return out / np.float32(steps)


def _band(height: int, width: int, position: float, half: float, skew: float) -> np.ndarray:
    """A soft slanted band (0–1) centred ``position`` × width from the left, ``half`` wide."""
    step = 8
    yy = (np.arange(height // step + 2, dtype=np.float32) * step)[:, None]
    xx = (np.arange(width // step + 2, dtype=np.float32) * step)[None, :]
    u = (xx + skew * yy) / width - position
    small = np.exp(-(u / half) ** 2).astype(np.float32)
    return _enlarge(small, small.shape[0] * step, small.shape[1] * step)[:height, :width]


@dataclass(frozen=True)
class IShot(bm.BusyShot):
    look: tuple[float, ...] = NEUTRAL  # saturation, contrast, lift, red, green, blue gains
    events: tuple[Event, ...] = ()  # things inside the shot (never at its edges)

    def offset(self, i: int) -> float:
        """The crop's sideways move of a horizontal or diagonal whip pan (source widths)."""
        return sum(a * _ease((i - first + 1) / frames, b)
                   for kind, first, frames, a, b, _seed in self.events
                   if kind in ("whip_h", "whip_d") and i >= first)

    def touch(self, frame: np.ndarray, i: int) -> np.ndarray:
        for event in self.events:
            frame = self._event(frame, i, event)
        return _graded(frame, self.look) if self.look != NEUTRAL else frame

    def _event(self, frame: np.ndarray, i: int, event: Event) -> np.ndarray:
        kind, first, frames, a, b, seed = event
        h, w = frame.shape[:2]
        k = i - first
        during = 0 <= k < frames
        if kind == "focus":
            # Rack focus from the far (top) part to the near (bottom) part (a = 1), the other
            # way (a = -1), or focus lost and found (a = 0); b: blur radius at 720 px wide.
            p = _ease((k + 0.5) / frames, 2)
            if a == 0:
                if not during:
                    return frame
                weight = np.full((h, 1, 1), np.sin(np.pi * p), np.float32)
            else:
                rows = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
                top, bottom = (1 - rows, rows) if a > 0 else (rows, 1 - rows)
                weight = (1 - p) * top + p * bottom
            radius = max(1, int(b * w / 720))
            blurred = ndimage.uniform_filter(frame, size=(2 * radius + 1, 2 * radius + 1, 1),
                                             mode="nearest")
            return (frame * (1 - weight) + blurred * weight).astype(np.float32)
        if not during:
            return frame
        if kind == "whip_h":  # the crop moves (``offset``); blur as long as this frame's move
            zoom = self.camera.zoom
            move = abs(a * (_ease((k + 1) / frames, b) - _ease(k / frames, b))) * w * zoom
            size = int(move) | 1
            return ndimage.uniform_filter1d(frame, size, axis=1, mode="nearest") \
                if size > 2 else frame
        if kind in ("whip_v", "whip_d"):
            # A whip tilt all the way round (a: up or down), blurred along its way; a diagonal
            # whip also moves the crop sideways (``offset``).
            sign = 1 if seed % 2 else -1
            now, before = _ease((k + 1) / frames, b), _ease(k / frames, b)
            dy = sign * (now - before) * h
            shifted = np.roll(frame, int(sign * now * h), axis=0)
            if kind == "whip_v":
                size = int(abs(dy)) | 1
                return ndimage.uniform_filter1d(shifted, size, axis=0, mode="wrap")
            dx = a * (now - before) * w * self.camera.zoom
            return _streak(shifted, dy, -dx)
        rng = np.random.default_rng(seed)
        if kind == "flicker":
            # A lamp or a screen flickering: a: how deep, b: how much the colour changes.
            levels = 1 - a * rng.random(frames) ** 2
            tints = 1 - b * rng.random((frames, 3))
            return (frame * (levels[k] * tints[k]).astype(np.float32)).astype(np.float32)
        p = (k + 0.5) / frames
        direction = 1 if a > 0 else -1
        position = -0.6 + 2.2 * p if direction > 0 else 1.6 - 2.2 * p
        skew = float(rng.uniform(-0.4, 0.4))
        if kind == "shadow":  # the shadow of someone or something passing the light; b: depth
            mask = _band(h, w, position, abs(a) / 2, skew)
            return frame * (1 - b * mask)[..., None]
        if kind == "beam":  # headlights or a torch sweeping over the place; b: strength
            mask = _band(h, w, position, abs(a) / 2, skew)
            mask *= np.exp(-((np.arange(h, dtype=np.float32) / h - rng.uniform(0.3, 0.7))
                             / 0.35) ** 2)[:, None]
            warm = np.array((1.0, 0.9, 0.7), np.float32)
            return frame * (1 + b * mask)[..., None] + (60 * b * mask)[..., None] * warm
        # kind == "wipe": someone, a car or a door passing right in front of the lens, out of
        # focus, covering most of the picture for a few frames; b: which.
        wide = (0.8, 1.3, 1.0)[int(b)]
        crown = (0.12, 0.4, 0.0)[int(b)]
        left = (-wide + (1 + wide) * p) if direction > 0 else (1 - (1 + wide) * p)
        xx = np.arange(w, dtype=np.float32) / w
        yy = np.arange(h, dtype=np.float32)[:, None] / h
        inside = ((xx >= left) & (xx <= left + wide))[None, :] & (yy >= crown)
        if b == 0:  # a head and shoulders: rounded top
            centre = left + wide / 2
            head = ((xx - centre) / (wide / 2)) ** 2 + ((yy - crown - 0.12) / 0.14) ** 2 <= 1
            inside &= head | (yy > crown + 0.12)
        speed = int((1 + wide) / frames * w) | 1
        mask = ndimage.uniform_filter1d(inside.astype(np.float32), speed, axis=1, mode="nearest")
        mask = ndimage.uniform_filter1d(mask, max(3, h // 40) | 1, axis=0, mode="nearest")
        colour = rng.uniform(15, 70, 3).astype(np.float32)
        shade = (0.7 + 0.5 * (1 - yy))[..., None]
        return frame * (1 - mask[..., None]) + colour * shade * mask[..., None]


@dataclass(frozen=True)
class IPlan(bm.BusyPlan):
    look: str = "day"

    def busy(self, shot: bm.BusyShot) -> bool:
        return self.scenes[shot.scene][0] in BUSY_I_SOURCES

    def dark(self, shot: bm.BusyShot) -> bool:
        """A night shot: a night place, or any place in the episode's night look."""
        return self.look == "night" or self.scenes[shot.scene][0] in NIGHT_SOURCES

    def shot_kind(self, shot: bm.BusyShot) -> str:
        """What a shot shows between the things happening in it."""
        if self.busy(shot):
            return "busy"
        return LIGHT_KIND.get(self.scenes[shot.scene][0]) or bm._shot_kind(self, shot)

    def frame_kinds(self) -> tuple[str, ...]:
        count = self.frame_count
        kinds = ["still"] * count
        for start, shot in zip(self.starts(), self.shots, strict=True):
            kinds[start:start + shot.frames] = [self.shot_kind(shot)] * shot.frames
            for kind, first, frames, _a, _b, _seed in getattr(shot, "events", ()):
                for k in range(start + first - 1, start + first + frames + 1):
                    kinds[k] = EVENT_LABEL[kind]
            if shot.enter == "dissolve":
                for k in range(start - 1, start + shot.enter_frames + 1):
                    kinds[k] = "dissolve"
            if shot.lightning_at >= 0:
                for k in range(start + shot.lightning_at - 1, start + shot.lightning_at + 3):
                    kinds[k] = "lightning"
        return tuple(kinds[:count])


# --- planner -----------------------------------------------------------------------------------

_EVENT_KINDS = ("whip", "whip", "whip", "focus", "flicker", "shadow", "beam", "wipe", "wipe")
_EVENT_FRAMES = {"whip": (3, 9), "focus": (10, 25), "flicker": (6, 25), "shadow": (10, 31),
                 "beam": (12, 37), "wipe": (4, 11)}


def _events(rng: np.random.Generator, shot: IShot, *, tail: int, sideways: bool,
            rack: bool) -> tuple[Event, ...]:
    """Things happening inside ``shot``, kept 4 frames clear of where it is entered and of its
    last ``tail`` frames (blended into the next shot's dissolve, or 4), and clear of its
    lightning. ``sideways``: a whip may move the crop sideways (the camera is at rest and the
    next shot does not go on with the same camera); ``rack``: the focus may stay racked after
    the event (no neighbour seen through the same camera)."""
    lo = 4 + (shot.enter_frames if shot.enter == "dissolve" else 0)
    hi = shot.frames - tail
    wanted = 0
    if hi - lo >= 8 and rng.random() < 0.75:
        wanted = 2 if hi - lo >= 40 and rng.random() < 0.45 else 1
    events: list[Event] = []
    busy = [(shot.lightning_at - 4, shot.lightning_at + 4)] if shot.lightning_at >= 0 else []
    for _ in range(wanted):
        what = str(rng.choice(_EVENT_KINDS))
        if what == "focus" and any(e[0] == "focus" for e in events):
            what = "flicker"
        low, high = _EVENT_FRAMES[what]
        frames = int(rng.integers(low, max(low + 1, min(high, hi - lo))))
        if hi - frames <= lo:
            continue
        first = int(rng.integers(lo, hi - frames))
        if any(first - 3 < end and first + frames + 3 > begin for begin, end in busy):
            continue
        seed = int(rng.integers(0, 2 ** 31))
        kind, a, b = what, 0.0, 0.0
        if what == "whip":
            b = float(rng.integers(0, 3))
            half = 0.5 / shot.camera.zoom
            room = max((1 - half) - shot.camera.centre[0], shot.camera.centre[0] - half)
            toward = 1.0 if (1 - half) - shot.camera.centre[0] >= room else -1.0
            taken = any(e[0] in ("whip_h", "whip_d") for e in events)
            how = str(rng.choice(["whip_h", "whip_h", "whip_v", "whip_d"]))
            if not sideways or room < 0.12 or taken:
                how = "whip_v"
            kind = how
            a = toward * room * float(rng.uniform(0.7, 0.95)) if how != "whip_v" else 0.0
        elif what == "focus":
            a = float(rng.choice([-1.0, 0.0, 1.0])) if rack else 0.0
            b = float(rng.uniform(6, 16))
        elif what == "flicker":
            a = float(rng.uniform(0.35, 0.7))
            b = float(rng.choice([0.0, 0.0, 0.4]))
        elif what == "shadow":
            a = float(rng.choice([-1, 1]) * rng.uniform(0.3, 0.8))
            b = float(rng.uniform(0.3, 0.6))
        elif what == "beam":
            a = float(rng.choice([-1, 1]) * rng.uniform(0.3, 0.7))
            b = float(rng.uniform(0.5, 1.1))
        else:
            a = float(rng.choice([-1, 1]))
            b = float(rng.integers(0, 3))
        events.append((kind, first, frames, a, b, seed))
        busy.append((first, first + frames))
    return tuple(sorted(events, key=lambda e: e[1]))


def _happenings(rng: np.random.Generator, shots: list[bm.BusyShot]) -> list[bm.BusyShot]:
    """The shots with things happening inside them, placed once the neighbours are known: whips,
    rack focus, flicker, passing shadows and light, wipes and lightning (none at a cut)."""
    out: list[bm.BusyShot] = []
    for index, planned in enumerate(shots):
        before = shots[index - 1] if index else None
        after = shots[index + 1] if index + 1 < len(shots) else None
        if not isinstance(planned, IShot):
            out.append(planned)
            continue
        shot = planned
        tail = 4 + (after.enter_frames if after is not None and after.enter == "dissolve" else 0)
        lightning = shot.lightning_at
        if lightning >= shot.frames - tail - 2 or (
                shot.enter == "dissolve" and 0 <= lightning < shot.enter_frames + 4):
            lightning = -1  # it would fall into a dissolve
        lo = 6 + (shot.enter_frames if shot.enter == "dissolve" else 0)
        if lightning < 0 and shot.frames - tail - 2 - lo > 4 and rng.random() < 0.06:
            lightning = int(rng.integers(lo, shot.frames - tail - 2))
        shot = replace(shot, lightning_at=lightning)

        def same_view(other: bm.BusyShot | None, shot: IShot = shot) -> bool:
            return other is not None and other.scene == shot.scene \
                and other.camera == shot.camera and other.enter != "dissolve"

        at_rest = shot.camera.pan == (0.0, 0.0) and shot.camera.zoom_rate == 0.0
        sideways = at_rest and not (after is not None and same_view(after))
        rack = not same_view(before) and not (after is not None and same_view(after))
        out.append(replace(shot, events=_events(rng, shot, tail=tail, sideways=sideways,
                                                rack=rack)))
    return out


def _i_plan(width: int, height: int, seed: int, seconds: float) -> IPlan:
    """Family ``held_back_i`` (set I): the places above cut as micro-dramas cut them."""
    rng = np.random.default_rng(seed)
    look_name = LOOK_NAMES[seed % len(LOOK_NAMES)]
    saturation, contrast, lift, gains, level = LOOKS[look_name]
    look = (saturation * float(rng.uniform(0.9, 1.1)), contrast * float(rng.uniform(0.95, 1.05)),
            lift, *(g * float(rng.uniform(0.96, 1.04)) for g in gains))
    grain_level = GRAIN_LEVELS[(3 * seed) % len(GRAIN_LEVELS)]
    grains = (0.0, grain_level, grain_level, grain_level * 1.5)
    busy = sorted(BUSY_I_SOURCES)
    lit = [name for name in HELD_BACK_I_SOURCES if name not in BUSY_I_SOURCES]
    picks = [str(name) for name in rng.permutation(busy)[:4]]
    picks += [str(name) for name in rng.permutation(lit)[:4]]
    calm_palette = int(rng.integers(0, 5))
    scenes: list[tuple[str, int]] = [("still", calm_palette), ("still", calm_palette)]
    scenes += [(name, int(rng.integers(0, 5))) for name in picks]
    both_ways = 2 + int(rng.integers(0, len(picks)))  # a place seen from two sides
    scenes.append(scenes[both_ways])
    partner = {0: 1, 1: 0, both_ways: len(scenes) - 1, len(scenes) - 1: both_ways}

    def length() -> int:
        if rng.random() < 0.3:
            return int(rng.integers(4, 11))
        return int(np.exp(rng.uniform(np.log(8), np.log(85))))

    def at_rest(camera: bm.Camera) -> bool:
        return camera.pan == (0.0, 0.0) and camera.zoom_rate == 0.0

    def same_light(previous: IShot, frames: int, scene: int, camera: bm.Camera) -> IShot:
        """Another view in the light and grade the previous shot ended in."""
        return IShot(frames=frames, scene=scene, camera=camera, grain=previous.grain,
                     light=(previous.light[1],) * 2, hue=(previous.hue[1],) * 2, look=look)

    def next_shot(before: bm.BusyShot | None) -> bm.BusyShot:
        previous = before if isinstance(before, IShot) else None
        roll = rng.random()
        if previous is not None and roll < 0.11 and at_rest(previous.camera):
            # Only the grade changes: the hue, or the light (a lamp switched, a cloud).
            hue, light = previous.hue[1], previous.light[1]
            if rng.random() < 0.55:
                hue += float(rng.uniform(40, 150)) * float(rng.choice([-1, 1]))
            else:
                light *= float(rng.uniform(0.4, 0.7) if rng.random() < 0.5
                               else rng.uniform(1.4, 2.0))
            return IShot(frames=length(), scene=previous.scene, camera=previous.camera,
                         grain=previous.grain, light=(light, light), hue=(hue, hue), look=look)
        if previous is not None and roll < 0.33:
            # Same place, same light, another framing: a punch-in or pull-out (same or another
            # centre) or the picture mirrored.
            old = previous.camera
            end = old.zoom * (1 + old.zoom_rate) ** previous.frames
            how = str(rng.choice(["in", "out", "in_shifted", "out_shifted", "mirror"]))
            factor = float(rng.uniform(1.3, 2.5))
            centre = old.centre
            if how.endswith("shifted"):
                centre = (float(np.clip(old.centre[0] + rng.choice([-1, 1]) * rng.uniform(
                    0.12, 0.25), 0.25, 0.75)), float(np.clip(old.centre[1] + rng.choice(
                        [-1, 1]) * rng.uniform(0.1, 0.2), 0.25, 0.75)))
            if how == "mirror":
                camera = replace(old, mirror=not old.mirror, pan=(0.0, 0.0), zoom_rate=0.0,
                                 zoom=end)
            else:
                punch_in = (how.startswith("in") and end * factor <= 4.5) or end / factor < 1.05
                zoom = end * factor if punch_in else end / factor
                camera = bm.Camera(zoom=zoom, centre=centre, shake=old.shake,
                                   mirror=old.mirror,
                                   zoom_rate=float(rng.uniform(0.002, 0.006))
                                   if rng.random() < 0.25 else 0.0)
            return same_light(previous, length(), previous.scene, camera)
        if previous is not None and roll < 0.45 and previous.scene in partner:
            # Shot / reverse shot: the other side of the same place, in the same light.
            camera = bm.Camera(zoom=float(rng.uniform(1.2, 2.2)),
                               centre=(float(rng.uniform(0.3, 0.7)),
                                       float(rng.uniform(0.35, 0.65))),
                               mirror=bool(rng.random() < 0.5), shake=previous.camera.shake)
            return same_light(previous, length(), partner[previous.scene], camera)
        scene = bm._other_scene(rng, previous, len(scenes))
        if previous is not None and scenes[previous.scene][0] in BUSY_I_SOURCES \
                and rng.random() < 0.5:
            # From one busy place straight into another.
            others = [k for k, (name, _p) in enumerate(scenes)
                      if name in BUSY_I_SOURCES and k != previous.scene]
            scene = others[int(rng.integers(0, len(others)))]
        if previous is not None:
            # The other side of the same place is only ever cut to in the same light (above).
            while scene in (previous.scene, partner.get(previous.scene)):
                scene = (scene + 1) % len(scenes)
        motion = str(rng.choice(["static", "static", "push", "pull", "pan", "shake", "shake_push"]))
        shake = float(rng.uniform(0.003, 0.014)) if motion.startswith("shake") else 0.0
        camera = bm.Camera(
            zoom=float(rng.uniform(1.2, 2.2)),
            centre=(float(rng.uniform(0.3, 0.7)), float(rng.uniform(0.3, 0.7))),
            pan=((float(rng.uniform(-0.008, 0.008)), float(rng.uniform(-0.004, 0.004)))
                 if motion == "pan" else (0.0, 0.0)),
            zoom_rate={"push": float(rng.uniform(0.002, 0.008)),
                       "pull": -float(rng.uniform(0.002, 0.006)),
                       "shake_push": float(rng.uniform(0.002, 0.006))}.get(motion, 0.0),
            shake=shake, mirror=bool(rng.random() < 0.2))
        frames = length()
        ramp, hues, grain = bm.grade(rng, frames, light=(0.3, (0.75, 1.2), (0.45, 1.6)),
                                     hue=((-25, 35), 0.2, 70), grains=grains)
        shot: bm.BusyShot = IShot(frames=frames, scene=scene, camera=camera, grain=grain,
                                  light=(ramp[0] * level, ramp[1] * level), hue=hues, look=look)
        shot = bm._entered(rng, previous, shot, dissolve=(6, 20), lightning=0.08)
        if (previous is not None and shot.enter == "cut" and min(previous.frames, frames) >= 18
                and rng.random() < 0.3):
            # Micro-dramas dissolve between shorter shots too.
            shot = replace(shot, enter="dissolve", enter_frames=int(rng.integers(5, 13)))
        return shot

    shots = list(bm._lay_out(seconds, next_shot))
    shots = _happenings(np.random.default_rng(seed + 1_000_003), shots)
    plan = IPlan(width, height, seed, "held_back_i", tuple(scenes), tuple(shots), look=look_name)
    # Dissolves overlap shots: the last one lasts the frames they took, up to ``seconds``.
    short = int(seconds * FPS) - plan.frame_count
    if short > 0:
        shots[-1] = replace(shots[-1], frames=shots[-1].frames + short)
    return replace(plan, shots=tuple(shots))
