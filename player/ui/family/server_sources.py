"""家人设置 → 片源 → 家里网络上的媒体服务器: find media servers (NAS, MiniDLNA, Jellyfin) and
add one as a source.

The search (SSDP M-SEARCH, ``player.library.mediaserver.discover_media_servers``) runs only
when the family asks for it, on a background thread, so the settings screen never waits on
the network and nothing is sent on the network unasked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from player.library.mediaserver import FoundServer, discover_media_servers
from player.marshal import EventMarshal

Finder = Callable[[], list[FoundServer]]


class NetworkChoice:
    """The value of the "search the home network" choice in the add-source chooser."""

    def __repr__(self) -> str:
        return "NetworkChoice()"


NETWORK_CHOICE = NetworkChoice()


class ServerSearch(QObject):
    """``found(list[FoundServer])`` arrives on the GUI thread when a search ends."""

    found = Signal(object)

    def __init__(self, finder: Finder | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finder: Finder = finder or discover_media_servers
        self._marshal = EventMarshal(self)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def search(self) -> None:
        if self._running:
            return
        self._running = True
        finder = self.finder

        def work() -> None:
            try:
                servers = finder()
            except Exception:  # a broken network stack is "nothing found", never a crash
                servers = []
            self._marshal.post(self._done, servers)

        threading.Thread(target=work, name="media-server-search", daemon=True).start()

    def _done(self, servers: list[FoundServer]) -> None:
        self._running = False
        self.found.emit(servers)
