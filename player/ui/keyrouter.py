"""Every key press of the app, routed once: physical key → action (player/ui/keys.py),
through the remote's tremor filter (player/ui/key_gate.py), then to whoever it is for — an
open question first, then the window-wide keys (enlarge, read-aloud, volume, Home), then the
screen on view. Focus changes are logged and said here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from player.actions import Action
from player.config.store import Settings
from player.eventlog import EventLog
from player.ui.key_gate import KeyGate
from player.ui.keys import action_for

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow

VOLUME_STEP = 5


class KeyRouter(QObject):
    """Installed on the application: it sees keys before any widget of the window does."""

    def __init__(self, window: MainWindow, settings: Settings, events: EventLog) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._events = events
        self.key_gate = KeyGate(int(settings.get("remote.hold_repeat_ms")),
                                int(settings.get("remote.double_press_ms")))
        settings.on_change("remote.hold_repeat_ms", self._set_hold_repeat)
        settings.on_change("remote.double_press_ms", self._set_double_press)
        self._closed = False

    def install(self) -> None:
        app = QApplication.instance()
        app.installEventFilter(self)  # type: ignore[union-attr]
        app.focusChanged.connect(self._log_focus)  # type: ignore[union-attr]

    def uninstall(self) -> None:
        """The window closed: no more keys, and (once) no more focus logging."""
        app = QApplication.instance()
        app.removeEventFilter(self)  # type: ignore[union-attr]
        if not self._closed:
            self._closed = True
            app.focusChanged.disconnect(self._log_focus)  # type: ignore[union-attr]

    def take_keyboard(self) -> None:
        """With no window manager (a kiosk session) nobody gives a new window the keyboard:
        the window asks for it itself. Only X11 lets a window be shown without it; elsewhere
        (Wayland, Windows, the offscreen test platform) the system decides, and asking warns."""
        window = self._window
        if (window.isVisible() and not window.isActiveWindow()
                and QGuiApplication.platformName() == "xcb"):
            window.raise_()
            window.activateWindow()

    def _set_hold_repeat(self, value: object) -> None:
        self.key_gate.hold_repeat_ms = int(value)  # type: ignore[call-overload]

    def _set_double_press(self, value: object) -> None:
        self.key_gate.double_press_ms = int(value)  # type: ignore[call-overload]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the isinstance test is the cheap first gate
        # (comparing event.type() makes an enum object per event, costly at this volume).
        if not isinstance(event, QKeyEvent):
            return False
        kind = event.type()
        window = self._window
        if kind == QEvent.Type.KeyRelease and isinstance(watched, QWidget) \
                and watched.window() is window:
            self.key_gate.release(event.key(), event.isAutoRepeat(), event.timestamp())
            return False
        if (kind == QEvent.Type.KeyPress and isinstance(watched, QWidget)
                and watched.window() is window):
            action = action_for(event.key(), event.modifiers())
            if action is not None:
                # A held key acts once, a trembling double press once (see key_gate.py).
                if self.key_gate.press(event.key(), action, event.isAutoRepeat(),
                                       event.timestamp()):
                    self.dispatch(action)
                return True
        return False

    def dispatch(self, action: Action) -> None:
        """Do what ``action`` means right now: overlay first, then global keys, then the screen."""
        window = self._window
        overlay = window.questions.open
        if window.banner.isVisible() and overlay is None:
            window.banner.hide()
        if overlay is not None:
            overlay.handle_action(action)
        elif action is Action.ENLARGE:
            self.toggle_enlarged()
        elif action is Action.READ_ALOUD:
            self.toggle_read_aloud()
        elif action in (Action.VOLUME_UP, Action.VOLUME_DOWN):
            self.change_volume(VOLUME_STEP if action is Action.VOLUME_UP else -VOLUME_STEP)
        elif action is Action.MUTE:
            self._settings.set("playback.volume", 0)
        elif action is Action.HOME:
            if window.is_playing():
                window.session.stop()
                window.cues.clear()
            window.go_home()
        else:
            window.current_screen().handle_action(action)
        window.action_handled.emit(action)

    def toggle_enlarged(self) -> None:
        self._settings.set("ui.enlarged", not self._settings.get("ui.enlarged"))

    # The sentences were the window's: its catalogue context keeps their translations.
    def toggle_read_aloud(self) -> None:
        enabled = not self._settings.get("readout.enabled")
        self._settings.set("readout.enabled", enabled)
        self._window.show_message(
            QCoreApplication.translate("MainWindow", "朗读字幕：开") if enabled
            else QCoreApplication.translate("MainWindow", "朗读字幕：关"), 2.5)

    def change_volume(self, step: int) -> None:
        volume = self._window.volume
        self._settings.set("playback.volume", max(0, min(100, volume.user + step)))
        self._window.show_message(QCoreApplication.translate("MainWindow", "音量 %1").replace(
            "%1", str(volume.level())), 1.5)

    def _log_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            name = new.accessibleName() or str(new.property("text") or "")
            if name:
                self._events.log("focus", name=name)

    def announce_focus(self, widget: QWidget) -> None:
        """A screen moved its focus: its name is said."""
        name = widget.accessibleName()
        if name:
            self._window.announce(name)
