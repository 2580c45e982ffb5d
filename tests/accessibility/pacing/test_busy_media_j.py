"""Set J of busy micro-drama episodes: plans, labels and sources, checked without any detector.

Set J was held back until it was run once (ADR 008): nothing here runs a cut detector on it;
these tests check that the episodes are what their labels say (cuts where the picture is cut,
effects inside shots away from cuts) and that they repeat per seed (every family's plans are
pinned in ``test_busy_plans_pinned``).
"""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import pytest

from tests.accessibility.pacing import busy_media as bm
from tests.accessibility.pacing import busy_media_j as bj

SEEDS = range(bm.HELD_BACK_J_SEED + 1, bm.HELD_BACK_J_SEED + 13)

# The frame kinds set J plans (the other sets' and its own).
J_CALM_KINDS = ("dissolve", "lightning", "busy", "pan", "zoom", "handheld", "ramp", "hue_drift",
                "grain", "still", "whip", "focus", "flicker", "sticker", "punch", "shake_fx",
                "glow", "slowmo", "freeze", "glitch_fx", "wipe")
EFFECT_KINDS = ("whip", "focus", "flicker", "sticker", "punch", "shake_fx", "glow", "slowmo",
                "freeze", "glitch_fx", "wipe")


def _j_shots(plan: bm.BusyPlan) -> list[bj.JShot]:
    shots = [shot for shot in plan.shots if isinstance(shot, bj.JShot)]
    assert len(shots) == len(plan.shots)
    return shots


@pytest.fixture(scope="module")
def plans() -> list[bj.JPlan]:
    out = []
    for seed in SEEDS:
        plan = bm.busy_plan(720, 1280, seed, 20.0)
        assert isinstance(plan, bj.JPlan)
        out.append(plan)
    return out


def test_seeds_from_9900_are_set_j_and_i_stays_below() -> None:
    assert bm.family_of(9900) == bm.family_of(9912) == "held_back_j"
    assert bm.family_of(9899) == "held_back_i"
    assert bm.busy_plan(720, 1280, 9899, 20.0).family == "held_back_i"
    assert bm.busy_plan(720, 1280, 9905, 20.0).family == "held_back_j"


def test_plans_are_repeatable_per_seed_and_differ_between_seeds(
        plans: list[bj.JPlan]) -> None:
    again = bm.busy_plan(720, 1280, SEEDS[4], 20.0)
    assert bm.plan_digest(again) == bm.plan_digest(plans[4])
    assert len({bm.plan_digest(plan) for plan in plans}) == len(plans)


def test_episodes_last_twenty_seconds_with_micro_drama_pacing(plans: list[bj.JPlan]) -> None:
    counts = [len(plan.labelled_cuts()) for plan in plans]
    assert all(570 <= plan.frame_count <= 700 for plan in plans)  # dissolves overlap shots
    assert all(15 <= count <= 35 for count in counts), counts
    assert 20 <= sum(counts) / len(counts) <= 30, counts
    lengths = [shot.frames for plan in plans for shot in plan.shots[:-1]]
    assert min(lengths) == 4 and max(lengths) <= 120
    assert 0.2 < sum(n <= 10 for n in lengths) / len(lengths) < 0.45


def test_every_kind_of_cut_and_of_calm_stretch_occurs(plans: list[bj.JPlan]) -> None:
    assert bm.CUT_KINDS[-1] == "glitch"
    assert set(J_CALM_KINDS) <= set(bm.CALM_KINDS)
    cuts = Counter(kind for plan in plans for _frame, kind in plan.labelled_cuts())
    assert set(cuts) == set(bm.CUT_KINDS), cuts
    assert cuts["glitch"] >= 8 and cuts["white_flash"] >= 6 and cuts["busy_to_busy"] >= 8
    assert cuts["framing_only"] >= 20 and cuts["hue_only"] >= 10, cuts
    kinds = Counter(kind for plan in plans for kind in plan.frame_kinds())
    assert set(kinds) == set(J_CALM_KINDS), kinds
    effects = Counter(f[0] for plan in plans for shot in _j_shots(plan) for f in shot.fx)
    assert set(effects) == set(bj.FX_KIND) | {"action_in", "action_out"}, effects
    assert effects["action_in"] == effects["action_out"] >= 2
    whips = Counter(int(f[3]) for plan in plans for shot in _j_shots(plan) for f in shot.fx
                    if f[0] == "whip")
    assert set(whips) == {0, 1, 2}  # horizontal, vertical and diagonal


