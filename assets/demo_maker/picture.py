"""The episode picture as one ffmpeg filter graph: title card, shots, flash, burned-in lines."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from demo_maker.looks import TAG, Figure, figure_source, look_for_shot
from demo_maker.shots import Shot, ShotKind
from demo_maker.speech import Cue
from demo_maker.story import FPS, HEIGHT, SERIES_TITLE, WIDTH, EpisodeScript
from demo_maker.tools import FONT_BOLD, FONT_REGULAR, filter_path

# Title card text, centred; everything outside TITLE_TEXT_REGION is the flat title colour.
TITLE_FONT_PX = 120
NUMBER_FONT_PX = 96
TITLE_TEXT_REGION = {"x": 90, "y": 440, "w": 540, "h": 380}
# Burned-in dialogue (episodes without a subtitle file): white, dark outline, lower band.
BURNED_FONT_PX = 46
BURNED_BORDER_PX = 4
BURNED_TEXT_Y = 1000
BURNED_REGION = {"x": 0, "y": 980, "w": WIDTH, "h": 100}
# Where each figure stands in the half-size frame, swaying a little.
_FIGURE_X = {Figure.GRANDMA: "20+6*sin(t*0.6)", Figure.YOUNG: "W-w-25+5*sin(t*0.5+1)"}
_FIGURE_Y = {Figure.GRANDMA: "H-h+70", Figure.YOUNG: "H-h+30"}
_SCENE_FINISH = (
    f"scale={WIDTH}:{HEIGHT}:flags=bicubic,format=rgb24,vignette=angle=PI/5,"
    "noise=alls=7:allf=u,format=rgb24"
)


@dataclass(frozen=True)
class PictureGraph:
    graph: str  # for -filter_complex; its output label is OUTPUT_LABEL
    text_files: tuple[tuple[Path, str], ...]  # files drawtext reads, to be written first


OUTPUT_LABEL = "vout"


def episode_picture(
    script: EpisodeScript, shots: Sequence[Shot], cues: Sequence[Cue], work: Path
) -> PictureGraph:
    rng = random.Random(1000 + script.number)
    chains: list[str] = []
    segment_labels: list[str] = []
    figure_uses: Counter[Figure] = Counter()
    scene_index = 0
    for index, shot in enumerate(shots):
        label = f"seg{index}"
        if shot.kind is ShotKind.TITLE:
            chains.append(_title_card(script, shot.frames) + f"[{label}]")
        elif shot.kind is ShotKind.FLASH:
            chains.append(_flat("white", shot.frames) + f"[{label}]")
        else:
            look = look_for_shot(scene_index, rng)
            scene_index += 1
            chain = look.chain.replace(TAG, f"s{index}")
            for figure in look.figures:
                figure_uses[figure] += 1
                use = f"{figure.value}{figure_uses[figure]}"
                chain += (
                    f"[s{index}base{figure.value}];[s{index}base{figure.value}][{use}]"
                    f"overlay=x='{_FIGURE_X[figure]}':y='{_FIGURE_Y[figure]}'"
                )
            chains.append(
                f"{chain},trim=end_frame={shot.frames},setpts=PTS-STARTPTS,"
                f"{_SCENE_FINISH},setsar=1[{label}]"
            )
        segment_labels.append(f"[{label}]")
    for figure, count in figure_uses.items():
        outs = "".join(f"[{figure.value}{n}]" for n in range(1, count + 1))
        chains.append(f"{figure_source(figure)},split={count}{outs}")
    chains.append(f"{''.join(segment_labels)}concat=n={len(shots)}:v=1:a=0[joined]")
    text_files: list[tuple[Path, str]] = []
    finish = "[joined]"
    if script.burned_in:
        burned = []
        for number, cue in enumerate(cues):
            path = work / f"ep{script.number}_cue{number:02d}.txt"
            text_files.append((path, cue.text))
            burned.append(_burned_line(path, cue))
        finish += ",".join(burned) + ","
    chains.append(
        f"{finish}scale=out_color_matrix=bt709:out_range=tv,format=yuv420p[{OUTPUT_LABEL}]"
    )
    return PictureGraph(graph=";".join(chains), text_files=tuple(text_files))


def cover_graph() -> str:
    """The series cover: a warm scene with the two figures, the title large across it."""
    look = look_for_shot(0, random.Random(7))
    chain = look.chain.replace(TAG, "cover")
    figures = []
    for number, figure in enumerate(look.figures):
        figures.append(f"{figure_source(figure)}[f{number}]")
        chain += (
            f"[c{number}];[c{number}][f{number}]"
            f"overlay=x='{_FIGURE_X[figure]}':y='{_FIGURE_Y[figure]}'"
        )
    font = filter_path(FONT_BOLD)
    return ";".join(
        [
            *figures,
            f"{chain},trim=end_frame=1,format=rgb24,vignette=angle=PI/4,"
            "drawbox=x=0:y=60:w=iw:h=190:t=fill:c=black@0.45,"
            f"drawtext=fontfile={font}:text='{SERIES_TITLE}':fontsize=76:fontcolor=white:"
            "borderw=3:bordercolor=0x3A2410:x=(w-text_w)/2:y=82,"
            f"drawtext=fontfile={font}:text='温情家庭微短剧':fontsize=30:fontcolor=0xFFE0B0:"
            "x=(w-text_w)/2:y=190[cover]",
        ]
    )


def _title_card(script: EpisodeScript, frames: int) -> str:
    font = filter_path(FONT_BOLD)
    colour = "0x" + script.title_colour.removeprefix("#")
    return (
        f"{_flat(colour, frames)},"
        f"drawtext=fontfile={font}:text='{SERIES_TITLE}':fontsize={TITLE_FONT_PX}:"
        "fontcolor=white:x=(w-text_w)/2:y=h/2-150,"
        f"drawtext=fontfile={font}:text='第{script.number}集':fontsize={NUMBER_FONT_PX}:"
        "fontcolor=white:x=(w-text_w)/2:y=h/2+30"
    )


def _flat(colour: str, frames: int) -> str:
    return (
        f"color=c={colour}:s={WIDTH}x{HEIGHT}:r={FPS},format=rgb24,trim=end_frame={frames},setsar=1"
    )


def _burned_line(path: Path, cue: Cue) -> str:
    # Half a frame of slack keeps the comparison away from float rounding at the boundaries.
    slack = 0.5 / FPS
    return (
        f"drawtext=fontfile={filter_path(FONT_REGULAR)}:textfile={filter_path(path)}:"
        f"expansion=none:fontsize={BURNED_FONT_PX}:fontcolor=white:"
        f"borderw={BURNED_BORDER_PX}:bordercolor=0x101010:"
        f"x=(w-text_w)/2:y={BURNED_TEXT_Y}:"
        f"enable='gte(t,{cue.start_s - slack:.3f})*lt(t,{cue.end_s - slack:.3f})'"
    )
