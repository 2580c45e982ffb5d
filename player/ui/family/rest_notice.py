"""The rest reminder on screen: large, spoken, one choice (继续观看), asked for by the family."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.rest import RestReminder
from player.ui.keys import Action
from player.ui.mainwindow import MainWindow
from player.ui.screen import Screen


class RestOverlay(Screen):
    """Drawn over the whole window; OK continues, Back leaves the episode list."""

    continue_chosen = Signal()
    leave_chosen = Signal()

    def extra_style(self) -> str:
        return "QWidget#screen { background: rgba(0,0,0,0.9); }"

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.message = QLabel(text)
        self.message.setProperty("role", "message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = QPushButton(self.tr("继续观看"))
        self.continue_button.setAccessibleName(self.continue_button.text())
        self.continue_button.clicked.connect(self.continue_chosen)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.continue_button)
        row.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addStretch(1)
        self._layout.addWidget(self.message)
        self._layout.addLayout(row)
        self._layout.addStretch(1)
        self.setGeometry(parent.rect())

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.safe_margin(theme.screen_height) * 2
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(theme.spacing_px * 2)
        # The one answer is as prominent as the question, for eyes three metres away.
        self.continue_button.setStyleSheet(
            f"font-size: {theme.title_px}px; min-width: {theme.target_px * 4}px;"
            f" min-height: {round(theme.target_px * 1.2)}px;")

    def focusables(self) -> list[QWidget]:
        return [self.continue_button]

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.leave_chosen.emit()
            return True
        super().handle_action(action)
        return True  # nothing reaches the page underneath while the reminder is up


class RestPrompt(QObject):
    """Shows ``RestOverlay`` when the reminder is due and passes the answer back."""

    def __init__(self, window: MainWindow, reminder: RestReminder,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._reminder = reminder
        self.overlay: RestOverlay | None = None
        reminder.due.connect(self._show)

    def _show(self, minutes: int) -> None:
        text = self.tr("您已经看了 %1 分钟了。站起来活动活动，喝口水，让眼睛歇一歇吧。")
        text = text.replace("%1", str(max(1, minutes)))
        overlay = RestOverlay(self._window, text)
        overlay.continue_chosen.connect(self._continue)
        overlay.leave_chosen.connect(self._leave)
        self.overlay = overlay
        self._window.open_overlay(overlay, text)

    def _continue(self) -> None:
        self._close()
        self._reminder.continue_watching()

    def _leave(self) -> None:
        self._close()
        self._reminder.dismiss()
        if self._window.stack.currentWidget() is self._window.playing:
            self._window.leave_playing()

    def _close(self) -> None:
        self.overlay = None
        self._window.close_overlay()
