"""Things drawn over a screen: a large message, and a two-choice question."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from player.ui.button_page import ButtonPage
from player.ui.keys import Action


class MessageBanner(QLabel):
    """A short message in large type that goes away by itself (or on any key).

    It is not something to act on, so it never wears the focus colour: a neutral grey edge
    on the dark page; and it is placed where it does not cover the focused item.
    """

    FRAME = ("QLabel#banner { background: rgba(16,16,16,0.96); border: 3px solid #9E9E9E;"
             " border-radius: 16px; padding: 24px; color: #FFFFFF; }")

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setProperty("role", "message")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(self.FRAME)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the focus moved under it: step aside again
            app.focusChanged.connect(self._on_focus_changed)
        self.hide()

    def _on_focus_changed(self, _old: object, _new: object) -> None:
        if self.isVisible():
            self.place()

    def show_message(self, text: str, seconds: float = 6.0) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.place()
        self.show()
        self.raise_()
        self._timer.start(round(seconds * 1000))

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = round(parent.width() * 0.7)
        self.setFixedWidth(width)
        self.adjustSize()
        x = (parent.width() - width) // 2
        margin = round(parent.height() * 0.05)
        # Middle of the screen if it is free; else below or above the focused item.
        places = [round(parent.height() * 0.38), parent.height() - margin - self.height(),
                  margin]
        focused = _focused_rect(parent)
        for y in places:
            if focused is None or not QRect(x, y, width, self.height()).intersects(focused):
                self.move(x, y)
                return
        self.move(x, places[1])


def _focused_rect(window: QWidget) -> QRect | None:
    """Where the focused item is, in ``window``'s coordinates (None when it is elsewhere)."""
    widget = QApplication.focusWidget()
    if widget is None or widget.window() is not window.window() or not widget.isVisible():
        return None
    rect_of = getattr(widget, "current_rect", None)
    local = rect_of() if callable(rect_of) else widget.rect()
    return QRect(widget.mapTo(window, local.topLeft()), local.size())


class ChoiceOverlay(ButtonPage):
    """A question with at most two answers; the safe answer is first and focused."""

    chosen = Signal(int)  # 0 = first (safe) answer, 1 = second

    def __init__(self, parent: QWidget, question: str, answers: tuple[str, str],
                 opaque: bool = False) -> None:
        super().__init__(parent)
        self._opaque = opaque  # a plain page: nothing of the screen underneath shows through
        self._question = QLabel(question)
        self._question.setProperty("role", "message")
        self._question.setWordWrap(True)
        self._question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._buttons = [QPushButton(text) for text in answers]
        row = QHBoxLayout()
        row.setSpacing(48)  # two clearly separate answers
        row.addStretch(1)
        for index, button in enumerate(self._buttons):
            button.setAccessibleName(button.text())
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._question)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setGeometry(parent.rect())

    def extra_style(self) -> str:
        sheet = ("QWidget#screen { background: #101010; }" if self._opaque
                 else "QWidget#screen { background: rgba(0,0,0,0.88); }")
        theme = self._theme
        if theme is not None:
            # The answers are what the viewer must act on: as large as the question.
            sheet += (f"QPushButton, QPushButton:focus {{ font-size: {theme.title_px}px;"
                      f" min-width: {round(theme.target_px * 2.6)}px;"
                      f" min-height: {round(theme.target_px * 1.1)}px; }}")
        return sheet

    @property
    def question(self) -> str:
        return self._question.text()

    def back(self) -> None:
        self.chosen.emit(0)  # Back means "no": the safe answer

    def handle_action(self, action: Action) -> bool:
        super().handle_action(action)
        return True  # nothing reaches the page underneath while a question is open
