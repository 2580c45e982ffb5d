"""The cast receiver on the GUI thread: the family's switch, the first-cast question, and a
cast played like any episode (its local copy analysed for subtitles, leveling and pacing).

The network side (``CastServer``) runs on its own thread and meets this object only through
``CastBridge``: commands arrive through the bridge's queue and are handled here, on the GUI
thread (libVLC is only called from here); the engine's real state goes back as a new
``Snapshot`` after every change, which the server reads and sends out as LastChange.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from player.actions import Action
from player.cast.bridge import CastBridge, Command, Snapshot
from player.cast.copy import CastCopier
from player.cast.metadata import Device
from player.cast.stream_analysis import StreamAnalysis
from player.config.store import Settings
from player.engine.base import PlaybackState
from player.eventlog import EventLog
from player.library.model import Episode, Series
from player.marshal import EventMarshal
from player.start_checks import StartKind
from player.window_intents import WindowIntents

if TYPE_CHECKING:  # the network side (aiohttp, async-upnp-client) loads only when switched on
    from player.cast.server import CastServer
    from player.pace.monitor import PacingMonitor

ENABLED_KEY = "cast.enabled"
DEVICES_KEY = "cast.allowed_devices"
QUESTION_RETRY_MS = 1000
QUESTION_WAITS = 60  # a minute for another open question to be answered, then refused
CAST_SOURCE = "cast:"  # Series.source of a cast: never saved to progress, never in the library
# While libVLC opens an accepted cast the phone is told PLAYING, not TRANSITIONING: several
# apps give up on a renderer that answers Play with TRANSITIONING (docs/casting.md). The
# position does not move until the engine really plays.
_STATES = {
    PlaybackState.OPENING: "PLAYING",
    PlaybackState.PLAYING: "PLAYING",
    PlaybackState.PAUSED: "PAUSED_PLAYBACK",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Cast", text)


def friendly_name() -> str:
    return f"长辈剧场 ({socket.gethostname().split('.', 1)[0] or '电脑'})"


def is_cast(series: Series | None) -> bool:
    return series is not None and series.source.startswith(CAST_SOURCE)


class CastReceiver(QObject):
    """Owns the cast server's life: on while 允许手机投屏 is on (or ``--cast`` for one run)."""

    def __init__(self, window: WindowIntents, settings: Settings, events: EventLog, *,
                 forced: bool = False, address: str | None = None,
                 server_factory: Callable[[CastBridge], CastServer] | None = None,
                 pacing: PacingMonitor | None = None, cache_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._settings = settings
        self._events = events
        self._engine = window.engine
        self._session = window.session
        self._forced = forced
        self._address = address
        self._server_factory = server_factory or self._make_server
        self.bridge = CastBridge()
        self._marshal = EventMarshal(self)
        self.bridge.wake = lambda: self._marshal.post(self._drain)
        self.bridge.set_allowed(frozenset(settings.get(DEVICES_KEY)))
        self.server: CastServer | None = None
        self._uri = ""
        self._metadata = ""
        self._title = ""
        self._requester: Device | None = None
        self._asking: Device | None = None
        self._series: Series | None = None
        self._volume_before_mute = 0
        self._waits = 0
        # Subtitles off the picture, leveling and pacing: analysed from a local copy.
        self._pacing = pacing
        self._copier = CastCopier(cache_dir, self._copied_on_thread) \
            if pacing is not None and cache_dir is not None else None
        self._copy: str | None = None
        # A stream (HLS, live) cannot be copied: read as it plays, through the relay.
        self._stream = StreamAnalysis(
            lambda uri, cues: self._marshal.post(self._stream_cues, uri, cues),
            lambda uri, found, why: self._marshal.post(self._stream_done, uri, found, why),
        ) if pacing is not None else None
        if pacing is not None:
            pacing.analysed.connect(self._on_analysed)
        self._session.skip_progress_for(is_cast)
        engine = self._engine
        engine.state_changed.connect(lambda _state: self._publish())
        engine.position_changed.connect(lambda _ms: self._publish())
        engine.duration_changed.connect(lambda _ms: self._publish())
        engine.volume_changed.connect(lambda _level: self._publish())
        engine.ended.connect(self._on_ended)
        self._session.failed.connect(self._on_failed)
        self._session.episode_started.connect(self._on_episode_started)
        window.playing_left.connect(self._on_back)
        window.action_handled.connect(self._on_action)
        settings.on_change(ENABLED_KEY, lambda _on: self._apply_switch())
        settings.on_change(DEVICES_KEY,
                           lambda devices: self.bridge.set_allowed(frozenset(devices)))
        self._apply_switch()

    # --- on and off -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None

    def _make_server(self, bridge: CastBridge) -> CastServer:
        from player.cast.server import CastServer, stable_udn

        seed = str(self._settings.path)
        return CastServer(bridge, friendly_name(), stable_udn(seed), address=self._address)

    def _wanted(self) -> bool:
        return self._forced or bool(self._settings.get(ENABLED_KEY))

    def _apply_switch(self) -> None:
        if self._wanted() and self.server is None:
            server = self._server_factory(self.bridge)
            if server.start():
                self.server = server
                self._events.log("cast_receiver", on=True, name=friendly_name(),
                                 description=server.description_url)
                self._publish()
            else:
                self._events.log("cast_receiver", on=False, problem=server.problem)
                server.stop()
                self._window.show_message(tr("手机投屏没能打开，请检查网络后再试。"))
        elif not self._wanted() and self.server is not None:
            self.shutdown()

    def shutdown(self) -> None:
        server, self.server = self.server, None
        if self._copier is not None:
            self._copier.cancel()
            self._copier.clear()
        if self._stream is not None:
            self._stream.close()
        if server is not None:
            if is_cast(self._session.series) and self._series is not None:
                self._stop_cast("receiver_off")
                if self._window.is_playing():
                    self._window.leave_playing()
            server.stop()
            self._events.log("cast_receiver", on=False)

    # --- commands from the phone (queued by the server thread) ------------------------------------
    def _drain(self) -> None:
        while (command := self.bridge.take()) is not None:
            if self.server is None:
                continue  # switched off while the command was on its way
            handler = getattr(self, f"_do_{command.kind}", None)
            if handler is not None:
                handler(command)

    def _do_refused(self, command: Command) -> None:
        uri, reason = command.args
        self._events.log("cast_refused", uri=uri, reason=reason, device=command.device.key)
        self._window.show_message(tr("手机发来的视频地址不能在这里播放，已拒绝。"))

    def _do_set_uri(self, command: Command) -> None:
        location, title, metadata, asked_for = command.args
        self._uri, self._title, self._metadata = location, title, metadata
        self._requester = command.device
        self._events.log("cast_requested", uri=asked_for, title=title,
                         device=command.device.key)
        if self._casting():
            # A new address while a cast plays: AVTransport says it replaces the old one.
            self._start(command.device)
        self._publish()

    def _do_play(self, command: Command) -> None:
        if not self._uri:
            return
        if self._casting() and self._engine.location() == self._uri \
                and self._engine.state() is PlaybackState.PAUSED:
            if self.bridge.may_control(command.device):
                self._engine.resume()
            return
        if self._casting() and self._engine.location() == self._uri \
                and self._engine.state() in (PlaybackState.PLAYING, PlaybackState.OPENING):
            return
        self._start(command.device)

    def _casting(self) -> bool:
        """A cast is what the engine is playing now (not a cast the viewer has left)."""
        return self._series is not None and is_cast(self._session.series)

    def _do_pause(self, _command: Command) -> None:
        if self._casting() and self._engine.state() is PlaybackState.PLAYING:
            self._engine.pause()

    def _do_stop(self, _command: Command) -> None:
        if self._casting():
            self._stop_cast("phone")
            if self._window.is_playing():
                self._window.leave_playing()
        self._publish()

    def _do_seek(self, command: Command) -> None:
        if self._casting():
            self._session.seek(int(command.args[0]))
            self._publish()

    def _do_volume(self, command: Command) -> None:
        self._settings.set("playback.volume", max(0, min(100, int(command.args[0]))))
        self._publish()

    def _do_mute(self, command: Command) -> None:
        volume = int(self._settings.get("playback.volume"))
        if command.args[0] and volume > 0:
            self._volume_before_mute = volume
            self._settings.set("playback.volume", 0)
        elif not command.args[0] and volume == 0:
            self._settings.set("playback.volume", self._volume_before_mute or 50)
        self._publish()

    # --- asking, playing, stopping ---------------------------------------------------------------
    def _start(self, device: Device) -> None:
        if self.server is None or not self._uri:
            return  # switched off, or the address was refused, while this waited
        if device.key in self._settings.get(DEVICES_KEY):
            self._play_now()
            return
        if self._asking is not None:
            return  # one question at a time; the phone may ask again later
        if self._window.has_overlay():
            # Another question is open (a rest reminder, a pacing notice): ask after it.
            if self._waits < QUESTION_WAITS:
                self._waits += 1
                QTimer.singleShot(QUESTION_RETRY_MS, lambda: self._start(device))
            else:
                self._waits = 0
                self._events.log("cast_refused", uri=self._uri, reason="busy",
                                 device=device.key)
            return
        self._waits = 0
        self._asking = device
        self.bridge.set_asking(device.key)
        who = device.name or tr("一部手机")
        question = tr("%1想在电视上播放视频，可以吗？").replace("%1", who)
        self._events.log("cast_question", device=device.key)

        def answer(choice: int) -> None:
            self._asking = None
            self.bridge.set_asking(None)
            if choice == 1:
                devices = list(self._settings.get(DEVICES_KEY))
                if device.key not in devices:
                    self._settings.set(DEVICES_KEY, [*devices, device.key])
                self._play_now()
            else:
                self._events.log("cast_refused", uri=self._uri, reason="not_allowed",
                                 device=device.key)
                self._uri = self._metadata = ""
                self._publish()

        # 不可以 first: it is the focused answer and what Back means (the safe choice).
        self._window.ask(question, (tr("不可以"), tr("可以")), answer)

    def _play_now(self) -> None:
        episode = Episode(1, self._title, self._uri)
        self._series = Series(self._title, CAST_SOURCE + (self._requester.key
                                                         if self._requester else ""),
                              (episode,))
        self._window.start_playing(self._series, 0, 0, kind=StartKind.CAST)
        self._publish()

    def _on_episode_started(self, series: Series, _index: int) -> None:
        if is_cast(series):
            self._window.show_source(tr("手机投屏"))  # not "第 1 集"
            if self._copier is not None:
                self._copier.start(series.episodes[0].location)
        else:
            self._end_stream_reading()
            if self._series is not None:  # the viewer chose an episode of their own instead
                self._stop_cast("viewer")
        self._publish()

    def _on_failed(self, _problem: object) -> None:
        # The window already says why in plain words; the phone reads STOPPED.
        if is_cast(self._session.series) and self._series is not None:
            self._stop_cast("error")

    def _on_ended(self) -> None:
        if is_cast(self._session.series) and self._series is not None:
            self._stop_cast("ended")

    def _on_back(self) -> None:
        # The window leaves the Playing screen itself; the phone is told the cast stopped.
        self._end_stream_reading()
        if is_cast(self._session.series) or is_cast(self._series):
            self._stop_cast("back")

    def _on_action(self, action: object) -> None:
        if action is Action.HOME and not self._window.is_playing():
            self._end_stream_reading()
            if self._series is not None:
                self._stop_cast("back")

    # --- analysis of a local copy (never waited for) -------------------------------------------
    def _copied_on_thread(self, uri: str, path: Path | None, problem: str | None) -> None:
        self._marshal.post(self._copied, uri, path, problem)

    def _copied(self, uri: str, path: Path | None, problem: str | None) -> None:
        playing = self._session.episode
        if not is_cast(self._session.series) or playing is None or playing.location != uri:
            return
        self._events.log("cast_analysis", uri=uri, copied=path is not None, problem=problem)
        if path is not None and self._pacing is not None:
            self._copy = str(path)
            self._pacing.analyse_copy(uri, str(path))
        elif path is None and self._stream is not None:
            self._events.log("cast_stream_reading", uri=uri)
            self._stream.start(uri)

    def _stream_cues(self, uri: str, cues: tuple[tuple[int, int, str, float], ...]) -> None:
        playing = self._session.episode
        if self._pacing is not None and playing is not None and playing.location == uri:
            self._pacing.stream_cues(uri, cues)

    def _stream_done(self, uri: str, found: object, why: str) -> None:
        from accessibility.pacing.measure import PacingMeasurements

        lines = len(found.picture_cues) if isinstance(found, PacingMeasurements) else 0
        self._events.log("cast_stream_read", uri=uri, why=why, lines=lines)
        if isinstance(found, PacingMeasurements) and self._pacing is not None:
            self._pacing.stream_measured(uri, found)

    def _end_stream_reading(self) -> None:
        if self._stream is not None and self._stream.running:
            self._stream.cancel()

    def _on_analysed(self, location: str, _result: object) -> None:
        if self._copy is not None and location == self._copy and self._copier is not None:
            self._copy = None
            self._copier.clear()  # what was found is kept in the pacing cache

    def _stop_cast(self, by: str) -> None:
        if self._series is None:
            return
        self._events.log("cast_stopped", uri=self._uri, by=by)
        self._series = None
        self._end_stream_reading()
        if by != "viewer" and self._engine.state() in (
                PlaybackState.PLAYING, PlaybackState.PAUSED, PlaybackState.OPENING):
            self._session.stop()
        self._publish()

    # --- what the phone is told -------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        volume = int(self._settings.get("playback.volume"))
        base = Snapshot(uri=self._uri, metadata=self._metadata, volume=volume,
                        muted=volume == 0,
                        transport_state="STOPPED" if self._uri else "NO_MEDIA_PRESENT")
        engine = self._engine
        if not is_cast(self._session.series) or self._series is None \
                or engine.location() != self._uri:
            return base
        state = engine.state()
        return base.with_changes(
            transport_state=_STATES.get(state, "STOPPED"),
            transport_status="ERROR_OCCURRED" if state is PlaybackState.ERROR else "OK",
            position_ms=max(0, engine.position()), duration_ms=max(0, engine.duration()),
            measured_at=time.monotonic() if state is PlaybackState.PLAYING else 0.0,
            rate=engine.rate() if state is PlaybackState.PLAYING else 1.0)

    def _publish(self) -> None:
        if self.server is not None:
            self.bridge.publish(self.snapshot())
