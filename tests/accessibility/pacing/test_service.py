from __future__ import annotations

import os
import shutil
import signal
import threading
from pathlib import Path

import pytest

from accessibility.pacing.cache import PacingCache, file_fingerprint
from accessibility.pacing.result import PacingResult
from accessibility.pacing.service import AnalysisService
from tests.accessibility.pacing.conftest import Episode

WAIT_S = 120  # a generous ceiling for a failing test, never a synchronisation device


class Collector:
    """Records results delivered on the service thread and wakes the test per result."""

    def __init__(self) -> None:
        self.results: list[tuple[Path, PacingResult | None]] = []
        self.threads: set[str] = set()
        self._condition = threading.Condition()

    def __call__(self, path: Path, result: PacingResult | None) -> None:
        with self._condition:
            self.results.append((path, result))
            self.threads.add(threading.current_thread().name)
            self._condition.notify_all()

    def wait_for(self, count: int) -> list[tuple[Path, PacingResult | None]]:
        with self._condition:
            assert self._condition.wait_for(lambda: len(self.results) >= count, WAIT_S)
            return list(self.results)


@pytest.fixture
def cache(tmp_path: Path) -> PacingCache:
    return PacingCache(tmp_path / "pacing.sqlite3")


def test_analyses_in_a_low_priority_worker_process_and_caches(cache: PacingCache,
                                                              crafted_episode: Episode) -> None:
    collector = Collector()
    workers: list[int | None] = []
    with AnalysisService(collector, cache=cache, niceness=7) as service:
        service.request(crafted_episode.path)
        ((path, result),) = collector.wait_for(1)
        workers.append(service.worker_pid)
        assert workers[0] is not None
        assert workers[0] != os.getpid()
        assert os.getpriority(os.PRIO_PROCESS, workers[0]) >= os.getpriority(
            os.PRIO_PROCESS, 0) + 7
    assert path == crafted_episode.path
    assert result is not None
    assert len(result.cuts) == len(crafted_episode.plan.cut_frames)
    assert collector.threads == {"pacing-analysis"}
    assert cache.get(file_fingerprint(crafted_episode.path)) is not None


def test_cached_file_is_answered_without_decoding_again(cache: PacingCache,
                                                        crafted_episode: Episode,
                                                        tmp_path: Path) -> None:
    first = Collector()
    with AnalysisService(first, cache=cache) as service:
        service.request(crafted_episode.path)
        first.wait_for(1)
    renamed = tmp_path / "copy" / "renamed.mp4"
    renamed.parent.mkdir()
    shutil.copy(crafted_episode.path, renamed)
    started: list[Path] = []
    second = Collector()
    with AnalysisService(second, cache=cache, on_started=started.append) as service:
        service.request(renamed)
        ((path, result),) = second.wait_for(1)
        assert service.worker_pid is None  # no worker was ever needed
    assert path == renamed
    first_result = first.results[0][1]
    assert result is not None
    assert first_result is not None
    assert result.cuts == first_result.cuts
    assert started == []


def test_broken_files_give_none_and_the_service_carries_on(cache: PacingCache,
                                                           broken_files: dict[str, Path],
                                                           crafted_episode: Episode) -> None:
    collector = Collector()
    missing = Path("/nonexistent/ep.mp4")
    with AnalysisService(collector, cache=cache) as service:
        service.schedule(broken_files["garbage"], [broken_files["empty"], missing,
                                                   broken_files["truncated"],
                                                   crafted_episode.path])
        results = dict(collector.wait_for(5))
    assert results[broken_files["garbage"]] is None
    assert results[broken_files["empty"]] is None
    assert results[missing] is None
    assert results[broken_files["truncated"]] is not None  # measured as far as it goes
    assert results[crafted_episode.path] is not None


def test_current_episode_goes_first_then_the_next_ones(cache: PacingCache,
                                                       flash_videos: dict[str, Path],
                                                       crafted_episode: Episode) -> None:
    held = crafted_episode.path
    later, current, next_one, after_that = (
        flash_videos[n] for n in ("corner_5hz", "steady", "full_2hz", "full_5hz"))
    collector = Collector()
    started = threading.Event()
    gate = threading.Event()

    def hold_first(_path: Path) -> None:
        started.set()
        gate.wait(WAIT_S)

    with AnalysisService(collector, cache=cache, on_started=hold_first) as service:
        service.request(held)
        assert started.wait(WAIT_S)
        service.request(later, priority=5)
        # While the first analysis is held at its start, the viewer picks an episode to play.
        service.schedule(current, [next_one, after_that])
        assert service.pending() == [current, next_one, after_that, later]
        gate.set()
        results = collector.wait_for(5)
    assert [path for path, _ in results] == [held, current, next_one, after_that, later]


def test_worker_crash_is_a_missing_result_not_a_dead_service(cache: PacingCache,
                                                             crafted_episode: Episode,
                                                             flash_videos: dict[str, Path]) -> None:
    collector = Collector()
    killed: list[int] = []

    def kill_worker(path: Path) -> None:
        if path == crafted_episode.path and service.worker_pid is not None:
            killed.append(service.worker_pid)
            os.kill(service.worker_pid, signal.SIGKILL)

    with AnalysisService(collector, cache=cache, on_started=kill_worker) as service:
        service.schedule(crafted_episode.path, [flash_videos["full_5hz"]])
        results = dict(collector.wait_for(2))
    assert killed
    assert results[crafted_episode.path] is None
    flashing = results[flash_videos["full_5hz"]]
    assert flashing is not None
    assert len(flashing.flashes) == 1


def test_cancelled_analysis_reports_nothing(cache: PacingCache, crafted_episode: Episode,
                                            flash_videos: dict[str, Path]) -> None:
    collector = Collector()

    def cancel_first(path: Path) -> None:
        if path == crafted_episode.path:
            service.cancel(path)

    with AnalysisService(collector, cache=cache, on_started=cancel_first) as service:
        service.schedule(crafted_episode.path, [flash_videos["steady"]])
        results = collector.wait_for(1)
    assert [path for path, _ in results] == [flash_videos["steady"]]
    assert cache.get(file_fingerprint(crafted_episode.path)) is None


def test_shutdown_stops_the_worker(cache: PacingCache, crafted_episode: Episode) -> None:
    started = threading.Event()
    service = AnalysisService(lambda *_: None, cache=cache, on_started=lambda _p: started.set())
    service.request(crafted_episode.path)
    assert started.wait(WAIT_S)
    pid = service.worker_pid
    service.shutdown()
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert service.pending() == []
