"""Issue-11 figures: cast request (SetAVTransportURI + Play) → first frame, and the receiver's
CPU while idle. Runs itself inside a private network namespace (SSDP is multicast).

    python benchmarks/bench_cast.py [--runs N] [--idle-seconds S]

Baseline for the cast: the same episode, from the same 127.0.0.1 server, started from Home
(继续观看 + OK) in the same run. Baseline for idle CPU: the same app with the receiver off.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

INSIDE = "SILVERREEL_PRIVATE_NETWORK"
SETTLE_S = 15.0


def reexec_in_private_network() -> int:
    """No multicast may leave this machine: run again in a namespace with only a loopback."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        print("bench_cast needs root and unshare (util-linux) for a private network namespace")
        return 1
    command = ("ip link set lo up && ip link set lo multicast on && exec "
               + " ".join([sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]))
    return subprocess.run(["unshare", "--net", "sh", "-c", command],
                          env={**os.environ, INSIDE: "1"}, check=False).returncode


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    if os.environ.get(INSIDE) != "1":
        return reexec_in_private_network()
    from aiohttp.http import SERVER_SOFTWARE

    from benchmarks.common import (
        app_start_and_first_frame,
        median,
        print_table,
        vertical_episode,
        xvfb,
    )
    from player.cast.metadata import device_of

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    args, _ = parser.parse_known_args()

    folder = Path(tempfile.mkdtemp(prefix="silverreel-cast-bench-"))
    shutil.copy(vertical_episode(60), folder / "episode.mp4")
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1",
                               "-d", str(folder)], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline() if server.stdout else ""
    port = line.split("port ")[1].split(" ")[0]
    episode = f"http://127.0.0.1:{port}/episode.mp4"
    phone = device_of("127.0.0.1", {"User-Agent": SERVER_SOFTWARE}).key
    try:
        with xvfb() as display:
            from_home = [app_start_and_first_frame(display, episode)[1]
                         for _ in range(args.runs)]
            cast, idle_on = run_app(display, folder, episode, phone, args.runs,
                                    args.idle_seconds, cast=True)
            _, idle_off = run_app(display, folder, episode, phone, 0, args.idle_seconds,
                                  cast=False)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)
    base = median(from_home)
    print_table(f"casting ({args.runs} runs, medians; 127.0.0.1, private network namespace)", [
        ("SetAVTransportURI + Play → first frame (ms)", f"{median(cast) * 1000:.0f}",
         f"{base * 1000:.0f}", f"goal ≤ 1000; {median(cast) / base:.2f}×"),
        (f"CPU while idle, receiver on, {args.idle_seconds:.0f} s (%)",
         f"{idle_on * 100:.2f}", f"{idle_off * 100:.2f}",
         f"≈ 0; +{(idle_on - idle_off) * 100:.2f} pts"),
    ])
    return 0


def run_app(display: str, folder: Path, episode: str, phone: str, runs: int,
            idle_seconds: float, *, cast: bool) -> tuple[list[float], float]:
    """(cast → first-frame seconds per run, share of one core used while idle at Home)."""
    from benchmarks.common import app_env, wait_for
    from player.config.store import Settings
    from player.eventlog import read_events

    work = Path(tempfile.mkdtemp(prefix="silverreel-cast-app-"))
    settings = Settings(work / "cfg" / "settings.json")
    settings.set("cast.allowed_devices", [phone])  # the benchmark's phone, already allowed
    settings.save()
    log = work / "events.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "player", "--fullscreen", "--library", str(folder),
         "--config-dir", str(work / "cfg"), "--event-log", str(log),
         *(["--cast"] if cast else [])],
        env=app_env(display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def events(name: str) -> list[dict]:  # type: ignore[type-arg]
        return [e for e in (read_events(log) if log.exists() else []) if e["event"] == name]

    latencies: list[float] = []
    try:
        if not wait_for(lambda: bool(events("home_ready")), 30):
            raise RuntimeError("Home never became ready")
        if cast and not wait_for(lambda: bool(events("cast_receiver")), 30):
            raise RuntimeError("the receiver never started")
        time.sleep(SETTLE_S)  # start-up work (read-out, analysis set-up) settles first
        before = cpu_seconds(process.pid)
        time.sleep(idle_seconds)
        idle = (cpu_seconds(process.pid) - before) / idle_seconds
        if runs:
            latencies = asyncio.run(cast_runs(episode, runs, events))
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    return latencies, idle


async def cast_runs(episode: str, runs: int, events) -> list[float]:  # type: ignore[no-untyped-def]
    from async_upnp_client.aiohttp import AiohttpRequester
    from async_upnp_client.client_factory import UpnpFactory
    from async_upnp_client.search import async_search

    found: list[str] = []

    async def on_response(headers) -> None:  # type: ignore[no-untyped-def]
        if headers.get("location"):
            found.append(headers["location"])

    await async_search(on_response, timeout=2, source=("127.0.0.1", 0),
                       search_target="urn:schemas-upnp-org:device:MediaRenderer:1")
    if not found:
        raise RuntimeError("the renderer was not found by M-SEARCH")
    device = await UpnpFactory(AiohttpRequester()).async_create_device(found[0])
    avt = device.service("urn:schemas-upnp-org:service:AVTransport:1")
    latencies = []
    for run in range(runs):
        seen = len(events("first_frame"))
        start = time.monotonic()
        await avt.action("SetAVTransportURI").async_call(
            InstanceID=0, CurrentURI=f"{episode}?run={run}", CurrentURIMetaData="")
        await avt.action("Play").async_call(InstanceID=0, Speed="1")
        deadline = time.monotonic() + 30
        while len(events("first_frame")) <= seen:
            if time.monotonic() > deadline:
                raise RuntimeError("no first frame after the cast")
            await asyncio.sleep(0.01)
        latencies.append(events("first_frame")[-1]["t"] - start)
        await avt.action("Stop").async_call(InstanceID=0)
        await asyncio.sleep(1.0)
    return latencies


if __name__ == "__main__":
    raise SystemExit(main())
