"""Hard synthetic episodes for cut detection: busy moving sources, every cut labelled by kind.

``pacing_media`` makes micro-drama episodes from still, textured locations; a detector tuned on
them can still miss cuts next to shots whose *every* frame changes. These episodes are built
from moving sources instead (rain, animated noise, crowds, a cellular automaton, fireworks;
the held-back family: snow, water caustics, flickering bokeh, a cyclic automaton, falling
leaves, TV static), seen through a camera that pans, zooms and shakes, with grain, hue drift
and lighting ramps inside shots. Cuts of every difficult kind are planned on purpose:
busy-to-busy, into and out of busy shots, very short shots beside busy ones, cuts where only
the hue or only the framing changes, and 闪白 white-flash cuts; dissolves and lightning inside
a shot are planned as things that must *not* be reported.

Four families, told apart by the seed:

- ``family="tuning"``: seeds below 100, the sources the detector was first developed on;
- ``family="tuning_new"``: seeds 100–8999, new generators (water ripples, an LED wall,
  confetti) and new framing changes (mirror, a quarter turn, a punch-in during a zoom),
  with very short 8-frame shots and hand-held shake, grain and a lighting ramp together;
- ``family="held_back"``: seeds 9000–9199 (sets A and B), other generators and wider
  parameter ranges, never used to choose a threshold (only to report);
- ``family="held_back_c"``: seeds 9200–9299 (set C), the new generators of ``tuning_new``
  with other parameters plus two generators no threshold was ever chosen on (backlit crowd
  silhouettes, glitter over a location), and wider ranges of shake, grain and light. Set C
  (like A) has been looked at since, and is tuning material now;
- ``family="held_back_d"``: seeds from 9300 (set D), generators and a planner of its own
  that no threshold was ever chosen on: TV static with rolling bars, a crowd of soft moving
  blobs, ring-shaped firework bursts, rain streaks over a street, smoke drifting over a
  location, a fish tank, and fast hand-held over a textured wall; framing changes by a crop
  jump, a mirror, a quarter turn or a zoom jump of the same texture (also while zooming);
  6–8-frame shots; hue-only cuts; dissolves and 闪白 as before. Set D has been run and
  looked at (2026-11-30) and is tuning material now;
- ``family="held_back_e"``: seeds from 9400 (set E), held back from 2026-11-30: large objects
  moving, entering and leaving inside shots (a flock of birds with a big bird passing close,
  traffic at a crossing, waves breaking, a waterfall, flags in gusty wind, a crowd with
  umbrellas, a scrolling LED ticker, dancers), with its own planner: 5–8-frame shots, crop,
  mirror and zoom-jump re-framings, hue-only cuts, dissolves, 闪白 and lightning;
- ``family="held_back_f"``: seeds from 9500 (set F), held back from 2026-11-30: sources and a
  planner of its own in ``busy_media_f`` (rooms with people, shot / reverse shot, neon and
  candle flicker, whip pans and rack focus inside shots);
- ``family="held_back_g"``: seeds from 9600 (set G), held back from 2026-11-30: sources and a
  planner of its own in ``busy_media_g`` (palace hall, hospital corridor, kitchen steam, market
  street, car at night, wedding stage, phone chat, waterfront; whip pans, rack focus, flicker);
- ``family="held_back_h"``: seeds from 9700 (set H), held back from 2026-11-30: sources and a
  planner of its own in ``busy_media_h`` (KTV, subway, forest light, hotpot, hotel lobby, beach,
  rooftop, mirrored dance studio, rainy bus stop; whip pans, rack focus, flicker, sweeps);
- ``family="held_back_i"``: seeds from 9800 (set I), held back from 2026-11-30: sources and a
  planner of its own in ``busy_media_i`` (courtyard lanterns, boardroom screen, bamboo, wok
  flare, TV-lit bedroom, car by day, ward, pool, sword fight, escalator, snowy road at night);
- ``family="held_back_j"``: seeds from 9900 (set J), held back from 2026-11-30: sources and a
  planner of its own in ``busy_media_j`` (villa, lift, neon street, classroom, platform,
  restaurant, wheat field, gym, supermarket, village lane; stickers, zoom punches, shake,
  glow, slow motion and freeze frames inside shots; jump, match, action and glitch cuts).
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from tests.accessibility.pacing.pacing_media import FPS, make_canvas, sequence_shots, shot_starts

Family = Literal["tuning", "tuning_new", "held_back", "held_back_c", "held_back_d",
                 "held_back_e", "held_back_f", "held_back_g", "held_back_h", "held_back_i",
                 "held_back_j"]
Enter = Literal["cut", "dissolve", "flash"]

TUNING_SOURCES = ("still", "rain", "noise", "crowd", "life", "fireworks")
HELD_BACK_SOURCES = ("still", "snow", "water", "bokeh", "cyclic", "leaves", "static")
NEW_TUNING_SOURCES = ("still", "ripples", "led", "confetti", "rain", "noise", "crowd")
HELD_BACK_C_SOURCES = ("still", "ripples", "led", "confetti", "silhouettes", "glitter", "water")
HELD_BACK_D_SOURCES = ("wall", "tvbars", "blobs", "bursts", "street_rain", "smoke", "fishtank")
CALM_SOURCES = ("still", "wall")
HELD_BACK_SEED = 9000
NEW_TUNING_SEED = 100
HELD_BACK_C_SEED = 9200
HELD_BACK_D_SEED = 9300
HELD_BACK_E_SOURCES = ("wall", "flock", "traffic", "waves", "waterfall", "flags", "umbrellas",
                       "ticker", "dancers")
HELD_BACK_E_SEED = 9400
HELD_BACK_F_SEED = 9500  # set F: sources and planner in busy_media_f
HELD_BACK_G_SEED = 9600  # set G: sources and planner in busy_media_g
HELD_BACK_H_SEED = 9700  # set H: sources and planner in busy_media_h
HELD_BACK_I_SEED = 9800  # set I: sources and planner in busy_media_i
HELD_BACK_J_SEED = 9900  # set J: sources and planner in busy_media_j


# Each family's first seed, highest first: a seed belongs to the first family it reaches.
_FIRST_SEEDS: tuple[tuple[int, Family], ...] = (
    (HELD_BACK_J_SEED, "held_back_j"), (HELD_BACK_I_SEED, "held_back_i"),
    (HELD_BACK_H_SEED, "held_back_h"), (HELD_BACK_G_SEED, "held_back_g"),
    (HELD_BACK_F_SEED, "held_back_f"), (HELD_BACK_E_SEED, "held_back_e"),
    (HELD_BACK_D_SEED, "held_back_d"), (HELD_BACK_C_SEED, "held_back_c"),
    (HELD_BACK_SEED, "held_back"), (NEW_TUNING_SEED, "tuning_new"))


def family_of(seed: int) -> Family:
    return next((family for first, family in _FIRST_SEEDS if seed >= first), "tuning")

# Kinds of true cut, in the order they are assigned (first that applies).
CUT_KINDS = ("hue_only", "framing_only", "short_by_busy", "busy_to_busy", "busy_edge",
             "white_flash", "calm", "glitch")
# Kinds of stretch where a detection is a false cut.
CALM_KINDS = ("dissolve", "lightning", "busy", "pan", "zoom", "handheld", "ramp", "hue_drift",
              "grain", "still", "whip", "focus", "flicker",
              # set J: editing effects inside shots, glitch frames before a glitch cut
              "sticker", "punch", "shake_fx", "glow", "slowmo", "freeze", "glitch_fx", "wipe")


@dataclass(frozen=True)
class Camera:
    zoom: float = 1.25  # ≥ 1: the crop of the source that fills the picture
    centre: tuple[float, float] = (0.5, 0.5)  # of the crop, as a fraction of the source
    pan: tuple[float, float] = (0.0, 0.0)  # centre movement per frame, fraction of the source
    zoom_rate: float = 0.0  # relative zoom change per frame
    shake: float = 0.0  # hand-held jitter, fraction of the source per frame (random walk)
    mirror: bool = False  # the picture flipped left to right
    turn: int = 0  # quarter turns of the source before it is framed


@dataclass(frozen=True)
class BusyShot:
    frames: int
    scene: int  # index into the plan's scenes; equal scene = same place, same moving source
    camera: Camera = field(default_factory=Camera)
    grain: float = 0.0  # film grain standard deviation, 8-bit levels, new every frame
    light: tuple[float, float] = (1.0, 1.0)  # brightness at the first and last frame
    hue: tuple[float, float] = (0.0, 0.0)  # hue rotation in degrees at the first and last frame
    enter: Enter = "cut"
    enter_frames: int = 0  # dissolve length or white-flash frames
    lightning_at: int = -1  # one white frame inside the shot (no cut)


@dataclass(frozen=True)
class BusyPlan:
    width: int
    height: int
    seed: int
    family: Family
    scenes: tuple[tuple[str, int], ...]  # (source name, palette) of each scene
    shots: tuple[BusyShot, ...]

    def starts(self) -> tuple[int, ...]:
        return shot_starts(self.shots)

    @property
    def frame_count(self) -> int:
        return self.starts()[-1] + self.shots[-1].frames

    @property
    def cut_frames(self) -> tuple[int, ...]:
        return tuple(frame for frame, _kind in self.labelled_cuts())

    def busy(self, shot: BusyShot) -> bool:
        return self.scenes[shot.scene][0] not in CALM_SOURCES

    def labelled_cuts(self) -> tuple[tuple[int, str], ...]:
        """First frame of every shot entered by a hard cut or a white flash, with its kind."""
        out = []
        shots = self.shots
        for index, (start, shot) in enumerate(zip(self.starts(), shots, strict=True)):
            if index == 0 or shot.enter == "dissolve":
                continue
            before = shots[index - 1]
            after_next = shots[index + 1] if index + 1 < len(shots) else None
            if shot.enter == "flash":
                kind = "white_flash"
            elif before.scene == shot.scene and before.camera == shot.camera:
                kind = "hue_only"
            elif before.scene == shot.scene:
                kind = "framing_only"
            elif (min(before.frames, shot.frames) <= 12
                  and (self.busy(before) or self.busy(shot)
                       or (after_next is not None and self.busy(after_next)))):
                kind = "short_by_busy"
            elif self.busy(before) and self.busy(shot):
                kind = "busy_to_busy"
            elif self.busy(before) or self.busy(shot):
                kind = "busy_edge"
            else:
                kind = "calm"
            out.append((start, kind))
        return tuple(out)

    def frame_kinds(self) -> tuple[str, ...]:
        """What each frame shows, for naming a false cut found there (see ``CALM_KINDS``)."""
        kinds = ["still"] * self.frame_count
        for start, shot in zip(self.starts(), self.shots, strict=True):
            kind = _shot_kind(self, shot)
            for k in range(start, min(start + shot.frames, self.frame_count)):
                kinds[k] = kind
            if shot.enter == "dissolve":
                for k in range(start - 1, start + shot.enter_frames + 1):
                    kinds[k] = "dissolve"
            if shot.lightning_at >= 0:
                for k in range(start + shot.lightning_at - 1, start + shot.lightning_at + 3):
                    if 0 <= k < self.frame_count:
                        kinds[k] = "lightning"
        return tuple(kinds)


def _shot_kind(plan: BusyPlan, shot: BusyShot) -> str:
    camera = shot.camera
    if plan.busy(shot):
        return "busy"
    if camera.shake > 0:
        return "handheld"
    if camera.zoom_rate:
        return "zoom"
    if camera.pan != (0.0, 0.0):
        return "pan"
    if shot.light[0] != shot.light[1]:
        return "ramp"
    if shot.hue[0] != shot.hue[1]:
        return "hue_drift"
    if shot.grain:
        return "grain"
    return "still"


# --- planning ---------------------------------------------------------------------------------


def grade(rng: np.random.Generator, frames: int, *,
          light: tuple[float, tuple[float, float], tuple[float, float]],
          hue: tuple[tuple[float, float], float, float],
          grains: tuple[float, ...]) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Light, hue and grain of a new shot of more than 24 frames' chance of a lighting ramp
    or a hue drift (sets D, E and F): ``light`` = (chance, first level range, last level
    range), ``hue`` = (first hue range, chance of a drift, largest drift in degrees)."""
    chance, first, last = light
    ramp = (1.0, 1.0)
    if frames > 24 and rng.random() < chance:
        ramp = (float(rng.uniform(*first)), float(rng.uniform(*last)))
    (low, high), drift_chance, drift = hue
    hue0 = float(rng.uniform(low, high))
    hues = (hue0, hue0)
    if frames > 24 and rng.random() < drift_chance:
        hues = (hue0, hue0 + float(rng.uniform(-drift, drift)))
    return ramp, hues, float(rng.choice(list(grains)))


