"""Read an external subtitle file (SRT, WebVTT, ASS/SSA) into plain, ordered cues."""

from __future__ import annotations

import os
import stat
from pathlib import PurePosixPath
from typing import Final

import pysubs2
from pysubs2.formats import autodetect_format

from accessibility.subtitles.encoding import decode_subtitle_bytes
from accessibility.subtitles.errors import SubtitleError, SubtitleErrorCode
from accessibility.subtitles.markup import strip_ass_markup, strip_html_markup
from accessibility.subtitles.model import Cue
from accessibility.subtitles.track import SubtitleFormat, SubtitleTrack
from accessibility.subtitles.webvtt import vtt_cue_blocks

__all__ = [
    "MAX_CUES",
    "MAX_CUE_CHARS",
    "MAX_FILE_BYTES",
    "SubtitleError",
    "SubtitleTrack",
    "load_subtitle_bytes",
    "load_subtitle_file",
    "parse_subtitle_text",
]

# A two-hour film's subtitles are well under 1 MB even in UTF-16; anything far bigger is not
# a subtitle file, and reading it would only stall the app.
MAX_FILE_BYTES: Final = 5 * 1024 * 1024
# A feature film has ~1,500 cues and a micro-drama episode ~50; a cue is a line or two. More
# than this is a damaged or hostile file: the rest is left out rather than held in memory,
# paged and spoken.
MAX_CUES: Final = 10_000
MAX_CUE_CHARS: Final = 400

_FILE_FORMATS: Final[dict[str, SubtitleFormat]] = {
    "srt": "srt",
    "vtt": "vtt",
    "ass": "ass",
    "ssa": "ssa",
}
_ASS_FORMATS: Final = frozenset({"ass", "ssa"})


def load_subtitle_file(path: str | os.PathLike[str]) -> SubtitleTrack:
    """Load a subtitle file; any problem raises ``SubtitleError`` and nothing else."""
    return load_subtitle_bytes(_read_capped(path), os.fspath(path))


def load_subtitle_bytes(data: bytes, name: str) -> SubtitleTrack:
    """Load subtitles already in memory (a download, say); ``name`` (a path or URL) gives the
    format hint by its suffix and becomes the track's ``path``."""
    if len(data) > MAX_FILE_BYTES:
        raise SubtitleError(SubtitleErrorCode.TOO_LARGE, f"over {MAX_FILE_BYTES} bytes: {name}")
    text, encoding = decode_subtitle_bytes(data)
    fmt, cues = parse_subtitle_text(text, fmt_hint=_suffix(name))
    return SubtitleTrack(path=name, format=fmt, encoding=encoding, cues=cues)


def parse_subtitle_text(
    text: str, fmt_hint: str | None = None
) -> tuple[SubtitleFormat, tuple[Cue, ...]]:
    """Parse decoded subtitle text into ``(format, cues)``.

    The content decides the format; ``fmt_hint`` (a file suffix such as "srt") is used when the
    content alone cannot tell. Cues come sorted by start, without styling, without comments,
    empty or zero-length events, or exact duplicates (ASS often stacks one line on two layers).
    """
    text = text.lstrip("\ufeff")
    fmt = _detect_format(text, fmt_hint)
    if fmt == "vtt":
        text = vtt_cue_blocks(text)
    options = {} if fmt in _ASS_FORMATS else {"keep_html_tags": True}
    try:
        subs = pysubs2.SSAFile.from_string(text, format_=fmt, **options)
    # pysubs2 raises whatever its parsing meets (ValueError, IndexError, its own errors ...) on
    # malformed input; the caller only ever sees SubtitleError.
    except Exception as error:
        raise SubtitleError(SubtitleErrorCode.FORMAT, f"{fmt}: {error!r}") from error
    strip = strip_ass_markup if fmt in _ASS_FORMATS else strip_html_markup
    cues: set[Cue] = set()
    for event in subs.events:
        if len(cues) >= MAX_CUES:
            break
        if event.is_comment or event.type != "Dialogue":
            continue
        start, end = max(int(event.start), 0), int(event.end)
        plain = strip(event.text)
        if len(plain) > MAX_CUE_CHARS:
            plain = plain[: MAX_CUE_CHARS - 1].rstrip() + "…"
        if plain and end > start:
            cues.add(Cue(start_ms=start, end_ms=end, text=plain))
    if not cues:
        raise SubtitleError(SubtitleErrorCode.EMPTY, "no dialogue with text and timing")
    return fmt, tuple(sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms, cue.text)))


def _detect_format(text: str, hint: str | None) -> SubtitleFormat:
    try:
        detected = autodetect_format(text)
    except Exception:  # pysubs2 signals "cannot tell" with exceptions of several kinds
        detected = None
    for candidate in (detected, hint):
        if candidate is not None and candidate in _FILE_FORMATS:
            return _FILE_FORMATS[candidate]
    raise SubtitleError(SubtitleErrorCode.FORMAT,
                        f"not SRT, WebVTT, ASS or SSA (looks like {detected!r})")


def _suffix(name: str) -> str:
    # A URL's query or fragment is no part of its suffix ("ep1.srt?token=...").
    return PurePosixPath(name.split("?", 1)[0].split("#", 1)[0]).suffix.lstrip(".").lower()


def _read_capped(path: str | os.PathLike[str]) -> bytes:
    try:
        # A FIFO or device would block or never end: only regular files are opened.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise SubtitleError(SubtitleErrorCode.UNREADABLE, f"not a regular file: {path!s}")
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never the whole of a huge file
    except (OSError, ValueError) as error:  # missing, no permission, a folder, NUL in path
        raise SubtitleError(SubtitleErrorCode.UNREADABLE, repr(error)) from error
    return data  # one byte over the cap, if the file is bigger: the caller rejects it
