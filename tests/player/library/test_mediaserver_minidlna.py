"""A real MiniDLNA (Debian ``minidlna``) as a library source, in a private network namespace.

MiniDLNA sends SSDP multicast, so the server, the browsing, the discovery and the playback
all run in one process tree under ``unshare --net`` (tests/private_network.py,
tests/minidlna_scenario.py); nothing leaves on the machine's interfaces.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from tests.media import colour_clip, ffmpeg
from tests.private_network import private_network_available, run_in_private_network

pytestmark = pytest.mark.slow

# folder -> episode names in their natural order; created in a shuffled order so the
# server's own listing order (scan order) is not the natural one.
SERIES = {
    "春风又起": ["第九集", "第十集", "第十一集"],
    "回家的路": ["EP1", "EP2", "EP10"],
    "合集/外婆的夏天": ["第2集", "第12集"],
}
SUBTITLE = "1\n00:00:00,200 --> 00:00:01,400\n奶奶，我回来啦！\n\n"


@pytest.fixture(scope="module", params=[11, 2024])
def served(request: pytest.FixtureRequest, media_dir: Path,
           tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    media = tmp_path_factory.mktemp("dlna-media")
    base = colour_clip(media_dir / "dlna-base.mp4", "0x2E7D32", 1.5, size="180x320")
    shuffled = [(folder, name) for folder, names in SERIES.items() for name in names]
    random.Random(request.param).shuffle(shuffled)
    for folder, name in shuffled:
        target = media / folder / f"{name}.mp4"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(base, target)
    (media / "春风又起" / "第九集.srt").write_text(SUBTITLE, encoding="utf-8")
    (media / "回家的路" / "说明.txt").write_text("不是视频", encoding="utf-8")
    ffmpeg("-f", "lavfi", "-i", "sine=d=1", "-c:a", "aac", str(media / "回家的路" / "片头曲.m4a"))
    return media, tmp_path_factory.mktemp("dlna-work")


@pytest.fixture(scope="module")
def report(served: tuple[Path, Path]) -> dict:
    reason = private_network_available()
    if reason is not None:
        pytest.skip(reason)
    media, work = served
    expected = sum(len(names) for names in SERIES.values())
    result = run_in_private_network("tests.minidlna_scenario", str(media), str(work),
                                    str(expected))
    log = (work / "minidlna.out").read_text(errors="replace")[-3000:] \
        if (work / "minidlna.out").exists() else ""
    assert result.returncode == 0, f"{result.stderr[-3000:]}\n--- minidlna ---\n{log}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_scenario_ran_with_loopback_only(report: dict) -> None:
    assert report["interfaces"] == ["lo"]


def test_folders_become_series_in_natural_order_each_video_once(report: dict) -> None:
    inspected = report["inspect"]
    assert inspected["returncode"] == 0, inspected
    library = inspected["library"]
    assert library["kind"] == "library"
    found = {s["title"]: [e["title"] for e in s["episodes"]]
             for s in library["series"] if s["episodes"]}
    assert found == {folder.split("/")[-1]: names for folder, names in SERIES.items()}
    for series in library["series"]:
        numbers = [e["number"] for e in series["episodes"]]
        assert numbers == list(range(1, len(numbers) + 1))
    locations = [e["location"] for s in library["series"] for e in s["episodes"]]
    assert len(locations) == len(set(locations)) == 8
    assert all(location.startswith("http://127.0.0.1:") for location in locations)


def test_subtitle_resources_are_used(report: dict) -> None:
    episodes = {e["title"]: e for s in report["inspect"]["library"]["series"]
                for e in s["episodes"]}
    assert episodes["第九集"]["subtitle"].startswith("http://127.0.0.1:")
    assert episodes["第十集"]["subtitle"] is None
    assert report["play"]["subtitle_cues"] == ["奶奶，我回来啦！"]


def test_discovery_finds_the_server_by_name(report: dict) -> None:
    assert {"name": "家里的NAS", "location": "http://127.0.0.1:18201/rootDesc.xml"} \
        in report["discover"]


def test_an_episode_from_the_server_plays_in_libvlc(report: dict) -> None:
    play = report["play"]
    assert play["errors"] == []
    assert play["first_frame"] is True
    moving = sorted({p for p in play["positions"] if p > 0})
    assert len(moving) >= 2 and moving[-1] > moving[0]


def test_the_app_lists_the_server_and_plays_an_episode_named_on_the_command_line(
        report: dict) -> None:
    app = report["app"]
    # Home is shown at once; the server's series are on it then or join it (library_grew).
    assert app["home_series"] and max(app["library_series"]) >= len(SERIES)
    assert app["first_frames"][:1] == [app["location"]]
