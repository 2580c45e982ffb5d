"""The command line: inspect, and starting with no screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.assets import demo_library
from tests.media import colour_clip


def _silverreel(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "player", *args], capture_output=True,
                          text=True, timeout=60, env=env, check=False)


def test_inspect_an_episode(media_dir: Path) -> None:
    clip = colour_clip(media_dir / "inspect.mp4", "0x6A1B9A", 3.0)
    result = _silverreel("inspect", str(clip), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["kind"] == "episode"
    assert info["width"] == 360 and info["height"] == 640
    assert info["audio"] is True
    assert info["duration_s"] == pytest.approx(3.0, abs=0.1)


def test_inspect_the_demo_library_lists_episodes_in_order() -> None:
    result = _silverreel("inspect", str(demo_library()), "--json")
    assert result.returncode == 0, result.stderr
    library = json.loads(result.stdout)
    assert library["kind"] == "library"
    [series] = library["series"]
    assert series["title"] == "春风又起"
    assert [e["number"] for e in series["episodes"]] == [1, 2, 3, 4]
    assert series["episodes"][0]["subtitle"].endswith("第1集.srt")


@pytest.mark.parametrize("kind", ["missing", "empty", "text"])
def test_inspect_a_bad_episode_says_what_is_wrong(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "坏的.mp4"
    if kind == "empty":
        target.write_bytes(b"")
    elif kind == "text":
        target.write_text("not a video", encoding="utf-8")
    result = _silverreel("inspect", str(target), "--json")
    assert result.returncode == 1
    info = json.loads(result.stdout)
    assert info["error"]["code"] == {"missing": "missing", "empty": "empty",
                                     "text": "unplayable"}[kind]


def test_without_a_display_it_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = _silverreel(env=env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY" in lines[0]


def test_inspect_reports_the_subtitle_file_its_encoding_and_cues(
    media_dir: Path, tmp_path: Path
) -> None:
    clip = tmp_path / "第1集.mp4"
    clip.write_bytes(colour_clip(media_dir / "subbed.mp4", "0x2E7D32", 3.0).read_bytes())
    (tmp_path / "第1集.srt").write_bytes(
        "1\n00:00:00,500 --> 00:00:02,000\n<i>奶奶，我回来啦！</i>\n\n"
        "2\n00:00:02,100 --> 00:00:02,900\n快进屋坐。\n".encode("gbk"))
    result = _silverreel("inspect", str(clip), "--json")
    assert result.returncode == 0, result.stderr
    subtitles = json.loads(result.stdout)["subtitles"]
    assert subtitles["source"] == "file"
    assert subtitles["path"].endswith("第1集.srt")
    assert subtitles["encoding"] in ("gbk", "gb18030")
    assert [c["text"] for c in subtitles["cues"]] == ["奶奶，我回来啦！", "快进屋坐。"]
    assert subtitles["cues"][0]["start_s"] == 0.5


def test_inspect_reports_the_pacing_of_an_episode() -> None:
    episode = demo_library() / "春风又起" / "第2集.mp4"
    result = _silverreel("inspect", str(episode), "--json")
    assert result.returncode == 0, result.stderr
    pacing = json.loads(result.stdout)["pacing"]
    assert set(pacing) == {"duration_s", "cuts", "cuts_per_minute", "shortest_shot_s", "bursts",
                           "flashes", "loudness", "level"}
    assert pacing["level"] == "very_fast"
    assert pacing["cuts_per_minute"] > 45
    assert [round(j["t_s"]) for j in pacing["loudness"]["jumps"]] == [9]  # the "dun" at 8.7 s


def test_inspect_reports_subtitles_read_off_the_picture_with_their_source() -> None:
    truth = json.loads((demo_library() / "demo.json").read_text(encoding="utf-8"))
    burned = truth["episodes"][3]
    result = _silverreel("inspect", str(demo_library() / burned["file"]), "--json")
    assert result.returncode == 0, result.stderr
    subtitles = json.loads(result.stdout)["subtitles"]
    assert subtitles["source"] == "picture"
    assert subtitles["cues"] == []  # no file, no track
    picture = subtitles["picture_cues"]
    assert [c["text"] for c in picture] == [c["text"] for c in burned["burned_in_cues"]]
    for read, drawn in zip(picture, burned["burned_in_cues"], strict=True):
        assert read["source"] == "picture"
        assert abs(read["start_s"] - drawn["start"]) <= 0.25
        assert abs(read["end_s"] - drawn["end"]) <= 0.25
        assert 0.5 < read["confidence"] <= 1.0
