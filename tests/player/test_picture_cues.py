"""Burned-in subtitles in the app: read off the picture in the background, then shown large
and spoken like any other subtitle; a subtitle file beside the episode wins."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.assets import demo_library
from player.eventlog import read_events
from tests.player.ui.conftest import Build

pytestmark = pytest.mark.slow
DEMO = demo_library()
TRUTH = json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))
BURNED = TRUTH["episodes"][3]  # 第4集: subtitles only in the picture


def _play(qtbot: QtBot, parts, index: int) -> None:  # type: ignore[no-untyped-def]
    series = parts.window.library[0]
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        parts.window.start_playing(series, index)


def test_an_episode_never_analysed_plays_at_once_and_its_picture_subtitles_follow(
    qtbot: QtBot, build_app: Build, tmp_path: Path
) -> None:
    parts = build_app(DEMO, config_dir=tmp_path / "fresh")
    parts.settings.update({"pacing.notice_from": "never", "pacing.skip_from": "never"})
    _play(qtbot, parts, 3)  # the first frame comes first: nothing waits for the analysis
    assert not parts.pacing.known(str(DEMO / BURNED["file"]))
    first = BURNED["burned_in_cues"][0]
    readout = parts.readout
    with qtbot.wait_signal(readout.speaking, timeout=30_000,
                           check_params_cb=lambda text: text == first["text"]):
        qtbot.wait_until(lambda: "".join(parts.window.playing.subtitle.lines) == first["text"],
                         timeout=30_000)
    # Shown within a few seconds of playback reaching the line (here: while it is on screen
    # or just after), large in the side band like any subtitle.
    assert parts.engine.position() <= (first["end"] + 3.0) * 1000
    shown = [e for e in read_events(parts.paths.default_event_log)
             if e["event"] == "subtitle_shown"]
    assert shown and shown[0]["text"] == first["text"]


def test_a_subtitle_file_beside_the_episode_wins_over_the_picture(
    qtbot: QtBot, build_app: Build, tmp_path: Path
) -> None:
    folder = tmp_path / "library" / "春风又起"
    folder.mkdir(parents=True)
    shutil.copy(DEMO / BURNED["file"], folder / "第4集.mp4")
    (folder / "第4集.srt").write_text(
        "1\n00:00:02,000 --> 00:00:06,000\n这是字幕文件里的话\n", encoding="utf-8")
    parts = build_app(tmp_path / "library", config_dir=tmp_path / "cfg2")
    parts.settings.update({"pacing.notice_from": "never", "pacing.skip_from": "never"})
    _play(qtbot, parts, 0)
    qtbot.wait_until(lambda: "".join(parts.window.playing.subtitle.lines) == "这是字幕文件里的话",
                     timeout=15_000)
    # The picture is still read in the background, but its lines are not used.
    qtbot.wait_until(lambda: bool(parts.pacing.picture_cues(str(folder / "第4集.mp4"))),
                     timeout=60_000)
    assert parts.window.cues.cues[0].text == "这是字幕文件里的话"
    assert len(parts.window.cues.cues) == 1
