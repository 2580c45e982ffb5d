"""The calm picture in the assembled app (real libVLC, offscreen window): the calmer sits on
the engine's pictures, follows the family's settings, and logs what it did."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from accessibility.calm import CalmOptions
from player.calm import calm_words, options_from, will_calm
from player.eventlog import read_events
from tests.calm_media import (
    BURST_SHOT_S,
    BURST_SHOTS,
    BURST_START_S,
    CALM_S,
    burst_episode,
    flash_episode,
)
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key


def _library(tmp_path: Path, media_dir: Path) -> Path:
    series = tmp_path / "library" / "闪光测试"
    series.mkdir(parents=True)
    (series / "第1集.mp4").symlink_to(flash_episode(media_dir / "flash-5hz.mp4"))
    return tmp_path / "library"


def _brightness(image: QImage) -> float:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                                image.bytesPerLine())
    return float(pixels[:, :image.width() * 4].mean()) / 255.0


def test_flashing_pictures_reach_the_screen_dimmed_and_the_log_says_so(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    parts = build_app(_library(tmp_path, media_dir))
    assert parts.calming is not None
    parts.settings.update({"readout.enabled": False, "readout.announce": False,
                           "pacing.notice_from": "never"})
    frames: list[tuple[int, float]] = []
    parts.engine.frame_ready.connect(
        lambda image: frames.append((parts.engine.position(), _brightness(image))))
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)  # 继续观看: episode 1
    parts.session.seek((CALM_S - 1) * 1000)
    qtbot.wait_until(lambda: parts.calming is not None
                     and parts.calming.calmed(parts.session.episode.location)[0],  # type: ignore[union-attr]
                     timeout=20_000)
    qtbot.wait_until(lambda: parts.engine.position() > (CALM_S + 2.5) * 1000, timeout=20_000)
    flashing = [value for position, value in frames if position > (CALM_S + 1) * 1000]
    # Undimmed, this section alternates full white (≈ 0.92 with the padding) and black.
    assert flashing and max(flashing) < 0.6
    events = read_events(parts.paths.default_event_log)
    assert any(e["event"] == "flash_dimmed" for e in events)
    parts.session.stop()
    events = read_events(parts.paths.default_event_log)
    [calmed] = [e for e in events if e["event"] == "picture_calmed"]
    assert calmed["dimmed_frames"] > 30 and calmed["cuts_softened"] == 0


def test_the_calmer_follows_the_family_settings(qtbot: QtBot, build_app: Build,
                                                tmp_path: Path, media_dir: Path) -> None:
    parts = build_app(_library(tmp_path, media_dir))
    assert parts.calming is not None
    calmer = parts.calming.calmer
    assert calmer.options == CalmOptions(dim_flashes=True, soften_cuts=False, soften_ms=200)
    parts.settings.update({"picture.soften_cuts": True, "picture.soften_ms": 300,
                           "picture.soften_where": "bursts", "picture.dim_flashes": False})
    assert calmer.options == CalmOptions(dim_flashes=False, soften_cuts=True, soften_ms=300,
                                         soften_in_bursts_only=True)
    assert options_from(parts.settings) == calmer.options


def test_calm_words_name_what_was_done() -> None:
    assert calm_words(True, False) == "已减弱闪烁"
    assert calm_words(False, True) == "已柔化转场"
    assert calm_words(True, True) == "已减弱闪烁，已柔化转场"
    assert calm_words(False, False) is None
    assert calm_words(True, False, slowed=True) == "已减弱闪烁，已放慢快速镜头"
    assert will_calm(CalmOptions(), None) == (False, False)


def test_with_the_analysis_the_first_flash_is_already_dimmed(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    from accessibility.pacing.result import FlashSpan, PacingResult

    parts = build_app(_library(tmp_path, media_dir))
    assert parts.calming is not None
    parts.settings.update({"readout.enabled": False, "readout.announce": False,
                           "pacing.notice_from": "never"})
    frames: list[tuple[int, float]] = []
    parts.engine.frame_ready.connect(
        lambda image: frames.append((parts.engine.position(), _brightness(image))))
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)
    episode = parts.session.episode
    assert episode is not None
    # What the analysis says about this episode (as PacingMonitor would deliver it).
    known = PacingResult(duration_s=13.0, cuts=(6.0, 10.0), cuts_per_minute=9.2,
                         shortest_shot_s=3.0, bursts=(), flashes=(FlashSpan(6.0, 9.9),),
                         integrated_lufs=None, loudness_jumps=(), level=None)
    parts.calming.use_result(episode.location, known)
    parts.session.seek((CALM_S - 2) * 1000)
    qtbot.wait_until(lambda: parts.engine.position() > (CALM_S + 2) * 1000, timeout=20_000)
    flashing = [value for position, value in frames if position >= CALM_S * 1000]
    # Live dimming lets the first flashes through at full white (≈ 0.92); known ahead,
    # none of them is shown bright.
    assert len(flashing) > 30 and max(flashing) < 0.6


def test_a_burst_of_cuts_plays_slower_and_normal_speed_comes_back(
    qtbot: QtBot, build_app: Build, tmp_path: Path, media_dir: Path
) -> None:
    """With 快速切换时放慢 on, the burst the analysis found plays at 90 % (from just before it
    to its end), then normal speed again; the family turning it off restores normal speed at
    once. The episode's own timeline is untouched: the media clock runs through the burst
    (subtitles and read-out follow it), only more slowly."""
    from accessibility.analysis import measure_safely
    from accessibility.pacing.summary import summarise

    series = tmp_path / "library" / "快剪测试"
    series.mkdir(parents=True)
    episode_file = series / "第1集.mp4"
    episode_file.symlink_to(burst_episode(media_dir / "burst.mp4"))
    measured = measure_safely(str(episode_file), read_picture=False)
    assert measured is not None
    result = summarise(measured)  # the real analysis of the real file
    [burst] = result.bursts
    burst_end = BURST_START_S + BURST_SHOTS * BURST_SHOT_S
    assert abs(burst.start_s - BURST_START_S) < 0.1 and abs(burst.end_s - burst_end) < 0.4

    parts = build_app(tmp_path / "library")
    assert parts.calming is not None
    parts.settings.update({"readout.enabled": False, "readout.announce": False,
                           "pacing.notice_from": "never", "picture.slow_bursts": True})
    rates: list[tuple[int, float]] = []
    parts.engine.position_changed.connect(
        lambda position: rates.append((position, parts.engine.rate())))
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)
    location = parts.session.episode.location  # type: ignore[union-attr]
    parts.calming.use_result(location, result)
    assert parts.engine.rate() == 1.0
    qtbot.wait_until(lambda: parts.engine.rate() == pytest.approx(0.9), timeout=15_000)
    assert burst.start_s - 0.8 <= parts.engine.position() / 1000 <= burst.end_s

    parts.settings.set("picture.slow_bursts", False)  # the family turns it off mid-burst
    assert parts.engine.rate() == 1.0
    parts.settings.set("picture.slow_bursts", True)
    qtbot.wait_until(lambda: parts.engine.rate() == pytest.approx(0.9), timeout=5_000)

    qtbot.wait_until(lambda: parts.engine.position() > (burst.end_s + 0.5) * 1000,
                     timeout=15_000)
    assert parts.engine.rate() == 1.0
    slow = [position for position, rate in rates if rate < 1.0]
    assert slow and min(slow) >= (burst.start_s - 0.8) * 1000
    assert max(slow) <= (burst.end_s + 0.3) * 1000
    fast_before = [p for p, rate in rates if rate == 1.0 and p < (burst.start_s - 0.8) * 1000]
    assert fast_before  # normal speed up to the burst
    assert "已放慢快速镜头" in (parts.calming.words_for(location, result) or "")
    events = read_events(parts.paths.default_event_log)
    slowed = [e for e in events if e["event"] == "burst_slowed"]
    assert slowed and slowed[0]["rate"] == 0.9
