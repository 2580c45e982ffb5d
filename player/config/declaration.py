"""Every preference, declared once.

The family settings screen, validation, defaults, import/export and docs/settings.md are
all made from ``OPTIONS``. To add a preference, add one ``Option`` here (and regenerate
the docs with ``python -m player.config.docs > docs/settings.md``).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SETTINGS_VERSION = 1


class Kind(enum.Enum):
    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    CHOICE = "choice"
    TEXT = "text"
    TEXT_LIST = "text_list"


@dataclass(frozen=True)
class Choice:
    value: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class Option:
    key: str  # "group.name"
    kind: Kind
    default: Any
    label_zh: str
    label_en: str
    help_zh: str
    help_en: str
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    unit: str = ""
    choices: tuple[Choice, ...] = field(default=())
    secret: bool = False  # never exported unless asked, never shown
    on_screen: bool = True  # listed on the family settings screen
    restyles: bool = False  # a change re-draws every screen in a new theme (sizes, colours)

    @property
    def group(self) -> str:
        return self.key.split(".", 1)[0]


@dataclass(frozen=True)
class Group:
    """The heading the family settings screen shows above a group's options."""

    key: str  # the part of an option's key before the dot
    heading_zh: str
    heading_en: str


class InvalidValue(ValueError):
    """A value that does not fit its option; ``reason`` is a short English phrase."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


def validate(option: Option, value: Any) -> Any:
    """Return ``value`` in the option's own type, or raise ``InvalidValue``."""
    kind = option.kind
    if kind is Kind.BOOL:
        if isinstance(value, bool):
            return value
        raise InvalidValue(option.key, "must be true or false")
    if kind in (Kind.INT, Kind.FLOAT):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidValue(option.key, "must be a number")
        if kind is Kind.INT:
            if isinstance(value, float) and not value.is_integer():
                raise InvalidValue(option.key, "must be a whole number")
            value = int(value)
        else:
            try:
                value = float(value)
            except OverflowError:  # an int with hundreds of digits
                raise InvalidValue(option.key, "must be a finite number") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidValue(option.key, "must be a finite number")
        if option.minimum is not None and value < option.minimum:
            raise InvalidValue(option.key, f"must be at least {option.minimum:g}")
        if option.maximum is not None and value > option.maximum:
            raise InvalidValue(option.key, f"must be at most {option.maximum:g}")
        return value
    if kind is Kind.CHOICE:
        allowed = [choice.value for choice in option.choices]
        if value in allowed:
            return value
        raise InvalidValue(option.key, "must be one of " + ", ".join(allowed))
    if kind is Kind.TEXT:
        if isinstance(value, str) and len(value) <= 4096:
            return value
        raise InvalidValue(option.key, "must be text")
    if kind is Kind.TEXT_LIST:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise InvalidValue(option.key, "must be a list of text")
    raise AssertionError(kind)


_LEVELS = (
    Choice("calm", "平缓", "calm"),
    Choice("moderate", "适中", "moderate"),
    Choice("fast", "较快", "fast"),
    Choice("very_fast", "很快", "very fast"),
    Choice("never", "从不", "never"),
)

