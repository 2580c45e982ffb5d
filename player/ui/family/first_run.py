"""First-run setup, in large type and spoken: a few steps, a few big choices each.

1 welcome (set up now, or straight to the demo) · 2 a preset · 3 the PIN (``PinScreen``)
· 4 where episodes come from. Back goes one step back; the controller keeps the order.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.config.presets import PRESETS
from player.ui.button_page import ButtonPage
from player.ui.family.texts import preset_help, preset_label
from player.ui.scrolling import fill_with_scrolling

TOTAL_STEPS = 4
_Choice = tuple[str, Callable[[], object]]  # the button's text, what it does
MAX_PLACES = 2  # with 先看示范剧, three choices at most


class Step(enum.IntEnum):
    WELCOME = 1
    PRESET = 2
    PIN = 3
    SOURCES = 4


class FirstRunScreen(ButtonPage):
    setup_chosen = Signal()
    demo_chosen = Signal()
    preset_chosen = Signal(str)  # preset key
    source_chosen = Signal(str)  # folder path
    rescan_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_label = QLabel()
        self.step_label.setProperty("role", "secondary")
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self._hint = QLabel()
        self._hint.setProperty("role", "secondary")
        self._hint.setWordWrap(True)
        grid_host = QWidget()
        self._grid = QGridLayout(grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        fill_with_scrolling(self, content)
        self._layout = QVBoxLayout(content)
        self._layout.addStretch(1)
        for widget in (self.step_label, self.title, self.text, grid_host, self._hint):
            self._layout.addWidget(widget)
        self._layout.addStretch(2)
        self.step = Step.WELCOME

    # --- steps ------------------------------------------------------------------------------
    def show_welcome(self) -> str:
        return self._show(
            Step.WELCOME, self.tr("欢迎使用长辈剧场"),
            self.tr("家人花一分钟做个设置，以后就不用再管了。也可以先直接看示范剧。"),
            [(self.tr("开始设置"), self.setup_chosen.emit),
             (self.tr("直接看示范剧"), self.demo_chosen.emit)],
        )

    def show_presets(self) -> str:
        choices: list[_Choice] = [(preset_label(p), partial(self.preset_chosen.emit, p.key))
                                  for p in PRESETS]
        text = self.tr("长辈哪方面要多照顾？选一项，以后还可以在家人设置里调整。")
        return self._show(Step.PRESET, self.tr("选一组合适的设置"), text, choices,
                          names=[f"{preset_label(p)}：{preset_help(p)}" for p in PRESETS])

    def show_sources(self, places: list[tuple[str, str]]) -> str:
        """``places``: (what to call it, folder path), USB sticks first."""
        shown = places[:MAX_PLACES]
        choices: list[_Choice] = [(label, partial(self.source_chosen.emit, path))
                                  for label, path in shown]
        if shown:
            text = self.tr("剧集放在哪里？选一个，以后还可以在家人设置里添加更多。")
        else:
            text = self.tr("没有找到 U 盘或视频文件夹。插上 U 盘后选“重新查找”，"
                           "也可以先看示范剧。")
            choices.append((self.tr("重新查找"), self.rescan_requested.emit))
        choices.append((self.tr("先看示范剧"), self.demo_chosen.emit))
        return self._show(Step.SOURCES, self.tr("剧集从哪里来"), text, choices)

    def _show(self, step: Step, title: str, text: str, choices: list[_Choice],
              names: list[str] | None = None) -> str:
        self.step = step
        self.step_label.setText(step_text(step))
        self.title.setText(title)
        self.text.setText(text)
        back = self.tr("按返回键回到上一步。") if step > Step.WELCOME else \
            self.tr("按返回键跳过设置。")
        self._hint.setText(self.tr("用方向键选，按“确定”键。") + back)
        self._drop_buttons()
        columns = 2
        for index, (label, action) in enumerate(choices):
            button = QPushButton(label)
            button.setProperty("role", "big")
            button.setAccessibleName(names[index] if names else label)
            button.clicked.connect(lambda _=False, act=action: act())
            self._grid.addWidget(button, index // columns, index % columns)
            button.show()  # now, not on the layout's next pass: it is about to take focus
            self._buttons.append(button)
        if self._theme is not None:
            self.apply_theme(self._theme)
        return " ".join([self.step_label.text(), title, text])

    def back(self) -> None:
        self.back_requested.emit()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.safe_margin(theme.screen_height)
        self._layout.setContentsMargins(margin * 3, margin, margin * 3, margin)
        self._layout.setSpacing(theme.spacing_px)
        self._grid.setSpacing(theme.spacing_px)


    def extra_style(self) -> str:
        theme = self._theme
        if theme is None:
            return ""
        return (f'QPushButton[role="big"] {{ font-size: {theme.title_px}px;'
                f" min-height: {round(theme.target_px * 1.3)}px; }}")


def step_text(step: Step) -> str:
    return QCoreApplication.translate("FirstRunScreen", "第 %1 步，共 %2 步").replace(
        "%1", str(int(step))).replace("%2", str(TOTAL_STEPS))
