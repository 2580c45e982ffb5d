"""Reduce a WebVTT file to its cues before pysubs2 reads it.

pysubs2 reads WebVTT line by line like SubRip: it takes cue identifiers, NOTE comments and
STYLE/REGION blocks that come after a cue for more of that cue's text, and a line holding two
karaoke timestamps for a timing line. Keeping only the cue blocks (timing line and text, inline
timestamps removed) sidesteps all of that and keeps pysubs2 for the timing syntax.
"""

from __future__ import annotations

import re

_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_INLINE_TIMESTAMP = re.compile(r"<\d[\d:.]*>")


def vtt_cue_blocks(text: str) -> str:
    """The file's cue blocks only, each as its timing line followed by its text."""
    blocks = _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    cues: list[str] = []
    for block in blocks:
        lines = block.strip("\n").split("\n")
        # The header, NOTE, STYLE and REGION blocks have no "-->"; a cue has it on its first
        # line, or on its second after an identifier.
        timing = next((index for index, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing is None:
            continue
        body = [_INLINE_TIMESTAMP.sub("", line) for line in lines[timing + 1 :]]
        cues.append("\n".join([lines[timing], *body]))
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"
