"""A drama with black bars (a 16:9 picture in a vertical video, or the reverse): its cuts are
measured on the picture alone, found as in the same episode without bars, and nothing else.

Episodes: ``test_busy_cuts``' hard and calm plans, letterboxed and pillarboxed by ffmpeg (one
with a subtitle burned into the lower bar); unit cases on made-up reduced pictures.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from accessibility.frames import SmallPicture
from accessibility.pacing.bars import LIT_FRAMES, MAX_WAIT, Area, BarFinder, cropped
from accessibility.pacing.measure import measure_file
from tests.accessibility.pacing.test_busy_cuts import CALM, HARD, _render, _score

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
# Picture 180×100 between bars, in a 180×320 frame; and 100×180 between side bars in 320×180.
BOXES = {
    "letterbox": "scale=180:100,pad=180:320:0:110:black",
    "pillarbox": "scale=100:180,pad=320:180:110:0:black",
}


def _boxed(source: Path, box: str, extra: str = "") -> Path:
    out = source.with_name(f"{source.stem}-{box}{'-subtitled' if extra else ''}.mp4")
    if not out.exists():
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-vf",
                        BOXES[box] + extra, "-c:v", "libx264", "-preset", "veryfast",
                        "-crf", "20", "-pix_fmt", "yuv420p", str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def hard_episode(pacing_media_dir: Path) -> Path:
    return _render(HARD, pacing_media_dir / "bars-hard.mp4")


@pytest.mark.parametrize("box", list(BOXES))
def test_every_hard_cut_is_found_between_black_bars(hard_episode: Path, box: str) -> None:
    measured = measure_file(_boxed(hard_episode, box))
    missed, spurious = _score(measured.cut_frames, HARD.cut_frames)
    labelled = dict(HARD.labelled_cuts())
    assert [(c, labelled[c]) for c in missed] == []
    assert spurious == []


def test_a_subtitle_burned_into_the_lower_bar_is_no_cut(hard_episode: Path) -> None:
    lines = ",".join(
        f"drawtext=fontfile={FONT}:text='第{n}句':fontsize=18:fontcolor=white:borderw=2:"
        f"bordercolor=black:x=(w-text_w)/2:y=250:enable='between(t,{0.4 + n * 1.1:.2f},"
        f"{1.2 + n * 1.1:.2f})'" for n in range(8))
    measured = measure_file(_boxed(hard_episode, "letterbox", "," + lines))
    missed, spurious = _score(measured.cut_frames, HARD.cut_frames)
    assert missed == [] and spurious == []


def test_motion_and_dissolves_between_black_bars_give_no_cut(pacing_media_dir: Path) -> None:
    calm = _render(CALM, pacing_media_dir / "bars-calm.mp4")
    measured = measure_file(_boxed(calm, "letterbox"))
    kinds = CALM.frame_kinds()
    assert [(f, kinds[f]) for f in measured.cut_frames] == []


# --- the bar finder on made-up reduced pictures -------------------------------------------


def _picture(rng: np.random.Generator, rows: int = 160, cols: int = 90,
             area: tuple[int, int, int, int] = (0, 160, 0, 90), level: float = 120.0,
             black: float = 16.0) -> SmallPicture:
    detail = np.full((rows, cols), black, np.float32)
    top, bottom, left, right = area
    detail[top:bottom, left:right] = rng.uniform(level - 80, level + 80,
                                                 (bottom - top, right - left))
    luma = detail.reshape(rows // 2, 2, cols // 2, 2).mean(axis=(1, 3))
    rgb = np.repeat(luma[::2, ::2, None] / 255.0, 3, axis=2).astype(np.float32)
    return SmallPicture(luma=luma.astype(np.float32), rgb=rgb, detail=detail)


def _area_of(pictures: list[SmallPicture]) -> Area:
    finder = BarFinder()
    for picture in pictures:
        if finder.observe(picture) is not None:
            break
    return finder.decide()


def test_letterbox_and_pillarbox_are_found_to_within_a_row() -> None:
    rng = np.random.default_rng(1)
    letterbox = _area_of([_picture(rng, area=(54, 106, 0, 90)) for _ in range(LIT_FRAMES)])
    assert abs(letterbox.top - 55 / 160) < 1e-6 and abs(letterbox.bottom - 105 / 160) < 1e-6
    assert (letterbox.left, letterbox.right) == (0.0, 1.0)
    pillar = _area_of([_picture(rng, area=(0, 160, 30, 60)) for _ in range(LIT_FRAMES)])
    assert (pillar.top, pillar.bottom) == (0.0, 1.0)
    assert abs(pillar.left - 31 / 90) < 1e-6 and abs(pillar.right - 59 / 90) < 1e-6
    cut = cropped(_picture(rng, area=(54, 106, 0, 90)), letterbox)
    assert cut.detail is not None and float(cut.detail.min()) > 16.0  # no bar row left
    assert cut.luma.shape == (24, 45) and cut.rgb.shape == (12, 23, 3)


def test_a_fade_in_from_black_is_waited_out() -> None:
    rng = np.random.default_rng(2)
    dark = [_picture(rng, area=(54, 106, 0, 90), level=20.0, black=12.0) for _ in range(60)]
    lit = [_picture(rng, area=(54, 106, 0, 90)) for _ in range(LIT_FRAMES)]
    finder = BarFinder()
    assert all(finder.observe(p) is None for p in dark)
    area = next(a for a in map(finder.observe, lit) if a is not None)
    assert 0.3 < area.top < 0.4 and 0.6 < area.bottom < 0.7


@pytest.mark.parametrize(("case", "area"), [
    ("no bars", (0, 160, 0, 90)),
    ("a dark sky at the top only", (40, 160, 0, 90)),
    ("bars thinner than 4 % of the frame", (3, 157, 0, 90)),
])
def test_no_bars_where_there_are_none(case: str, area: tuple[int, int, int, int]) -> None:
    rng = np.random.default_rng(3)
    assert _area_of([_picture(rng, area=area) for _ in range(LIT_FRAMES)]).whole, case


def test_the_dark_edges_of_a_candle_lit_scene_are_no_bars() -> None:
    """Dark, textured and flickering sides (a room lit by a candle in the middle) are
    picture: bars are flat, black and still."""
    rng = np.random.default_rng(5)
    pictures = []
    for _ in range(LIT_FRAMES):
        picture = _picture(rng, area=(0, 160, 30, 60))
        assert picture.detail is not None
        glow = float(rng.uniform(18.0, 28.0))  # the candle flickers
        for side in (slice(0, 30), slice(60, 90)):
            picture.detail[:, side] = rng.normal(glow, 8.0, (160, 30)).clip(0, 255)
        pictures.append(picture)
    assert _area_of(pictures).whole


def test_an_episode_too_dark_to_tell_keeps_the_whole_frame() -> None:
    rng = np.random.default_rng(4)
    finder = BarFinder()
    for _ in range(MAX_WAIT):
        area = finder.observe(_picture(rng, area=(54, 106, 0, 90), level=25.0, black=12.0))
    assert area is not None and area.whole
