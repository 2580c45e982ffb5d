"""The moving, textured "scenes" shots are made of, as ffmpeg filter chains.

Every look renders at half size (cheaper, and softer like a real lens) and is scaled up later.
Consecutive shots take looks that differ strongly in brightness and colour, so each hard cut
is a real change of picture, as in a drama, and a cut detector can be held to the truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

LOW_W = 360
LOW_H = 640
TAG = "@"  # stands for the shot's own prefix in labels internal to a look


class Figure(StrEnum):
    """Dark silhouettes standing in for the actors."""

    GRANDMA = "grandma"  # with a hair bun
    YOUNG = "young"


@dataclass(frozen=True)
class Look:
    """One shot's picture: a filter chain that reads the named figure streams, if any."""

    chain: str  # ends with a low-resolution picture, no output label; TAG marks private labels
    figures: tuple[Figure, ...] = ()


def figure_source(figure: Figure) -> str:
    """A single RGBA frame of a figure, head and shoulders; overlay repeats it for the whole shot.

    Drawn at twice the size and scaled down, which smooths the edges.
    """
    shape = (
        "lte(pow((X-160)/62,2)+pow((Y-150)/76,2),1)"  # head
        "+lt(abs(X-160),28)*between(Y,200,280)"  # neck
        "+gte(Y,255)*lte(abs(X-160),38+100*sqrt(min((Y-255)/75,1)))"  # rounded shoulders
    )
    if figure is Figure.GRANDMA:
        shape += "+lte(hypot(X-160,Y-68),40)"  # hair bun
    else:
        shape += "+lt(abs(X-160),70)*between(Y,120,220)+lte(hypot((X-160)/70,(Y-130)/80),1)"
    return (
        "color=c=black@0:s=320x840:r=25:d=0.04,format=rgba,"
        f"geq=r=22:g=17:b=15:a='235*gt({shape},0)',scale=160:420:flags=area"
    )


def _hex(rng: random.Random, lo: tuple[int, int, int], hi: tuple[int, int, int]) -> str:
    return "0x" + "".join(f"{rng.randint(a, b):02X}" for a, b in zip(lo, hi, strict=True))


def _lamp(rng: random.Random) -> Look:
    """A warm room lit by a lamp, two people in the foreground."""
    colours = [
        _hex(rng, (40, 18, 6), (70, 34, 14)),
        _hex(rng, (190, 120, 60), (230, 160, 90)),
        _hex(rng, (240, 210, 150), (255, 235, 190)),
        _hex(rng, (80, 50, 30), (110, 70, 40)),
    ]
    grad = _gradients(colours, rng, kind="radial", size="420x740")
    drift = "crop=360:640:x='30+30*sin(t/4)':y='50+40*cos(t/5)'"
    return Look(f"{grad},{drift}", (Figure.GRANDMA, Figure.YOUNG))


def _night(rng: random.Random) -> Look:
    """City lights out of focus at night, twinkling slowly."""
    colours = [_hex(rng, (8, 12, 35), (20, 28, 60)), _hex(rng, (30, 40, 90), (50, 60, 120))]
    sky = _gradients(colours, rng, kind="linear", size=f"{LOW_W}x{LOW_H}") + ",format=gbrp"
    lamp = rng.choice(("0xFFD27A", "0xFFB35C", "0xE8F0FF"))
    lights = (
        f"life=s=60x107:r=25:seed={rng.randint(1, 10_000)}:ratio=0.12:mold=40:"
        f"life_color={lamp}:mold_color=0x402810,"
        f"scale={LOW_W}:{LOW_H}:flags=bicubic,gblur=sigma=5,tmix=frames=8,format=gbrp"
    )
    screen = f"{sky}[{TAG}k];{lights}[{TAG}x];[{TAG}k][{TAG}x]blend=all_mode=screen"
    return Look(screen, (Figure.YOUNG,))


