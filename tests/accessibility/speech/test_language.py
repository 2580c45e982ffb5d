"""Which voice a line gets: the script decides, the interface language breaks ties."""

from __future__ import annotations

import pytest

from accessibility.speech.language import speech_language


@pytest.mark.parametrize(
    ("text", "ui", "expected"),
    [
        ("第 3 集，已看完", "zh", "zh"),
        ("第 3 集，已看完", "en", "zh"),  # a Chinese subtitle stays Mandarin in English UI
        ("我用 iPhone 看", "zh", "zh"),  # mixed lines are Chinese sentences
        ("Episode 3, watched", "zh", "en"),
        ("Café", "zh", "en"),
        ("3", "zh", "zh"),
        ("3", "en", "en"),
        ("", "en", "en"),
        ("…！", "zh", "zh"),
        ("兀", "en", "zh"),  # CJK compatibility ideograph
    ],
)
def test_speech_language(text: str, ui: str, expected: str) -> None:
    assert speech_language(text, ui) == expected