def test_each_episode_has_a_look_and_grain_of_its_own(plans: list[bj.JPlan]) -> None:
    assert {plan.look for plan in plans} == set(bj.LOOKS)
    grains = {round(max(shot.grain for shot in plan.shots)) for plan in plans}
    assert 0 in grains and max(grains) >= 24
    night = [plan for plan in plans if plan.look == "night"]
    assert len(night) == 2
    assert all(np.median([shot.light[0] for shot in plan.shots]) < 0.65 for plan in night)


def _shots_at(plan: bj.JPlan) -> dict[int, int]:
    """Index of the shot each labelled cut enters."""
    out = {}
    for index, (start, shot) in enumerate(zip(plan.starts(), plan.shots, strict=True)):
        assert isinstance(shot, bj.JShot)
        out[start + shot.residue if shot.glitch_in else start] = index
    return out


def test_labels_match_what_changes_at_each_cut(plans: list[bj.JPlan]) -> None:
    for plan in plans:
        entering = _shots_at(plan)
        for frame, kind in plan.labelled_cuts():
            after = plan.shots[entering[frame]]
            before = plan.shots[entering[frame] - 1]
            if kind == "framing_only":  # same place, same light and grade, other framing
                assert after.scene == before.scene and after.camera != before.camera
                assert after.hue == (before.hue[1], before.hue[1])
                assert after.light == (before.light[1], before.light[1])
                assert after.grain == before.grain
            elif kind == "hue_only":  # same place and framing (a camera at rest), other grade
                assert after.scene == before.scene and after.camera == before.camera
                assert before.camera.pan == (0.0, 0.0) and before.camera.zoom_rate == 0
                assert after.hue[0] != before.hue[1] or after.light[0] != before.light[1]
            elif kind == "glitch":
                assert isinstance(after, bj.JShot) and 2 <= after.glitch_in <= 4
            else:
                assert after.scene != before.scene


def test_effects_lie_inside_shots_and_never_on_a_cut(plans: list[bj.JPlan]) -> None:
    for plan in plans:
        kinds = plan.frame_kinds()
        cuts = plan.cut_frames
        for frame in cuts:
            assert kinds[frame] not in EFFECT_KINDS, (plan.seed, frame, kinds[frame])
        starts = plan.starts()
        for index, (start, shot) in enumerate(zip(starts, plan.shots, strict=True)):
            assert isinstance(shot, bj.JShot)
            for name, first, frames, _a, _b in shot.fx:
                assert first >= 0 and first + frames <= shot.frames
                if name in ("action_in", "action_out", "glitch"):
                    continue
                assert first >= 3 + shot.residue
                if shot.enter == "dissolve":
                    assert first >= shot.enter_frames + 3
                labelled = kinds[start + first:start + first + frames]
                assert set(labelled) == {bj.FX_KIND[name]}, (plan.seed, name, set(labelled))
                assert not set(range(start + first, start + first + frames)) & set(cuts)
            following = plan.shots[index + 1] if index + 1 < len(plan.shots) else None
            if isinstance(following, bj.JShot) and following.glitch_in:
                # The glitch frames end the shot; the cut comes at the first clean frame.
                end = start + shot.frames
                assert kinds[end - following.glitch_in:end] == ("glitch_fx",) * following.glitch_in
                cut = starts[index + 1] + following.residue
                assert cut in cuts and kinds[cut] != "glitch_fx"


