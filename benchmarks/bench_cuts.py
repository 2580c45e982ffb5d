"""Cuts on busy footage, and the speed of the whole analysis, against PySceneDetect in-run.

    .venv/bin/pip install -e ".[bench]" && .venv/bin/pip install --no-deps scenedetect
    .venv/bin/python benchmarks/bench_cuts.py [--episodes 6] [--seconds 20] [--repeat 3]

Accuracy. Episodes from ``tests/accessibility/pacing/busy_media.py`` (720×1280, 30 fps,
H.264 at ~2 Mb/s, cached under the temp directory): shots of 0.25–4 s from moving sources
whose every frame changes, hand-held shake, pans, zooms, grain, hue drift and lighting ramps
inside shots, dissolves and lightning (no cuts), 闪白 white-flash cuts, and cuts where only
the hue or only the framing changes. Seven sets: the *tuning* set (seeds 1…N) and the *new
tuning* set (seeds 101…, water ripples, an LED wall, confetti; mirrored, turned and
punched-in re-framings, cuts during zooms, 8-frame shots, shake + grain + lighting ramp
together), on which the thresholds were chosen; sets A, B and C (seeds 9001…, 9101… and
9201…), once held back, looked at since and tuning material now; and set D (seeds
9301…, TV static with rolling bars, crowds of soft blobs, ring-shaped fireworks, rain streaks
over a street, smoke, a fish tank, fast hand-held over a wall; crop-jump, mirror, turn and
zoom-jump re-framings, 6–8-frame shots; generators and a planner of its own, which no
threshold was ever chosen on), run once and tuning material since 2026-11-30; and the
*held-back* set E (seeds 9401…, large objects moving, entering and leaving inside shots: a
flock of birds with a big bird passing close, traffic at a crossing, breaking waves, a
waterfall, flags in gusty wind, a crowd with umbrellas, a scrolling LED ticker, dancers;
5–8-frame shots, crop, mirror and zoom-jump re-framings; generators and a planner of its own,
which no threshold was ever chosen on). Set F (``--sets F``, seeds 9501…, never in the default
sets; ``tests/accessibility/pacing/busy_media_f.py``) was held back from 2026-11-30 until it
was run twice, and is tuning material now: rooms with people gesturing, shot / reverse shot, an
office, a neon street and candlelight that flicker, a rainy car window, a banquet, trees in
wind; punch-ins, pull-outs and mirror re-framings of the same scene, hue-only cuts and lighting
jumps, 4–10-frame shots, and whip pans, rack focus and lamp flicker inside shots (not cuts).
Set G (``--sets G``, seeds 9601…, never in the default sets;
``tests/accessibility/pacing/busy_media_g.py``) was held back in the same way until it was run
twice, and is tuning material now; made without looking at F's generators or planner: a palace
hall with swaying curtains and lanterns, a hospital corridor with people walking towards the
camera, kitchen steam, a market street full of small walking people, a car at night with street
lights sweeping across faces, a wedding stage with spotlights and petals, a phone chat
scrolling, a waterfront with glittering reflections and fireworks; punch-ins, pull-outs and
mirror re-framings on calm and busy places, shot / reverse shot, grade-only cuts (hue, light or
both), 4–10-frame shots, 闪白 and dissolves, and horizontal, vertical and diagonal whip pans,
rack focus and flicker inside shots (not cuts). Set H (``--sets H``, seeds 9701…, never in the
default sets; ``tests/accessibility/pacing/busy_media_h.py``) was held back from 2026-11-30 in
the same way until it was run once, and is tuning material now; made without looking at F's or
G's generators or planners: a KTV room with a mirror ball and sweeping beams, a subway carriage
with swaying passengers and tunnel lights streaking past, a forest path with flickering
sunlight, a hotpot table with bubbling broth and steam, a hotel lobby with a revolving door, a
beach at sunset with sun glitter, a rooftop at night with wind-blown hair, a dance studio with
a mirror wall, a rainy bus stop with passing headlights; each episode in a look of its own
(day, night, warm, cold, washed-out, saturated; no grain to heavy grain); punch-ins, pull-outs,
mirror re-framings, shot / reverse shot, grade-only cuts, 4–10-frame shots, 闪白 and dissolves,
and whip pans (horizontal, vertical, diagonal; accelerating or decelerating), rack focus,
flicker and spotlight sweeps inside shots. Set I (``--sets I``, seeds 9801…, never in the
default sets; ``tests/accessibility/pacing/busy_media_i.py``) was held back from 2026-11-30 in
the same way until it was run once, and is tuning material now; made without looking at F's,
G's or H's generators or planners: a 四合院 courtyard at night with swaying red lanterns whose
light slides over the walls, a boardroom lit by a big screen changing slides, a bamboo grove in
wind with sun flecks and passing clouds, a night-market wok flaring up and lighting the cook, a
bedroom lit by a television's jumping light, a car by day with tree shadows sweeping over the
faces, a hospital ward with a blinking monitor, an indoor pool with caustics, a costume sword
fight with fluttering sleeves and sparks, a mall escalator with sliding reflections, a snowy
mountain road with headlights; a look per episode (day, night, warm, cold, washed-out,
saturated) and grain from none to heavy; punch-ins and pull-outs, mirror re-framings, shot /
reverse shot, hue-only cuts and lighting jumps, 4–10-frame shots, busy-to-busy cuts, 闪白,
dissolves and cuts between two night shots; and whip pans in three directions, rack focus,
flicker, passing shadows and moving light, someone or something wiping past the lens,
lightning, push-ins and shake inside shots. Set J (``--sets J``, seeds 9901…, never in the
default sets; ``tests/accessibility/pacing/busy_media_j.py``) was held back from 2026-11-30 in
the same way until it was run once, and is tuning material now; made without looking at F's,
G's, H's or I's generators or planners, with the editing of Douyin and Kuaishou dramas: a villa
living room with a sparkling chandelier and a maid passing close, an office lift whose doors
open and close, a neon street with scooters passing close, a sunlit classroom, a train sliding
past a platform, waiters crossing close to the lens in a restaurant, a wheat field in gusts, a
gym with a mirror wall, a supermarket aisle with a trolley coming, a village lane with chickens
and laundry; a look per episode and grain from none to heavy; the cuts of set I plus jump cuts,
match cuts, cuts on action and glitch transitions (RGB split and slices for 2–4 frames, the cut
labelled ``glitch`` at the first clean frame, the glitch frames ``glitch_fx``); and inside
shots 花字 and emoji stickers popping in and out (``sticker``), zoom punches (``punch``), screen
shake (``shake_fx``), glow pulses (``glow``), slow motion (``slowmo``), freeze frames
(``freeze``) and wipes past the lens (``wipe``), with whip pans, rack focus, flicker and moving
light. A detection counts if it is within ±1 frame of an unmatched true cut. Printed per
detector and set: precision, recall, F1; for SilverReel and the best PySceneDetect detector
also the recall per kind of cut and the false cuts per kind of stretch they fell in (busy
shot, pan, zoom, dissolve, lightning…). ``--sizes`` also runs SilverReel on each set
re-encoded at other sizes and qualities, or between black bars (the same frames, so the same
true cuts).

Speed (``--only speed``). Five episodes by default (``--files`` for others): a 60 s episode
as micro-dramas are served (720×1280, 25 fps, ~2 Mb/s, AAC sound, burned-in subtitles over
moving shots; ``tests/accessibility/ocr/ocr_media.py``), the demo's 第2集 (flashes) and 第4集
(burned-in lines), and two held-back busy episodes (seeds 9003 and 9104: flashes, lightning,
闪白, no sound). Each is timed as separate processes from a cold start, interleaved, best of
``--repeat``: ``silverreel inspect EPISODE --json`` (libVLC parse, subtitle files, and the
whole analysis: cuts, flashes, loudness, picture subtitles, calm report), PySceneDetect's
``ContentDetector`` finding cuts alone, and plain decoding (``ffmpeg -f null``; PyAV decoding
picture and sound with FFmpeg's threads), and the floor under inspect: the pass's own
decoder with nothing measured, and the same reading the burned-in subtitles. ``--before DIR``
also times inspect from a checkout of earlier code in the same rounds. Then the time of each
stage of inspect in one process. The goal: inspect in less than 2/3 of ContentDetector's time.
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
    HELD_BACK_D_SEED,
    HELD_BACK_E_SEED,
    HELD_BACK_F_SEED,
    HELD_BACK_G_SEED,
    HELD_BACK_H_SEED,
    HELD_BACK_I_SEED,
    HELD_BACK_J_SEED,
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


def rescaled(episode: Episode, size: str) -> Episode:
    """``episode`` re-encoded at ``size``: "WxH", "WxH@CRF" for another quality, or
    "WxHinFWxFH" for a WxH picture centred between black bars in an FWxFH frame (a 16:9 drama
    in a vertical video: 720x406in720x1280). The same frames, so the same true cuts."""
    dims, _, crf = size.partition("@")
    picture, _, frame = dims.partition("in")
    width, height = picture.split("x")
    scale = f"scale={width}:{height}:flags=bicubic"
    if frame:
        frame_w, frame_h = frame.split("x")
        scale += f",pad={frame_w}:{frame_h}:(ow-iw)/2:(oh-ih)/2:black"
    path = episode.path.with_name(f"{episode.path.stem}-{dims}-crf{crf or 23}.mp4")
    if not path.exists():
        partial = path.with_suffix(".part.mp4")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(episode.path),
                        "-vf", scale, "-c:v", "libx264",
                        "-preset", "veryfast", "-crf", crf or "23", "-an", str(partial)],
                       check=True)
        partial.replace(path)
    return Episode(path, episode.cuts, episode.kinds)


def other_sizes(name_of_set: str, episodes: list[Episode], sizes: list[str]) -> None:
    """SilverReel's F1 on the same episodes at other sizes and qualities: the reduced
    picture the measures read is 40–80 px on its short side whatever the source's size."""
    print(f"  SilverReel pacing at other sizes ({name_of_set}):")
    for size in sizes:
        tally = Tally(Counter(), Counter(), Counter())
        for episode in episodes:
            moved = rescaled(episode, size)
            tally.add(silverreel(moved.path), moved)
        p, r, f = tally.totals()
        print(f"    {size:14} {p:6.3f} {r:6.3f} {f:6.3f}  (false {sum(tally.false.values())}, "
              f"missed {sum(tally.missed.values())})", flush=True)


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


