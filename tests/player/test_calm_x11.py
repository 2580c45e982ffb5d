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
from tests.conftest import XDisplay
from tests.media import ffmpeg
from tests.x11 import RunningApp, running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]

FPS = 30
CALM_S, FLASH_S, AFTER_S = 6, 4, 3
CAPTURE_SIZE = (104, 176)  # the captured picture area, reduced by area averaging


def flash_episode(path: Path) -> Path:
    """6 s of a still, detailed colour picture; 4 s of a 5 Hz black/white full-screen flash
    (3 frames white, 3 frames black at 30 fps); 3 s of the still picture again."""
    if path.exists():
        return path
    size = "360x640"
    ffmpeg("-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d={CALM_S}",
           "-f", "lavfi",
           "-i", f"color=c=black:s={size}:r={FPS}:d={FLASH_S},"
                 "geq=lum='if(lt(mod(N\\,6)\\,3)\\,235\\,16)':cb=128:cr=128",
           "-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d={AFTER_S}",
           "-f", "lavfi", "-i", f"sine=f=330:d={CALM_S + FLASH_S + AFTER_S}",
           "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]",
           "-map", "[v]", "-map", "3:a", "-c:v", "libx264", "-preset", "ultrafast",
           "-g", "30", "-c:a", "aac", "-shortest", str(path))
    return path


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
