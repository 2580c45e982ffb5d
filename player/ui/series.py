"""Series: 从第 N 集继续 focused, then a page of large episode tiles with their states.

A series can be very long (some sources list tens of thousands of episodes). Only one page
of tiles exists at a time (``PAGE_SIZE`` episodes, the way Chinese video apps group episodes
as 1–30, 31–60 …): going past the last row or the first row turns the page. Building a
widget per episode instead froze the window for seconds with 50,000 episodes and grew its
memory by hundreds of megabytes; a QListView with a delegate would also be lazy, but the
tiles must stay ordinary focusable buttons for the six-key spatial focus model and for
screen readers, so pages of real buttons are kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accessibility.theme import Theme
from player.library.model import Series
from player.ui.episode_tile import dress_tile, new_tile, tile_style
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.scrolling import scroll_area
from player.ui.strings import episode_label
from player.ui.whole_rows import fit_whole_rows

COLUMNS = 6
PAGE_SIZE = 60  # ten rows of six: one page of tiles exists at a time


class SeriesScreen(Screen):
    episode_chosen = Signal(int)  # episode index, from its own tile
    resume_chosen = Signal(int)  # episode index, from the big 从第 N 集 button
    back_requested = Signal()
    page_shown = Signal(list)  # the locations of the episodes on the page now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel()
        self._title.setProperty("role", "title")
        self._resume_index = 0
        self._pending_focus: int | None = None
        self._resume = QPushButton()
        self._resume.setObjectName("resume")
        self._resume.clicked.connect(lambda: self.resume_chosen.emit(self._resume_index))
        self._earlier = QPushButton()
        self._earlier.setObjectName("earlier")
        self._earlier.clicked.connect(lambda: self._turn_page(-1))
        self._later = QPushButton()
        self._later.setObjectName("later")
        self._later.clicked.connect(lambda: self._turn_page(+1))
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)  # right under 从第 N 集继续
        self._scroll = scroll_area(self._grid_host)
        # The arrows scroll the page; a thin scroll bar at its edge only looks like a glitch.
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._title)
        self._layout.addWidget(self._resume)
        self._layout.addWidget(self._scroll, 1)
        # Rows are shown whole or not at all: say what is further down.
        self._more = QLabel()
        self._more.setProperty("role", "secondary")
        self._more.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._layout.addWidget(self._more)
        self._buttons: dict[int, QToolButton] = {}  # episode index → tile, this page only
        self._frames: dict[str, QImage] = {}  # location → a frame of it (this page)
        self._series: Series | None = None
        self._watched: set[int] = set()
        self._unplayable: set[int] = set()
        self._paces: dict[int, tuple[str, str]] = {}  # index → (word, level)
        self._page = 0

    @property
    def series(self) -> Series | None:
        return self._series

    def show_series(self, series: Series, watched: set[int], resume_index: int,
                    focus_index: int | None = None, unplayable: set[int] | None = None,
                    finished: bool = False) -> None:
        """``watched`` and ``unplayable`` hold episode indexes; ``focus_index`` is focused
        instead of 继续; ``finished`` when every episode that plays has been watched."""
        if series is not self._series:
            self._paces = {}
            self._frames = {}
        self._series = series
        self._watched = set(watched)
        self._unplayable = set(unplayable or ())
        self._title.setText(series.title)
        if finished:
            self._resume_index = next(
                (i for i in range(len(series.episodes)) if i not in self._unplayable), 0)
            text = self.tr("已看完 · 从头再看")
        else:
            self._resume_index = resume_index
            resume_label = episode_label(series.episodes[resume_index].number)
            text = self.tr("从%1继续") if resume_index or watched else self.tr("从%1开始")
            text = text.replace("%1", resume_label)
            passed = [series.episodes[i].number for i in sorted(self._unplayable)
                      if i < resume_index and i not in watched]
            if passed:
                text += self.tr("（%1打不开）").replace(
                    "%1", self.tr("、").join(episode_label(n) for n in passed[-3:]))
        self._resume.setText(text)
        self._resume.setAccessibleName(text)
        shown = focus_index if focus_index is not None else self._resume_index
        self._build_page(max(0, shown) // PAGE_SIZE)
        self._pending_focus = focus_index

    # --- pages -------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        total = len(self._series.episodes) if self._series is not None else 0
        return max(1, -(-total // PAGE_SIZE))

    @property
    def page(self) -> int:
        return self._page

    def _build_page(self, page: int) -> None:
        for button in self._buttons.values():
            button.hide()
            button.deleteLater()
        self._buttons = {}
        while self._grid.count():
            self._grid.takeAt(0)
        series = self._series
        if series is None:
            return
        self._page = max(0, min(page, self.page_count - 1))
        start = self._page * PAGE_SIZE
        end = min(start + PAGE_SIZE, len(series.episodes))
        row = 0
        if self._page > 0:
            first = series.episodes[start - PAGE_SIZE].number
            last = series.episodes[start - 1].number
            self._earlier.setText(self.tr("↑ 前面：第 %1–%2 集").replace(
                "%1", str(first)).replace("%2", str(last)))
            self._earlier.setAccessibleName(self._earlier.text())
            self._grid.addWidget(self._earlier, row, 0, 1, COLUMNS)
            self._earlier.show()
            row += 1
        else:
            self._earlier.hide()
        for index in range(start, end):
            button = new_tile()
            if self._theme is not None:
                button.setIconSize(self.frame_size())
                button.setFixedHeight(self.tile_height())
            button.clicked.connect(lambda _=False, i=index: self.episode_chosen.emit(i))
            self._buttons[index] = button
            self._dress(index)
            offset = index - start
            self._grid.addWidget(button, row + offset // COLUMNS, offset % COLUMNS)
            button.show()  # a layout shows new children only on the next event-loop pass
        row += -(-(end - start) // COLUMNS)
        if end < len(series.episodes):
            first = series.episodes[end].number
            last = series.episodes[min(end + PAGE_SIZE, len(series.episodes)) - 1].number
            self._later.setText(self.tr("↓ 后面：第 %1–%2 集").replace(
                "%1", str(first)).replace("%2", str(last)))
            self._later.setAccessibleName(self._later.text())
            self._grid.addWidget(self._later, row, 0, 1, COLUMNS)
            self._later.show()
        else:
            self._later.hide()
        for index in range(start, end):
            frame = self._frames.get(series.episodes[index].location)
            if frame is not None:
                self._buttons[index].setIcon(QIcon(QPixmap.fromImage(frame)))
        self.page_shown.emit([series.episodes[i].location for i in range(start, end)])

    def _words_height(self) -> int:
        """Three lines of the focused (slightly larger) type, padding and frame."""
        theme = self.theme
        font = QFont(self.font())
        font.setPixelSize(round(theme.body_px * 1.06))
        lines = 3 * QFontMetrics(font).lineSpacing()
        pad = round(theme.spacing_px * 0.4)
        return round(lines * 1.1) + 3 * pad + 2 * theme.focus_frame_px

    def tile_height(self) -> int:
        """Set outright on each tile: the style's own size hint came out short at 720p and
        cut the words in half."""
        return self.frame_size().height() + self._words_height()

    def frame_size(self) -> QSize:
        """A frame of the episode on its tile: a 3:4 crop from the middle of the picture,
        smaller when a whole tile would not fit on the page (enlarged, or a low screen)."""
        if self._theme is None:
            return QSize(140, 187)
        height = round(self.theme.target_px * 1.4 * 4 / 3)
        if self.isVisible() and self._scroll.height() > 0:
            room = self._scroll.height() - self._words_height() - self.theme.spacing_px
            height = max(round(self.theme.target_px * 0.8), min(height, room))
        return QSize(round(height * 3 / 4), height)

    def _fit_tiles(self) -> None:
        if self._theme is None:
            return
        size, height = self.frame_size(), self.tile_height()
        for button in self._buttons.values():
            button.setIconSize(size)
            button.setFixedHeight(height)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_tiles()

    def style_with(self, sheet: str) -> bool:
        changed = super().style_with(sheet)
        self._fit_tiles()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        focused = self.current_focus()
        if focused is not None and focused is not self._resume:
            self.set_focus(focused)  # the focused tile stays on screen, whole
        return changed

    def set_frame(self, location: str, image: QImage) -> None:
        if self._series is None or image.isNull():
            return
        self._frames[location] = image
        for index, button in self._buttons.items():
            if self._series.episodes[index].location == location:
                button.setIcon(QIcon(QPixmap.fromImage(image)))

    def has_frame(self, index: int) -> bool:
        button = self._buttons.get(index)
        return button is not None and not button.icon().isNull()

    def _turn_page(self, step: int) -> None:
        """Show the next or previous page and focus its tile nearest the page just left."""
        if self._series is None:
            return
        old_start = self._page * PAGE_SIZE
        self._build_page(self._page + step)
        start = self._page * PAGE_SIZE
        end = min(start + PAGE_SIZE, len(self._series.episodes))
        target = start if step > 0 else end - 1
        if step < 0 and old_start == start:
            target = start
        self._settle()
        self.set_focus(self._buttons[target])

    def _settle(self) -> None:
        # Focus moves by geometry: let the new page lay itself out before a key comes.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    # --- tiles ---------------------------------------------------------------------------------
    def _dress(self, index: int) -> None:
        """A tile's words and state: the number, then 已看 / 打不开 / the pace word."""
        button = self._buttons.get(index)
        if button is None or self._series is None:
            return
        dress_tile(button, self._series.episodes[index].number, index in self._watched,
                   index in self._unplayable, self._paces.get(index))

    def set_focus(self, widget: QWidget) -> None:
        super().set_focus(widget)
        if widget is not self._resume:  # whole rows of tiles only, never one cut in half
            rows = [*self._buttons.values(), self._earlier, self._later]
            fit_whole_rows(self._scroll, rows, [widget])
        self._update_more()

    def _update_more(self) -> None:
        viewport = self._scroll.viewport()
        hidden = [i for i, b in self._buttons.items()
                  if b.mapTo(viewport, b.rect().bottomLeft()).y() > viewport.height()]
        text = ""
        if hidden and self._series is not None:
            first = self._series.episodes[min(hidden)].number
            last = self._series.episodes[max(hidden)].number
            text = self.tr("往下还有：第 %1–%2 集").replace("%1", str(first)).replace(
                "%2", str(last))
        elif self._later.isVisible():
            text = self._later.text().replace("↓ ", "")
        self._more.setText(text)
        self._more.setVisible(bool(text))

    def more_text(self) -> str:
        return self._more.text() if self._more.isVisible() else ""

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._fit_tiles()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._update_more()

    def initial_focus(self) -> QWidget | None:
        pending = self._pending_focus
        if pending is not None and pending in self._buttons:
            return self._buttons[pending]
        return self._resume

    def set_pace(self, index: int, word: str | None, level: str | None) -> None:
        """A calm badge under the episode number: a word (never colour alone) and a tint."""
        if self._series is None or not 0 <= index < len(self._series.episodes):
            return
        if word:
            self._paces[index] = (word, level or "")
        else:
            self._paces.pop(index, None)
        self._dress(index)

    def pace(self, index: int) -> str | None:
        pace = self._paces.get(index)
        return pace[0] if pace is not None else None

    def visible_indexes(self) -> range:
        """The episode indexes whose tiles exist now (this page)."""
        start = self._page * PAGE_SIZE
        total = len(self._series.episodes) if self._series is not None else 0
        return range(start, min(start + PAGE_SIZE, total))

    def episode_button(self, index: int) -> QAbstractButton:
        """The tile of episode ``index``, turning to its page first if need be."""
        if index not in self._buttons:
            self._build_page(index // PAGE_SIZE)
            self._settle()
        return self._buttons[index]

    def focusables(self) -> list[QWidget]:
        earlier = [self._earlier] if self._earlier.isVisible() else []
        later = [self._later] if self._later.isVisible() else []
        return [self._resume, *earlier, *self._buttons.values(), *later]

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.lay_out_page(self._layout, self._grid)
        self._resume.setMinimumHeight(round(theme.target_px * 1.2))
        self._fit_tiles()

    def extra_style(self) -> str:
        theme = self._theme
        if theme is None:
            return ""
        return tile_style(theme)

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.back_requested.emit()
            return True
        return super().handle_action(action)
