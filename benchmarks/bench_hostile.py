"""Issue-14 figures: what the defences against hostile input cost, and what they saved.

    python benchmarks/bench_hostile.py [--runs N] [--only relay,playlist,subtitles,progress]
                                       [--baseline-repo DIR]

relay      libVLC start (play → first picture time) and CPU while playing from an http
           server on 127.0.0.1: through the checking relay vs. the address given directly
           (the baseline, which is what followed redirects to file:).
playlist   a 1,000,000-line remote M3U read by the library (time, peak RSS in a fresh
           process) vs. the same parse before the cap (baseline: no cap, as before).
subtitles  longest time the GUI thread is held while loading hostile subtitle files
           (30,000 <rt> tags, a 5 MB one-line ASS, a 58,000-cue SRT), before vs. after.
progress   how long one save holds the calling (GUI) thread while another process holds the
           progress database's write lock, before vs. after.

"Before" figures need a checkout of the code before the fix, e.g.
``mkdir /tmp/before && git archive 15c94c9 | tar -x -C /tmp/before``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO, WORK, median, print_table, vertical_episode


# --- relay --------------------------------------------------------------------------------
def _serve(path: Path) -> tuple[object, str]:
    from tests.hostile import HostileServer

    server = HostileServer("127.0.0.1")
    server.thread.start()
    return server, server.add("/ep.mp4", file=path)


def _start_and_cpu(url: str, play_s: float) -> tuple[float, float]:
    import vlc

    instance = vlc.Instance(["--quiet", "--vout=dummy", "--aout=dummy", "--no-xlib"])
    player = instance.media_player_new()
    player.set_media(instance.media_new(url))
    began = time.monotonic()
    cpu_before = time.process_time()
    player.play()
    while player.get_time() <= 0 and time.monotonic() - began < 20:
        time.sleep(0.005)
    started = time.monotonic() - began
    time.sleep(play_s)
    cpu = time.process_time() - cpu_before
    player.stop()
    player.release()
    instance.release()
    return started, cpu


def bench_relay(runs: int) -> None:
    from player.net.relay import MediaRelay

    episode = vertical_episode(60)
    server, url = _serve(episode)
    relay = MediaRelay()
    try:
        direct, relayed, cpu_direct, cpu_relayed = [], [], [], []
        for _ in range(runs):
            start, cpu = _start_and_cpu(url, 8.0)
            direct.append(start)
            cpu_direct.append(cpu)
            start, cpu = _start_and_cpu(relay.local_url(url), 8.0)
            relayed.append(start)
            cpu_relayed.append(cpu)
    finally:
        relay.close()
        server.stop.set()  # type: ignore[attr-defined]
        server.httpd.shutdown()  # type: ignore[attr-defined]
    d, r = median(direct) * 1000, median(relayed) * 1000
    cd, cr = median(cpu_direct), median(cpu_relayed)
    print_table("remote episode through the checking relay (720×1280, 127.0.0.1)", [
        ("play → first picture time (ms)", f"{r:.0f}", f"{d:.0f}", f"{r / d:.2f}×"),
        ("CPU s for 8 s of playback", f"{cr:.2f}", f"{cd:.2f}", f"{cr / cd:.2f}×"),
    ])


# --- playlist -----------------------------------------------------------------------------
_PARSE_CHILD = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from player.library.sources import open_source
began = time.monotonic()
series = open_source(sys.argv[2], timeout=30)
took = time.monotonic() - began
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{took:.3f} {peak:.0f} {sum(len(s.episodes) for s in series)}")
"""


def _million_lines() -> Path:
    # As in the report: a ~3 MB list of a million short entries (under the 4 MiB fetch cap).
    path = WORK / "million.m3u"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            out.write("#EXTM3U\n")
            for n in range(1_000_000):
                out.write(f"{n % 97}\n")
    return path


