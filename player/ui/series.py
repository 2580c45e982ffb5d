"""Series: 从第 N 集继续 focused, then a grid of large episode numbers with watched marks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accessibility.theme import Theme
from player.library.model import Series
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.scrolling import scroll_area
from player.ui.strings import episode_label

_COLUMNS = 6


class SeriesScreen(Screen):
    episode_chosen = Signal(int)  # episode index
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        self._title.setProperty("role", "title")
        self._resume_index = 0
        self._pending_focus: int | None = None
        self._resume = QPushButton()
        self._resume.setObjectName("resume")
        self._resume.clicked.connect(lambda: self.episode_chosen.emit(self._resume_index))
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)  # right under 从第 N 集继续
        self._scroll = scroll_area(self._grid_host)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._title)
        self._layout.addWidget(self._resume)
        self._layout.addWidget(self._scroll, 1)
        self._buttons: list[QPushButton] = []
        self._series: Series | None = None

    @property
    def series(self) -> Series | None:
        return self._series

    def show_series(self, series: Series, watched: set[int], resume_index: int,
                    focus_index: int | None = None) -> None:
        """``watched`` holds episode indexes; ``focus_index`` is focused instead of 继续."""
        self._series = series
        self._resume_index = resume_index
        self._title.setText(series.title)
        resume_label = episode_label(series.episodes[resume_index].number)
        text = self.tr("从%1继续") if resume_index or watched else self.tr("从%1开始")
        self._resume.setText(text.replace("%1", resume_label))
        self._resume.setAccessibleName(self._resume.text())
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self._watched = set(watched)
        self._paces: dict[int, str] = {}
        for index, episode in enumerate(series.episodes):
            done = index in watched
            button = QPushButton(f"{episode.number}" + (" ✓" if done else ""))
            button.setProperty("role", "tile")
            button.setProperty("watched", "true" if done else "false")
            state = self.tr("已看完") if done else self.tr("未看")
            button.setAccessibleName(f"{episode_label(episode.number)}，{state}")
            button.clicked.connect(lambda _=False, i=index: self.episode_chosen.emit(i))
            self._grid.addWidget(button, index // _COLUMNS, index % _COLUMNS)
            button.show()  # a layout shows new children only on the next event-loop pass
            self._buttons.append(button)
        self._pending_focus = focus_index

    def initial_focus(self) -> QWidget | None:
        pending = self._pending_focus
        if pending is not None and 0 <= pending < len(self._buttons):
            return self._buttons[pending]
        return self._resume

    def set_pace(self, index: int, word: str | None, level: str | None) -> None:
        """A calm badge under the episode number: a word (never colour alone) and a tint."""
        if self._series is None or not 0 <= index < len(self._buttons):
            return
        button = self._buttons[index]
        number = self._series.episodes[index].number
        done = index in self._watched
        first = f"{number}" + (" ✓" if done else "")
        button.setText(f"{first}\n{word}" if word else first)
        button.setProperty("pace", level or "")
        button.style().unpolish(button)
        button.style().polish(button)
        state = self.tr("已看完") if done else self.tr("未看")
        name = f"{episode_label(number)}，{state}"
        button.setAccessibleName(f"{name}，{self.tr('画面节奏')}{word}" if word else name)
        if word:
            self._paces[index] = word
        else:
            self._paces.pop(index, None)

    def pace(self, index: int) -> str | None:
        return self._paces.get(index)

    def episode_button(self, index: int) -> QPushButton:
        return self._buttons[index]

    def focusables(self) -> list[QWidget]:
        return [self._resume, *self._buttons]

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.lay_out_page(self._layout, self._grid)
        self._resume.setMinimumHeight(round(theme.target_px * 1.2))

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.back_requested.emit()
            return True
        return super().handle_action(action)
