"""Issue-2 figures: Home ready, first frame, CPU and memory of playing a 60 s vertical episode.

    python benchmarks/bench_playback.py [--runs N] [--seconds S] [--calm]

``--calm`` measures only what calming the picture costs (issue 12): CPU of playing an episode
with hard cuts every 2 s and a 10 s 5 Hz flash section, with the picture calmer (dimming only,
and dimming plus cross-fades) against the same surface without it, in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (
    REPO,
    app_env,
    app_start_and_first_frame,
    median,
    print_table,
    vertical_episode,
    xvfb,
)

HARNESS = str(REPO / "benchmarks" / "play_harness.py")


def _bare_qt_window_start(display: str) -> float:
    """Baseline for start-up: Python + PySide6 showing one empty window, nothing else."""
    code = ("import time,sys;from PySide6.QtWidgets import QApplication,QWidget;"
            "a=QApplication([]);w=QWidget();w.show();a.processEvents();"
            "print(time.monotonic())")
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], env=app_env(display),
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip()) - start


def _bare_first_frame(path: Path) -> float:
    """Baseline for first frame: plain libVLC, play() → first decoded picture (vmem)."""
    code = f"""
import ctypes, threading, time, vlc
i = vlc.Instance(["--quiet", "--no-xlib", "--aout=dummy"])
p = i.media_player_new()
buf = ctypes.create_string_buffer(720 * 1280 * 4 + 64)
seen = threading.Event()
@vlc.CallbackDecorators.VideoLockCb
def lock(o, planes):
    planes[0] = ctypes.addressof(buf); return None
@vlc.CallbackDecorators.VideoUnlockCb
def unlock(o, pic, planes): pass
@vlc.CallbackDecorators.VideoDisplayCb
def display(o, pic): seen.set()
p.video_set_callbacks(lock, unlock, display, None)
p.video_set_format("RV32", 720, 1280, 720 * 4)
p.set_media(i.media_new_path({str(path)!r}))
t = time.monotonic(); p.play(); seen.wait(20); print(time.monotonic() - t)
p.stop()
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return float(out.strip().splitlines()[-1])


def _harness(mode: str, path: Path, display: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, HARNESS, mode, str(path)], env=app_env(display),
                         capture_output=True, text=True, check=True, cwd=REPO).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def calm_episode(seconds: int = 60) -> Path:
    """720×1280 at 25 fps: a moving pattern cut to its negative every 2 s, and a 5 Hz
    full-screen white flash from 20 s to 30 s."""
    path = vertical_episode(seconds).parent / f"calm-{seconds}s.mp4"
    if not path.exists():
        video = (f"testsrc2=s=720x1280:r=25:d={seconds},split[a][b];[b]negate[n];"
                 "[a][n]blend=all_expr='if(lt(mod(T\\,4)\\,2)\\,A\\,B)',"
                 "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:"
                 "enable='between(t\\,20\\,30)*lt(mod(n\\,5)\\,2)'")
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", video,
             "-f", "lavfi", "-i", f"sine=f=330:d={seconds}",
             "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-shortest", str(path)], check=True)
    return path


def calm_main(runs: int, seconds: int) -> None:
    episode = calm_episode(seconds)
    modes = ("callbacks", "calm-dim", "calm-all")
    cpu: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
    with xvfb() as display:
        for _ in range(runs):
            for mode in modes:  # interleaved, so a busy spell hits every mode alike
                cpu[mode].append(_harness(mode, episode, display))
    base = median([run["cpu_s"] for run in cpu["callbacks"]])
    rows = []
    for mode, label in (("calm-dim", "flash dimming (default)"),
                        ("calm-all", "dimming + cross-fade at every cut")):
        value = median([run["cpu_s"] for run in cpu[mode]])
        rows.append((f"CPU s, {seconds} s 720×1280, {label}", f"{value:.2f}", f"{base:.2f}",
                     f"{value / base:.3f}× (+{(value - base) / seconds * 100:.1f} % of a core)"))
    print_table(f"calming the picture ({runs} runs, medians; baseline = the app's surface "
                "without calming)", rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--calm", action="store_true",
                        help="only the cost of calming the picture (issue 12)")
    args = parser.parse_args()
    if args.calm:
        calm_main(args.runs, args.seconds)
        return
    episode = vertical_episode(args.seconds)
    demo = REPO / "assets" / "demo"
    with xvfb() as display:
        starts, firsts, bare_starts, bare_firsts = [], [], [], []
        for _ in range(max(args.runs, 5)):
            home, first = app_start_and_first_frame(display, str(demo))
            starts.append(home)
            firsts.append(first)
            bare_starts.append(_bare_qt_window_start(display))
            bare_firsts.append(_bare_first_frame(episode))
        cpu: dict[str, list[dict[str, float]]] = {"bare": [], "native": [], "callbacks": []}
        for _ in range(args.runs):
            for mode, runs in cpu.items():
                runs.append(_harness(mode, episode, display))

    def med(mode: str, key: str) -> float:
        return median([run[key] for run in cpu[mode]])

    bare_cpu = med("bare", "cpu_s")
    rows = [
        ("process start → Home ready (s)", f"{median(starts):.3f}",
         f"{median(bare_starts):.3f}", f"goal ≤ 1.0; {median(starts) / median(bare_starts):.2f}×"),
        ("play requested → first frame, local (ms)", f"{median(firsts) * 1000:.0f}",
         f"{median(bare_firsts) * 1000:.0f}",
         f"goal ≤ 300; {median(firsts) / median(bare_firsts):.2f}×"),
    ]
    for mode in ("callbacks", "native"):
        rows.append((f"CPU s, {args.seconds} s 720×1280, {mode}", f"{med(mode, 'cpu_s'):.2f}",
                     f"{bare_cpu:.2f}", f"{med(mode, 'cpu_s') / bare_cpu:.2f}× (goal ≤ 1.5×)"))
        rows.append((f"peak RSS MB, {mode}", f"{med(mode, 'peak_rss_mb'):.0f}",
                     f"{med('bare', 'peak_rss_mb'):.0f}", "goal ≤ 250"))
    print_table(f"playback ({args.runs} runs, medians; baseline = bare libVLC / bare Qt)", rows)


if __name__ == "__main__":
    main()
