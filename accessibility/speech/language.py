"""Which language a line is spoken in: Mandarin or English."""

from __future__ import annotations

import unicodedata
from typing import Literal

SpeechLanguage = Literal["zh", "en"]


_HAN_NAMES = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")


def _is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_HAN_NAMES)


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


def speech_language(text: str, ui_language: str = "zh") -> SpeechLanguage:
    """The script decides; text with neither Han nor Latin letters follows the interface.

    A Chinese subtitle is read in Mandarin even when the interface is English, and any Han
    character wins over Latin ones, because mixed lines ("我用 iPhone") are Chinese sentences.
    """
    if any(_is_han(char) for char in text):
        return "zh"
    if any(_is_latin_letter(char) for char in text):
        return "en"
    return "en" if ui_language == "en" else "zh"
