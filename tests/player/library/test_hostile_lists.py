"""Huge lists are capped (and say so) instead of filling memory; problems stay bounded."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from player.library.problems import MAX_EPISODES_PER_SOURCE
from player.library.sources import open_source
from player.ui.strings import library_problems
from tests.hostile import hostile_server

REPO = Path(__file__).resolve().parents[3]


def _million_line_list(seed: int) -> bytes:
    # ~3 MB: a million short entries, mixed with titles, junk and blank lines.
    rng = random.Random(seed)
    lines = ["#EXTM3U"]
    for n in range(1_000_000):
        pick = rng.random()
        if pick < 0.05:
            lines.append("#EXTINF:-1,集")
        elif pick < 0.06:
            lines.append("")
        else:
            lines.append(f"{n % 97}")
    return ("\n".join(lines) + "\n").encode()


def test_a_million_line_remote_list_is_capped_and_says_so() -> None:
    with hostile_server() as server:
        url = server.add("/huge.m3u", _million_line_list(seed=14),
                         headers={"Content-Type": "audio/x-mpegurl"})
        series = open_source(url)[0]
    assert len(series.episodes) == MAX_EPISODES_PER_SOURCE
    assert [p.code for p in series.problems] == ["capped"]
    sentence = library_problems([(p.code, p.where) for p in series.problems])
    assert sentence is not None and "只列出了前面的部分" in sentence


def test_a_list_of_a_million_bad_lines_keeps_a_bounded_problem_list(tmp_path: Path) -> None:
    path = tmp_path / "bad.m3u"
    path.write_bytes(b"#EXTM3U\n" + b"#EXTINF:broken\n" * 100_000 + b"smb://x/y\n" * 200_000)
    series = open_source(str(path))[0]
    assert series.episodes == ()
    assert 0 < len(series.problems) <= 201
    assert series.problems[-1].code == "empty"


def test_a_huge_manifest_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "series.json"
    episodes = [{"url": f"https://cdn.example/{n}.mp4"} for n in range(MAX_EPISODES_PER_SOURCE + 7)]
    path.write_text(json.dumps({"version": 1, "title": "长剧", "episodes": episodes}))
    series = open_source(str(path))[0]
    assert len(series.episodes) == MAX_EPISODES_PER_SOURCE
    assert series.problems[-1].code == "capped"


def test_inspect_reads_a_million_line_list_and_reports_the_cap() -> None:
    with hostile_server() as server:
        url = server.add("/huge.m3u", _million_line_list(seed=7),
                         headers={"Content-Type": "audio/x-mpegurl"})
        result = subprocess.run(
            [sys.executable, "-m", "player.app", "inspect", url, "--json"], check=False,
            cwd=REPO, capture_output=True, timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["kind"] == "library"
    text = json.dumps(report)
    assert '"capped"' in text
