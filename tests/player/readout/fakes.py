"""Stand-ins for the engine, synthesizer and speech player, driven step by step by a test."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from player.engine.base import PlaybackEngine, PlaybackState


class FakeEngine(PlaybackEngine):
    """Position and state move only when the test says so.

    With ``confirm_pause_later`` a ``pause()`` is confirmed only by ``confirm_pause()``, as
    libVLC confirms it some milliseconds later.
    """

    def __init__(self) -> None:
        super().__init__()
        self._state = PlaybackState.IDLE
        self._position = 0
        self._location: str | None = None
        self._volume = 100
        self._rate = 1.0
        self.confirm_pause_later = False
        self.pause_pending = False
        self.pauses = 0
        self.resumes = 0

    def load(self, location: str, start_ms: int = 0) -> None:
        self._location = location
        self._position = start_ms
        self._set_state(PlaybackState.OPENING)
        self._set_state(PlaybackState.PLAYING)

    def tick_to(self, position_ms: int, step_ms: int = 50) -> None:
        """Advance like the engine's clock, one tick at a time."""
        while self._position < position_ms:
            self._position = min(position_ms, self._position + step_ms)
            self.position_changed.emit(self._position)

    def pause(self) -> None:
        self.pauses += 1
        if self.confirm_pause_later:
            self.pause_pending = True
        else:
            self._set_state(PlaybackState.PAUSED)

    def confirm_pause(self) -> None:
        self.pause_pending = False
        self._set_state(PlaybackState.PAUSED)

    def resume(self) -> None:
        if self._state is PlaybackState.PAUSED:
            self.resumes += 1
            self._set_state(PlaybackState.PLAYING)

    def seek(self, position_ms: int) -> None:
        self._position = position_ms
        self.position_changed.emit(position_ms)

    def stop(self) -> None:
        self._set_state(PlaybackState.STOPPED)

    def fail(self) -> None:
        self._set_state(PlaybackState.ERROR)

    def set_rate(self, rate: float) -> None:
        self._rate = rate

    def rate(self) -> float:
        return self._rate

    def set_volume(self, volume: int) -> None:
        self._volume = min(100, max(0, int(volume)))
        self.volume_changed.emit(self._volume)

    def volume(self) -> int:
        return self._volume

    def state(self) -> PlaybackState:
        return self._state

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return 60_000

    def location(self) -> str | None:
        return self._location

    def _set_state(self, state: PlaybackState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)


class FakeSynthesizer(QObject):
    """Lines in ``cached`` are ready at once; others wait for ``finish(text)``."""

    ready = Signal(str, str)
    failed = Signal(str, str)

    def __init__(self, cached: Iterable[str] = (), *, everything_cached: bool = True) -> None:
        super().__init__()
        self.cached = set(cached)
        self.everything_cached = everything_cached
        self.requests: list[str] = []
        self.prepared: list[str] = []

    @staticmethod
    def path(text: str) -> str:
        return f"/speech/{text}.wav"

    def request(self, text: str) -> str | None:
        self.requests.append(text)
        if self.everything_cached or text in self.cached:
            return self.path(text)
        return None

    def prepare(self, texts: Iterable[str]) -> None:
        self.prepared.extend(texts)

    def finish(self, text: str) -> None:
        self.cached.add(text)
        self.ready.emit(text, self.path(text))

    def fail(self, text: str) -> None:
        self.failed.emit(text, "engine")


class FakePlayer(QObject):
    """Records what it is asked to play; ``start()`` and ``end()`` play the current line."""

    started = Signal()
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.played: list[str] = []
        self.stops = 0
        self.current: str | None = None

    def play(self, path: str) -> None:
        self.played.append(path)
        self.current = path

    def stop(self) -> None:
        self.stops += 1
        self.current = None

    def start(self) -> None:
        self.started.emit()

    def end(self) -> None:
        self.current = None
        self.finished.emit()

    def texts(self) -> list[str]:
        return [path.removeprefix("/speech/").removesuffix(".wav") for path in self.played]
