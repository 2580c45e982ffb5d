"""Issue-13 figures: the word dictionary's load, and what line breaking at words costs.

    python benchmarks/bench_subtitles.py [--runs N]

* the word-segmentation worker (jieba, its own process) ready, without and with its caches in
  the app's cache folder (``accessibility/subtitles/words.py`` starts it at launch);
* laying out one episode's cues (40 cues) into display pages on the GUI thread, as after
  one-tap enlarge: with words (segmentation cached by the cue loader, off the GUI thread), with
  words segmented on the spot, and the baseline without words (a break allowed between any two
  characters, the old rule);
* paging time per character for cues 1×, 10× and 100× as long (linear: the ratio stays ≈ 1).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accessibility.subtitles.model import Cue
from benchmarks.common import median, print_table

_LOAD = ("import sys, time; from pathlib import Path; t = time.perf_counter();"
         "from accessibility.subtitles import words; words.warm_up(Path(sys.argv[1])).join();"
         "print(time.perf_counter() - t)")

PIECES = ["奶奶，", "我回来啦！", "你们放心吧。", "医生说要按时吃药，", "明天早上八点见。",
          "天气预报说今天晚上降温，", "记得多穿点衣服。", "孩子们放假了，", "下个星期就回老家。",
          "您别担心，", "我已经给您预约了体检。", "这件毛衣是我自己织的，", "暖和得很。"]


def _load_seconds(cache: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _LOAD, str(cache)], capture_output=True,
                         text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    return float(out.stdout.strip().splitlines()[-1])


def _episode(rng: random.Random, cues: int = 40, scale: int = 1) -> list[Cue]:
    made, clock = [], 0
    for _ in range(cues):
        text = "".join(rng.choices(PIECES, k=rng.randint(1, 3) * scale))
        made.append(Cue(clock, clock + 2500 * scale, text))
        clock += 3000 * scale
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args, _ = parser.parse_known_args()
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(_load_seconds(Path(cache)))
            warm.append(_load_seconds(Path(cache)))

    from accessibility.subtitles import words
    from accessibility.subtitles.paging import page_cues

    words.warm_up().join()
    rng = random.Random(13)
    cached, fresh, plain = [], [], []
    real_bonds = words.bonds
    for _ in range(args.runs):
        episode = _episode(rng)
        words._cache.clear()
        start = time.perf_counter()
        page_cues(episode, 7, 6)
        fresh.append(time.perf_counter() - start)
        start = time.perf_counter()
        page_cues(episode, 8, 6)  # same cues, new width: segmentation is cached
        cached.append(time.perf_counter() - start)
        words.bonds = lambda text: (words.FREE,) * len(text)
        try:
            start = time.perf_counter()
            page_cues(episode, 7, 6)
            plain.append(time.perf_counter() - start)
        finally:
            words.bonds = real_bonds

    per_char = {}
    for scale in (1, 10, 100):
        episode = _episode(random.Random(scale), cues=10, scale=scale)
        chars = sum(len(cue.text) for cue in episode)
        times = []
        for _ in range(args.runs):
            words._cache.clear()
            start = time.perf_counter()
            page_cues(episode, 7, 6)
            times.append(time.perf_counter() - start)
        per_char[scale] = median(times) / chars * 1e6

    print_table(f"subtitle words and pages ({args.runs} runs, medians)", [
        ("segmentation worker ready, caches kept (s)", f"{median(warm):.2f}",
         f"{median(cold):.2f}", f"{median(warm) / median(cold):.2f}× of no cache"),
        ("40 cues → pages, segmentation cached (ms)", f"{median(cached) * 1000:.1f}",
         f"{median(plain) * 1000:.1f}", f"{median(cached) / median(plain):.1f}× of no words"),
        ("40 cues → pages, segmented on the spot (ms)", f"{median(fresh) * 1000:.1f}",
         f"{median(plain) * 1000:.1f}", f"{median(fresh) / median(plain):.1f}× of no words"),
        ("paging µs per character, cues 10× longer", f"{per_char[10]:.1f}",
         f"{per_char[1]:.1f}", f"{per_char[10] / per_char[1]:.2f}× (linear ≈ 1)"),
        ("paging µs per character, cues 100× longer", f"{per_char[100]:.1f}",
         f"{per_char[1]:.1f}", f"{per_char[100] / per_char[1]:.2f}× (linear ≈ 1)"),
    ])


if __name__ == "__main__":
    main()
