"""Dialogue of the kind micro-dramas have, and subtitle files made from it."""

from __future__ import annotations

from accessibility.subtitles.model import Cue

SIMPLIFIED = (
    "妈，我回来了。",
    "你怎么才回来？饭都凉了。",
    "对不起，公司临时加班。",
    "这个项目对我来说太重要了。",
    "爸，您的身体怎么样了？",
    "医生说要好好休息，别担心。",
    "她根本不配当我们家的儿媳妇！",
    "你给我滚出去！",
    "总裁，会议马上就要开始了。",
    "我等了你整整三年。",
    "你知道这块玉佩是谁留下的吗？",
    "原来你才是真正的千金小姐。",
    "从今天起，这个家由我说了算。",
    "奶奶，我给您带了您最爱吃的饺子。",
    "别哭了，一切都会好起来的。",
    "谢谢你一直陪在我身边。",
    "这份合同你必须今天签字。",
    "他到底隐瞒了我们什么？",
    "我不会再让任何人欺负你。",
    "孩子们都长大了，我也老了。",
    "快叫救护车！",
    "你们这些年过得好吗？",
    "我早就看穿了你的把戏。",
    "只要你愿意，我们可以重新开始。",
    "明天早上八点，在老地方见。",
    "这件事千万不能让妈知道。",
    "你凭什么这么对我？",
    "我已经决定离开这座城市了。",
    "当年的事，是我对不起你。",
    "我们回家吧。",
)

# The same lines in Traditional characters, as a Taiwan or Hong Kong file would have them.
TRADITIONAL = (
    "媽，我回來了。",
    "你怎麼才回來？飯都涼了。",
    "對不起，公司臨時加班。",
    "這個項目對我來說太重要了。",
    "爸，您的身體怎麼樣了？",
    "醫生說要好好休息，別擔心。",
    "她根本不配當我們家的兒媳婦！",
    "你給我滾出去！",
    "總裁，會議馬上就要開始了。",
    "我等了你整整三年。",
    "你知道這塊玉佩是誰留下的嗎？",
    "原來你才是真正的千金小姐。",
    "從今天起，這個家由我說了算。",
    "奶奶，我給您帶了您最愛吃的餃子。",
    "別哭了，一切都會好起來的。",
    "謝謝你一直陪在我身邊。",
    "這份合同你必須今天簽字。",
    "他到底隱瞞了我們什麼？",
    "我不會再讓任何人欺負你。",
    "孩子們都長大了，我也老了。",
    "快叫救護車！",
    "你們這些年過得好嗎？",
    "我早就看穿了你的把戲。",
    "只要你願意，我們可以重新開始。",
    "明天早上八點，在老地方見。",
    "這件事千萬不能讓媽知道。",
    "你憑什麼這麼對我？",
    "我已經決定離開這座城市了。",
    "當年的事，是我對不起你。",
    "我們回家吧。",
)


def cues_for(lines: tuple[str, ...] | list[str]) -> tuple[Cue, ...]:
    return tuple(
        Cue(start_ms=2000 * index + 500, end_ms=2000 * index + 1900, text=line)
        for index, line in enumerate(lines)
    )


def _srt_time(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def srt_text(cues: tuple[Cue, ...]) -> str:
    blocks = [
        f"{number}\n{_srt_time(cue.start_ms)} --> {_srt_time(cue.end_ms)}\n{cue.text}\n"
        for number, cue in enumerate(cues, start=1)
    ]
    return "\n".join(blocks)


def short_windows(lines: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every run of 1, 2 and 3 consecutive lines: short files are where detection is hardest."""
    return [lines[i : i + size] for size in (1, 2, 3) for i in range(len(lines) - size + 1)]


SAMPLE_SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\n<i>妈，</i><b>我回来了。</b>\n\n"
    '2\n00:00:03,000 --> 00:00:04,000\n{\\an8}<font color="#ffff00">你怎么才回来？</font>\n'
    "饭都凉了。\n"
)
SAMPLE_VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:02.500 align:start position:10%\n<v 妈妈>你回来了。</v>\n\n"
    "cue-2\n00:00:03.000 --> 00:00:04.000 line:0\n<c.yellow>饭都凉了</c>，快吃吧。\n"
)
SAMPLE_ASS = """[Script Info]
ScriptType: v4.00+
PlayResX: 384
PlayResY: 288

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Noto Sans CJK SC,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,\
100,0,0,1,2,2,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\an8\\b1}妈，{\\i1}我回来了{\\i0}。
Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,你怎么才回来？\\N饭都凉了。
"""
