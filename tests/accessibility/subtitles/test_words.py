"""Subtitle lines break between Chinese words (jieba), never inside one that fits a line."""

from __future__ import annotations

import random

import pytest

from accessibility.subtitles import words
from accessibility.subtitles.text import wrap_cue

# The bad breaks the walkthrough saw (enlarged and normal size), as (text, what must not happen).
ISSUE_EXAMPLES = [
    ("奶奶，我包得像不像？", "奶奶，我包|得像不像？"),
    ("好，奶奶等你们回家。", "你|们"),
    ("等花开了我们就回来。", "我|们"),
    ("别急，咱们一起找。", "一|起"),
    ("奶奶，我教您打视频。", "我教|您"),
    ("今天咱们一家包饺子。", "一|家包饺子"),
    ("我给您带了条新围巾。", "带了|条"),
]
# Below this many characters a line, "带了条新围巾。" cannot stay together and some compromise
# is unavoidable; from it on, the classifier stays with its noun.
_CLASSIFIER_FITS = 7

# Sentences of everyday family drama with the words a reader must see whole. Not the demo's.
SENTENCES = [
    ("医生说你血压有点高，要按时吃药。", ["医生", "血压", "按时", "吃药"]),
    ("外面下雨了，记得带上雨伞再出门。", ["外面", "下雨", "记得", "雨伞", "出门"]),
    ("孩子们放假了，下个星期就回老家。", ["孩子", "放假", "星期", "老家"]),
    ("您别担心，我已经给您预约了体检。", ["担心", "已经", "预约", "体检"]),
    ("这件毛衣是我自己织的，暖和得很。", ["毛衣", "自己", "暖和"]),
    ("明天早上八点，我们在公园门口见面。", ["明天", "早上", "我们", "公园", "门口", "见面"]),
    ("老伴儿，你把电视声音调小一点儿。", ["电视", "声音"]),
    ("隔壁王阿姨送来了一篮子新鲜鸡蛋。", ["隔壁", "阿姨", "新鲜", "鸡蛋"]),
    ("手机没电了，充电器放在哪儿了？", ["手机", "充电器"]),
    ("我们一起去菜市场买点儿排骨吧。", ["我们", "一起", "菜市场", "排骨"]),
    ("爸爸年轻的时候，是村里最好的木匠。", ["爸爸", "年轻", "时候", "木匠"]),
    ("天气预报说，今天晚上有大风降温。", ["天气预报", "今天", "晚上", "降温"]),
]


@pytest.fixture(scope="module", autouse=True)
def dictionary_loaded() -> None:
    words.warm_up().join()


def _joined(pages: list[list[str]]) -> str:
    return "/".join("|".join(lines) for lines in pages)


@pytest.mark.parametrize(("text", "bad"), ISSUE_EXAMPLES)
@pytest.mark.parametrize("chars", [4, 5, 6, 7, 8, 10, 16])
def test_issue_examples_never_break_inside_a_word(text: str, bad: str, chars: int) -> None:
    if bad == "带了|条" and chars < _CLASSIFIER_FITS:
        pytest.skip("no layout keeps the phrase whole at this width")
    laid_out = _joined(wrap_cue(text, max_chars=chars, max_lines=4))
    assert bad not in laid_out
    assert laid_out.replace("|", "").replace("/", "") == text


@pytest.mark.parametrize(("text", "whole"), SENTENCES)
@pytest.mark.parametrize("chars", [4, 5, 6, 8, 11])
def test_words_stay_whole_on_one_line(text: str, whole: list[str], chars: int) -> None:
    pages = wrap_cue(text, max_chars=chars, max_lines=4)
    lines = [line for page in pages for line in page]
    assert "".join(lines) == text
    for word in whole:
        if len(word) <= chars:
            assert any(word in line for line in lines), (word, lines)


@pytest.mark.parametrize(
    ("text", "chars", "good"),
    [
        ("奶奶，我包得像不像？", 7, [["奶奶，", "我包得像不像？"]]),
        ("奶奶，我教您打视频。", 7, [["奶奶，", "我教您打视频。"]]),
        ("今天咱们一家包饺子。", 6, [["今天咱们", "一家包饺子。"]]),
        ("像个小元宝，真不错。", 6, [["像个小元宝，", "真不错。"]]),
        ("我给您带了条新围巾。", 7, [["我给您", "带了条新围巾。"]]),
    ],
)
def test_issue_examples_come_out_as_a_reader_would_break_them(
        text: str, chars: int, good: list[list[str]]) -> None:
    assert wrap_cue(text, max_chars=chars, max_lines=4) == good


