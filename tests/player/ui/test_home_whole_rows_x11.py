"""Home on a real 1280×720 X server, full screen (TV mode, no window manager), with one
shelf: the case where 家人设置 showed cut in half under the shelf on first view. On the
screen itself, at every step down and back up, each button shows whole: an unfocused one
with its rounded corners at top and bottom, the focused one inside a closed yellow frame."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from accessibility.theme import BACKGROUND, FOCUS, SURFACE, Theme
from tests.conftest import XDisplay, _start_xvfb
from tests.x11 import RunningApp, running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]
WIDTH, HEIGHT = 1280, 720
MARGIN = round(WIDTH * 0.05)  # TV mode keeps everything 5 % in from the edges
PROBE_X = MARGIN + 30  # a column through 继续观看, the first poster and 家人设置


def _near(colour: QColor, expected: str, tolerance: int = 6) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in zip(
        (colour.red(), colour.green(), colour.blue()),
        (want.red(), want.green(), want.blue()), strict=True))


def _runs(image: QImage, x: int, colour: str) -> list[tuple[int, int]]:
    """Top and bottom rows of each stretch of ``colour`` down column ``x``."""
    runs: list[tuple[int, int]] = []
    start = None
    for y in range(image.height()):
        inside = _near(image.pixelColor(x, y), colour)
        if inside and start is None:
            start = y
        if not inside and start is not None:
            runs.append((start, y - 1))
            start = None
    if start is not None:
        runs.append((start, image.height() - 1))
    return runs


def _check_whole(image: QImage, state: str) -> None:
    # An unfocused button (继续观看 or 家人设置): its body's first and last rows are rounded
    # at the left edge, so neither end is cut off straight by the page's edge.
    # (A poster's calm panel, before its cover is ready, is the same grey but stands in
    # from the page's edge: only what starts at the edge is a button.)
    # Down a column in the button's left padding (no text there, past the rounded corner).
    bodies = [(top, bottom) for top, bottom in _runs(image, MARGIN + 6, SURFACE)
              if bottom - top > 2
              and _near(image.pixelColor(MARGIN + 1, (top + bottom) // 2), SURFACE)]
    for top, bottom in bodies:
        for y in (top, bottom):
            corner = image.pixelColor(MARGIN + 1, y)
            assert not _near(corner, SURFACE), f"{state}: a button cut straight at y={y}"
    # The focused item wears a closed frame: a top and a bottom edge, and nothing yellow
    # runs into the bottom of the page's area.
    edges = _runs(image, PROBE_X, FOCUS)
    assert len(edges) == 2, f"{state}: the focus frame is not closed: {edges}"
    assert edges[1][0] - edges[0][1] > 40
    assert _near(image.pixelColor(PROBE_X, edges[1][1] + 2), BACKGROUND), state


def _settled(app: RunningApp, path: Path, before: QImage | None) -> QImage:
    """The screen once it stopped changing (and changed from ``before``, a key's effect)."""
    deadline = time.monotonic() + 15
    last = app.screenshot(path)
    while time.monotonic() < deadline:
        shot = app.screenshot(path)
        if shot == last and (before is None or shot != before):
            return shot
        last = shot
    raise AssertionError(f"the screen did not settle for {path.name}")


@pytest.fixture(scope="module")
def display_720p() -> Iterator[XDisplay]:
    server, name = _start_xvfb(WIDTH, HEIGHT)
    try:
        yield XDisplay(name, WIDTH, HEIGHT)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_one_shelf_at_720p_every_button_whole_going_down_and_up(
    display_720p: XDisplay, tmp_path: Path
) -> None:
    with running_app(display_720p, tmp_path) as app:  # the demo: one series, one shelf
        app.wait_for_event("home_ready")
        shot = _settled(app, tmp_path / "home.png", None)
        _check_whole(shot, "Home as it opens")
        for step, key in enumerate(["Down", "Down", "Up", "Up"]):
            app.press(key)
            shot = _settled(app, tmp_path / f"home-{step}-{key}.png", shot)
            _check_whole(shot, f"after {key} (step {step + 1})")
        # 家人设置 itself was shown whole, framed, on the way (step 2).
        family = QImage(str(tmp_path / "home-1-Down.png"))
        _top, bottom = _runs(family, PROBE_X, FOCUS)[1]
        assert bottom < HEIGHT - MARGIN

        for step, key in enumerate(["Down", "Down", "Return"]):
            app.press(key)
            shot = _settled(app, tmp_path / f"pin-{step}.png", shot)
        # The focused key (1) in its yellow frame: a square 1.1× the smallest target.
        yellow = [(x, y) for y in range(0, HEIGHT) for x in range(WIDTH * 2 // 3, WIDTH)
                  if _near(shot.pixelColor(x, y), FOCUS, tolerance=20)]
        assert yellow, "a focused key on the PIN pad"
        width = max(x for x, _ in yellow) - min(x for x, _ in yellow) + 1
        height = max(y for _, y in yellow) - min(y for _, y in yellow) + 1
        side = round(Theme(HEIGHT, tv_mode=True, screen_width=WIDTH).target_px * 1.1)
        assert (width, height) == (side, side)
