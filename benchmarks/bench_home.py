"""Issue-13 figures: the poster wall with 500 series and a Series of 50,000 episodes.

    python benchmarks/bench_home.py [--runs N]

In-process on the offscreen platform, so the figures are the app's own work (no X server):
- Home ready (library shown, first paint) with 500 series × 10 episodes; baseline: 1 series.
- one-tap enlarge → new layout painted on that Home; baseline: a plain repaint.
- open a Series of 50,000 episodes (painted); baseline: a Series of 100 episodes.
- memory the 50,000-episode Series adds when opened (RSS), against the 100-episode one.
- turning a page of it (OK on 后面) → painted.
"""

from __future__ import annotations

import argparse
import gc
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


def rss_mb() -> float:
    with open("/proc/self/statm") as stat:
        pages = int(stat.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args, _ = parser.parse_known_args()
    app = QApplication([])
    from player.assemble import assemble
    from player.config.paths import app_paths
    from player.eventlog import EventLog
    from player.library.model import Episode, Series
    from player.ui.keys import Action

    def series(title: str, count: int, root: str) -> Series:
        episodes = tuple(Episode(n, f"第{n}集", f"{root}/{title}/第{n}集.mp4")
                         for n in range(1, count + 1))
        tags = (("养生",), ("科普",), ("家庭",), ("戏曲",), ())[len(title) % 5]
        try:
            return Series(title, f"{root}/{title}", episodes, tags=tags)
        except TypeError:  # a checkout from before tags (for before/after figures)
            return Series(title, f"{root}/{title}", episodes)

    with tempfile.TemporaryDirectory() as work:
        parts = assemble(app_paths(Path(work) / "cfg"), EventLog(None), defer=True)
        window = parts.window
        window.resize(1920, 1080)
        window.show()
        app.processEvents()
        one = [series("春风又起", 10, work)]
        many = [series(f"短剧{i:03d}", 10, work) for i in range(500)]

        def home_ready(library: list[Series]) -> float:
            window.show_library([])  # from nothing, as at start
            app.processEvents()
            start = time.perf_counter()
            window.show_library(library)
            window.repaint()
            return time.perf_counter() - start

        small = [home_ready(one) for _ in range(args.runs)]
        big = [home_ready(many) for _ in range(args.runs)]

        toggles, repaints = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            window.repaint()
            repaints.append(time.perf_counter() - start)
            start = time.perf_counter()
            window.dispatch(Action.ENLARGE)
            app.processEvents()
            window.repaint()
            toggles.append(time.perf_counter() - start)
        if parts.settings.get("ui.enlarged"):
            window.dispatch(Action.ENLARGE)

        hundred = series("一百集", 100, work)
        huge = series("五万集", 50_000, work)

        def open_series(item: Series) -> tuple[float, float]:
            window.show_library([item])
            app.processEvents()
            gc.collect()
            before = rss_mb()
            start = time.perf_counter()
            window.open_series(0)
            window.repaint()
            took = time.perf_counter() - start
            app.processEvents()
            gc.collect()
            return took, rss_mb() - before

        short_open = [open_series(hundred) for _ in range(args.runs)]
        long_open = [open_series(huge) for _ in range(args.runs)]
        turns = []
        screen = window.series_screen
        for _ in range(args.runs if hasattr(screen, "visible_indexes") else 0):
            screen.set_focus(screen.episode_button(max(screen.visible_indexes())))
            window.dispatch(Action.DOWN)  # 后面
            start = time.perf_counter()
            window.dispatch(Action.OK)
            window.repaint()
            turns.append(time.perf_counter() - start)
        parts.close()

    print_table(f"poster wall and long series ({args.runs} runs, medians)", [
        ("Home ready, 500 series (ms)", f"{median(big) * 1000:.1f}",
         f"{median(small) * 1000:.1f}",
         f"1 series; goal ≤ 300; {median(big) / median(small):.1f}×"),
        ("enlarge → painted, Home with 500 series (ms)", f"{median(toggles) * 1000:.1f}",
         f"{median(repaints) * 1000:.1f}", f"plain repaint; goal ≤ 100; "
         f"{median(toggles) / median(repaints):.1f}×"),
        ("open Series, 50,000 episodes (ms)", f"{median([t for t, _ in long_open]) * 1000:.1f}",
         f"{median([t for t, _ in short_open]) * 1000:.1f}", "100 episodes; goal ≤ 500"),
        ("memory added opening it (MB)", f"{median([m for _, m in long_open]):.1f}",
         f"{median([m for _, m in short_open]):.1f}", "100 episodes; goal ≤ 20"),
        ("turn a page of it → painted (ms)",
         f"{median(turns) * 1000:.1f}" if turns else "n/a", "", "goal ≤ 100"),
    ])


if __name__ == "__main__":
    main()
