"""Read-out (语音播报): speaks each subtitle cue as it appears, and announces what happens.

Rules, in the viewer's terms:

* A cue is spoken when playback reaches its start. Lines never talk over each other: a cue
  that starts while another is being read waits its turn. A waiting cue whose end has already
  passed by more than ``STALE_MS`` when its turn comes is dropped, so read-out never drifts
  far behind the picture. In 听读模式 (listen mode) nothing is dropped: the episode pauses just
  before a cue ends until its line has been read, then goes on by itself.
* While anything is spoken the drama's own sound is lowered (the ``"duck"`` factor of
  ``VolumeControl``) and raised again when read-out falls silent.
* Pausing, seeking, stopping, an error, a new episode or ``silence()`` cut the current cue
  off at once and forget the waiting ones.
* Announcements (focus, "下一集：第 4 集") are short and about what just happened, so a newer
  one replaces an older one at once. They never cut off a subtitle line, which the viewer
  cannot hear again: they are spoken as soon as that line is done, before any waiting cue.
  Playback events do not silence them, because they are usually about those very events;
  only ``silence()`` (and turning announcements off) does.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from accessibility.subtitles.model import Cue
from player.config.store import Settings
from player.engine.base import PlaybackEngine, PlaybackState
from player.engine.volume import VolumeControl
from player.readout.clock import PlaybackClock
from player.readout.hold import EngineHold
from player.readout.lines import Line, Player, Synthesizer
from player.readout.timeline import CueTimeline

# A waiting cue this far past its end is no longer worth reading (outside listen mode).
STALE_MS = 1500
# A reported position this far from where playback should be is a seek, not the clock.
SEEK_FORWARD_MS = 1000
SEEK_BACK_MS = 300
# Listen mode pauses this long before a cue's end, while the subtitle is still on screen.
HOLD_LEAD_MS = 100
# How many upcoming cues are synthesised ahead of time.
PREPARE_AHEAD = 5


class ReadOut(QObject):
    speaking = Signal(str)  # a line's audio has started
    idle = Signal()  # nothing is spoken or waiting any more

    def __init__(
        self,
        engine: PlaybackEngine,
        volume: VolumeControl,
        settings: Settings,
        synthesizer: Synthesizer,
        player: Player,
        *,
        now: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._volume = volume
        self._settings = settings
        self._synth = synthesizer
        self._player = player
        self._clock = PlaybackClock(engine.position(), now or time.monotonic)
        self._hold = EngineHold(engine)
        self._location = engine.location()
        self._timeline = CueTimeline()
        self._queue: deque[Line] = deque()
        self._announcement: Line | None = None  # waiting for the current cue to finish
        self._current: Line | None = None
        self._waiting_for_audio = False
        self._busy = False
        self._ducked = False
        self._waived: set[int] = set()  # cues the viewer resumed past: do not hold for them
        self._closed = False
        # Fires when the next cue starts or the next hold is due, between position reports.
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setTimerType(Qt.TimerType.PreciseTimer)
        self._due.timeout.connect(self._follow_clock)
        engine.position_changed.connect(self._position_changed)
        engine.state_changed.connect(self._state_changed)
        self._unsubscribe = (
            settings.on_change("readout.enabled", self._enabled_changed),
            settings.on_change("readout.listen_mode", lambda _on: self._follow(self._now())),
            settings.on_change("readout.duck", self._duck_changed),
            settings.on_change("readout.rate", lambda _rate: self._prepare_upcoming()),
            settings.on_change("readout.announce", self._announce_changed),
        )
        synthesizer.ready.connect(self._audio_ready)
        synthesizer.failed.connect(self._audio_failed)
        player.started.connect(self._audio_started)
        player.finished.connect(self._audio_finished)

    # --- public -----------------------------------------------------------------------------------
    def set_cues(self, cues: Sequence[Cue]) -> None:
        """The cues of the episode now playing (replaces any earlier ones)."""
        self._silence_cues()
        self._timeline.replace(cues)
        self._reposition(self._now())
        self._follow(self._now())

    def extend_cues(self, cues: Sequence[Cue]) -> None:
        """Add cues that start after every cue already known, without silencing anything.

        Cues read off the picture arrive a few at a time, in time order, while the episode
        plays; earlier ones (already known or already past) are ignored.
        """
        if not self._timeline.extend(cues):
            return
        self._prepare_upcoming()
        self._follow(self._now())

    def announce(self, text: str) -> None:
        """Speak ``text`` promptly (see the module notes for what it may interrupt)."""
        if not self._settings.get("readout.announce"):
            return
        spoken = " ".join(text.split())  # the app's own words: nothing to strip but spacing
        if not spoken:
            return
        line = Line(spoken)
        current = self._current
        if current is not None and current.is_cue:
            self._announcement = line
            return
        self._cut_current()
        self._begin(line)

    def silence(self) -> None:
        """Stop everything at once: cues, waiting cues and announcements."""
        self._announcement = None
        self._queue.clear()
        self._cut_current()
        self._hold.want(False)
        self._advance()

    def is_speaking(self) -> bool:
        return self._current is not None

    def shutdown(self) -> None:
        """Fall silent, give the drama its full sound back and stop following playback."""
        if self._closed:
            return
        self._closed = True
        self._due.stop()
        self.silence()
        self._set_duck(False)
        connections = (
            (self._engine.position_changed, self._position_changed),
            (self._engine.state_changed, self._state_changed),
            (self._synth.ready, self._audio_ready),
            (self._synth.failed, self._audio_failed),
            (self._player.started, self._audio_started),
            (self._player.finished, self._audio_finished),
        )
        for signal, slot in connections:
            signal.disconnect(slot)
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    # --- playback clock ---------------------------------------------------------------------------
    def _running(self) -> bool:
        return self._engine.state() is PlaybackState.PLAYING and not self._hold.active

    def _now(self) -> int:
        return self._clock.estimate(running=self._running(), rate=self._engine.rate())

    def _position_changed(self, position: int) -> None:
        expected, previous = self._now(), self._clock.reported
        self._clock.report(position)
        if self._engine.location() != self._location:
            self._new_episode()
            return
        if position - expected > SEEK_FORWARD_MS or position < previous - SEEK_BACK_MS:
            self._silence_cues()
            self._reposition(position)
        self._follow(position)

    def _follow_clock(self) -> None:
        self._follow(self._now())

    def _follow(self, position: int) -> None:
        """Bring read-out up to ``position``: queue reached cues, hold, plan the next step."""
        self._reach(position)
        self._update_hold(position)
        self._plan(position)

    def _plan(self, position: int) -> None:
        """Wake up when the next cue starts or the next hold is due, whichever is first."""
        self._due.stop()
        if not self._running():
            return
        targets: list[int] = []
        next_start = self._timeline.next_start()
        if self._settings.get("readout.enabled") and next_start is not None:
            targets.append(next_start)
        if self._listen_mode():
            targets += [line.end_ms - HOLD_LEAD_MS for line in self._holding_cues()]
        ahead = [target - position for target in targets if target > position]
        if ahead:
            self._due.start(max(1, round(min(ahead) / max(self._engine.rate(), 0.1))))

    def _reach(self, position: int) -> None:
        """Queue every cue whose start playback has reached."""
        if not self._settings.get("readout.enabled") or not (self._running() or self._hold.active):
            return
        reached = self._timeline.reach(position)
        self._queue.extend(reached)
        if reached:
            self._prepare_upcoming()
            self._advance()

    def _reposition(self, position: int) -> None:
        """Continue from ``position``: cues still on screen there are read, earlier ones not."""
        self._timeline.reposition(position)
        self._prepare_upcoming()

    def _prepare_upcoming(self) -> None:
        if not self._settings.get("readout.enabled"):
            return
        upcoming = [line.text for line in (*self._queue, *self._timeline.carried)]
        upcoming += [line.text for line in self._timeline.ahead(PREPARE_AHEAD)]
        if upcoming:
            self._synth.prepare(upcoming)

    # --- playback state ---------------------------------------------------------------------------
    def _state_changed(self, state: PlaybackState) -> None:
        if self._engine.location() != self._location or state is PlaybackState.OPENING:
            self._new_episode()
        elif state is PlaybackState.PAUSED:
            if not self._hold.engine_paused():
                self._silence_cues()  # the viewer paused
            self._due.stop()
        elif state is PlaybackState.PLAYING:
            self._clock.restart()
            if self._hold.engine_playing():
                # The viewer resumed during a hold: let these lines be read over the picture.
                self._waived.update(line.cue_index for line in self._pending_cues())
            self._follow(self._now())
        elif state in (PlaybackState.STOPPED, PlaybackState.ERROR, PlaybackState.IDLE):
            self._hold.drop()
            self._silence_cues()
            self._due.stop()

    def _new_episode(self) -> None:
        self._location = self._engine.location()
        self._hold.drop()
        self._silence_cues()
        self._clock.report(self._engine.position())
        self._reposition(self._clock.reported)

    # --- speaking ---------------------------------------------------------------------------------
    def _advance(self) -> None:
        """Start the next line if nothing is being spoken."""
        if self._current is not None:
            return
        line = self._announcement
        self._announcement = None
        if line is None:
            line = self._next_cue()
        if line is None:
            self._become_idle()
            return
        self._begin(line)

    def _next_cue(self) -> Line | None:
        listen_mode = self._listen_mode()
        position = self._now()
        while self._queue:
            line = self._queue.popleft()
            if listen_mode or position <= line.end_ms + STALE_MS:
                return line
        return None

    def _begin(self, line: Line) -> None:
        self._current = line
        self._busy = True
        self._set_duck(True)
        path = self._synth.request(line.text)
        if path is None:
            self._waiting_for_audio = True  # ``_audio_ready`` or ``_audio_failed`` follows
            return
        self._waiting_for_audio = False
        self._player.play(path)

    def _audio_ready(self, text: str, path: str) -> None:
        current = self._current
        if current is not None and self._waiting_for_audio and current.text == text:
            self._waiting_for_audio = False
            self._player.play(path)

    def _audio_failed(self, text: str, _reason: str) -> None:
        current = self._current
        if current is not None and self._waiting_for_audio and current.text == text:
            self._line_done()

    def _audio_started(self) -> None:
        if self._current is not None and not self._waiting_for_audio:
            self.speaking.emit(self._current.text)

    def _audio_finished(self) -> None:
        if self._current is not None and not self._waiting_for_audio:
            self._line_done()

    def _line_done(self) -> None:
        self._current = None
        self._waiting_for_audio = False
        self._advance()
        self._follow(self._now())

    def _cut_current(self) -> None:
        if self._current is None:
            return
        if not self._waiting_for_audio:
            self._player.stop()
        self._current = None
        self._waiting_for_audio = False

    def _silence_cues(self) -> None:
        """Cut off the cue being read and forget waiting cues; announcements carry on."""
        self._queue.clear()
        self._timeline.carried = []
        self._waived.clear()
        if self._current is not None and self._current.is_cue:
            self._cut_current()
        self._hold.want(False)
        self._advance()

    def _become_idle(self) -> None:
        self._set_duck(False)
        if self._busy:
            self._busy = False
            self.idle.emit()

    # --- listen mode ------------------------------------------------------------------------------
    def _listen_mode(self) -> bool:
        return bool(self._settings.get("readout.listen_mode")) and bool(
            self._settings.get("readout.enabled")
        )

    def _pending_cues(self) -> list[Line]:
        current = [self._current] if self._current is not None and self._current.is_cue else []
        return current + list(self._queue)

    def _holding_cues(self) -> list[Line]:
        return [line for line in self._pending_cues() if line.cue_index not in self._waived]

    def _update_hold(self, position: int) -> None:
        edge = position + HOLD_LEAD_MS
        wanted = self._listen_mode() and any(line.end_ms <= edge for line in self._holding_cues())
        self._hold.want(wanted)

    # --- volume and settings ----------------------------------------------------------------------
    def _set_duck(self, ducked: bool) -> None:
        self._ducked = ducked
        factor = int(self._settings.get("readout.duck")) / 100 if ducked else 1.0
        if ducked or self._volume.factor("duck") != 1.0:
            self._volume.set_factor("duck", factor)

    def _enabled_changed(self, enabled: bool) -> None:
        if enabled:
            self._reposition(self._now())
        else:
            self._silence_cues()
        self._follow(self._now())

    def _duck_changed(self, _percent: int) -> None:
        if self._ducked:
            self._set_duck(True)

    def _announce_changed(self, announce: bool) -> None:
        if not announce:
            self._announcement = None
            if self._current is not None and not self._current.is_cue:
                self._cut_current()
                self._advance()
