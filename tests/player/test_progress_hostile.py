"""Progress with names that are not UTF-8, a file locked by another process, a table of
another shape: nothing raises, nothing waits, nothing is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from player.library.folder import read_folder
from player.library.model import Episode, Series
from player.progress import ProgressStore

NAMES = {
    "gbk": "第1集 重生之我是大小姐.mp4".encode("gbk"),
    "big5": "第2集 媽媽回來了.mp4".encode("big5"),
    "random": bytes([0xFF, 0xFE, 0x80, 0x81, 0x2E, 0x6D, 0x70, 0x34]),  # "...mp4"
}


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "短剧"
    folder.mkdir()
    for raw in NAMES.values():
        with open(os.path.join(os.fsencode(folder), raw), "wb") as out:
            out.write(b"\0\0\0\x18ftypisom" + bytes(64))
    series_folder = os.path.join(os.fsencode(folder), "霸道总裁".encode("gbk"))
    os.mkdir(series_folder)
    with open(os.path.join(series_folder, b"01.mp4"), "wb") as out:
        out.write(b"\0\0\0\x18ftypisom" + bytes(64))
    return folder


def test_names_that_are_not_utf8_are_listed_stored_and_shown(odd_folder: Path,
                                                             tmp_path: Path) -> None:
    library = read_folder(str(odd_folder))
    titles = sorted(s.title for s in library)
    assert "霸道总裁" in titles  # the GBK folder name, decoded for display
    loose = next(s for s in library if s.title == "短剧")
    shown = sorted(e.title for e in loose.episodes)
    assert "第1集 重生之我是大小姐" in shown and "第2集 媽媽回來了" in shown
    assert all(title.isprintable() for title in shown)  # random bytes: "?" not surrogates
    with ProgressStore(tmp_path / "progress.db") as store:
        for number, item in enumerate(loose.episodes):
            store.save(loose, item, 10_000 + number, 60_000)
        assert not store.in_memory
    with ProgressStore(tmp_path / "progress.db") as again:
        for number, item in enumerate(loose.episodes):
            got = again.get(item.location)
            assert got is not None and got.position_ms == 10_000 + number
            assert got.location == item.location  # the exact bytes, back
            assert os.path.exists(got.location)
        last = again.last_watched()
        assert last is not None and last.location == loose.episodes[-1].location
        assert again.watched_count(e.location for e in loose.episodes) == 0


@contextmanager
def locked_by_another_process(db: Path) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sqlite3, sys
            c = sqlite3.connect({str(db)!r}, isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("UPDATE progress SET position_ms = position_ms")
            print("locked", flush=True)
            sys.stdin.readline()
            c.execute("ROLLBACK")
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)


SERIES = Series(title="闪婚", source="/media/usb/闪婚", episodes=())


def test_a_locked_file_keeps_the_position_in_memory_until_it_can_be_written(
        tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    ep1 = Episode(1, "第1集", "/media/usb/闪婚/第1集.mp4")
    ep2 = Episode(2, "第2集", "/media/usb/闪婚/第2集.mp4")
    with ProgressStore(db) as store:
        store.save(SERIES, ep1, 1_000, 60_000)
        with locked_by_another_process(db):
            store.save(SERIES, ep1, 30_000, 60_000)  # returns at once: the lock is busy
            store.save(SERIES, ep2, 59_000, 60_000)
            assert store.waiting == 2
            got = store.get(ep1.location)
            assert got is not None and got.position_ms == 30_000  # from memory
            last = store.last_watched()
            assert last is not None and last.location == ep2.location
            assert store.watched_count([ep1.location, ep2.location]) == 1
        assert store.flush() and store.waiting == 0
    with ProgressStore(db) as reopened:
        got1, got2 = reopened.get(ep1.location), reopened.get(ep2.location)
        assert got1 is not None and got1.position_ms == 30_000
        assert got2 is not None and got2.watched
        last = reopened.last_watched()
        assert last is not None and last.location == ep2.location


@pytest.mark.parametrize("schema", [
    "CREATE TABLE progress (location TEXT PRIMARY KEY, position_ms INTEGER)",
    "CREATE TABLE progress (path TEXT, seconds REAL)",
    "CREATE TABLE progress (location TEXT, position_ms TEXT, duration_ms INTEGER, "
    "watched INTEGER, updated REAL, seq INTEGER, series_source TEXT)",
])
def test_a_progress_table_of_another_shape_is_migrated_or_moved_aside(
        tmp_path: Path, schema: str) -> None:
    db = tmp_path / "progress.db"
    with sqlite3.connect(db) as raw:
        raw.execute(schema)
        if "location TEXT PRIMARY KEY" in schema:
            raw.execute("INSERT INTO progress VALUES ('/old/第1集.mp4', 42000)")
    ep = Episode(1, "第1集", "/media/usb/闪婚/第1集.mp4")
    with ProgressStore(db) as store:
        store.save(SERIES, ep, 12_000, 60_000)
        assert store.waiting == 0 and not store.in_memory
        if "location TEXT PRIMARY KEY" in schema:
            old = store.get("/old/第1集.mp4")
            assert old is not None and old.position_ms == 42000  # migrated
    with ProgressStore(db) as again:
        got = again.get(ep.location)
        assert got is not None and got.position_ms == 12_000  # on disk this time
    with sqlite3.connect(db) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert any(t.startswith("progress_aside_") for t in tables)  # the old one kept