DEMO = REPO / "assets" / "demo" / "春风又起"
# Time per stage of the whole analysis, in one process as ``silverreel inspect`` runs it.
# Thread CPU of the pass's own threads is not separable from FFmpeg's decoding threads, so
# each stage reports the process's CPU (all threads) and wall time.
_STAGES = r"""
import json, sys, time
out = {}
w, c = time.perf_counter(), time.process_time()
def mark(name):
    global w, c
    out[name] = (round(time.perf_counter() - w, 3), round(time.process_time() - c, 3))
    w, c = time.perf_counter(), time.process_time()
import player.inspect as inspect
mark("import player.inspect")
target = sys.argv[1]
inspect.inspect_episode(target)
mark("libVLC parse")
inspect.subtitles_of(target)
mark("subtitle files")
try:
    from accessibility.analysis import measure_safely
except ImportError:  # the code before accessibility.analysis
    from accessibility.pacing.worker import measure_safely
try:
    from accessibility.calm.report import CalmSampler
    sampler = CalmSampler()
    taps = {"frame_taps": [sampler]}
except ImportError:  # the code before: the calm report decodes flash stretches again
    sampler, taps = None, {}
mark("import the analysis")
measured = measure_safely(target, **taps)
mark("the pass: cuts, flashes, loudness, picture subtitles")
from accessibility.pacing.summary import summarise
pacing = summarise(measured).to_json()
if sampler is not None:
    inspect.calm_of(target, pacing, sampler)
else:
    inspect.calm_of(target, pacing)
mark("calm report (flash risk before/after dimming)")
print(json.dumps(out))
"""
_PYAV_DECODE = (
    "import sys, av\n"
    "with av.open(sys.argv[1]) as c:\n"
    "    s = c.streams.video[0]; s.thread_type = 'AUTO'\n"
    "    for p in c.demux(s, *c.streams.audio[:1]):\n"
    "        p.decode()\n")
