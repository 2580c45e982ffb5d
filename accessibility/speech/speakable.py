"""The words of a cue as they should be spoken."""

from __future__ import annotations

import re

try:
    from accessibility.subtitles.text import speakable_text as _shared_speakable_text
except ImportError:  # older trees without the shared subtitle text helpers
    _shared_speakable_text = None

# Sound cues and speaker dashes are seen, not said: "♪", "- 你好" → "你好".
_SYMBOLS = re.compile(r"[♪♫♬♩]+")
_SPEAKER_DASH = re.compile(r"^\s*[-–—]+\s*")
_CLOSING = "。，、！？；：…,.!?;:"


def _minimal(text: str) -> str:
    lines = [_SPEAKER_DASH.sub("", _SYMBOLS.sub("", line)).strip() for line in text.split("\n")]
    spoken = ""
    for line in filter(None, lines):
        if spoken:
            # A line break is a pause in speech; a comma makes espeak take it.
            spoken += " " if spoken[-1] in _CLOSING else "，"
        spoken += line
    return spoken


def speakable(text: str) -> str:
    """Plain text for the speech engine; empty when nothing in the cue is meant to be said."""
    if _shared_speakable_text is not None:
        return str(_shared_speakable_text(text)).strip()
    return _minimal(text)
