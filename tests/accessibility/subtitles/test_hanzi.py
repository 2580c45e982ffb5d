from __future__ import annotations

import pytest

from accessibility.subtitles.hanzi import HanTier, han_tier, is_han


@pytest.mark.parametrize(
    ("char", "tier"),
    [
        ("的", HanTier.COMMON),  # GB2312 level 1
        ("們", HanTier.COMMON),  # Big5 level 1 only
        ("亍", HanTier.LESS_COMMON),  # GB2312 level 2
        ("䶮", HanTier.RARE),  # CJK extension A
    ],
)
def test_han_tiers(char: str, tier: HanTier) -> None:
    assert han_tier(char) == tier


def test_is_han() -> None:
    assert all(is_han(char) for char in "你們䶮𠮷")
    assert not any(is_han(char) for char in "a，あ한")
