from __future__ import annotations

from accessibility.subtitles.loader import parse_subtitle_text
from accessibility.subtitles.model import Cue
from accessibility.subtitles.webvtt import vtt_cue_blocks

VTT = (
    "\ufeffWEBVTT - 第1集\r\nKind: captions\r\n\r\n"
    "STYLE\r\n::cue { color: yellow }\r\n\r\n"
    "intro\r\n00:00:01.000 --> 00:00:02.000 align:start\r\n<v 妈妈>你回来了。</v>\r\n\r\n"
    "NOTE 出现在两条字幕之间的注释\r\n\r\n\r\n"
    "00:00:03.000 --> 00:00:04.500\r\n<00:00:03.000>卡<00:00:03.500>拉<00:00:04.000>OK\r\n"
)


def test_only_cue_blocks_remain() -> None:
    assert vtt_cue_blocks(VTT) == (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.000 align:start\n<v 妈妈>你回来了。</v>\n\n"
        "00:00:03.000 --> 00:00:04.500\n卡拉OK\n"
    )


def test_identifiers_notes_and_karaoke_times_do_not_leak_into_cues() -> None:
    assert parse_subtitle_text(VTT) == (
        "vtt",
        (Cue(1000, 2000, "你回来了。"), Cue(3000, 4500, "卡拉OK")),
    )
