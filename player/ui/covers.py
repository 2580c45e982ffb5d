"""Series covers for Home, found and decoded off the GUI thread.

The image beside the series when there is one, else a frame from its first episode (taken
once with PyAV and cached). Home appears at once; covers fill in as they are ready.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from player.library.model import Series
from player.locations import is_remote
from player.marshal import EventMarshal


class CoverLoader(QObject):
    ready = Signal(int, QImage)  # series index, scaled cover

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._marshal = EventMarshal(self)
        self._generation = 0

    def load(self, library: list[Series], size: QSize) -> None:
        """Find covers for ``library`` in the background; an older request is abandoned."""
        self._generation += 1
        generation = self._generation
        jobs = list(enumerate(library))

        def work() -> None:
            for index, series in jobs:
                if generation != self._generation:
                    return
                image = self._cover_image(series)
                if image is None:
                    continue
                scaled = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                self._marshal.post(self._deliver, generation, index, scaled)

        threading.Thread(target=work, name="covers", daemon=True).start()

    def _cover_image(self, series: Series) -> QImage | None:
        path = series.cover
        if path is not None and is_remote(path):  # a media server's albumArtURI, a manifest's
            remote = _remote_image(path)
            if remote is not None:
                return remote
        if path is None or is_remote(path):
            path = self._frame_from_first_episode(series)
        if path is None:
            return None
        image = QImage(path)  # QImage (unlike QPixmap) may be made on any thread
        return None if image.isNull() else image

    def _frame_from_first_episode(self, series: Series) -> str | None:
        if not series.episodes or is_remote(series.episodes[0].location):
            return None
        from player.library.cover_art import cover_frame  # PyAV: only in this thread

        frame = cover_frame(series.episodes[0].location, self._cache_dir)
        return str(frame) if frame is not None else None

    def _deliver(self, generation: int, index: int, image: QImage) -> None:
        if generation == self._generation:
            self.ready.emit(index, image)


def _remote_image(url: str) -> QImage | None:
    """A cover at an http(s) address: read with the library's caps (size, time, http only)."""
    from player.library.fetch import fetch
    from player.library.model import SourceProblem

    fetched = fetch(url, timeout=5.0, max_bytes=4 * 1024 * 1024)
    if isinstance(fetched, SourceProblem) or not fetched.data:
        return None
    image = QImage.fromData(fetched.data)
    return None if image.isNull() else image
