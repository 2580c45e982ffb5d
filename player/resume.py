"""Where the viewer left off: what 继续观看 plays, which episode a series goes on with, and
which episodes are watched or known not to open.

Queries over the progress store and the library the viewer can choose from; no widgets. The
window, the cast shelf and 开机直接续播 ask the same questions here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from player.library.model import Series
from player.playable import next_playable, skipped_numbers
from player.progress import Progress, ProgressStore


@dataclass(frozen=True)
class ContinueTarget:
    """What 继续观看 will play."""

    series_index: int
    episode_index: int
    position_ms: int
    percent: int
    skipped: tuple[int, ...] = ()  # episode numbers passed over because they do not open
    finished: bool = False  # the series is watched to its end
    next_series: int | None = None  # what to offer after a finished series


class ResumeQueries:
    """Answers about progress, for the series ``library()`` holds (without a progress store,
    nothing is watched and nothing failed)."""

    def __init__(self, progress: ProgressStore | None,
                 library: Callable[[], Sequence[Series]]) -> None:
        self.progress = progress
        self._library = library

    def watched_count(self, series: Series) -> int:
        if self.progress is None:
            return 0
        return self.progress.watched_count(e.location for e in series.episodes)

    def watched_indexes(self, series: Series, records: dict[str, Progress] | None = None,
                        ) -> set[int]:
        if self.progress is None:
            return set()
        # One batched query for the whole series: a 50,000-episode series opens at once.
        if records is None:
            records = self.progress.get_many(e.location for e in series.episodes)
        return {index for index, episode in enumerate(series.episodes)
                if (record := records.get(episode.location)) is not None and record.watched}

    def records(self, series: Series) -> dict[str, Progress]:
        """Every progress record of ``series``, in one query."""
        if self.progress is None:
            return {}
        return self.progress.get_many(e.location for e in series.episodes)

    def unplayable(self, series: Series) -> dict[str, str]:
        """Episodes of ``series`` that failed to play last time (location → code)."""
        if self.progress is None:
            return {}
        return self.progress.unplayable(e.location for e in series.episodes)

    def unplayable_indexes(self, series: Series, failed: dict[str, str] | None = None,
                           ) -> set[int]:
        failed = self.unplayable(series) if failed is None else failed
        return {i for i, e in enumerate(series.episodes) if e.location in failed}

    def continue_target(self) -> ContinueTarget | None:
        """The last episode watched (or the one after it, if it was finished)."""
        library = self._library()
        if not library:
            return None
        last = self.progress.last_watched() if self.progress is not None else None
        if last is not None:
            for series_index, series in enumerate(library):
                for index, episode in enumerate(series.episodes):
                    if episode.location != last.location:
                        continue
                    if last.watched:
                        return self._playable_target(library, series_index, index + 1)
                    position = last.position_ms
                    percent = round(100 * position / last.duration_ms) if last.duration_ms else 0
                    return self._playable_target(library, series_index, index, position,
                                                 percent)
        if last is None:  # nothing watched yet: episode 1, or what plays after it
            return self._playable_target(library, 0, 0)
        return self._playable_target(library, 0, self.resume_index(library[0]))

    def _playable_target(self, library: Sequence[Series], series_index: int, index: int,
                         position_ms: int = 0, percent: int = 0) -> ContinueTarget:
        """``index`` in that series, or the next episode that plays, saying what was passed
        over; past the end (or nothing left that plays) the series is finished."""
        series = library[series_index]
        failed = self.unplayable(series)
        chosen = next_playable(series, index, failed)
        if chosen is None:
            following = (series_index + 1) % len(library)
            return ContinueTarget(series_index, 0, 0, 0, finished=True,
                                  next_series=following if following != series_index else None)
        if chosen != index:
            position_ms = percent = 0
        return ContinueTarget(series_index, chosen, position_ms, percent,
                              skipped=skipped_numbers(series, index, chosen))

    def resume_index(self, series: Series, found: dict[str, Progress] | None = None,
                     failed: dict[str, str] | None = None) -> int:
        """The episode to go on with: the latest one left unfinished, else the first unwatched."""
        if self.progress is None:
            return 0
        if found is None:
            found = self.progress.get_many(e.location for e in series.episodes)
        records = [found.get(e.location) for e in series.episodes]
        touched = [(r.updated, i) for i, r in enumerate(records) if r is not None]
        start = 0
        if touched:
            _, latest = max(touched)
            record = records[latest]
            start = latest if record is not None and not record.watched else latest + 1
        if failed is None:
            failed = self.unplayable(series)
        chosen = next_playable(series, start, failed)
        if chosen is None:  # nothing after it plays: the first that does, or the last
            chosen = next_playable(series, 0, failed)
        return chosen if chosen is not None else min(start, len(series.episodes) - 1)

    def resume_position(self, series: Series, index: int) -> int:
        if self.progress is None:
            return 0
        record = self.progress.get(series.episodes[index].location)
        return record.position_ms if record is not None and not record.watched else 0

    def series_finished(self, series: Series, resume: int, watched: set[int],
                        failed: set[int]) -> bool:
        """Watched to its end: nothing from ``resume`` on is left unwatched that plays."""
        return bool(watched) and next_playable(
            series, resume, {series.episodes[i].location for i in watched | failed}) is None
