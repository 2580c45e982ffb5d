from __future__ import annotations

import pytest

from accessibility.subtitles.markup import (
    strip_any_markup,
    strip_ass_markup,
    strip_html_markup,
    tidy_lines,
)


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("{\\an8\\b1}妈，{\\i1}我回来了{\\i0}。", "妈，我回来了。"),
        ("第一行\\N第二行\\n第三行", "第一行\n第二行\n第三行"),
        ("你好\\h\\h世界", "你好 世界"),
        ("{这是注释}看这里", "看这里"),
        ("{\\p1}m 0 0 l 100 0 100 100 0 100{\\p0}", ""),
        ("{\\pos(10,10)\\p2}m 0 0 l 10 0{\\p0}真正的台词", "真正的台词"),
        ("前{\\p1}m 0 0 l 1 1", "前"),
        ("{\\k20}卡{\\k30}拉{\\kf40}OK", "卡拉OK"),
        ("没有闭合的{括号", "没有闭合的{括号"),
    ],
)
def test_ass_markup_is_removed(raw: str, plain: str) -> None:
    assert strip_ass_markup(raw) == plain


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ('<i>你好</i> <font color="red">世界</font>', "你好 世界"),
        ("<b>再见</b>\\N{\\an8}第二行", "再见\n第二行"),
        ("<v 张三>你好</v> <v.loud 李四>吵</v>", "你好 吵"),
        ("<c.yellow.bg_blue>彩色</c> <lang en>Hi</lang>", "彩色 Hi"),
        ("<ruby>漢<rt>hàn</rt></ruby>字", "漢字"),
        ("前<00:00:02.000>后", "前后"),
        ("a &lt; b &amp; c &gt; d&nbsp;e", "a < b & c > d e"),
        ("I <3 you, 1 < 2", "I <3 you, 1 < 2"),
    ],
)
def test_html_and_vtt_markup_is_removed(raw: str, plain: str) -> None:
    assert strip_html_markup(raw) == plain


def test_any_markup_removes_both_kinds() -> None:
    assert strip_any_markup("{\\i1}<b>你好</b>{\\i0}\\N再见") == "你好\n再见"


def test_tidy_lines_collapses_spaces_and_drops_blank_and_invisible_characters() -> None:
    assert tidy_lines("  你好 \u3000 世界 \r\n\n\u200b\ufeff再见\x00 ") == "你好 世界\n再见"
