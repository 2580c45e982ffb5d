from __future__ import annotations

import json

from accessibility.ocr.cue import PictureCue, picture_cues_to_json, to_subtitle_cues
from accessibility.subtitles.model import Cue


def test_json_entries_carry_seconds_text_confidence_and_source() -> None:
    entries = picture_cues_to_json([PictureCue(2600, 5720, "奶奶，我教您打视频。", 0.99913)])
    assert entries == [{"source": "picture", "start_s": 2.6, "end_s": 5.72,
                        "text": "奶奶，我教您打视频。", "confidence": 0.999}]
    assert json.loads(json.dumps(entries, ensure_ascii=False)) == entries


def test_picture_cues_become_ordinary_cues() -> None:
    cues = to_subtitle_cues([PictureCue(0, 1000, "上一行\n下一行", 0.9)])
    assert cues == (Cue(0, 1000, "上一行\n下一行"),)
