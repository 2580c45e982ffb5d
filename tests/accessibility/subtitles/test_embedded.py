from __future__ import annotations

import random
from pathlib import Path

import pytest

from accessibility.subtitles.embedded import load_embedded_subtitles
from accessibility.subtitles.errors import SubtitleError

from .conftest import ENGLISH, Media
from .samples import SIMPLIFIED, cues_for


def test_mov_text_in_mp4_gives_the_muxed_cues(media: Media) -> None:
    track = load_embedded_subtitles(media.mp4_mov_text)
    assert track is not None
    assert track.format == "mov_text"
    assert track.language == "chi"
    assert track.path == str(media.mp4_mov_text)
    assert track.cues == cues_for(SIMPLIFIED[:3])


def test_chinese_track_is_preferred_over_an_earlier_english_one(media: Media) -> None:
    track = load_embedded_subtitles(media.mkv_english_then_chinese)
    assert track is not None
    assert track.language == "zho"
    assert track.format == "ass"
    assert track.cues == cues_for(SIMPLIFIED[:3])


def test_subrip_in_mkv_is_read_when_it_is_the_only_track(media: Media) -> None:
    track = load_embedded_subtitles(media.mkv_english_only)
    assert track is not None
    assert track.format == "srt"
    assert [cue.text for cue in track.cues] == list(ENGLISH)


def test_media_without_subtitle_tracks_gives_none(media: Media) -> None:
    assert load_embedded_subtitles(media.mp4_without_subtitles) is None


def test_corrupt_media_raises_subtitle_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8)
    with pytest.raises(SubtitleError) as caught:
        load_embedded_subtitles(broken)
    assert caught.value.code == "unreadable"


def test_truncated_media_raises_subtitle_error_or_reads_what_is_there(
    media: Media, tmp_path: Path
) -> None:
    data = media.mkv_english_then_chinese.read_bytes()
    cut = tmp_path / "cut.mkv"
    cut.write_bytes(data[: len(data) // 3])
    try:
        track = load_embedded_subtitles(cut)
    except SubtitleError as error:
        refused: str | None = error.code
    else:
        refused = None
        assert track is None or all(cue.text for cue in track.cues)
    assert refused in {None, "unreadable"}


@pytest.mark.parametrize("name", ["missing.mp4", "."])
def test_missing_file_or_folder_raises_subtitle_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(SubtitleError) as caught:
        load_embedded_subtitles(tmp_path / name)
    assert caught.value.code == "unreadable"


def test_damaged_media_only_ever_raises_subtitle_error(media: Media, tmp_path: Path) -> None:
    # Deterministic damage (overwritten, removed and inserted bytes), a few dozen copies.
    rng = random.Random(20240601)
    sources = [media.mp4_mov_text.read_bytes(), media.mkv_english_then_chinese.read_bytes()]
    outcomes: set[str] = set()
    for number in range(40):
        data = bytearray(sources[number % 2])
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            data[at : at + rng.randint(0, 200)] = rng.randbytes(rng.randint(0, 50))
        path = tmp_path / f"damaged{number}.bin"
        path.write_bytes(data)
        try:
            track = load_embedded_subtitles(path)
        except SubtitleError as error:
            outcomes.add(error.code)
        else:
            outcomes.add("none" if track is None else "track")
    assert outcomes <= {"unreadable", "none", "track"}
