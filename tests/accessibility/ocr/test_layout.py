from __future__ import annotations

import numpy as np

from accessibility.ocr.band import BandParams, text_like
from accessibility.ocr.layout import (
    LayoutParams,
    evenly_spaced,
    group_into_lines,
    mask_line,
    read_lines,
    widen,
)
from tests.accessibility.ocr.fakes import BAR_H, TEXT_TOP, BarRecognizer, background, draw_bars


def test_boxes_on_one_line_are_joined_and_lines_come_top_first() -> None:
    boxes = [(300, 102, 500, 150), (120, 100, 320, 148), (100, 20, 400, 66)]
    assert group_into_lines(boxes) == [(100, 20, 400, 66), (120, 100, 500, 150)]


def test_a_box_is_widened_over_nearby_strokes_only() -> None:
    mask = np.zeros((40, 200), bool)
    mask[10:20, 48:50] = True  # a lone first character the detector left out
    mask[10:20, 60:140:4] = True  # the strokes inside the box
    mask[10:20, 190] = True  # texture far to the right
    assert widen((110, 18, 282, 42), mask, 2, 0.8) == (96, 18, 282, 42)


def test_a_line_alone_in_the_band_is_cut_out_from_the_mask_and_not_detected() -> None:
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
    assert recognizer.detections == 0


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


def test_two_lines_go_to_the_detector() -> None:
    band = draw_bars(draw_bars(background(4), 5, top=10), 3, top=TEXT_TOP + BAR_H + 14)
    mask = text_like(band, BandParams())
    assert mask_line(mask, 2, LayoutParams(), (720, 120)) is None
    recognizer = BarRecognizer({5: ["谢谢奶奶。"], 3: ["好的。"]})
    lines = read_lines(recognizer, band, mask, 2).lines
    assert [line.text for line in lines] == ["谢谢奶奶。", "好的。"]
    assert recognizer.detections == 1


def test_strokes_in_two_places_go_to_the_detector_and_a_speck_does_not() -> None:
    mask = np.zeros((60, 360), bool)
    mask[20:35, 100:180:3] = True  # a line of type
    mask[20:35, 300:330:3] = True  # text-like pixels far to its right, a third as many
    assert mask_line(mask, 2, LayoutParams(), (720, 120)) is None
    mask[20:35, 300:330] = False
    mask[25, 300] = True  # one speck of texture
    box = mask_line(mask, 2, LayoutParams(), (720, 120))
    assert box is not None
    left, top, right, bottom = box
    assert left < 200 and right > 2 * 178 and right < 600  # the speck is left out
    assert top <= 40 and bottom >= 70  # the strokes' rows and margins


def test_a_doubtful_reading_of_the_cut_out_goes_to_the_detector() -> None:
    band = draw_bars(background(5), 4)
    mask = text_like(band, BandParams())

    class Unsure(BarRecognizer):
        def recognise(self, line: np.ndarray) -> tuple[str, float]:
            text, _ = super().recognise(line)
            return text, 0.7

    recognizer = Unsure({4: ["你好吗？"]})
    lines = read_lines(recognizer, band, mask, 2).lines
    assert [line.text for line in lines] == ["你好吗？"]
    assert recognizer.detections == 1


def test_evenly_spaced_characters_and_a_skipped_one() -> None:
    assert evenly_spaced("你怎么才回来？", (4, 9, 14, 19, 23, 28, 33), 1.5)
    assert not evenly_spaced("你怎么回来？", (4, 9, 14, 23, 28, 33), 1.5)
    # Latin letters vary in width and are not compared; unknown steps cannot be judged.
    assert evenly_spaced("I will be back", (1, 2, 3, 9, 10, 11, 12, 20, 21, 22, 30, 31, 32, 33),
                         1.5)
    assert evenly_spaced("你怎么回来？", (), 1.5)
    assert evenly_spaced("好。", (3, 20), 1.5)
