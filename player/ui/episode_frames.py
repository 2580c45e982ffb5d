"""A frame of each episode on the Series page now shown, decoded off the GUI thread.

Only the page on screen is asked for (60 tiles at most), so a 50,000-episode series costs
no more than a short one; frames are cached on disk by ``player.library.cover_art``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from player.locations import is_remote
from player.marshal import EventMarshal


class EpisodeFrameLoader(QObject):
    ready = Signal(str, QImage)  # episode location, frame scaled to fill the size asked

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._marshal = EventMarshal(self)
        self._generation = 0

    def load(self, locations: list[str], size: QSize) -> None:
        """Frames for ``locations`` in order; an older request is abandoned."""
        self._generation += 1
        generation = self._generation
        wanted = [location for location in locations if not is_remote(location)]
        if not wanted or size.isEmpty():
            return

        def work() -> None:
            from player.library.cover_art import cover_frame  # PyAV: only in this thread

            for location in wanted:
                if generation != self._generation:
                    return
                path = cover_frame(location, self._cache_dir)
                if path is None:
                    continue
                image = QImage(str(path))
                if image.isNull():
                    continue
                scaled = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                      Qt.TransformationMode.SmoothTransformation)
                x = (scaled.width() - size.width()) // 2
                y = (scaled.height() - size.height()) // 2
                cropped = scaled.copy(x, y, size.width(), size.height())
                try:
                    self._marshal.post(self._deliver, generation, location, cropped)
                except RuntimeError:  # the window closed meanwhile
                    return

        threading.Thread(target=work, name="episode-frames", daemon=True).start()

    def cancel(self) -> None:
        self._generation += 1

    def _deliver(self, generation: int, location: str, image: QImage) -> None:
        if generation == self._generation:
            self.ready.emit(location, image)
