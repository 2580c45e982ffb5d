from __future__ import annotations

import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from accessibility.ocr.recognizer import Recognizer, RecognizerUnavailable
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
