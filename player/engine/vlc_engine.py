"""The real playback engine: libVLC 3 through python-vlc.

Every libVLC call is made on the GUI thread. libVLC's event and video callbacks run on its
own threads and only post to the GUI thread (see ``EventMarshal``), because libVLC is not
re-entrant: calling it from inside its own callback can deadlock.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import vlc
from PySide6.QtCore import QObject, QSize, QTimer
from PySide6.QtGui import QImage

from player.engine.base import (
    ErrorCode,
    PlaybackEngine,
    PlaybackProblem,
    PlaybackState,
)
from player.engine.vlc_log import route_vlc_log
from player.engine.vlc_video import VlcFrameSink
from player.locations import is_remote
from player.marshal import EventMarshal
from player.net.relay import relay_url

_CLOCK_INTERVAL_MS = 50
_OPEN_TIMEOUT_MS = 15_000
# A stream whose clock stands still this long while "playing" has lost its network.
_STALL_MS = 8000
# An episode that ends before this share of its stated length was cut short (damaged file).
_INCOMPLETE_SHARE = 0.9

# Dialogue clarity through libVLC's 10-band equalizer (60, 170, 310, 600 Hz, 1, 3, 6, 12, 14,
# 16 kHz): music's lows and the top end down, the speech bands (≈ 300 Hz – 6 kHz) up. The
# preamp leaves headroom so the lifted bands do not clip. An equalizer is the route libVLC 3
# offers: it ignores --audio-filter given to an instance.
DIALOGUE_BANDS_DB = (-10.0, -6.0, -1.0, 2.0, 4.0, 5.0, 3.0, -2.0, -4.0, -6.0)
DIALOGUE_PREAMP_DB = -3.0

# libVLC must not draw subtitles, titles or on-screen messages: the app draws its own, large.
_BASE_ARGS = (
    "--quiet",
    "--no-video-title-show",
    "--no-sub-autodetect-file",
    "--no-spu",
    "--no-osd",
    "--no-snapshot-preview",
    "--no-stats",
    "--no-xlib",
    # Fast bilinear instead of bicubic for the one scale-down to the screen: about 6 % less
    # CPU for the whole playback (measured, benchmarks/bench_playback.py), no visible loss.
    "--swscale-mode=0",
)


class VlcEngine(PlaybackEngine):
    """Plays through libVLC.

    ``video`` is ``"callbacks"`` (pictures delivered as ``frame_ready`` QImages, the app's
    normal mode), ``"dummy"`` (decode and drop: tests and baselines) or ``"native"``
    (libVLC draws into a native window given by ``set_native_window``: measurements only).
    """

    def __init__(
        self,
        *,
        video: str = "callbacks",
        audio_output: str | None = None,
        extra_args: Sequence[str] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        args = list(_BASE_ARGS)
        if video == "dummy":
            args.append("--vout=dummy")
        audio_output = audio_output or os.environ.get("SILVERREEL_AUDIO_OUTPUT")
        if audio_output:
            args.append(f"--aout={audio_output}")
        args.extend(extra_args)
        instance = vlc.Instance(args)
        if instance is None:
            raise RuntimeError("libVLC could not start (is VLC's plugin set installed?)")
        route_vlc_log(instance)  # libVLC's messages to the app's log, not the terminal
        self._instance: Any = instance
        self._player: Any = instance.media_player_new()
        self._media: Any = None
        self._marshal = EventMarshal(self)
        self._state = PlaybackState.IDLE
        self._location: str | None = None
        self._duration = 0
        self._position = 0
        self._volume = 100
        self._rate = 1.0
        self._load_serial = 0
        self._frame_serial = -1
        self._picture_size = QSize()
        self._unchanged_ticks = 0
        self._pending_start = 0
        self._sink: VlcFrameSink | None = None
        if video == "callbacks":
            self._sink = VlcFrameSink(self._frame_from_vout_thread)
            self._sink.attach(self._player)
        self._clock = QTimer(self)
        self._clock.setInterval(_CLOCK_INTERVAL_MS)
        self._clock.timeout.connect(self._tick)
        self._open_watchdog = QTimer(self)
        self._open_watchdog.setSingleShot(True)
        self._open_watchdog.setInterval(_OPEN_TIMEOUT_MS)
        self._open_watchdog.timeout.connect(self._open_timed_out)
        self._attach_events()

    # --- libVLC threads: post only -----------------------------------------------------
    def _attach_events(self) -> None:
        manager = self._player.event_manager()
        handlers = {
            vlc.EventType.MediaPlayerPlaying: self._on_playing,
            vlc.EventType.MediaPlayerPaused: self._on_paused,
            vlc.EventType.MediaPlayerEndReached: self._on_end_reached,
            vlc.EventType.MediaPlayerEncounteredError: self._on_vlc_error,
            vlc.EventType.MediaPlayerLengthChanged: self._on_length,
        }
        for event_type, handler in handlers.items():
            manager.event_attach(event_type, self._poster(handler))

    def _poster(self, handler: Any) -> Any:
        def post(event: Any) -> None:
            serial = self._load_serial
            if event.type == vlc.EventType.MediaPlayerLengthChanged:
                self._marshal.post(handler, serial, int(event.u.new_length))
            else:
                self._marshal.post(handler, serial)

        return post

    def _frame_from_vout_thread(self, image: QImage) -> None:
        self._marshal.post(self._on_frame, self._load_serial, image)

    # --- GUI thread ----------------------------------------------------------------------
    def load(self, location: str, start_ms: int = 0) -> None:
        self._stop_player()
        self._load_serial += 1
        self._location = location
        self._duration = 0
        self._position = max(0, start_ms)
        self._pending_start = max(0, start_ms)
        problem = self._local_problem(location)
        if problem is not None:
            self._fail(problem)
            return
        if is_remote(location):
            # Never the remote address itself: libVLC would follow a redirect to file:.
            media = self._instance.media_new(relay_url(location))
        else:
            # Bytes, so that a name that is not UTF-8 (GBK from a Windows zip) opens too.
            media = self._instance.media_new_path(os.fsencode(Path(location).resolve()))
        if start_ms > 0:
            media.add_option(f":start-time={start_ms / 1000:.3f}")
        self._media = media
        self._player.set_media(media)
        self._set_state(PlaybackState.OPENING)
        self._player.set_rate(self._rate)
        self._player.play()
        self._open_watchdog.start()

    def _local_problem(self, location: str) -> PlaybackProblem | None:
        if is_remote(location):
            return None
        path = Path(location)
        try:
            if not path.is_file():
                return PlaybackProblem(ErrorCode.MISSING, location)
            if path.stat().st_size == 0:
                return PlaybackProblem(ErrorCode.EMPTY, location)
        except OSError as exc:
            return PlaybackProblem(ErrorCode.MISSING, location, str(exc))
        return None

    def pause(self) -> None:
        if self._state in (PlaybackState.PLAYING, PlaybackState.OPENING):
            self._player.set_pause(1)

    def resume(self) -> None:
        if self._state is PlaybackState.PAUSED:
            self._player.set_pause(0)

    def seek(self, position_ms: int) -> None:
        if self._state not in (PlaybackState.PLAYING, PlaybackState.PAUSED):
            return
        target = max(0, position_ms)
        if self._duration:
            target = min(target, max(0, self._duration - 500))
        self._player.set_time(int(target))
        self._position = target
        self.position_changed.emit(target)

    def set_rate(self, rate: float) -> None:
        self._rate = min(2.0, max(0.25, rate))
        self._player.set_rate(self._rate)

    def rate(self) -> float:
        return self._rate

    def set_volume(self, volume: int) -> None:
        level = min(100, max(0, int(volume)))
        if level == self._volume:
            return
        self._volume = level
        if self._player is not None:  # an analysis may level the sound after shutdown
            self._player.audio_set_volume(level)
        self.volume_changed.emit(level)

    def volume(self) -> int:
        return self._volume

    def stop(self) -> None:
        self._stop_player()
        if self._state is not PlaybackState.IDLE:
            self._set_state(PlaybackState.STOPPED)

    def state(self) -> PlaybackState:
        return self._state

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return self._duration

    def location(self) -> str | None:
        return self._location

    def picture_size(self) -> QSize:
        return QSize(self._picture_size)

    def set_dialogue_clarity(self, on: bool) -> None:
        if self._player is None:
            return
        if not on:
            self._player.set_equalizer(None)
            return
        equalizer = vlc.AudioEqualizer()
        equalizer.set_preamp(DIALOGUE_PREAMP_DB)
        for band, gain in enumerate(DIALOGUE_BANDS_DB):
            equalizer.set_amp_at_index(gain, band)
        self._player.set_equalizer(equalizer)  # libVLC copies the settings

    def set_display_size(self, width: int, height: int) -> None:
        if self._sink is not None:
            self._sink.set_display_box(width, height)

    def set_frame_filter(self, frame_filter: Callable[[Any, float], None] | None) -> None:
        if self._sink is not None:
            self._sink.set_filter(frame_filter)

    def set_native_window(self, window_id: int) -> None:
        """Let libVLC draw into a native window (measurement only; see ADR 001)."""
        if os.name == "nt":
            self._player.set_hwnd(window_id)
        else:
            self._player.set_xwindow(window_id)

    def shutdown(self) -> None:
        if self._player is None:
            return  # already released; releasing twice would crash inside libVLC
        self._clock.stop()
        self._open_watchdog.stop()
        self._player.stop()
        self._load_serial += 1  # anything still queued from libVLC is now stale
        self._player.release()
        self._instance.release()
        self._player = None
        self._instance = None

    def _stop_player(self) -> None:
        if self._player is None:
            return
        self._clock.stop()
        self._open_watchdog.stop()
        # stop() joins libVLC's threads, so whatever they posted so far has the old serial.
        self._player.stop()
        self._load_serial += 1

    # --- events, on the GUI thread ----------------------------------------------------------
    def _current(self, serial: int) -> bool:
        return serial == self._load_serial and self._player is not None

    def _on_playing(self, serial: int) -> None:
        if not self._current(serial):
            return
        self._player.audio_set_volume(self._volume)
        self._unchanged_ticks = 0
        self._honour_start_position()
        self._set_state(PlaybackState.PLAYING)
        self._clock.start()

    def _honour_start_position(self) -> None:
        """Some demuxers (HLS among them) ignore ``:start-time``; seek there instead."""
        start, self._pending_start = self._pending_start, 0
        if start and int(self._player.get_time()) < start - 1500:
            self._player.set_time(start)
            self._position = start
            self.position_changed.emit(start)

    def _on_paused(self, serial: int) -> None:
        if not self._current(serial):
            return
        self._tick()
        self._clock.stop()
        self._set_state(PlaybackState.PAUSED)

    def _on_length(self, serial: int, length_ms: int) -> None:
        if self._current(serial) and length_ms > 0 and length_ms != self._duration:
            self._duration = length_ms
            self.duration_changed.emit(length_ms)

    def _on_frame(self, serial: int, image: QImage) -> None:
        if not self._current(serial):
            return
        if self._frame_serial != serial:
            self._frame_serial = serial
            self._open_watchdog.stop()
            self._update_picture_size(image)
            self.first_frame.emit()
        self.frame_ready.emit(image)

    def _update_picture_size(self, image: QImage) -> None:
        width, height = self._player.video_get_size(0) or (0, 0)
        size = QSize(width, height) if width and height else image.size()
        if size != self._picture_size:
            self._picture_size = size
            self.picture_size_changed.emit(size)

    def _on_end_reached(self, serial: int) -> None:
        if not self._current(serial):
            return
        self._clock.stop()
        self._open_watchdog.stop()
        played_anything = self._frame_serial == serial or self._position > 0
        location = self._location or ""
        if not played_anything:
            self._fail(PlaybackProblem(ErrorCode.UNPLAYABLE, location))
            return
        if self._duration and self._position < self._duration * _INCOMPLETE_SHARE - 2000:
            self._fail(
                PlaybackProblem(
                    ErrorCode.INCOMPLETE, location, f"stopped at {self._position} ms"
                )
            )
            return
        if self._duration:
            self._position = self._duration
            self.position_changed.emit(self._position)
        self._set_state(PlaybackState.ENDED)
        self.ended.emit()

    def _on_vlc_error(self, serial: int) -> None:
        if not self._current(serial):
            return
        code = ErrorCode.STREAM if is_remote(self._location or "") else ErrorCode.UNPLAYABLE
        self._fail(PlaybackProblem(code, self._location or ""))

    def _open_timed_out(self) -> None:
        if self._state is PlaybackState.OPENING:
            self._stop_player()
            self._fail(PlaybackProblem(ErrorCode.TIMEOUT, self._location or ""))

    def _tick(self) -> None:
        now = int(self._player.get_time())
        if now >= 0 and now != self._position:
            self._position = now
            self._unchanged_ticks = 0
            self.position_changed.emit(now)
            return
        self._unchanged_ticks += 1
        stalled = self._unchanged_ticks * _CLOCK_INTERVAL_MS >= _STALL_MS
        if stalled and self._state is PlaybackState.PLAYING and is_remote(self._location or ""):
            self._stop_player()
            self._fail(PlaybackProblem(ErrorCode.STREAM, self._location or "", "stalled"))

    def _fail(self, problem: PlaybackProblem) -> None:
        self._clock.stop()
        self._open_watchdog.stop()
        self._set_state(PlaybackState.ERROR)
        self.error.emit(problem)

    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)
