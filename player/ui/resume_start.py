"""开机直接续播: the TV goes straight to the programme.

Surveys of older viewers in China (and the 适老化 requirements for smart TVs) name "the TV does
not go straight to the programme" as their top difficulty. With the family setting
``playback.resume_on_start`` on, Home opens with a large, spoken line — "马上继续播放《春风又起》
第 3 集" — and a countdown of ``COUNTDOWN_S`` seconds; then the episode last left unfinished plays
by itself. Any key stops the countdown and leaves the viewer on Home (the key does nothing else).
Nothing happens when nothing was watched yet, or when the last episode watched was the series'
last and finished.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.strings import episode_label

if TYPE_CHECKING:
    from player.config.store import Settings
    from player.ui.mainwindow import MainWindow

COUNTDOWN_S = 5


class ResumeCountdown(Screen):
    """The line, the seconds left and how to stop it, large, over Home."""

    finished = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget, line: str) -> None:
        super().__init__(parent)
        self._line = QLabel(line)
        self._line.setProperty("role", "message")
        self._line.setWordWrap(True)
        self._line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._line.setObjectName("resume_line")
        self._seconds = QLabel()
        self._seconds.setProperty("role", "title")
        self._seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._seconds.setObjectName("resume_seconds")
        self._hint = QLabel(self.tr("按任意键取消"))
        self._hint.setProperty("role", "secondary")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setObjectName("resume_hint")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self._line, self._seconds, self._hint):
            layout.addWidget(label)
        layout.addStretch(1)
        self.setGeometry(parent.rect())
        self._left = COUNTDOWN_S
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._show_left()

    @property
    def line(self) -> str:
        return self._line.text()

    @property
    def seconds_left(self) -> int:
        return self._left

    def start(self) -> None:
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()

    def extra_style(self) -> str:
        # Nearly opaque: Home's text showing through would blur the one line that matters.
        sheet = "QWidget#screen { background: rgba(0,0,0,0.97); }"
        theme = self._theme
        if theme is not None:
            sheet += (f"QLabel#resume_line {{ font-size: {round(theme.title_px * 1.25)}px;"
                      f" font-weight: bold; }}"
                      f"QLabel#resume_seconds {{ font-size: {round(theme.title_px * 1.6)}px;"
                      f" font-weight: bold; color: #FFD21F; }}"
                      f"QLabel#resume_hint {{ font-size: {theme.body_px}px; }}")
        return sheet

    def handle_action(self, action: Action) -> bool:
        self._tick.stop()
        self.cancelled.emit()
        return True

    def _count_down(self) -> None:
        self._left -= 1
        self._show_left()
        if self._left <= 0:
            self._tick.stop()
            self.finished.emit()

    def _show_left(self) -> None:
        self._seconds.setText(self.tr("%1 秒").replace("%1", str(max(self._left, 0))))


class ResumeOnStart(QObject):
    """Offers the countdown once, when Home first shows the library."""

    def __init__(self, window: MainWindow, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._settings = settings
        self._countdown: ResumeCountdown | None = None
        self._done = False

    def arm(self) -> None:
        """Start now if Home already shows the library, else when it does."""
        if self._window.library:
            QTimer.singleShot(0, self._offer)
        else:
            self._window.home_ready.connect(self._offer, Qt.ConnectionType.SingleShotConnection)

    def disarm(self) -> None:
        """Never offer this run: the viewer named what to watch (``silverreel PATH_OR_URL``)."""
        self._done = True

    def _offer(self) -> None:
        if self._done or not self._settings.get("playback.resume_on_start"):
            return
        self._done = True
        window = self._window
        resume = window.resume
        target = resume.continue_target()
        last = resume.progress.last_watched() if resume.progress is not None else None
        if target is None or last is None:
            return
        series = window.library[target.series_index]
        episode = series.episodes[target.episode_index]
        if episode.location == last.location and last.watched:
            return  # the whole series is watched: nothing to go on with
        line = self.tr("马上继续播放《%1》%2").replace("%1", series.title).replace(
            "%2", episode_label(episode.number))
        countdown = ResumeCountdown(window, line)
        self._countdown = countdown
        countdown.finished.connect(lambda: self._play(target.series_index,
                                                      target.episode_index, target.position_ms))
        countdown.cancelled.connect(self._cancel)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # before the window's own: any key, bound or not
        window.open_overlay(countdown, line)
        window.events.log("resume_countdown", series=series.title, episode=episode.number,
                          seconds=COUNTDOWN_S)
        countdown.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._countdown is not None and event.type() == QEvent.Type.KeyPress
                and isinstance(watched, QWidget) and watched.window() is self._window):
            self._cancel()
            return True  # the key only stops the countdown
        return False

    def _close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
            self._window.close_overlay()

    def _cancel(self) -> None:
        if self._countdown is None:
            return
        self._close()
        self._window.events.log("resume_cancelled")
        self._window.announce(self.tr("好的，不自动播放。"))

    def _play(self, series_index: int, episode_index: int, position_ms: int) -> None:
        if self._countdown is None:
            return
        self._close()
        window = self._window
        window.start_playing(window.library[series_index], episode_index, position_ms)
