from __future__ import annotations

from accessibility.ocr.builder import CueRules, build_cues
from accessibility.ocr.cue import PictureCue
from accessibility.ocr.tracker import Segment


def test_readings_of_one_line_across_a_glitch_are_one_cue_with_the_best_text() -> None:
    segments = [
        Segment(1.0, 2.0, "老伴，你看谁来了", 0.90),
        Segment(2.04, 4.0, "老伴，你看谁来了？", 0.99),  # one frame lost in between
    ]
    assert build_cues(segments) == (PictureCue(1000, 4000, "老伴，你看谁来了？", 0.9596),)


def test_the_same_line_after_a_real_pause_is_a_new_cue() -> None:
    segments = [Segment(1.0, 2.0, "妈，我回来了。", 0.99),
                Segment(2.4, 3.0, "妈，我回来了。", 0.99)]
    cues = build_cues(segments)
    assert [(c.start_ms, c.end_ms) for c in cues] == [(1000, 2000), (2400, 3000)]


def test_a_different_line_straight_after_is_a_new_cue() -> None:
    segments = [Segment(1.0, 2.0, "妈，我回来了。", 0.99),
                Segment(2.0, 3.0, "你怎么才回来？", 0.98)]
    assert [c.text for c in build_cues(segments)] == ["妈，我回来了。", "你怎么才回来？"]


def test_flickers_too_short_to_read_are_dropped() -> None:
    segments = [Segment(1.0, 1.08, "口", 0.6), Segment(2.0, 3.0, "谢谢奶奶", 0.99)]
    assert [c.text for c in build_cues(segments)] == ["谢谢奶奶"]
    assert build_cues(segments, CueRules(min_duration_s=0.0))[0].text == "口"


def test_no_segments_no_cues() -> None:
    assert build_cues([]) == ()
