"""Set I (held back): its plans are repeatable and labelled consistently, every kind of cut and
the calm stretches it plans occur, and its new places move (every family's plans are pinned in
``test_busy_plans_pinned``).

No cut detector runs here: set I was held back until it was run once (ADR 008)."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pytest

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing import busy_media_i as bi

SEEDS = range(bm.HELD_BACK_I_SEED + 1, bm.HELD_BACK_I_SEED + 13)
# The frame kinds set I plans (pans and hue drifts are left to the other sets).
I_CALM_KINDS = ("dissolve", "lightning", "busy", "zoom", "handheld", "ramp", "grain", "still",
                "whip", "focus", "flicker")


@pytest.fixture(scope="module")
def plans() -> list[bi.IPlan]:
    out = [bm.busy_plan(720, 1280, seed, 20.0) for seed in SEEDS]
    assert all(isinstance(plan, bi.IPlan) for plan in out)
    return out  # type: ignore[return-value]


def test_seeds_from_9800_are_set_i_and_h_stays_below() -> None:
    assert bm.family_of(9800) == bm.family_of(9812) == "held_back_i"
    assert bm.family_of(9799) == "held_back_h"
    assert bm.busy_plan(720, 1280, 9799, 20.0).family == "held_back_h"


def test_plans_are_repeatable_per_seed(plans: list[bi.IPlan]) -> None:
    again = bm.busy_plan(720, 1280, SEEDS[3], 20.0)
    assert bm.plan_digest(again) == bm.plan_digest(plans[3])
    assert bm.plan_digest(plans[3]) != bm.plan_digest(plans[4])


def test_episodes_last_twenty_seconds_with_micro_drama_pacing(plans: list[bi.IPlan]) -> None:
    counts = [len(plan.labelled_cuts()) for plan in plans]
    assert all(600 <= plan.frame_count <= 700 for plan in plans)
    assert all(14 <= count <= 34 for count in counts)
    assert 20 <= sum(counts) / len(counts) <= 30
    lengths = [shot.frames for plan in plans for shot in plan.shots[:-1]]
    assert min(lengths) == 4 and max(lengths) <= 120
    short = sum(4 <= n <= 10 for n in lengths)
    assert 0.2 < short / len(lengths) < 0.45


def test_every_kind_of_cut_and_of_calm_stretch_occurs(plans: list[bi.IPlan]) -> None:
    cuts = Counter(kind for plan in plans for _frame, kind in plan.labelled_cuts())
    assert set(cuts) == {"hue_only", "framing_only", "short_by_busy", "busy_to_busy",
                         "busy_edge", "white_flash", "calm"}, cuts
    assert cuts["busy_to_busy"] >= 8 and cuts["short_by_busy"] >= 30
    kinds = Counter(kind for plan in plans for kind in plan.frame_kinds())
    assert all(kinds[kind] > 0 for kind in I_CALM_KINDS), kinds
    assert set(kinds) <= set(bm.CALM_KINDS)
    entered = Counter(shot.enter for plan in plans for shot in plan.shots)
    assert entered["dissolve"] >= 4 and entered["flash"] >= 8


def test_whips_go_every_way_at_changing_speed_and_focus_racks_both_ways(
        plans: list[bi.IPlan]) -> None:
    events = [event for plan in plans for shot in plan.shots
              for event in shot.events]  # type: ignore[attr-defined]
    whips = [event for event in events if event[0].startswith("whip")]
    assert {kind for kind, *_rest in whips} == {"whip_h", "whip_v", "whip_d"}
    assert {b for _k, _f, _n, _a, b, _s in whips} == {0.0, 1.0, 2.0}
    assert all(3 <= frames <= 8 for _k, _f, frames, *_rest in whips)
    focus = {a for kind, _f, _n, a, _b, _s in events if kind == "focus"}
    assert 0.0 in focus and focus & {-1.0, 1.0}
    assert {b for kind, _f, _n, _a, b, _s in events if kind == "wipe"} == {0.0, 1.0, 2.0}
    assert {kind for kind, *_rest in events} >= {"flicker", "shadow", "beam"}


def test_every_look_and_grain_level_is_used_and_night_cuts_to_night(
        plans: list[bi.IPlan]) -> None:
    assert {plan.look for plan in plans} == set(bi.LOOK_NAMES)
    grains = {max(shot.grain for shot in plan.shots) for plan in plans}
    assert 0.0 in grains and max(grains) >= 25
    dark_pairs = sum(1 for plan in plans for before, after in itertools.pairwise(plan.shots)
                     if after.enter != "dissolve" and plan.dark(before) and plan.dark(after))
    assert dark_pairs >= 20


def test_labels_match_what_changes_at_each_cut(plans: list[bi.IPlan]) -> None:
    reverse = 0
    for plan in plans:
        by_start = dict(zip(plan.starts(), range(len(plan.shots)), strict=True))
        for frame, kind in plan.labelled_cuts():
            index = by_start[frame]
            before, after = plan.shots[index - 1], plan.shots[index]
            assert isinstance(before, bi.IShot) and isinstance(after, bi.IShot)
            grade_kept = (before.hue[1], before.light[1], before.grain, before.look) == (
                after.hue[0], after.light[0], after.grain, after.look)
            if kind == "framing_only":
                assert after.scene == before.scene and after.camera != before.camera
                assert grade_kept, (plan.seed, frame)
                assert after.hue[0] == after.hue[1] and after.light[0] == after.light[1]
            elif kind == "hue_only":
                assert after.scene == before.scene and after.camera == before.camera
                assert before.camera.pan == (0.0, 0.0) and before.camera.zoom_rate == 0.0
                assert (after.hue[0], after.light[0]) != (before.hue[1], before.light[1])
                assert not grade_kept
            else:
                assert after.scene != before.scene
                if plan.scenes[after.scene] == plan.scenes[before.scene]:
                    reverse += 1  # shot / reverse shot: two views of one place …
                    assert grade_kept  # … in the same light
            if kind in ("busy_to_busy",):
                assert plan.busy(before) and plan.busy(after)
    assert reverse >= 8


def test_things_inside_shots_never_touch_a_cut_or_a_dissolve(plans: list[bi.IPlan]) -> None:
    for plan in plans:
        kinds = plan.frame_kinds()
        dissolves = {k for k, kind in enumerate(kinds) if kind == "dissolve"}
        near_cut = {c + d for c in plan.cut_frames for d in (-1, 0, 1)}
        for start, shot in zip(plan.starts(), plan.shots, strict=True):
            assert isinstance(shot, bi.IShot)
            spans = [(bi.EVENT_LABEL[kind], range(start + first - 1, start + first + frames + 1))
                     for kind, first, frames, *_rest in shot.events]
            if shot.lightning_at >= 0:
                at = start + shot.lightning_at
                spans.append(("lightning", range(at - 1, at + 3)))
            for label, span in spans:
                assert span.start > 0 and span.stop <= start + shot.frames - 3
                assert not set(span) & (dissolves | near_cut), (plan.seed, label, span)
                assert {kinds[k] for k in span} == {label}, (plan.seed, label, span)


def _render(shot: bi.IShot, scene: str = "still", size: tuple[int, int] = (320, 180)
            ) -> list[np.ndarray]:
    plan = bi.IPlan(size[1], size[0], 9801, "held_back_i", ((scene, 1),), (shot,))
    return [frame.astype(np.float32) for frame in bm.BusyRenderer(plan).shot_frames(shot)]


def _sharpness(frame: np.ndarray, axis: int) -> float:
    return float(np.abs(np.diff(frame.mean(axis=2), axis=axis)).mean())


def test_a_horizontal_whip_lands_elsewhere_blurred_sideways() -> None:
    camera = bm.Camera(zoom=2.0, centre=(0.3, 0.5))
    shot = bi.IShot(frames=20, scene=0, camera=camera,
                    events=(("whip_h", 8, 5, 0.4, 2.0, 3),))
    frames = _render(shot)
    assert np.abs(frames[0] - frames[7]).mean() < 1  # still before …
    assert np.abs(frames[0] - frames[19]).mean() > 10  # … elsewhere after
    middle = frames[10]
    assert _sharpness(middle, 1) < 0.5 * _sharpness(frames[0], 1)  # blurred sideways …
    sharp_ratio = _sharpness(frames[0], 1) / _sharpness(frames[0], 0)
    assert _sharpness(middle, 1) / _sharpness(middle, 0) < 0.5 * sharp_ratio  # … not upright


def test_a_wipe_covers_most_of_the_picture_for_a_few_frames_only() -> None:
    shot = bi.IShot(frames=24, scene=0, events=(("wipe", 8, 7, 1.0, 2.0, 5),))
    frames = _render(shot)
    changed = [float((np.abs(f - frames[0]).mean(axis=2) > 20).mean()) for f in frames]
    assert max(changed[9:14]) > 0.7
    assert max(changed[:8] + changed[16:]) < 0.02


def test_flicker_shadow_and_beam_change_the_light_only_while_they_last() -> None:
    for event in (("flicker", 6, 10, 0.6, 0.4, 11), ("shadow", 6, 12, 0.6, 0.5, 12),
                  ("beam", 6, 12, 0.6, 0.9, 13)):
        frames = _render(bi.IShot(frames=24, scene=0, events=(event,)))
        levels = [float(f.mean()) for f in frames]
        inside = levels[event[1]:event[1] + event[2]]
        assert max(abs(level - levels[0]) for level in inside) > 8, event[0]
        assert max(abs(level - levels[0]) for level in levels[19:]) < 0.5, event[0]


def test_rack_focus_moves_the_blur_from_far_to_near() -> None:
    shot = bi.IShot(frames=30, scene=0, events=(("focus", 8, 14, 1.0, 12.0, 4),))
    frames = _render(shot, size=(640, 360))
    top, bottom = slice(0, 120), slice(520, 640)
    assert _sharpness(frames[0][top], 1) < 0.6 * _sharpness(frames[0][bottom], 1)
    assert _sharpness(frames[-1][bottom], 1) < 0.6 * _sharpness(frames[-1][top], 1)


@pytest.mark.parametrize("name", bi.HELD_BACK_I_SOURCES)
def test_each_new_place_is_a_moving_picture(name: str) -> None:
    source = bm._SOURCES[name](np.random.default_rng(3), 640, 360, 2)
    frames = [source.frame() for _ in range(30)]
    for frame in frames[::10]:
        assert frame.shape == (640, 360, 3) and frame.dtype == np.float32
        assert frame.std() > 12  # a picture, not a flat field
    changes = [float(np.abs(b - a).mean()) for a, b in itertools.pairwise(frames)]
    assert sum(change > 0.05 for change in changes) >= 20, changes
    again = bm._SOURCES[name](np.random.default_rng(3), 640, 360, 2)
    assert np.array_equal(again.frame(), frames[0])


def test_rendered_frames_of_set_i_have_the_right_shape() -> None:
    plan = bm.busy_plan(180, 320, SEEDS[0], 1.5)
    frames = list(bm.BusyRenderer(plan).frames())
    assert len(frames) == plan.frame_count
    assert all(frame.shape == (320, 180, 3) and frame.dtype == np.uint8 for frame in frames)
