"""Theme numbers against the product table (contrast, sizes, proportional scaling)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from accessibility import theme as t
from accessibility.theme import Theme


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _over(box_alpha: float, box: str, under: str) -> str:
    """The subtitle box blended over the brightest picture underneath."""
    top, bottom = QColor(box), QColor(under)
    mixed = QColor.fromRgbF(*(box_alpha * a + (1 - box_alpha) * b for a, b in zip(
        (top.redF(), top.greenF(), top.blueF()),
        (bottom.redF(), bottom.greenF(), bottom.blueF()), strict=True)))
    return mixed.name()


@pytest.mark.parametrize(("text", "background"), [
    (t.TEXT, t.BACKGROUND), (t.TEXT, t.SURFACE), (t.TEXT, t.SURFACE_FOCUSED),
    (t.TEXT_SECONDARY, t.BACKGROUND), (t.TEXT_SECONDARY, t.SURFACE), (t.ACCENT, t.SURFACE),
    (t.PACE_HINT, t.BACKGROUND),
    *[(colour, _over(0.78, "#000000", "#FFFFFF")) for colour in t.SUBTITLE_TEXT.values()],
])
def test_text_contrast_is_at_least_7_to_1(text: str, background: str) -> None:
    assert contrast(text, background) >= 7.0


@pytest.mark.parametrize("background", [t.BACKGROUND, t.SURFACE])
def test_focus_frame_stands_out_at_least_3_to_1(background: str) -> None:
    assert contrast(t.FOCUS, background) >= 3.0


@pytest.mark.parametrize("height", [720, 1080, 2160])
def test_sizes_meet_the_table_and_scale_with_the_screen(height: int) -> None:
    scale = height / 1080
    normal, big = Theme(height), Theme(height, enlarged=True)
    assert normal.body_px >= 32 * scale and big.body_px >= 48 * scale
    assert normal.small_px >= 32 * scale and big.small_px >= 48 * scale
    assert normal.target_px >= 96 * scale and big.target_px >= 144 * scale
    assert normal.focus_frame_px >= 4 * scale
    assert normal.subtitle_line_px >= 0.05 * height and big.subtitle_line_px >= 0.08 * height
    assert t.LINE_SPACING >= 1.3


def test_tv_mode_keeps_five_percent_clear_of_the_edges() -> None:
    assert Theme(1080, tv_mode=True).safe_margin(1920) == 96
    assert Theme(1080).safe_margin(1920) < 96
