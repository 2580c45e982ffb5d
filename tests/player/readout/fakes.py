"""Stand-ins for the synthesizer and speech player, driven step by step by a test.

The engine stand-in is the shared one (tests/fakes.py), named here for the speech tests."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from tests.fakes import FakeEngine

__all__ = ["FakeEngine", "FakePlayer", "FakeSynthesizer"]


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
