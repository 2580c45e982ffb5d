"""Set G of busy episodes (``busy_media_g``): plans, labels and pictures.

No cut detector runs here (set G was held back until it was run twice): these tests check that
the episodes are what their labels say — the planner is deterministic, every kind of cut and of
calm stretch occurs, framing-only and grade-only cuts change only what they claim, whip pans,
rack focus and flicker lie inside shots and look like what they are, the new sources draw
moving, non-flat pictures (every family's plans are pinned in ``test_busy_plans_pinned``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from tests.accessibility.pacing import busy_media_g as g
from tests.accessibility.pacing.busy_media import (
    _SOURCES,
    HELD_BACK_G_SEED,
    BusyPlan,
    BusyRenderer,
    busy_plan,
    family_of,
)

W, H = 720, 1280
SEEDS = range(HELD_BACK_G_SEED + 1, HELD_BACK_G_SEED + 13)
PLANS = {seed: busy_plan(W, H, seed, 20.0) for seed in SEEDS}
INSIDE = ("whip", "focus", "flicker")


def test_plans_are_deterministic_per_seed_and_differ_between_seeds() -> None:
    assert family_of(9601) == "held_back_g" and family_of(9612) == "held_back_g"
    assert family_of(9599) == "held_back_f" and family_of(9512) == "held_back_f"
    for seed, plan in PLANS.items():
        again = busy_plan(W, H, seed, 20.0)
        assert again == plan
        assert again.labelled_cuts() == plan.labelled_cuts()
        assert again.frame_kinds() == plan.frame_kinds()
        assert isinstance(plan, g.GPlan) and plan.family == "held_back_g"
    assert len({plan.shots for plan in PLANS.values()}) == len(PLANS)
    # The size of the picture does not change the plan.
    small = busy_plan(180, 320, 9601, 20.0)
    assert small.shots == PLANS[9601].shots and small.scenes == PLANS[9601].scenes


def test_every_cut_kind_and_calm_kind_occurs_and_episodes_have_micro_drama_pacing() -> None:
    cuts: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for plan in PLANS.values():
        labelled = plan.labelled_cuts()
        assert 15 <= len(labelled) <= 35
        assert 18 * 30 <= plan.frame_count <= 22 * 30
        cuts.update(kind for _frame, kind in labelled)
        kinds.update(plan.frame_kinds())
        lengths = [shot.frames for shot in plan.shots]
        assert min(lengths) >= 4 and max(lengths) <= 120
        assert sum(n <= 10 for n in lengths) >= 2
        assert set(plan.scenes[shot.scene][0] for shot in plan.shots) - {"still", "wall"}
    assert set(cuts) == {"hue_only", "framing_only", "short_by_busy", "busy_to_busy",
                         "busy_edge", "white_flash", "calm"}, cuts
    assert set(kinds) == {"dissolve", "lightning", "busy", "pan", "zoom", "handheld", "ramp",
                          "hue_drift", "grain", "still", "whip", "focus", "flicker"}, kinds
    assert 20 <= sum(cuts.values()) / len(PLANS) <= 30
    assert cuts["hue_only"] >= 10 and cuts["framing_only"] >= 20 and cuts["white_flash"] >= 6
    for kind in INSIDE:
        assert kinds[kind] >= 50, kind
    names = {name for plan in PLANS.values() for name, _palette in plan.scenes}
    assert set(g.HELD_BACK_G_SOURCES) <= names


def _shot_at(plan: BusyPlan, frame: int) -> int:
    return plan.starts().index(frame)


def test_cut_labels_change_only_what_they_claim() -> None:
    seen: Counter[str] = Counter()
    for plan in PLANS.values():
        for frame, kind in plan.labelled_cuts():
            index = _shot_at(plan, frame)
            before, shot = plan.shots[index - 1], plan.shots[index]
            same_grade = (before.hue[1] == shot.hue[0] and before.light[1] == shot.light[0]
                          and before.grain == shot.grain)
            if kind == "framing_only":
                assert before.scene == shot.scene and same_grade and shot.enter == "cut"
                assert before.camera != shot.camera
                old = before.camera.zoom * (1 + before.camera.zoom_rate) ** before.frames
                ratio = max(shot.camera.zoom / old, old / shot.camera.zoom)
                if shot.camera.mirror == before.camera.mirror:
                    assert 1.25 <= ratio <= 2.55, (plan.seed, frame, ratio)
                    seen["punch" if shot.camera.zoom > old else "pull"] += 1
                else:
                    seen["mirror"] += 1
            elif kind == "hue_only":
                assert before.scene == shot.scene and before.camera == shot.camera
                assert before.camera.pan == (0.0, 0.0) and not before.camera.zoom_rate
                assert getattr(before, "inner", 1.0) == getattr(shot, "inner", 1.0)
                assert getattr(before, "spot", None) == getattr(shot, "spot", None)
                assert not getattr(before, "whip", ()) and not getattr(shot, "whip", ())
                assert (before.hue[1], before.light[1]) != (shot.hue[0], shot.light[0])
                seen["light" if before.light[1] != shot.light[0] else "hue"] += 1
            else:
                assert before.scene != shot.scene or kind == "white_flash"
        # Shot / reverse shot: two scenes of the same source and palette, cut back and forth.
        for before, shot in itertools.pairwise(plan.shots):
            if before.scene != shot.scene and plan.scenes[before.scene] == plan.scenes[
                    shot.scene]:
                seen["reverse_" + ("calm" if plan.scenes[shot.scene][0] == "still"
                                   else "busy")] += 1
    for what in ("punch", "pull", "mirror", "hue", "light", "reverse_calm", "reverse_busy"):
        assert seen[what] >= 3, (what, seen)


def test_framing_only_cuts_happen_on_calm_and_busy_places() -> None:
    places: Counter[str] = Counter()
    for plan in PLANS.values():
        for frame, kind in plan.labelled_cuts():
            if kind == "framing_only":
                shot = plan.shots[_shot_at(plan, frame)]
                places["busy" if plan.busy(shot) else "calm"] += 1
    assert places["busy"] >= 5 and places["calm"] >= 3, places


def test_whip_focus_and_flicker_lie_inside_shots_never_on_a_cut() -> None:
    directions: set[tuple[bool, bool]] = set()
    profiles: set[float] = set()
    for plan in PLANS.values():
        kinds = plan.frame_kinds()
        for frame in plan.cut_frames:
            assert kinds[frame] not in INSIDE and kinds[frame - 1] not in INSIDE
        shots = plan.shots
        for index, (start, shot) in enumerate(zip(plan.starts(), shots, strict=True)):
            for first, frames, kind in getattr(shot, "stretches", tuple)():
                assert first >= 3 and first + frames <= shot.frames - 3
                if shot.enter == "dissolve":
                    assert first >= shot.enter_frames + 3
                after = shots[index + 1] if index + 1 < len(shots) else None
                if after is not None and after.enter == "dissolve":
                    assert first + frames <= shot.frames - 3 - after.enter_frames
                assert shot.lightning_at < 0
                assert all(kinds[k] == kind for k in range(start + first,
                                                           start + first + frames))
                if kind == "whip":
                    assert isinstance(shot, g.GShot) and 3 <= frames <= 8
                    _f, _n, dx, dy, profile, shutter = shot.whip
                    half = 0.5 / shot.inner
                    for x, y in (shot.spot, (shot.spot[0] + dx, shot.spot[1] + dy)):
                        assert half - 1e-9 <= x <= 1 - half + 1e-9
                        assert half - 1e-9 <= y <= 1 - half + 1e-9
                    assert 0.6 <= shutter <= 1.0
                    directions.add((dx != 0, dy != 0))
                    profiles.add(profile)
                if kind in ("whip", "focus"):
                    for other in (shots[index - 1] if index else None, after):
                        assert other is None or other.scene != shot.scene
    assert directions == {(True, False), (False, True), (True, True)}
    assert profiles == {0, 1, 2}


def _stretch(kind: str) -> tuple[g.GPlan, int, g.GShot]:
    for plan in PLANS.values():
        for index, shot in enumerate(plan.shots):
            if not isinstance(shot, g.GShot):
                continue
            has = any(k == kind for _f, _n, k in shot.stretches())
            if has and (kind != "whip" or (shot.whip[2] and shot.whip[3])):  # diagonal whip
                small = busy_plan(180, 320, plan.seed, 20.0)
                assert isinstance(small, g.GPlan)
                return small, index, shot
    raise AssertionError(kind)


def _frames_of(plan: g.GPlan, index: int) -> list[np.ndarray]:
    return list(BusyRenderer(plan).shot_frames(plan.shots[index]))


def _coarse(frame: np.ndarray) -> np.ndarray:
    h, w = frame.shape[0] // 4 * 4, frame.shape[1] // 4 * 4
    return frame[:h, :w].reshape(h // 4, 4, w // 4, 4, 3).mean((1, 3))


def _sharpness(frame: np.ndarray, axis: int) -> float:
    return float(np.abs(np.diff(frame.mean(2), axis=axis)).mean())


def test_a_whip_pan_blurs_along_its_travel_and_lands_on_another_part_of_the_place() -> None:
    plan, index, shot = _stretch("whip")
    frames = _frames_of(plan, index)
    first, count = int(shot.whip[0]), int(shot.whip[1])
    before, landed = frames[first - 1], frames[first + count]
    speeds = [shot._progress(i) - shot._progress(i - 1) for i in range(first, first + count)]
    assert min(speeds) > 0 and abs(sum(speeds) - 1) < 1e-9
    fastest = frames[first + int(np.argmax(speeds))]
    for axis in (0, 1):  # on 4×4 averages, so that grain does not count as detail
        assert _sharpness(_coarse(fastest), axis) < 0.7 * _sharpness(_coarse(before), axis)
    assert np.abs(landed - before).mean() > 10
    # After landing the picture holds still apart from the place's own motion.
    assert np.abs(frames[-1] - landed).mean() < np.abs(landed - before).mean()


def test_a_rack_focus_moves_the_blur_between_subject_and_background() -> None:
    plan, index, shot = _stretch("focus")
    frames = _frames_of(plan, index)
    first, count, far0, far1, near0, near1 = shot.focus
    assert (far1 > far0) == (near1 < near0)  # the focus moves from one to the other
    a, b = frames[int(first) - 1], frames[int(first + count)]
    subject = (slice(int(0.5 * 320), int(0.72 * 320)), slice(int(0.35 * 180), int(0.65 * 180)))
    background = (slice(0, int(0.25 * 320)), slice(None))

    def sharp(frame: np.ndarray, where: tuple[slice, slice]) -> float:
        return _sharpness(frame[where], 0) + _sharpness(frame[where], 1)

    if far1 > far0:  # the background goes soft, the subject comes sharp
        assert sharp(b, background) < sharp(a, background)
        assert sharp(b, subject) > sharp(a, subject)
    else:
        assert sharp(b, background) > sharp(a, background)
        assert sharp(b, subject) < sharp(a, subject)


def test_a_flicker_dims_the_picture_for_a_few_frames_and_comes_back() -> None:
    plan, index, shot = _stretch("flicker")
    frames = _frames_of(plan, index)
    steady = replace(plan, shots=tuple(replace(shot, flicker=()) if k == index else s
                                       for k, s in enumerate(plan.shots)))
    plain = _frames_of(steady, index)  # the same shot, same source and grain, no flicker
    first, count, depth, _seed = (int(shot.flicker[0]), int(shot.flicker[1]),
                                  shot.flicker[2], shot.flicker[3])
    gains = [float(f.mean() / p.mean()) for f, p in zip(frames, plain, strict=True)]
    assert all(abs(gain - 1) < 1e-6 for gain in gains[:first] + gains[first + count:])
    assert min(gains[first:first + count]) < 1 - 0.5 * depth
    assert all(gain <= 1 + 1e-6 for gain in gains)


@pytest.mark.parametrize("name", g.HELD_BACK_G_SOURCES)
def test_new_sources_draw_moving_non_flat_pictures(name: str) -> None:
    source = _SOURCES[name](np.random.default_rng(3), 640, 360, 1)
    frames = [source.frame().copy() for _ in range(10)]
    for frame in frames:
        assert frame.shape == (640, 360, 3) and frame.dtype == np.float32
        assert np.isfinite(frame).all()
        assert frame.std() > 12
        assert frame.min() >= 0 and frame.max() <= 255
    changes = [float(np.abs(b - a).mean()) for a, b in itertools.pairwise(frames)]
    assert sum(c > 0 for c in changes) >= 6, changes
    assert np.abs(frames[-1] - frames[0]).mean() > 0.02


def test_a_whole_episode_renders_frame_for_frame() -> None:
    plan = busy_plan(180, 320, 9601, 20.0)
    frames = list(BusyRenderer(plan).frames())
    assert len(frames) == plan.frame_count
    assert all(f.shape == (320, 180, 3) and f.dtype == np.uint8 for f in frames)
