"""Cuts on busy footage, and the speed of the whole analysis, against PySceneDetect in-run.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/pip install --no-deps scenedetect
    .venv/bin/python benchmarks/bench_cuts.py [--episodes 6] [--seconds 20] [--repeat 3]

Accuracy. Episodes from ``tests/accessibility/pacing/busy_media.py`` (720×1280, 30 fps,
H.264 at ~2 Mb/s, cached under the temp directory): shots of 0.25–4 s from moving sources
whose every frame changes, hand-held shake, pans, zooms, grain, hue drift and lighting ramps
inside shots, dissolves and lightning (no cuts), 闪白 white-flash cuts, and cuts where only
the hue or only the framing changes. Five sets: the *tuning* set (seeds 1…N) and the *new
tuning* set (seeds 101…, water ripples, an LED wall, confetti; mirrored, turned and
punched-in re-framings, cuts during zooms, 8-frame shots, shake + grain + lighting ramp
together), on which the thresholds were chosen; *held-back* sets A and B (seeds 9001… and
9101…, other source generators and wider parameters) and C (seeds 9201…, the new generators
with other parameters plus backlit silhouettes and glitter, which no threshold was chosen
on), never used to choose a threshold. A detection
counts if it is within ±1 frame of an unmatched true cut. Printed per detector and set:
precision, recall, F1; for SilverReel and the best PySceneDetect detector also the recall
per kind of cut and the false cuts per kind of stretch they fell in (busy shot, pan, zoom,
dissolve, lightning…).

Speed. A 60 s episode as micro-dramas are served (720×1280, 25 fps, ~2 Mb/s, AAC sound,
burned-in subtitles over moving shots; ``tests/accessibility/ocr/ocr_media.py``), timed as
separate processes from a cold start, interleaved, best of ``--repeat``:
``silverreel inspect EPISODE --json`` (libVLC parse, subtitles, and the whole analysis:
cuts, flashes, loudness, picture subtitles), PySceneDetect's ``ContentDetector`` finding cuts
alone, and plain decoding (``ffmpeg -f null``). The goal: inspect in less than 2/3 of
ContentDetector's time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from accessibility.pacing.measure import measure_file  # noqa: E402
from tests.accessibility.pacing.busy_media import (  # noqa: E402
    CALM_KINDS,
    CUT_KINDS,
    HELD_BACK_C_SEED,
    HELD_BACK_SEED,
    NEW_TUNING_SEED,
    BusyRenderer,
    busy_plan,
)
from tests.accessibility.pacing.pacing_media import encode  # noqa: E402

WIDTH, HEIGHT = 720, 1280
CACHE = Path(tempfile.gettempdir()) / "silverreel-bench-cuts-v1"
ENCODER = ("-preset", "veryfast", "-b:v", "2M", "-maxrate", "3M", "-bufsize", "4M")


@dataclass(frozen=True)
class Episode:
    path: Path
    cuts: tuple[tuple[int, str], ...]  # (first frame of the new shot, kind of cut)
    kinds: tuple[str, ...]  # what each frame shows, for naming false cuts


def make_episode(seed: int, seconds: float) -> Episode:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"busy-{seed}-{seconds:g}s.mp4"
    truth = path.with_suffix(".json")
    if not (path.exists() and truth.exists()):
        plan = busy_plan(WIDTH, HEIGHT, seed, seconds)
        started = time.perf_counter()
        partial = path.with_suffix(".part.mp4")
        encode(BusyRenderer(plan).frames(), WIDTH, HEIGHT, partial, video_options=ENCODER)
        partial.replace(path)
        truth.write_text(json.dumps({"cuts": plan.labelled_cuts(), "kinds": plan.frame_kinds()}))
        print(f"  generated {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    data = json.loads(truth.read_text())
    return Episode(path, tuple((int(f), str(k)) for f, k in data["cuts"]), tuple(data["kinds"]))


def silverreel(path: Path) -> tuple[int, ...]:
    return measure_file(path).cut_frames


def scenedetect_runner(make_detector: Callable[[], object],
                       name: str = "") -> Callable[[Path], tuple[int, ...]]:
    """PySceneDetect on one file; with a ``name``, its cuts are kept beside the episode (keyed
    by the library's version), since the same files are measured again after every change of
    ours and PySceneDetect takes longer than our whole analysis."""
    import scenedetect
    from scenedetect import SceneManager, open_video

    def run(path: Path) -> tuple[int, ...]:
        key = f"{scenedetect.__version__} {name}"
        kept = path.with_suffix(".scenedetect.json")
        results = json.loads(kept.read_text()) if name and kept.exists() else {}
        if key in results:
            return tuple(results[key])
        video = open_video(str(path))
        manager = SceneManager()
        manager.add_detector(make_detector())
        manager.detect_scenes(video)
        found = tuple(scene[0].frame_num for scene in manager.get_scene_list()[1:])
        if name:
            results = json.loads(kept.read_text()) if kept.exists() else {}
            results[key] = found
            kept.write_text(json.dumps(results))
        return found

    return run


@dataclass
class Tally:
    hits: Counter[str]
    missed: Counter[str]
    false: Counter[str]

    def add(self, found: tuple[int, ...], episode: Episode) -> None:
        unmatched = list(episode.cuts)
        for frame in found:
            near = [c for c in unmatched if abs(c[0] - frame) <= 1]
            if near:
                best = min(near, key=lambda c: abs(c[0] - frame))
                unmatched.remove(best)
                self.hits[best[1]] += 1
            else:
                self.false[episode.kinds[min(frame, len(episode.kinds) - 1)]] += 1
        for _frame, kind in unmatched:
            self.missed[kind] += 1

    @staticmethod
    def f1(hits: int, missed: int, false: int) -> tuple[float, float, float]:
        precision = hits / (hits + false) if hits + false else 0.0
        recall = hits / (hits + missed) if hits + missed else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        return precision, recall, f1

    def totals(self) -> tuple[float, float, float]:
        return self.f1(sum(self.hits.values()), sum(self.missed.values()),
                       sum(self.false.values()))


def detectors() -> dict[str, Callable[[Path], tuple[int, ...]]]:
    from scenedetect import AdaptiveDetector, ContentDetector, HashDetector, HistogramDetector

    theirs: dict[str, Callable[[], object]] = {
        "ContentDetector()": ContentDetector,
        "ContentDetector(min_scene_len=1)": lambda: ContentDetector(min_scene_len=1),
        "AdaptiveDetector(min_scene_len=1)": lambda: AdaptiveDetector(min_scene_len=1),
        "HashDetector(min_scene_len=1)": lambda: HashDetector(min_scene_len=1),
        "HistogramDetector(min_scene_len=1)": lambda: HistogramDetector(min_scene_len=1),
    }
    return {"SilverReel pacing": silverreel} | {
        f"PySceneDetect {name}": scenedetect_runner(make, name) for name, make in theirs.items()}


def accuracy(name_of_set: str, episodes: list[Episode]) -> None:
    cuts = sum(len(e.cuts) for e in episodes)
    print(f"\n== {name_of_set}: {len(episodes)} episodes, {cuts} true cuts "
          f"({dict(Counter(k for e in episodes for _f, k in e.cuts))})", flush=True)
    tallies = {name: Tally(Counter(), Counter(), Counter()) for name in detectors()}
    for name, detect in detectors().items():
        for episode in episodes:
            tallies[name].add(detect(episode.path), episode)
    print(f"{'detector':52} {'prec':>6} {'recall':>6} {'F1':>6}")
    for name, tally in tallies.items():
        p, r, f = tally.totals()
        print(f"{name:52} {p:6.3f} {r:6.3f} {f:6.3f}")
    best = max((n for n in tallies if n.startswith("PySceneDetect")),
               key=lambda n: tallies[n].totals()[2])
    print(f"best PySceneDetect detector: {best}")
    for name in ("SilverReel pacing", best):
        tally = tallies[name]
        print(f"  {name}, cuts found per kind (recall):")
        for kind in CUT_KINDS:
            hits, missed = tally.hits[kind], tally.missed[kind]
            if hits + missed:
                print(f"    {kind:16} {hits:3}/{hits + missed:<3} {hits / (hits + missed):6.3f}")
        calm = ", ".join(f"{k} {tally.false[k]}" for k in CALM_KINDS)
        print(f"    false cuts inside: {calm}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def speed(repeat: int) -> None:
    from tests.accessibility.ocr.ocr_media import make_script, render

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "speed-episode-60s.mp4"
    if not path.exists():
        partial = path.with_suffix(".part.mp4")
        render(make_script(31, 60.0), partial, ENCODER)
        partial.replace(path)
    scenedetect_content = (
        "import sys\nfrom scenedetect import SceneManager, open_video, ContentDetector\n"
        "m = SceneManager(); m.add_detector(ContentDetector())\n"
        "m.detect_scenes(open_video(sys.argv[1])); print(len(m.get_scene_list()))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    commands = {
        "silverreel inspect EPISODE --json (whole analysis)":
            [sys.executable, "-m", "player", "inspect", str(path), "--json"],
        "PySceneDetect ContentDetector() (cuts alone)":
            [sys.executable, "-c", scenedetect_content, str(path)],
        "ffmpeg -f null (plain decoding)":
            ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
    }
    wall = {name: float("inf") for name in commands}
    cpu = {name: float("inf") for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            c0, w0 = _children_cpu(), time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env, cwd=REPO)
            wall[name] = min(wall[name], time.perf_counter() - w0)
            cpu[name] = min(cpu[name], _children_cpu() - c0)
    print(f"\n== whole analysis vs cuts alone: {path.name} (720×1280, 25 fps, 60 s, sound, "
          f"burned-in subtitles), separate cold processes, best of {repeat}")
    print(f"{'process':52} {'wall s':>8} {'CPU s':>8}")
    for name in commands:
        print(f"{name:52} {wall[name]:8.2f} {cpu[name]:8.2f}")
    ours, theirs, decode = (wall[n] for n in commands)
    ours_cpu, theirs_cpu, decode_cpu = (cpu[n] for n in commands)
    print(f"inspect / ContentDetector: {ours / theirs:.2f} wall, {ours_cpu / theirs_cpu:.2f} CPU "
          f"(goal < 0.67)")
    print(f"inspect / plain decoding:  {ours / decode:.2f} wall, {ours_cpu / decode_cpu:.2f} CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--episodes", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--new-episodes", type=int, default=5)
    parser.add_argument("--c-episodes", type=int, default=12)
    parser.add_argument("--sets", default="tuning,tuning_new,A,B,C",
                        help="comma-separated: tuning, tuning_new, A, B, C")
    parser.add_argument("--only", choices=("accuracy", "speed"), default=None)
    args, _others = parser.parse_known_args()  # make bench passes every benchmark the same argv
    if args.only != "speed":
        print(f"episodes of {args.seconds:g} s: {args.episodes} in the tuning set and in A and B, "
              f"{args.new_episodes} in the new tuning set, {args.c_episodes} in C; "
              f"{WIDTH}×{HEIGHT} H.264 ~2 Mb/s (cache {CACHE})", flush=True)
        sets = {
            "tuning": ("tuning set (seeds 1…)", 1, args.episodes),
            "tuning_new": (f"new tuning set (seeds {NEW_TUNING_SEED + 1}…, new generators)",
                           NEW_TUNING_SEED + 1, args.new_episodes),
            "A": (f"held-back set A (seeds {HELD_BACK_SEED + 1}…, looked at once)",
                  HELD_BACK_SEED + 1, args.episodes),
            "B": (f"held-back set B (seeds {HELD_BACK_SEED + 101}…, never tuned on)",
                  HELD_BACK_SEED + 101, args.episodes),
            "C": (f"held-back set C (seeds {HELD_BACK_C_SEED + 1}…, never tuned on, "
                  "generators of its own)", HELD_BACK_C_SEED + 1, args.c_episodes),
        }
        for key in args.sets.split(","):
            title, first, count = sets[key]
            accuracy(title, [make_episode(first + i, args.seconds) for i in range(count)])
    if args.only != "accuracy":
        speed(args.repeat)


if __name__ == "__main__":
    main()
