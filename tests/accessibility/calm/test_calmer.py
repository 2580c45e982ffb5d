"""The picture calmer on generated frames: flashes dimmed to pass WCAG 2.3.1, calm pictures
untouched, hard cuts cross-faded (the real window is checked in tests/player/test_calm_x11.py)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from accessibility.calm import CalmOptions, CalmPlan, FlashRisk, PictureCalmer, grid_of
from accessibility.calm.apple_risk import mitigation_curve, pool_kernel
from accessibility.pacing.flashes import FlashCounter, flagged_periods

FPS = 30
H, W = 320, 180


def _scene(rng: np.random.Generator, i: int, hue: float) -> np.ndarray:
    """A moving, grainy, coloured picture (BGRX)."""
    y = np.linspace(0, 1, H)[:, None]
    x = np.linspace(0, 1, W)[None, :]
    frame = np.empty((H, W, 4), np.uint8)
    frame[..., 0] = np.clip(90 + 60 * np.sin(7 * x + i * 0.07 + hue), 0, 255)
    frame[..., 1] = np.clip(70 + 90 * y * (0.6 + hue / 10), 0, 255)
    frame[..., 2] = np.clip(110 + 50 * np.cos(4 * y + i * 0.05 - hue), 0, 255)
    grain = rng.integers(-8, 9, (H, W, 1))
    frame[..., :3] = np.clip(frame[..., :3].astype(int) + grain, 0, 255)
    frame[..., 3] = 255
    return frame


def _flash(i: int, hz: float, area: float, rng: np.random.Generator, base: np.ndarray
           ) -> np.ndarray:
    """A flash of ``hz`` (bright/dark halves of each period) over the top ``area`` share."""
    on = int(i * 2 * hz / FPS) % 2 == 0
    frame = base.copy()
    rows = int(H * area)
    frame[:rows, :, :3] = 250 if on else int(rng.integers(0, 20))
    return frame


def _episode(seed: int, hz: float, area: float) -> list[np.ndarray]:
    """4 s calm, 3 s flashing, 3 s calm."""
    rng = np.random.default_rng(seed)
    hue = float(rng.uniform(0, 3))
    frames = []
    for i in range(10 * FPS):
        scene = _scene(rng, i, hue)
        frames.append(_flash(i, hz, area, rng, scene) if 4 * FPS <= i < 7 * FPS else scene)
    return frames


def _run(frames: list[np.ndarray], options: CalmOptions, plan: CalmPlan | None = None
         ) -> tuple[list[np.ndarray], PictureCalmer]:
    calmer = PictureCalmer(options)
    calmer.set_plan(plan or CalmPlan())
    out = []
    for i, frame in enumerate(frames):
        shown = frame.copy()
        calmer.set_clock(i / FPS, i / FPS, True)
        calmer.process(shown, i / FPS)
        out.append(shown)
    return out, calmer


def _failing(frames: list[np.ndarray]) -> list[tuple[float, float]]:
    """WCAG general/red flash periods (more than 3 flashes in a second) in shown frames."""
    counter = FlashCounter()
    for frame in frames:
        counter.push(grid_of(frame)[..., ::-1].astype(np.float32) / 255.0)
    times = sorted(i / FPS for i in counter.luminance_transitions + counter.red_transitions)
    return flagged_periods(times, 3)


def _mad(a: list[np.ndarray], b: list[np.ndarray]) -> float:
    return float(np.mean([np.mean(np.abs(x[..., :3].astype(int) - y[..., :3].astype(int)))
                          for x, y in zip(a, b, strict=True)])) / 255.0


@pytest.mark.parametrize(("seed", "hz", "area"),
                         [(1, 5.0, 1.0), (7, 4.0, 0.5), (23, 7.5, 1.0), (42, 5.0, 0.35)])
def test_flashes_fail_without_dimming_and_pass_with_it(seed: int, hz: float,
                                                       area: float) -> None:
    frames = _episode(seed, hz, area)
    undimmed, _ = _run(frames, CalmOptions(dim_flashes=False))
    assert _failing(undimmed), "the generated flash must fail WCAG 2.3.1 on its own"
    shown, calmer = _run(frames, CalmOptions(dim_flashes=True))
    assert _failing(shown) == []
    assert calmer.stats.dimming_onsets >= 1
    # Calm before the flash: unchanged (mean absolute difference ≤ 1 %).
    assert _mad(shown[:4 * FPS], frames[:4 * FPS]) <= 0.01


def test_known_flash_period_is_dimmed_from_its_first_frame() -> None:
    frames = _episode(3, 5.0, 1.0)
    shown, _ = _run(frames, CalmOptions(), CalmPlan(flashes=((4.0, 7.0),)))
    counter = FlashCounter()
    for frame in shown[3 * FPS:8 * FPS]:
        counter.push(grid_of(frame)[..., ::-1].astype(np.float32) / 255.0)
    # Live-only dimming lets up to four transitions through; with the plan at most the
    # darkening itself is one.
    assert len(counter.luminance_transitions) <= 1
    assert _mad(shown[:int(3.5 * FPS)], frames[:int(3.5 * FPS)]) <= 0.01


def test_calm_episode_is_left_exactly_as_decoded() -> None:
    rng = np.random.default_rng(11)
    frames = [_scene(rng, i, 1.0) for i in range(6 * FPS)]
    shown, calmer = _run(frames, CalmOptions(dim_flashes=True))
    assert _mad(shown, frames) == 0.0
    assert calmer.stats.dimmed_frames == 0


def test_dimming_off_and_softening_off_touch_nothing() -> None:
    frames = _episode(5, 5.0, 1.0)
    shown, calmer = _run(frames, CalmOptions(dim_flashes=False, soften_cuts=False))
    assert _mad(shown, frames) == 0.0
    assert calmer.stats.frames == 0


def _cut_episode(seed: int, cut_frames: list[int]) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    hues = rng.uniform(0, 6, len(cut_frames) + 1)
    frames, shot = [], 0
    for i in range(6 * FPS):
        if shot < len(cut_frames) and i >= cut_frames[shot]:
            shot += 1
        frame = _scene(rng, i, float(hues[shot]))
        if shot % 2:  # a very different shot: dark and blue-green
            frame[..., :3] = frame[..., :3] // 3 + np.array([60, 40, 0], np.uint8)
        frames.append(frame)
    return frames


def test_hard_cut_is_cross_faded_through_intermediate_frames() -> None:
    cut = 2 * FPS
    frames = _cut_episode(4, [cut])
    shown, calmer = _run(frames, CalmOptions(dim_flashes=True, soften_cuts=True, soften_ms=200))
    assert calmer.stats.cuts_softened == 1
    old, new = frames[cut - 1], frames[cut + 10]
    share_of_old = []
    for i in range(cut, cut + 8):
        distance_old = np.mean(np.abs(shown[i][..., :3].astype(int) - old[..., :3]))
        distance_new = np.mean(np.abs(shown[i][..., :3].astype(int) - frames[i][..., :3]))
        share_of_old.append(distance_new / (distance_old + distance_new))
    # The first frames after the cut are mixtures that move steadily towards the new shot…
    assert 0.6 < share_of_old[0] < 0.95
    assert all(a > b for a, b in itertools.pairwise(share_of_old[:6]))
    # …and after 200 ms the new shot is shown as decoded; before the cut nothing changed.
    assert _mad(shown[cut + 7:], frames[cut + 7:]) == 0.0
    assert _mad(shown[:cut], frames[:cut]) == 0.0
    assert not np.array_equal(new, old)


@pytest.mark.parametrize("soften_ms", [150, 300])
def test_fade_length_follows_the_setting(soften_ms: int) -> None:
    cut = 3 * FPS
    frames = _cut_episode(9, [cut])
    shown, _ = _run(frames, CalmOptions(soften_cuts=True, soften_ms=soften_ms))
    changed = [i for i in range(len(frames)) if not np.array_equal(shown[i], frames[i])]
    expected = soften_ms / 1000 * FPS
    assert changed == list(range(cut, cut + len(changed)))
    assert expected - 1 <= len(changed) <= expected + 1


def test_in_bursts_only_leaves_a_lone_cut_alone_and_softens_a_burst() -> None:
    lone, burst = [40], [100, 112, 124, 136]
    frames = _cut_episode(13, lone + burst)
    _, calmer = _run(frames, CalmOptions(soften_cuts=True, soften_in_bursts_only=True))
    # The first cut of a live burst is only known to be one afterwards.
    assert calmer.stats.cuts_softened == len(burst) - 1
    _, planned = _run(frames, CalmOptions(soften_cuts=True, soften_in_bursts_only=True),
                      CalmPlan(cuts=tuple(i / FPS for i in lone + burst),
                               bursts=((100 / FPS, 136 / FPS),)))
    assert planned.stats.cuts_softened == len(burst)


def _boxed(frames: list[np.ndarray], rows: int) -> list[np.ndarray]:
    """``frames`` shown as a wide picture ``rows`` high between black bars (a 16:9 drama
    posted as a vertical video)."""
    top = (H - rows) // 2
    out = []
    for frame in frames:
        boxed = np.zeros_like(frame)
        boxed[..., :3] = 16  # video black
        boxed[..., 3] = 255
        boxed[top:top + rows] = frame[top:top + rows]
        out.append(boxed)
    return out


def test_a_cut_between_black_bars_is_cross_faded_and_the_bars_stay_black() -> None:
    # The bars never change; were they counted, a cut would weigh a third of what it does
    # without them and pass unseen.
    cut = 2 * FPS
    frames = _boxed(_cut_episode(4, [cut]), rows=W * 9 // 16)
    shown, calmer = _run(frames, CalmOptions(soften_cuts=True, soften_ms=200))
    assert calmer.stats.cuts_softened == 1
    assert not np.array_equal(shown[cut], frames[cut])
    assert _mad(shown[cut + 7:], frames[cut + 7:]) == 0.0
    assert all(np.all(frame[:10, :, :3] == 16) for frame in shown)


def test_moving_grainy_shot_between_black_bars_is_not_taken_for_a_cut() -> None:
    rng = np.random.default_rng(19)
    frames = _boxed([_scene(rng, i * 3, 2.0) for i in range(5 * FPS)], rows=W * 9 // 16)
    _, calmer = _run(frames, CalmOptions(soften_cuts=True))
    assert calmer.stats.cuts_softened == 0


def test_moving_and_grainy_shot_is_not_taken_for_a_cut() -> None:
    rng = np.random.default_rng(17)
    frames = [_scene(rng, i * 3, 2.0) for i in range(5 * FPS)]  # fast movement
    _, calmer = _run(frames, CalmOptions(soften_cuts=True))
    assert calmer.stats.cuts_softened == 0


def test_apple_risk_is_high_for_flicker_and_nil_for_steps_and_steady_pictures() -> None:
    flicker, step, steady = FlashRisk(30.0), FlashRisk(30.0), FlashRisk(30.0)
    for i in range(3 * FPS):
        flicker.push(0.9 if (i // 3) % 2 == 0 else 0.02)
        step.push(0.05 if i < 45 else 0.8)  # one hard cut from dark to bright
        steady.push(0.3)
    assert flicker.risk > 50 and flicker.strength > 0.8
    assert step.strength == 0.0
    assert steady.risk == 0.0 and steady.strength == 0.0


def test_apple_strength_releases_over_seconds() -> None:
    risk = FlashRisk(30.0)
    for i in range(2 * FPS):
        risk.push(0.9 if (i // 3) % 2 == 0 else 0.02)
    peak = risk.strength
    for _ in range(2 * FPS):  # 2 s steady: about e^-1 of the strength is left
        risk.push(0.3)
    assert 0.25 * peak < risk.strength < 0.5 * peak


def test_mitigation_curve_keeps_identity_at_zero_and_darkens_towards_the_adaptation_level(
) -> None:
    assert np.array_equal(mitigation_curve(0.0, 0.3), np.arange(256, dtype=np.uint8))
    curve = mitigation_curve(0.6, 0.2)
    # White darkened, black lifted: the range squeezed around the adaptation level.
    assert curve[255] < 160 and 0 < curve[0] < curve[255]
    assert np.all(np.diff(curve.astype(int)) >= 0)


def test_pool_kernel_holds_99_percent_of_its_mass() -> None:
    kernel = pool_kernel(30.0)
    assert 0.99 < kernel.sum() / 30.0 < 1.01


def test_two_byte_table_maps_every_colour_byte_like_the_curve() -> None:
    from accessibility.calm.calmer import _apply_table

    rng = np.random.default_rng(8)
    frame = rng.integers(0, 256, (300, 256, 4), dtype=np.uint8)  # 300 KB: worth the table
    curve = mitigation_curve(0.55, 0.3)
    expected = curve[frame]
    expected[..., 3] = 255
    whole = frame.copy()
    _apply_table(whole, curve)  # contiguous and large: two bytes per lookup
    strided = np.zeros((300, 270, 4), np.uint8)
    strided[:, :256] = frame
    view = strided[:, :256]
    _apply_table(view, curve)  # a strided view: byte by byte
    grid = frame[:48, :27].copy()  # a sample grid: byte by byte, no table built
    _apply_table(grid, curve)
    assert np.array_equal(grid, expected[:48, :27])
    assert np.array_equal(whole, expected) and np.array_equal(view, expected)