# Amounts and set phrases of micro-dramas that jieba cuts in two, with the width from which a
# layout on the fewest pages keeps them whole (below it some compromise is unavoidable).
AMOUNTS_AND_PHRASES = [
    ("他花了3.5万元买了一台新的笔记本电脑", "3.5|万", 6),  # a decimal number and its unit
    ("一共花了1,000元钱我都记在本子上了", "1,000|元", 6),
    ("这是第2集的结尾部分你看完了吗", "第|2", 4),  # an ordinal
    ("你这是一石二鸟之计啊我早就看穿了", "之|计", 10),  # X之Y with a one-character Y
]


@pytest.mark.parametrize(("text", "bad", "chars"), [
    (text, bad, chars) for text, bad, from_chars in AMOUNTS_AND_PHRASES
    for chars in (4, 5, 6, 8, 10, 12, 16) if chars >= from_chars])
def test_amounts_and_set_phrases_stay_together(text: str, bad: str, chars: int) -> None:
    laid_out = _joined(wrap_cue(text, max_chars=chars, max_lines=2))
    assert bad not in laid_out and bad.replace("|", "/") not in laid_out
    assert laid_out.replace("|", "").replace("/", "") == text


def test_a_word_longer_than_a_line_is_the_only_one_cut() -> None:
    text = "中华人民共和国国务院新闻办公室今天举行发布会。"
    lines = [line for page in wrap_cue(text, max_chars=4, max_lines=8) for line in page]
    assert "".join(lines) == text
    assert all(len(line) <= 4 for line in lines)
    assert "发布会。" in lines or any(line.startswith("发布会") for line in lines)


def test_names_added_to_the_dictionary_stay_whole() -> None:
    text = "欧阳秀英和司马振华明天回村里。"
    before = words.bonds(text)
    words.add_words(["欧阳秀英", "司马振华"])
    after = words.bonds(text)
    assert after[1:4] == (words.INSIDE,) * 3 and after[6:9] == (words.INSIDE,) * 3
    assert before != after or before[1:4] == (words.INSIDE,) * 3
    for chars in (4, 5, 6):
        lines = [line for page in wrap_cue(text, max_chars=chars, max_lines=4) for line in page]
        assert any("欧阳秀英" in line for line in lines)
        assert any("司马振华" in line for line in lines)


def test_random_mixtures_keep_every_character_and_fit() -> None:
    rng = random.Random(1329)
    pool = [text for text, _ in SENTENCES] + [text for text, _ in ISSUE_EXAMPLES]
    for _ in range(60):
        text = "".join(rng.sample(pool, rng.randint(1, 3)))
        chars = rng.randint(4, 16)
        pages = wrap_cue(text, max_chars=chars, max_lines=rng.randint(1, 6))
        lines = [line for page in pages for line in page]
        assert "".join(lines) == text
        assert all(len(line) <= chars for line in lines)


_FRESH_PROCESS = """
import threading
from accessibility.subtitles import words
main = words.bonds("你们一起回家")  # the GUI thread, dictionary not loaded: no waiting
print(words.is_ready(), main)
found = []
worker = threading.Thread(target=lambda: found.append(words.bonds("你们一起回家")))
worker.start(); worker.join()  # a background thread loads it and gets real word bonds
print(words.is_ready(), found[0][1] == found[0][3] == words.INSIDE,
      words.bonds("你们一起回家") == found[0])
"""


def test_the_gui_thread_never_waits_for_the_dictionary() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _FRESH_PROCESS], capture_output=True,
                         text=True, timeout=120, check=True).stdout.splitlines()
    assert out[0] == "False (0, 0, 0, 0, 0, 0)"
    assert out[1] == "True True True"  # 你们 and 一起 are words; the GUI thread now has them


@pytest.mark.parametrize("chars", [7, 8, 9, 10, 11, 12])
def test_an_amount_takes_a_line_more_rather_than_a_break(chars: int) -> None:
    """Beside the picture a page holds up to six lines: "500万美元" stays on one of them."""
    text = "这个CEO的年薪是500万美元外加股票期权"
    pages = wrap_cue(text, max_chars=chars, max_lines=6)
    assert len(pages) == 1
    assert any("500万美元" in line for line in pages[0]), pages


def test_an_amount_never_costs_a_page_of_its_own() -> None:
    """Under the picture (two lines) keeping "500万美元" whole would need a second page that
    starts after "这个": the amount is split instead, on one page."""
    assert wrap_cue("这个CEO的年薪是500万美元外加股票期权", max_chars=10, max_lines=2) == [
        ["这个CEO的年薪是500", "万美元外加股票期权"]]
