from __future__ import annotations

import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from accessibility.ocr.band import BandParams, text_like
from accessibility.ocr.layout import LayoutParams, evenly_spaced, mask_line, read_lines
from accessibility.ocr.recognizer import Box, PlacingRecognizer, Recognizer, RecognizerUnavailable
from accessibility.ocr.text import clean_text
from tests.accessibility.ocr.ocr_media import FONT


def rendered_line(text: str, size: int = 46) -> np.ndarray:
    """White text with a dark outline on a mid-grey band, as 8-bit luma."""
    picture = Image.new("L", (720, 200), 110)
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONT), size)
    draw.text((360, 100), text, font=font, fill=235, anchor="mm", stroke_width=3,
              stroke_fill=20)
    return np.asarray(picture).copy()


def test_detects_the_line_where_it_is_drawn(recognizer: Recognizer) -> None:
    boxes = recognizer.detect(rendered_line("奶奶，我教您打视频。"))
    assert boxes
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    assert all(b[1] >= 60 for b in boxes)
    assert all(b[3] <= 140 for b in boxes)
    assert left < 200
    assert right > 520


@pytest.mark.parametrize("text", ["奶奶，我教您打视频。", "谢谢奶奶", "Welcome home, Grandma!"])
def test_reads_a_cut_out_line(recognizer: Recognizer, text: str) -> None:
    band = rendered_line(text)
    line = band[70:130]
    read, confidence = recognizer.recognise(line)
    assert "".join(read.split()) == "".join(text.split())
    assert confidence > 0.9


def test_a_band_without_text_has_no_boxes(recognizer: Recognizer) -> None:
    assert recognizer.detect(np.full((200, 720), 110, np.uint8)) == []


def test_a_missing_engine_is_reported_as_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    from accessibility.ocr.engine import RapidOcrRecognizer

    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    with pytest.raises(RecognizerUnavailable):
        RapidOcrRecognizer()


class _Counting:
    """The real engine, counting how often the reader asks it to detect."""

    def __init__(self, engine: Recognizer) -> None:
        self.engine = engine
        self.detections = 0

    def detect(self, picture: np.ndarray) -> list[Box]:
        self.detections += 1
        return self.engine.detect(picture)

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        return self.engine.recognise(line)

    def recognise_placed(self, line: np.ndarray) -> tuple[str, float, tuple[int, ...]]:
        assert isinstance(self.engine, PlacingRecognizer)
        return self.engine.recognise_placed(line)


def test_placed_reading_is_the_same_reading_with_a_step_per_character(
        recognizer: Recognizer) -> None:
    assert isinstance(recognizer, PlacingRecognizer)
    for text in ("奶奶，我教您打视频。", "Welcome home, Grandma!"):
        line = rendered_line(text)[70:130]
        read, confidence, steps = recognizer.recognise_placed(line)
        assert (read, confidence) == recognizer.recognise(line)
        assert len(steps) == len(read)
        assert list(steps) == sorted(set(steps))


@pytest.mark.parametrize("text", ["我们明天一早就出发。", "Welcome home, Grandma!"])
@pytest.mark.parametrize("size", [38, 46])
def test_a_line_alone_in_the_band_is_read_without_the_detector(
        recognizer: Recognizer, text: str, size: int) -> None:
    band = rendered_line(text, size)
    counting = _Counting(recognizer)
    lines = read_lines(counting, band, text_like(band, BandParams()), 2).lines
    assert [clean_text(line.text) for line in lines] == [text]
    assert counting.detections == 0


@pytest.mark.parametrize("size", [38, 42, 46])
def test_a_character_the_recogniser_skips_sends_the_line_to_the_detector(
        recognizer: Recognizer, size: int) -> None:
    # PP-OCRv4 reads this line's cut-out from the mask as "你怎么回来？" with a confidence
    # of 0.98–0.99: only the gap the lost "才" leaves between its neighbours gives it away.
    text = "你怎么才回来？"
    band = rendered_line(text, size)
    mask = text_like(band, BandParams())
    box = mask_line(mask, 2, LayoutParams(), (band.shape[1], band.shape[0]))
    assert box is not None
    left, top, right, bottom = box
    assert isinstance(recognizer, PlacingRecognizer)
    quick, _, steps = recognizer.recognise_placed(band[top:bottom, left:right])
    if quick != text:
        assert not evenly_spaced(quick, steps, LayoutParams().max_step_ratio)
    counting = _Counting(recognizer)
    lines = read_lines(counting, band, mask, 2).lines
    assert [line.text for line in lines] == [text]
    assert counting.detections == (0 if quick == text else 1)
