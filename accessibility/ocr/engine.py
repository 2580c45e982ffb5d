"""PP-OCRv4 Chinese text detection and recognition on ONNX Runtime (rapidocr-onnxruntime).

Imports OpenCV and ONNX Runtime: only the analysis worker (or a command-line tool) may import
this module, never the player's Qt process. The models ship inside the rapidocr wheel, so
nothing is downloaded at run time. See ``docs/adr/004-picture-text-recognition.md``.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np

from accessibility.ocr.recognizer import Box, RecognizerUnavailable


def _load() -> tuple[Any, Any]:
    try:
        import cv2
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as error:
        raise RecognizerUnavailable(f"text recognition is not installed: {error}") from error
    return cv2, RapidOCR


class RapidOcrRecognizer:
    """``threads``: ONNX Runtime threads per inference; 0 lets it use every core.

    One is the default: the engine runs in the background beside playback and the decoder,
    and ONNX Runtime's worker threads spin while they wait. On two cores one thread reads a
    line in about 65 ms of CPU, two take 170–220 ms of CPU for the same line and are no
    faster by the clock once the decoder is busy too (see the ADR).
    """

    def __init__(self, threads: int = 1) -> None:
        _, rapid_ocr = _load()
        options: dict[str, object] = {
            # The default ("min", 736) blows a 100 px high strip up to 736 px: 50× the work.
            "det_limit_type": "max",
            "det_limit_side_len": 960,
        }
        if threads > 0:
            options["intra_op_num_threads"] = threads
        try:
            self._ocr = rapid_ocr(**options)
        except Exception as error:  # ONNX Runtime raises its own types; any means "cannot start"
            raise RecognizerUnavailable(f"text recognition could not start: {error}") from error
        # rapidocr logs every call at INFO on its own handler; the app's log is enough.
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)

    def detect(self, picture: np.ndarray) -> list[Box]:
        height, width = picture.shape[:2]
        found, _ = self._ocr(picture, use_det=True, use_cls=False, use_rec=False)
        boxes = []
        for quad in found or ():
            xs = [p[0] for p in quad]
            ys = [p[1] for p in quad]
            boxes.append((max(0, int(min(xs))), max(0, int(min(ys))),
                          min(width, int(np.ceil(max(xs)))), min(height, int(np.ceil(max(ys))))))
        return boxes

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        result, _ = self._ocr(line, use_det=False, use_cls=False, use_rec=True)
        if not result:
            return "", 0.0
        return str(result[0][0]), float(result[0][1])

    def recognise_placed(self, line: np.ndarray) -> tuple[str, float, tuple[int, ...]]:
        """The same reading as ``recognise`` (the same steps RapidOCR takes without
        detection), plus the CTC step at which each character was read."""
        picture, _, _ = self._ocr.preprocess(self._ocr.load_img(line))
        (result,), _ = self._ocr.text_rec([picture], True)
        text, confidence = str(result[0]), float(result[1])
        # [steps, words, their characters' steps, word kinds, confidences]
        steps = tuple(int(step) for word in result[2][2] for step in word)
        return text, confidence, steps if len(steps) == len(text) else ()
