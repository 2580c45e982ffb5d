"""What the demo series says and how each episode is paced: the fixed script of 春风又起."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SERIES_TITLE = "春风又起"
FPS = 25
WIDTH = 720
HEIGHT = 1280
TITLE_CARD_FRAMES = 50  # 2.0 s: screenshot tests rely on a known flat picture there
FIRST_CUE_S = 2.6  # dialogue starts shortly after the title card


class Pacing(StrEnum):
    CALM = "calm"
    MODERATE = "moderate"
    FAST = "fast"


@dataclass(frozen=True)
class EpisodeScript:
    number: int
    pacing: Pacing
    frames: int
    title_colour: str  # "#RRGGBB", flat background of the title card
    lines: tuple[str, ...]
    burned_in: bool = False  # dialogue drawn into the picture instead of an .srt file
    dun_after_line: int | None = None  # index of the line a loud "dun" follows

    @property
    def duration_s(self) -> float:
        return self.frames / FPS

    @property
    def title_text(self) -> str:
        return f"{SERIES_TITLE} 第{self.number}集"


EPISODES: tuple[EpisodeScript, ...] = (
    EpisodeScript(
        number=1,
        pacing=Pacing.CALM,
        frames=36 * FPS,
        title_colour="#2E7D32",
        lines=(
            "奶奶，我回来啦！",
            "是小雨呀？快进屋坐。",
            "路上累不累？饿了吧？",
            "不累，我就是想您了。",
            "我给您带了条新围巾。",
            "这孩子，乱花什么钱。",
            "您戴上试试，可好看了。",
            "好看，奶奶心里暖和。",
        ),
    ),
    EpisodeScript(
        number=2,
        pacing=Pacing.FAST,
        frames=35 * FPS,
        title_colour="#1565C0",
        lines=(
            "奶奶，您的手镯呢？",
            "哎呀，手镯不见了！",
            "早上还戴在手上的。",
            "别急，咱们一起找。",
            "会不会落在菜园里？",
            "那是你爷爷留下的啊。",
            "您别哭，一定能找到。",
            "找到了！在鸡窝边上！",
        ),
        dun_after_line=1,
    ),
    EpisodeScript(
        number=3,
        pacing=Pacing.MODERATE,
        frames=35 * FPS,
        title_colour="#6A1B9A",
        lines=(
            "今天咱们一家包饺子。",
            "建国，你去和面吧。",
            "妈，这馅儿怎么调？",
            "多放白菜，少放点盐。",
            "奶奶，我包得像不像？",
            "像个小元宝，真不错。",
            "一家人在一起，真好。",
            "来，尝尝刚出锅的！",
        ),
    ),
    EpisodeScript(
        number=4,
        pacing=Pacing.MODERATE,
        frames=36 * FPS,
        title_colour="#E65100",
        lines=(
            "奶奶，我教您打视频。",
            "是按这个绿色的吗？",
            "对，按一下就通了。",
            "哎，我看见你爸爸了！",
            "妈，您身体还好吗？",
            "好着呢，你们放心吧。",
            "等花开了我们就回来。",
            "好，奶奶等你们回家。",
        ),
        burned_in=True,
    ),
)


def quick_episodes() -> tuple[EpisodeScript, ...]:
    """Two short episodes that still exercise every feature, to prove the generator quickly."""
    return (
        EpisodeScript(
            number=1,
            pacing=Pacing.MODERATE,
            frames=7 * FPS,
            title_colour=EPISODES[0].title_colour,
            lines=EPISODES[0].lines[:1],
        ),
        EpisodeScript(
            number=2,
            pacing=Pacing.FAST,
            frames=8 * FPS,
            title_colour=EPISODES[1].title_colour,
            lines=EPISODES[1].lines[:1],
            burned_in=True,
            dun_after_line=0,
        ),
    )
