"""Hostile subtitle content: linear-time markup removal, caps on cues, mixed encodings."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from accessibility.subtitles import markup
from accessibility.subtitles.loader import (
    MAX_CUE_CHARS,
    MAX_CUES,
    load_subtitle_bytes,
)
from accessibility.subtitles.markup import strip_html_markup

# The expression that was there before, kept here as the reference for what is removed.
_OLD_RUBY = re.compile(r"<(rt|rp)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def test_ruby_glosses_are_dropped() -> None:
    assert strip_html_markup("<ruby>汉<rt>hàn</rt>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>") \
        == "汉字"
    assert strip_html_markup("他<RT class='x'>tā</Rt>来了") == "他来了"


def test_thirty_thousand_unclosed_rt_tags_give_plain_text() -> None:
    text = "台词" + "<rt>" * 30_000 + "结束"
    assert strip_html_markup(text) == "台词结束"


def test_ruby_removal_looks_at_each_tag_a_bounded_number_of_times() -> None:
    # Linear time, checked by counting work rather than by the clock: the tag scanner is run
    # once over the text whatever its shape.
    calls: list[int] = []
    real = markup._RUBY_TAG

    class Counting:
        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            calls.append(len(text))
            return real.finditer(text)

    markup._RUBY_TAG = Counting()  # type: ignore[assignment]
    try:
        markup._drop_ruby("<rt>" * 20_000 + "</rp>" * 20_000)
    finally:
        markup._RUBY_TAG = real
    assert len(calls) == 1


_pieces = st.sampled_from(["<rt>", "</rt>", "<rp>", "</rp>", "<RT a=1>", "</Rt >", "字", "a",
                           "<", ">", "<rtx>", "\n", " "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_ruby_removal_matches_the_old_expression(text: str) -> None:
    assert markup._drop_ruby(text) == _OLD_RUBY.sub("", text)


def _srt(count: int, text: str = "第{n}句台词") -> bytes:
    blocks = []
    for n in range(count):
        start, end = n * 1000, n * 1000 + 900
        blocks.append(f"{n + 1}\n{_ts(start)} --> {_ts(end)}\n{text.format(n=n)}\n")
    return "\n".join(blocks).encode()


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def test_the_cue_count_is_capped() -> None:
    track = load_subtitle_bytes(_srt(MAX_CUES + 500), "big.srt")
    assert len(track.cues) == MAX_CUES
    assert track.cues[0].text == "第0句台词"


def test_a_five_megabyte_one_line_ass_event_is_capped() -> None:
    rng = random.Random(5)
    line = "".join(rng.choice("长辈剧场字幕测试，。") for _ in range(1_600_000))
    head = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
    data = (head + f"Dialogue: 0,0:00:01.00,0:00:05.00,Default,,0,0,0,,{line}\n").encode()
    assert len(data) > 4_500_000
    track = load_subtitle_bytes(data, "one-line.ass")
    assert len(track.cues) == 1
    assert len(track.cues[0].text) == MAX_CUE_CHARS and track.cues[0].text.endswith("…")


def test_a_file_mixing_utf8_and_gbk_lines_is_decoded_line_by_line() -> None:
    lines = ["你好，今天天气很好。", "我们一起去公园散步吧。", "好的，我马上来。", "路上小心。"]
    encodings = ["utf-8", "gbk", "utf-8", "gbk"]
    data = b"".join(
        f"{n + 1}\n{_ts(n * 2000)} --> {_ts(n * 2000 + 1500)}\n".encode() + text.encode(codec)
        + b"\n\n"
        for n, (text, codec) in enumerate(zip(lines, encodings, strict=True)))
    track = load_subtitle_bytes(data, "mixed.srt")
    assert [cue.text for cue in track.cues] == lines
    assert track.encoding == "utf-8+gbk"


def test_a_file_mixing_utf8_and_big5_lines_is_decoded_line_by_line() -> None:
    lines = ["媽媽，我回來了。", "你怎麼這麼晚才回來？", "對不起，我得加班。"]
    encodings = ["big5", "utf-8", "big5"]
    data = b"".join(
        f"{n + 1}\n{_ts(n * 2000)} --> {_ts(n * 2000 + 1500)}\n".encode() + text.encode(codec)
        + b"\n\n"
        for n, (text, codec) in enumerate(zip(lines, encodings, strict=True)))
    track = load_subtitle_bytes(data, "mixed.srt")
    assert [cue.text for cue in track.cues] == lines
