from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.library.sources import open_source

from .conftest import WebServer

PLAYLIST = "#EXTM3U\n#EXTINF:-1,第1集\nhttps://cdn.example.cn/1.mp4\n"
MANIFEST = json.dumps({"title": "清单", "episodes": ["https://cdn.example.cn/1.mp4"]})


def test_a_folder(tmp_path: Path) -> None:
    (tmp_path / "剧" / "EP1.mp4").parent.mkdir()
    (tmp_path / "剧" / "EP1.mp4").write_bytes(b"x")
    assert [s.title for s in open_source(str(tmp_path))] == ["剧"]
    assert [s.title for s in open_source(f"  {tmp_path}/  ")] == ["剧"]
    assert [s.title for s in open_source(tmp_path.as_uri())] == ["剧"]


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("list.m3u", PLAYLIST, "list"),
        ("list.M3U8", PLAYLIST, "list"),
        ("清单.json", MANIFEST, "清单"),
        ("no-extension", PLAYLIST, "no-extension"),
        ("manifest.txt", "\n  " + MANIFEST, "清单"),
    ],
)
def test_local_lists_by_extension_or_content(
    tmp_path: Path, name: str, content: str, title: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    [series] = open_source(str(tmp_path / name))
    assert series.title == title
    assert [e.location for e in series.episodes] == ["https://cdn.example.cn/1.mp4"]


def test_a_single_video_file_with_its_subtitle(tmp_path: Path) -> None:
    (tmp_path / "电影.mkv").write_bytes(b"x")
    (tmp_path / "电影.chs.srt").write_bytes(b"1")
    [series] = open_source(str(tmp_path / "电影.mkv"))
    assert [(e.number, e.title, e.location, e.subtitle) for e in series.episodes] == [
        (1, "电影", str(tmp_path / "电影.mkv"), str(tmp_path / "电影.chs.srt"))
    ]


def test_a_zero_byte_video_file(tmp_path: Path) -> None:
    (tmp_path / "坏.mp4").write_bytes(b"")
    [series] = open_source(str(tmp_path / "坏.mp4"))
    assert (series.episodes, [p.code for p in series.problems]) == ((), ["zero_byte"])


@pytest.mark.parametrize(
    ("spec", "code"),
    [("", "missing"), ("   ", "missing"), ("/no/such/剧集", "missing")],
)
def test_nothing_there(spec: str, code: str) -> None:
    [series] = open_source(spec)
    assert (series.episodes, [p.code for p in series.problems]) == ((), [code])


def test_an_unknown_file_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "照片.heic").write_bytes(b"\x00\x01binary")
    [series] = open_source(str(tmp_path / "照片.heic"))
    assert [p.code for p in series.problems] == ["unsupported"]


def test_remote_playlist_and_manifest(web: WebServer) -> None:
    [playlist] = open_source(web.add("/a/list.m3u8", PLAYLIST))
    [manifest] = open_source(web.add("/a/series.json", MANIFEST))
    assert [e.title for e in playlist.episodes] == ["第1集"]
    assert manifest.title == "清单"


def test_remote_address_without_extension_is_recognised_by_content(web: WebServer) -> None:
    [by_type] = open_source(
        web.add("/api/list?id=1", PLAYLIST, headers={"Content-Type": "application/x-mpegURL"})
    )
    [by_json_type] = open_source(
        web.add("/api/series?id=2", MANIFEST, headers={"Content-Type": "application/json"})
    )
    [by_content] = open_source(web.add("/api/any?id=3", PLAYLIST))
    assert [len(s.episodes) for s in (by_type, by_json_type, by_content)] == [1, 1, 1]


def test_remote_video_file_is_one_episode_without_downloading_it(web: WebServer) -> None:
    url = web.url("/videos/第1集.mp4")
    [series] = open_source(url)
    assert [(e.title, e.location) for e in series.episodes] == [("第1集", url)]
    assert web.requests == []


def test_remote_stream_recognised_by_type(web: WebServer) -> None:
    url = web.add("/play?id=9", b"\x00" * 1000, headers={"Content-Type": "video/mp4"})
    [series] = open_source(url)
    assert [e.location for e in series.episodes] == [url]


def test_remote_hls_stream_is_one_episode(web: WebServer) -> None:
    url = web.add("/hls/index.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4,\ns0.ts\n")
    [series] = open_source(url)
    assert [e.location for e in series.episodes] == [url]


def test_remote_unknown_content(web: WebServer) -> None:
    [series] = open_source(web.add("/page", "<html>hello</html>"))
    assert [p.code for p in series.problems] == ["unsupported"]


def test_remote_timeout_is_passed_through(web: WebServer) -> None:
    [series] = open_source(web.add("/slow.json", behaviour="hang"), timeout=0.3)
    assert [p.code for p in series.problems] == ["timeout"]