_OWN_MODULES: dict[Family, tuple[str, str]] = {
    "held_back_f": ("tests.accessibility.pacing.busy_media_f", "f_plan"),
    "held_back_g": ("tests.accessibility.pacing.busy_media_g", "_g_plan"),
    "held_back_h": ("tests.accessibility.pacing.busy_media_h", "_h_plan"),
    "held_back_i": ("tests.accessibility.pacing.busy_media_i", "_i_plan"),
    "held_back_j": ("tests.accessibility.pacing.busy_media_j", "_j_plan"),
}


def plan_digest(plan: BusyPlan) -> str:
    """A short fingerprint of everything a plan decides (family, scenes, shots, labelled cuts,
    frame kinds): pins each family's plans while other families are added."""
    text = repr((plan.family, plan.scenes, [repr(shot) for shot in plan.shots],
                 plan.labelled_cuts(), plan.frame_kinds()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def busy_plan(width: int, height: int, seed: int, seconds: float,
              family: Family | None = None) -> BusyPlan:
    """A random episode of busy and calm shots; ``family`` follows from the seed by default."""
    family = family or family_of(seed)
    if family in _OWN_MODULES:
        # Sets with sources and a planner of their own, in a module imported when first used.
        module, planner = _OWN_MODULES[family]
        plan: BusyPlan = getattr(importlib.import_module(module), planner)(
            width, height, seed, seconds)
        return plan
    if family == "held_back_e":
        return _e_plan(width, height, seed, seconds)
    if family == "held_back_d":
        return _d_plan(width, height, seed, seconds)
    if family in ("tuning_new", "held_back_c"):
        return _new_plan(width, height, seed, seconds, family)
    held = family == "held_back"
    rng = np.random.default_rng(seed)
    names = HELD_BACK_SOURCES if held else TUNING_SOURCES
    scene_count = 9 if held else 7
    scenes = [(names[0], int(rng.integers(0, 5)))]
    scenes += [(str(rng.choice(names)), int(rng.integers(0, 5))) for _ in range(scene_count - 1)]
    scenes[1] = (names[1 + int(rng.integers(0, len(names) - 1))], scenes[1][1])
    max_shake = 0.02 if held else 0.012
    max_pan = 0.012 if held else 0.008

    def next_shot(previous: BusyShot | None) -> BusyShot:
        roll = rng.random()
        if previous is not None and roll < 0.12:
            shot = _hue_cut(rng, previous, lambda: _shot_length(rng, held), (70, 180))
        elif previous is not None and roll < 0.24:
            # Same place, another framing: a close-up or a different corner of it.
            camera = Camera(zoom=float(rng.uniform(1.25, 2.6)),
                            centre=(float(rng.uniform(0.3, 0.7)), float(rng.uniform(0.3, 0.7))))
            if abs(camera.zoom - previous.camera.zoom) < 0.4:
                camera = Camera(zoom=previous.camera.zoom + 0.6, centre=camera.centre)
            shot = BusyShot(frames=_shot_length(rng, held), scene=previous.scene,
                            camera=camera, hue=(previous.hue[1], previous.hue[1]))
        else:
            scene = _other_scene(rng, previous, len(scenes))
            motion = rng.choice(["static", "pan", "zoom", "shake", "static"])
            camera = Camera(
                zoom=float(rng.uniform(1.2, 1.6)),
                centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
                pan=((float(rng.uniform(-max_pan, max_pan)), float(rng.uniform(-max_pan, max_pan)))
                     if motion == "pan" else (0.0, 0.0)),
                zoom_rate=float(rng.uniform(-0.012, 0.02)) if motion == "zoom" else 0.0,
                shake=float(rng.uniform(0.004, max_shake)) if motion == "shake" else 0.0,
            )
            frames = _shot_length(rng, held)
            light = (1.0, 1.0)
            if frames > 30 and rng.random() < 0.3:
                light = (1.0, float(rng.uniform(0.4, 1.8) if held else rng.uniform(0.5, 1.6)))
            hue0 = float(rng.uniform(0, 40))
            hue = (hue0, hue0)
            if frames > 30 and rng.random() < 0.3:
                hue = (hue0, hue0 + float(rng.uniform(-90, 90) if held else rng.uniform(-60, 60)))
            grain = float(rng.choice([0.0, 0.0, 4.0, 8.0, 14.0 if held else 11.0]))
            shot = _entered(rng, previous, BusyShot(frames=frames, scene=scene, camera=camera,
                                                    grain=grain, light=light, hue=hue),
                            dissolve=(8, 20), lightning=0.08)
        return shot

    return BusyPlan(width, height, seed, family, tuple(scenes), _lay_out(seconds, next_shot))


def _new_plan(width: int, height: int, seed: int, seconds: float, family: Family) -> BusyPlan:
    """Families ``tuning_new`` and ``held_back_c``: same rules, other sources and ranges."""
    held = family == "held_back_c"
    rng = np.random.default_rng(seed)
    names = HELD_BACK_C_SOURCES if held else NEW_TUNING_SOURCES
    busy_names = names[1:]
    scenes = [(names[0], int(rng.integers(0, 5)))]
    scenes += [(str(rng.choice(busy_names)), int(rng.integers(0, 5))) for _ in range(6)]
    scenes += [(names[0], int(rng.integers(0, 5))), (str(rng.choice(busy_names)),
                                                    int(rng.integers(0, 5)))]
    max_shake = 0.028 if held else 0.016
    max_pan = 0.014 if held else 0.009
    grains = (0.0, 0.0, 5.0, 10.0, 18.0) if held else (0.0, 0.0, 3.0, 7.0, 12.0)
    short = 0.42 if held else 0.38

    def length() -> int:
        if rng.random() < short:
            return int(rng.choice([8, 8, 9, 10, 12, 14]))
        return int(np.exp(rng.uniform(np.log(8), np.log(120))))

    def next_shot(previous: BusyShot | None) -> BusyShot:
        roll = rng.random()
        if previous is not None and roll < 0.08:
            shot = _hue_cut(rng, previous, length, (60, 180))
        elif previous is not None and roll < 0.26:
            # Same place, another framing: a punch-in or pull-out of the same texture, the
            # picture mirrored or turned, or a jump made while the camera zooms.
            old = previous.camera
            how = str(rng.choice(["zoom", "mirror", "turn", "zooming"]))
            if how == "zoom":
                factor = float(rng.uniform(1.35, 2.0)) ** float(rng.choice([-1, 1]))
                zoom = old.zoom * factor if old.zoom * factor >= 1.15 else old.zoom / factor
                camera = Camera(zoom=zoom, centre=(float(rng.uniform(0.35, 0.65)),
                                                   float(rng.uniform(0.35, 0.65))))
            elif how == "mirror":
                camera = Camera(zoom=old.zoom, centre=old.centre, mirror=not old.mirror,
                                turn=old.turn, shake=old.shake)
            elif how == "turn":
                camera = Camera(zoom=old.zoom, centre=old.centre, mirror=old.mirror,
                                turn=(old.turn + int(rng.choice([1, 3]))) % 4)
            else:
                rate = old.zoom_rate or float(rng.uniform(0.008, 0.02))
                end = old.zoom * (1 + old.zoom_rate) ** previous.frames
                camera = Camera(zoom=max(1.15, end * float(rng.uniform(1.3, 1.7))),
                                centre=old.centre, zoom_rate=rate)
            shot = _reframed(previous, camera, length())
        else:
            scene = _other_scene(rng, previous, len(scenes))
            motion = str(rng.choice(["static", "pan", "zoom", "shake", "all"]))
            zoom_rate = 0.0
            if motion == "zoom" or (previous is not None and previous.camera.zoom_rate
                                    and rng.random() < 0.5):
                # Cuts during a zoom: the next shot keeps zooming too.
                zoom_rate = float(rng.uniform(-0.015, 0.025))
            camera = Camera(
                zoom=float(rng.uniform(1.2, 1.8)),
                centre=(float(rng.uniform(0.35, 0.65)), float(rng.uniform(0.35, 0.65))),
                pan=((float(rng.uniform(-max_pan, max_pan)), float(rng.uniform(-max_pan, max_pan)))
                     if motion == "pan" else (0.0, 0.0)),
                zoom_rate=zoom_rate,
                shake=float(rng.uniform(0.006, max_shake)) if motion in ("shake", "all") else 0.0,
                mirror=bool(rng.random() < 0.2),
                turn=int(rng.choice([0, 0, 0, 1, 3])),
            )
            frames = length()
            light = (1.0, 1.0)
            grain = float(rng.choice(grains))
            if motion == "all":
                # Hand-held shake, grain and a lighting ramp together.
                light = (1.0, float(rng.uniform(0.35, 1.9) if held else rng.uniform(0.5, 1.6)))
                grain = max(grain, grains[-2])
            elif frames > 30 and rng.random() < 0.3:
                light = (1.0, float(rng.uniform(0.35, 1.9) if held else rng.uniform(0.5, 1.6)))
            hue0 = float(rng.uniform(0, 60))
            hue = (hue0, hue0)
            if frames > 30 and rng.random() < 0.3:
                hue = (hue0, hue0 + float(rng.uniform(-100, 100) if held else rng.uniform(-70, 70)))
            shot = _entered(rng, previous, BusyShot(frames=frames, scene=scene, camera=camera,
                                                    grain=grain, light=light, hue=hue),
                            dissolve=(6, 22), lightning=0.1)
        return shot

    return BusyPlan(width, height, seed, family, tuple(scenes), _lay_out(seconds, next_shot))


def _d_plan(width: int, height: int, seed: int, seconds: float) -> BusyPlan:
    """Family ``held_back_d`` (set D): a planner and parameters of its own, never tuned on.

    Ten scenes (a calm location, a textured wall, eight busy or calm sources drawn at random),
    more very short shots (6–8 frames), framing changes of four kinds, fast hand-held over the
    wall, cuts during zooms, hue-only cuts; dissolves, 闪白 and lightning as before."""
    rng = np.random.default_rng(seed)
    names = HELD_BACK_D_SOURCES
    busy_names = names[1:]
    scenes = [("still", int(rng.integers(0, 5))), ("wall", int(rng.integers(0, 5)))]
    scenes += [(str(rng.choice(busy_names)), int(rng.integers(0, 5))) for _ in range(7)]
    scenes += [(str(rng.choice(names)), int(rng.integers(0, 5)))]

    def length() -> int:
        roll = rng.random()
        if roll < 0.3:
            return int(rng.choice([6, 7, 8]))
        if roll < 0.45:
            return int(rng.integers(9, 16))
        return int(np.exp(rng.uniform(np.log(10), np.log(110))))

    def next_shot(previous: BusyShot | None) -> BusyShot:
        roll = rng.random()
        if previous is not None and roll < 0.09:
            shot = _hue_cut(rng, previous, length, (50, 170))
        elif previous is not None and roll < 0.3:
            # Same place and texture, another framing: the crop jumps sideways, the picture
            # is mirrored or turned, or the camera jumps closer or farther (perhaps zooming).
            old = previous.camera
            how = str(rng.choice(["crop", "mirror", "turn", "zoom"]))
            if how == "crop":
                dy = float(rng.uniform(0.15, 0.3)) * float(rng.choice([-1, 1]))
                dx = float(rng.uniform(0.15, 0.3)) * float(rng.choice([-1, 1]))
                camera = replace(old, zoom=max(old.zoom, 1.6), pan=(0.0, 0.0),
                                 centre=(float(np.clip(0.5 + dx, 0.3, 0.7)),
                                         float(np.clip(0.5 + dy, 0.3, 0.7))))
                if camera.centre == old.centre:
                    camera = replace(camera, centre=(1 - old.centre[0], 1 - old.centre[1]))
            elif how == "mirror":
                camera = replace(old, mirror=not old.mirror, pan=(0.0, 0.0))
            elif how == "turn":
                camera = replace(old, turn=(old.turn + int(rng.choice([1, 2, 3]))) % 4,
                                 pan=(0.0, 0.0))
            else:
                factor = float(rng.uniform(1.4, 2.2)) ** float(rng.choice([-1, 1]))
                end = old.zoom * (1 + old.zoom_rate) ** previous.frames
                zoom = end * factor if end * factor >= 1.1 else end / factor
                camera = replace(old, zoom=zoom, pan=(0.0, 0.0),
                                 zoom_rate=old.zoom_rate if rng.random() < 0.6 else 0.0)
            shot = _reframed(previous, camera, length())
        else:
            scene = _other_scene(rng, previous, len(scenes))
            wall = scenes[scene][0] == "wall"
            motion = "fast" if wall and rng.random() < 0.7 else str(
                rng.choice(["static", "pan", "zoom", "shake", "fast", "static"]))
            zoom_rate = 0.0
            if motion == "zoom" or (previous is not None and previous.camera.zoom_rate
                                    and rng.random() < 0.6):
                zoom_rate = float(rng.uniform(-0.02, 0.03))
            shake = {"shake": float(rng.uniform(0.005, 0.015)),
                     "fast": float(rng.uniform(0.015, 0.03))}.get(motion, 0.0)
            camera = Camera(
                zoom=float(rng.uniform(1.25, 2.0)),
                centre=(float(rng.uniform(0.3, 0.7)), float(rng.uniform(0.3, 0.7))),
                pan=((float(rng.uniform(-0.016, 0.016)), float(rng.uniform(-0.016, 0.016)))
                     if motion == "pan" else (0.0, 0.0)),
                zoom_rate=zoom_rate, shake=shake,
                mirror=bool(rng.random() < 0.25), turn=int(rng.choice([0, 0, 1, 2, 3])))
            frames = length()
            light, hue, grain = grade(rng, frames, light=(0.35, (0.7, 1.2), (0.3, 2.0)),
                                      hue=((-30, 60), 0.3, 110),
                                      grains=(0.0, 0.0, 6.0, 12.0, 20.0))
            shot = _entered(rng, previous, BusyShot(frames=frames, scene=scene, camera=camera,
                                                    grain=grain, light=light, hue=hue),
                            dissolve=(5, 24), lightning=0.12)
        return shot

    return BusyPlan(width, height, seed, "held_back_d", tuple(scenes), _lay_out(seconds, next_shot))


def _lay_out(seconds: float,
             next_shot: Callable[[BusyShot | None], BusyShot]) -> tuple[BusyShot, ...]:
    """Shots one after another (``next_shot`` is given the one before) until ``seconds``."""
    shots: list[BusyShot] = []
    total = 0
    while total < int(seconds * FPS):
        shot = next_shot(shots[-1] if shots else None)
        shots.append(shot)
        total += shot.frames + (shot.enter_frames if shot.enter == "flash" else 0)
    return tuple(shots)


def _hue_cut(rng: np.random.Generator, previous: BusyShot, length: Callable[[], int],
             jump: tuple[float, float]) -> BusyShot:
    """Same place, same camera, another grade: only the hue changes, by ``jump`` degrees
    either way."""
    step = float(rng.uniform(*jump)) * float(rng.choice([-1, 1]))
    base = previous.hue[1]
    return BusyShot(frames=length(), scene=previous.scene, camera=previous.camera,
                    grain=previous.grain, hue=(base + step, base + step))


def _reframed(previous: BusyShot, camera: Camera, frames: int) -> BusyShot:
    """The same place and texture seen through another ``camera``."""
    return BusyShot(frames=frames, scene=previous.scene, camera=camera,
                    hue=(previous.hue[1], previous.hue[1]), grain=previous.grain)


def _other_scene(rng: np.random.Generator, previous: BusyShot | None, count: int) -> int:
    """One of ``count`` scenes at random, never the one before."""
    scene = int(rng.integers(0, count))
    if previous is not None and scene == previous.scene:
        scene = (scene + 1 + int(rng.integers(0, count - 1))) % count
    return scene


def _entered(rng: np.random.Generator, previous: BusyShot | None, shot: BusyShot, *,
             dissolve: tuple[int, int], lightning: float) -> BusyShot:
    """``shot`` with how it is entered (a cut, a dissolve or a 闪白 flash) and perhaps a
    lightning strike inside it, drawn in the same order for every family of episodes."""
    enter: Enter = "cut"
    enter_frames = 0
    enter_roll = rng.random()
    frames = shot.frames
    if previous is not None and enter_roll < 0.12 and frames > 30 and previous.frames > 30:
        enter, enter_frames = "dissolve", int(rng.integers(*dissolve))
    elif previous is not None and enter_roll > 0.9:
        enter, enter_frames = "flash", int(rng.integers(1, 4))
    lightning_at = -1
    if frames > 30 and rng.random() < lightning:
        lightning_at = int(rng.integers(8, frames - 8))
    return replace(shot, enter=enter, enter_frames=enter_frames, lightning_at=lightning_at)


def _shot_length(rng: np.random.Generator, held: bool) -> int:
    # 0.25–4 s; micro-drama montages favour the short end.
    if rng.random() < (0.35 if held else 0.3):
        return int(rng.integers(8, 16))
    low, high = (np.log(8), np.log(120))
    return int(np.exp(rng.uniform(low, high)))


# --- sources ----------------------------------------------------------------------------------


class _Source:
    """A moving picture of the full frame size, float32 RGB 0–255."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        self.rng = rng
        self.h, self.w = height, width
        self.palette = palette
        self.scale = width / 720

    def frame(self) -> np.ndarray:
        raise NotImplementedError


class _Still(_Source):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas = make_canvas(rng, height, width, palette).astype(np.float32)

    def frame(self) -> np.ndarray:
        return self.canvas.copy()


class _Rain(_Still):
    def frame(self) -> np.ndarray:
        out = self.canvas * 0.7
        count = self.w * self.h // 500
        length = max(4, self.h // 40)
        xs = self.rng.integers(0, self.w - length // 3, count)
        ys = self.rng.integers(0, self.h - length, count)
        for k in range(length):
            out[ys + k, xs + k // 3] = out[ys + k, xs + k // 3] * 0.3 + 170
        return out


class _Noise(_Still):
    """Animated coloured block noise over a location: every pixel changes every frame.

    Noise with nothing behind it is left out on purpose: re-framing a structureless field
    changes nothing a viewer (or a detector) can see.
    """

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.tint = rng.uniform(0.4, 1.0, 3).astype(np.float32) * 255
        self.cell = max(1, int(rng.integers(3, 10) * self.scale))
        self.mix = float(rng.uniform(0.4, 0.65))

    def frame(self) -> np.ndarray:
        c = self.cell
        small = self.rng.random((self.h // c + 1, self.w // c + 1), dtype=np.float32)
        big = np.repeat(np.repeat(small, c, 0), c, 1)[: self.h, : self.w]
        fine = self.rng.random((self.h, self.w), dtype=np.float32)
        value = (0.7 * big + 0.3 * fine)[..., None] * self.tint
        return self.canvas * (1 - self.mix) + value * self.mix


class _Crowd(_Still):
    """People-sized blobs walking every which way in front of a location."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 70
        self.pos = rng.uniform(0, 1, (n, 2)) * (height, width)
        self.vel = rng.normal(0, 6 * self.scale, (n, 2))
        self.size = (rng.uniform(0.06, 0.16, n) * height, rng.uniform(0.04, 0.09, n) * width)
        self.colour = rng.uniform(20, 240, (n, 3)).astype(np.float32)

    def frame(self) -> np.ndarray:
        out = self.canvas.copy()
        self.vel += self.rng.normal(0, 1.5 * self.scale, self.vel.shape)
        self.pos = (self.pos + self.vel) % (self.h, self.w)
        for (y, x), hh, ww, colour in zip(self.pos, *self.size, self.colour, strict=True):
            y0, x0 = int(y), int(x)
            out[y0:y0 + int(hh), x0:x0 + int(ww)] = colour
        return out


class _Life(_Source):
    """Conway's game of life, kept busy by a few random births every step."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.cell = max(2, int(rng.integers(5, 10) * self.scale))
        self.grid = rng.random((height // self.cell + 1, width // self.cell + 1)) < 0.35
        self.colours = rng.uniform(0, 255, (2, 3)).astype(np.float32)

    def frame(self) -> np.ndarray:
        g = self.grid
        n = sum(np.roll(np.roll(g, dy, 0), dx, 1).astype(np.uint8)
                for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dy or dx)
        g = (n == 3) | (g & (n == 2))
        g |= self.rng.random(g.shape) < 0.02
        self.grid = g
        c = self.cell
        big = np.repeat(np.repeat(g, c, 0), c, 1)[: self.h, : self.w]
        return np.where(big[..., None], self.colours[0], self.colours[1])


class _Fireworks(_Source):
    """Bursts of sparks on a night sky, new bursts every few frames."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        ramp = np.linspace(5, 45, height, dtype=np.float32)[:, None, None]
        self.sky = np.broadcast_to(ramp * np.array([0.4, 0.5, 1.0], np.float32),
                                   (height, width, 3)).copy()
        self.glow = np.zeros((height, width, 3), np.float32)
        self.sparks = np.zeros((0, 7), np.float32)  # y, x, vy, vx, r, g, b
        for _ in range(4):
            self._burst()

    def _burst(self) -> None:
        n = 260
        y = self.rng.uniform(0.1, 0.7) * self.h
        x = self.rng.uniform(0.1, 0.9) * self.w
        angle = self.rng.uniform(0, 2 * np.pi, n)
        speed = self.rng.uniform(2, 14, n) * self.scale
        colour = self.rng.uniform(120, 255, 3)
        new = np.column_stack([np.full(n, y), np.full(n, x), speed * np.sin(angle),
                               speed * np.cos(angle), np.tile(colour, (n, 1))])
        self.sparks = np.vstack([self.sparks, new.astype(np.float32)])[-2000:]

    def frame(self) -> np.ndarray:
        if self.rng.random() < 0.3:
            self._burst()
        s = self.sparks
        s[:, 0] += s[:, 2]
        s[:, 1] += s[:, 3]
        s[:, 2] += 0.3 * self.scale
        s[:, 2:4] *= 0.96
        inside = (s[:, 0] >= 0) & (s[:, 0] < self.h - 3) & (s[:, 1] >= 0) & (s[:, 1] < self.w - 3)
        self.sparks = s = s[inside]
        self.glow *= 0.7
        ys, xs = s[:, 0].astype(np.int32), s[:, 1].astype(np.int32)
        flicker = self.rng.uniform(0.4, 1.0, len(s))[:, None]
        for dy in range(3):
            for dx in range(3):
                self.glow[ys + dy, xs + dx] = s[:, 4:7] * flicker
        return self.sky + self.glow


# Held-back family: other generators, never looked at while choosing thresholds.


class _Snow(_Still):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 900
        self.flakes = rng.uniform(0, 1, (n, 2)) * (height, width)
        self.speed = rng.uniform(3, 16, n) * self.scale
        self.size = rng.integers(2, 8, n)

    def frame(self) -> np.ndarray:
        out = self.canvas * 0.8
        wind = self.rng.normal(0, 4 * self.scale)
        self.flakes[:, 0] = (self.flakes[:, 0] + self.speed) % (self.h - 8)
        self.flakes[:, 1] = (self.flakes[:, 1] + wind + self.rng.normal(0, 2, len(self.speed))) \
            % (self.w - 8)
        ys, xs = self.flakes[:, 0].astype(np.int32), self.flakes[:, 1].astype(np.int32)
        for size in range(2, 8):
            pick = self.size >= size
            out[ys[pick] + size - 2, xs[pick]] = 235
            out[ys[pick], xs[pick] + size - 2] = 235
        return out


class _Water(_Source):
    """Caustics: moving interference of sine waves, every pixel changing every frame."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.yy, self.xx = np.mgrid[0:height, 0:width].astype(np.float32)
        self.waves = [(rng.uniform(0.01, 0.06) / self.scale, rng.uniform(0, 2 * np.pi),
                       rng.uniform(0.4, 1.2)) for _ in range(4)]
        self.t = 0.0
        self.deep = rng.uniform(10, 90, 3).astype(np.float32)
        self.light = rng.uniform(150, 255, 3).astype(np.float32)

    def frame(self) -> np.ndarray:
        self.t += 1
        v = np.zeros((self.h, self.w), np.float32)
        for k, a, s in self.waves:
            v += np.sin(k * (self.xx * np.cos(a) + self.yy * np.sin(a)) + s * self.t)
        level = np.abs(v) / 4
        return self.deep + (self.light - self.deep) * (1 - level)[..., None] ** 3


class _Bokeh(_Source):
    """A night street out of focus: many soft lights flickering on and off."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 120
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 60, width - 60)
        self.r = rng.integers(8, 30, n) * self.scale
        self.colour = rng.uniform(60, 255, (n, 3)).astype(np.float32)
        self.on = rng.random(n) < 0.5
        self.base = np.full((height, width, 3), 18, np.float32)

    def frame(self) -> np.ndarray:
        out = self.base.copy()
        self.on ^= self.rng.random(len(self.on)) < 0.25
        self.pos += self.rng.normal(0, 2, self.pos.shape)
        self.pos %= (self.h - 62, self.w - 62)
        for (y, x), radius, colour, on in zip(self.pos, self.r, self.colour, self.on,
                                              strict=True):
            if on:
                r = int(max(2, radius))
                out[int(y):int(y) + r, int(x):int(x) + r] = colour
        return out


class _Cyclic(_Source):
    """A cyclic cellular automaton: colour waves spiralling across the picture."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.states = 8
        self.cell = max(2, int(rng.integers(4, 9) * self.scale))
        self.grid = rng.integers(0, self.states, (height // self.cell + 1, width // self.cell + 1))
        hues = rng.uniform(0, 2 * np.pi) + np.arange(self.states) * 2 * np.pi / self.states
        self.colours = (127 + 110 * np.stack([np.cos(hues), np.cos(hues + 2.1),
                                              np.cos(hues + 4.2)], 1)).astype(np.float32)

    def frame(self) -> np.ndarray:
        g = self.grid
        nxt = (g + 1) % self.states
        eaten = np.zeros(g.shape, bool)
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            eaten |= np.roll(np.roll(g, dy, 0), dx, 1) == nxt
        self.grid = np.where(eaten, nxt, g)
        c = self.cell
        big = np.repeat(np.repeat(self.grid, c, 0), c, 1)[: self.h, : self.w]
        return self.colours[big]


class _Leaves(_Still):
    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = 160
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 40, width - 40)
        self.colour = rng.uniform([120, 40, 0], [255, 200, 60], (n, 3)).astype(np.float32)
        self.size = rng.integers(6, 26, n)

    def frame(self) -> np.ndarray:
        out = self.canvas.copy()
        self.pos[:, 0] += self.rng.uniform(4, 14, len(self.pos)) * self.scale
        self.pos[:, 1] += self.rng.normal(0, 8, len(self.pos)) * self.scale
        self.pos %= (self.h - 40, self.w - 40)
        turn = self.rng.random(len(self.pos))
        for (y, x), colour, size, t in zip(self.pos, self.colour, self.size, turn, strict=True):
            a, b = (int(size), max(2, int(size * t))) if t < 0.5 else (max(2, int(size * t)),
                                                                         int(size))
            out[int(y):int(y) + a, int(x):int(x) + b] = colour
        return out


class _Static(_Source):
    """Television snow with rolling bands over a faint picture."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas = make_canvas(rng, height, width, palette).astype(np.float32)
        self.phase = 0.0

    def frame(self) -> np.ndarray:
        self.phase += self.rng.uniform(5, 25)
        noise = self.rng.random((self.h, self.w), dtype=np.float32)[..., None] * 255
        band = (np.sin((np.arange(self.h) + self.phase) / (25 * self.scale)) * 30)
        return self.canvas * 0.35 + noise * 0.55 + band[:, None, None].astype(np.float32)


# New families (``tuning_new`` and set C): ripples, an LED wall, confetti; set C alone also
# backlit silhouettes and glitter.


def _half_grid(height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:(height + 1) // 2, 0:(width + 1) // 2].astype(np.float32)
    return yy * 2, xx * 2


def _double(x: np.ndarray, height: int, width: int) -> np.ndarray:
    return np.repeat(np.repeat(x, 2, 0), 2, 1)[:height, :width]


class _Ripples(_Source):
    """Rain drops on a pond: rings spreading from new drops every frame over a dark surface."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.yy, self.xx = _half_grid(height, width)
        self.drops: list[list[float]] = []  # y, x, age, wavelength
        self.rate = float(rng.uniform(0.6, 2.5))
        self.deep = rng.uniform(10, 80, 3).astype(np.float32)
        self.sky = rng.uniform(140, 250, 3).astype(np.float32)
        self.reflection = make_canvas(rng, height, width, palette).astype(np.float32)
        for _ in range(8):
            self._drop(age=float(rng.uniform(0, 30)))

    def _drop(self, age: float = 0.0) -> None:
        self.drops.append([float(self.rng.uniform(0, self.h)), float(self.rng.uniform(0, self.w)),
                           age, float(self.rng.uniform(10, 28)) * self.scale])

    def frame(self) -> np.ndarray:
        for _ in range(int(self.rng.poisson(self.rate))):
            self._drop()
        wave = np.zeros(self.yy.shape, np.float32)
        for drop in self.drops:
            drop[2] += 1
            y, x, age, length = drop
            radius = age * 6 * self.scale
            r = np.sqrt((self.yy - y) ** 2 + (self.xx - x) ** 2)
            ring = np.exp(-((r - radius) / (2.5 * length)) ** 2)
            wave += ring * np.cos(2 * np.pi * (r - radius) / length) * np.exp(-age / 25)
        self.drops = [d for d in self.drops if d[2] < 70]
        level = np.clip(0.5 + 0.6 * _double(wave, self.h, self.w), 0, 1)[..., None]
        water = self.deep + (self.sky - self.deep) * level
        return water * 0.75 + self.reflection * 0.25


class _LedWall(_Source):
    """A shop's LED wall: a grid of lamps showing scrolling bars, blocks and twinkling lamps."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.cell = max(3, int(rng.integers(8, 22) * self.scale))
        self.rows, self.cols = height // self.cell + 1, width // self.cell + 1
        self.speed = float(rng.uniform(0.3, 1.5)) * float(rng.choice([-1, 1]))
        self.colours = rng.uniform(30, 255, (6, 3)).astype(np.float32)
        self.blocks = rng.integers(0, 6, (self.rows // 3 + 2, self.cols // 3 + 2))
        self.t = 0.0
        lamp = np.zeros((self.cell, self.cell), np.float32)
        gap = max(1, self.cell // 4)
        lamp[gap:, gap:] = 1.0
        self.lamp = np.tile(lamp, (self.rows, self.cols))[:height, :width, None]

    def frame(self) -> np.ndarray:
        self.t += self.speed
        r = np.arange(self.rows)[:, None]
        c = np.arange(self.cols)[None, :]
        shift = int(self.t)
        index = self.blocks[(r // 3) % self.blocks.shape[0],
                            ((c + shift) // 3) % self.blocks.shape[1]]
        bars = ((r + c + 2 * shift) // 4) % 2 == 0
        index = np.where(bars & (self.rng.random((self.rows, self.cols)) < 0.5),
                         (index + 1) % 6, index)
        lamps = self.colours[index]
        lamps[self.rng.random((self.rows, self.cols)) < 0.15] = 250
        picture = np.repeat(np.repeat(lamps, self.cell, 0), self.cell, 1)[: self.h, : self.w]
        return picture * self.lamp + 8


class _Confetti(_Still):
    """Confetti falling fast and tumbling in front of a location."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = int(rng.integers(300, 900))
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 30, width - 30)
        self.fall = rng.uniform(6, 22, n) * self.scale
        self.colour = rng.uniform(40, 255, (n, 3)).astype(np.float32)
        self.size = rng.integers(10, 28, n) * self.scale

    def frame(self) -> np.ndarray:
        out = self.canvas * 0.85
        self.pos[:, 0] += self.fall
        self.pos[:, 1] += self.rng.normal(0, 5 * self.scale, len(self.pos))
        self.pos %= (self.h - 30, self.w - 30)
        tumble = self.rng.random(len(self.pos))
        for (y, x), colour, size, t in zip(self.pos, self.colour, self.size, tumble, strict=True):
            a = max(1, int(size * t))
            b = max(1, int(size * (1 - t) + 1))
            out[int(y):int(y) + a, int(x):int(x) + b] = colour
        return out


class _Silhouettes(_Source):
    """A dancing crowd seen against bright stage light: dark figures, swaying lights."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.yy, self.xx = _half_grid(height, width)
        n = int(rng.integers(15, 40))
        self.x = rng.uniform(0, width, n)
        self.base = rng.uniform(0.55, 1.1, n) * height
        self.size = rng.uniform(0.05, 0.12, n) * width
        self.phase = rng.uniform(0, 2 * np.pi, n)
        self.tempo = rng.uniform(0.3, 0.8, n)
        self.drift = rng.normal(0, 3 * self.scale, n)
        self.light = rng.uniform(120, 255, (3, 3)).astype(np.float32)
        self.beams = rng.uniform(0, 2 * np.pi, 3)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        glow = np.zeros((*self.yy.shape, 3), np.float32) + 30
        for k in range(3):
            angle = self.beams[k] + 0.08 * self.t * (k + 1)
            cx = self.w * (0.5 + 0.45 * np.sin(angle))
            spread = np.exp(-((self.xx - cx) / (0.25 * self.w)) ** 2) * (1 - self.yy / self.h)
            glow += spread[..., None] * self.light[k]
        out = _double(glow, self.h, self.w).copy()
        self.x = (self.x + self.drift) % self.w
        jump = np.abs(np.sin(self.phase + self.tempo * self.t)) * 0.06 * self.h
        for x, base, size, up in zip(self.x, self.base, self.size, jump, strict=True):
            top = int(base - 3.2 * size - up)
            x0, x1 = int(x - size / 2), int(x + size / 2)
            out[max(0, top + int(size)):int(base - up), max(0, x0):max(0, x1)] = 6
            head = int(size * 0.7)
            hx = int(x - head / 2)
            out[max(0, top):max(0, top + head), max(0, hx):max(0, hx + head)] = 6
        return out


class _Glitter(_Still):
    """Sequins catching the light over a location: thousands of points flashing at random."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.share = float(rng.uniform(0.01, 0.05))
        self.dot = max(1, int(rng.integers(2, 5) * self.scale))

    def frame(self) -> np.ndarray:
        d = self.dot
        lit = self.rng.random((self.h // d + 1, self.w // d + 1)) < self.share
        big = np.repeat(np.repeat(lit, d, 0), d, 1)[: self.h, : self.w]
        shimmer = self.rng.uniform(0.85, 1.0)
        return np.where(big[..., None], 250.0, self.canvas * shimmer).astype(np.float32)


_SOURCES: dict[str, type[_Source]] = {
    "still": _Still, "rain": _Rain, "noise": _Noise, "crowd": _Crowd, "life": _Life,
    "fireworks": _Fireworks, "snow": _Snow, "water": _Water, "bokeh": _Bokeh,
    "cyclic": _Cyclic, "leaves": _Leaves, "static": _Static, "ripples": _Ripples,
    "led": _LedWall, "confetti": _Confetti, "silhouettes": _Silhouettes, "glitter": _Glitter,
}


# Held-back family D (seeds from 9300): generators no threshold was ever chosen on.


class _Wall(_Source):
    """A textured wall (bricks, mortar, stains): still; seen through a fast hand-held camera."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        canvas = make_canvas(rng, height, width, palette).astype(np.float32)
        bh = max(4, int(rng.integers(22, 48) * self.scale))
        bw = bh * int(rng.integers(2, 4))
        yy, xx = np.mgrid[0:height, 0:width]
        row = yy // bh
        offset = (row % 2) * (bw // 2)
        mortar = ((yy % bh) < max(1, bh // 8)) | (((xx + offset) % bw) < max(1, bh // 8))
        brick = rng.uniform(0.75, 1.2, (height // bh + 2, width // bw + 2))
        tone = brick[row, (xx + offset) // bw][..., None]
        self.canvas = np.where(mortar[..., None], 200.0, canvas * tone).astype(np.float32)

    def frame(self) -> np.ndarray:
        return self.canvas


class _TvBars(_Source):
    """A badly tuned television: colour bars under snow, a dark bar rolling down, torn lines."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = int(rng.integers(5, 9))
        colours = rng.uniform(30, 240, (n, 3)).astype(np.float32)
        bars = colours[(np.arange(width) * n // width)]
        self.bars = np.broadcast_to(bars[None], (height, width, 3)).copy()
        self.roll = float(rng.uniform(0, height))
        self.speed = float(rng.uniform(8, 30)) * self.scale
        self.snow = float(rng.uniform(0.35, 0.7))
        self.rows = np.arange(height, dtype=np.float32)

    def frame(self) -> np.ndarray:
        self.roll = (self.roll + self.speed) % self.h
        tear = self.rng.integers(-12, 13) * np.sin(self.rows / 7 + self.rng.uniform(0, 6))
        shift = int(tear.mean()) if self.rng.random() < 0.5 else 0
        picture = np.roll(self.bars, shift, axis=1)
        dist = np.minimum(np.abs(self.rows - self.roll), self.h - np.abs(self.rows - self.roll))
        dark = (1 - 0.6 * np.exp(-(dist / (0.08 * self.h)) ** 2))[:, None, None]
        half = self.rng.random(((self.h + 1) // 2, (self.w + 1) // 2), dtype=np.float32)
        snow = _double(half, self.h, self.w)[..., None] * 255
        return (picture * (1 - self.snow) + snow * self.snow) * dark


class _Blobs(_Still):
    """A square full of people seen from above: soft round blobs drifting every which way."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        n = int(rng.integers(60, 160))
        self.pos = rng.uniform(0, 1, (n, 2)) * (height - 80, width - 80)
        self.vel = rng.normal(0, 5 * self.scale, (n, 2))
        self.colour = rng.uniform(20, 240, (n, 3)).astype(np.float32)
        self.radius = rng.integers(10, 36, n)
        self.discs: dict[int, np.ndarray] = {}
        for r in set(int(x) for x in self.radius):
            yy, xx = np.mgrid[-r:r, -r:r]
            self.discs[r] = np.clip(1.5 - np.sqrt(yy * yy + xx * xx) / r * 1.5, 0, 1)[..., None]

    def frame(self) -> np.ndarray:
        out = self.canvas * 0.9
        self.vel = 0.9 * self.vel + self.rng.normal(0, 1.2 * self.scale, self.vel.shape)
        self.pos = (self.pos + self.vel) % (self.h - 80, self.w - 80)
        for (y, x), colour, r in zip(self.pos, self.colour, self.radius, strict=True):
            disc = self.discs[int(r)]
            y0, x0 = int(y), int(x)
            patch = out[y0:y0 + 2 * r, x0:x0 + 2 * r]
            patch += (colour - patch) * disc[:patch.shape[0], :patch.shape[1]]
        return out


class _Bursts(_Source):
    """Fireworks as rings: each burst an expanding circle of sparks leaving smoke behind."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.sky = np.zeros((height, width, 3), np.float32) + rng.uniform(0, 30, 3).astype(
            np.float32)
        self.glow = np.zeros((height, width, 3), np.float32)
        self.bursts: list[list[float]] = []  # y, x, radius, speed, r, g, b, age
        self.rate = float(rng.uniform(0.15, 0.5))
        for _ in range(3):
            self._burst(float(rng.uniform(0, 20)))

    def _burst(self, age: float = 0.0) -> None:
        speed = float(self.rng.uniform(5, 16)) * self.scale
        self.bursts.append([float(self.rng.uniform(0.1, 0.8)) * self.h,
                            float(self.rng.uniform(0.1, 0.9)) * self.w, speed * age, speed,
                            *self.rng.uniform(100, 255, 3), age])

    def frame(self) -> np.ndarray:
        if self.rng.random() < self.rate:
            self._burst()
        self.glow *= 0.75
        for b in self.bursts:
            b[2] += b[3]
            b[3] *= 0.95
            b[7] += 1
            n = 90
            angle = self.rng.uniform(0, 2 * np.pi, n)
            r = b[2] * self.rng.uniform(0.85, 1.05, n)
            ys = (b[0] + r * np.sin(angle) + 0.15 * b[7] ** 2 * self.scale).astype(np.int32)
            xs = (b[1] + r * np.cos(angle)).astype(np.int32)
            keep = (ys >= 0) & (ys < self.h - 4) & (xs >= 0) & (xs < self.w - 4)
            fade = max(0.0, 1 - b[7] / 40)
            for dy in range(4):
                for dx in range(4):
                    self.glow[ys[keep] + dy, xs[keep] + dx] = np.array(b[4:7], np.float32) * fade
        self.bursts = [b for b in self.bursts if b[7] < 40]
        return self.sky + self.glow


class _StreetRain(_Still):
    """Heavy rain in long slanted streaks over a street at night, splashes on the ground."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas = self.canvas * np.float32(rng.uniform(0.35, 0.6))
        self.slant = float(rng.uniform(-0.5, 0.5))
        self.length = max(6, int(rng.uniform(0.05, 0.12) * height))
        self.count = int(width * height // int(rng.integers(1500, 4000)))

    def frame(self) -> np.ndarray:
        out = self.canvas.copy()
        wind = self.slant + self.rng.normal(0, 0.05)
        ys = self.rng.integers(0, self.h - self.length, self.count)
        xs = self.rng.integers(self.length, self.w - self.length, self.count)
        for k in range(0, self.length, 2):
            yk, xk = ys + k, xs + int(k * wind)
            out[yk, xk] = out[yk, xk] * 0.4 + 140
        splash = self.rng.integers(0, self.w - 6, self.count // 4)
        ground = self.rng.integers(int(self.h * 0.75), self.h - 3, self.count // 4)
        for d in range(5):
            out[ground, splash + d] = 190
        return out


class _Smoke(_Still):
    """Smoke or fog drifting over a location, thick in places, always moving."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.low = rng.normal(0, 1, (3, 12, 8)).astype(np.float32)
        self.ry = self._interpolation((height + 1) // 2, 12)
        self.rx = self._interpolation((width + 1) // 2, 8)
        self.tint = rng.uniform(150, 240, 3).astype(np.float32)
        self.thick = float(rng.uniform(0.4, 0.8))
        self.t = 0.0

    @staticmethod
    def _interpolation(n: int, m: int) -> np.ndarray:
        pos = np.linspace(0, m - 1, n)
        out = np.maximum(0, 1 - np.abs(pos[:, None] - np.arange(m)[None, :]))
        return out.astype(np.float32)

    def frame(self) -> np.ndarray:
        self.t += 1
        self.low = 0.93 * self.low + 0.37 * self.rng.normal(0, 1, self.low.shape).astype(
            np.float32)
        self.low[0] = np.roll(self.low[0], 1, axis=1) if self.t % 4 == 0 else self.low[0]
        field = sum(self.ry @ layer @ self.rx.T * w for layer, w in zip(self.low, (0.6, 0.3, 0.2),
                                                                        strict=True))
        density = np.clip(0.5 + 0.35 * field, 0, 1) * self.thick
        d = _double(density.astype(np.float32), self.h, self.w)[..., None]
        return self.canvas * (1 - d) + self.tint * d


def _vertical_gradient(rng: np.random.Generator, height: int, width: int,
                       top: tuple[float, float], bottom: tuple[float, float]) -> np.ndarray:
    """A writable (height, width, 3) picture fading from a random colour in ``top`` (each
    channel) at the top to one in ``bottom`` at the bottom: water, sky."""
    first = rng.uniform(*top, 3).astype(np.float32)
    last = rng.uniform(*bottom, 3).astype(np.float32)
    ramp = np.linspace(0, 1, height, dtype=np.float32)[:, None, None]
    return np.broadcast_to(first + (last - first) * ramp, (height, width, 3)).copy()


class _FishTank(_Source):
    """An aquarium: fish darting and turning, bubbles rising, plants swaying."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.water = _vertical_gradient(rng, height, width, (40, 120), (5, 50))
        gravel = rng.uniform(60, 160, (height // 40 + 1, width // 8 + 1, 3)).astype(np.float32)
        floor = int(0.85 * height)
        self.water[floor:] = np.repeat(np.repeat(gravel, 8, 1), 8, 0)[:height - floor, :width]
        n = int(rng.integers(8, 25))
        self.fish = np.column_stack([rng.uniform(0.1, 0.8, n) * height,
                                     rng.uniform(0.1, 0.9, n) * width,
                                     rng.normal(0, 8, n) * self.scale,
                                     rng.integers(20, 70, n) * self.scale])
        self.colour = rng.uniform(80, 255, (n, 3)).astype(np.float32)
        self.bubbles = rng.uniform(0, 1, (60, 2)) * (height, width)
        self.plants = rng.uniform(0.05, 0.95, 6) * width
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.water.copy()
        for k, x in enumerate(self.plants):
            sway = int(12 * self.scale * np.sin(0.2 * self.t + k))
            x0 = int(x) + sway
            out[int(0.45 * self.h):int(0.85 * self.h), max(0, x0):max(0, x0 + 6)] = (20, 110, 40)
        f = self.fish
        turn = self.rng.random(len(f)) < 0.05
        f[turn, 2] *= -1
        f[:, 2] += self.rng.normal(0, 1.5, len(f)) * self.scale
        f[:, 1] = (f[:, 1] + f[:, 2]) % (self.w - 80)
        f[:, 0] = np.clip(f[:, 0] + self.rng.normal(0, 3, len(f)), 0, 0.8 * self.h)
        for (y, x, _v, size), colour in zip(f, self.colour, strict=True):
            hgt = max(3, int(size * 0.45))
            out[int(y):int(y) + hgt, int(x):int(x) + int(size)] = colour
        self.bubbles[:, 0] -= self.rng.uniform(4, 12, len(self.bubbles)) * self.scale
        self.bubbles[:, 1] += self.rng.normal(0, 2, len(self.bubbles))
        self.bubbles %= (self.h - 6, self.w - 6)
        ys, xs = self.bubbles[:, 0].astype(np.int32), self.bubbles[:, 1].astype(np.int32)
        for d in range(4):
            out[ys + d, xs] = 230
            out[ys, xs + d] = 230
        return out


_SOURCES.update({
    "wall": _Wall, "tvbars": _TvBars, "blobs": _Blobs, "bursts": _Bursts,
    "street_rain": _StreetRain, "smoke": _Smoke, "fishtank": _FishTank,
})


# --- rendering --------------------------------------------------------------------------------


def _hue_matrix(degrees: float) -> np.ndarray:
    """Rotation of RGB about the grey axis: hue turns, brightness stays about the same."""
    a = np.radians(degrees)
    c, s = np.cos(a), np.sin(a)
    k = 1 / 3
    r = np.sqrt(k)
    return np.array([
        [c + (1 - c) * k, k * (1 - c) - r * s, k * (1 - c) + r * s],
        [k * (1 - c) + r * s, c + k * (1 - c), k * (1 - c) - r * s],
        [k * (1 - c) - r * s, k * (1 - c) + r * s, c + k * (1 - c)],
    ], np.float32).T


class BusyRenderer:
    def __init__(self, plan: BusyPlan) -> None:
        self.plan = plan
        self.rng = np.random.default_rng(plan.seed + 1)
        self._sources: dict[int, _Source] = {}
        self.grain = self.rng.normal(0, 1, (5, plan.height, plan.width, 1)).astype(np.float32)

    def _source(self, scene: int) -> _Source:
        if scene not in self._sources:
            name, palette = self.plan.scenes[scene]
            rng = np.random.default_rng(self.plan.seed * 100 + scene)
            self._sources[scene] = _SOURCES[name](rng, self.plan.height, self.plan.width, palette)
        return self._sources[scene]

    def shot_frames(self, shot: BusyShot) -> Iterator[np.ndarray]:
        h, w = self.plan.height, self.plan.width
        source = self._source(shot.scene)
        cam = shot.camera
        cy, cx = cam.centre[1], cam.centre[0]
        jitter_y = jitter_x = 0.0
        offset = getattr(shot, "offset", None)  # set F: a whip pan moves the crop sideways
        touch = getattr(shot, "touch", None)  # set F: motion blur, rack focus, flicker
        for i in range(shot.frames):
            zoom = max(1.0, cam.zoom * (1 + cam.zoom_rate) ** i)
            if cam.shake:
                jitter_y = 0.6 * jitter_y + self.rng.normal(0, cam.shake)
                jitter_x = 0.6 * jitter_x + self.rng.normal(0, cam.shake)
            half_h, half_w = 0.5 / zoom, 0.5 / zoom
            y = _bounce(cy + cam.pan[1] * i + jitter_y, half_h)
            x = _bounce(cx + cam.pan[0] * i + jitter_x + (offset(i) if offset else 0.0), half_w)
            picture = source.frame()
            if cam.turn:
                picture = np.rot90(picture, cam.turn)
            sh, sw = picture.shape[:2]
            ys = np.clip(((y - half_h) + np.arange(h) / (h * zoom)) * sh, 0, sh - 1)
            xs = np.clip(((x - half_w) + np.arange(w) / (w * zoom)) * sw, 0, sw - 1)
            ys, xs = ys.astype(np.int32), xs.astype(np.int32)
            if cam.mirror:
                xs = xs[::-1]
            frame = picture[ys[:, None], xs[None, :]]
            if touch is not None:
                frame = touch(frame, i)
            progress = i / max(1, shot.frames - 1)
            hue = shot.hue[0] + (shot.hue[1] - shot.hue[0]) * progress
            if hue % 360:
                frame = frame @ _hue_matrix(hue)
            light = shot.light[0] + (shot.light[1] - shot.light[0]) * progress
            if light != 1.0:
                frame = frame * np.float32(light)
            if shot.grain:
                frame = frame + self.grain[int(self.rng.integers(0, len(self.grain)))] * shot.grain
            if i == shot.lightning_at:
                frame = frame * 0.2 + 215
            yield frame

    def frames(self) -> Iterator[np.ndarray]:
        return sequence_shots(self.plan.shots, self.shot_frames, self.plan.height,
                              self.plan.width)


def box_blur(frame: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """A box blur of ``radius`` pixels along ``axis`` (a running sum, edges repeated): motion
    blur and defocus for the sets that draw them."""
    if radius < 1:
        return frame
    pad = [(0, 0)] * frame.ndim
    pad[axis] = (radius + 1, radius)
    total = np.cumsum(np.pad(frame, pad, mode="edge"), axis=axis, dtype=np.float32)
    n = frame.shape[axis]
    high = np.take(total, np.arange(2 * radius + 1, 2 * radius + 1 + n), axis=axis)
    low = np.take(total, np.arange(n), axis=axis)
    return (high - low) / np.float32(2 * radius + 1)


def _bounce(centre: float, half: float) -> float:
    """Keep a moving crop inside the source, turning back at the edges."""
    low, high = half, 1 - half
    if high <= low:
        return 0.5
    span = high - low
    phase = (centre - low) % (2 * span)
    return low + (phase if phase <= span else 2 * span - phase)


# --- family E (held back from 2026-11-30): large objects moving, entering and leaving ----------
# Generators and a planner of their own; no threshold was ever chosen on them. Objects cross
# the picture and leave it (no wrapping), speeds stay within what the thing does in life.


class _Flock(_Source):
    """A sky with a flock of birds crossing it, and now and then one large bird close by."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.sky = _vertical_gradient(rng, height, width, (90, 220), (150, 250))
        ridge = (0.75 + 0.08 * np.sin(np.arange(width) / (40 * self.scale) + rng.uniform(0, 6)))
        rows = np.arange(height)[:, None]
        self.sky[rows > ridge[None, :] * height] = rng.uniform(20, 70, 3).astype(np.float32)
        n = int(rng.integers(40, 140))
        self.centre = np.array([rng.uniform(0.15, 0.6) * height,
                                -0.3 * width if rng.random() < 0.5 else 1.3 * width])
        direction = 1.0 if self.centre[1] < 0 else -1.0
        self.velocity = np.array([rng.normal(0, 1.5), direction * rng.uniform(6, 18)]) * self.scale
        self.offsets = rng.normal(0, 1, (n, 2)) * (rng.uniform(40, 120), rng.uniform(80, 260)) \
            * self.scale
        self.size = rng.integers(4, 12, n) * self.scale
        self.big: list[float] | None = None  # y, x, vy, vx, size
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.sky.copy()
        self.centre += self.velocity
        if not -0.6 * self.w < self.centre[1] < 1.6 * self.w:  # gone: the next flock arrives
            self.centre[1] = -0.4 * self.w if self.velocity[1] > 0 else 1.4 * self.w
            self.centre[0] = self.rng.uniform(0.15, 0.6) * self.h
        flap = np.sin(0.6 * self.t + np.arange(len(self.offsets)))
        self.offsets += self.rng.normal(0, 0.8, self.offsets.shape) * self.scale
        for (dy, dx), size, f in zip(self.offsets, self.size, flap, strict=True):
            y, x = int(self.centre[0] + dy), int(self.centre[1] + dx)
            s = int(size)
            wing = max(1, int(s * (0.3 + 0.3 * f)))
            if 0 <= y < self.h - s and 0 <= x < self.w - 2 * s:
                out[y:y + max(1, s // 3), x:x + 2 * s] = 25
                out[max(0, y - wing):y, x + s // 2:x + s + s // 2] = 35
        if self.big is None and self.rng.random() < 0.02:
            side = float(self.rng.choice([-1.0, 1.0]))
            self.big = [float(self.rng.uniform(0.1, 0.6)) * self.h,
                        -200 * self.scale if side > 0 else self.w + 200 * self.scale,
                        float(self.rng.normal(0, 3)), side * float(self.rng.uniform(25, 50)),
                        float(self.rng.uniform(90, 200)) * self.scale]
        if self.big is not None:
            by, bx, vy, vx, size = self.big
            self.big[0], self.big[1] = by + vy, bx + vx
            span = int(size) * (1 + int(self.t % 6 < 3))
            y0, x0 = max(0, int(by)), max(0, int(bx))
            out[y0:max(y0, int(by + size * 0.35)), x0:max(x0, int(bx + span))] = 30
            if not -300 * self.scale < bx < self.w + 300 * self.scale:
                self.big = None
        return out


class _Traffic(_Still):
    """A crossing seen from a corner: cars and buses drive in, across and out of the picture."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.road = (int(rng.uniform(0.35, 0.5) * height), int(rng.uniform(0.6, 0.75) * height))
        self.canvas[self.road[0]:self.road[1]] = rng.uniform(50, 90)
        stripe = self.canvas[(self.road[0] + self.road[1]) // 2:(self.road[0] + self.road[1]) // 2
                             + max(2, int(6 * self.scale))]
        stripe[:, (np.arange(width) // int(40 * self.scale)) % 2 == 0] = 220
        self.cars: list[list[float]] = []  # y, x, speed, length, height, r, g, b
        self.rate = float(rng.uniform(0.04, 0.12))

    def frame(self) -> np.ndarray:
        if self.rng.random() < self.rate:
            lane = int(self.rng.integers(0, 2))
            speed = float(self.rng.uniform(8, 30)) * self.scale * (1 if lane else -1)
            length = float(self.rng.uniform(160, 480)) * self.scale
            tall = float(self.rng.uniform(70, 160)) * self.scale
            lane_y = self.road[0] + (self.road[1] - self.road[0]) * (0.55 if lane else 0.05)
            self.cars.append([lane_y - 0.4 * tall, -length if lane else float(self.w), speed,
                              length, tall, *self.rng.uniform(20, 240, 3)])
        out = self.canvas.copy()
        for car in self.cars:
            car[1] += car[2]
            y, x, _s, length, tall = (int(v) for v in car[:5])
            y0, x0 = max(0, y), max(0, x)
            out[y0:max(y0, y + tall), x0:max(x0, x + length)] = car[5:8]
            wy = y + tall // 5
            out[max(0, wy):max(0, wy + tall // 4), x0 + 10:max(x0 + 10, x + length - 10)] = 40
        self.cars = [c for c in self.cars if -c[3] - 10 <= c[1] <= self.w + 10]
        return out


class _Waves(_Source):
    """Waves rolling in and breaking on a beach: bands of blue, foam sweeping up the sand."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.sea = rng.uniform(20, 90, 3).astype(np.float32) * np.array((0.5, 0.9, 1.4),
                                                                       np.float32)
        self.sand = rng.uniform(150, 220, 3).astype(np.float32)
        self.period = float(rng.uniform(40, 90))
        self.wave_length = float(rng.uniform(0.12, 0.25)) * height
        self.rows = np.arange((height + 1) // 2, dtype=np.float32)[:, None] * 2
        self.cols = np.arange((width + 1) // 2, dtype=np.float32)[None, :] * 2
        self.phase = float(rng.uniform(0, 100))
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        reach = self.h * (0.6 + 0.15 * np.sin(2 * np.pi * self.t / self.period + self.phase))
        edge = reach + 20 * self.scale * np.sin(self.cols / (60 * self.scale) + 0.1 * self.t)
        crest = np.sin(2 * np.pi * (self.rows - 4.0 * self.scale * self.t) / self.wave_length
                       + 0.4 * np.sin(self.cols / (90 * self.scale)))
        foam = (crest > 0.85) | ((self.rows > edge - 25 * self.scale) & (self.rows < edge))
        speck = self.rng.random(foam.shape, dtype=np.float32) < 0.5
        water = self.sea * (1 + 0.25 * crest[..., None])
        picture = np.where((self.rows < edge)[..., None], water, self.sand)
        picture = np.where((foam & speck)[..., None], np.float32(235), picture)
        return _double(picture.astype(np.float32), self.h, self.w)


class _Waterfall(_Still):
    """A waterfall down a rock face: streaks pouring down, spray at the foot."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.left = int(rng.uniform(0.15, 0.45) * width)
        self.right = min(width, self.left + int(rng.uniform(0.25, 0.5) * width))
        band = self.right - self.left
        self.streaks = rng.uniform(0.5, 1.0, (height * 2, (band + 3) // 4)).astype(np.float32)
        self.speed = int(rng.uniform(18, 45) * self.scale)
        self.offset = 0

    def frame(self) -> np.ndarray:
        self.offset = (self.offset + self.speed + int(self.rng.integers(-3, 4))) % self.h
        out = self.canvas.copy()
        column = self.streaks[self.h - self.offset:2 * self.h - self.offset]
        water = np.repeat(column, 4, axis=1)[:, :self.right - self.left, None] * 235
        out[:, self.left:self.right] = 0.15 * out[:, self.left:self.right] + 0.85 * water
        foot = int(0.8 * self.h)
        spray = self.rng.random((self.h - foot, self.w), dtype=np.float32)[..., None]
        out[foot:] = np.where(spray > 0.6, np.float32(230), out[foot:])
        return out


class _Flags(_Source):
    """A row of flags snapping in a gusty wind; the gusts come and go."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.back = make_canvas(rng, height, width, palette).astype(np.float32) * 0.8
        n = int(rng.integers(2, 5))
        self.flags = []
        for k in range(n):
            top = int(rng.uniform(0.05, 0.5) * height)
            fh = int(rng.uniform(0.15, 0.3) * height)
            left = int((k + rng.uniform(0, 0.3)) * width / n)
            fw = int(rng.uniform(0.6, 0.95) * width / n)
            stripes = rng.uniform(20, 250, (int(rng.integers(2, 5)), 3)).astype(np.float32)
            self.flags.append((top, fh, left, fw, stripes))
        self.t = 0.0
        self.gust = 1.0

    def frame(self) -> np.ndarray:
        self.gust = float(np.clip(self.gust + self.rng.normal(0, 0.15), 0.3, 2.0))
        self.t += 0.3 * self.gust
        out = self.back.copy()
        for top, fh, left, fw, stripes in self.flags:
            xs = np.arange(fw, dtype=np.float32)
            wave = np.sin(xs / (25 * self.scale) - 3 * self.t) * xs / fw * 30 * self.scale \
                * self.gust
            ys = np.arange(fh)
            for j in range(0, fw, 2):
                y0 = top + int(wave[j])
                band = stripes[(ys * len(stripes)) // fh]
                shade = 0.75 + 0.25 * np.cos(j / (25 * self.scale) - 3 * self.t)
                lo, hi = max(0, y0), min(self.h, y0 + fh)
                if hi > lo and left + j + 2 <= self.w:
                    out[lo:hi, left + j:left + j + 2] = band[lo - y0:hi - y0, None] * shade
            out[max(0, top - 10):top + fh + 200, max(0, left - 6):left] = 60  # the pole
        return out


class _Umbrellas(_Still):
    """A crowd with umbrellas in the rain, walking across: big discs drifting in and out."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas *= np.float32(0.6)
        self.direction = float(rng.choice([-1.0, 1.0]))
        self.items: list[list[float]] = []  # y, x, vy, vx, radius, r, g, b
        for _ in range(int(rng.integers(6, 18))):
            self._add(float(rng.uniform(0, width)))
        self.masks: dict[int, np.ndarray] = {}

    def _add(self, x: float | None = None) -> None:
        radius = float(self.rng.uniform(50, 140)) * self.scale
        start = x if x is not None else (-radius if self.direction > 0 else self.w + radius)
        self.items.append([float(self.rng.uniform(0.05, 0.9)) * self.h, start,
                           float(self.rng.normal(0, 1.0)),
                           self.direction * float(self.rng.uniform(2, 9)) * self.scale, radius,
                           *self.rng.uniform(20, 240, 3)])

    def frame(self) -> np.ndarray:
        if self.rng.random() < 0.12:
            self._add()
        out = self.canvas.copy()
        for it in self.items:
            it[0] += it[2]
            it[1] += it[3] + self.rng.normal(0, 0.7)
            r = int(it[4])
            if r not in self.masks:
                yy, xx = np.mgrid[-r:r, -r:r]
                self.masks[r] = ((yy * yy + xx * xx) < r * r)[..., None]
            y0, x0 = int(it[0]) - r, int(it[1]) - r
            ya, xa = max(0, y0), max(0, x0)
            yb, xb = min(self.h, y0 + 2 * r), min(self.w, x0 + 2 * r)
            if yb > ya and xb > xa:
                mask = self.masks[r][ya - y0:yb - y0, xa - x0:xb - x0]
                patch = out[ya:yb, xa:xb]
                patch[:] = np.where(mask, np.array(it[5:8], np.float32), patch)
        self.items = [it for it in self.items if -it[4] - 5 <= it[1] <= self.w + it[4] + 5]
        return out


class _Ticker(_Still):
    """A shop front with a scrolling LED ticker and a big LED panel of moving bars."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.top = int(rng.uniform(0.1, 0.5) * height)
        self.band = int(rng.uniform(0.08, 0.16) * height)
        dot = max(3, int(10 * self.scale))
        self.dot = dot
        glyphs = rng.random((7, width // dot * 3)) < 0.45
        glyphs[:, rng.random(glyphs.shape[1]) < 0.2] = False  # gaps between characters
        self.glyphs = glyphs
        self.colour = rng.uniform(150, 255, 3).astype(np.float32)
        self.speed = int(rng.integers(1, 4))
        self.offset = 0

    def frame(self) -> np.ndarray:
        self.offset = (self.offset + self.speed) % self.glyphs.shape[1]
        out = self.canvas.copy()
        cols = self.w // self.dot
        lit = np.roll(self.glyphs, -self.offset, axis=1)[:, :cols]
        board = np.repeat(np.repeat(lit, self.dot, 0), self.dot, 1)
        rows = min(self.band, board.shape[0])
        area = out[self.top:self.top + rows, :board.shape[1]]
        area[:] = np.where(board[:rows, :, None], self.colour, np.float32(15))
        return out


class _Dancers(_Still):
    """Dancers on a stage: tall figures in bright costumes sway, spin and cross the stage."""

    def __init__(self, rng: np.random.Generator, height: int, width: int, palette: int) -> None:
        super().__init__(rng, height, width, palette)
        self.canvas *= np.float32(0.45)
        n = int(rng.integers(3, 9))
        self.x = rng.uniform(0, width, n)
        self.vx = rng.normal(0, 6, n) * self.scale
        self.y = rng.uniform(0.3, 0.6, n) * height
        self.size = rng.uniform(0.2, 0.45, n) * height
        self.colour = rng.uniform(60, 255, (n, 3)).astype(np.float32)
        self.t = 0

    def frame(self) -> np.ndarray:
        self.t += 1
        out = self.canvas.copy()
        self.vx = np.clip(self.vx + self.rng.normal(0, 1.5, len(self.vx)) * self.scale,
                          -14 * self.scale, 14 * self.scale)
        self.x += self.vx
        # Dancers leave at one side and come back in at the same side later (no wrapping).
        out_left, out_right = self.x < -0.3 * self.w, self.x > 1.3 * self.w
        self.vx[out_left] = np.abs(self.vx[out_left])
        self.vx[out_right] = -np.abs(self.vx[out_right])
        for k in range(len(self.x)):
            tall = int(self.size[k])
            wide = int(tall * (0.18 + 0.12 * abs(np.sin(0.25 * self.t + k))))  # spinning
            y0, x0 = int(self.y[k]), int(self.x[k]) - wide // 2
            ya, xa = max(0, y0), max(0, x0)
            yb, xb = min(self.h, y0 + tall), min(self.w, x0 + wide)
            if yb > ya and xb > xa:
                out[ya:yb, xa:xb] = self.colour[k]
            arm = int(tall * 0.3 * np.sin(0.4 * self.t + 2 * k))
            ay = y0 + tall // 5
            xa2, xb2 = max(0, x0 - abs(arm)), min(self.w, x0 + wide + abs(arm))
            if 0 <= ay < self.h - 8 and xb2 > xa2:
                out[ay:ay + max(4, int(8 * self.scale)), xa2:xb2] = self.colour[k] * 0.8
        return out


_SOURCES.update({
    "flock": _Flock, "traffic": _Traffic, "waves": _Waves, "waterfall": _Waterfall,
    "flags": _Flags, "umbrellas": _Umbrellas, "ticker": _Ticker, "dancers": _Dancers,
})


def _e_plan(width: int, height: int, seed: int, seconds: float) -> BusyPlan:
    """Family ``held_back_e`` (set E): large moving objects and drifting media inside shots.

    Eleven scenes (a calm location, a textured wall, nine drawn from the E sources), shots of
    5–8 frames (a quarter of them) up to ~4 s, framing changes by a crop jump, a mirror or a
    zoom jump of the same place, hue-only cuts, busy-to-busy cuts, dissolves, 闪白 and
    lightning; pans, slow zooms and hand-held shake inside shots."""
    rng = np.random.default_rng(seed)
    names = HELD_BACK_E_SOURCES
    busy_names = names[1:]
    scenes = [("still", int(rng.integers(0, 5))), ("wall", int(rng.integers(0, 5)))]
    scenes += [(str(rng.choice(busy_names)), int(rng.integers(0, 5))) for _ in range(9)]

    def length() -> int:
        roll = rng.random()
        if roll < 0.25:
            return int(rng.choice([5, 6, 7, 8]))
        return int(np.exp(rng.uniform(np.log(9), np.log(125))))

    def next_shot(previous: BusyShot | None) -> BusyShot:
        roll = rng.random()
        if previous is not None and roll < 0.1:
            shot = _hue_cut(rng, previous, length, (45, 160))
        elif previous is not None and roll < 0.28:
            old = previous.camera
            how = str(rng.choice(["crop", "mirror", "zoom"]))
            if how == "crop":
                camera = replace(old, zoom=max(old.zoom, 1.7), pan=(0.0, 0.0),
                                 centre=(float(rng.uniform(0.3, 0.7)),
                                         float(rng.uniform(0.3, 0.7))))
                if abs(camera.centre[0] - old.centre[0]) + abs(camera.centre[1]
                                                               - old.centre[1]) < 0.2:
                    camera = replace(camera, centre=(1 - camera.centre[0], 1 - camera.centre[1]))
            elif how == "mirror":
                camera = replace(old, mirror=not old.mirror, pan=(0.0, 0.0))
            else:
                factor = float(rng.uniform(1.5, 2.4))
                zoom = old.zoom * factor if old.zoom < 1.6 else old.zoom / factor
                camera = replace(old, zoom=max(1.05, zoom), pan=(0.0, 0.0), zoom_rate=0.0)
            shot = _reframed(previous, camera, length())
        else:
            scene = _other_scene(rng, previous, len(scenes))
            motion = str(rng.choice(["static", "static", "pan", "zoom", "shake"]))
            camera = Camera(
                zoom=float(rng.uniform(1.15, 1.8)),
                centre=(float(rng.uniform(0.3, 0.7)), float(rng.uniform(0.3, 0.7))),
                pan=((float(rng.uniform(-0.012, 0.012)), float(rng.uniform(-0.006, 0.006)))
                     if motion == "pan" else (0.0, 0.0)),
                zoom_rate=float(rng.uniform(-0.015, 0.02)) if motion == "zoom" else 0.0,
                shake=float(rng.uniform(0.004, 0.02)) if motion == "shake" else 0.0,
                mirror=bool(rng.random() < 0.2))
            frames = length()
            light, hue, grain = grade(rng, frames, light=(0.3, (0.8, 1.2), (0.45, 1.7)),
                                      hue=((-20, 50), 0.25, 80),
                                      grains=(0.0, 0.0, 0.0, 5.0, 10.0, 16.0))
            shot = _entered(rng, previous, BusyShot(frames=frames, scene=scene, camera=camera,
                                                    grain=grain, light=light, hue=hue),
                            dissolve=(6, 22), lightning=0.1)
        return shot

    return BusyPlan(width, height, seed, "held_back_e", tuple(scenes), _lay_out(seconds, next_shot))
