"""Shared test setup.

In-process Qt tests use the offscreen platform (fast, no server). Tests that must see real
pixels on a real X server (marker ``x11``) start the app as a separate process on an Xvfb
display this session starts, and take screenshots of that display.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# No per-example deadline: these machines are shared and noisy, and speed is measured in
# benchmarks/, never asserted in tests. No example database: every run starts clean.
hypothesis_settings.register_profile("silverreel", deadline=None, database=None)
hypothesis_settings.load_profile("silverreel")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No sound card on CI machines: libVLC and read-out play into a dummy output in tests.
os.environ.setdefault("SILVERREEL_AUDIO_OUTPUT", "dummy")

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class XDisplay:
    name: str  # e.g. ":42"
    width: int
    height: int


def _start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run `make setup`")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as stream:
        number = stream.readline().strip()
    if not number:
        process.kill()
        pytest.fail("Xvfb did not start")
    return process, f":{number}"


@pytest.fixture(scope="session")
def xdisplay() -> Iterator[XDisplay]:
    """A real 1920×1080 X server for the whole session."""
    process, name = _start_xvfb(1920, 1080)
    try:
        yield XDisplay(name, 1920, 1080)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Small media files made with ffmpeg once per session (see tests/media.py)."""
    return tmp_path_factory.mktemp("media")
