"""Playing: the picture, its side bands, the subtitle, and a controls row on demand."""

from __future__ import annotations

from PySide6.QtCore import QRect, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.strings import episode_label, remaining_label
from player.ui.subtitle_view import SubtitleView
from player.ui.video_view import VideoView

CONTROLS_IDLE_MS = 5000
# Side bands narrower than this share of the width are too small for subtitles beside the picture.
_MIN_BAND_SHARE = 0.18


class PlayingScreen(Screen):
    toggle_pause_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    enlarge_requested = Signal()
    read_aloud_requested = Signal()
    back_requested = Signal()
    subtitle_chars_changed = Signal(int)  # how many characters a subtitle line may hold now
    subtitle_layout_changed = Signal(int, int)  # characters a line, lines a page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.video = VideoView(self)
        self.video.picture_shape_changed.connect(self._relayout)
        self._info = QWidget(self)
        self._series_label = QLabel()
        self._series_label.setProperty("role", "title")
        self._series_label.setWordWrap(True)
        self._episode_label = QLabel()
        self._remaining_label = QLabel()
        self._remaining_label.setProperty("role", "secondary")
        self._pace_label = QLabel()
        self._pace_label.setProperty("role", "pace-hint")
        self._pace_label.setWordWrap(True)
        self._pace_label.hide()
        self._note_label = QLabel()
        self._note_label.setProperty("role", "secondary")
        self._note_label.setWordWrap(True)
        self._paused_label = QLabel(self.tr("已暂停"))
        self._paused_label.setProperty("role", "title")
        self._paused_label.hide()
        info_layout = QVBoxLayout(self._info)
        info_layout.addWidget(self._series_label)
        info_layout.addWidget(self._episode_label)
        info_layout.addWidget(self._remaining_label)
        info_layout.addWidget(self._paused_label)
        info_layout.addWidget(self._note_label)
        info_layout.addWidget(self._pace_label)
        info_layout.addStretch(1)
        self.subtitle = SubtitleView(self)
        self._controls = QWidget(self)
        self._controls.setObjectName("controls")
        self._controls.setStyleSheet("QWidget#controls { background: rgba(16,16,16,0.9); }")
        self.play_button = self._control(self.tr("暂停"), self.toggle_pause_requested)
        self.previous_button = self._control(self.tr("上一集"), self.previous_requested)
        self.next_button = self._control(self.tr("下一集"), self.next_requested)
        self.enlarge_button = self._control(self.tr("放大"), self.enlarge_requested)
        self.read_button = self._control(self.tr("朗读"), self.read_aloud_requested)
        self.back_button = self._control(self.tr("返回"), self.back_requested)
        row = QHBoxLayout(self._controls)
        row.addStretch(1)
        for button in self._buttons():
            row.addWidget(button)
        row.addStretch(1)
        self._controls.hide()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(CONTROLS_IDLE_MS)
        self._idle.timeout.connect(self.hide_controls)
        self._subtitle_chars = 16
        self._subtitle_lines = 2
        self._subtitle_area: QRect | None = None

    def _control(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.clicked.connect(signal)
        return button

    def _buttons(self) -> list[QPushButton]:
        return [self.play_button, self.previous_button, self.next_button,
                self.enlarge_button, self.read_button, self.back_button]

    # --- what is playing ---------------------------------------------------------------
    def show_episode(self, series_title: str, number: int) -> None:
        self._series_label.setText(series_title)
        self._episode_label.setText(episode_label(number))
        self._remaining_label.setText("")
        self._note_label.setText("")
        self.set_paused(False)
        self.subtitle.clear_text()
        self.video.clear()

    def show_source(self, text: str) -> None:
        """In place of the episode number: where this video comes from (e.g. 手机投屏)."""
        self._episode_label.setText(text)

    def show_remaining(self, remaining_ms: int) -> None:
        self._remaining_label.setText(remaining_label(remaining_ms))

    def show_note(self, text: str) -> None:
        """A quiet line beside the picture (never a pop-up over playback)."""
        self._note_label.setText(text)

    def note_text(self) -> str:
        return self._note_label.text()

    def set_enlarged(self, enlarged: bool) -> None:
        """The enlarge button names what pressing it does now: 放大, or 还原大小 when big."""
        text = self.tr("还原大小") if enlarged else self.tr("放大")
        self.enlarge_button.setText(text)
        self.enlarge_button.setAccessibleName(text)

    def show_pace_hint(self, text: str | None) -> None:
        """A gentle sign beside the picture before rapid cuts or flashes (never over it)."""
        if text == (self._pace_label.text() if self._pace_label.isVisible() else None):
            return
        self._pace_label.setText(text or "")
        self._pace_label.setVisible(bool(text))

    def pace_hint(self) -> str | None:
        return self._pace_label.text() if self._pace_label.isVisible() else None

    def show_subtitle(self, text: str | None) -> None:
        self.subtitle.show_lines(text.split("\n") if text else [])
        self.place_subtitle()

    def set_paused(self, paused: bool) -> None:
        self._paused_label.setVisible(paused)
        text = self.tr("继续") if paused else self.tr("暂停")
        self.play_button.setText(text)
        self.play_button.setAccessibleName(text)

    @property
    def subtitle_chars_per_line(self) -> int:
        return self._subtitle_chars

    @property
    def subtitle_lines_per_page(self) -> int:
        return self._subtitle_lines

    # --- controls ------------------------------------------------------------------------
    def show_controls(self) -> None:
        if not self._controls.isVisible():
            self._controls.show()
            self._controls.raise_()
            self.set_focus(self.play_button)
        self._idle.start()

    def hide_controls(self) -> None:
        self._controls.hide()
        self._idle.stop()
        self.setFocus()

    def focusables(self) -> list[QWidget]:
        return list(self._buttons()) if self._controls.isVisible() else []

    def handle_action(self, action: Action) -> bool:
        direct = {
            Action.BACK: self.back_requested,
            Action.STOP: self.back_requested,
            Action.PLAY_PAUSE: self.toggle_pause_requested,
            Action.NEXT: self.next_requested,
            Action.PREVIOUS: self.previous_requested,
        }
        if action in direct:
            direct[action].emit()
            return True
        if not self._controls.isVisible():
            if action is Action.OK:
                self.toggle_pause_requested.emit()
            if action in (Action.OK, Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
                self.show_controls()
                return True
            return False
        self._idle.start()
        return super().handle_action(action)

    # --- layout --------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.subtitle.apply_theme(theme)
        self._relayout()

    def resizeEvent(self, event: object) -> None:
        self._relayout()

    def _picture_rect(self) -> QRect:
        rect = self.video.picture_rect()
        if rect.isEmpty():  # before the first frame, assume a vertical episode
            height = self.height()
            width = round(height * 9 / 16)
            rect = QRect((self.width() - width) // 2, 0, width, height)
        return rect

    def _relayout(self) -> None:
        self.video.setGeometry(self.rect())
        if self._theme is None:
            return
        theme = self.theme
        across, down = theme.safe_margins()
        picture = self._picture_rect()
        left = QRect(0, 0, picture.left(), self.height())
        right = QRect(picture.right() + 1, 0, self.width() - picture.right() - 1, self.height())
        beside = (theme.subtitles_beside
                  and min(left.width(), right.width()) >= self.width() * _MIN_BAND_SHARE)
        controls_height = round(theme.target_px * 1.5)
        self._controls.setGeometry(0, self.height() - controls_height - down // 2,
                                   self.width(), controls_height)
        if beside:
            self._info.setGeometry(left.adjusted(across, down, -across // 2, -down))
            area = right.adjusted(across // 2, down, -across, -controls_height - down)
        else:
            inset = max(across, round(picture.width() * 0.05))
            self._info.setGeometry(QRect(picture.left() + inset, down,
                                         picture.width() - 2 * inset, self.height() // 3))
            area = QRect(picture.left() + inset, self.height() // 2,
                         picture.width() - 2 * inset,
                         self.height() // 2 - controls_height - down)
        chars = self.subtitle.chars_per_line(area.width())
        lines = self.subtitle.lines_per_page(area.height(), beside)
        layout_changed = (chars, lines) != (self._subtitle_chars, self._subtitle_lines)
        if chars != self._subtitle_chars:
            self._subtitle_chars = chars
            self.subtitle_chars_changed.emit(chars)
        if layout_changed:
            self._subtitle_lines = lines
            self.subtitle_layout_changed.emit(chars, lines)
        self.subtitle.setMaximumWidth(area.width())
        self._subtitle_area = area
        self.place_subtitle()

    def place_subtitle(self) -> None:
        """Re-centre the subtitle box in its area after its text changed."""
        area = self._subtitle_area
        if area is None:
            return
        self.subtitle.adjustSize()
        size = self.subtitle.sizeHint().boundedTo(area.size())
        self.subtitle.setGeometry(area.x() + (area.width() - size.width()) // 2,
                                  area.y() + round(area.height() * 0.55) - size.height() // 2,
                                  size.width(), size.height())
