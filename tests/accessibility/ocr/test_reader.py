from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from accessibility.ocr.cue import PictureCue
from accessibility.ocr.reader import (
    PictureCueReader,
    PictureTextError,
    default_recognizer,
    read_picture_cues,
)
from accessibility.ocr.recognizer import Box, Recognizer
from accessibility.pacing.measure import measure_file
from tests.accessibility.ocr.conftest import Episode
from tests.accessibility.ocr.scoring import Score, score
from tests.conftest import REPO

DEMO = REPO / "assets" / "demo"


@pytest.fixture(scope="module")
def dialogue_cues(dialogue_episode: Episode, recognizer: Recognizer) -> tuple[PictureCue, ...]:
    return read_picture_cues(dialogue_episode.path, recognizer=recognizer)


def describe(result: Score) -> str:
    return "\n".join(f"{p.line} -> {p.cue}" for p in result.pairs) + f"\nextra: {result.extra}"


def test_drawn_lines_are_read_with_few_character_errors(
        dialogue_episode: Episode, dialogue_cues: tuple[PictureCue, ...]) -> None:
    result = score(dialogue_episode.script.lines, dialogue_cues)
    assert result.cer <= 0.03, describe(result)
    assert not result.extra, describe(result)


def test_every_cue_starts_and_ends_within_a_quarter_second(
        dialogue_episode: Episode, dialogue_cues: tuple[PictureCue, ...]) -> None:
    result = score(dialogue_episode.script.lines, dialogue_cues)
    assert result.timed_within(0.25) == len(dialogue_episode.script.lines), describe(result)


def test_a_line_said_again_later_is_a_cue_of_its_own(
        dialogue_cues: tuple[PictureCue, ...]) -> None:
    again = [c for c in dialogue_cues if c.text == "妈，我回来了。"]
    assert [(c.start_ms, c.end_ms) for c in again] == [(480, 3200), (12400, 14400)]


def test_a_direct_change_of_line_ends_one_cue_where_the_next_begins(
        dialogue_cues: tuple[PictureCue, ...]) -> None:
    assert dialogue_cues[0].end_ms == dialogue_cues[1].start_ms == 3200


def test_no_text_in_the_band_gives_no_cues(silent_episode: Episode,
                                           recognizer: Recognizer) -> None:
    assert read_picture_cues(silent_episode.path, recognizer=recognizer) == ()


def test_a_landscape_picture_is_read_too(landscape_episode: Episode,
                                         recognizer: Recognizer) -> None:
    cues = read_picture_cues(landscape_episode.path, recognizer=recognizer)
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [(400, 2400, "我们明天一早就出发。")]


def test_lines_on_a_half_transparent_box_over_a_bright_sky_are_read(
        boxed_episode: tuple[Episode, Episode], recognizer: Recognizer) -> None:
    for episode in boxed_episode:
        cues = read_picture_cues(episode.path, recognizer=recognizer)
        result = score(episode.script.lines, cues)
        assert result.cer <= 0.03 and not result.extra, describe(result)
        assert result.timed_within(0.25) == len(episode.script.lines), describe(result)


def test_a_subtitle_of_two_lines_is_one_cue_with_both(two_line_episode: Episode,
                                                      recognizer: Recognizer) -> None:
    cues = read_picture_cues(two_line_episode.path, recognizer=recognizer)
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == [
        (400, 2400, "孩子，家里永远是你的依靠。\n我们一家人再也不分开了。"), (2400, 3600, "好。")]


def test_a_tiny_picture_gives_no_cues_and_no_error(tiny_episode: Path,
                                                   recognizer: Recognizer) -> None:
    assert read_picture_cues(tiny_episode, recognizer=recognizer) == ()


@pytest.mark.slow
def test_reading_rides_along_the_pacing_pass(dialogue_episode: Episode, recognizer: Recognizer,
                                            dialogue_cues: tuple[PictureCue, ...]) -> None:
    reader = PictureCueReader(recognizer)
    measured = measure_file(dialogue_episode.path, band_tap=reader.band_tap())
    assert measured.frames == dialogue_episode.script.frames
    assert reader.problem is None
    cues = reader.finish()
    assert [c.text for c in cues] == [c.text for c in dialogue_cues]
    for ridden, alone in zip(cues, dialogue_cues, strict=True):
        assert abs(ridden.start_ms - alone.start_ms) <= 1
        assert abs(ridden.end_ms - alone.end_ms) <= 1


