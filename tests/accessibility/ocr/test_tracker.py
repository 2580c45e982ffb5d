from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from accessibility.ocr.builder import build_cues
from accessibility.ocr.tracker import BandTextTracker, Segment, TrackerParams
from tests.accessibility.ocr.fakes import BarRecognizer, background, draw_bars

FPS = 25


def frames(total: int, lines: Sequence[tuple[range, int]], moving: bool = True,
           texture: int = 0) -> list[np.ndarray]:
    """Band pictures: ``lines`` are (frames shown, bar count); ``texture`` draws that many
    outlined bars low in the band on every frame, as part of the scene."""
    out = []
    for i in range(total):
        band = background(i, moving)
        if texture:
            band = draw_bars(band, texture, top=80)
        for shown, bars in lines:
            if i in shown:
                band = draw_bars(band, bars)
        out.append(band)
    return out


def track(pictures: list[np.ndarray], recognizer: BarRecognizer,
          params: TrackerParams | None = None) -> tuple[BandTextTracker, tuple[Segment, ...]]:
    tracker = BandTextTracker(recognizer, params)
    for i, band in enumerate(pictures):
        tracker.push(i / FPS, band)
    return tracker, tracker.finish()


def spans(segments: Sequence[Segment]) -> list[tuple[float, float, str]]:
    return [(round(s.start_s, 3), round(s.end_s, 3), s.text) for s in segments]


def test_a_line_is_read_once_and_ends_exactly_at_its_frames() -> None:
    recognizer = BarRecognizer({6: ["妈，我回来了。"]})
    tracker, segments = track(frames(80, [(range(10, 60), 6)]), recognizer)
    assert spans(segments) == [(0.4, 2.4, "妈，我回来了。")]
    assert tracker.readings == 1


def test_a_line_shown_to_the_last_frame_ends_with_the_last_frame() -> None:
    _, segments = track(frames(40, [(range(10, 40), 6)]), BarRecognizer({6: ["好"]}))
    assert spans(segments) == [(0.4, 1.6, "好")]


def test_a_direct_change_of_line_splits_at_the_change() -> None:
    # The seven bars include the five: the old line's strokes stay, as when a word is added.
    recognizer = BarRecognizer({5: ["妈，我回来了。"], 7: ["你怎么才回来？"]})
    _, segments = track(frames(80, [(range(10, 40), 5), (range(40, 70), 7)]), recognizer)
    assert spans(segments) == [(0.4, 1.6, "妈，我回来了。"), (1.6, 2.8, "你怎么才回来？")]


def test_the_same_line_after_a_pause_is_a_separate_cue() -> None:
    recognizer = BarRecognizer({6: ["妈，我回来了。"]})
    _, segments = track(frames(90, [(range(10, 40), 6), (range(50, 80), 6)]), recognizer)
    cues = build_cues(segments)
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
        (400, 1600, "妈，我回来了。"), (2000, 3200, "妈，我回来了。")]


def test_a_one_frame_dropout_and_a_wobbly_second_reading_do_not_split_the_cue() -> None:
    recognizer = BarRecognizer({6: ["老伴，你看谁来了？", "老伴，你看谁来了"]})
    shown = [(range(10, 30), 6), (range(31, 60), 6)]
    _, segments = track(frames(80, shown), recognizer)
    assert len(segments) == 2  # the tracker saw the line go and come back...
    cues = build_cues(segments)
    # ...but it is one cue, with the reading it trusted most for longest.
    assert [(c.start_ms, c.end_ms) for c in cues] == [(400, 2400)]
    assert cues[0].text in {"老伴，你看谁来了？", "老伴，你看谁来了"}


def test_a_moving_picture_without_text_is_never_read() -> None:
    recognizer = BarRecognizer({})
    tracker, segments = track(frames(100, []), recognizer)
    assert segments == ()
    assert tracker.readings == 0


def test_still_texture_that_is_not_text_is_read_rarely() -> None:
    recognizer = BarRecognizer({})  # reads the texture's bars as nothing
    tracker, segments = track(frames(150, [], moving=False, texture=5), recognizer)
    assert segments == ()
    assert 1 <= tracker.readings <= 2


def test_a_line_appearing_while_readings_back_off_is_read_at_once() -> None:
    recognizer = BarRecognizer({8: ["我们明天一早就出发。"]})  # scenery bars read as nothing
    pictures = []
    for i in range(150):
        # Scenery that settles into new still edges twice a second.
        band = draw_bars(background(i), 2 + (i // 12) % 2, top=80)
        if 100 <= i < 125:
            band = draw_bars(band, 8)
        pictures.append(band)
    tracker, segments = track(pictures, recognizer)
    assert spans(segments) == [(4.0, 5.0, "我们明天一早就出发。")]
    assert tracker.readings <= 12  # the scenery's settling is read twice a second at most


def test_a_late_reading_still_finds_the_first_frame_of_the_line() -> None:
    recognizer = BarRecognizer({7: ["这个家不能没有你。"]})
    params = TrackerParams(min_read_gap_s=1.0)  # the texture's reading delays the next one
    pictures = frames(90, [(range(20, 80), 7)], texture=4)
    tracker, segments = track(pictures, recognizer, params)
    assert spans(segments) == [(0.8, 3.2, "这个家不能没有你。")]
    assert tracker.readings == 2


def test_a_picture_changing_size_ends_the_line_and_starts_afresh() -> None:
    recognizer = BarRecognizer({6: ["妈，我回来了。"]})
    pictures = frames(60, [(range(10, 60), 6)])
    pictures[30:] = [band[:, :600].copy() for band in pictures[30:]]
    _, segments = track(pictures, recognizer)
    assert spans(segments) == [(0.4, 1.2, "妈，我回来了。"), (1.2, 2.4, "妈，我回来了。")]


@pytest.mark.parametrize("confidence", [0.2, 0.49])
def test_unsure_readings_are_taken_for_texture(confidence: float) -> None:
    class Unsure(BarRecognizer):
        def recognise(self, line: np.ndarray) -> tuple[str, float]:
            return super().recognise(line)[0], confidence

    _, segments = track(frames(60, [(range(10, 50), 6)]), Unsure({6: ["口口"]}))
    assert segments == ()


def test_cues_reported_during_the_pass_follow_the_lines_as_they_end() -> None:
    from accessibility.ocr.reader import PictureCueReader

    recognizer = BarRecognizer({4: ["你好吗？"], 6: ["妈，我回来了。"], 3: ["好。"]})
    pictures = frames(150, [(range(5, 35), 4), (range(45, 80), 6), (range(90, 120), 3),
                            (range(125, 150), 6)])
    reader = PictureCueReader(recognizer)
    seen = []
    for i, band in enumerate(pictures):
        reader.push(i / FPS, band)
        done = reader.completed()
        assert reader._tracker is not None
        assert done == build_cues(reader._tracker.segments())[:-1]
        seen.append(len(done))
    assert [c.text for c in reader.completed()] == ["你好吗？", "妈，我回来了。"]
    assert seen[40] == 0 and seen[85] == 1 and seen[121] == 2  # as each line ends
    assert [c.text for c in reader.finish()] == ["你好吗？", "妈，我回来了。", "好。",
                                                  "妈，我回来了。"]
