from __future__ import annotations

import codecs

import pytest

from accessibility.subtitles.encoding import decode_text

PLAYLIST = (
    "#EXTM3U\n#PLAYLIST:重生之我是大小姐\n"
    "#EXTINF:-1,第一集 她回来了\nep1.mp4\n#EXTINF:-1,第二集 真相大白\nep2.mp4\n"
    "#EXTINF:-1,第三集 豪门恩怨\nep3.mp4\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16", "utf-8-sig"])
def test_chinese_playlists_decode_in_their_encoding(encoding: str) -> None:
    assert decode_text(PLAYLIST.encode(encoding)) == PLAYLIST


def test_big5_playlist() -> None:
    text = "#EXTM3U\n#EXTINF:-1,第一集 她回來了，真相終於大白\nep1.mp4\n" * 3
    assert decode_text(text.encode("big5")) == text


def test_utf16_big_endian_with_mark() -> None:
    data = codecs.BOM_UTF16_BE + PLAYLIST.encode("utf-16-be")
    assert decode_text(data) == PLAYLIST


def test_declared_charset_wins_over_guessing() -> None:
    short = "第一集".encode("gbk")  # too short to guess reliably
    assert decode_text(short, declared="gbk") == "第一集"


def test_a_wrong_declared_charset_falls_back() -> None:
    assert decode_text("第一集".encode(), declared="ascii") == "第一集"
    assert decode_text(b"abc", declared="no-such-codec") == "abc"


def test_binary_is_not_text() -> None:
    assert decode_text(bytes(range(256)) * 8) is None
    assert decode_text(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64) is None


def test_empty_is_empty_text() -> None:
    assert decode_text(b"") == ""
