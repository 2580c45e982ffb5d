"""Held-back set F of busy episodes (``busy_media_f``): plans, labels and pictures.

No cut detector runs here (set F stays held back): these tests check that the episodes are
what their labels say — the planner is deterministic, every kind of cut and of calm stretch
occurs, framing-only and hue-only cuts change only what they claim, whip pans, rack focus and
flicker lie inside shots, the new sources draw moving, non-flat pictures, and the other
families' plans are exactly what they were before set F was added.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter

import numpy as np
import pytest

from tests.accessibility.pacing import busy_media_f as f
from tests.accessibility.pacing.busy_media import (
    _SOURCES,
    CALM_KINDS,
    HELD_BACK_F_SEED,
    BusyRenderer,
    BusyShot,
    Camera,
    busy_plan,
    family_of,
)

W, H = 720, 1280
SEEDS = range(HELD_BACK_F_SEED + 1, HELD_BACK_F_SEED + 13)
PLANS = {seed: busy_plan(W, H, seed, 20.0) for seed in SEEDS}

# sha256 over repr(plan), its labelled cuts and its frame kinds, for the seeds below, computed
# from busy_media.py as it was before set F existed (main at ee96813).
OTHER_FAMILIES = (1, 2, 7, 101, 150, 9001, 9002, 9101, 9201, 9250, 9301, 9305, 9401, 9406, 9412)
OTHER_FAMILIES_DIGEST = "c5938d196436cb04ceeb2b7eeaae737a465908f4898e7b60bd126640d9c8f68c"


def test_other_families_plans_are_unchanged() -> None:
    digest = hashlib.sha256()
    for seed in OTHER_FAMILIES:
        plan = busy_plan(W, H, seed, 20.0)
        assert plan.family != "held_back_f"
        digest.update(repr(plan).encode())
        digest.update(repr(plan.labelled_cuts()).encode())
        digest.update(repr(plan.frame_kinds()).encode())
    assert digest.hexdigest() == OTHER_FAMILIES_DIGEST


def test_plans_are_deterministic_per_seed_and_differ_between_seeds() -> None:
    assert family_of(9501) == "held_back_f" and family_of(9499) == "held_back_e"
    for seed, plan in PLANS.items():
        again = busy_plan(W, H, seed, 20.0)
        assert again == plan
        assert again.labelled_cuts() == plan.labelled_cuts()
        assert again.frame_kinds() == plan.frame_kinds()
        assert isinstance(plan, f.FPlan) and plan.family == "held_back_f"
    assert len({plan.shots for plan in PLANS.values()}) == len(PLANS)


def test_every_cut_kind_and_every_calm_kind_occurs() -> None:
    cuts = Counter(kind for plan in PLANS.values() for _frame, kind in plan.labelled_cuts())
    kinds = Counter(kind for plan in PLANS.values() for kind in plan.frame_kinds())
    assert set(cuts) == {"hue_only", "framing_only", "short_by_busy", "busy_to_busy",
                         "busy_edge", "white_flash", "calm"}, cuts
    assert {"whip", "focus", "flicker"} <= set(CALM_KINDS)
    assert set(kinds) == {"dissolve", "lightning", "busy", "pan", "zoom", "handheld", "ramp",
                          "hue_drift", "grain", "still", "whip", "focus", "flicker"}, kinds
    for kind in ("framing_only", "hue_only", "short_by_busy", "busy_to_busy"):
        assert cuts[kind] >= 10, cuts


def test_shot_lengths_and_cut_counts_are_those_of_a_busy_micro_drama() -> None:
    counts = [len(plan.labelled_cuts()) for plan in PLANS.values()]
    assert all(14 <= n <= 36 for n in counts), counts
    assert 19 <= np.mean(counts) <= 30, counts
    lengths = [shot.frames for plan in PLANS.values() for shot in plan.shots]
    assert min(lengths) >= 4 and max(lengths) <= 120
    assert sum(4 <= n <= 10 for n in lengths) >= 0.25 * len(lengths)
    for plan in PLANS.values():
        assert 20 * 30 - 60 <= plan.frame_count <= 20 * 30 + 120  # dissolves overlap shots


def test_framing_only_and_hue_only_cuts_change_only_what_they_say() -> None:
    seen: Counter[str] = Counter()
    for plan in PLANS.values():
        index = {start: k for k, start in enumerate(plan.starts())}
        for frame, kind in plan.labelled_cuts():
            shot = plan.shots[index[frame]]
            before = plan.shots[index[frame] - 1]
            if kind == "framing_only":
                assert shot.scene == before.scene and shot.camera != before.camera
                assert shot.hue[0] == before.hue[1] and shot.light[0] == before.light[1]
                assert shot.grain == before.grain
                seen["punch" if shot.camera.zoom != before.camera.zoom else "mirror"
                     if shot.camera.mirror != before.camera.mirror else "other"] += 1
            elif kind == "hue_only":
                assert shot.scene == before.scene and shot.camera == before.camera
                # A still camera before the cut and no whip pan in it: the framing stays.
                assert before.camera.pan == (0.0, 0.0) and before.camera.zoom_rate == 0.0
                assert getattr(before, "whip_at", -1) < 0
                assert (shot.hue[0] != before.hue[1]) or (shot.light[0] != before.light[1])
                jump = abs(shot.hue[0] - before.hue[1])
                ratio = shot.light[0] / before.light[1]
                assert jump >= 40 or ratio <= 0.75 or ratio >= 1.3
                seen["hue" if jump else "light"] += 1
    assert seen["punch"] >= 10 and seen["mirror"] >= 3, seen
    assert seen["hue"] >= 3 and seen["light"] >= 3, seen


def test_shot_reverse_shot_alternates_two_sides_of_one_room() -> None:
    reverse = 0
    for plan in PLANS.values():
        names = [name for name, _palette in plan.scenes]
        a, b = names.index("dialogue_a"), names.index("dialogue_b")
        assert plan.scenes[a][1] == plan.scenes[b][1]  # one palette, one light
        for before, shot in itertools.pairwise(plan.shots):
            if {before.scene, shot.scene} == {a, b}:
                reverse += 1
                assert shot.light[0] == before.light[1] and shot.hue[0] == before.hue[1]
    assert reverse >= 5


def test_whip_focus_and_flicker_lie_inside_shots_never_on_a_cut() -> None:
    stretches: Counter[str] = Counter()
    for plan in PLANS.values():
        cuts = set(plan.cut_frames)
        kinds = plan.frame_kinds()
        for start, shot in zip(plan.starts(), plan.shots, strict=True):
            for first, end, kind in getattr(shot, "stretches", tuple)():
                stretches[kind] += 1
                assert first >= 1 and end <= shot.frames - 1, (plan.seed, start, kind)
                if shot.enter == "dissolve":
                    assert first > shot.enter_frames
                frames = range(start + first, start + end)
                assert not any(k + d in cuts for k in frames for d in (-1, 0, 1))
                assert sum(kinds[k] == kind for k in frames) >= len(frames) - 4
        for k, kind in enumerate(kinds):
            if kind in ("whip", "focus", "flicker"):
                assert not {k - 1, k, k + 1} & cuts, (plan.seed, k, kind)
    assert min(stretches["whip"], stretches["focus"], stretches["flicker"]) >= 8, stretches


@pytest.mark.parametrize("name", f.HELD_BACK_F_SOURCES)
def test_each_new_source_draws_a_moving_picture(name: str) -> None:
    source = _SOURCES[name](np.random.default_rng(7), 320, 180, 2)
    frames = [source.frame().copy() for _ in range(6)]
    for picture in frames:
        assert picture.shape == (320, 180, 3) and picture.dtype == np.float32
        assert np.isfinite(picture).all()
        assert picture.std() > 12  # not flat: walls, figures, lights
        assert np.abs(np.diff(picture, axis=1)).mean() > 0.5  # edges to see
    changes = [np.abs(b - a).mean() for a, b in itertools.pairwise(frames)]
    assert all(change > 0.05 for change in changes), changes  # it moves every frame
    again = _SOURCES[name](np.random.default_rng(7), 320, 180, 2)
    assert np.array_equal(again.frame(), frames[0])  # deterministic per rng


def _sharpness(picture: np.ndarray) -> float:
    grey = picture.astype(np.float32).mean(axis=2)
    return float(np.abs(np.diff(grey, axis=1)).mean())


def test_renderer_draws_whip_pans_rack_focus_and_flicker_where_the_plan_puts_them() -> None:
    plan = f.FPlan(180, 320, seed=9599, family="held_back_f",
                   scenes=(("still", 1), ("room", 2), ("wall", 3)), shots=(
        f.FShot(30, scene=0, camera=Camera(zoom=2.0, centre=(0.3, 0.5)), whip_at=10,
                whip_frames=5, whip_shift=0.4),
        f.FShot(30, scene=2, camera=Camera(zoom=1.4), focus_at=8, focus_frames=12,
                focus_blur=12.0),
        f.FShot(30, scene=1, flicker_at=6, flicker_frames=12, flicker_seed=3),
        BusyShot(10, scene=0),
    ))
    frames = list(BusyRenderer(plan).frames())
    kinds = plan.frame_kinds()
    assert kinds[9:16] == ("whip",) * 7 and kinds[37:51] == ("focus",) * 14
    assert kinds[65:79] == ("flicker",) * 14
    sharp = [_sharpness(p) for p in frames]
    assert max(sharp[11:14]) < 0.6 * sharp[5]  # smeared by the fast pan
    assert not np.array_equal(frames[25], frames[5])  # the whip ends on another framing
    assert sharp[44] < 0.6 * sharp[35] and sharp[55] > 0.9 * sharp[35]  # blurs, sharpens
    flickering = plan.shots[2]
    assert isinstance(flickering, f.FShot)
    gains = flickering.flicker_gains()
    light = [float(p.mean()) for p in frames]
    for k, gain in enumerate(gains):
        if gain < 1:
            assert light[66 + k] < 0.8 * light[65]
    assert light[80] > 0.9 * light[65]
    assert plan.labelled_cuts() == ((30, "calm"), (60, "busy_edge"), (90, "short_by_busy"))
