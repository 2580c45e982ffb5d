from __future__ import annotations

import numpy as np

from accessibility.ocr.band import BandParams, text_like
from accessibility.ocr.layout import group_into_lines, read_lines, widen
from tests.accessibility.ocr.fakes import BarRecognizer, background, draw_bars


def test_boxes_on_one_line_are_joined_and_lines_come_top_first() -> None:
    boxes = [(300, 102, 500, 150), (120, 100, 320, 148), (100, 20, 400, 66)]
    assert group_into_lines(boxes) == [(100, 20, 400, 66), (120, 100, 500, 150)]


def test_a_box_is_widened_over_nearby_strokes_only() -> None:
    mask = np.zeros((40, 200), bool)
    mask[10:20, 48:50] = True  # a lone first character the detector left out
    mask[10:20, 60:140:4] = True  # the strokes inside the box
    mask[10:20, 190] = True  # texture far to the right
    assert widen((110, 18, 282, 42), mask, 2, 0.8) == (96, 18, 282, 42)


def test_lines_are_detected_in_the_strip_where_the_mask_saw_text() -> None:
    band = draw_bars(background(3), 5)
    recognizer = BarRecognizer({5: ["谢谢奶奶。"]})
    mask = text_like(band, BandParams())
    lines = read_lines(recognizer, band, mask, 2).lines
    assert [line.text for line in lines] == ["谢谢奶奶。"]
    left, top, right, bottom = lines[0].box
    assert top <= 40
    assert bottom >= 70
    assert right - left >= 5 * 16 - 12
    searched = read_lines(recognizer, band, mask, 2).searched
    assert searched[0] <= top
    assert searched[1] >= bottom
    assert searched[1] - searched[0] < 120  # a strip, not the whole band


def test_without_a_mask_the_whole_band_is_searched() -> None:
    band = draw_bars(background(3), 4)
    recognizer = BarRecognizer({4: ["你好"]})
    reading = read_lines(recognizer, band, np.zeros((60, 360), bool), 2)
    lines = reading.lines
    assert reading.searched == (0, 120)
    assert [line.text for line in lines] == ["你好"]


def test_nothing_detected_nothing_read() -> None:
    recognizer = BarRecognizer({})
    assert read_lines(recognizer, background(2), np.zeros((60, 360), bool), 2).lines == ()
