from __future__ import annotations

import codecs

import pytest

from accessibility.subtitles.encoding import chinese_text_score, decode_subtitle_bytes
from accessibility.subtitles.errors import SubtitleError

from .samples import SIMPLIFIED, TRADITIONAL, cues_for, short_windows, srt_text


def _encode(text: str, encoding: str) -> bytes:
    """Bytes as a file in ``encoding`` would hold them; "+bom" adds the byte-order mark."""
    name, _, bom = encoding.partition("+")
    marks = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}
    marks |= {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    return (marks[name] if bom else b"") + text.encode(name)


SIMPLIFIED_ENCODINGS = (
    "utf-8", "utf-8+bom", "utf-16-le+bom", "utf-16-be+bom", "utf-16-le", "utf-16-be",
    "utf-32-le+bom", "gbk", "gb18030",
)  # fmt: skip
TRADITIONAL_ENCODINGS = (
    "utf-8", "utf-8+bom", "utf-16-le+bom", "utf-16-be+bom", "utf-16-le", "utf-16-be",
    "big5", "cp950", "big5hkscs", "gbk", "gb18030",
)  # fmt: skip
# Which codec names count as right for a file written in each legacy encoding.
FAMILIES = {
    "gbk": {"gbk", "gb18030"},
    "gb18030": {"gbk", "gb18030"},
    "big5": {"cp950", "big5hkscs"},
    "cp950": {"cp950", "big5hkscs"},
    "big5hkscs": {"cp950", "big5hkscs"},
}


def _check(lines: tuple[str, ...], encoding: str) -> None:
    text = srt_text(cues_for(lines))
    decoded, used = decode_subtitle_bytes(_encode(text, encoding))
    assert decoded == text, f"{encoding} read as {used}"
    name = encoding.partition("+")[0]
    if name in FAMILIES:
        assert used in FAMILIES[name]
    else:
        assert codecs.lookup(used).name.startswith(name[:5])  # utf-8 / utf-16 / utf-32


@pytest.mark.parametrize("encoding", SIMPLIFIED_ENCODINGS)
def test_simplified_file_decodes_in_every_encoding(encoding: str) -> None:
    _check(SIMPLIFIED, encoding)


@pytest.mark.parametrize("encoding", TRADITIONAL_ENCODINGS)
def test_traditional_file_decodes_in_every_encoding(encoding: str) -> None:
    _check(TRADITIONAL, encoding)


@pytest.mark.parametrize("encoding", SIMPLIFIED_ENCODINGS)
def test_short_simplified_files_decode(encoding: str) -> None:
    for lines in short_windows(SIMPLIFIED):
        _check(lines, encoding)


@pytest.mark.parametrize("encoding", TRADITIONAL_ENCODINGS)
def test_short_traditional_files_decode(encoding: str) -> None:
    for lines in short_windows(TRADITIONAL):
        _check(lines, encoding)


def test_characters_beyond_gbk_are_read_as_gb18030() -> None:
    text = srt_text(cues_for(("我叫王䶮，请多关照😊",)))
    assert decode_subtitle_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_pure_ascii_is_utf8() -> None:
    text = srt_text(cues_for(("OK",)))
    assert decode_subtitle_bytes(text.encode("ascii")) == (text, "utf-8")


def test_western_legacy_file_falls_back_to_the_detector() -> None:
    text = srt_text(cues_for(("Café crème, naïve garçon",)))
    assert decode_subtitle_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_utf8_accented_latin_stays_utf8() -> None:
    text = srt_text(cues_for(("Café crème",)))
    assert decode_subtitle_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_gbk_that_happens_to_be_valid_utf8_is_read_as_gbk() -> None:
    # "谢谢" and "什么" in GBK are also well-formed UTF-8 (Cyrillic / Latin letters).
    text = srt_text(cues_for(("谢谢", "什么")))
    assert decode_subtitle_bytes(text.encode("gbk")) == (text, "gbk")


def test_file_cut_inside_its_last_character_keeps_the_rest() -> None:
    text = srt_text(cues_for(SIMPLIFIED[:2]))
    for encoding in ("utf-8", "gbk", "utf-16-le"):
        data = text.rstrip("\n").encode(encoding)[:-1]
        decoded, _ = decode_subtitle_bytes(data)
        assert decoded == text.rstrip("\n")[:-1]


def test_a_stray_byte_in_utf8_is_dropped_not_turned_into_mojibake() -> None:
    text = srt_text(cues_for(SIMPLIFIED[:3]))
    data = text.encode("utf-8")
    middle = data.index("饭".encode())
    decoded, used = decode_subtitle_bytes(data[:middle] + b"\xff" + data[middle:])
    assert (decoded, used) == (text, "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(128, 256)) * 8,
        codecs.BOM_UTF8 + b"\xff\xfe\xfd ok",
        codecs.BOM_UTF16_LE + b"\x00\xd8\x00\xd8",  # lone surrogates
    ],
)
def test_undecodable_bytes_raise_encoding_error(data: bytes) -> None:
    with pytest.raises(SubtitleError) as caught:
        decode_subtitle_bytes(data)
    assert caught.value.code == "encoding"


def test_score_separates_dialogue_from_its_mojibake() -> None:
    for simplified, traditional in zip(SIMPLIFIED, TRADITIONAL, strict=True):
        assert chinese_text_score(simplified) > 0.9
        assert chinese_text_score(traditional) > 0.9
        as_big5 = simplified.encode("gbk").decode("cp950", errors="replace")
        assert chinese_text_score(as_big5) < 0.8
        as_gbk = traditional.encode("big5").decode("gbk", errors="replace")
        assert chinese_text_score(as_gbk) < 0.6
