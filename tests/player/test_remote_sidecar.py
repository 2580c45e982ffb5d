"""Sidecars beside http(s) episodes: a real HTTP server on 127.0.0.1 with range requests (as
MiniDLNA and every NAS have), the same fingerprint as on disk, and the app's pacing monitor
using what it finds; stale, hostile and unverifiable sidecars are ignored and logged."""

from __future__ import annotations

import json
import logging
import os
import random
import re
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from accessibility.pacing.measure import PacingMeasurements
from player.config.store import Settings
from player.eventlog import EventLog, read_events
from player.library.model import Episode
from player.pace.monitor import PacingMonitor
from player.remote_sidecar import remote_identity, remote_measurements
from player.sidecar import (
    file_quick_fingerprint,
    identity_of,
    sidecar_path,
    write_sidecar,
)
from tests.media import colour_clip


class RangeHandler(SimpleHTTPRequestHandler):
    """Python's file server plus single byte ranges (what a media server answers)."""

    ranges = True

    def log_message(self, *_args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        wanted = self.headers.get("Range")
        path = self.translate_path(self.path)
        if not self.ranges or not wanted or not os.path.isfile(path):
            return super().send_head()
        match = re.fullmatch(r"bytes=(\d+)-(\d*)", wanted)
        size = os.path.getsize(path)
        assert match is not None
        start = int(match.group(1))
        end = min(int(match.group(2)) if match.group(2) else size - 1, size - 1)
        handle = open(path, "rb")  # noqa: SIM115 - closed by copyfile's caller
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self._remaining = end - start + 1
        return handle

    def copyfile(self, source, outputfile):  # type: ignore[no-untyped-def]
        remaining = getattr(self, "_remaining", None)
        if remaining is None:
            return super().copyfile(source, outputfile)
        outputfile.write(source.read(remaining))
        return None


def _serve(folder: Path, ranges: bool) -> Iterator[str]:
    handler = type("Handler", (RangeHandler,), {"ranges": ranges})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    served = tmp_path / "nas"
    served.mkdir()
    return served


@pytest.fixture
def web(folder: Path) -> Iterator[str]:
    yield from _serve(folder, ranges=True)


def _invented(cuts: tuple[float, ...]) -> PacingMeasurements:
    return PacingMeasurements(
        duration_s=60.0, fps=25.0, frames=1500, cut_frames=tuple(round(t * 25) for t in cuts),
        cut_times=cuts, white_flash_cut_times=(), luminance_transition_times=(),
        red_transition_times=(), integrated_lufs=-20.0, momentary_lufs=(), block_lufs=())


@pytest.mark.parametrize("size", [1, 1000, 65536, 65537, 131072, 131073, 3 * (1 << 20) + 77])
def test_the_fingerprint_over_http_is_the_one_on_disk(folder: Path, web: str, size: int) -> None:
    data = random.Random(size).randbytes(size)
    (folder / "第1集.mp4").write_bytes(data)
    identity = remote_identity(f"{web}/%E7%AC%AC1%E9%9B%86.mp4")
    assert identity is not None
    assert identity.size == size
    assert identity.quick == file_quick_fingerprint(folder / "第1集.mp4")
    assert identity.fingerprint is None  # the 3 MiB fingerprint is never read over http


def test_a_current_sidecar_beside_an_http_episode_is_used(
        folder: Path, web: str, media_dir: Path) -> None:
    episode = folder / "EP2.mp4"
    shutil.copyfile(colour_clip(media_dir / "remote-side.mp4", "0x6A1B9A", 2.0), episode)
    write_sidecar(episode, identity_of(episode), _invented((3.0, 9.5)))
    found = remote_measurements(f"{web}/EP2.mp4")
    assert found is not None and found.cut_times == (3.0, 9.5)


@pytest.mark.parametrize("kind", ["stale", "garbage", "oversized", "no_ranges", "none"])
def test_unusable_remote_sidecars_are_ignored(folder: Path, media_dir: Path, kind: str,
                                              caplog: pytest.LogCaptureFixture) -> None:
    episode = folder / "EP2.mp4"
    shutil.copyfile(colour_clip(media_dir / "remote-side.mp4", "0x6A1B9A", 2.0), episode)
    if kind != "none":
        write_sidecar(episode, identity_of(episode), _invented((3.0,)))
    if kind == "stale":
        with open(episode, "ab") as file:
            file.write(b"\0" * 10)
    elif kind == "garbage":
        sidecar_path(episode).write_bytes(b'{"format": "silverreel-analysis", "schema": [')
    elif kind == "oversized":
        sidecar_path(episode).write_bytes(b" " * (5 * 1024 * 1024))
    with caplog.at_level(logging.INFO):
        for base in _serve(folder, ranges=kind != "no_ranges"):
            assert remote_measurements(f"{base}/EP2.mp4") is None
    messages = " ".join(r.getMessage() for r in caplog.records)
    expected = {"stale": "stale", "garbage": "ignored", "oversized": "too_large",
                "no_ranges": "cannot be checked", "none": ""}[kind]
    assert expected in messages


def test_the_app_gives_a_remote_episode_its_level_from_the_sidecar(
        qtbot: QtBot, folder: Path, web: str, media_dir: Path, tmp_path: Path) -> None:
    episode = folder / "第3集.mp4"
    shutil.copyfile(colour_clip(media_dir / "remote-side.mp4", "0x6A1B9A", 2.0), episode)
    many_cuts = tuple(round(0.5 + i * 0.6, 2) for i in range(95))  # ~95 cuts a minute
    write_sidecar(episode, identity_of(episode), _invented(many_cuts))
    events = EventLog(tmp_path / "events.jsonl")
    monitor = PacingMonitor(Settings(None), tmp_path / "pacing.sqlite3", events)
    url = f"{web}/%E7%AC%AC3%E9%9B%86.mp4"
    try:
        with qtbot.wait_signal(monitor.analysed, timeout=30_000) as signal:
            monitor.schedule(Episode(3, "第3集", url), [])
        location, result = signal.args
        assert location == url
        assert result is not None and result.level is not None
        assert result.level.value in ("fast", "very_fast")
        assert monitor.worker_pid is None  # nothing was decoded on this machine
        assert [e["location"] for e in read_events(tmp_path / "events.jsonl")
                if e["event"] == "pacing_analysed"] == [url]
    finally:
        monitor.shutdown()
        events.close()


def test_a_change_in_the_middle_only_is_caught_locally(folder: Path) -> None:
    # The quick check (first and last 64 KiB) is for http; a local file is checked in full.
    from player.sidecar import Sidecar, check_identity, parse_sidecar, to_json

    episode = folder / "第1集.mp4"
    data = bytearray(random.Random(5).randbytes(4 << 20))
    episode.write_bytes(bytes(data))
    written = Sidecar(identity_of(episode), _invented((1.0,)))
    parsed = parse_sidecar(json.dumps(to_json(written)).encode())
    data[2 << 20] ^= 0xFF
    episode.write_bytes(bytes(data))
    assert check_identity(parsed, identity_of(episode)) is not None


# --- the range requests and the sidecar go through player.net.guard -------------------------

def test_a_range_request_redirected_to_a_local_file_is_not_followed(tmp_path: Path) -> None:
    from tests.hostile import hostile_server

    secret = tmp_path / "secret.mp4"
    secret.write_bytes(random.Random(7).randbytes(200_000))
    with hostile_server("127.0.0.1") as nas:
        nas.redirect("/EP1.mp4", secret.as_uri())
        nas.redirect("/EP1.silverreel.json", (tmp_path / "side.json").as_uri())
        assert remote_identity(nas.url("/EP1.mp4")) is None
        assert remote_measurements(nas.url("/EP1.mp4")) is None


def test_a_public_episode_may_not_lead_the_range_requests_home(tmp_path: Path) -> None:
    from player.net.addresses import NetworkPolicy, using_policy
    from tests.hostile import hostile_server

    data = random.Random(8).randbytes(150_000)
    (tmp_path / "EP1.mp4").write_bytes(data)
    with using_policy(NetworkPolicy(frozenset({"127.0.0.2"}))), \
            hostile_server("127.0.0.1") as home, hostile_server("127.0.0.2") as public:
        home.add("/EP1.mp4", file=tmp_path / "EP1.mp4")
        public.redirect("/EP1.mp4", home.url("/EP1.mp4"))
        assert remote_identity(public.url("/EP1.mp4")) is None
        assert home.requests == []
        # The same redirect between two home addresses is fine (a NAS moving a file).
        home.redirect("/old/EP1.mp4", "/EP1.mp4")
        identity = remote_identity(home.url("/old/EP1.mp4"))
        assert identity is not None and identity.size == len(data)


def test_a_server_that_trickles_its_range_answer_is_given_up(
        caplog: pytest.LogCaptureFixture) -> None:
    from tests.hostile import Answer, hostile_server

    with hostile_server("127.0.0.1") as slow, caplog.at_level(logging.INFO):
        slow.routes["/EP1.mp4"] = Answer(behaviour="trickle_headers")
        assert remote_identity(slow.url("/EP1.mp4"), timeout=1.0) is None
    assert "cannot fingerprint" in caplog.text
