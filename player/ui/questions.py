"""Questions laid over every screen: a large, spoken choice (leave the app? allow this phone?
watch the calmer one?) or a part's own page (the rest notice, the resume countdown). While one
is open it gets every key; a second must wait until it is answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from player.ui.overlays import ChoiceOverlay
from player.ui.screen import Screen

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow


class Questions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.open: Screen | None = None  # the overlay on view, if any

    def show(self, overlay: Screen, spoken: str) -> None:
        """Put ``overlay`` over everything; it gets every key until ``close``."""
        window = self._window
        if window.appearance.current is not None:
            window.appearance.dress(overlay)
            overlay.style_with(window.appearance.sheet)
        self.open = overlay
        overlay.setGeometry(window.rect())
        overlay.show()
        overlay.raise_()
        overlay.focus_initial()
        window.announce(spoken)

    def close(self) -> None:
        overlay, self.open = self.open, None
        if overlay is not None:
            overlay.hide()
            overlay.deleteLater()
        self._window.current_screen().focus_initial()

    def ask(self, question: str, answers: tuple[str, str],
            on_answer: Callable[[int], None], opaque: bool = False) -> ChoiceOverlay:
        """A large, spoken question with two answers; the first (safe) one is focused.
        ``opaque``: on a plain page, hiding what is behind (an episode's last frame, its
        "还剩 0:00"). The overlay is returned so that a timer can answer it."""
        overlay = ChoiceOverlay(self._window, question, answers, opaque)

        def chosen(choice: int) -> None:
            self.close()
            on_answer(choice)

        overlay.chosen.connect(chosen)
        self.show(overlay, question)
        return overlay

    def ask_to_leave(self) -> None:
        def answer(choice: int) -> None:
            if choice == 1:
                self._window.close()

        # Worded for the window: its catalogue context keeps the translation.
        self.ask(QCoreApplication.translate("MainWindow", "要退出长辈剧场吗？"),
                 (QCoreApplication.translate("MainWindow", "不退出"),
                  QCoreApplication.translate("MainWindow", "退出")), answer)
