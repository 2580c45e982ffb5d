from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accessibility.subtitles.errors import SubtitleError
from accessibility.subtitles.loader import (
    MAX_FILE_BYTES,
    SubtitleTrack,
    load_subtitle_bytes,
    load_subtitle_file,
    parse_subtitle_text,
)
from accessibility.subtitles.model import Cue

from .samples import (
    SAMPLE_ASS,
    SAMPLE_SRT,
    SAMPLE_VTT,
    SIMPLIFIED,
    TRADITIONAL,
    cues_for,
    srt_text,
)

EXPECTED_SAMPLE = (
    Cue(1000, 2500, "妈，我回来了。"),
    Cue(3000, 4000, "你怎么才回来？\n饭都凉了。"),
)


def test_srt_with_html_tags_loads_plain(tmp_path: Path) -> None:
    path = tmp_path / "第1集.srt"
    path.write_text(SAMPLE_SRT, encoding="gbk")
    track = load_subtitle_file(path)
    assert track == SubtitleTrack(
        path=str(path), format="srt", encoding="gbk", cues=EXPECTED_SAMPLE
    )


def test_vtt_with_settings_voices_and_classes_loads_plain() -> None:
    text = (
        "WEBVTT - 第1集\nKind: captions\n\nSTYLE\n::cue { color: yellow }\n\n"
        "NOTE 这是注释\n不显示\n\n" + SAMPLE_VTT
    )
    fmt, cues = parse_subtitle_text(text)
    assert fmt == "vtt"
    assert cues == (Cue(1000, 2500, "你回来了。"), Cue(3000, 4000, "饭都凉了，快吃吧。"))


def test_ass_with_override_tags_loads_plain() -> None:
    fmt, cues = parse_subtitle_text(SAMPLE_ASS)
    assert fmt == "ass"
    assert cues == EXPECTED_SAMPLE


def test_ass_drawings_comments_and_doubled_layers_are_dropped() -> None:
    events = (
        "Comment: 0,0:00:00.00,0:00:05.00,Default,,0,0,0,,这行是注释\n"
        "Dialogue: 0,0:00:00.50,0:00:05.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100{\\p0}\n"
        "Dialogue: 1,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\an8\\b1}妈，{\\i1}我回来了{\\i0}。\n"
    )
    fmt, cues = parse_subtitle_text(SAMPLE_ASS + events)
    assert fmt == "ass"
    assert cues == EXPECTED_SAMPLE


SSA = """[Script Info]
ScriptType: v4.00

[V4 Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, \
Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, \
Encoding
Style: Default,SimHei,20,16777215,65535,65535,0,0,0,1,2,2,2,10,10,10,0,134

[Events]
Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: Marked=0,0:00:01.00,0:00:02.50,Default,,0000,0000,0000,,{\\b1}妈，我回来了。
Dialogue: Marked=0,0:00:03.00,0:00:04.00,Default,,0000,0000,0000,,你怎么才回来？\\N饭都凉了。
"""


def test_ssa_v4_file_is_read() -> None:
    fmt, cues = parse_subtitle_text(SSA)
    assert fmt == "ssa"
    assert cues == EXPECTED_SAMPLE


def test_cues_are_sorted_and_empty_or_zero_length_ones_dropped() -> None:
    text = (
        "3\n00:00:05,000 --> 00:00:06,000\n后来\n\n"
        "1\n00:00:01,000 --> 00:00:02,000\n先\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n<i> </i>\n\n"
        "4\n00:00:07,000 --> 00:00:07,000\n零长度\n"
    )
    assert parse_subtitle_text(text) == ("srt", (Cue(1000, 2000, "先"), Cue(5000, 6000, "后来")))


def test_content_beats_a_wrong_suffix(tmp_path: Path) -> None:
    path = tmp_path / "ep1.srt"
    path.write_text(SAMPLE_ASS, encoding="utf-16")
    track = load_subtitle_file(path)
    assert (track.format, track.encoding, track.cues) == ("ass", "utf-16-le", EXPECTED_SAMPLE)


def test_traditional_big5_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "ep1.srt"
    path.write_bytes(srt_text(cues_for(TRADITIONAL[:3])).encode("big5"))
    track = load_subtitle_file(path)
    assert track.cues == cues_for(TRADITIONAL[:3])


