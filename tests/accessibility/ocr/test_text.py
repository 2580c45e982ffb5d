from __future__ import annotations

import pytest

from accessibility.ocr.text import clean_text, comparison_key, same_line, text_distance


def test_clean_text_drops_stray_spaces_between_chinese_but_keeps_english_words() -> None:
    assert clean_text("  妈， 我 回来了。 ") == "妈，我回来了。"
    assert clean_text("Welcome   home,  Grandma!") == "Welcome home, Grandma!"


def test_clean_text_keeps_lines_apart_and_drops_empty_ones() -> None:
    assert clean_text("第一行\n\n  \n第二行 ") == "第一行\n第二行"


def test_full_and_half_width_marks_compare_equal() -> None:
    assert comparison_key("老伴, 你看谁来了?") == comparison_key("老伴，你看谁来了？")


@pytest.mark.parametrize(("a", "b"), [
    ("老伴，你看谁来了？", "老伴，你看谁来了"),  # a mark lost
    ("你怎么才回来？", "你怎么打回来？"),  # one character misread
    ("Thank you so much.", "Thankyou so much."),  # a space lost
])
def test_small_wobbles_are_the_same_line(a: str, b: str) -> None:
    assert same_line(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("妈，我回来了。", "你怎么才回来？"),
    ("谢谢奶奶", "谢谢爷爷"),  # half of a short line differs
    ("好看，奶奶心里暖和。", "好，奶奶等你们回家。"),
])
def test_different_lines_are_not_the_same_line(a: str, b: str) -> None:
    assert not same_line(a, b)


def test_distance_is_edits_over_the_longer_reading() -> None:
    assert text_distance("abcd", "abce") == pytest.approx(0.25)
    assert text_distance("", "") == 0.0
