"""Set H (held back): its plans are repeatable and labelled consistently, every kind of cut and
of calm stretch occurs, and its new places move (every family's plans are pinned in
``test_busy_plans_pinned``).

No cut detector runs here: set H was held back until it was run once (ADR 008)."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pytest

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing import busy_media_h as bh

SEEDS = range(bm.HELD_BACK_H_SEED + 1, bm.HELD_BACK_H_SEED + 13)


@pytest.fixture(scope="module")
def plans() -> list[bh.HPlan]:
    out = [bm.busy_plan(720, 1280, seed, 20.0) for seed in SEEDS]
    assert all(isinstance(plan, bh.HPlan) for plan in out)
    return out  # type: ignore[return-value]


def test_seeds_from_9700_are_set_h_and_g_stays_below() -> None:
    assert bm.family_of(9700) == bm.family_of(9712) == "held_back_h"
    assert bm.family_of(9699) == "held_back_g"
    assert bm.family_of(9599) == "held_back_f"


def test_plans_are_repeatable_per_seed(plans: list[bh.HPlan]) -> None:
    again = bm.busy_plan(720, 1280, SEEDS[3], 20.0)
    assert again.shots == plans[3].shots
    assert bm.plan_digest(again) == bm.plan_digest(plans[3])
    assert plans[3].shots != plans[4].shots


def test_episodes_last_twenty_seconds_with_micro_drama_pacing(plans: list[bh.HPlan]) -> None:
    cuts = [len(plan.labelled_cuts()) for plan in plans]
    assert 18 <= sum(cuts) / len(cuts) <= 32, cuts
    for plan in plans:
        assert 600 <= plan.frame_count <= 600 + 120
        assert (plan.width, plan.height) == (720, 1280)
        assert all(4 <= shot.frames <= 120 for shot in plan.shots)
    lengths = [shot.frames for plan in plans for shot in plan.shots]
    assert sum(length <= 10 for length in lengths) >= 20
    assert sum(length >= 45 for length in lengths) >= 20


def test_every_kind_of_cut_and_of_calm_stretch_occurs(plans: list[bh.HPlan]) -> None:
    cut_kinds = Counter(kind for plan in plans for _frame, kind in plan.labelled_cuts())
    assert set(cut_kinds) == {"hue_only", "framing_only", "short_by_busy", "busy_to_busy",
                              "busy_edge", "white_flash", "calm"}, cut_kinds
    frame_kinds = Counter(kind for plan in plans for kind in plan.frame_kinds())
    assert set(frame_kinds) <= set(bm.CALM_KINDS)
    for kind in ("whip", "focus", "flicker", "dissolve", "busy", "handheld", "zoom", "pan",
                 "grain", "still"):
        assert frame_kinds[kind] >= 8, (kind, frame_kinds)


def test_whips_go_every_way_at_changing_speed(plans: list[bh.HPlan]) -> None:
    ways, profiles, focus = set(), set(), set()
    for plan in plans:
        for shot in plan.shots:
            kind, _first, frames = shot.inside  # type: ignore[attr-defined]
            if kind == "whip":
                assert 3 <= frames <= 8
                (_f, y0, x0), (y1, x1) = shot.view, shot.land  # type: ignore[attr-defined]
                ways.add((abs(y1 - y0) > 0.1, abs(x1 - x0) > 0.1))
                profiles.add(shot.profile)  # type: ignore[attr-defined]
            elif kind == "focus":
                focus.add(shot.profile)  # type: ignore[attr-defined]
    assert ways == {(False, True), (True, False), (True, True)}
    assert {"accelerate", "decelerate"} <= profiles
    assert {"down", "up", "breathe"} == focus


def test_every_look_and_grain_level_is_used() -> None:
    looks, grains = set(), set()
    for seed in range(bm.HELD_BACK_H_SEED + 1, bm.HELD_BACK_H_SEED + 41):
        shots = bm.busy_plan(720, 1280, seed, 20.0).shots
        looks.add(shots[0].look)  # type: ignore[attr-defined]
        grains.add(max(shot.grain for shot in shots))
    assert len(looks) == len(bh._LOOKS)
    assert min(grains) == 0.0 and max(grains) >= 14.0


def _shot_at(plan: bh.HPlan, frame: int) -> int:
    return plan.starts().index(frame)


def test_labels_match_what_changes_at_each_cut(plans: list[bh.HPlan]) -> None:
    seen: Counter[str] = Counter()
    for plan in plans:
        for frame, kind in plan.labelled_cuts():
            index = _shot_at(plan, frame)
            before, shot = plan.shots[index - 1], plan.shots[index]
            assert isinstance(before, bh.HShot) and isinstance(shot, bh.HShot)
            if kind in ("framing_only", "hue_only"):
                assert shot.scene == before.scene and shot.look == before.look
                assert shot.grain == before.grain
            if kind == "framing_only":  # the grade is kept, the framing is not
                assert shot.camera != before.camera
                assert shot.light[0] == before.light[1] and shot.hue[0] == before.hue[1]
                seen["punch" if shot.camera.zoom != before.camera.zoom else "other"] += 1
            if kind == "hue_only":  # the framing is kept, the grade is not
                assert shot.camera == before.camera and shot.view == before.end_view()
                assert shot.camera.pan == (0.0, 0.0) and not shot.camera.zoom_rate
                assert (shot.hue[0] != before.hue[1]) or (shot.light[0] != before.light[1])
                assert shot.inside[0] in ("", "flicker")
                assert before.inside[0] in ("", "flicker", "whip")  # focus and light kept
                seen["light" if shot.hue[0] == before.hue[1] else "hue"] += 1
            if plan.scenes[shot.scene] == plan.scenes[before.scene] and shot.scene != before.scene:
                assert shot.light[0] == before.light[1]  # reverse shot: same place, same light
                seen["reverse"] += 1
    assert all(seen[key] >= 3 for key in ("punch", "other", "light", "hue", "reverse")), seen


def test_things_inside_shots_never_touch_a_cut_or_a_dissolve(plans: list[bh.HPlan]) -> None:
    for plan in plans:
        kinds = plan.frame_kinds()
        cuts = set(plan.cut_frames)
        ends = [*plan.starts()[1:], plan.frame_count]
        for start, end, shot in zip(plan.starts(), ends, plan.shots, strict=True):
            kind, first, frames = shot.inside  # type: ignore[attr-defined]
            if not kind:
                continue
            span = range(start + first - 1, start + first + frames + 2)
            assert start < span[0] and span[-1] < end, (plan.seed, start, shot)
            assert not cuts & set(span)
            labelled = {kinds[k] for k in range(start + first, start + first + frames + 1)}
            assert labelled == {bh.INSIDE_KINDS[kind]}
            assert "dissolve" not in {kinds[k] for k in span}
            assert shot.lightning_at == -1


def _texture(height: int = 320, width: int = 180) -> np.ndarray:
    """Bands across plus bands down: a blur sideways softens only the second."""
    rng = np.random.default_rng(5)
    rows = rng.uniform(0, 127, (height // 4, 1, 3)).repeat(4, 0)
    columns = rng.uniform(0, 127, (1, width // 4, 3)).repeat(4, 1)
    return (rows + columns).astype(np.float32)


def _sharpness(frame: np.ndarray, axis: int) -> float:
    """Energy of the picture's edges across ``axis``: a blur along it lowers it."""
    return float((np.diff(frame, axis=axis) ** 2).mean())


