"""Home's poster wall: rows of large covers with the title under them, one row per shelf
(继续观看, 全部剧集, and one per tag), like a TV's home screen.

Each row is a ``QListView`` over a small list model with a painting delegate, so only the
posters on screen are drawn and no widget exists per series: Home with 500 series is ready as
fast as with 5. A row is one focusable item for the six keys: Left/Right move along the row
(inside the view), Up/Down move between rows (the page's spatial focus), OK opens the series.
Only the current poster of the focused row wears the focus frame, slightly enlarged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from accessibility.theme import (
    BACKGROUND,
    FOCUS,
    FONT_FAMILIES,
    SURFACE,
    SURFACE_FOCUSED,
    TEXT,
    TEXT_SECONDARY,
    Theme,
)

SERIES_ROLE = Qt.ItemDataRole.UserRole + 1  # the series index in the library
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2  # the line under the title (已看 3/10 集)
COVER_ASPECT = 4 / 3  # height / width: a poster, tall enough for a vertical drama's cover
FOCUS_GROWTH = 1.06  # the focused poster is drawn this much larger


@dataclass
class Poster:
    series_index: int
    title: str
    detail: str


class PosterModel(QAbstractListModel):
    """The posters of one row; covers come from the shared ``covers`` dict (series → image)."""

    def __init__(self, covers: dict[int, QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._posters: list[Poster] = []
        self._covers = covers
        self._rows_of: dict[int, list[int]] = {}

    def set_posters(self, posters: list[Poster]) -> None:
        self.beginResetModel()
        self._posters = posters
        self._rows_of = {}
        for row, poster in enumerate(posters):
            self._rows_of.setdefault(poster.series_index, []).append(row)
        self.endResetModel()

    def update_details(self, details: dict[int, str]) -> None:
        for poster in self._posters:
            poster.detail = details.get(poster.series_index, poster.detail)
        if self._posters:
            self.dataChanged.emit(self.index(0), self.index(len(self._posters) - 1))

    def cover_changed(self, series_index: int) -> None:
        for row in self._rows_of.get(series_index, ()):
            self.dataChanged.emit(self.index(row), self.index(row))

    def poster(self, row: int) -> Poster:
        return self._posters[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posters)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._posters):
            return None
        poster = self._posters[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return poster.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._covers.get(poster.series_index)
        if role == SERIES_ROLE:
            return poster.series_index
        if role == DETAIL_ROLE:
            return poster.detail
        return None


class PosterDelegate(QStyledItemDelegate):
    """Draws a poster: the cover (or a calm placeholder), the title under it in body size
    (two lines at most), and a quieter line under that; the focus frame on the current one."""

    def __init__(self, view: PosterRow) -> None:
        super().__init__(view)
        self._view = view
        self._theme: Theme | None = None
        self._scaled: dict[tuple[int, int, int], QImage] = {}

    def set_theme(self, theme: Theme, fit_height: int = 0) -> None:
        """``fit_height``: the most a whole poster may take (label and frame included), so a
        shelf always fits on the page, enlarged or at 720p; 0 means no limit."""
        self._theme = theme
        self._fit_height = fit_height
        self._scaled.clear()

    # --- geometry --------------------------------------------------------------------------
    def cover_size(self) -> QSize:
        theme = self._theme
        width = round(theme.target_px * 2.1) if theme is not None else 210
        fit = getattr(self, "_fit_height", 0)
        if fit and theme is not None:
            title, detail = self._fonts()
            lines = 2 * QFontMetrics(title).lineSpacing() + QFontMetrics(detail).lineSpacing()
            frame = theme.focus_frame_px
            # height = cover·(1 + growth margins) + gap + lines + frames, solved for the cover
            room = fit - lines - 4 * frame
            most = round(room / (COVER_ASPECT * (1 + 0.06 + (FOCUS_GROWTH - 1))))
            width = max(round(theme.target_px), min(width, most))
        return QSize(width, round(width * COVER_ASPECT))

    def _fonts(self) -> tuple[QFont, QFont]:
        theme = self._theme
        body = theme.body_px if theme is not None else 34
        small = theme.small_px if theme is not None else 32
        title = QFont(list(FONT_FAMILIES))
        title.setPixelSize(body)
        title.setBold(True)
        detail = QFont(list(FONT_FAMILIES))
        detail.setPixelSize(small)
        return title, detail

    def _margin(self) -> int:
        """Room around a poster for the enlarged, framed focused one."""
        cover = self.cover_size()
        frame = self._theme.focus_frame_px if self._theme is not None else 6
        return round(cover.width() * (FOCUS_GROWTH - 1) / 2) + frame * 2

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        cover = self.cover_size()
        title, detail = self._fonts()
        lines = 2 * QFontMetrics(title).lineSpacing() + QFontMetrics(detail).lineSpacing()
        margin = self._margin()
        gap = round(cover.width() * 0.06)
        return QSize(cover.width() + 2 * margin, cover.height() + gap + lines + 2 * margin)

    # --- painting ---------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        focused = self._view.hasFocus() and index == self._view.currentIndex()
        margin = self._margin()
        box = QRect(option.rect).adjusted(margin, margin, -margin, -margin)
        if focused:
            grow_x = round(box.width() * (FOCUS_GROWTH - 1) / 2)
            grow_y = round(box.height() * (FOCUS_GROWTH - 1) / 2)
            box = box.adjusted(-grow_x, -grow_y, grow_x, grow_y)
        cover = self.cover_size()
        cover_height = round(box.width() * cover.height() / cover.width())
        cover_rect = QRect(box.left(), box.top(), box.width(), cover_height)
        frame = self._theme.focus_frame_px if self._theme is not None else 6
        radius = frame * 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.fillRect(option.rect, QColor(BACKGROUND))
        if focused:
            path = QPainterPath()
            path.addRoundedRect(box, radius, radius)
            painter.fillPath(path, QColor(SURFACE_FOCUSED))
        self._paint_cover(painter, index, cover_rect, radius)
        title_font, detail_font = self._fonts()
        text_rect = QRect(box.left() + frame, cover_rect.bottom() + round(frame * 1.5),
                          box.width() - 2 * frame, box.bottom() - cover_rect.bottom())
        painter.setPen(QColor(TEXT))
        painter.setFont(title_font)
        metrics = QFontMetrics(title_font)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = _two_lines(title, metrics, text_rect.width())
        y = text_rect.top()
        for line in lines:
            painter.drawText(QRect(text_rect.left(), y, text_rect.width(), metrics.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                             line)
            y += metrics.lineSpacing()
        detail = str(index.data(DETAIL_ROLE) or "")
        if detail:
            painter.setFont(detail_font)
            painter.setPen(QColor(TEXT_SECONDARY))
            small = QFontMetrics(detail_font)
            painter.drawText(QRect(text_rect.left(), y, text_rect.width(), small.lineSpacing()),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                             small.elidedText(detail, Qt.TextElideMode.ElideRight,
                                              text_rect.width()))
        if focused:
            pen = QPen(QColor(FOCUS), frame)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            half = frame // 2
            painter.drawRoundedRect(box.adjusted(-half, -half, half, half), radius, radius)
        painter.restore()

    def _paint_cover(self, painter: QPainter, index: QModelIndex | QPersistentModelIndex,
                     rect: QRect, radius: int) -> None:
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        image = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(image, QImage) and not image.isNull():
            key = (int(index.data(SERIES_ROLE)), rect.width(), rect.height())
            scaled = self._scaled.get(key)
            if scaled is None:
                scaled = image.scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                      Qt.TransformationMode.SmoothTransformation)
                if len(self._scaled) > 400:
                    self._scaled.clear()
                self._scaled[key] = scaled
            painter.save()
            painter.setClipPath(path)
            source = QRect((scaled.width() - rect.width()) // 2,
                           (scaled.height() - rect.height()) // 2, rect.width(), rect.height())
            painter.drawImage(rect, scaled, source)
            painter.restore()
            return
        # No cover (yet): a calm panel with the title's first characters, large.
        painter.fillPath(path, QColor(SURFACE))
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = QFont(list(FONT_FAMILIES))
        font.setPixelSize(round(rect.width() * 0.26))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(TEXT_SECONDARY))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), title[:2])


def _two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """The title in at most two lines of about equal length (外婆的 / 小饭馆, never
    外婆的小饭 / 馆), the second elided when even that does not fit."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    half = (len(text) + 1) // 2
    if (metrics.horizontalAdvance(text[:half]) <= width
            and metrics.horizontalAdvance(text[half:]) <= width):
        return [text[:half], text[half:]]
    first = ""
    for count in range(1, len(text) + 1):
        if metrics.horizontalAdvance(text[:count]) > width:
            first = text[: max(1, count - 1)]
            break
    rest = text[len(first):]
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class PosterRow(QListView):
    """One shelf of posters, scrolling sideways; one focusable item for the page."""

    activated_series = Signal(int)  # series index
    current_changed = Signal()

    def __init__(self, title: str, covers: dict[int, QImage],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.poster_model = PosterModel(covers, self)
        self.setModel(self.poster_model)
        self.delegate = PosterDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setUniformItemSizes(True)  # the view measures one poster, not 500
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(64)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setStyleSheet(f"QListView {{ background: {BACKGROUND}; border: none; }}")
        self.clicked.connect(self._on_clicked)
        self.selectionModel().currentChanged.connect(lambda *_: self._current_moved())

    def set_theme(self, theme: Theme, fit_height: int = 0) -> None:
        self.delegate.set_theme(theme, fit_height)
        hint = self.delegate.sizeHint(QStyleOptionViewItem(), QModelIndex())
        self.setFixedHeight(hint.height())
        self.scheduleDelayedItemsLayout()
        self.viewport().update()

    def set_posters(self, posters: list[Poster]) -> None:
        current = self.currentIndex().row()
        self.poster_model.set_posters(posters)
        if posters:
            self.setCurrentIndex(self.poster_model.index(max(0, min(current, len(posters) - 1))))
        self._current_moved()

    def count(self) -> int:
        return self.poster_model.rowCount()

    def current_series(self) -> int | None:
        index = self.currentIndex()
        return int(index.data(SERIES_ROLE)) if index.isValid() else None

    def step(self, delta: int) -> bool:
        """Move along the row; False at its end (the focus stays)."""
        row = self.currentIndex().row() + delta
        if not 0 <= row < self.count():
            return False
        self.setCurrentIndex(self.poster_model.index(row))
        self.scrollTo(self.currentIndex())
        return True

    def focus_near(self, window_x: int) -> None:
        """Make current the poster under ``window_x`` (coming from the row above or below)."""
        if not self.count():
            return
        local = self.viewport().mapFrom(self.window(), QPoint(window_x, 0)).x()
        hint = self.delegate.sizeHint(QStyleOptionViewItem(), QModelIndex())
        row = self.indexAt(QPoint(local, hint.height() // 2)).row()
        if row < 0:
            row = self.count() - 1 if local > 0 else 0
        self.setCurrentIndex(self.poster_model.index(row))
        self.scrollTo(self.currentIndex())

    def current_centre_x(self) -> int:
        """The focused poster's centre, in window coordinates."""
        rect = self.visualRect(self.currentIndex())
        return self.viewport().mapTo(self.window(), rect.center()).x()

    def current_rect(self) -> QRect:
        """The focused poster in this view's coordinates (for where banners may go)."""
        rect = self.visualRect(self.currentIndex())
        return QRect(self.viewport().mapTo(self, rect.topLeft()), rect.size())

    def _on_clicked(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.activate()

    def activate(self) -> None:
        series = self.current_series()
        if series is not None:
            self.activated_series.emit(series)

    def _current_moved(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            poster = self.poster_model.poster(index.row())
            name = f"{self.title}：{poster.title}"
            if poster.detail:
                name += f"，{poster.detail}"
            self.setAccessibleName(name)
        else:
            self.setAccessibleName(self.title)
        self.viewport().update()
        self.current_changed.emit()

    def focusInEvent(self, event: object) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def keyPressEvent(self, event: object) -> None:
        # Keys are the window's business (one router); a click still works.
        event.ignore()  # type: ignore[attr-defined]

