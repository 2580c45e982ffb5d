"""Subtitles burned into the picture (画面字幕识别), read off it in the background.

``PictureCueReader`` rides along the pacing analysis' decode pass (``band_tap()``), or
``read_picture_cues`` decodes a file itself; both give ``PictureCue``s. The recognition
engine (OpenCV, ONNX Runtime) is imported only when the first frame is read, so importing
this package is safe in the player's Qt process; reading is for the analysis worker.
"""

from accessibility.ocr.builder import CueRules, build_cues
from accessibility.ocr.cue import PictureCue, picture_cues_to_json, to_subtitle_cues
from accessibility.ocr.reader import (
    BAND_FRACTION,
    PictureCueReader,
    PictureTextError,
    read_picture_cues,
)
from accessibility.ocr.recognizer import Recognizer, RecognizerUnavailable, TextLine
from accessibility.ocr.text import same_line, text_distance
from accessibility.ocr.tracker import BandTextTracker, Segment, TrackerParams

__all__ = [
    "BAND_FRACTION",
    "BandTextTracker",
    "CueRules",
    "PictureCue",
    "PictureCueReader",
    "PictureTextError",
    "Recognizer",
    "RecognizerUnavailable",
    "Segment",
    "TextLine",
    "TrackerParams",
    "build_cues",
    "picture_cues_to_json",
    "read_picture_cues",
    "same_line",
    "text_distance",
    "to_subtitle_cues",
]
