"""Screenshots of Home and Series at 720p, 1080p and 4K for docs/screens/, from the real app.

    .venv/bin/python packaging/take_screenshots.py [--out docs/screens] [--sizes 720,1080,2160]

Each size gets its own Xvfb display with no window manager (as on a kiosk TV box); the app
runs full screen as its own process on a small library of tagged series made with ffmpeg
(covers are frames of their first episodes); the keys are pressed with xdotool.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from player.config.paths import app_paths  # noqa: E402
from player.eventlog import read_events  # noqa: E402
from player.library.folder import read_folder  # noqa: E402
from player.progress import ProgressStore  # noqa: E402

SERIES = [  # (folder name, colour, episodes)
    ("春风又起", "0xB23A48", 12),
    ("[养生] 八段锦跟我练", "0x2E7D32", 8),
    ("[科普] 血压那些事", "0x1565C0", 6),
    ("[家庭] 婆婆的菜园", "0x8D6E63", 10),
    ("[戏曲] 锁麟囊", "0x6A1B9A", 4),
    ("老街坊的幸福生活", "0xEF6C00", 20),
    ("【养生】【科普】秋冬怎么吃", "0x00838F", 5),
    ("外婆的小饭馆", "0xAD1457", 9),
    ("[家庭] 父亲的手艺", "0x4E342E", 7),
    ("重回十八岁", "0x283593", 30),
]
SIZES = {720: (1280, 720), 1080: (1920, 1080), 2160: (3840, 2160)}


def make_library(root: Path) -> Path:
    clip = root / "clip.mp4"
    if not clip.exists():
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "testsrc2=s=360x640:r=25:d=3", "-c:v", "libx264", "-preset",
                        "ultrafast", "-pix_fmt", "yuv420p", str(clip)], check=True)
    library = root / "library"
    for name, colour, episodes in SERIES:
        folder = library / name
        if folder.exists():
            continue
        folder.mkdir(parents=True)
        cover = folder / "cover.jpg"
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        f"color=c={colour}:s=450x600,drawbox=x=40:y=360:w=370:h=200:"
                        "color=white@0.25:t=fill", "-frames:v", "1", str(cover)], check=True)
        for number in range(1, episodes + 1):
            os.link(clip, folder / f"第{number}集.mp4")
    return library


def watched_some(library: Path, config: Path) -> None:
    """春风又起: episodes 1–3 watched, 4 half-way, 6 would not open; 老街坊: 2 watched."""
    by_title = {s.title: s for s in read_folder(str(library))}
    with ProgressStore(app_paths(config).progress_db) as store:
        street = by_title["老街坊的幸福生活"]
        for episode in street.episodes[:2]:
            store.save(street, episode, 2900, 3000)
        spring = by_title["春风又起"]
        for episode in spring.episodes[:3]:
            store.save(spring, episode, 2900, 3000)
        store.save(spring, spring.episodes[3], 1500, 3000)
        store.mark_unplayable(spring.episodes[5].location, "unplayable")


def xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as stream:
        return process, f":{stream.readline().strip()}"


def wait_event(log: Path, name: str, after: int = 0, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        events = read_events(log) if log.exists() else []
        for position, event in enumerate(events[after:], start=after):
            if event["event"] == name:
                return position + 1
        time.sleep(0.1)
    raise SystemExit(f"no {name} event within {timeout} s")


def grab(display: str, width: int, height: int, path: Path) -> None:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-draw_mouse", "0",
                    "-video_size", f"{width}x{height}", "-i", display, "-frames:v", "1",
                    str(path)], check=True)


def shoot(library: Path, out: Path, size: int, extra: tuple[str, ...]) -> list[Path]:
    width, height = SIZES[size]
    server, display = xvfb(width, height)
    work = Path(tempfile.mkdtemp(prefix="silverreel-shots-"))
    log = work / "events.jsonl"
    watched_some(library, work / "cfg")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, SILVERREEL_AUDIO_OUTPUT="dummy")
    app = subprocess.Popen([sys.executable, "-m", "player", "--fullscreen", "--config-dir",
                            str(work / "cfg"), "--event-log", str(log), "--library",
                            str(library), *extra], env=env, cwd=REPO,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shots = []

    def key(*names: str) -> None:
        for name in names:
            subprocess.run(["xdotool", "key", name], check=True, env={**env})
            time.sleep(0.35)

    try:
        wait_event(log, "home_ready")
        time.sleep(10)  # covers fill in (a busy machine is slow at it)
        shots.append(out / f"home-{size}p.png")  # as it opens: 继续观看 focused
        grab(display, width, height, shots[-1])
        key("Down")  # the poster wall: the 继续观看 shelf, its first poster focused
        time.sleep(2)
        shots.append(out / f"home-wall-{size}p.png")
        grab(display, width, height, shots[-1])
        key("Return")  # 春风又起
        time.sleep(12)  # frames of the episodes and their pace badges fill in
        key("Down", "Right")
        time.sleep(2)
        shots.append(out / f"series-{size}p.png")
        grab(display, width, height, shots[-1])
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return shots


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "docs" / "screens"))
    parser.add_argument("--sizes", default="720,1080,2160")
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "silverreel-shots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    library = make_library(Path(args.work))
    for size in (int(s) for s in args.sizes.split(",")):
        for path in shoot(library, out, size, ()):
            print(path)


if __name__ == "__main__":
    main()
