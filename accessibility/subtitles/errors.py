"""The one error the subtitle modules raise, whatever went wrong."""

from __future__ import annotations

from typing import Literal

# Stable identifiers the UI turns into a short translated sentence.
SubtitleErrorCode = Literal["unreadable", "too_large", "encoding", "format", "empty"]


class SubtitleError(Exception):
    """A subtitle source could not be turned into cues.

    ``code`` is stable (see ``SubtitleErrorCode``); ``detail`` is for logs, never shown as is.
    """

    def __init__(self, code: SubtitleErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code: SubtitleErrorCode = code
        self.detail = detail
