from __future__ import annotations

import socket
from pathlib import Path

import pytest

from player.library.fetch import Fetched, ascii_url, fetch, is_remote
from player.library.model import SourceProblem

from .conftest import WebServer


def fetched(result: Fetched | SourceProblem) -> Fetched:
    assert isinstance(result, Fetched), result
    return result


def failed(result: Fetched | SourceProblem) -> SourceProblem:
    assert isinstance(result, SourceProblem), result
    return result


def test_local_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "a.m3u").write_bytes(b"#EXTM3U\n")
    result = fetched(fetch(str(tmp_path / "a.m3u")))
    assert (result.data, result.location) == (b"#EXTM3U\n", str(tmp_path / "a.m3u"))


def test_local_problems(tmp_path: Path) -> None:
    (tmp_path / "big.m3u").write_bytes(b"x" * 101)
    assert failed(fetch(str(tmp_path / "gone.m3u"))).code == "missing"
    assert failed(fetch(str(tmp_path))).code == "unreadable"
    assert failed(fetch(str(tmp_path / "big.m3u"), max_bytes=100)).code == "too_large"
    assert fetched(fetch(str(tmp_path / "big.m3u"), max_bytes=101)).data == b"x" * 101


def test_remote_answer_keeps_type_and_charset(web: WebServer) -> None:
    url = web.add("/a.m3u", "#EXTM3U\n", headers={"Content-Type": "audio/x-mpegurl; charset=GBK"})
    result = fetched(fetch(url))
    assert (result.data, result.location) == (b"#EXTM3U\n", url)
    assert (result.content_type, result.charset) == ("audio/x-mpegurl", "gbk")


def test_http_error_status_is_a_problem(web: WebServer) -> None:
    problem = failed(fetch(web.url("/nothing-here.m3u")))
    assert problem.code == "http_error"
    assert problem.detail.startswith("404")


def test_a_server_that_never_answers_times_out(web: WebServer) -> None:
    url = web.add("/hang.m3u8", behaviour="hang")
    problem = failed(fetch(url, timeout=0.3))
    assert (problem.code, problem.where) == ("timeout", url)


def test_a_server_that_never_finishes_times_out(web: WebServer) -> None:
    url = web.add("/slow.m3u", behaviour="trickle")
    assert failed(fetch(url, timeout=0.4)).code == "timeout"


def test_an_endless_answer_is_cut_at_the_size_cap(web: WebServer) -> None:
    url = web.add("/endless.m3u", behaviour="trickle")
    assert failed(fetch(url, timeout=30, max_bytes=100)).code == "too_large"


def test_a_declared_large_answer_is_refused_before_reading(web: WebServer) -> None:
    url = web.add("/big.json", b"{" + b" " * 5000 + b"}")
    assert failed(fetch(url, max_bytes=1000)).code == "too_large"


def test_nobody_listening_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert failed(fetch(f"http://127.0.0.1:{port}/a.m3u")).code == "unreachable"


def test_redirects_are_followed_and_the_final_address_kept(web: WebServer) -> None:
    target = web.add("/real/list.m3u", "#EXTM3U\n")
    start = web.add("/short", status=302, headers={"Location": "/real/list.m3u"})
    assert fetched(fetch(start)).location == target


@pytest.mark.parametrize("location", ["file:///etc/hostname", "ftp://127.0.0.1/x", "data:,x"])
def test_a_redirect_to_anything_but_http_is_refused(web: WebServer, location: str) -> None:
    start = web.add("/sneaky.m3u", status=302, headers={"Location": location})
    expected = "refused_local" if location.startswith("file:") else "unsupported"
    assert failed(fetch(start)).code == expected


def test_a_video_answer_is_not_downloaded(web: WebServer) -> None:
    url = web.add("/play?id=7", b"\x00" * 10_000, headers={"Content-Type": "video/mp4"})
    result = fetched(fetch(url, max_bytes=100))
    assert result.media_only
    assert result.data == b""


def test_chinese_addresses_are_sent_percent_encoded(web: WebServer) -> None:
    web.add("/%E5%89%A7%E9%9B%86/%E7%AC%AC1%E9%9B%86.m3u", "#EXTM3U\n")
    result = fetched(fetch(web.url("/剧集/第1集.m3u")))
    assert result.data == b"#EXTM3U\n"


def test_malformed_addresses_are_problems() -> None:
    assert failed(fetch("http://[::1/list.m3u")).code == "unsupported"
    assert failed(fetch("http://127.0.0.1:port/list.m3u")).code == "unsupported"
    assert failed(fetch("http://exa mple.cn/list.m3u")).code == "unsupported"


def test_ascii_url() -> None:
    assert ascii_url("https://例子.cn/剧 集.m3u8?名=1") == (
        "https://xn--fsqu00a.cn/%E5%89%A7%20%E9%9B%86.m3u8?%E5%90%8D=1"
    )
    assert ascii_url("https://a.example/already%20encoded") == "https://a.example/already%20encoded"


@pytest.mark.parametrize(
    ("spec", "remote"),
    [("http://a/b", True), ("HTTPS://a/b", True), ("/a/b.m3u", False), ("file:///a", False)],
)
def test_is_remote(spec: str, remote: bool) -> None:
    assert is_remote(spec) is remote
