from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from player.library.model import Episode, Series
from player.progress import ProgressStore

REPO = Path(__file__).resolve().parents[2]
SERIES = Series(title="闪婚老公是豪门", source="/media/usb/闪婚", episodes=())


def episode(number: int, series: str = "/media/usb/闪婚") -> Episode:
    return Episode(number, f"第{number}集", f"{series}/第{number}集.mp4")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProgressStore]:
    with ProgressStore(tmp_path / "progress.db") as opened:
        yield opened


def test_saved_progress_reads_back(store: ProgressStore) -> None:
    store.save(SERIES, episode(3), 61_500, 120_000)
    got = store.get(episode(3).location)
    assert got is not None
    assert (got.location, got.position_ms, got.duration_ms, got.watched) == (
        episode(3).location,
        61_500,
        120_000,
        False,
    )
    assert (got.series_source, got.series_title) == (SERIES.source, SERIES.title)
    assert got.updated > 0
    assert store.get("/never/played.mp4") is None


@pytest.mark.parametrize(
    ("position", "duration", "watched"),
    [
        (113_999, 120_000, False),
        (114_000, 120_000, True),  # exactly 95 %
        (120_000, 120_000, True),
        (130_000, 120_000, True),
        (50_000, 0, False),  # length unknown: never guessed as watched
        (-5, 120_000, False),
    ],
)
def test_watched_from_95_percent(
    store: ProgressStore, position: int, duration: int, watched: bool
) -> None:
    store.save(SERIES, episode(1), position, duration)
    got = store.get(episode(1).location)
    assert got is not None
    assert got.watched is watched
    assert got.position_ms >= 0


def test_watched_stays_watched_when_seen_again(store: ProgressStore) -> None:
    store.save(SERIES, episode(1), 119_000, 120_000)
    store.save(SERIES, episode(1), 5_000, 120_000)
    got = store.get(episode(1).location)
    assert got is not None
    assert (got.position_ms, got.watched) == (5_000, True)


def test_last_watched_is_the_latest_save(store: ProgressStore) -> None:
    assert store.last_watched() is None
    other = Series(title="甜宠", source="https://example.cn/甜宠.json", episodes=())
    store.save(SERIES, episode(1), 1_000, 120_000)
    store.save(other, episode(7, "https://example.cn"), 2_000, 120_000)
    store.save(SERIES, episode(1), 3_000, 120_000)
    last = store.last_watched()
    assert last is not None
    assert (last.location, last.position_ms, last.series_title) == (
        episode(1).location,
        3_000,
        "闪婚老公是豪门",
    )


def test_watched_count(store: ProgressStore) -> None:
    locations = [episode(n).location for n in range(1, 1201)]
    for number in range(1, 1201, 2):
        store.save(SERIES, episode(number), 120_000, 120_000)
    store.save(SERIES, episode(2), 10, 120_000)  # started, not watched
    assert store.watched_count(locations) == 600
    assert store.watched_count(locations[:10] + locations[:10]) == 5
    assert store.watched_count([]) == 0
    assert store.watched_count(["/elsewhere.mp4"]) == 0