def test_bytes_from_a_url_use_its_suffix_before_the_query() -> None:
    track = load_subtitle_bytes(SAMPLE_SRT.encode(), "https://example.org/ep1.srt?sig=1")
    assert (track.path, track.format, track.cues) == (
        "https://example.org/ep1.srt?sig=1",
        "srt",
        EXPECTED_SAMPLE,
    )


def _code(action: object) -> str:
    assert callable(action)
    with pytest.raises(SubtitleError) as caught:
        action()
    return caught.value.code


def test_missing_file_folder_and_fifo_are_unreadable(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.srt"
    os.mkfifo(fifo)  # opening it would wait forever for a writer
    assert _code(lambda: load_subtitle_file(tmp_path / "none.srt")) == "unreadable"
    assert _code(lambda: load_subtitle_file(tmp_path)) == "unreadable"
    assert _code(lambda: load_subtitle_file(fifo)) == "unreadable"
    assert _code(lambda: load_subtitle_file("bad\x00name.srt")) == "unreadable"


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.srt"
    block = srt_text(cues_for(SIMPLIFIED)).encode()
    path.write_bytes(block * (MAX_FILE_BYTES // len(block) + 1))
    assert _code(lambda: load_subtitle_file(path)) == "too_large"


def test_file_without_cues_is_empty_and_other_text_is_no_format(tmp_path: Path) -> None:
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    assert _code(lambda: load_subtitle_file(empty)) == "empty"
    assert _code(lambda: parse_subtitle_text("WEBVTT\n\nNOTE only a note\n")) == "empty"
    assert _code(lambda: parse_subtitle_text("只是一段文字，没有时间。", "txt")) == "format"


def test_subtitle_error_keeps_a_stable_code() -> None:
    error = SubtitleError("encoding", "detail for the log")
    assert (error.code, error.detail) == ("encoding", "detail for the log")
    assert "encoding" in str(error)


# --- Whatever the bytes, only SubtitleError comes out -------------------------------------

_BASES = (
    *(
        text.encode(encoding)
        for text in (SAMPLE_SRT, SAMPLE_VTT, SAMPLE_ASS)
        for encoding in ("utf-8", "gbk", "utf-16")
    ),
    srt_text(cues_for(TRADITIONAL[:3])).encode("big5"),
)
# Pieces of subtitle syntax: inserted at random, they make the parsers' hard cases.
_SYNTAX = (
    b"-->", b"\n\n", b"\r\n", b"{", b"}", b"{\\p1}", b"<i>", b"</", b"\\N", b"WEBVTT",
    b"NOTE ", b"[Events]", b"Dialogue: ", b"Format: ", b"00:00:", b",", b".", b":", b"\xff\xfe",
)  # fmt: skip


@st.composite
def _mangled(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_BASES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        operation = draw(st.sampled_from(("insert", "syntax", "delete", "truncate", "repeat")))
        if operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=12))
        elif operation == "syntax":
            data[at:at] = draw(st.sampled_from(_SYNTAX))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif operation == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 60))]
    return bytes(data)


def _load_or_refuse(data: bytes, name: str) -> None:
    try:
        track = load_subtitle_bytes(data, name)
    except SubtitleError as error:
        refused: str | None = error.code
    else:
        refused = None
    if refused is not None:
        assert refused in {"encoding", "format", "empty"}
        return
    starts = [cue.start_ms for cue in track.cues]
    assert track.cues
    assert starts == sorted(starts)
    assert all(cue.text.strip() and cue.end_ms > cue.start_ms >= 0 for cue in track.cues)
    assert track.format in {"srt", "vtt", "ass", "ssa"}


_NAMES = st.sampled_from(("ep.srt", "ep.vtt", "ep.ass", "ep.ssa", "ep.txt", ""))
_FUZZ = settings(
    max_examples=1000,
    deadline=None,
    database=None,  # no example store written into the source tree
    suppress_health_check=[HealthCheck.too_slow],
)


# pysubs2 warns about each field it repairs in a damaged file: expected here.
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@_FUZZ
@given(data=st.binary(max_size=3000), name=_NAMES)
def test_arbitrary_bytes_only_ever_raise_subtitle_error(data: bytes, name: str) -> None:
    _load_or_refuse(data, name)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@_FUZZ
@given(data=_mangled(), name=_NAMES)
def test_mangled_files_only_ever_raise_subtitle_error(data: bytes, name: str) -> None:
    _load_or_refuse(data, name)
