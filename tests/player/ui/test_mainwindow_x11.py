"""The real app window on a real X server: real decoded pixels and the app's own text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from player.assets import demo_library
from tests.conftest import XDisplay
from tests.x11 import load_demo_truth, running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def _close(colour: QColor, expected: QColor, tolerance: int = 14) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(
        (colour.red(), colour.green(), colour.blue()),
        (expected.red(), expected.green(), expected.blue()), strict=True))


def _bright_pixels(image: QImage, x0: int, x1: int, y0: int, y1: int) -> int:
    count = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            colour = image.pixelColor(x, y)
            if min(colour.red(), colour.green(), colour.blue()) > 200:
                count += 1
    return count


def test_demo_episode_is_on_screen_with_the_apps_own_text(
    xdisplay: XDisplay, tmp_path: Path
) -> None:
    demo = demo_library()
    truth = load_demo_truth(demo)
    first = truth["episodes"][0]
    with running_app(xdisplay, tmp_path) as app:
        app.wait_for_event("home_ready")
        seen = len(app.events())
        app.press("Return")  # 继续观看 is focused on Home: OK plays episode 1
        started = app.wait_for_event("first_frame", after=seen)
        assert started["location"].endswith(first["file"].split("/")[-1])
        app.press("Return")  # OK pauses, still on the title card
        paused = app.wait_for_event("paused", after=seen)
        assert paused["position_ms"] < truth["title_card"]["duration_s"] * 1000
        shot = app.screenshot(tmp_path / "playing.png")

        # A 9:16 picture fills the height of the 16:9 screen, centred.
        picture_width = round(xdisplay.height * 9 / 16)
        left_edge = (xdisplay.width - picture_width) // 2
        expected = QColor(first["title_colour"])
        for y in (120, 250):  # above the centred title text, over the known flat colour
            for x in (left_edge + 40, xdisplay.width // 2, left_edge + picture_width - 40):
                assert _close(shot.pixelColor(x, y), expected), (x, y, shot.pixelColor(x, y))
        # Beside the picture: black bands, and in the left one the app's own white text
        # (series title, episode number, time left).
        assert _close(shot.pixelColor(left_edge - 30, xdisplay.height // 2), QColor("black"))
        normal_text = _bright_pixels(shot, 0, left_edge, 0, xdisplay.height // 2)
        assert normal_text > 400

        app.press("f")  # one-tap enlarge
        app.wait_for_event("setting_changed", after=seen)
        enlarged = app.screenshot(tmp_path / "enlarged.png")
        assert _bright_pixels(enlarged, 0, left_edge, 0, xdisplay.height // 2) > normal_text * 1.5

        # Resume, and pause again while the first subtitle line is up: it stands in the right
        # side band, large and white on a dark box, never over the picture.
        seen = len(app.events())
        app.press("Return")
        app.wait_for_event("subtitle_shown", after=seen)
        app.press("Return")
        app.wait_for_event("paused", after=seen)
        right_band = (left_edge + picture_width, xdisplay.width)
        subtitle = app.screenshot(tmp_path / "subtitle.png")
        normal_subtitle = _bright_pixels(subtitle, *right_band, 0, xdisplay.height)
        assert normal_subtitle > 400
        app.press("f")  # back to normal size, then enlarged again: the subtitle grows
        app.wait_for_event("setting_changed", after=seen)
        smaller = _bright_pixels(app.screenshot(tmp_path / "subtitle-normal.png"), *right_band,
                                 0, xdisplay.height)
        assert smaller < normal_subtitle  # the first shot was taken enlarged

        app.press("Escape", "Escape", "Escape")  # Playing → Series → Home → "leave?"
        app.press("Right", "Return")  # "不退出" is focused; move to "退出" and confirm
        assert app.process.wait(timeout=20) == 0
