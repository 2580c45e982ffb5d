"""Flash dimming proven on the real app's output: a generated episode with a 5 Hz full-screen
flash plays in the real window on Xvfb; the screen's picture area is captured with ffmpeg's
x11grab and counted by WCAG 2.3.1's general-flash rule."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing.flashes import FlashCounter, flagged_periods
from tests.calm_media import (
    AFTER_S,
    CALM_S,
    CUT_COLOURS,
    FLASH_S,
    FPS,
    SHOT_S,
    cut_episode,
    flash_episode,
)
from tests.conftest import XDisplay
from tests.x11 import RunningApp, running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]

CAPTURE_SIZE = (104, 176)  # the captured picture area, reduced by area averaging


def _library(tmp_path: Path, media_dir: Path) -> Path:
    library = tmp_path / "library"
    series = library / "闪光测试"
    series.mkdir(parents=True)
    (series / "第1集.mp4").symlink_to(flash_episode(media_dir / "flash-5hz.mp4"))
    return library


def _settings(config: Path, values: dict[str, object]) -> None:
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps(
        {"format": "silverreel-settings", "version": 1, "values": values}), encoding="utf-8")


def capture_picture(app: RunningApp, seconds: float) -> tuple[np.ndarray, np.ndarray]:
    """The middle of the picture area as (frames, h, w, 3) floats 0–1, and each frame's
    capture time in seconds (from ffmpeg's showinfo: a busy machine grabs unevenly)."""
    display = app.display
    width = round(display.height * 9 / 16)
    left = (display.width - width) // 2
    box_w, box_h = width - 80, display.height - 120  # inside the picture, clear of its edges
    done = subprocess.run(
        ["ffmpeg", "-loglevel", "info", "-nostats", "-f", "x11grab", "-draw_mouse", "0",
         "-framerate", str(FPS), "-video_size", f"{box_w}x{box_h}",
         "-i", f"{display.name}+{left + 40},{60}", "-t", str(seconds),
         "-vf", f"scale={CAPTURE_SIZE[0]}:{CAPTURE_SIZE[1]}:flags=area,showinfo",
         "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        check=True, capture_output=True)
    frames = np.frombuffer(done.stdout, np.uint8).reshape(-1, CAPTURE_SIZE[1],
                                                           CAPTURE_SIZE[0], 3)
    times = np.array([float(m) for m in re.findall(rb"pts_time:([0-9.]+)", done.stderr)])
    # showinfo may see one frame more than the output keeps at the -t limit.
    assert 0 <= len(times) - len(frames) <= 1, (len(times), len(frames))
    times = times[:len(frames)]
    return frames.astype(np.float32) / 255.0, times - times[0]


def failing_periods(frames: np.ndarray, times: np.ndarray) -> list[tuple[float, float]]:
    """WCAG 2.3.1 general and red flash periods (more than 3 flashes in any second)."""
    counter = FlashCounter()
    for frame in frames:
        counter.push(frame)
    found = sorted(float(times[i]) for i in
                   counter.luminance_transitions + counter.red_transitions)
    return flagged_periods(found, 3)


def _play_and_capture(display: XDisplay, workdir: Path, library: Path, values: dict[str, object]
                      ) -> tuple[np.ndarray, np.ndarray, list[dict[str, object]]]:
    _settings(workdir / "cfg", {"readout.enabled": False, "readout.announce": False,
                                "pacing.notice_from": "never", **values})
    with running_app(display, workdir, "--library", str(library)) as app:
        app.wait_for_event("home_ready")
        seen = len(app.events())
        app.press("Return")
        app.wait_for_event("first_frame", after=seen)
        # From the first picture to just before the end (the screen then leaves the episode).
        frames, times = capture_picture(app, CALM_S + FLASH_S + AFTER_S - 0.7)
        return frames, times, app.events()


def _changed(frames: np.ndarray, times: np.ndarray, reference: np.ndarray) -> float:
    """How long (s) the captured picture differs from the still calm picture."""
    differs = np.abs(frames - reference).mean(axis=(1, 2, 3)) > 0.03
    return float(np.sum(np.diff(times)[differs[1:]]))


def test_flashes_on_screen_pass_wcag_with_dimming_and_fail_without(
    xdisplay: XDisplay, tmp_path: Path, media_dir: Path
) -> None:
    library = _library(tmp_path, media_dir)
    plain, plain_times, plain_events = _play_and_capture(
        xdisplay, tmp_path / "off", library, {"picture.dim_flashes": False})
    dimmed, dimmed_times, dimmed_events = _play_and_capture(
        xdisplay, tmp_path / "on", library, {"picture.dim_flashes": True})
    np.savez(tmp_path / "captures.npz", plain=plain, plain_times=plain_times,
             dimmed=dimmed, dimmed_times=dimmed_times)

    # The calm section at the start looks the same either way (a still picture, so the two
    # captures need not line up frame by frame): mean absolute difference ≤ 1 %.
    calm_plain = np.median(plain[(plain_times > 1.0) & (plain_times < CALM_S - 1.5)], axis=0)
    calm_dimmed = np.median(dimmed[(dimmed_times > 1.0) & (dimmed_times < CALM_S - 1.5)],
                            axis=0)
    assert float(np.abs(calm_dimmed - calm_plain).mean()) <= 0.01

    # Both captures hold the whole flash section (the picture is not the still one for
    # about 4 s; dimmed, it stays darker for a while after the flash, as it releases).
    assert FLASH_S - 0.5 <= _changed(plain, plain_times, calm_plain) <= FLASH_S + 0.5
    assert _changed(dimmed, dimmed_times, calm_plain) >= FLASH_S - 0.5
    bright = plain.mean(axis=(1, 2, 3))
    assert bright.max() > 0.8 and bright.min() < 0.1  # full-screen white and black on screen

    # Without dimming the flash section fails WCAG 2.3.1 on screen…
    failing = failing_periods(plain, plain_times)
    assert any(end - start >= FLASH_S - 1.5 for start, end in failing), failing
    assert not any(e["event"] == "flash_dimmed" for e in plain_events)
    # …and with dimming on no second of the capture fails.
    assert failing_periods(dimmed, dimmed_times) == []
    assert any(e["event"] == "flash_dimmed" for e in dimmed_events)


# --- cross-fade at hard cuts -------------------------------------------------------------------
SUBTITLE = "转场时字幕照常显示"


def _cut_library(tmp_path: Path, media_dir: Path) -> Path:
    series = tmp_path / "library" / "转场测试"
    series.mkdir(parents=True)
    (series / "第1集.mp4").symlink_to(cut_episode(media_dir / "cuts-flat.mp4"))
    (series / "第1集.srt").write_text(
        f"1\n00:00:01,500 --> 00:00:08,500\n{SUBTITLE}\n", encoding="utf-8")
    return tmp_path / "library"


def _capture_screen(app: RunningApp, seconds: float, size: tuple[int, int] = (480, 270)
                    ) -> tuple[np.ndarray, np.ndarray]:
    display = app.display
    done = subprocess.run(
        ["ffmpeg", "-loglevel", "info", "-nostats", "-f", "x11grab", "-draw_mouse", "0",
         "-framerate", str(FPS), "-video_size", f"{display.width}x{display.height}",
         "-i", display.name, "-t", str(seconds),
         "-vf", f"scale={size[0]}:{size[1]}:flags=area,showinfo",
         "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        check=True, capture_output=True)
    frames = np.frombuffer(done.stdout, np.uint8).reshape(-1, size[1], size[0], 3)
    times = np.array([float(m) for m in re.findall(rb"pts_time:([0-9.]+)", done.stderr)])
    return frames.astype(np.float32) / 255.0, (times[:len(frames)] - times[0])


def _blended_frames(picture: np.ndarray) -> int:
    """Frames whose picture is one even colour that is none of the shots' colours: the
    mixtures a cross-fade shows (a half-painted frame is two colours, not one)."""
    colours = np.array([[int(c[2:4], 16), int(c[4:6], 16), int(c[6:8], 16)]
                        for c in CUT_COLOURS], np.float32) / 255.0
    count = 0
    for frame in picture:
        pixels = frame.reshape(-1, 3)
        if float(pixels.std(axis=0).max()) > 0.03:
            continue  # not one even colour
        nearest = float(np.abs(colours - pixels.mean(axis=0)).max(axis=1).min())
        if nearest > 0.08:
            count += 1
    return count


def _play_cuts(display: XDisplay, workdir: Path, library: Path, values: dict[str, object]
               ) -> tuple[np.ndarray, np.ndarray, list[dict[str, object]]]:
    _settings(workdir / "cfg", {"readout.enabled": False, "readout.announce": False,
                                "pacing.notice_from": "never", "playback.auto_next": False,
                                **values})
    with running_app(display, workdir, "--library", str(library)) as app:
        app.wait_for_event("home_ready")
        seen = len(app.events())
        app.press("Return")
        app.wait_for_event("first_frame", after=seen)
        frames, times = _capture_screen(app, SHOT_S * len(CUT_COLOURS) - 0.7)
        app.wait_for_event("ended", after=seen, timeout=30)
        return frames, times, app.events()


def test_hard_cuts_cross_fade_on_screen_without_touching_subtitles_or_timing(
    xdisplay: XDisplay, tmp_path: Path, media_dir: Path
) -> None:
    library = _cut_library(tmp_path, media_dir)
    hard, _, hard_events = _play_cuts(xdisplay, tmp_path / "off", library,
                                      {"picture.soften_cuts": False})
    soft, soft_times, soft_events = _play_cuts(
        xdisplay, tmp_path / "on", library,
        {"picture.soften_cuts": True, "picture.soften_ms": 300})
    np.savez(tmp_path / "cuts.npz", hard=hard, soft=soft, soft_times=soft_times)
    height, width = hard.shape[1:3]
    picture_w = round(height * 9 / 16)
    left = (width - picture_w) // 2
    picture = (slice(10, height - 10), slice(left + 8, left + picture_w - 8))
    band = (slice(0, height), slice(left + picture_w + 4, width))

    # With softening the cuts pass through even mixtures of the two shots (300 ms ≈ 9
    # frames at each of three cuts; a busy machine shows fewer); without, none.
    assert _blended_frames(hard[:, picture[0], picture[1]]) == 0
    assert _blended_frames(soft[:, picture[0], picture[1]]) >= 3

    # The subtitle stands in the side band unchanged: the band looks the same in both runs
    # while the line is up, and the line appeared at the same point of the episode.
    def shown(events: list[dict[str, object]]) -> list[tuple[str, int]]:
        return [(str(e["text"]), int(str(e["position_ms"])))
                for e in events if e["event"] == "subtitle_shown"]

    [(hard_text, hard_at)] = shown(hard_events)
    [(soft_text, soft_at)] = shown(soft_events)
    assert hard_text.replace("\n", "") == soft_text.replace("\n", "") == SUBTITLE
    assert abs(hard_at - soft_at) <= 250  # the app's 50 ms clock, on a busy machine
    during = slice(int(3.0 * FPS), int(7.0 * FPS))
    band_hard = np.median(hard[during, band[0], band[1]], axis=0)
    band_soft = np.median(soft[during, band[0], band[1]], axis=0)
    assert float(band_hard.max()) > 0.8  # white subtitle text is there
    assert float(np.abs(band_soft - band_hard).mean()) <= 0.01

    # The episode keeps its length: both runs report the same duration and play to the end.
    def duration(events: list[dict[str, object]]) -> set[int]:
        return {int(str(e["duration_ms"])) for e in events
                if e["event"] == "progress_saved" and int(str(e["duration_ms"])) > 0}

    assert duration(hard_events) == duration(soft_events)
    assert abs(next(iter(duration(soft_events))) - SHOT_S * len(CUT_COLOURS) * 1000) <= 100
    assert any(e["event"] == "ended" for e in soft_events)
    calmed = [e for e in soft_events if e["event"] == "picture_calmed"]
    assert calmed and calmed[-1]["cuts_softened"] == 3
