"""Sizes and colours for older eyes, computed from the screen height.

Numbers follow docs/../PRODUCT table (at 1080p): body text ≥ 32 px normal / ≥ 48 px enlarged,
focusable targets ≥ 96 / ≥ 144 px, focus frame ≥ 4 px, subtitle line height ≥ 5 % / ≥ 8 % of
the screen height, contrast ≥ 7:1, line spacing ≥ 1.3, TV safe area 5 %.
Everything scales linearly with the height, so 720p and 2160p keep the same proportions.
"""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_HEIGHT = 1080
BODY_PX_AT_1080 = 34  # a little above the 32 px floor, so rounding never dips below it
TARGET_PX_AT_1080 = 100
FOCUS_FRAME_PX_AT_1080 = 6
LINE_SPACING = 1.35
SAFE_AREA = 0.05
ENLARGED_SUBTITLE_MIN_SHARE = 0.08

# Colours: every text/background pair here is ≥ 7:1 (WCAG 1.4.6); the focus frame is ≥ 3:1
# against both the page and a tile.
BACKGROUND = "#101010"
SURFACE = "#262626"
SURFACE_FOCUSED = "#3A3A3A"
TEXT = "#FFFFFF"
TEXT_SECONDARY = "#E6E6E6"
FOCUS = "#FFD21F"
ACCENT = "#7FD1FF"
# Pace badges and hints: soft tints that never carry meaning alone (a word is always there).
PACE_FAST = "#E0A040"
PACE_VERY_FAST = "#E07050"
PACE_HINT = "#FFE08A"
SUBTITLE_BOX = "rgba(0, 0, 0, 0.78)"
SUBTITLE_TEXT = {"white_on_dark": "#FFFFFF", "yellow_on_dark": "#FFE45C"}
FONT_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif")


@dataclass(frozen=True)
class Theme:
    screen_height: int
    enlarged: bool = False
    text_scale: float = 1.0
    enlarge_factor: float = 1.5
    tv_mode: bool = False
    subtitle_share: float = 0.06  # line height / screen height, normal size
    subtitle_colours: str = "white_on_dark"
    subtitles_beside: bool = True  # beside a vertical picture when the side bands allow
    screen_width: int = 0  # 0: assume 16:9

    @property
    def unit(self) -> float:
        return max(self.screen_height, 360) / REFERENCE_HEIGHT

    @property
    def factor(self) -> float:
        return self.enlarge_factor if self.enlarged else 1.0

    @property
    def body_px(self) -> int:
        return round(BODY_PX_AT_1080 * self.unit * self.text_scale * self.factor)

    @property
    def title_px(self) -> int:
        return round(self.body_px * 1.4)

    @property
    def small_px(self) -> int:
        """Secondary lines (progress, hints): still above the 32 px floor at 1080p."""
        return max(round(32 * self.unit * self.factor), round(self.body_px * 0.94))

    @property
    def target_px(self) -> int:
        return max(round(TARGET_PX_AT_1080 * self.unit * self.factor), round(self.body_px * 2.6))

    @property
    def focus_frame_px(self) -> int:
        return max(4, round(FOCUS_FRAME_PX_AT_1080 * self.unit))

    @property
    def spacing_px(self) -> int:
        return round(24 * self.unit * self.factor)

    @property
    def subtitle_line_px(self) -> int:
        share = self.subtitle_share * self.factor
        if self.enlarged:
            share = max(share, ENLARGED_SUBTITLE_MIN_SHARE)
        return round(self.screen_height * share)

    @property
    def subtitle_font_px(self) -> int:
        return round(self.subtitle_line_px / LINE_SPACING)

    @property
    def subtitle_text_colour(self) -> str:
        return SUBTITLE_TEXT.get(self.subtitle_colours, SUBTITLE_TEXT["white_on_dark"])

    def safe_margins(self) -> tuple[int, int]:
        """(left/right, top/bottom) margins: 5 % of each dimension in TV mode (overscan)."""
        width = self.screen_width or round(self.screen_height * 16 / 9)
        return self.safe_margin(width), self.safe_margin(self.screen_height)

    def safe_margin(self, extent: int) -> int:
        return round(extent * SAFE_AREA) if self.tv_mode else round(16 * self.unit)

    def window_stylesheet(self) -> str:
        """What the window itself needs; each screen carries ``stylesheet()``."""
        return f"QMainWindow, QStackedWidget {{ background: {BACKGROUND}; }}"

    def stylesheet(self) -> str:
        families = ", ".join(f'"{name}"' for name in FONT_FAMILIES)
        frame = self.focus_frame_px
        pad = round(self.spacing_px * 0.6)
        return f"""
* {{ font-family: {families}; }}
QWidget#screen, QMainWindow, QStackedWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {BACKGROUND}; border: none; }}
QLabel {{ color: {TEXT}; font-size: {self.body_px}px; background: transparent; }}
QLabel[role="title"] {{ font-size: {self.title_px}px; font-weight: bold; }}
QLabel[role="secondary"] {{ color: {TEXT_SECONDARY}; font-size: {self.small_px}px; }}
QLabel[role="message"] {{ font-size: {self.title_px}px; font-weight: bold; }}
QPushButton {{
    color: {TEXT}; background: {SURFACE}; font-size: {self.body_px}px;
    min-height: {self.target_px - 2 * frame}px; min-width: {self.target_px - 2 * frame}px;
    border: {frame}px solid {SURFACE}; border-radius: {round(frame * 2)}px;
    padding: {pad}px {round(pad * 1.4)}px;
}}
QPushButton:focus {{
    background: {SURFACE_FOCUSED}; border: {frame}px solid {FOCUS};
    font-size: {round(self.body_px * 1.06)}px;
}}
QPushButton[role="tile"] {{ text-align: center; }}
QPushButton[watched="true"] {{ color: {ACCENT}; }}
QPushButton[watched="true"]:focus {{ color: {TEXT}; }}
QPushButton[pace="fast"] {{ border-bottom: {frame}px solid {PACE_FAST}; }}
QPushButton[pace="very_fast"] {{ border-bottom: {frame}px solid {PACE_VERY_FAST}; }}
QPushButton[pace="fast"]:focus, QPushButton[pace="very_fast"]:focus {{
    border: {frame}px solid {FOCUS}; }}
QLabel[role="pace-hint"] {{ color: {PACE_HINT}; font-size: {self.small_px}px; }}
QFrame[role="panel"] {{ background: {SURFACE}; border-radius: {frame * 2}px; }}
"""
