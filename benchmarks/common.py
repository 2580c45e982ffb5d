"""Shared pieces for the benchmarks: a private Xvfb, test media, medians, a results table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from player.eventlog import read_events

REPO = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("SILVERREEL_BENCH_DIR", "/tmp/silverreel-bench"))


@contextmanager
def xvfb(width: int = 1920, height: int = 1080) -> Iterator[str]:
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"], pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as stream:
        display = ":" + stream.readline().strip()
    try:
        yield display
    finally:
        process.terminate()
        process.wait()


def vertical_episode(seconds: int = 60) -> Path:
    """A 720×1280 H.264 episode with moving picture and sound, made once."""
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"vertical-{seconds}s.mp4"
    if not path.exists():
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y",
             "-f", "lavfi", "-i", f"testsrc2=s=720x1280:r=25:d={seconds}",
             "-f", "lavfi", "-i", f"sine=f=330:d={seconds}",
             "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
             "-c:a", "aac", "-movflags", "+faststart", str(path)], check=True)
    return path


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def app_env(display: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["SILVERREEL_AUDIO_OUTPUT"] = "dummy"
    if display:
        env["DISPLAY"] = display
    return env


def print_table(title: str, rows: Sequence[tuple[str, str, str, str]]) -> None:
    print(f"\n== {title}")
    print(f"{'measure':46} {'value':>14} {'baseline':>14} {'goal / ratio':>18}")
    for row in rows:
        print(f"{row[0]:46} {row[1]:>14} {row[2]:>14} {row[3]:>18}")
    sys.stdout.flush()


def wait_for(predicate, timeout: float, step: float = 0.02) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def app_start_and_first_frame(display: str, library: str, config_dir: Path | None = None,
                              play: bool = True) -> tuple[float, float]:
    """Start the real app: seconds to Home ready, then OK → seconds to the first frame."""
    with tempfile.TemporaryDirectory() as work:
        log = Path(work) / "events.jsonl"
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-m", "player", "--fullscreen", "--library", library,
             "--config-dir", str(config_dir or Path(work) / "cfg"), "--event-log", str(log)],
            env=app_env(display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            cwd=REPO)

        def find(name: str) -> dict | None:  # type: ignore[type-arg]
            events = read_events(log) if log.exists() else []
            return next((e for e in events if e["event"] == name), None)

        try:
            if not wait_for(lambda: find("home_ready") is not None, 30):
                raise RuntimeError("Home never became ready")
            home = find("home_ready")["t"] - start  # type: ignore[index]
            if not play:
                return home, float("nan")
            subprocess.run(["xdotool", "key", "Return"], env=app_env(display), check=True)
            if not wait_for(lambda: find("first_frame") is not None, 30):
                raise RuntimeError("no first frame")
            first = find("first_frame")["t"] - find("play_requested")["t"]  # type: ignore[index]
        finally:
            process.terminate()
            process.wait(10)
    return home, first