@pytest.mark.parametrize("profile", ["accelerate", "decelerate"])
def test_a_whip_pan_lands_elsewhere_blurred_along_its_way_as_fast_as_it_moves(
        profile: str) -> None:
    picture = _texture()
    shot = bh.HShot(frames=30, scene=0, view=(1.8, 0.5, 0.3), land=(0.5, 0.7),
                    inside=("whip", 10, 6), profile=profile)
    frames = [shot.touch(picture, i) for i in range(30)]
    np.testing.assert_array_equal(frames[0], bh._crop(picture, 1.8, 0.5, 0.3))
    np.testing.assert_array_equal(frames[9], frames[0])
    np.testing.assert_array_equal(frames[16], bh._crop(picture, 1.8, 0.5, 0.7))
    assert float(np.abs(frames[16] - frames[9]).mean()) > 10  # another part of the place
    across = [_sharpness(frames[i], 1) for i in range(10, 16)]
    along = [_sharpness(frames[i], 0) for i in range(10, 16)]
    fastest, slowest = (5, 0) if profile == "accelerate" else (0, 5)
    assert across[fastest] < 0.5 * _sharpness(frames[0], 1)  # blurred sideways …
    assert along[fastest] > 0.9 * _sharpness(frames[0], 0)  # … not up and down
    assert across[slowest] > 1.3 * across[fastest]  # the blur follows the speed
    assert int(np.argmin(across)) == fastest


def test_rack_focus_moves_the_blur_from_near_to_far() -> None:
    picture = _texture()
    shot = bh.HShot(frames=40, scene=0, inside=("focus", 10, 12), profile="down",
                    strength=16.0)
    first, last = shot.touch(picture, 0), shot.touch(picture, 39)
    top, bottom = slice(0, 80), slice(240, 320)
    assert _sharpness(first[bottom], 1) < 0.6 * _sharpness(first[top], 1)
    assert _sharpness(last[top], 1) < 0.6 * _sharpness(last[bottom], 1)


def test_flicker_and_sweep_change_the_light_only_while_they_last() -> None:
    picture = _texture()
    flicker = bh.HShot(frames=40, scene=0, inside=("flicker", 10, 10), strength=0.5)
    means = [float(flicker.touch(picture, i).mean()) for i in range(40)]
    assert len({round(m, 3) for m in means[:10] + means[20:]}) == 1
    assert min(means[10:20]) < 0.7 * means[0]
    sweep = bh.HShot(frames=40, scene=0, inside=("sweep", 10, 20), strength=0.8)
    left = [float(sweep.touch(picture, i)[:, :40].mean()) for i in (5, 39)]
    right = [float(sweep.touch(picture, i)[:, -40:].mean()) for i in (5, 39)]
    assert left[0] > left[1] and right[0] < right[1]


@pytest.mark.parametrize("name", bh.HELD_BACK_H_SOURCES)
def test_each_new_place_is_a_moving_picture(name: str) -> None:
    source = bm._SOURCES[name](np.random.default_rng(3), 1280, 720, 2)
    frames = [source.frame().copy() for _ in range(4)]
    for frame in frames:
        assert frame.shape == (1280, 720, 3) and frame.dtype == np.float32
        assert float(frame.std()) > 15  # not a flat picture
        assert 10 < float(frame.mean()) < 240
    assert all(float(np.abs(b - a).mean()) > 0.2 for a, b in itertools.pairwise(frames))
    again = bm._SOURCES[name](np.random.default_rng(3), 1280, 720, 2)
    np.testing.assert_array_equal(again.frame(), frames[0])  # repeatable


def test_rendered_frames_of_set_h_have_the_right_shape() -> None:
    plan = bm.busy_plan(180, 320, SEEDS[0], 2.0)
    frames = list(bm.BusyRenderer(plan).frames())
    assert len(frames) == plan.frame_count
    assert all(frame.shape == (320, 180, 3) and frame.dtype == np.uint8 for frame in frames)
