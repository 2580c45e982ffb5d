from __future__ import annotations

import numpy as np

from accessibility.ocr.band import (
    BandParams,
    _between,
    block_mean_and_min,
    dilate,
    text_like,
    text_rows,
)
from tests.accessibility.ocr.fakes import BAR_H, TEXT_TOP, background, draw_bars


def test_block_mean_and_min() -> None:
    picture = np.array([[0, 4, 8, 8], [4, 8, 8, 8]], np.uint8)
    sums, mins = block_mean_and_min(picture, 2)
    assert sums.tolist() == [[16, 32]]
    assert mins.tolist() == [[0, 8]]


def test_dilate_grows_by_the_radius_in_every_direction() -> None:
    mask = np.zeros((7, 7), bool)
    mask[3, 3] = True
    grown = dilate(mask, 2)
    assert grown.sum() == 25
    assert grown[1:6, 1:6].all()


def test_outlined_strokes_are_text_like_and_the_background_is_not() -> None:
    band = draw_bars(background(1), 6)
    mask = text_like(band, BandParams())
    rows = np.flatnonzero(mask.any(axis=1))
    assert rows.size > 0
    assert rows[0] >= TEXT_TOP // 2 - 1
    assert rows[-1] <= (TEXT_TOP + BAR_H) // 2 + 1
    assert not text_like(background(1), BandParams()).any()


def test_edges_of_bright_areas_and_bright_skies_are_not_text_like() -> None:
    wall = np.full((60, 120), 30, np.uint8)
    wall[:, 60:] = 230  # a lit wall beside a dark doorway: dark on one side only
    sky = np.full((60, 120), 225, np.uint8)
    assert not text_like(wall, BandParams()).any()
    assert not text_like(sky, BandParams()).any()


def test_a_one_pixel_outline_is_enough() -> None:
    sky = np.full((40, 720), 225, np.uint8)  # reduced 2×: the outline shares blocks
    sky[10:30, 358] = 20
    sky[10:30, 359:363] = 240
    sky[10:30, 363] = 20
    assert text_like(sky, BandParams()).any()


def test_the_reduction_keeps_the_band_about_360_pixels_wide() -> None:
    params = BandParams()
    assert [params.factor(w) for w in (360, 540, 720, 1080, 1920, 3840)] == [1, 2, 2, 3, 5, 8]


def test_text_rows_are_the_rows_carrying_most_of_the_mask() -> None:
    mask = np.zeros((50, 100), bool)
    mask[20:30, 10:90:3] = True
    mask[5, 50] = True  # a speck of texture
    assert text_rows(mask) == (20, 30)
    assert text_rows(np.zeros((50, 100), bool)) is None


def _reference_block_mean_and_min(band: np.ndarray, factor: int) -> tuple[np.ndarray, np.ndarray]:
    """Each block summed and minimised one by one: what the fast version must equal."""
    rows, cols = band.shape[0] // factor, band.shape[1] // factor
    sums = np.zeros((rows, cols), dtype=np.uint16)
    mins = np.zeros((rows, cols), dtype=np.uint8)
    for r in range(rows):
        for c in range(cols):
            block = band[r * factor:(r + 1) * factor, c * factor:(c + 1) * factor]
            sums[r, c] = int(block.astype(np.int64).sum())
            mins[r, c] = block.min()
    return sums, mins


def _reference_between(dark: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Pixel by pixel: a dark pixel within ``radius`` before it and one after it."""
    d = dark if axis == 0 else dark.T
    out = np.zeros_like(d)
    for i in range(d.shape[0]):
        before = d[max(0, i - radius):i].any(axis=0)
        after = d[i + 1:i + 1 + radius].any(axis=0)
        out[i] = before & after
    return out if axis == 0 else out.T


def test_the_fast_reductions_equal_the_plain_definitions_on_random_pictures() -> None:
    # The mask every frame gets is computed with whole-array shortcuts; they must give the
    # very same bits as the definitions, on odd sizes and on every reduction and radius.
    for seed in range(40):
        rng = np.random.default_rng(seed)
        shape = (int(rng.integers(1, 40)), int(rng.integers(1, 50)))
        band = rng.integers(0, 256, size=shape, dtype=np.uint8)
        if seed % 2:
            band = np.where(band > 128, 255, 0).astype(np.uint8)
        for factor in (1, 2, 3, 5):
            got = block_mean_and_min(band, factor)
            want = _reference_block_mean_and_min(band, factor)
            assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
        dark = rng.random(shape) < 0.3
        for radius in (0, 1, 2, 3, 4, 7):
            for axis in (0, 1):
                assert np.array_equal(_between(dark, radius, axis),
                                      _reference_between(dark, radius, axis))


def test_the_mask_equals_its_definition_on_random_pictures_of_every_reduction() -> None:
    params = BandParams()
    for seed in range(30):
        rng = np.random.default_rng(100 + seed)
        width = int(rng.choice([357, 360, 720, 723, 1080, 1801]))
        band = rng.integers(0, 256, size=(int(rng.integers(3, 50)), width), dtype=np.uint8)
        if seed % 3 == 0:
            band = np.where(band > 140, 235, 20).astype(np.uint8)
        factor = params.factor(width)
        sums, mins = _reference_block_mean_and_min(band, factor)
        r = params.outline_px
        want = np.zeros(sums.shape, bool)
        # Bright strokes outlined in dark, or very bright ones in a mid-dark box.
        for bright_level, dark_level in ((params.bright_level, params.dark_level),
                                         (params.boxed_bright_level, params.boxed_dark_level)):
            bright = sums >= bright_level * factor * factor
            dark = mins <= dark_level
            want |= bright & (_reference_between(dark, r, 0) | _reference_between(dark, r, 1))
        assert np.array_equal(text_like(band, params), want)
