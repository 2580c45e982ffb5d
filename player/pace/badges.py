"""The pace word on each episode tile (平缓 / 适中 / 较快 / 很快, and how the picture is calmed).

``changed(index, word, level)`` goes to the Series screen's ``set_pace``; ``word`` is None
for no badge. Only the episodes whose tiles are shown are analysed for their badges, behind
whatever is queued, so a long series never waits for its far pages.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from accessibility.pacing import PacingResult
from player.calm import PICTURE_KEYS, PictureCalming
from player.config.store import Settings
from player.library.model import Series
from player.locations import is_remote
from player.pace.levels import level_word
from player.pace.monitor import PacingMonitor


class PaceBadges(QObject):
    changed = Signal(int, object, object)  # episode index, word or None, level value or None

    def __init__(self, monitor: PacingMonitor, settings: Settings,
                 calming: PictureCalming | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._settings = settings
        self._calming = calming
        self._series: Series | None = None  # the series on the Series screen
        self._index_of: dict[str, int] = {}  # its episodes by location
        monitor.analysed.connect(self._on_analysed)
        # The badges name the calming too, so they follow its settings.
        settings.on_change(("pacing.badge", *PICTURE_KEYS), lambda _value: self._rebadge())

    def show_series(self, series: Series) -> None:
        """The Series screen now shows ``series`` (``MainWindow.series_opened``)."""
        self._series = series
        # A dict, not a scan per result: with 50,000 episodes a scan per analysed episode
        # froze the window for minutes.
        self._index_of = {e.location: i for i, e in enumerate(series.episodes)}
        for index, episode in enumerate(series.episodes):
            result = self._monitor.result(episode.location)
            if result is not None:
                self._badge(series, index, result)

    def request_page(self, locations: list[str]) -> None:
        """Analyse the episodes whose tiles are on screen (for their badges), behind whatever
        is queued; the rest of a long series waits until its page is shown."""
        for offset, location in enumerate(locations):
            if not is_remote(location) and not self._monitor.known(location):
                self._monitor.request(location, priority=100 + offset)

    def _rebadge(self) -> None:
        if self._series is not None:
            self.show_series(self._series)

    def _on_analysed(self, location: str, result: PacingResult | None) -> None:
        index = self._index_of.get(location)
        if self._series is not None and index is not None:
            self._badge(self._series, index, result)

    def _badge(self, series: Series, index: int, result: PacingResult | None) -> None:
        badge = bool(self._settings.get("pacing.badge"))
        level = result.level if badge and result is not None else None
        word = level_word(level) if level else None
        calm = None
        if badge and self._calming is not None:  # 已减弱闪烁 / 已柔化转场
            calm = self._calming.words_for(series.episodes[index].location, result)
        if calm:
            word = f"{word}\n{calm}" if word else calm
        self.changed.emit(index, word, level.value if level else None)
