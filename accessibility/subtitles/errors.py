"""The one error the subtitle modules raise, whatever went wrong."""

from __future__ import annotations

from enum import StrEnum


class SubtitleErrorCode(StrEnum):
    """Stable identifiers the UI turns into a short translated sentence."""

    UNREADABLE = "unreadable"  # missing, not a regular file, or the OS refused to read it
    TOO_LARGE = "too_large"  # far larger than any subtitle file
    ENCODING = "encoding"  # no encoding gives readable text
    FORMAT = "format"  # not SRT, WebVTT, ASS or SSA, or too broken to parse
    EMPTY = "empty"  # no dialogue with both text and timing


class SubtitleError(Exception):
    """A subtitle source could not be turned into cues.

    ``code`` is stable (see ``SubtitleErrorCode``); ``detail`` is for logs, never shown as is.
    """

    def __init__(self, code: SubtitleErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