OPTIONS: tuple[Option, ...] = (
    # --- interface ---------------------------------------------------------------------
    Option("ui.language", Kind.CHOICE, "zh", "界面语言", "Language",
           "菜单和提示使用的语言。", "The language of menus and messages.",
           choices=(Choice("zh", "中文", "Chinese"), Choice("en", "English", "English"))),
    Option("ui.enlarged", Kind.BOOL, False, "一键放大", "Enlarged",
           "整个界面和字幕是否放大显示。", "Whether the whole interface and the subtitles are enlarged.", restyles=True),
    Option("ui.text_scale", Kind.FLOAT, 1.0, "文字大小", "Text size",
           "正常状态下的文字大小，1.0 为标准（已符合长辈模式）。",
           "Text size in normal mode; 1.0 is the standard (already elder-mode size).",
           minimum=1.0, maximum=1.6, step=0.1, unit="×", restyles=True),
    Option("ui.enlarge_factor", Kind.FLOAT, 1.5, "放大倍数", "Enlarge factor",
           "一键放大时文字和按钮放大的倍数。", "How much one-tap enlarge grows text and buttons.",
           minimum=1.25, maximum=2.0, step=0.25, unit="×", restyles=True),
    Option("ui.tv_mode", Kind.BOOL, False, "电视模式", "TV mode",
           "全屏显示，隐藏鼠标，四周留出安全边距。",
           "Full screen, no mouse pointer, content kept clear of the screen edges.", restyles=True),
    # --- subtitles -------------------------------------------------------------------------
    Option("subtitles.enabled", Kind.BOOL, True, "显示字幕", "Show subtitles",
           "由本软件用大字重新显示字幕。", "Show subtitles, drawn large by SilverReel."),
    Option("subtitles.size", Kind.FLOAT, 6.0, "字幕大小", "Subtitle size",
           "字幕行高占屏幕高度的百分比（放大时再乘以放大倍数）。",
           "Subtitle line height as a percentage of the screen height (times the enlarge factor when enlarged).",
           minimum=5.0, maximum=12.0, step=0.5, unit="%", restyles=True),
    Option("subtitles.position", Kind.CHOICE, "beside", "字幕位置", "Subtitle position",
           "竖屏视频两侧有空白时，字幕放在画面旁边还是画面上。",
           "For vertical video on a wide screen: subtitles beside the picture or over it.",
           choices=(Choice("beside", "画面旁边", "beside the picture"),
                    Choice("over", "画面下方", "over the picture")), restyles=True),
    Option("subtitles.colours", Kind.CHOICE, "white_on_dark", "字幕颜色", "Subtitle colours",
           "字幕文字和底框的颜色。", "Colours of the subtitle text and its box.",
           choices=(Choice("white_on_dark", "白字黑底", "white on dark"),
                    Choice("yellow_on_dark", "黄字黑底", "yellow on dark")), restyles=True),
    Option("subtitles.reading_speed", Kind.FLOAT, 5.0, "阅读速度", "Reading speed",
           "一句字幕要分几页显示时，每页至少按这个速度留够阅读时间（每秒几个字）。",
           "When a subtitle needs several pages, each page stays at least long enough to read "
           "at this many characters a second.",
           minimum=2.0, maximum=10.0, step=0.5, unit="字/秒"),
    # --- read-out --------------------------------------------------------------------------
    Option("readout.enabled", Kind.BOOL, True, "朗读字幕", "Read subtitles aloud",
           "用普通话读出每一句字幕。", "Speak each subtitle line in Mandarin."),
    Option("readout.rate", Kind.INT, 85, "朗读语速", "Reading speed",
           "100 为普通人说话的速度，数字越小越慢。", "100 is ordinary speech; lower is slower.",
           minimum=50, maximum=130, step=5, unit="%"),
    Option("readout.volume", Kind.INT, 90, "朗读音量", "Reading volume",
           "朗读声音的大小。", "Loudness of the reading voice.",
           minimum=10, maximum=100, step=10, unit="%"),
    Option("readout.listen_mode", Kind.BOOL, False, "听读模式", "Listen-and-read mode",
           "一句字幕没读完时先暂停画面，读完再继续，不漏掉任何一句。",
           "Pause the episode until each line has been read out, so no line is missed."),
    Option("readout.duck", Kind.INT, 40, "朗读时剧集音量", "Drama volume while reading",
           "朗读时把剧集本身的声音降到多少。", "How loud the drama's own sound stays while a line is read.",
           minimum=0, maximum=100, step=10, unit="%"),
    Option("readout.announce", Kind.BOOL, True, "播报操作", "Announce actions",
           "读出选中的项目和发生的事情，例如“第 3 集，已看完”。",
           "Speak what is selected and what happens, e.g. \"Episode 3, watched\"."),
    # --- playback and sound ----------------------------------------------------------------
    Option("playback.auto_next", Kind.BOOL, True, "自动播放下一集", "Play next episode",
           "一集看完后自动开始下一集。", "Start the next episode when one ends."),
    Option("playback.volume", Kind.INT, 80, "音量", "Volume",
           "剧集的音量。", "Volume of the episodes.", minimum=0, maximum=100, step=5, unit="%"),
    Option("sound.max_volume", Kind.INT, 100, "最大音量", "Maximum volume",
           "音量不能超过这个值。", "The volume never goes above this.",
           minimum=20, maximum=100, step=5, unit="%"),
    Option("sound.leveling", Kind.BOOL, True, "音量均衡", "Even loudness",
           "把每一集调到相同的响度，避免忽大忽小。",
           "Bring every episode to the same loudness, so none is suddenly louder."),
    Option("sound.target_lufs", Kind.FLOAT, -24.0, "目标响度", "Target loudness",
           "均衡的目标响度（中国电视标准为 −24 LKFS）。",
           "Loudness every episode is brought to (Chinese TV standard: −24 LKFS).",
           minimum=-31.0, maximum=-16.0, step=1.0, unit="LKFS"),
    Option("sound.soften_jumps", Kind.BOOL, True, "柔化突然的响声", "Soften sudden bangs",
           "在突然变响的音效前自动调低音量。", "Lower the volume just before sudden loud effects."),
    Option("sound.dialogue_clarity", Kind.BOOL, False, "人声增强", "Clearer dialogue",
           "降低背景音乐，突出人声。", "Lower background music and lift speech."),
    # --- calm pacing -------------------------------------------------------------------------
    Option("pacing.moderate_cpm", Kind.FLOAT, 12.0, "“适中”起点", "\"Moderate\" from",
           "每分钟镜头切换次数达到多少算“适中”。", "Cuts per minute from which an episode is moderate.",
           minimum=5.0, maximum=60.0, step=1.0, unit="次/分"),
    Option("pacing.fast_cpm", Kind.FLOAT, 20.0, "“较快”起点", "\"Fast\" from",
           "每分钟镜头切换次数达到多少算“较快”。", "Cuts per minute from which an episode is fast.",
           minimum=10.0, maximum=90.0, step=1.0, unit="次/分"),
    Option("pacing.very_fast_cpm", Kind.FLOAT, 30.0, "“很快”起点", "\"Very fast\" from",
           "每分钟镜头切换次数达到多少算“很快”。", "Cuts per minute from which an episode is very fast.",
           minimum=15.0, maximum=150.0, step=1.0, unit="次/分"),
    Option("pacing.badge", Kind.BOOL, True, "显示节奏标记", "Show pace badges",
           "在每一集上标出画面节奏。", "Mark each episode with its pace."),
    Option("pacing.notice_from", Kind.CHOICE, "fast", "播放前提醒", "Warn before playing",
           "节奏达到这一级时，播放前先提醒。", "Warn before playing episodes at or above this pace.",
           choices=_LEVELS[1:]),
    Option("pacing.indicator", Kind.BOOL, True, "快切换预告", "Burst indicator",
           "快速切换或闪烁前几秒给出轻柔提示。",
           "A gentle sign a few seconds before rapid cuts or flashes."),
    Option("pacing.skip_from", Kind.CHOICE, "never", "自动跳过", "Skip episodes",
           "节奏达到这一级的剧集直接跳过。", "Skip episodes at or above this pace.",
           choices=_LEVELS[1:]),
    # pacing notice: what happens when nobody answers it
    Option("pacing.notice_wait_s", Kind.INT, 20, "提醒等待时间", "Notice waits",
           "节奏提醒没人回答时，等多少秒后按“没人回答时”的选择办，0 为一直等。",
           "Seconds the pacing notice waits for an answer before doing what is chosen below;"
           " 0 waits for ever.", minimum=0, maximum=120, step=5, unit="秒"),
    Option("pacing.notice_default", Kind.CHOICE, "play", "没人回答时", "With no answer",
           "节奏提醒等够时间后：接着播放这一集，换一集平缓些的，或回到剧集页。",
           "After the wait: play the episode, play a calmer one, or go back to the series.",
           choices=(Choice("play", "接着播放", "play it"),
                    Choice("other", "换一集", "play another"),
                    Choice("back", "回到剧集页", "back to the series"))),
    # --- calm picture ----------------------------------------------------------------------
    Option("picture.dim_flashes", Kind.BOOL, True, "减弱闪烁", "Dim flashing lights",
           "画面快速闪烁时自动调暗画面（字幕和文字不变）。",
           "Dim the picture while it flashes (subtitles and text stay as they are)."),
    Option("picture.soften_cuts", Kind.BOOL, False, "柔化转场", "Soften hard cuts",
           "镜头突然切换时用很短的淡入淡出过渡。",
           "A short cross-fade at each hard cut instead of a sudden jump."),
    Option("picture.soften_ms", Kind.INT, 200, "转场时长", "Cross-fade length",
           "柔化转场的淡入淡出持续多久。", "How long the cross-fade at a cut lasts.",
           minimum=150, maximum=300, step=50, unit="毫秒"),
    Option("picture.soften_where", Kind.CHOICE, "every", "柔化哪些转场", "Which cuts to soften",
           "每一次切换都柔化，还是只在快速连续切换时柔化。",
           "Soften every cut, or only those inside rapid bursts of cuts.",
           choices=(Choice("every", "每次切换", "every cut"),
                    Choice("bursts", "只在快速切换时", "only in bursts"))),
    Option("picture.slow_bursts", Kind.BOOL, False, "快速切换时放慢", "Slow down fast bursts",
           "镜头快速连续切换的段落稍微放慢播放，声音音调不变，过后恢复正常速度。",
           "Play the stretches of rapid cuts a little slower (voices keep their pitch), then "
           "go back to normal speed."),
    Option("picture.burst_rate", Kind.INT, 90, "放慢到", "Slow bursts to",
           "快速切换段落的播放速度，100% 为正常速度。",
           "Playback speed in bursts of rapid cuts; 100 % is normal speed.",
           minimum=80, maximum=95, step=5, unit="%"),
    # --- rest ----------------------------------------------------------------------------------
    Option("rest.reminder_minutes", Kind.INT, 60, "休息提醒", "Rest reminder",
           "连续观看多少分钟后提醒休息，0 为不提醒。",
           "Remind to rest after this many minutes of watching; 0 turns it off.",
           minimum=0, maximum=240, step=15, unit="分钟"),
    # --- a remote that forgives, and straight to the programme -------------------------------
    Option("remote.hold_repeat_ms", Kind.INT, 1000, "长按连续移动", "Held arrows repeat after",
           "方向键按住多久以后才开始连续移动（每秒两步）；确定键和返回键按住不放也只算一次。",
           "How long an arrow key must be held before it moves on by itself (two steps a "
           "second); OK and Back act once however long they are held.",
           minimum=500, maximum=3000, step=250, unit="毫秒"),
    Option("remote.double_press_ms", Kind.INT, 350, "忽略手抖连按", "Ignore double presses",
           "同一个键松开后这么短的时间内又按一次，当作手抖，不算数；0 为不忽略。",
           "A second press of the same key this soon after letting it go is taken for a "
           "tremor and ignored; 0 turns this off.",
           minimum=0, maximum=1000, step=50, unit="毫秒"),
    Option("playback.resume_on_start", Kind.BOOL, False, "开机直接续播", "Resume on start",
           "打开长辈剧场后，先大声说一句，几秒后自动接着播放上次没看完的剧集；按任意键取消。",
           "When SilverReel opens, it says so aloud and after a few seconds goes on with the "
           "episode last left unfinished; any key cancels.",),
    # --- library ---------------------------------------------------------------------------------
    Option("library.sources", Kind.TEXT_LIST, [], "剧集来源", "Episode sources",
           "文件夹、U 盘、播放列表或网址。", "Folders, USB sticks, playlists or web addresses."),
    # --- casting (投屏) ----------------------------------------------------------------------------
    Option("cast.enabled", Kind.BOOL, False, "允许手机投屏", "Allow casting from phones",
           "打开后，家里手机上的视频软件可以把视频投到这台电视上播放（DLNA 投屏）。第一次投屏的手机会先在屏幕上询问。",
           "When on, video apps on the family's phones can cast to this TV (DLNA). A phone casting for the first time is asked about on screen first."),
    Option("cast.allowed_devices", Kind.TEXT_LIST, [], "允许投屏的设备", "Phones allowed to cast",
           "回答过“可以”的手机；忘记后，它下次投屏时会再询问。",
           "Phones that were answered \"yes\"; a forgotten phone is asked about again next time."),
    # --- family ------------------------------------------------------------------------------------
    Option("family.pin_hash", Kind.TEXT, "", "家人设置密码", "Family PIN",
           "进入家人设置的密码（只保存加密后的摘要）。",
           "PIN for the family settings (only a salted hash is kept).",
           secret=True, on_screen=False),
)

OPTIONS_BY_KEY: Mapping[str, Option] = {option.key: option for option in OPTIONS}

# The keys whose change re-draws the screens in a new theme.
THEME_KEYS: frozenset[str] = frozenset(option.key for option in OPTIONS if option.restyles)

# One heading per group, in the order the family settings screen lists them.
GROUPS: tuple[Group, ...] = (
    Group("ui", "界面", "Interface"),
    Group("subtitles", "字幕", "Subtitles"),
    Group("readout", "朗读", "Reading aloud"),
    Group("playback", "播放", "Playback"),
    Group("sound", "声音", "Sound"),
    Group("pacing", "剪辑节奏", "Editing pace"),
    Group("picture", "画面", "Picture"),
    Group("rest", "休息", "Rest"),
    Group("remote", "遥控器", "Remote control"),
    Group("library", "剧集来源", "Episode sources"),
    Group("cast", "手机投屏", "Casting from phones"),
    Group("family", "家人", "Family"),
)
GROUPS_BY_KEY: Mapping[str, Group] = {group.key: group for group in GROUPS}


def defaults() -> dict[str, Any]:
    return {option.key: _copy(option.default) for option in OPTIONS}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