def _garden(rng: random.Random) -> Look:
    """Sunlight through leaves over a vegetable garden."""
    colours = [
        _hex(rng, (30, 70, 20), (50, 100, 35)),
        _hex(rng, (140, 190, 80), (170, 215, 110)),
        _hex(rng, (190, 215, 110), (215, 235, 140)),
    ]
    grad = _gradients(colours, rng, kind="linear", size=f"{LOW_W}x{LOW_H}") + ",format=gbrp"
    seed = rng.randint(1, 10_000)
    # One generation of "life" as a still leaf pattern, drifting: smooth motion costs few bits.
    leaves = (
        f"life=s=100x180:r=25:seed={seed}:ratio=0.35:"
        "life_color=white:death_color=0x606060,trim=end_frame=1,loop=loop=-1:size=1,"
        "scale=400:720:flags=bicubic,gblur=sigma=7,"
        "crop=360:640:x='20+20*sin(t/2)':y='40+30*sin(t/3)',format=gbrp"
    )
    blend = f"{grad}[{TAG}g];{leaves}[{TAG}l];[{TAG}g][{TAG}l]blend=all_mode=softlight"
    return Look(blend, (Figure.GRANDMA,))


def _cloth(rng: random.Random) -> Look:
    """Close-up of a red patterned tablecloth, drifting slowly."""
    seed = rng.randint(1, 10_000)
    rule = rng.choice((30, 90, 150))
    red = rng.randint(70, 110)
    return Look(
        f"cellauto=s=72x140:r=25:seed={seed}:rule={rule}:full=1,"
        "trim=end_frame=1,loop=loop=-1:size=1,"
        "scale=430:840:flags=neighbor,gblur=sigma=4,"
        "crop=360:640:x='35+30*sin(t/3)':y='100+90*sin(t/5)',format=rgb24,"
        f"lutrgb=r='{red}+val*0.55':g='15+val*0.5':b='20+val*0.35'"
    )


def _window(rng: random.Random) -> Look:
    """Dusk sky through a window frame, someone looking out."""
    colours = [
        _hex(rng, (240, 140, 60), (255, 175, 90)),
        _hex(rng, (150, 70, 120), (190, 100, 150)),
        _hex(rng, (40, 30, 90), (70, 50, 120)),
    ]
    grad = _gradients(colours, rng, kind="linear", size=f"{LOW_W}x{LOW_H}")
    bars = (
        "drawbox=x=0:y=0:w=iw:h=ih:t=26:c=0x2A1E18,"
        "drawbox=x=iw/2-9:y=0:w=18:h=ih:t=fill:c=0x2A1E18,"
        "drawbox=x=0:y=ih*0.42:w=iw:h=18:t=fill:c=0x2A1E18"
    )
    return Look(f"{grad},{bars}", (Figure.GRANDMA,))


def _dream(rng: random.Random) -> Look:
    """A remembered moment: a slow fractal zoom in sepia."""
    hue = rng.randint(0, 359)
    x = rng.choice((-0.743643887037151, -0.7453, -0.16))
    y = rng.choice((0.131825904205330, 0.1127, 1.0405))
    return Look(
        f"mandelbrot=s={LOW_W}x{LOW_H}:r=25:start_x={x}:start_y={y}:"
        "start_scale=0.6:end_scale=0.05:end_pts=600,"
        f"hue=h={hue}:s=0.55,gblur=sigma=2.5,format=rgb24,"
        # Sepia, as a remembered scene is often shown in micro-dramas.
        "colorchannelmixer=.393:.769:.189:0:.349:.686:.168:0:.272:.534:.131"
    )


def _gradients(colours: list[str], rng: random.Random, *, kind: str, size: str) -> str:
    named = ":".join(f"c{i}={c}" for i, c in enumerate(colours))
    speed = rng.choice((0.01, 0.015, 0.02))
    return (
        f"gradients=s={size}:r=25:{named}:n={len(colours)}:"
        f"seed={rng.randint(1, 10_000)}:speed={speed}:type={kind}"
    )


# Ordered so that neighbours differ: warm/dark, bright/green, red, orange+violet, colourful.
LOOK_CYCLE: tuple[Callable[[random.Random], Look], ...] = (
    _lamp,
    _night,
    _garden,
    _cloth,
    _window,
    _dream,
)


def look_for_shot(index: int, rng: random.Random) -> Look:
    """The look of the ``index``-th scene shot of an episode."""
    return LOOK_CYCLE[index % len(LOOK_CYCLE)](rng)
