from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from player.library.model import Series
from player.library.playlist import is_hls, parse_playlist, read_playlist

from .conftest import WebServer

HLS_MEDIA = """#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:6
#EXT-X-MEDIA-SEQUENCE:0
#EXTINF:6.0,
seg0.ts
#EXTINF:4.0,
seg1.ts
#EXT-X-ENDLIST
"""
HLS_MASTER = """#EXTM3U
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=540x960
540p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2000000,RESOLUTION=1080x1920
1080p/index.m3u8
"""


def codes(series: Series) -> list[tuple[str, str]]:
    return [(p.code, p.where.rsplit(":", 1)[-1]) for p in series.problems]


@pytest.fixture
def episodes_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "videos"
    folder.mkdir()
    for name in ("第1集.mp4", "第2集.mp4", "第3集.mp4", "第4集.mp4"):
        (folder / name).write_bytes(b"not opened when listing")
    (folder / "第2集.zh.srt").write_bytes(b"1")
    (folder / "empty.mp4").write_bytes(b"")
    return folder


def test_local_playlist(tmp_path: Path, episodes_dir: Path) -> None:
    playlist = tmp_path / "lists" / "追剧.m3u8"
    playlist.parent.mkdir()
    playlist.write_text(
        "\ufeff#EXTM3U\n"
        "#PLAYLIST:闪婚老公是豪门\n"
        '#EXTINF:-1 tvg-name="第1集, 初遇" group-title="甜宠",第1集 初遇\n'
        "../videos/第1集.mp4\n"
        "\n"
        "# a plain comment\n"
        "#EXTINF:120.5,第2集 误会\n"
        f"{episodes_dir / '第2集.mp4'}\n"
        f"file://{episodes_dir / '第3集.mp4'}\n"
        "#EXTINF:-1,网络上的一集\n"
        "https://cdn.example.cn/ep4.m3u8\n",
        encoding="utf-8",
    )
    [series] = read_playlist(str(playlist))
    assert series.title == "闪婚老公是豪门"
    assert series.source == str(playlist)
    assert [(e.number, e.title, e.location) for e in series.episodes] == [
        (1, "第1集 初遇", str(episodes_dir / "第1集.mp4")),
        (2, "第2集 误会", str(episodes_dir / "第2集.mp4")),
        (3, "第3集", str(episodes_dir / "第3集.mp4")),
        (4, "网络上的一集", "https://cdn.example.cn/ep4.m3u8"),
    ]
    assert [e.subtitle for e in series.episodes] == [
        None,
        str(episodes_dir / "第2集.zh.srt"),
        None,
        None,
    ]
    assert series.problems == ()


def test_playlist_order_is_kept_not_sorted(tmp_path: Path, episodes_dir: Path) -> None:
    series = parse_playlist(
        "videos/第3集.mp4\nvideos/第1集.mp4\n", source="s", base=str(tmp_path / "a.m3u")
    )
    assert [e.title for e in series.episodes] == ["第3集", "第1集"]
    assert series.title == "s"


def test_broken_lines_are_skipped_with_problems(tmp_path: Path, episodes_dir: Path) -> None:
    text = (
        "#EXTM3U\n"
        "#EXTINF:abc,not a duration\n"  # 2
        "videos/第1集.mp4\n"
        "#EXTINF:-1 no comma\n"  # 4
        "videos/第2集.mp4\n"
        "#EXTINF:-1,gets lost with its entry\n"
        "videos/gone.mp4\n"  # 7
        "videos/empty.mp4\n"  # 8
        "videos/第3\x07集.mp4\n"  # 9
        "ftp://example.cn/ep.mp4\n"  # 10
        "videos\n"  # 11: a folder
        "#EXTINF:-1,第4集\n"
        "videos/第4集.mp4\n"
    )
    series = parse_playlist(text, source="list", base=str(tmp_path / "list.m3u"))
    assert [(e.number, e.title) for e in series.episodes] == [
        (1, "第1集"),
        (2, "第2集"),
        (3, "第4集"),
    ]
    assert codes(series) == [
        ("bad_line", "2"),
        ("bad_line", "4"),
        ("missing", "7"),
        ("zero_byte", "8"),
        ("bad_line", "9"),
        ("unsupported", "10"),
        ("unsupported", "11"),
    ]


@pytest.mark.parametrize("text", ["", "#EXTM3U\n", "#EXTM3U\n#EXTINF:-1,孤单的标题\n"])
def test_a_playlist_without_entries_is_empty(text: str, tmp_path: Path) -> None:
    series = parse_playlist(text, source="list", base=str(tmp_path / "list.m3u"))
    assert series.episodes == ()
    assert [p.code for p in series.problems] == ["empty"]


