"""``silverreel analyse SOURCE`` writes sidecars; the player's analysis service then uses them
instead of decoding the episode, and ignores (and logs) stale or hostile ones."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from accessibility.pacing.cache import file_fingerprint
from accessibility.pacing.measure import PacingMeasurements
from accessibility.pacing.result import PacingResult
from accessibility.pacing.service import AnalysisService
from player.sidecar import (
    FORMAT,
    EpisodeIdentity,
    identity_of,
    sidecar_measurements,
    sidecar_path,
    write_sidecar,
)
from tests.media import colour_clip, pattern_clip

pytestmark = pytest.mark.slow
WAIT_S = 120  # a ceiling for a failing test, never a synchronisation device


class Results:
    def __init__(self) -> None:
        self.results: dict[Path, PacingResult | None] = {}
        self.started: list[Path] = []
        self._condition = threading.Condition()

    def __call__(self, path: Path, result: PacingResult | None) -> None:
        with self._condition:
            self.results[path] = result
            self._condition.notify_all()

    def on_started(self, path: Path) -> None:
        self.started.append(path)

    def wait_for(self, count: int) -> dict[Path, PacingResult | None]:
        with self._condition:
            assert self._condition.wait_for(lambda: len(self.results) >= count, WAIT_S)
            return dict(self.results)


def _analyse_in_service(*paths: Path) -> Results:
    results = Results()
    with AnalysisService(results, on_started=results.on_started,
                         shared=sidecar_measurements) as service:
        for path in paths:
            service.request(path)
        results.wait_for(len(paths))
    return results


def _silverreel(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "player", *args], capture_output=True,
                          text=True, timeout=300, check=False)


def _invented(cut_times: tuple[float, ...]) -> PacingMeasurements:
    """Measurements no real analysis of a flat clip would give: proof of where a result
    came from."""
    return PacingMeasurements(
        duration_s=3.0, fps=25.0, frames=75, cut_frames=tuple(round(t * 25) for t in cut_times),
        cut_times=cut_times, white_flash_cut_times=(), luminance_transition_times=(),
        red_transition_times=(), integrated_lufs=-30.0, momentary_lufs=(), block_lufs=(),
        picture_cues=((500, 1500, "奶奶，我回来啦！", 0.97),))


@pytest.fixture
def folder(media_dir: Path, tmp_path: Path) -> Path:
    series = tmp_path / "春风又起"
    series.mkdir()
    shutil.copyfile(colour_clip(media_dir / "sidecar-a.mp4", "0x1565C0", 3.0),
                    series / "第九集.mp4")
    shutil.copyfile(pattern_clip(media_dir / "sidecar-b.mp4", 3.0), series / "第十集.mp4")
    return series


def test_analyse_writes_a_sidecar_per_episode_and_the_player_uses_them(folder: Path) -> None:
    result = _silverreel("analyse", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    episodes = sorted(folder.glob("*.mp4"))
    for episode in episodes:
        document = json.loads(sidecar_path(episode).read_text(encoding="utf-8"))
        assert document["format"] == FORMAT
        assert document["episode"]["fingerprint"] == file_fingerprint(episode)
        assert document["episode"]["size"] == episode.stat().st_size
    assert "written 2" in result.stdout

    again = _silverreel("analyse", str(folder))
    assert again.returncode == 0
    assert "up to date 2" in again.stdout  # nothing analysed twice

    results = _analyse_in_service(*episodes)
    assert results.started == []  # the worker never decoded an episode
    pattern = results.results[folder / "第十集.mp4"]
    flat = results.results[folder / "第九集.mp4"]
    assert pattern is not None and flat is not None
    assert flat.cuts == ()
    assert pattern.duration_s == pytest.approx(3.0, abs=0.2)


def test_the_service_takes_the_sidecar_instead_of_decoding(folder: Path) -> None:
    episode = folder / "第九集.mp4"
    write_sidecar(episode, identity_of(episode), _invented((1.0, 2.0)))
    results = _analyse_in_service(episode)
    assert results.started == []
    result = results.results[episode]
    assert result is not None
    assert result.cuts == (1.0, 2.0)
    assert result.picture_cues == ((500, 1500, "奶奶，我回来啦！", 0.97),)


def test_a_stale_sidecar_is_ignored_logged_and_the_episode_analysed(
        folder: Path, media_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    episode = folder / "第九集.mp4"
    write_sidecar(episode, identity_of(episode), _invented((1.0,)))
    # The episode is replaced by another cut of the same length and name.
    shutil.copyfile(colour_clip(media_dir / "sidecar-c.mp4", "0xC62828", 3.0), episode)
    with caplog.at_level(logging.WARNING, logger="player.sidecar"):
        results = _analyse_in_service(episode)
    assert results.started == [episode]
    result = results.results[episode]
    assert result is not None and result.cuts == ()
    assert any("stale" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("kind", ["garbage", "nan", "wrong_file", "oversized", "fifo"])
def test_hostile_sidecars_are_ignored_and_logged(
        folder: Path, kind: str, caplog: pytest.LogCaptureFixture) -> None:
    import os

    episode = folder / "第九集.mp4"
    target = sidecar_path(episode)
    if kind == "garbage":
        target.write_bytes(b"\x00\xff{{{" * 100)
    elif kind == "nan":
        write_sidecar(episode, identity_of(episode), _invented((1.0,)))
        target.write_text(target.read_text(encoding="utf-8").replace('"fps":25.0', '"fps":NaN'),
                          encoding="utf-8")
    elif kind == "wrong_file":  # a sidecar of another episode copied over
        write_sidecar(episode, EpisodeIdentity("第九集.mp4", 12345, "12345-00"),
                      _invented((1.0,)))
    elif kind == "oversized":
        target.write_bytes(b" " * (5 * 1024 * 1024))
    else:
        os.mkfifo(target)
    with caplog.at_level(logging.WARNING, logger="player.sidecar"):
        results = _analyse_in_service(episode)
    assert results.started == [episode]  # analysed by the player itself
    result = results.results[episode]
    assert result is not None and result.cuts == ()
    assert any("ignored" in record.getMessage() for record in caplog.records)


def test_analyse_goes_on_where_it_cannot_write_and_says_so(folder: Path) -> None:
    sidecar_path(folder / "第十集.mp4").mkdir()  # something in the way that cannot be replaced
    result = _silverreel("analyse", str(folder))
    assert result.returncode == 1
    assert "cannot write" in result.stdout
    assert sidecar_path(folder / "第九集.mp4").is_file()
    assert "written 1" in result.stdout and "failed 1" in result.stdout


def test_analyse_of_a_missing_source_fails_plainly(tmp_path: Path) -> None:
    result = _silverreel("analyse", str(tmp_path / "没有这个文件夹"))
    assert result.returncode == 1
    assert "missing" in result.stdout
