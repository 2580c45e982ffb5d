"""Home: 继续观看 first and focused, then a poster wall: rows 继续观看, 全部剧集 and one per tag."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accessibility.theme import TEXT, Theme
from player.library.model import Series
from player.resume import ContinueTarget
from player.ui.keys import Action
from player.ui.poster_wall import Poster, PosterRow
from player.ui.screen import Screen
from player.ui.scrolling import scroll_area
from player.ui.strings import episode_label
from player.ui.whole_rows import fit_whole_rows

# Tags older viewers look for first (Ding Yaping: health and science dramas), then the rest
# in the order the library brings them.
PREFERRED_TAGS = ("养生", "科普", "家庭", "戏曲")
MAX_RECENT = 12


@dataclass(frozen=True)
class SeriesSummary:
    series: Series
    watched: int


class HomeScreen(Screen):
    continue_requested = Signal()
    series_chosen = Signal(int)
    leave_requested = Signal()
    family_requested = Signal()
    cast_chosen = Signal(int)  # the index in the casts given to set_casts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = QLabel(self.tr("长辈剧场"))
        self._title.setProperty("role", "title")
        self._hint = QLabel(self.tr("按“确定”键开始看"))
        self._hint.setProperty("role", "secondary")
        self._continue = QPushButton()
        self._continue.setObjectName("continue")
        self._continue.clicked.connect(self.continue_requested)
        self._covers: dict[int, QImage] = {}
        self._wall = QWidget()
        self._wall_layout = QVBoxLayout(self._wall)
        self._wall_layout.setContentsMargins(0, 0, 0, 0)
        # The whole page scrolls, as a TV's home screen does: going down to a shelf moves the
        # big button up and away, so every shelf gets the full height, enlarged too.
        self._page = QWidget()
        self._page_layout = QVBoxLayout(self._page)
        self._page_layout.setContentsMargins(0, 0, 0, 0)
        self._scroll = scroll_area(self._page)
        # The keys scroll the page; a thin scroll bar at the edge only looks like a glitch.
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._rows: list[tuple[QLabel, PosterRow]] = []
        self._empty = QLabel(self.tr("还没有剧集。请家人在“家人设置”里添加。"))
        self._empty.setWordWrap(True)
        self._empty.hide()
        # Last in the focus order, below the series: the family's way in, out of the
        # viewer's path.
        self.family_button = QPushButton(self.tr("家人设置"))
        self.family_button.setObjectName("family")
        self.family_button.setAccessibleName(self.family_button.text())
        self.family_button.clicked.connect(self.family_requested)
        # The title line is one row of the page, so scrolling never cuts it in half.
        self._header = QWidget()
        header = QHBoxLayout(self._header)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._hint)
        self._page_layout.addWidget(self._header)
        self._page_layout.addWidget(self._continue)
        self._page_layout.addWidget(self._empty)
        self._page_layout.addWidget(self._wall)
        self._page_layout.addWidget(self.family_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._page_layout.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._scroll, 1)
        # What is further down the page, so nobody thinks the shelves on screen are all.
        self._more = QLabel()
        self._more.setProperty("role", "secondary")
        self._layout.addWidget(self._more, 0, Qt.AlignmentFlag.AlignRight)
        self._summaries: list[SeriesSummary] = []
        self._target: ContinueTarget | None = None
        self._recent: list[int] = []
        self._casts: list[tuple[str, int]] = []  # phone casts still reachable (title, percent)

    # --- content -----------------------------------------------------------------------------
    def show_library(self, summaries: list[SeriesSummary], target: ContinueTarget | None,
                     recent: list[int] | None = None) -> None:
        """``recent``: series indexes watched lately, latest first (the 继续观看 row)."""
        recent = [i for i in (recent or []) if 0 <= i < len(summaries)][:MAX_RECENT]
        same_series = [s.series for s in summaries] == [s.series for s in self._summaries]
        self._summaries = summaries
        self._target = target
        if same_series and recent == self._recent and self._rows:
            # Back on Home: only progress changed. Keep the rows, their covers and places.
            self._update_texts()
            return
        if not same_series:
            self._covers.clear()
        self._recent = recent
        self._build_rows()
        self._update_texts()
        self._fit_page()
        self._update_more()

    def _shelves(self) -> list[tuple[str, list[int]]]:
        everything = list(range(len(self._summaries)))
        shelves: list[tuple[str, list[int]]] = []
        # Casts still reachable sit at the end of 继续观看, as negative indexes (-1 is the first).
        casts = [-1 - i for i in range(len(self._casts))]
        if self._recent or casts:
            shelves.append((self.tr("继续观看"), list(self._recent) + casts))
        shelves.append((self.tr("全部剧集"), everything))
        by_tag: dict[str, list[int]] = {}
        for index, summary in enumerate(self._summaries):
            for tag in summary.series.tags:
                by_tag.setdefault(tag, []).append(index)
        order = [t for t in PREFERRED_TAGS if t in by_tag]
        order += [t for t in by_tag if t not in PREFERRED_TAGS]
        shelves.extend((tag, by_tag[tag]) for tag in order)
        return shelves

    def _build_rows(self) -> None:
        for label, row in self._rows:
            label.hide()
            row.hide()
            label.deleteLater()
            row.deleteLater()
        self._rows = []
        while self._wall_layout.count():
            self._wall_layout.takeAt(0)
        if not self._summaries:
            return
        for title, members in self._shelves():
            label = QLabel(self.tr("%1 · %2 部").replace("%1", title).replace(
                "%2", str(len(members))))
            label.setProperty("role", "shelf")
            row = PosterRow(title, self._covers)
            row.setObjectName("shelf")
            row.activated_series.connect(self._on_poster)
            row.current_changed.connect(lambda r=row: self._on_row_moved(r))
            row.set_posters([Poster(i, self._poster_title(i), "") for i in members])
            if self._theme is not None:
                row.set_theme(self._theme, self._shelf_room())
            self._wall_layout.addWidget(label)
            self._wall_layout.addWidget(row)
            label.show()
            row.show()
            self._rows.append((label, row))
        self._wall_layout.addStretch(1)

    def set_casts(self, casts: list[tuple[str, int]]) -> None:
        """Phone casts whose address still answers (title, percent watched), offered at the
        end of 继续观看; choosing one emits ``cast_chosen`` with its place in ``casts``."""
        if casts == self._casts:
            return
        focused_row = isinstance(self.current_focus(), PosterRow)
        self._casts = list(casts)
        if not self._summaries:
            return  # Home has no shelves until there is a library
        self._build_rows()
        self._update_texts()
        if self.isVisible():
            self._fit_shelves()
            if focused_row and self.rows():
                self.set_focus(self.rows()[0])
            self._fit_page()
            self._update_more()

    def cast_titles(self) -> list[str]:
        return [title for title, _percent in self._casts]

    def _poster_title(self, index: int) -> str:
        return self._casts[-1 - index][0] if index < 0 else self._summaries[index].series.title

    def _on_poster(self, index: int) -> None:
        if index < 0:
            self.cast_chosen.emit(-1 - index)
        else:
            self.series_chosen.emit(index)

    def _update_texts(self) -> None:
        summaries, target = self._summaries, self._target
        self._continue.setVisible(bool(summaries))
        self._empty.setVisible(not summaries)
        if target is not None and summaries:
            text = self.continue_text(summaries, target)
            self._continue.setText(text)
            self._continue.setAccessibleName(text)
        details = {}
        for index, summary in enumerate(summaries):
            total = len(summary.series.episodes)
            details[index] = self.tr("已看 %1/%2 集").replace(
                "%1", str(summary.watched)).replace("%2", str(total))
        for place, (_title, percent) in enumerate(self._casts):
            details[-1 - place] = self.tr("投屏 已看%1%").replace("%1", str(percent))
        for _label, row in self._rows:
            row.poster_model.update_details(details)
            row._current_moved()  # its spoken name carries the new progress

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
            skipped = self.tr("、").join(episode_label(n) for n in target.skipped[-3:])
            text += self.tr("（%1打不开）").replace("%1", skipped)
        return text

    def _update_more(self) -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        viewport = self._scroll.viewport()
        below = [label.text().split(" · ")[0] for label, row in self._rows
                 if not row.hasFocus()
                 and row.mapTo(viewport, row.rect().bottomLeft()).y() > viewport.height()]
        shelves = len(below)
        family = self.family_button
        if shelves <= 3 and family.isVisible() and not family.hasFocus() and family.mapTo(
                viewport, family.rect().bottomLeft()).y() > viewport.height():
            below.append(family.text())  # a page left whole may hide it: say it is there
        text = self.tr("往下还有：%1").replace("%1", self.tr("、").join(below[:4])) if below else ""
        if shelves > 3:
            text = self.tr("往下还有：%1").replace("%1", self.tr("、").join(below[:3]))
            text += self.tr(" 等 %1 排").replace("%1", str(shelves))
        # Always there (empty when nothing is below), so the page's height never jumps.
        self._more.setText(text or " ")

    def more_text(self) -> str:
        return self._more.text().strip()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._fit_shelves()
        self._fit_page()
        self._update_more()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_shelves()
        self._fit_page()
        self._update_more()

    def style_with(self, sheet: str) -> bool:
        changed = super().style_with(sheet)
        self._fit_shelves()  # sizes changed (enlarged or back): shelves fit the page again
        self._fit_page()
        self._update_more()
        return changed

    def rows(self) -> list[PosterRow]:
        return [row for _label, row in self._rows]

    def row_titles(self) -> list[str]:
        return [row.title for row in self.rows()]

    # --- covers ------------------------------------------------------------------------------
    def set_cover(self, series_index: int, image: QImage) -> None:
        if 0 <= series_index < len(self._summaries) and not image.isNull():
            self._covers[series_index] = image
            for row in self.rows():
                row.poster_model.cover_changed(series_index)

    def cover_size(self) -> QSize:
        rows = self.rows()
        if rows:
            return rows[0].delegate.cover_size()
        width = round(self.theme.target_px * 2.1) if self._theme is not None else 210
        return QSize(width, round(width * 4 / 3))

    def has_cover(self, series_index: int) -> bool:
        return series_index in self._covers

    # --- looks and keys ----------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.lay_out_page(self._layout, self._page_layout, self._wall_layout)
        self._continue.setMinimumHeight(round(theme.target_px * 1.2))
        self._fit_shelves()

    def _shelf_room(self) -> int:
        """The height a shelf may take so that it, with its name, fits on the page."""
        if not self.isVisible() or self._theme is None:
            return 0
        label = self._rows[0][0].sizeHint().height() if self._rows else self._theme.body_px * 2
        return max(0, self._scroll.height() - label - 2 * self._theme.spacing_px)

    def _fit_shelves(self) -> None:
        if self._theme is None:
            return
        room = self._shelf_room()
        for row in self.rows():
            row.set_theme(self._theme, room)

    def extra_style(self) -> str:
        theme = self._theme
        if theme is None:
            return ""
        return (f'QLabel[role="shelf"] {{ color: {TEXT}; font-size: {theme.body_px}px;'
                f" font-weight: bold; padding-top: {round(theme.spacing_px / 2)}px; }}")

    def focusables(self) -> list[QWidget]:
        rows: list[QWidget] = [row for row in self.rows() if row.count()]
        return [self._continue, *rows, self.family_button]

    def initial_focus(self) -> QWidget | None:
        return self._continue if self._continue.isVisible() else super().initial_focus()

    def set_focus(self, widget: QWidget) -> None:
        super().set_focus(widget)
        if isinstance(widget, PosterRow):
            widget.scrollTo(widget.currentIndex())
        self._fit_page(widget)
        self._update_more()

    def page_rows(self) -> list[QWidget]:
        """The page's units, top to bottom: none is ever shown cut in half."""
        shelves = [w for label, row in self._rows for w in (label, row)]
        return [self._header, self._continue, self._empty, *shelves, self.family_button]

    def _fit_page(self, focused: QWidget | None = None) -> None:
        """Scroll the page the way Series and 家人设置 scroll (whole rows only): the focused
        item whole, with what belongs to it (the title line above 继续观看, a shelf's name
        above the shelf), and any item the page's edges would cut left out of view."""
        if not self.isVisible():
            return
        focused = focused or self.current_focus() or self.initial_focus()
        if focused is None:
            return
        with_it = [focused]
        if focused is self._continue:
            with_it.insert(0, self._header)  # the top of the page, title and all
        label = next((lab for lab, row in self._rows if row is focused), None)
        if label is not None:
            with_it.insert(0, label)  # the shelf's name stays in view with it
        fit_whole_rows(self._scroll, self.page_rows(), with_it)

    def _on_row_moved(self, row: PosterRow) -> None:
        if row.hasFocus():
            self.focus_moved.emit(row)  # say which series is now in front

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.leave_requested.emit()
            return True
        current = self.current_focus()
        if isinstance(current, PosterRow):
            if action in (Action.LEFT, Action.RIGHT):
                current.step(-1 if action is Action.LEFT else 1)
                return True
            if action is Action.OK:
                current.activate()
                return True
        if action in (Action.UP, Action.DOWN):
            # Home is one column of wide items (the big button, the shelves, 家人设置): Up and
            # Down go to the one above or below, even when it is scrolled out of view.
            items = [w for w in self.focusables() if w.isVisible() and w.isEnabled()]
            if current not in items:
                target = items[0] if items else None
            else:
                position = items.index(current) + (1 if action is Action.DOWN else -1)
                target = items[position] if 0 <= position < len(items) else None
            if isinstance(target, PosterRow) and isinstance(current, PosterRow):
                target.focus_near(current.current_centre_x())
            if target is not None:
                self.set_focus(target)
            return True
        return super().handle_action(action)