# The floor under inspect: the pass's own decoder (its settings: FFmpeg's threads, H.264's
# deblocking skipped; picture and sound) with nothing measured, and the same with the
# picture subtitles read, which inspect must do too. Whatever the measures cost, inspect
# cannot be faster than these.
_PASS_DECODE = r"""
import sys, av
from accessibility.frames import Decoder, bottom_band, open_media, picture_stream, prepare_video
read = sys.argv[2] == "subtitles"
if read:
    from accessibility.analysis import _PictureReading
    reading = _PictureReading(None)
with open_media(sys.argv[1]) as container:
    video = picture_stream(container)
    prepare_video(video)
    index = 0
    for frame in Decoder(container, [video, *container.streams.audio[:1]]):
        if read and isinstance(frame, av.VideoFrame):
            tap = reading.tap
            if index % max(1, tap.every_n_frames) == 0:
                tap.callback(frame.time or 0.0, bottom_band(frame, tap.fraction))
            index += 1
if read:
    print(len(reading.finish()))
"""
_CONTENT_DETECTOR = (
    "import sys\nfrom scenedetect import SceneManager, open_video, ContentDetector\n"
    "m = SceneManager(); m.add_detector(ContentDetector())\n"
    "m.detect_scenes(open_video(sys.argv[1])); print(len(m.get_scene_list()))\n")


