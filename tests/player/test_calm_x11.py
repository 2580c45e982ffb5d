"""Flash dimming proven on the real app's output: a generated episode with a 5 Hz full-screen
flash plays in the real window on Xvfb; the screen's picture area is captured with ffmpeg's
x11grab and counted by WCAG 2.3.1's general-flash rule."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from accessibility.pacing.flashes import FlashCounter, flagged_periods
from tests.calm_media import (
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

SCREEN_SIZE = (640, 360)  # the captured screen, reduced by area averaging
SUBTITLE = "转场时字幕照常显示"


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


class ScreenCapture:
    """ffmpeg x11grab of part of the screen at 30 fps, running while the test plays.

    Started before playback and stopped after it, so a busy machine that is slow to start
    ffmpeg or the episode cannot cut the interesting part off; frames are found by content.
    Each frame's capture time comes from ffmpeg's showinfo (a busy machine grabs unevenly).
    """

    def __init__(self, app: RunningApp, box: tuple[int, int, int, int],
                 size: tuple[int, int], workdir: Path) -> None:
        x, y, width, height = box
        self.size = size
        self.raw, self.log = workdir / "capture.raw", workdir / "capture.log"
        with self.raw.open("wb") as raw, self.log.open("wb") as log:
            self.process = subprocess.Popen(
                ["ffmpeg", "-loglevel", "info", "-nostats", "-y", "-f", "x11grab",
                 "-draw_mouse", "0", "-framerate", str(FPS), "-video_size", f"{width}x{height}",
                 "-i", f"{app.display.name}+{x},{y}", "-t", "60",
                 "-vf", f"scale={size[0]}:{size[1]}:flags=area,showinfo",
                 "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                stdin=subprocess.PIPE, stdout=raw, stderr=log)

    def wait_started(self) -> None:
        deadline = time.monotonic() + 20
        while b"pts_time" not in self.log.read_bytes():
            assert time.monotonic() < deadline, "ffmpeg did not start grabbing"
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            time.sleep(0.05)

    def stop(self) -> tuple[np.ndarray, np.ndarray]:
        """(frames, h, w, 3) floats 0–1, and each frame's time in seconds."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"q")
        self.process.stdin.close()
        self.process.wait(timeout=30)
        width, height = self.size
        frame_bytes = width * height * 3
        data = self.raw.read_bytes()
        frames = np.frombuffer(data[:len(data) // frame_bytes * frame_bytes], np.uint8)
        frames = frames.reshape(-1, height, width, 3)
        times = np.array([float(m) for m in
                          re.findall(rb"pts_time:([0-9.]+)", self.log.read_bytes())])
        assert len(times) >= len(frames) > 0, (len(times), len(frames))
        times = times[:len(frames)]
        return frames.astype(np.float32) / 255.0, times - times[0]


def picture_box(display: XDisplay) -> tuple[int, int, int, int]:
    """Inside the centred 9:16 picture, clear of its edges."""
    width = round(display.height * 9 / 16)
    left = (display.width - width) // 2
    return left + 40, 60, width - 80, display.height - 120


def play_and_capture(display: XDisplay, workdir: Path, library: Path,
                     values: dict[str, object], box: tuple[int, int, int, int],
                     size: tuple[int, int]
                     ) -> tuple[np.ndarray, np.ndarray, list[dict[str, object]]]:
    """Play episode 1 to its end while capturing ``box`` of the screen."""
    _settings(workdir / "cfg", {"readout.enabled": False, "readout.announce": False,
                                "pacing.notice_from": "never", "playback.auto_next": False,
                                **values})
    with running_app(display, workdir, "--library", str(library)) as app:
        app.wait_for_event("home_ready")
        capture = ScreenCapture(app, box, size, workdir)
        try:
            capture.wait_started()
            seen = len(app.events())
            app.press("Return")
            app.wait_for_event("ended", after=seen, timeout=60)
            time.sleep(0.3)
        finally:
            frames, times = capture.stop()
        return frames, times, app.events()


def failing_periods(frames: np.ndarray, times: np.ndarray) -> list[tuple[float, float]]:
    """WCAG 2.3.1 general and red flash periods (more than 3 flashes in any second)."""
    counter = FlashCounter()
    for frame in frames:
        counter.push(frame)
    found = sorted(float(times[i]) for i in
                   counter.luminance_transitions + counter.red_transitions)
    return flagged_periods(found, 3)


def _is_bars(frames: np.ndarray) -> np.ndarray:
    """Frames showing the still colour-bar picture: strong colour differences across columns
    (Home, the end screen and flash frames are nearly even across)."""
    columns = frames.mean(axis=1)  # (n, w, 3)
    return np.asarray(columns.std(axis=1).max(axis=1) > 0.15)


def _calm_before_flash(frames: np.ndarray) -> np.ndarray:
    """The bar frames before the first even frame after them (the flash starting)."""
    bars = _is_bars(frames)
    first = int(np.argmax(bars))
    assert bars[first], "the episode's calm picture was never captured"
    even = ~bars[first:]
    end = first + (int(np.argmax(even)) if even.any() else len(even))
    return frames[first:end]


def test_flashes_on_screen_pass_wcag_with_dimming_and_fail_without(
    xdisplay: XDisplay, tmp_path: Path, media_dir: Path
) -> None:
    library = _library(tmp_path, media_dir)
    screen, size = (0, 0, xdisplay.width, xdisplay.height), SCREEN_SIZE
    plain_screen, plain_times, plain_events = play_and_capture(
        xdisplay, tmp_path / "off", library, {"picture.dim_flashes": False}, screen, size)
    dimmed_screen, dimmed_times, dimmed_events = play_and_capture(
        xdisplay, tmp_path / "on", library, {"picture.dim_flashes": True}, screen, size)
    # The picture area (inside the centred 9:16 picture) and the left band with the app's text.
    scale = size[0] / xdisplay.width
    x, y, width, height = (round(v * scale) for v in picture_box(xdisplay))
    plain = plain_screen[:, y:y + height, x:x + width]
    dimmed = dimmed_screen[:, y:y + height, x:x + width]
    band = dimmed_screen[:, :, :x - round(50 * scale)]
    np.savez(tmp_path / "captures.npz", plain=plain, plain_times=plain_times,
             dimmed=dimmed, dimmed_times=dimmed_times, band=band)

    # The calm section before the flash looks the same either way (a still picture, so the
    # two captures need not line up frame by frame): mean absolute difference ≤ 1 %.
    calm_plain, calm_dimmed = _calm_before_flash(plain), _calm_before_flash(dimmed)
    assert len(calm_plain) > 3 * FPS and len(calm_dimmed) > 3 * FPS  # most of the 6 s
    difference = np.abs(np.median(calm_dimmed, axis=0) - np.median(calm_plain, axis=0))
    assert float(difference.mean()) <= 0.01

    # Undimmed, full-screen white and black were on screen…
    brightness = plain.mean(axis=(1, 2, 3))
    assert brightness.max() > 0.8 and brightness.min() < 0.1
    # …and the flash section fails WCAG 2.3.1 for most of its 4 s.
    failing = failing_periods(plain, plain_times)
    assert any(end - start >= FLASH_S - 1.5 for start, end in failing), failing
    assert not any(e["event"] == "flash_dimmed" for e in plain_events)
    # With dimming on, no second of the capture fails, yet the flash section was captured:
    # the picture was no longer the bars for about as long as the flash lasted.
    assert failing_periods(dimmed, dimmed_times) == []
    assert any(e["event"] == "flash_dimmed" for e in dimmed_events)
    first = int(np.argmax(_is_bars(dimmed)))
    after_bars = ~_is_bars(dimmed[first:])
    flash_frames = dimmed[first:][after_bars]
    assert len(flash_frames) >= (FLASH_S - 0.5) * FPS
    assert float(flash_frames.mean(axis=(1, 2, 3)).max()) > 0.15  # dimmed, not blacked out
    # Only the picture is dimmed: the app's own white text beside it looks the same while
    # the picture is dimmed as while it is calm.
    calm_band = band[first:][~after_bars][:2 * FPS]
    dimmed_band = band[first:][after_bars][FPS:]
    # The series title and episode number (the top of the band; the time left below them
    # changes every second): the text pixels keep their brightness.
    title = slice(0, round(125 * scale))
    calm_title = np.median(calm_band[:, title], axis=0)
    dimmed_title = np.median(dimmed_band[:, title], axis=0)
    text = calm_title.max(axis=2) > 0.6
    assert text.sum() > 50  # bright text is there
    assert float(dimmed_title[text].mean()) >= 0.97 * float(calm_title[text].mean())


def _cut_library(tmp_path: Path, media_dir: Path) -> Path:
    series = tmp_path / "library" / "转场测试"
    series.mkdir(parents=True)
    (series / "第1集.mp4").symlink_to(cut_episode(media_dir / "cuts-flat.mp4"))
    (series / "第1集.srt").write_text(
        f"1\n00:00:01,500 --> 00:00:08,500\n{SUBTITLE}\n", encoding="utf-8")
    return tmp_path / "library"


def _blended_frames(picture: np.ndarray) -> int:
    """Frames whose picture is one even colour that is none of the shots' colours: the
    mixtures a cross-fade shows (a half-painted frame is two colours, not one)."""
    colours = np.array([[int(c[2:4], 16), int(c[4:6], 16), int(c[6:8], 16)]
                        for c in CUT_COLOURS], np.float32) / 255.0
    count = 0
    for frame in picture:
        pixels = frame.reshape(-1, 3)
        if float(pixels.std(axis=0).max()) > 0.03 or float(pixels.mean()) < 0.1:
            continue  # not one even colour, or the dark screens before and after
        nearest = float(np.abs(colours - pixels.mean(axis=0)).max(axis=1).min())
        if nearest > 0.08:
            count += 1
    return count


def test_hard_cuts_cross_fade_on_screen_without_touching_subtitles_or_timing(
    xdisplay: XDisplay, tmp_path: Path, media_dir: Path
) -> None:
    library = _cut_library(tmp_path, media_dir)
    screen = (0, 0, xdisplay.width, xdisplay.height)
    hard, _, hard_events = play_and_capture(xdisplay, tmp_path / "off", library,
                                            {"picture.soften_cuts": False}, screen, (480, 270))
    soft, soft_times, soft_events = play_and_capture(
        xdisplay, tmp_path / "on", library,
        {"picture.soften_cuts": True, "picture.soften_ms": 300}, screen, (480, 270))
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
    # libVLC reports the time in steps of about 250 ms (runs show the line at 1650 or 1900
    # for a cue from 1500, with and without cross-fades alike): the two runs may land one
    # step apart, plus the app's 50 ms clock.
    assert abs(hard_at - soft_at) <= 300

    def during(frames: np.ndarray) -> np.ndarray:
        """3 s to 7 s of the episode, counted from its first (red) picture."""
        red = np.array([0xC0, 0x30, 0x20], np.float32) / 255.0
        shown = np.abs(frames[:, picture[0], picture[1]].mean(axis=(1, 2)) - red).max(axis=1)
        first = int(np.argmax(shown < 0.06))
        return frames[first + 3 * FPS:first + 7 * FPS]

    band_hard = np.median(during(hard)[:, band[0], band[1]], axis=0)
    band_soft = np.median(during(soft)[:, band[0], band[1]], axis=0)
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
