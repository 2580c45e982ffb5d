"""How the window looks: the theme made from the settings and the screen size, applied to
every page, and TV mode (the whole screen, no frame, no pointer).

The theme is remade when a setting that restyles it changes (``THEME_KEYS`` in the
declaration), when the window is resized, and when TV mode goes on or off; each screen is
restyled only when it comes into view (see ``Screen.style_with``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from accessibility.theme import Theme
from player.config.declaration import THEME_KEYS
from player.config.store import Settings
from player.ui.overlays import MessageBanner
from player.ui.screen import Screen

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow


def enter_tv_mode(window: QWidget, *, frameless: bool = False) -> None:
    """Full screen without a pointer, for the television. ``frameless`` only before the
    window is first shown: changing the flags of a shown window hides it."""
    if frameless:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
    # Without a window manager (a mini PC booting straight into the app) nobody else resizes
    # the window, so it takes the whole screen itself.
    window.setGeometry(window.screen().geometry())
    window.showFullScreen()


def leave_tv_mode(window: QWidget) -> None:
    """A normal window again, with the pointer back."""
    window.showNormal()
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.overrideCursor() is not None:
        app.restoreOverrideCursor()


class Appearance(QObject):
    """The window's theme and TV mode, kept in step with the settings."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._theme: Theme | None = None
        self.sheet = ""  # the current theme's style sheet for screens and overlays
        settings.on_change("ui.language", self._on_language)
        settings.on_change("ui.tv_mode", lambda on: self.set_tv_mode(bool(on)))
        settings.on_change(THEME_KEYS, lambda _value: self.apply())

    @property
    def current(self) -> Theme | None:
        """The theme in use, or None before the first ``apply``."""
        return self._theme

    def theme(self) -> Theme:
        assert self._theme is not None
        return self._theme

    def set_tv_mode(self, on: bool) -> None:
        """Full screen without a pointer for the television, or a normal window again."""
        window = self._window
        if on and not window.isFullScreen():
            enter_tv_mode(window)
        elif not on and window.isFullScreen():
            leave_tv_mode(window)

    def apply(self) -> None:
        window = self._window
        screen = window.screen()
        height = window.height() if window.isVisible() else screen.size().height()
        width = window.width() if window.isVisible() else screen.size().width()
        s = self._settings
        theme = Theme(
            screen_height=max(360, height),
            enlarged=bool(s.get("ui.enlarged")),
            text_scale=float(s.get("ui.text_scale")),
            enlarge_factor=float(s.get("ui.enlarge_factor")),
            tv_mode=bool(s.get("ui.tv_mode")) or window.isFullScreen(),
            subtitle_share=float(s.get("subtitles.size")) / 100,
            subtitle_colours=str(s.get("subtitles.colours")),
            subtitles_beside=s.get("subtitles.position") == "beside",
            screen_width=width,
        )
        if theme == self._theme:
            return
        self._theme = theme
        window.playing.set_enlarged(theme.enlarged)
        self.sheet = theme.stylesheet()
        if window.styleSheet() != theme.window_stylesheet():
            # Even an unchanged window sheet, set again, would re-polish every screen.
            window.setStyleSheet(theme.window_stylesheet())
        window.banner.setStyleSheet(self.sheet + MessageBanner.FRAME)
        stack = window.stack
        for index in range(stack.count()):
            page = stack.widget(index)
            if isinstance(page, Screen):
                page.apply_theme(theme)
        self.style_current()
        overlay = window.questions.open
        if overlay is not None:
            overlay.apply_theme(theme)
            overlay.style_with(self.sheet)
        window.banner.place()

    def fit(self) -> None:
        """The window was resized: the theme follows, and what lies over the screens."""
        self.apply()
        window = self._window
        if window.questions.open is not None:
            window.questions.open.setGeometry(window.rect())
        window.banner.place()

    def _on_language(self, language: object) -> None:
        # Worded for the window: its catalogue context keeps the translation.
        self._window.show_message(
            QCoreApplication.translate("MainWindow", "界面语言将在下次打开时更换。")
            if language == "zh" else "The new language applies the next time SilverReel starts.")

    def dress(self, page: Screen) -> None:
        """A page or overlay added later gets the theme in use (and, for an overlay shown at
        once, its sheet)."""
        if self._theme is not None:
            page.apply_theme(self._theme)

    def style_current(self) -> None:
        page = self._window.stack.currentWidget()
        if isinstance(page, Screen) and self.sheet:
            page.style_with(self.sheet)
