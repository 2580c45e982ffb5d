"""Issue-3 figures: Home ready with 200 series × 50 episodes; 继续观看 → first frame, local and HLS.
Issue-13 figure: Home (the poster wall) ready with 500 series × 10 episodes.

    python benchmarks/bench_library.py [--runs N] [--only-500]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (
    REPO,
    WORK,
    app_start_and_first_frame,
    median,
    print_table,
    xvfb,
)


def big_library(series: int = 200, episodes: int = 50) -> Path:
    """10,000 small files in the shape of a real library (never opened to build Home)."""
    root = WORK / f"library-{series}x{episodes}"
    if not (root / f"短剧{series:03d}" / f"第{episodes}集.mp4").exists():
        for s in range(1, series + 1):
            folder = root / f"短剧{s:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            for e in range(1, episodes + 1):
                (folder / f"第{e}集.mp4").write_bytes(b"\0\0\0\x18ftypisom")
    return root


def hls_episode() -> Path:
    folder = WORK / "hls"
    if not (folder / "index.m3u8").exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc2=s=720x1280:r=25:d=30", "-f", "lavfi", "-i", "sine=d=30",
                        "-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-c:a", "aac",
                        "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
                        str(folder / "index.m3u8")], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only-500", action="store_true",
                        help="only the 500-series poster wall figure")
    args, _ = parser.parse_known_args()
    wall = big_library(500, 10)
    demo_only = str(REPO / "assets" / "demo")
    with xvfb() as display, tempfile.TemporaryDirectory() as work:
        walls, bases = [], []
        for run in range(args.runs):
            walls.append(app_start_and_first_frame(
                display, str(wall), Path(work) / f"wall{run}", play=False)[0])
            bases.append(app_start_and_first_frame(
                display, demo_only, Path(work) / f"demo{run}", play=False)[0])
    print_table(f"poster wall ({args.runs} runs, medians; baseline = the 1-series demo library)", [
        ("start → Home ready, 500 series × 10 (s)", f"{median(walls):.3f}",
         f"{median(bases):.3f}", f"goal ≤ 3.0; {median(walls) / median(bases):.2f}×"),
    ])
    if args.only_500:
        return
    library = big_library()
    demo = str(REPO / "assets" / "demo")
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1",
                               "-d", str(hls_episode())], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline() if server.stdout else ""
    port = line.split("port ")[1].split(" ")[0] if "port " in line else "8000"
    try:
        with xvfb() as display, tempfile.TemporaryDirectory() as work:
            seen_before = Path(work) / "seen"
            first_time, again, small, local, remote = [], [], [], [], []
            for run in range(args.runs):
                first_time.append(app_start_and_first_frame(
                    display, str(library), Path(work) / f"fresh{run}", play=False)[0])
                again.append(app_start_and_first_frame(
                    display, str(library), seen_before, play=False)[0])
                home, first = app_start_and_first_frame(display, demo)
                small.append(home)
                local.append(first)
                remote.append(app_start_and_first_frame(
                    display, f"http://127.0.0.1:{port}/index.m3u8")[1])
    finally:
        server.terminate()
    base = median(small)
    print_table(f"library ({args.runs} runs, medians; baseline = the 1-series demo library)", [
        ("start → Home ready, 10,000 files, first time (s)", f"{median(first_time):.3f}",
         f"{base:.3f}", f"goal ≤ 3.0; {median(first_time) / base:.2f}×"),
        ("start → Home ready, 10,000 files, seen before (s)", f"{median(again):.3f}",
         f"{base:.3f}", f"goal ≤ 1.0; {median(again) / base:.2f}×"),
        ("继续观看 → first frame, local (ms)", f"{median(local) * 1000:.0f}", "", "goal ≤ 300"),
        ("继续观看 → first frame, HLS on 127.0.0.1 (ms)", f"{median(remote) * 1000:.0f}",
         f"{median(local) * 1000:.0f}", f"goal ≤ 1000; {median(remote) / median(local):.2f}×"),
    ])


if __name__ == "__main__":
    main()
