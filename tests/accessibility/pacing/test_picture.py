from __future__ import annotations

import subprocess
from pathlib import Path

import av
import numpy as np
import pytest

from accessibility.calm.calmer import GRID, grid_of
from accessibility.frames import GridSampler
from accessibility.pacing.picture import bottom_band, reduction_steps, small_picture
from tests.accessibility.pacing.pacing_media import encode


@pytest.mark.parametrize(("size", "expected"), [
    ((720, 1280), 4), ((360, 640), 3), ((180, 320), 2), ((1920, 1080), 4), ((64, 64), 0),
])
def test_short_side_lands_between_40_and_80(size: tuple[int, int], expected: int) -> None:
    steps = reduction_steps(*size)
    assert steps == expected
    assert 40 <= min(size) / 2**steps < 80 or steps == 0


@pytest.fixture(scope="module")
def colour_frame(pacing_media_dir: Path) -> av.VideoFrame:
    # Four quadrants of known colour, a grey band at the bottom.
    picture = np.zeros((320, 180, 3), np.uint8)
    picture[:120, :90] = (200, 30, 30)
    picture[:120, 90:] = (30, 200, 30)
    picture[120:240, :90] = (30, 30, 200)
    picture[120:240, 90:] = (240, 240, 240)
    picture[240:] = (100, 100, 100)
    path = encode(iter([picture] * 3), 180, 320, pacing_media_dir / "colours.mp4",
                  video_options=("-preset", "ultrafast", "-qp", "0"))
    with av.open(str(path)) as container:
        return next(container.decode(video=0))


def test_small_picture_matches_swscale_colours(colour_frame: av.VideoFrame) -> None:
    small = small_picture(colour_frame, reduction_steps(180, 320))
    h, w = small.rgb.shape[:2]
    reference = colour_frame.reformat(width=w, height=h, format="rgb24").to_ndarray() / 255.0
    # Compare away from the colour edges, where box and bicubic filters legitimately differ.
    inner = (slice(2, h // 4), slice(2, w // 2 - 2))
    assert np.abs(small.rgb[inner] - reference[inner]).max() < 0.06
    assert small.rgb[inner].mean(axis=(0, 1)) == pytest.approx([200 / 255, 30 / 255, 30 / 255],
                                                               abs=0.04)


def test_small_luma_is_box_average(colour_frame: av.VideoFrame) -> None:
    small = small_picture(colour_frame, 2)
    assert small.luma.shape == (80, 45)
    full = colour_frame.to_ndarray(format="yuv420p")[:320]
    assert small.luma[70, 20] == pytest.approx(full[280:284, 80:84].mean(), abs=1.0)


def test_bottom_band_is_full_resolution(colour_frame: av.VideoFrame) -> None:
    band = bottom_band(colour_frame, 0.25)
    assert band.shape == (80, 180)
    assert band.dtype == np.uint8
    assert abs(float(band.mean()) - 98) < 6  # the grey band's luma


@pytest.fixture(scope="module", params=["yuv420p10le", "yuv422p"])
def other_format_frame(request: pytest.FixtureRequest, pacing_media_dir: Path,
                       colour_frame: av.VideoFrame) -> av.VideoFrame:
    """The colour frame again, losslessly re-encoded as 10-bit 4:2:0 or as 4:2:2."""
    pixel_format = str(request.param)
    path = pacing_media_dir / f"colours_{pixel_format}.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(pacing_media_dir / "colours.mp4"),
                    "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt",
                    pixel_format, str(path)], check=True)
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
    assert frame.format.name == pixel_format
    return frame


def test_other_pixel_formats_give_the_same_small_picture(other_format_frame: av.VideoFrame,
                                                         colour_frame: av.VideoFrame) -> None:
    frame = other_format_frame
    other = small_picture(frame, 2)
    reference = small_picture(colour_frame, 2)
    assert np.abs(other.luma - reference.luma).mean() < 1.5
    assert np.abs(other.rgb - reference.rgb).mean() < 0.02


def test_grid_samples_the_colours_where_the_scaled_picture_has_them(
        colour_frame: av.VideoFrame) -> None:
    """The calm report's grid, read off the planes, is the grid of the scaled picture."""
    grid = GridSampler(*GRID, width=90, height=160)(colour_frame)
    assert grid.shape == (*GRID, 4) and grid.dtype == np.uint8
    assert (grid[..., 3] == 255).all()
    scaled = colour_frame.reformat(width=90, height=160, format="bgra").to_ndarray()
    reference = grid_of(scaled)[:, :, :3].astype(int)
    ours = grid[..., :3].astype(int)
    # Inside the quadrants (away from the edges, where filters legitimately differ), the
    # same colours within a few levels; BGR order.
    inner = np.zeros(GRID, bool)  # 48 rows: the quadrants end at rows 18 and 36
    inner[2:16, 2:11] = inner[2:16, 16:25] = inner[20:34, 2:11] = inner[20:34, 16:25] = True
    assert np.abs(ours[inner] - reference[inner]).max() <= 6
    assert ours[8, 5] == pytest.approx([30, 30, 200], abs=8)  # red quadrant, as BGR
    assert ours[28, 20] == pytest.approx([240, 240, 240], abs=8)


def test_grid_of_other_pixel_formats_matches(other_format_frame: av.VideoFrame,
                                             colour_frame: av.VideoFrame) -> None:
    frame = other_format_frame
    sample = GridSampler(*GRID, width=90, height=160)
    other, reference = sample(frame).astype(int), sample(colour_frame).astype(int)
    assert np.abs(other - reference).mean() < 3