def test_the_demo_episode_with_burned_in_lines(recognizer: Recognizer) -> None:
    manifest = json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))
    episode = next(e for e in manifest["episodes"] if e["burned_in_cues"])
    cues = read_picture_cues(DEMO / episode["file"], recognizer=recognizer)
    expected = [(round(c["start"] * 1000), round(c["end"] * 1000), c["text"])
                for c in episode["burned_in_cues"]]
    assert [(c.start_ms, c.end_ms, c.text) for c in cues] == expected


@pytest.mark.parametrize(("name", "code"), [
    ("garbage", "unreadable"), ("empty", "unreadable"), ("missing", "unreadable"),
    ("sound_only", "no_picture"),
])
def test_files_without_a_readable_picture_give_a_clean_error(
        odd_files: dict[str, Path], recognizer: Recognizer, name: str, code: str) -> None:
    with pytest.raises(PictureTextError) as caught:
        read_picture_cues(odd_files[name], recognizer=recognizer)
    assert caught.value.code == code


def test_a_truncated_file_is_read_as_far_as_it_goes(odd_files: dict[str, Path],
                                                    recognizer: Recognizer) -> None:
    cues = read_picture_cues(odd_files["truncated"], recognizer=recognizer)
    assert cues
    assert cues[0].text == "妈，我回来了。"


class _Broken:
    def detect(self, picture: np.ndarray) -> list[Box]:
        raise RuntimeError("inference failed")

    def recognise(self, line: np.ndarray) -> tuple[str, float]:
        raise RuntimeError("inference failed")


def test_an_engine_breaking_down_is_a_clean_error(dialogue_episode: Episode) -> None:
    with pytest.raises(PictureTextError) as caught:
        read_picture_cues(dialogue_episode.path, recognizer=_Broken())
    assert caught.value.code == "failed"


@pytest.mark.slow
def test_an_engine_breaking_down_costs_the_pacing_pass_nothing(
        dialogue_episode: Episode) -> None:
    reader = PictureCueReader(_Broken())
    measured = measure_file(dialogue_episode.path, band_tap=reader.band_tap())
    assert measured.frames == dialogue_episode.script.frames
    assert reader.problem is not None
    assert reader.finish() == ()


def test_a_missing_engine_is_a_clean_error(dialogue_episode: Episode,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    default_recognizer.cache_clear()  # as in a fresh worker process
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    with pytest.raises(PictureTextError) as caught:
        read_picture_cues(dialogue_episode.path)
    assert caught.value.code == "unavailable"
    reader = PictureCueReader()
    # A band without text never needs the engine: nothing is loaded, nothing goes wrong.
    for i in range(5):
        reader.push(i * 0.04, np.zeros((100, 200), np.uint8))
    assert reader.problem is None
    # Still, outlined strokes are worth a reading: the engine is missing, and the hook
    # itself never raises.
    band = _outlined_strokes()
    for i in range(5, 12):
        reader.push(i * 0.04, band)
    assert reader.problem is not None
    assert reader.finish() == ()


def _outlined_strokes() -> np.ndarray:
    """A band with thin white strokes edged in black, as burned-in subtitle type is."""
    band = np.full((100, 720), 120, np.uint8)
    for left in range(100, 600, 24):
        band[36:64, left:left + 12] = 0
        band[40:60, left + 4:left + 8] = 255
    return band


def test_bands_handed_over_by_the_pass_stay_valid_and_cannot_be_written(
        dialogue_episode: Episode) -> None:
    # The band is a view of the decoded picture (no copy a frame): one queued for the band
    # thread must still show its own frame after the decoder has moved on many frames.
    from accessibility.frames import bottom_band, open_media, picture_stream, prepare_video

    kept: list[tuple[np.ndarray, np.ndarray]] = []
    with open_media(dialogue_episode.path) as container:
        stream = picture_stream(container)
        assert stream is not None
        prepare_video(stream)
        for index, frame in enumerate(container.decode(stream)):
            band = bottom_band(frame, 0.3)
            kept.append((band, band.copy()))
            if index >= 60:
                break
    assert len({float(copy.mean()) for _, copy in kept}) > 10  # the frames differ
    assert all(np.array_equal(band, copy) for band, copy in kept)
    band = kept[0][0]
    assert not band.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        band[0, 0] = 0
