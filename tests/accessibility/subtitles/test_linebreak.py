from __future__ import annotations

import pytest

from accessibility.subtitles.linebreak import (
    CLAUSE_COST,
    LOOSE_COST,
    PLAIN_COST,
    SENTENCE_COST,
    SPACE_COST,
    break_before,
    char_width,
    tokenize,
)


@pytest.mark.parametrize(
    ("char", "width"),
    [
        ("你", 2),
        ("，", 2),
        ("…", 2),
        ("“", 2),
        ("a", 1),
        ("7", 1),
        ("é", 1),
        (",", 1),
        ("\u0301", 0),
    ],
)
def test_char_width_in_half_characters(char: str, width: int) -> None:
    assert char_width(char) == width


def test_tokens_keep_latin_words_whole_and_remember_spaces_and_line_breaks() -> None:
    tokens = tokenize("我用iPhone 15拍的\n don’t", max_width=32)
    assert [token.text for token in tokens] == ["我", "用", "iPhone", "15", "拍", "的", "don’t"]
    assert [token.width for token in tokens][:4] == [2, 2, 6, 2]
    assert tokens[3].space_before
    assert tokens[6].line_start
    assert not tokens[6].space_before


def test_word_wider_than_a_line_is_cut_into_glued_parts() -> None:
    tokens = tokenize("a" * 40, max_width=32)
    assert [len(token.text) for token in tokens] == [32, 8]
    assert tokens[1].glued
    assert break_before(tokens, 1).violation


@pytest.mark.parametrize(
    ("text", "index", "cost", "violation"),
    [
        ("好。你", 2, SENTENCE_COST, False),
        ("好。”你", 3, SENTENCE_COST, False),  # through the closing quote
        ("好，你", 2, CLAUSE_COST, False),
        ("好 你", 1, SPACE_COST, False),
        ("今天回家", 2, PLAIN_COST, False),  # between two words
        ("好你", 1, PLAIN_COST + LOOSE_COST, False),  # beside one-character words
        ("好。", 1, PLAIN_COST, True),  # "。" may not start a line
        ("“好", 1, PLAIN_COST, True),  # "“" may not end one
        ("……", 1, SENTENCE_COST, True),
    ],
)
def test_break_costs_and_rules(text: str, index: int, cost: float, violation: bool) -> None:
    rule = break_before(tokenize(text, max_width=32), index)
    assert (rule.cost, rule.violation) == (cost, violation)


def test_source_line_break_is_forced() -> None:
    rule = break_before(tokenize("好\n。", max_width=32), 1)
    assert rule.forced
    assert not rule.violation