def bench_playlist(runs: int, baseline_repo: Path | None) -> None:
    from tests.hostile import HostileServer

    path = _million_lines()
    server = HostileServer("127.0.0.1")
    server.thread.start()
    url = server.add("/million.m3u", path.read_bytes(),
                     headers={"Content-Type": "audio/x-mpegurl"})
    rows = []
    try:
        for label, repo in (("now", REPO), ("before", baseline_repo)):
            if repo is None:
                continue
            figures = []
            for _ in range(runs):
                out = subprocess.run([sys.executable, "-c", _PARSE_CHILD, str(repo), url],
                                     capture_output=True, text=True, check=True, timeout=600)
                figures.append([float(x) for x in out.stdout.split()])
            rows.append((label, median([f[0] for f in figures]), median([f[1] for f in figures]),
                         int(figures[0][2])))
    finally:
        server.stop.set()
        server.httpd.shutdown()
    now = rows[0]
    base = rows[1] if len(rows) > 1 else None
    size_mb = path.stat().st_size / 1e6
    print_table(f"1,000,000-line remote M3U ({size_mb:.1f} MB) read by the library", [
        ("read time (s)", f"{now[1]:.2f}", f"{base[1]:.2f}" if base else "-", "a few s"),
        ("peak RSS of the reading process (MB)", f"{now[2]:.0f}",
         f"{base[2]:.0f}" if base else "-", "≤ a few hundred"),
        ("episodes kept", str(now[3]), str(base[3]) if base else "-", "capped"),
    ])


# --- progress -----------------------------------------------------------------------------
_SAVE_CHILD = r"""
import sqlite3, subprocess, sys, time
sys.path.insert(0, sys.argv[1])
from player.library.model import Episode, Series
from player.progress import ProgressStore
db = sys.argv[2]
store = ProgressStore(db)
series = Series("剧", "/media/剧", ())
episode = Episode(1, "第1集", "/media/剧/第1集.mp4")
store.save(series, episode, 1000, 60000)
holder = subprocess.Popen([sys.executable, "-c",
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], isolation_level=None); "
    "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.readline()", db],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
holder.stdout.readline()
began = time.perf_counter()
store.save(series, episode, 5000, 60000)
took = time.perf_counter() - began
holder.stdin.write("\n"); holder.stdin.flush(); holder.wait()
print(f"{took:.4f}")
"""


def bench_progress(runs: int, baseline_repo: Path | None) -> None:
    import tempfile

    def once(repo: Path) -> float:
        with tempfile.TemporaryDirectory() as folder:
            out = subprocess.run([sys.executable, "-c", _SAVE_CHILD, str(repo),
                                  f"{folder}/progress.sqlite3"], capture_output=True,
                                 text=True, check=True, timeout=120)
        return float(out.stdout.split()[-1])

    now = median([once(REPO) for _ in range(runs)]) * 1000
    before = once(baseline_repo) * 1000 if baseline_repo else None
    print_table("one progress save while another process holds the database lock", [
        ("GUI thread held by the save (ms)", f"{now:.1f}",
         f"{before:.0f}" if before is not None else "-", "no waiting"),
    ])


# --- subtitles ----------------------------------------------------------------------------
def bench_subtitles(runs: int, baseline_repo: Path | None) -> None:
    from benchmarks.hostile_subtitles import freeze_rows

    print_table("longest GUI-thread hold while hostile subtitles load (now / before)",
                freeze_rows(runs, baseline_repo))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="relay,playlist,subtitles,progress")
    parser.add_argument("--baseline-repo", type=Path, default=None,
                        help="a checkout of the code before the fix, for 'before' figures")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    if "relay" in wanted:
        bench_relay(args.runs)
    if "playlist" in wanted:
        bench_playlist(args.runs, args.baseline_repo)
    if "subtitles" in wanted:
        bench_subtitles(args.runs, args.baseline_repo)
    if "progress" in wanted:
        bench_progress(args.runs, args.baseline_repo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
