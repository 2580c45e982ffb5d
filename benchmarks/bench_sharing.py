"""Issue-11 figures for shared libraries: analysis results from sidecars, and a media server.

    python benchmarks/bench_sharing.py [--episodes N]

1. Pacing result for N episodes through the player's analysis service, when each episode has a
   current sidecar (written by ``silverreel analyse``) — baseline: the same service analysing
   the same episodes itself, in the same run, with an empty cache both times.
2. Listing a real MiniDLNA with 20 series × 10 episodes as a source (description → series) —
   baseline: reading the same folder from disk. MiniDLNA sends SSDP multicast, so this part
   runs itself again inside a private network namespace (``unshare --net``, loopback only; see
   tests/private_network.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import WORK, median, print_table, vertical_episode


def _results_time(paths: list[Path], cache_dir: Path) -> tuple[float, int]:
    from accessibility.pacing.cache import PacingCache
    from accessibility.pacing.service import AnalysisService
    from player.sidecar import sidecar_measurements

    done = threading.Event()
    results: list[Path] = []
    started: list[Path] = []

    def on_result(path: Path, _result: object) -> None:
        results.append(path)
        if len(results) == len(paths):
            done.set()

    begin = time.perf_counter()
    with AnalysisService(on_result, cache=PacingCache(cache_dir / "pacing.sqlite3"),
                         on_started=started.append, shared=sidecar_measurements) as service:
        for path in paths:
            service.request(path)
        done.wait(1800)
    return time.perf_counter() - begin, len(started)


def sidecar_figures(count: int) -> None:
    from player.analyse import analyse_episode

    folder = Path(tempfile.mkdtemp(prefix="sidecar-", dir=WORK))
    source = vertical_episode(30)
    paths = []
    for index in range(count):
        target = folder / f"第{index + 1}集.mp4"
        shutil.copyfile(source, target)
        with open(target, "ab") as file:  # each episode its own content, so its own key
            file.write(index.to_bytes(4, "little") * 16)
        paths.append(target)
    own_s, decoded = _results_time(paths, Path(tempfile.mkdtemp(dir=WORK)))
    for path in paths:
        analyse_episode(str(path))
    shared_s, decoded_with_sidecars = _results_time(paths, Path(tempfile.mkdtemp(dir=WORK)))
    print_table(f"analysis results for {count} × 30 s 720×1280 episodes", [
        ("time to every result, with sidecars", f"{shared_s:.2f} s", f"{own_s:.2f} s",
         f"{own_s / shared_s:.0f}× faster"),
        ("episodes decoded by the player", str(decoded_with_sidecars), str(decoded), "0"),
    ])
    shutil.rmtree(folder, ignore_errors=True)


def media_server_figures_inside_namespace(runs: int) -> None:
    from player.library.folder import read_folder
    from player.library.sources import open_source
    from tests.minidlna_scenario import DESCRIPTION, write_config
    from tests.private_network import prepare_namespace

    prepare_namespace()
    media = WORK / "dlna-library"
    if not (media / "短剧20" / "第10集.mp4").exists():
        clip = vertical_episode(30)
        for s in range(1, 21):
            (media / f"短剧{s}").mkdir(parents=True, exist_ok=True)
            for e in range(1, 11):
                target = media / f"短剧{s}" / f"第{e}集.mp4"
                if not target.exists():
                    target.hardlink_to(clip)
    work = Path(tempfile.mkdtemp(prefix="dlna-", dir=WORK))
    config = write_config(media, work)
    server = subprocess.Popen(["minidlnad", "-d", "-f", str(config), "-P", str(work / "pid")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while sum(len(s.episodes) for s in open_source(DESCRIPTION)) < 200:
            if time.monotonic() > deadline:
                raise SystemExit("MiniDLNA did not finish its scan")
            time.sleep(1)
        server_times, folder_times = [], []
        for _ in range(runs):
            begin = time.perf_counter()
            listed = open_source(DESCRIPTION)
            server_times.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            read_folder(str(media))
            folder_times.append(time.perf_counter() - begin)
        episodes = sum(len(s.episodes) for s in listed)
        print_table("a real MiniDLNA, 20 series × 10 episodes, as a source", [
            ("description → series listed", f"{median(server_times) * 1000:.0f} ms",
             f"{median(folder_times) * 1000:.0f} ms", "≤ 30 s bound"),
            ("series / episodes found", f"{len(listed)} / {episodes}", "20 / 200", ""),
        ])
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inside-namespace", action="store_true", help=argparse.SUPPRESS)
    args, _rest = parser.parse_known_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.inside_namespace:
        media_server_figures_inside_namespace(args.runs)
        return 0
    sidecar_figures(args.episodes)
    if shutil.which("minidlnad") is None:
        print("minidlnad not installed (make setup): media server figures skipped")
        return 0
    here = Path(__file__).resolve()
    return subprocess.run(["unshare", "--net", "--", sys.executable, str(here),
                           "--inside-namespace", "--runs", str(args.runs)],
                          cwd=here.parent.parent, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
