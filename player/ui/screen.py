"""What every screen (Home, Series, Playing) and overlay has in common."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QLayout, QScrollArea, QWidget

from accessibility.theme import Theme
from player.ui.focus import neighbour
from player.ui.keys import Action


class Screen(QWidget):
    """A full page. Arrows move focus spatially, OK presses the focused button.

    Subclasses list their focusable items in ``focusables`` and may handle more actions in
    ``handle_action`` (calling ``super().handle_action`` for the defaults).
    """

    focus_moved = Signal(QWidget)  # for announcements

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._theme: Theme | None = None

    def focusables(self) -> list[QWidget]:
        return []

    def initial_focus(self) -> QWidget | None:
        items = [w for w in self.focusables() if w.isVisible() and w.isEnabled()]
        return items[0] if items else None

    def focus_initial(self) -> None:
        target = self.initial_focus()
        if target is not None:
            self.set_focus(target)

    def set_focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        _scroll_into_view(widget)
        self.focus_moved.emit(widget)

    def current_focus(self) -> QWidget | None:
        focused = QApplication.focusWidget()
        return focused if focused in self.focusables() else None

    def handle_action(self, action: Action) -> bool:
        if action in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            target = neighbour(self.current_focus(), self.focusables(), action)
            if target is not None:
                self.set_focus(target)
            return True
        if action is Action.OK:
            focused = self.current_focus()
            if isinstance(focused, QAbstractButton):
                focused.click()
            elif focused is None:
                self.focus_initial()
            return True
        return False

    def apply_theme(self, theme: Theme) -> None:
        self._theme = theme

    def lay_out_page(self, page: QLayout, *inner: QLayout) -> None:
        """A full page: clear of the screen edges in TV mode, the theme's spacing inside."""
        across, down = self.theme.safe_margins()
        page.setContentsMargins(across, down, across, down)
        for layout in (page, *inner):
            layout.setSpacing(self.theme.spacing_px)

    def extra_style(self) -> str:
        """Stylesheet rules of this screen's own, added after the theme's."""
        return ""

    def style_with(self, sheet: str) -> bool:
        """Give this screen the theme's stylesheet (skipped when it already has it).

        Restyling re-polishes every widget below, so the window does it only for the screen
        on show and lets the others catch up when they are next shown.
        """
        full = sheet + self.extra_style()
        if full == self.styleSheet():
            return False
        self.setStyleSheet(full)
        # Settle the new sizes now: focus moves by geometry, and a key may come at once.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return True

    @property
    def theme(self) -> Theme:
        assert self._theme is not None, "apply_theme must run before the screen is shown"
        return self._theme


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 40, 40)
            return
        parent = parent.parentWidget()
