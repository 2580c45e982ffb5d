"""Resume queries (player/resume.py) over a real progress file: what 继续观看 plays, where a
series goes on, and what is watched or known not to open."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.library.model import Episode, Series
from player.progress import ProgressStore
from player.resume import ContinueTarget, ResumeQueries

MINUTE = 60_000


def series(title: str, count: int, root: str = "/media/usb") -> Series:
    source = f"{root}/{title}"
    return Series(title, source, tuple(Episode(n, f"第{n}集", f"{source}/第{n}集.mp4")
                                       for n in range(1, count + 1)))


SPRING = series("春风又起", 6)
HOME_TOWN = series("回家的路", 3)
NIGHT = series("夜市人家", 4, root="http://127.0.0.1:8000/剧")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore(tmp_path / "progress.db") as opened:
        yield opened


def queries(store: ProgressStore | None, *library: Series) -> ResumeQueries:
    return ResumeQueries(store, lambda: list(library))


def watch(store: ProgressStore, shown: Series, number: int, position_ms: int,
          duration_ms: int = 10 * MINUTE) -> None:
    store.save(shown, shown.episodes[number - 1], position_ms, duration_ms)


def test_without_a_progress_file_nothing_is_watched_and_episode_one_is_offered() -> None:
    answers = queries(None, SPRING, HOME_TOWN)
    assert answers.continue_target() == ContinueTarget(0, 0, 0, 0)
    assert answers.watched_count(SPRING) == 0
    assert answers.watched_indexes(SPRING) == set()
    assert answers.unplayable(SPRING) == {}
    assert answers.resume_index(SPRING) == 0
    assert answers.resume_position(SPRING, 2) == 0


def test_an_empty_library_has_nothing_to_continue(store: ProgressStore) -> None:
    assert queries(store).continue_target() is None


def test_a_half_watched_episode_is_continued_where_it_stopped(store: ProgressStore) -> None:
    watch(store, SPRING, 1, 10 * MINUTE)  # watched
    watch(store, HOME_TOWN, 2, 61_500, 120_000)  # stopped at 51 %
    target = queries(store, SPRING, HOME_TOWN).continue_target()
    assert target == ContinueTarget(1, 1, 61_500, 51)
    answers = queries(store, SPRING, HOME_TOWN)
    assert answers.resume_position(HOME_TOWN, 1) == 61_500
    assert answers.resume_position(SPRING, 0) == 0  # watched to its end: from the start


def test_after_a_finished_episode_the_next_one_is_offered_from_its_start(
        store: ProgressStore) -> None:
    watch(store, SPRING, 3, 9_700, 10_000)  # 97 %: counts as watched
    assert queries(store, SPRING).continue_target() == ContinueTarget(0, 3, 0, 0)
    assert queries(store, SPRING).watched_indexes(SPRING) == {2}
    assert queries(store, SPRING).watched_count(SPRING) == 1


def test_an_episode_that_does_not_open_is_passed_over_and_named(store: ProgressStore) -> None:
    watch(store, SPRING, 3, 3 * MINUTE)
    store.mark_unplayable(SPRING.episodes[2].location, "damaged")
    store.mark_unplayable(SPRING.episodes[3].location, "missing")
    answers = queries(store, SPRING)
    target = answers.continue_target()
    assert target is not None
    # The position belonged to the episode passed over: the next one starts at 0.
    assert (target.episode_index, target.position_ms, target.percent) == (4, 0, 0)
    assert target.skipped == (3, 4)
    assert answers.unplayable_indexes(SPRING) == {2, 3}
    assert answers.unplayable(SPRING) == {SPRING.episodes[2].location: "damaged",
                                          SPRING.episodes[3].location: "missing"}


def test_the_last_episode_watched_finishes_the_series_and_offers_the_next_one(
        store: ProgressStore) -> None:
    watch(store, HOME_TOWN, 3, 10 * MINUTE)
    target = queries(store, SPRING, HOME_TOWN, NIGHT).continue_target()
    assert target == ContinueTarget(1, 0, 0, 0, finished=True, next_series=2)
    # The last series wraps round to the first; a library of one has no other to offer.
    watch(store, NIGHT, 4, 10 * MINUTE)
    assert queries(store, SPRING, HOME_TOWN, NIGHT).continue_target() == ContinueTarget(
        2, 0, 0, 0, finished=True, next_series=0)
    assert queries(store, NIGHT).continue_target() == ContinueTarget(
        0, 0, 0, 0, finished=True, next_series=None)


def test_progress_of_a_series_no_longer_in_the_library_starts_the_first_one_where_it_stands(
        store: ProgressStore) -> None:
    gone = series("搬走的剧", 2)
    watch(store, SPRING, 2, 10 * MINUTE)
    watch(store, gone, 1, MINUTE)  # the last one watched, but not shown any more
    assert queries(store, SPRING).continue_target() == ContinueTarget(0, 2, 0, 0)


def test_a_series_goes_on_with_the_latest_unfinished_episode(store: ProgressStore) -> None:
    watch(store, SPRING, 1, 10 * MINUTE)
    watch(store, SPRING, 4, 2 * MINUTE)  # latest, unfinished
    answers = queries(store, SPRING)
    assert answers.resume_index(SPRING) == 3
    watch(store, SPRING, 4, 10 * MINUTE)  # now finished: the one after it
    assert answers.resume_index(SPRING) == 4


def test_when_nothing_after_the_latest_plays_the_first_playable_is_chosen(
        store: ProgressStore) -> None:
    watch(store, HOME_TOWN, 2, 10 * MINUTE)
    store.mark_unplayable(HOME_TOWN.episodes[2].location, "damaged")
    store.mark_unplayable(HOME_TOWN.episodes[0].location, "damaged")
    answers = queries(store, HOME_TOWN)
    assert answers.resume_index(HOME_TOWN) == 1
    records = answers.records(HOME_TOWN)
    watched = answers.watched_indexes(HOME_TOWN, records)
    failed = answers.unplayable_indexes(HOME_TOWN)
    assert answers.series_finished(HOME_TOWN, 1, watched, failed)
    assert not answers.series_finished(HOME_TOWN, 1, set(), failed)  # nothing watched yet


@pytest.mark.parametrize("seed", [7, 1913, 20261129])
def test_whatever_was_watched_the_offer_is_an_episode_that_plays(store: ProgressStore,
                                                                seed: int) -> None:
    chance = random.Random(seed)
    library = [series(f"剧{n}", chance.randint(1, 9)) for n in range(chance.randint(1, 4))]
    for shown in library:
        for episode in shown.episodes:
            roll = chance.random()
            if roll < 0.3:
                store.save(shown, episode, chance.randint(0, 10 * MINUTE), 10 * MINUTE)
            elif roll < 0.45:
                store.mark_unplayable(episode.location, "damaged")
    answers = ResumeQueries(store, lambda: library)
    target = answers.continue_target()
    assert target is not None
    chosen = library[target.series_index]
    failed = answers.unplayable(chosen)
    if target.finished:
        assert target.next_series != target.series_index
    else:
        assert chosen.episodes[target.episode_index].location not in failed
        assert 0 <= target.percent <= 100
    for shown in library:
        index = answers.resume_index(shown)
        assert 0 <= index < len(shown.episodes)
        playable = [i for i, e in enumerate(shown.episodes) if e.location not in
                    answers.unplayable(shown)]
        assert index in playable or not playable
