"""The library arrives source by source: a trickling server never keeps Home away."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

from player.library.loading import LibraryLoader
from player.library.model import Series
from tests.hostile import hostile_server


def _folder(tmp_path: Path) -> Path:
    series = tmp_path / "本地剧"
    series.mkdir(parents=True)
    (series / "第1集.mp4").write_bytes(b"\0\0\0\x18ftypisom" + bytes(64))
    return tmp_path


def test_local_series_come_first_and_a_trickling_server_joins_later(tmp_path: Path) -> None:
    reports: list[tuple[list[str], bool]] = []
    done = threading.Event()

    def report(library: list[Series], complete: bool) -> None:
        reports.append(([s.title for s in library if s.episodes], complete))
        if complete:
            done.set()

    with hostile_server() as server:
        slow = server.add("/slow.m3u", behaviour="trickle_headers")
        good = server.add("/good.m3u", "#EXTM3U\n#EXTINF:-1,网上第1集\nep1.mp4\n",
                          headers={"Content-Type": "audio/x-mpegurl"})
        LibraryLoader([slow, str(_folder(tmp_path)), good], report).start()
        assert done.wait(60), "the slow source never gave up"
    first_titles, first_complete = reports[0]
    assert "本地剧" in first_titles and not first_complete  # Home with the local series
    last_titles, last_complete = reports[-1]
    assert last_complete and last_titles == ["本地剧", "good"]  # in source order
    assert all(len(a[0]) <= len(b[0]) for a, b in itertools.pairwise(reports))  # only grows


def test_a_source_that_raises_does_not_lose_the_others(tmp_path: Path) -> None:
    got: list[tuple[list[Series], bool]] = []
    done = threading.Event()

    def read(spec: str) -> list[Series]:
        if spec == "boom":
            raise RuntimeError("reader bug")
        from player.library.sources import open_source

        return open_source(spec)

    def report(library: list[Series], complete: bool) -> None:
        got.append((library, complete))
        if complete:
            done.set()

    LibraryLoader(["boom", str(_folder(tmp_path))], report, read=read).start()
    assert done.wait(30)
    library = got[-1][0]
    assert [s.title for s in library if s.episodes] == ["本地剧"]
    assert any(p.code == "unreadable" for s in library for p in s.problems)
