"""Text subtitle tracks stored inside a media file (MP4 mov_text, MKV SubRip/ASS/WebVTT).

FFmpeg's decoders turn every text subtitle codec into ASS dialogue lines, so one ASS clean-up
serves them all. Picture-based tracks (DVD, Blu-ray PGS) carry no text and are ignored; the
app reads those, like burned-in subtitles, off the picture.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Final

import av
import av.error
from av.container import InputContainer
from av.subtitles.stream import SubtitleStream

from accessibility.subtitles.errors import SubtitleError, SubtitleErrorCode
from accessibility.subtitles.markup import strip_ass_markup
from accessibility.subtitles.model import Cue
from accessibility.subtitles.track import SubtitleFormat, SubtitleTrack

_TEXT_CODECS: Final[dict[str, SubtitleFormat]] = {
    "mov_text": "mov_text",
    "subrip": "srt",
    "srt": "srt",
    "text": "srt",
    "webvtt": "vtt",
    # FFmpeg's one ASS decoder is called "ssa" or "ass" depending on the build; both are ASS.
    "ass": "ass",
    "ssa": "ass",
}
# ISO 639-2/B and /T, 639-1 and common tags for Mandarin, Cantonese and written Chinese.
_CHINESE_LANGUAGES: Final = frozenset(
    {"chi", "zho", "zh", "cmn", "yue", "chs", "cht", "zhs", "zht", "cn", "hk", "tw"}
)
_CHINESE_TITLE_WORDS: Final = ("中文", "简体", "繁体", "繁體", "国语", "國語", "chinese")
_ASS_DIALOGUE_FIELDS_BEFORE_TEXT: Final = 8  # ReadOrder, Layer, Style, Name, 3 margins, Effect
_FALLBACK_DURATION_MS: Final = 3000  # for a last cue whose packet has no duration


def load_embedded_subtitles(media_path: str | os.PathLike[str]) -> SubtitleTrack | None:
    """The best text subtitle track in a local media file, Chinese first.

    None when the file has no text subtitle track, or the chosen one holds no cue.

    Raises ``SubtitleError`` when the file cannot be read. The whole file is demuxed, so call
    this off the GUI thread.
    """
    # Absolute, so FFmpeg cannot take a name like "concat:x.mp4" for one of its protocols.
    path = os.path.abspath(os.fspath(media_path))
    try:
        # Only regular local files: a URL or device here would mean network or a stalled read.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise SubtitleError(SubtitleErrorCode.UNREADABLE, f"not a regular file: {path}")
        with av.open(path, mode="r") as container:
            picked = _pick_stream(container.streams.subtitles)
            if picked is None:
                return None
            stream, fmt = picked
            timed_texts = list(_timed_texts(container, stream))
    # PyAV raises its FFmpegError family, and OSError or ValueError around them.
    except (av.error.FFmpegError, OSError, ValueError, RuntimeError) as error:
        raise SubtitleError(SubtitleErrorCode.UNREADABLE, repr(error)) from error
    cues = _cues_from(timed_texts)
    if not cues:
        return None
    language = stream.language or None
    return SubtitleTrack(path=path, format=fmt, encoding="utf-8", cues=cues, language=language)


def _pick_stream(
    streams: Iterable[SubtitleStream],
) -> tuple[SubtitleStream, SubtitleFormat] | None:
    text_streams = [
        (stream, fmt) for stream in streams if (fmt := _text_format(stream)) is not None
    ]
    if not text_streams:
        return None
    # Chinese first; among equals, the file's own order.
    return max(text_streams, key=lambda item: (_is_chinese(item[0]), -text_streams.index(item)))


def _text_format(stream: SubtitleStream) -> SubtitleFormat | None:
    context = stream.codec_context  # None when FFmpeg has no decoder for the codec
    return None if context is None else _TEXT_CODECS.get(context.name)


def _is_chinese(stream: SubtitleStream) -> bool:
    language = (stream.language or "").lower().replace("_", "-")
    if language.split("-")[0] in _CHINESE_LANGUAGES:
        return True
    title = str(stream.metadata.get("title", "")).lower()
    return any(word in title for word in _CHINESE_TITLE_WORDS)


def _timed_texts(
    container: InputContainer, stream: SubtitleStream
) -> Iterator[tuple[int, int | None, str]]:
    """(start ms, duration ms or None, plain text) for each decoded subtitle packet."""
    time_base = stream.time_base or Fraction(1, 1000)
    for packet in container.demux(stream):
        if packet.pts is None:
            continue  # the demuxer's final flush packet
        start_ms = round(packet.pts * time_base * 1000)
        duration_ms = round(packet.duration * time_base * 1000) if packet.duration else None
        for subtitle in packet.decode():
            raw = getattr(subtitle, "ass", b"")
            text = _dialogue_text(raw.decode("utf-8", errors="replace").replace("\ufffd", ""))
            if text:
                yield start_ms, duration_ms, text


def _dialogue_text(ass_line: str) -> str:
    fields = ass_line.split(",", _ASS_DIALOGUE_FIELDS_BEFORE_TEXT)
    if len(fields) <= _ASS_DIALOGUE_FIELDS_BEFORE_TEXT:
        return ""
    return strip_ass_markup(fields[-1])


def _cues_from(timed_texts: list[tuple[int, int | None, str]]) -> tuple[Cue, ...]:
    ordered = sorted(timed_texts, key=lambda item: item[0])
    cues: list[Cue] = []
    for index, (start, duration, text) in enumerate(ordered):
        if duration is not None:
            end = start + duration
        elif index + 1 < len(ordered):
            end = ordered[index + 1][0]  # shown until the next one
        else:
            end = start + _FALLBACK_DURATION_MS
        if end > start >= 0:
            cues.append(Cue(start_ms=start, end_ms=end, text=text))
    return tuple(dict.fromkeys(cues))