def test_gbk_playlist_from_an_old_windows_pc(tmp_path: Path, episodes_dir: Path) -> None:
    playlist = tmp_path / "老电脑.m3u"
    playlist.write_bytes(
        (
            "#EXTM3U\r\n#EXTINF:-1,第一集 她回来了，豪门恩怨开始\r\nvideos\\第1集.mp4\r\n"
            "#EXTINF:-1,第二集 真相大白，众人震惊\r\nvideos\\第2集.mp4\r\n"
        ).encode("gbk")
    )
    [series] = read_playlist(str(playlist))
    assert [e.title for e in series.episodes] == [
        "第一集 她回来了，豪门恩怨开始",
        "第二集 真相大白，众人震惊",
    ]
    assert series.episodes[0].location == str(episodes_dir / "第1集.mp4")


def test_binary_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "fake.m3u").write_bytes(bytes(range(256)) * 4)
    [series] = read_playlist(str(tmp_path / "fake.m3u"))
    assert [p.code for p in series.problems] == ["unreadable"]


def test_missing_playlist(tmp_path: Path) -> None:
    [series] = read_playlist(str(tmp_path / "gone.m3u"))
    assert (series.source, [p.code for p in series.problems]) == (
        str(tmp_path / "gone.m3u"),
        ["missing"],
    )


@pytest.mark.parametrize(
    ("text", "hls"),
    [(HLS_MEDIA, True), (HLS_MASTER, True), ("#EXTM3U\n#EXTINF:-1,x\na.mp4\n", False)],
)
def test_is_hls(text: str, hls: bool) -> None:
    assert is_hls(text) is hls


@pytest.mark.parametrize("text", [HLS_MEDIA, HLS_MASTER])
def test_local_hls_playlist_is_one_episode(text: str, tmp_path: Path) -> None:
    stream = tmp_path / "第5集.m3u8"
    stream.write_text(text)
    [series] = read_playlist(str(stream))
    assert [(e.number, e.title, e.location) for e in series.episodes] == [(1, "第5集", str(stream))]
    assert series.problems == ()


def test_remote_playlist_resolves_against_its_address_and_refuses_local(web: WebServer) -> None:
    url = web.add(
        "/lists/drama.m3u8",
        "#EXTM3U\n"
        "#EXTINF:-1,第1集\nep1.mp4\n"
        "#EXTINF:-1,第2集\n/media/ep2.mp4\n"
        "#EXTINF:-1,第3集\nhttps://cdn.example.cn/ep3.mp4\n"
        "#EXTINF:-1,偷看密码\nfile:///etc/passwd\n"
        "#EXTINF:-1,偷看硬盘\nC:\\Users\\爸爸\\Videos\\ep.mp4\n"
        "#EXTINF:-1,偷看上级\n..\\..\\ep.mp4\n"
        "#EXTINF:-1,第4集\n../ep4.mp4\n",
    )
    [series] = read_playlist(url)
    assert series.source == url
    assert [(e.title, e.location) for e in series.episodes] == [
        ("第1集", web.url("/lists/ep1.mp4")),
        ("第2集", web.url("/media/ep2.mp4")),
        ("第3集", "https://cdn.example.cn/ep3.mp4"),
        ("第4集", web.url("/ep4.mp4")),
    ]
    assert codes(series) == [
        ("refused_local", "9"),
        ("refused_local", "11"),
        ("refused_local", "13"),
    ]


def test_remote_playlist_after_a_redirect_resolves_against_the_final_address(
    web: WebServer,
) -> None:
    web.add("/cdn/v2/list.m3u", "#EXTM3U\nep1.mp4\n")
    start = web.add("/go", status=302, headers={"Location": "/cdn/v2/list.m3u"})
    [series] = read_playlist(start)
    assert [e.location for e in series.episodes] == [web.url("/cdn/v2/ep1.mp4")]


def test_remote_hls_is_one_episode_played_by_its_address(web: WebServer) -> None:
    url = web.add(
        quote("/live/第6集.m3u8"),
        HLS_MEDIA,
        headers={"Content-Type": "application/vnd.apple.mpegurl"},
    )
    [series] = read_playlist(url)
    assert [(e.title, e.location) for e in series.episodes] == [("第6集", url)]


def test_remote_gbk_playlist(web: WebServer) -> None:
    body = "#EXTM3U\n#EXTINF:-1,第一集 她回来了，豪门恩怨开始\nep1.mp4\n".encode("gbk")
    url = web.add("/gbk.m3u", body, headers={"Content-Type": "audio/x-mpegurl; charset=gbk"})
    [series] = read_playlist(url)
    assert [e.title for e in series.episodes] == ["第一集 她回来了，豪门恩怨开始"]


def test_remote_playlist_that_never_answers(web: WebServer) -> None:
    url = web.add("/hang.m3u", behaviour="hang")
    [series] = read_playlist(url, timeout=0.3)
    assert (series.episodes, [p.code for p in series.problems]) == ((), ["timeout"])


def test_remote_playlist_not_found(web: WebServer) -> None:
    [series] = read_playlist(web.url("/nope.m3u"))
    assert [p.code for p in series.problems] == ["http_error"]