def speed_files(seconds: float) -> list[Path]:
    """The speed episode (60 s, sound, burned-in subtitles over moving shots), two demo
    episodes (flashes; burned-in lines) and two held-back busy episodes (flashes, lightning,
    闪白, no sound)."""
    from tests.accessibility.ocr.ocr_media import make_script, render

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "speed-episode-60s.mp4"
    if not path.exists():
        partial = path.with_suffix(".part.mp4")
        render(make_script(31, 60.0), partial, ENCODER)
        partial.replace(path)
    busy = [make_episode(HELD_BACK_SEED + n, seconds).path for n in (3, 104)]
    return [path, DEMO / "第2集.mp4", DEMO / "第4集.mp4", *busy]


def speed(repeat: int, files: list[Path], before: Path | None) -> None:
    """Separate cold processes per file, interleaved, best of ``repeat``; with ``before``
    (a checkout of earlier code) its inspect runs in the same rounds for a before/after."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    commands: dict[str, tuple[list[str], Path]] = {
        "inspect": ([sys.executable, "-m", "player", "inspect", "{}", "--json"], REPO),
        "ContentDetector": ([sys.executable, "-c", _CONTENT_DETECTOR, "{}"], REPO),
        "ffmpeg -f null": (["ffmpeg", "-v", "error", "-i", "{}", "-f", "null", "-"], REPO),
        "PyAV decode": ([sys.executable, "-c", _PYAV_DECODE, "{}"], REPO),
        "pass decoder alone": ([sys.executable, "-c", _PASS_DECODE, "{}", "-"], REPO),
        "decoder + subtitles": ([sys.executable, "-c", _PASS_DECODE, "{}", "subtitles"], REPO),
    }
    if before is not None:
        commands["inspect (before)"] = (
            [sys.executable, "-m", "player", "inspect", "{}", "--json"], before)
    print(f"\n== whole analysis vs cuts alone: separate cold processes, interleaved, best of "
          f"{repeat}; wall s / CPU s (all threads)", flush=True)
    print("   inspect = `silverreel inspect EPISODE --json`: libVLC parse, subtitle files, "
          "cuts, flashes, loudness, picture subtitles, calm report")
    print("   ContentDetector = PySceneDetect ContentDetector() finding cuts alone; "
          "ffmpeg -f null and PyAV decode = plain decoding of picture and sound")
    print("   pass decoder alone = inspect's own decoding (deblocking skipped), nothing "
          "measured; decoder + subtitles = the same, reading the burned-in subtitles "
          "(the floor under inspect)")
    for path in files:
        wall = dict.fromkeys(commands, float("inf"))
        cpu = dict.fromkeys(commands, float("inf"))
        for _ in range(repeat):
            for name, (command, cwd) in commands.items():
                argv = [str(path) if a == "{}" else a for a in command]
                run_env = {**env, "PYTHONPATH": str(cwd)}
                c0, w0 = _children_cpu(), time.perf_counter()
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=run_env, cwd=cwd)
                wall[name] = min(wall[name], time.perf_counter() - w0)
                cpu[name] = min(cpu[name], _children_cpu() - c0)
        stages = json.loads(subprocess.run(
            [sys.executable, "-c", _STAGES, str(path)], check=True, capture_output=True,
            text=True, env=env, cwd=REPO).stdout.strip().splitlines()[-1])
        theirs_w, theirs_c = wall["ContentDetector"], cpu["ContentDetector"]
        print(f"\n-- {path.name}")
        print(f"   {'process':24} {'wall s':>7} {'CPU s':>7} {'÷ContentDetector wall':>22} "
              f"{'÷ContentDetector CPU':>21}")
        for name in commands:
            print(f"   {name:24} {wall[name]:7.2f} {cpu[name]:7.2f} "
                  f"{wall[name] / theirs_w:22.2f} {cpu[name] / theirs_c:21.2f}")
        for base in ("ffmpeg -f null", "PyAV decode"):
            print(f"   inspect ÷ {base}: {wall['inspect'] / wall[base]:.2f} wall, "
                  f"{cpu['inspect'] / cpu[base]:.2f} CPU")
        if before is not None:
            print(f"   inspect before → after: {wall['inspect (before)'] / theirs_w:.2f} → "
                  f"{wall['inspect'] / theirs_w:.2f} of ContentDetector's wall, "
                  f"{cpu['inspect (before)'] / theirs_c:.2f} → {cpu['inspect'] / theirs_c:.2f} "
                  "of its CPU (goal < 0.67)")
        print(f"   stages of inspect (one warm-cache run): {'wall s':>7} {'CPU s':>7}")
        for name, (w, c) in stages.items():
            print(f"     {name:52} {w:7.2f} {c:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--episodes", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--new-episodes", type=int, default=5)
    parser.add_argument("--c-episodes", type=int, default=12)
    parser.add_argument("--d-episodes", type=int, default=12)
    parser.add_argument("--e-episodes", type=int, default=12)
    parser.add_argument("--f-episodes", type=int, default=12)
    parser.add_argument("--g-episodes", type=int, default=12)
    parser.add_argument("--h-episodes", type=int, default=12)
    parser.add_argument("--i-episodes", type=int, default=12)
    parser.add_argument("--j-episodes", type=int, default=12)
    parser.add_argument("--sets", default="tuning,tuning_new,A,C,B,D,E",
                        help="comma-separated: tuning, tuning_new, A, C, B, D, E, F, G, H, I, "
                             "J (F–J are not in the default: they are kept apart)")
    parser.add_argument("--only", choices=("accuracy", "speed"), default=None)
    parser.add_argument("--sizes", default="",
                        help="accuracy: also SilverReel on each set re-encoded at these sizes, "
                             "comma-separated WxH or WxH@CRF (e.g. 1080x1920,540x960,720x1280@33)")
    parser.add_argument("--files", type=Path, nargs="*", default=None,
                        help="speed: these episodes instead of the default five")
    parser.add_argument("--before", type=Path, default=None,
                        help="speed: also time inspect from this checkout of earlier code")
    args, _others = parser.parse_known_args()  # make bench passes every benchmark the same argv
    if args.only != "speed":
        print(f"episodes of {args.seconds:g} s: {args.episodes} in the tuning set and in A and B, "
              f"{args.new_episodes} in the new tuning set, {args.c_episodes} in C, "
              f"{args.d_episodes} in D, {args.e_episodes} in E, {args.f_episodes} in F, "
              f"{args.g_episodes} in G, {args.h_episodes} in H, {args.i_episodes} in I and "
              f"{args.j_episodes} in J (if asked for); "
              f"{WIDTH}×{HEIGHT} H.264 ~2 Mb/s (cache {CACHE})", flush=True)
        sets = {
            "tuning": ("tuning set (seeds 1…)", 1, args.episodes),
            "tuning_new": (f"new tuning set (seeds {NEW_TUNING_SEED + 1}…, new generators)",
                           NEW_TUNING_SEED + 1, args.new_episodes),
            "A": (f"set A, tuning material now (seeds {HELD_BACK_SEED + 1}…, held back once, "
                  "looked at since)", HELD_BACK_SEED + 1, args.episodes),
            "C": (f"set C, tuning material now (seeds {HELD_BACK_C_SEED + 1}…, held back "
                  "once, looked at since)", HELD_BACK_C_SEED + 1, args.c_episodes),
            "B": (f"set B, tuning material now (seeds {HELD_BACK_SEED + 101}…, generators of "
                  "A; never tuned on before 2026-11-30)",
                  HELD_BACK_SEED + 101, args.episodes),
            "D": (f"set D, tuning material now (seeds {HELD_BACK_D_SEED + 1}…, held back "
                  "once, run and looked at on 2026-11-30)", HELD_BACK_D_SEED + 1,
                  args.d_episodes),
            "E": (f"held-back set E (seeds {HELD_BACK_E_SEED + 1}…, never tuned on, large "
                  "objects entering and leaving; generators and planner of its own)",
                  HELD_BACK_E_SEED + 1, args.e_episodes),
            "F": (f"set F, tuning material now (seeds {HELD_BACK_F_SEED + 1}…, held back "
                  "until it was run twice on 2026-11-30; micro-drama grammar: punch-ins, "
                  "shot / reverse shot, whip pans, rack focus, flicker)",
                  HELD_BACK_F_SEED + 1, args.f_episodes),
            "G": (f"set G, tuning material now (seeds {HELD_BACK_G_SEED + 1}…, held back "
                  "until it was run twice on 2026-11-30; micro-drama places: palace, "
                  "corridor, kitchen, market, car at night, wedding, phone chat, waterfront)",
                  HELD_BACK_G_SEED + 1, args.g_episodes),
            "H": (f"set H, tuning material now (seeds {HELD_BACK_H_SEED + 1}…, held back until "
                  "it was run once on 2026-11-30; "
                  "micro-drama places: KTV, subway, forest, hotpot, hotel lobby, beach, "
                  "rooftop, dance studio, bus stop; looks from night to washed-out; whip pans, "
                  "rack focus, flicker, sweeps; generators and planner of its own)",
                  HELD_BACK_H_SEED + 1, args.h_episodes),
            "I": (f"set I, tuning material now (seeds {HELD_BACK_I_SEED + 1}…, held back until "
                  "it was run once on 2026-11-30; "
                  "micro-drama places with moving light: courtyard lanterns, boardroom screen, "
                  "bamboo, wok flare, TV-lit bedroom, car by day, ward, pool, sword fight, "
                  "escalator, snowy road; wipes past the lens; generators and planner of its own)",
                  HELD_BACK_I_SEED + 1, args.i_episodes),
            "J": (f"set J, tuning material now (seeds {HELD_BACK_J_SEED + 1}…, held back until "
                  "it was run once on 2026-11-30; "
                  "micro-drama places and editing: villa, lift, neon street, classroom, "
                  "platform, restaurant, wheat, gym, supermarket, village; stickers, zoom "
                  "punches, shake, glow, slow motion, freeze frames; jump, match, action and "
                  "glitch cuts; generators and planner of its own)",
                  HELD_BACK_J_SEED + 1, args.j_episodes),
        }
        for key in args.sets.split(","):
            title, first, count = sets[key]
            episodes = [make_episode(first + i, args.seconds) for i in range(count)]
            accuracy(title, episodes)
            if args.sizes:
                other_sizes(key, episodes, args.sizes.split(","))
    if args.only != "accuracy":
        speed(args.repeat, args.files or speed_files(args.seconds), args.before)


if __name__ == "__main__":
    main()