def test_progress_survives_reopening_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "progress.db"
    with ProgressStore(path) as first:
        first.save(SERIES, episode(2), 42_000, 120_000)
        assert not first.in_memory
    with ProgressStore(path) as second:
        got = second.get(episode(2).location)
        assert got is not None
        assert got.position_ms == 42_000
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_killed_process_loses_no_committed_save(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    writer = textwrap.dedent(
        f"""
        import sys
        from player.library.model import Episode, Series
        from player.progress import ProgressStore
        store = ProgressStore({str(path)!r})
        series = Series("剧", "/s", ())
        position = 0
        while True:
            position += 1
            store.save(series, Episode(1, "第1集", "/s/1.mp4"), position, 10_000_000)
            store.save(series, Episode(2, "第2集", "/s/2.mp4"), position, 10_000_000)
            print(position, flush=True)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", writer], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    acknowledged = 0
    while acknowledged < 300:
        acknowledged = int(child.stdout.readline())
    os.kill(child.pid, signal.SIGKILL)  # mid-write, with no chance to clean up
    child.wait()
    child.stdout.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with ProgressStore(path) as reopened:
        first, second = reopened.get("/s/1.mp4"), reopened.get("/s/2.mp4")
        assert first is not None
        assert second is not None
        assert first.position_ms >= acknowledged
        assert second.position_ms >= acknowledged
        assert first.position_ms - second.position_ms in (0, 1)
        assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_garbage_file_is_moved_aside(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "progress.db"
    path.write_bytes(b"this is not a database, it was overwritten by accident" * 100)
    with caplog.at_level(logging.WARNING), ProgressStore(path) as store:
        store.save(SERIES, episode(1), 1_000, 120_000)
        assert store.get(episode(1).location) is not None
        assert not store.in_memory
    [aside] = tmp_path.glob("progress.db.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert "damaged" in caplog.text


def test_a_damaged_page_is_found_at_open(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    with ProgressStore(path) as store:
        for number in range(1, 2001):
            store.save(SERIES, episode(number), number, 120_000)
    with path.open("r+b") as file:
        file.seek(4096 * 5)
        file.write(b"\xa5" * 4096 * 3)
    with ProgressStore(path) as store:
        assert store.get(episode(1).location) is None  # a fresh, empty store
        store.save(SERIES, episode(1), 7, 120_000)
        assert store.last_watched() is not None
    assert len(list(tmp_path.glob("progress.db.corrupt-*"))) == 1


def test_a_file_damaged_while_open_is_recovered_on_next_use(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    with ProgressStore(path) as store:
        for number in range(1, 2001):
            store.save(SERIES, episode(number), 120_000, 120_000)
        with sqlite3.connect(path) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with path.open("r+b") as file:
            file.seek(4096)
            file.write(b"\x00" * 4096 * 50)
        # The damage is met here: the file is moved aside and counting goes on afresh.
        assert store.watched_count([episode(n).location for n in range(1, 2001)]) == 0
        assert len(list(tmp_path.glob("progress.db.corrupt-*"))) >= 1
        store.save(SERIES, episode(9), 9, 120_000)
        got = store.get(episode(9).location)
        assert got is not None
        assert got.position_ms == 9


def test_two_damaged_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    for content in (b"first garbage" * 100, b"second garbage" * 100):
        path.write_bytes(content)
        ProgressStore(path).close()
    kept = sorted(p.read_bytes()[:6] for p in tmp_path.glob("progress.db.corrupt-*"))
    assert kept == [b"first ", b"second"]


def test_an_unusable_location_falls_back_to_memory(tmp_path: Path) -> None:
    folder_in_the_way = tmp_path / "progress.db"
    folder_in_the_way.mkdir()
    with ProgressStore(folder_in_the_way) as store:
        assert store.in_memory
        store.save(SERIES, episode(1), 5, 120_000)
        got = store.get(episode(1).location)
        assert got is not None
        assert got.position_ms == 5
    assert folder_in_the_way.is_dir()


def test_get_many_reads_a_huge_series_in_batches(store: ProgressStore) -> None:
    locations = [episode(n).location for n in range(1, 2_345)]
    for number in (1, 499, 500, 501, 1_777, 2_344):
        store.save(SERIES, episode(number), 60_000 + number, 120_000)
    store.save(SERIES, episode(500), 119_000, 120_000)  # watched
    found = store.get_many(locations + locations[:3])  # duplicates are harmless
    assert sorted(found) == sorted(episode(n).location for n in (1, 499, 500, 501, 1_777, 2_344))
    assert found[episode(1_777).location].position_ms == 61_777
    assert found[episode(500).location].watched
    assert not found[episode(501).location].watched
    assert store.get_many([]) == {}


def test_unplayable_marks_are_remembered_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    with ProgressStore(path) as first:
        first.mark_unplayable(episode(1).location, "unplayable")
        first.mark_unplayable(episode(7).location, "missing")
        first.mark_unplayable(episode(7).location, "empty")  # the latest reason wins
    with ProgressStore(path) as again:
        wanted = [episode(n).location for n in range(1, 900)]
        assert again.unplayable(wanted) == {
            episode(1).location: "unplayable", episode(7).location: "empty"}
        again.clear_unplayable(episode(1).location)  # it played after all
        assert again.unplayable(wanted) == {episode(7).location: "empty"}
        assert again.unplayable(["/elsewhere.mp4"]) == {}


def test_a_version_1_progress_file_gains_the_unplayable_table(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE progress (location TEXT PRIMARY KEY, position_ms INTEGER NOT NULL,"
        " duration_ms INTEGER NOT NULL, watched INTEGER NOT NULL, updated REAL NOT NULL,"
        " seq INTEGER NOT NULL, series_source TEXT NOT NULL, series_title TEXT NOT NULL);"
        "INSERT INTO progress VALUES ('/a.mp4', 5000, 60000, 0, 1.0, 1, '/s', 'S');"
        "PRAGMA user_version = 1;")
    old.close()
    with ProgressStore(path) as store:
        assert store.get("/a.mp4") is not None and store.get("/a.mp4").position_ms == 5000  # type: ignore[union-attr]
        store.mark_unplayable("/a.mp4", "unplayable")
        assert store.unplayable(["/a.mp4"]) == {"/a.mp4": "unplayable"}


def test_recent_series_are_latest_first(store: ProgressStore) -> None:
    other = Series(title="春风又起", source="/media/usb/春风", episodes=())
    store.save(SERIES, episode(1), 1000, 120_000)
    store.save(other, episode(1, "/media/usb/春风"), 1000, 120_000)
    assert store.recent_series() == ["/media/usb/春风", "/media/usb/闪婚"]
    store.save(SERIES, episode(2), 1000, 120_000)
    assert store.recent_series() == ["/media/usb/闪婚", "/media/usb/春风"]
    assert store.recent_series(limit=1) == ["/media/usb/闪婚"]
