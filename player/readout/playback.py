"""Plays spoken lines through a libVLC player of their own, beside the drama.

A second ``vlc.Instance`` and ``MediaPlayer`` give speech its own audio stream: the system
mixer blends it with the drama's sound, its volume is independent, and ``stop()`` cuts it off
at once without touching the episode. As in the engine, libVLC's callbacks only post to the
GUI thread through ``EventMarshal``; every libVLC call is made there.

libVLC reports the end of a short sound file when its decoder has run dry, while up to a
second of audio is still queued in the audio output. ``finished`` therefore waits until the
file's own length has played since libVLC reported it playing, so the next line (which stops
this one) never cuts off the last words.
"""

from __future__ import annotations

import os
import time
import wave
from pathlib import Path
from typing import Any

import vlc
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from player.config.store import Settings
from player.engine.vlc_log import route_vlc_log
from player.marshal import EventMarshal

_ARGS = ("--quiet", "--no-video", "--no-spu", "--no-osd", "--no-stats", "--no-xlib")
_DEFAULT_VOLUME = 90


def wav_seconds(path: str) -> float:
    """Length of a WAV file from its header; 0 when it cannot be read."""
    try:
        with wave.open(path, "rb") as source:
            return source.getnframes() / float(source.getframerate() or 1)
    except (OSError, EOFError, wave.Error):
        return 0.0


class SpeechPlayerError(RuntimeError):
    """libVLC could not be started (plugins missing)."""


class SpeechPlayer(QObject):
    """One spoken line at a time.

    ``started`` fires when libVLC reports the line playing, ``finished`` when it played to
    the end or could not be played (``failed`` says which), so nobody waits forever.
    ``stop()`` is silent: the caller already knows it stopped the line.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(str)  # path that could not be played

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        audio_output: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        args = list(_ARGS)
        audio_output = audio_output or os.environ.get("SILVERREEL_AUDIO_OUTPUT")
        if audio_output:
            args.append(f"--aout={audio_output}")
        instance = vlc.Instance(args)
        if instance is None:
            raise SpeechPlayerError("libVLC could not start")
        route_vlc_log(instance)  # libVLC's messages to the app's log, not the terminal
        self._instance: Any = instance
        self._player: Any = instance.media_player_new()
        self._marshal = EventMarshal(self)
        self._serial = 0  # which line libVLC's events belong to
        self._path: str | None = None
        self._playing = False
        self._length_s = 0.0  # of the current line
        self._playing_since = 0.0
        self._tail = QTimer(self)  # the rest of the line after libVLC's early end
        self._tail.setSingleShot(True)
        self._tail.setTimerType(Qt.TimerType.PreciseTimer)
        self._tail.timeout.connect(self._tail_played)
        self._closed = False
        self._settings = settings
        self._volume = _DEFAULT_VOLUME
        if settings is not None:
            self._volume = int(settings.get("readout.volume"))
            settings.on_change("readout.volume", self._volume_changed)
        manager = self._player.event_manager()
        manager.event_attach(vlc.EventType.MediaPlayerPlaying, self._poster(self._on_playing))
        manager.event_attach(vlc.EventType.MediaPlayerEndReached, self._poster(self._on_ended))
        manager.event_attach(
            vlc.EventType.MediaPlayerEncounteredError, self._poster(self._on_error)
        )

    # --- libVLC threads: post only ---------------------------------------------------------
    def _poster(self, handler: Any) -> Any:
        def post(_event: Any) -> None:
            self._marshal.post(handler, self._serial)

        return post

    # --- GUI thread ------------------------------------------------------------------------
    def play(self, path: str) -> None:
        """Start speaking the WAV at ``path``, cutting off any line still playing."""
        self._cut()
        if self._closed:
            return
        self._path = path
        self._length_s = wav_seconds(path)
        if not Path(path).is_file():
            self._marshal.post(self._on_error, self._serial)
            return
        media = self._instance.media_new_path(str(Path(path).resolve()))
        self._player.set_media(media)
        media.release()
        self._player.audio_set_volume(self._volume)
        if self._player.play() != 0:
            self._marshal.post(self._on_error, self._serial)

    def stop(self) -> None:
        """Silence the current line at once; no ``finished`` follows."""
        self._cut()

    def is_playing(self) -> bool:
        """Whether a line is being spoken (or has been asked to start)."""
        return self._path is not None

    def media_state(self) -> str:
        """libVLC's own state of the speech player ("Playing", "Stopped", ...), for diagnostics."""
        if self._closed:
            return "Released"
        return str(self._player.get_state()).rsplit(".", 1)[-1]

    def set_volume(self, percent: int) -> None:
        self._volume = min(100, max(0, int(percent)))
        if not self._closed:
            self._player.audio_set_volume(self._volume)

    def volume(self) -> int:
        return self._volume

    def shutdown(self) -> None:
        self._cut()
        self._closed = True
        self._player.release()
        self._instance.release()

    def _cut(self) -> None:
        if self._closed:
            return
        self._player.stop()
        # After the stop, so any event libVLC posted for the old line carries the old serial.
        self._serial += 1
        self._tail.stop()
        self._path = None
        self._playing = False

    def _volume_changed(self, value: object) -> None:
        if isinstance(value, int):
            self.set_volume(value)

    # --- events, on the GUI thread -----------------------------------------------------------
    def _on_playing(self, serial: int) -> None:
        if serial != self._serial or self._playing:
            return
        self._playing = True
        self._playing_since = time.monotonic()
        # Some audio outputs only accept a volume once they are open.
        self._player.audio_set_volume(self._volume)
        self.started.emit()

    def _on_ended(self, serial: int) -> None:
        if serial != self._serial or self._tail.isActive():
            return
        left_s = self._length_s - (time.monotonic() - self._playing_since) if self._playing else 0
        if left_s > 0.01:
            self._tail.start(round(left_s * 1000))
        else:
            self._tail_played()

    def _tail_played(self) -> None:
        self._path = None
        self._playing = False
        self.finished.emit()

    def _on_error(self, serial: int) -> None:
        if serial != self._serial:
            return
        self._tail.stop()
        path = self._path or ""
        self._path = None
        self._playing = False
        self.failed.emit(path)
        self.finished.emit()
