"""What the Playing screen shows and says about the episode's state: time left, paused,
reconnecting, recovered, and an episode that would not play (passed over to the next one that
does when it was started by a big button or auto-next, else back to the list with a message).

The sentences keep the window's context in the translation catalogue (they were the window's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from player.engine.base import PlaybackProblem, PlaybackState
from player.playable import next_playable
from player.ui.strings import episode_label, playback_error

if TYPE_CHECKING:
    from player.ui.mainwindow import MainWindow


class PlaybackNotes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def wire(self) -> None:
        window, engine, session = self._window, self._window.engine, self._window.session
        engine.first_frame.connect(self.on_first_frame)
        engine.frame_ready.connect(window.playing.video.show_frame)
        engine.picture_size_changed.connect(window.playing.video.set_picture_size)
        engine.position_changed.connect(self.on_position)
        engine.duration_changed.connect(lambda _d: self.on_position(engine.position()))
        engine.state_changed.connect(self.on_state)
        session.failed.connect(self.on_failed)
        session.reconnecting.connect(self.on_reconnecting)
        session.recovered.connect(self.on_recovered)

    def on_first_frame(self) -> None:
        window = self._window
        episode = window.session.episode
        if (window.progress is not None and episode is not None
                and window.progress.unplayable([episode.location])):
            window.progress.clear_unplayable(episode.location)  # it plays now after all

    def on_reconnecting(self, attempt: int) -> None:
        text = QCoreApplication.translate("MainWindow", "网络不好，正在重新连接…")
        self._window.playing.show_note(text)
        if attempt == 1:
            self._window.announce(text)

    def on_recovered(self, _position_ms: int) -> None:
        text = QCoreApplication.translate("MainWindow", "已重新连上，接着播放。")
        self._window.playing.show_note(text)
        self._window.announce(text)

    def on_failed(self, problem: PlaybackProblem) -> None:
        window = self._window
        text = playback_error(problem.code)
        series, index = window.session.series, window.session.index
        failed_here = (series is not None and 0 <= index < len(series.episodes)
                       and series.episodes[index].location == problem.location)
        if window.progress is not None and failed_here:
            window.progress.mark_unplayable(problem.location, problem.code.value)
        if (failed_here and series is not None and window.started_by_auto()
                and window.is_playing()):
            # Started by a big button or auto-next: go on to the next one that plays.
            chosen = next_playable(series, index + 1, window.unplayable(series))
            if chosen is not None:
                label = episode_label(series.episodes[index].number)
                to = episode_label(series.episodes[chosen].number)
                window.events.log("unplayable_skipped", skipped=label,
                                  to_episode=series.episodes[chosen].number)
                note = QCoreApplication.translate("MainWindow", "%1打不开，接着播放%2。")
                note = note.replace("%1", label).replace("%2", to)
                window.session.stop()
                window.start_playing(series, chosen)
                window.announce(note)
                QTimer.singleShot(0, lambda: window.playing.show_note(note))
                return
        if window.is_playing():
            window.leave_playing()
        window.show_message(text)

    def on_position(self, position_ms: int) -> None:
        duration = self._window.engine.duration()
        if duration > 0:
            self._window.playing.show_remaining(duration - position_ms)

    def on_state(self, state: PlaybackState) -> None:
        self._window.playing.set_paused(state is PlaybackState.PAUSED)
