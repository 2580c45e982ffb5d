"""Longest GUI-thread hold while hostile subtitle files load (used by bench_hostile.py).

A 5 ms timer ticks on the GUI thread while the app's own CueLoader (a background thread) reads
the file and the CueFollower takes the cues and shows the cue at 1.5 s: the longest gap
between two ticks is the freeze a viewer would see. Each figure comes from a fresh process;
"before" runs the same child against a checkout of the code before the fix.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from benchmarks.common import REPO, WORK, median

_CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QCoreApplication, QTimer
from player.cues import CueFollower, CueLoader
from player.library.model import Episode
app = QCoreApplication([])
state = {"last": time.perf_counter(), "gap": 0.0, "on": False}
def tick():
    now = time.perf_counter()
    if state["on"]:
        state["gap"] = max(state["gap"], now - state["last"])
    state["last"] = now
timer = QTimer(); timer.timeout.connect(tick); timer.start(5)
loader = CueLoader(); follower = CueFollower()
def loaded(result):
    follower.set_cues(result.track.cues if result.track is not None else ())
    follower.follow(1500)
    QTimer.singleShot(300, app.quit)
loader.loaded.connect(loaded)
def start():
    state["on"] = True; state["last"] = time.perf_counter()
    loader.request(Episode(1, "x", sys.argv[2] + ".mp4", subtitle=sys.argv[2]))
QTimer.singleShot(200, start)
app.exec()
print(f"{state['gap']:.4f}")
"""


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def hostile_files() -> dict[str, Path]:
    folder = WORK / "hostile-subtitles"
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "30,000 <rt> tags (120 KB SRT)": folder / "ruby.srt",
        "5 MB one-line ASS": folder / "one-line.ass",
        "58,000-cue SRT": folder / "many.srt",
    }
    ruby, one_line, many = files.values()
    if not ruby.exists():
        ruby.write_text(f"1\n{_ts(1000)} --> {_ts(5000)}\n台词" + "<rt>" * 30_000 + "\n",
                        encoding="utf-8")
    if not one_line.exists():
        rng = random.Random(5)
        line = "".join(rng.choice("长辈剧场字幕测试，。") for _ in range(1_650_000))
        one_line.write_text(
            "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, "
            "Name, MarginL, MarginR, MarginV, Effect, Text\n"
            f"Dialogue: 0,0:00:01.00,0:00:05.00,Default,,0,0,0,,{line}\n", encoding="utf-8")
    if not many.exists():
        blocks = [f"{n + 1}\n{_ts(n * 1000)} --> {_ts(n * 1000 + 900)}\n第{n}句，我们一起回家吧。\n"
                  for n in range(58_000)]
        many.write_text("\n".join(blocks), encoding="utf-8")
    return files


def freeze(repo: Path, path: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(repo), str(path)], env=env,
                         capture_output=True, text=True, check=True, timeout=900)
    return float(out.stdout.split()[-1])


def freeze_rows(runs: int, baseline_repo: Path | None = None) -> list[tuple[str, str, str, str]]:
    rows = []
    for label, path in hostile_files().items():
        now = median([freeze(REPO, path) for _ in range(runs)]) * 1000
        before = freeze(baseline_repo, path) * 1000 if baseline_repo else None
        rows.append((label, f"{now:.0f} ms", f"{before:.0f} ms" if before else "-",
                     f"{before / now:.0f}× less" if before else "≤ 100 ms"))
    return rows
