"""The only meeting point of the UPnP server thread and the GUI thread.

The server reads ``snapshot`` (replaced whole by the GUI thread, never mutated, so a read is
always consistent) and queues commands; the GUI thread drains them. Neither waits for the
other: a SOAP request never blocks on the GUI and the GUI never blocks on the network.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from player.cast.metadata import Device

MAX_PENDING_COMMANDS = 64
MAX_EXTRAPOLATION_S = 1.0  # libVLC reports the position several times a second while playing


@dataclass(frozen=True)
class Snapshot:
    """What the renderer reports, as the engine really is (set on the GUI thread)."""

    transport_state: str = "NO_MEDIA_PRESENT"
    transport_status: str = "OK"
    uri: str = ""
    metadata: str = ""
    position_ms: int = 0
    duration_ms: int = 0
    measured_at: float = 0.0  # time.monotonic() of position_ms
    rate: float = 1.0
    volume: int = 80
    muted: bool = False

    def position_now(self) -> int:
        """The position at this moment: between engine updates a playing clock moves on, but
        never more than ``MAX_EXTRAPOLATION_S`` past the engine's last word (a stalled stream
        must not be reported as moving)."""
        position = self.position_ms
        if self.transport_state == "PLAYING" and self.measured_at:
            ahead = min(time.monotonic() - self.measured_at, MAX_EXTRAPOLATION_S)
            position += round(ahead * 1000 * self.rate)
        if self.duration_ms > 0:
            position = min(position, self.duration_ms)
        return max(0, position)

    def evented(self) -> tuple[Any, ...]:
        """The fields phones are told about by LastChange when they change."""
        return (self.transport_state, self.transport_status, self.uri, self.metadata,
                self.duration_ms // 1000, self.volume, self.muted)

    def with_changes(self, **changes: Any) -> Snapshot:
        return replace(self, **changes)


@dataclass(frozen=True)
class Command:
    kind: str  # set_uri, play, pause, stop, seek, volume, mute, refused
    device: Device
    args: tuple[Any, ...] = ()


class CastBridge:
    def __init__(self) -> None:
        self._snapshot = Snapshot()
        self._commands: queue.Queue[Command] = queue.Queue(maxsize=MAX_PENDING_COMMANDS)
        self._lock = threading.Lock()
        self._allowed: frozenset[str] = frozenset()
        self._asking: str | None = None
        # The last address SetAVTransportURI accepted, set on the server thread at once: a
        # Play right behind it must not depend on the GUI thread having caught up.
        self.accepted_uri = ""
        self.wake: Callable[[], None] = lambda: None  # set by the GUI side
        self.on_snapshot: Callable[[Snapshot, Snapshot], None] = lambda _old, _new: None

    # --- GUI thread -----------------------------------------------------------------------------
    def publish(self, snapshot: Snapshot) -> None:
        with self._lock:
            old, self._snapshot = self._snapshot, snapshot
        if old.evented() != snapshot.evented():
            self.on_snapshot(old, snapshot)

    def set_allowed(self, keys: frozenset[str]) -> None:
        self._allowed = keys

    def set_asking(self, key: str | None) -> None:
        self._asking = key

    def take(self) -> Command | None:
        try:
            return self._commands.get_nowait()
        except queue.Empty:
            return None

    # --- server thread --------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def may_control(self, device: Device) -> bool:
        """Allowed devices, and the one whose first cast is being asked about, may steer."""
        return device.key in self._allowed or device.key == self._asking

    def post(self, command: Command) -> bool:
        """Queue for the GUI thread; False when a flood has filled the queue."""
        try:
            self._commands.put_nowait(command)
        except queue.Full:
            return False
        self.wake()
        return True