def test_set_j_scenes_are_its_own_places_with_quiet_twins_and_other_sides(
        plans: list[bj.JPlan]) -> None:
    used = Counter(name.removesuffix(bj.QUIET) for plan in plans for name, _p in plan.scenes)
    assert set(used) == set(bj.J_PLACES)
    for plan in plans:
        names = [name for name, _p in plan.scenes]
        assert all(name.removesuffix(bj.QUIET) in bj.J_PLACES for name in names)
        assert plan.scenes[10] == plan.scenes[2] and plan.scenes[11] == plan.scenes[7]
        assert plan.scenes[8][1] == plan.scenes[0][1] + 5  # the other side, the same colours
        assert any(name.endswith(bj.QUIET) for name in names)


@pytest.mark.parametrize("name", bj.J_PLACES)
def test_each_new_place_moves_and_its_quiet_variant_stays_still(name: str) -> None:
    rng = np.random.default_rng(3)
    source = bm._SOURCES[name](rng, 1280, 720, 1)
    frames = [source.frame() for _ in range(8)]
    for frame in frames:
        assert frame.shape == (1280, 720, 3) and frame.dtype == np.float32
        assert frame.std() > 15  # a picture, not a flat field
    changes = [float(np.abs(a - b).mean()) for a, b in itertools.pairwise(frames)]
    assert sum(change > 0.05 for change in changes) >= 5, changes
    # The other side of the place (palette + 5): things elsewhere in a tenth of the picture.
    front = bm._SOURCES[name + bj.QUIET](np.random.default_rng(3), 1280, 720, 1).frame()
    back = bm._SOURCES[name + bj.QUIET](np.random.default_rng(3), 1280, 720, 6).frame()
    assert (np.abs(front - back).max(axis=2) > 20).mean() > 0.1
    quiet = bm._SOURCES[name + bj.QUIET](np.random.default_rng(3), 1280, 720, 1)
    still = [quiet.frame() for _ in range(3)]
    assert np.array_equal(still[0], still[2]) and still[0].std() > 15


def _render(fx: tuple[tuple[str, int, int, float, float], ...], frames: int = 24,
            scene: str = "villa") -> np.ndarray:
    shot = bj.JShot(frames=frames, scene=0, fx=fx)
    plan = bj.JPlan(180, 320, 9901, "held_back_j", ((scene, 0),), (shot,))
    return np.stack(list(bm.BusyRenderer(plan).frames())).astype(np.float32)


def test_editing_effects_change_the_picture_only_where_they_are() -> None:
    plain = _render(())
    assert plain.shape == (24, 320, 180, 3)
    for name, a in (("sticker", 1.0), ("emoji", 2.0), ("punch", 1.25), ("shake_fx", 0.04),
                    ("glow", 1.0), ("whip", 1.0), ("focus", 12.0), ("wipe", 0.0),
                    ("glitch", 0.0)):
        seen = _render(((name, 8, 8, a, 0.3),))
        differ = [float(np.abs(seen[k] - plain[k]).mean()) > 0.5 for k in range(24)]
        assert not any(differ[:8]) and not any(differ[17:]), (name, differ)
        assert sum(differ[8:16]) >= 5, (name, differ)


def test_freeze_frames_hold_the_picture_and_the_clip_goes_on_from_there() -> None:
    plain = _render((), frames=40, scene="wheat")
    frozen = _render((("freeze", 10, 12, 0.0, 0.5),), frames=40, scene="wheat")
    assert all(np.array_equal(frozen[10], frozen[k]) for k in range(11, 22))
    assert not np.allclose(plain[10], plain[11], atol=2)  # the wheat moves
    assert np.allclose(frozen[10], plain[10], atol=2)
    assert np.allclose(frozen[22], plain[11], atol=2)  # resumed where it was held
    slow = _render((("slowmo", 10, 12, 0.5, 0.2),), frames=40, scene="wheat")
    assert np.array_equal(slow[12], slow[13]) and np.allclose(slow[12], plain[11], atol=2)


def test_a_set_j_episode_renders_to_frames_of_its_size() -> None:
    plan = bm.busy_plan(180, 320, 9903, 3.0)
    frames = list(bm.BusyRenderer(plan).frames())
    assert len(frames) == plan.frame_count
    assert all(frame.shape == (320, 180, 3) and frame.dtype == np.uint8 for frame in frames)
