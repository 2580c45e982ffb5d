"""Home: 继续观看 first and focused, then every series."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
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


@dataclass(frozen=True)
class ContinueTarget:
    """What 继续观看 will play."""

    series_index: int
    episode_index: int
    position_ms: int
    percent: int
    skipped: tuple[int, ...] = ()  # episode numbers passed over because they do not open
    finished: bool = False  # the series is watched to its end
    next_series: int | None = None  # what to offer after a finished series


@dataclass(frozen=True)
class SeriesSummary:
    series: Series
    watched: int


class HomeScreen(Screen):
    continue_requested = Signal()
    series_chosen = Signal(int)
    leave_requested = Signal()
    family_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(self.tr("长辈剧场"))
        self._title.setProperty("role", "title")
        self._hint = QLabel(self.tr("按“确定”键开始看"))
        self._hint.setProperty("role", "secondary")
        self._continue = QPushButton()
        self._continue.setObjectName("continue")
        self._continue.clicked.connect(self.continue_requested)
        self._tiles: list[QPushButton] = []
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._scroll = scroll_area(self._grid_host)
        self._empty = QLabel(self.tr("还没有剧集。请家人在“家人设置”里添加。"))
        self._empty.setWordWrap(True)
        self._empty.hide()
        # Last in the focus order, below the series: the family's way in, out of the
        # viewer's path.
        self.family_button = QPushButton(self.tr("家人设置"))
        self.family_button.setObjectName("family")
        self.family_button.setAccessibleName(self.family_button.text())
        self.family_button.clicked.connect(self.family_requested)
        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._hint)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(header)
        self._layout.addWidget(self._continue)
        self._layout.addWidget(self._empty)
        self._layout.addWidget(self._scroll, 1)
        self._layout.addWidget(self.family_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._summaries: list[SeriesSummary] = []
        self._target: ContinueTarget | None = None

    def show_library(self, summaries: list[SeriesSummary], target: ContinueTarget | None) -> None:
        same_series = [s.series for s in summaries] == [s.series for s in self._summaries]
        self._summaries = summaries
        self._target = target
        if same_series and len(self._tiles) == len(summaries):
            # Back on Home: only progress changed. Keep the tiles, their covers and layout.
            self._update_texts()
            return
        for tile in self._tiles:
            tile.deleteLater()
        self._tiles = []
        for index in range(len(summaries)):
            tile = QPushButton()
            tile.setProperty("role", "tile")
            tile.clicked.connect(lambda _=False, i=index: self.series_chosen.emit(i))
            self._tiles.append(tile)
        self._update_texts()
        self._relayout()

    def _update_texts(self) -> None:
        summaries, target = self._summaries, self._target
        self._continue.setVisible(bool(summaries))
        self._empty.setVisible(not summaries)
        if target is not None and summaries:
            text = self.continue_text(summaries, target)
            self._continue.setText(text)
            self._continue.setAccessibleName(text)
        for tile, summary in zip(self._tiles, summaries, strict=True):
            total = len(summary.series.episodes)
            progress = self.tr("已看 %1/%2 集").replace("%1", str(summary.watched))
            progress = progress.replace("%2", str(total))
            tile.setText(f"{summary.series.title}\n{progress}")
            tile.setAccessibleName(f"{summary.series.title}，{progress}")

    def continue_text(self, summaries: list[SeriesSummary], target: ContinueTarget) -> str:
        series = summaries[target.series_index].series
        if target.finished:
            if target.next_series is not None:
                following = summaries[target.next_series].series.title
                return self.tr("《%1》已看完 · 接着看《%2》").replace(
                    "%1", series.title).replace("%2", following)
            return self.tr("《%1》已看完 · 从头再看").replace("%1", series.title)
        episode = series.episodes[target.episode_index]
        if target.position_ms > 0:
            text = self.tr("继续观看  %1 · %2 · 已看 %3%")
            text = text.replace("%3", str(target.percent))
        else:
            text = self.tr("开始观看  %1 · %2")
        text = text.replace("%1", series.title).replace("%2", episode_label(episode.number))
        if target.skipped:
            skipped = "、".join(episode_label(n) for n in target.skipped)
            text += self.tr("（%1打不开）").replace("%1", skipped)
        return text

    def set_cover(self, series_index: int, image: QImage) -> None:
        if 0 <= series_index < len(self._tiles) and not image.isNull():
            self._tiles[series_index].setIcon(QIcon(QPixmap.fromImage(image)))
            self._apply_icon_size(self._tiles[series_index])

    def cover_size(self) -> QSize:
        height = round(self.theme.target_px * 2.4) if self._theme is not None else 160
        return QSize(round(height * 9 / 16), height)

    def has_cover(self, series_index: int) -> bool:
        return not self._tiles[series_index].icon().isNull()

    def _apply_icon_size(self, tile: QPushButton) -> None:
        if self._theme is not None:
            height = round(self.theme.target_px * 2.4)
            tile.setIconSize(QSize(round(height * 9 / 16), height))

    def _relayout(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        columns = 3
        for index, tile in enumerate(self._tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
            self._apply_icon_size(tile)
            tile.show()  # a layout shows new children only on the next event-loop pass
        self._grid.setRowStretch(len(self._tiles) // columns + 1, 1)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.lay_out_page(self._layout, self._grid)
        self._continue.setMinimumHeight(round(theme.target_px * 1.5))
        for tile in self._tiles:
            self._apply_icon_size(tile)

    def focusables(self) -> list[QWidget]:
        return [self._continue, *self._tiles, self.family_button]

    def initial_focus(self) -> QWidget | None:
        return self._continue if self._continue.isVisible() else super().initial_focus()

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.leave_requested.emit()
            return True
        return super().handle_action(action)
