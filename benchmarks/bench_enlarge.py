"""Issue-4 figure: one-tap enlarge → new layout painted, on a series grid of 100 episodes.

    python benchmarks/bench_enlarge.py [--runs N]
Runs in-process on the offscreen platform; the baseline is a plain repaint of the same screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SILVERREEL_AUDIO_OUTPUT", "dummy")

from PySide6.QtWidgets import QApplication

from benchmarks.common import median, print_table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args, _ = parser.parse_known_args()
    app = QApplication([])
    from player.assemble import assemble
    from player.config.paths import app_paths
    from player.eventlog import EventLog
    from player.library.sources import open_source
    from player.ui.keys import Action

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "lib" / "一百集"
        folder.mkdir(parents=True)
        for number in range(1, 101):
            (folder / f"第{number}集.mp4").write_bytes(b"\0\0\0\x18ftypisom")
        parts = assemble(app_paths(Path(work) / "cfg"), EventLog(None))
        window = parts.window
        window.resize(1920, 1080)
        window.show()
        window.show_library(open_source(str(folder.parent)))
        window.open_series(0)
        app.processEvents()
        toggles, repaints = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            window.repaint()
            repaints.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.dispatch(Action.ENLARGE)
            app.processEvents()  # layout requests and deferred work
            window.repaint()  # the new layout, painted
            toggles.append(time.perf_counter() - start)
        parts.close()
    print_table(f"one-tap enlarge ({args.runs} toggles, medians; baseline = plain repaint)", [
        ("enlarge key → new layout painted, 100 episodes (ms)",
         f"{median(toggles) * 1000:.1f}", f"{median(repaints) * 1000:.1f}",
         f"goal ≤ 100; {median(toggles) / median(repaints):.1f}×"),
    ])


if __name__ == "__main__":
    main()
