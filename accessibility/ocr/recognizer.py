"""What the subtitle reader needs from a text recognition engine.

Two steps, so that the reader can place and size each line itself from what it knows of the
band (see ``layout``): find text boxes in a picture, and read one cut-out line. The engine
behind this interface (``engine.RapidOcrRecognizer``) pulls in OpenCV and ONNX Runtime; this
module does not, so the player can name the types without loading either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

Box = tuple[int, int, int, int]  # left, top, right (exclusive), bottom (exclusive), pixels


@dataclass(frozen=True)
class TextLine:
    text: str
    confidence: float  # 0–1
    box: Box  # in band pixels


class Recognizer(Protocol):
    def detect(self, picture: np.ndarray) -> list[Box]:
        """Boxes around the pieces of text in an 8-bit luma picture, in its pixels."""
        ...

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        """The text of one cut-out line of type (8-bit luma) and its confidence, 0–1."""
        ...


@runtime_checkable
class PlacingRecognizer(Protocol):
    """A recogniser that can also tell where along the line it read each character."""

    def recognise_placed(self, line: np.ndarray) -> tuple[str, float, tuple[int, ...]]:
        """Like ``recognise``, plus the position of each character of the text along the
        line, in the engine's own steps (empty when it cannot tell)."""
        ...


class RecognizerUnavailable(Exception):
    """The text recognition engine is not installed or could not start."""
