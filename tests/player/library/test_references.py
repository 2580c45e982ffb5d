from __future__ import annotations

import os
from pathlib import Path

import pytest

from player.library.model import SourceProblem
from player.library.references import (
    failed_series,
    local_file_problem,
    resolve,
    source_name,
    title_from_location,
)

REMOTE_BASE = "https://media.example.cn/剧集/甜宠/list.m3u8"


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("ep1.mp4", "https://media.example.cn/剧集/甜宠/ep1.mp4"),
        ("../封面.jpg", "https://media.example.cn/剧集/封面.jpg"),
        ("/drama/ep1.mp4", "https://media.example.cn/drama/ep1.mp4"),
        ("//cdn.example.cn/ep1.mp4", "https://cdn.example.cn/ep1.mp4"),
        ("http://other.example/ep.mp4", "http://other.example/ep.mp4"),
        ("  HTTPS://other.example/ep.m3u8  ", "https://other.example/ep.m3u8"),
    ],
)
def test_remote_lists_resolve_against_their_address(reference: str, expected: str) -> None:
    assert resolve(reference, REMOTE_BASE, where="w") == expected


@pytest.mark.parametrize(
    ("reference", "code"),
    [
        ("file:///etc/passwd", "refused_local"),
        ("FILE:///C:/Users/a.mp4", "refused_local"),
        ("C:\\Users\\爸爸\\Videos\\ep1.mp4", "refused_local"),
        ("D:/电视剧/ep1.mp4", "refused_local"),
        ("\\\\nas\\share\\ep1.mp4", "refused_local"),
        ("..\\..\\secret.mp4", "refused_local"),
        ("~/Videos/ep1.mp4", "refused_local"),
        ("ftp://example.cn/ep1.mp4", "unsupported"),
        ("smb://nas/ep1.mp4", "unsupported"),
        ("javascript:alert(1)", "unsupported"),
        ("data:video/mp4;base64,AAAA", "unsupported"),
        ("http://[::1/ep1.mp4", "bad_line"),
    ],
)
def test_remote_lists_never_reach_this_computer(reference: str, code: str) -> None:
    result = resolve(reference, REMOTE_BASE, where="list:3")
    assert isinstance(result, SourceProblem)
    assert (result.code, result.where) == (code, "list:3")


def test_local_lists_resolve_paths_and_file_urls(tmp_path: Path) -> None:
    base = str(tmp_path / "lists" / "drama.m3u")
    assert resolve("ep1.mp4", base, where="w") == str(tmp_path / "lists" / "ep1.mp4")
    assert resolve("../videos/ep2.mp4", base, where="w") == str(tmp_path / "videos" / "ep2.mp4")
    assert resolve("/srv/ep3.mp4", base, where="w") == "/srv/ep3.mp4"
    assert resolve("file:///srv/%E7%AC%AC4%E9%9B%86.mp4", base, where="w") == "/srv/第4集.mp4"
    assert resolve("https://cdn.example/ep5.mp4", base, where="w") == "https://cdn.example/ep5.mp4"


@pytest.mark.skipif(os.sep != "/", reason="backslashes are separators on Windows anyway")
def test_local_lists_written_on_windows_use_backslashes(tmp_path: Path) -> None:
    base = str(tmp_path / "drama.m3u")
    assert resolve("剧\\第1集.mp4", base, where="w") == str(tmp_path / "剧" / "第1集.mp4")


@pytest.mark.parametrize("reference", ["ftp://x/ep.mp4", "rtmp://x/live", "file://nas/share/x"])
def test_local_lists_refuse_unknown_schemes(reference: str, tmp_path: Path) -> None:
    result = resolve(reference, str(tmp_path / "a.m3u"), where="w")
    assert isinstance(result, SourceProblem)
    assert result.code == "unsupported"


def test_local_file_problems(tmp_path: Path) -> None:
    (tmp_path / "ok.mp4").write_bytes(b"x")
    (tmp_path / "empty.mp4").write_bytes(b"")
    (tmp_path / "dir.mp4").mkdir()
    assert local_file_problem(str(tmp_path / "ok.mp4"), "w") is None
    found = [
        local_file_problem(str(tmp_path / name), "w")
        for name in ("empty.mp4", "dir.mp4", "gone.mp4")
    ]
    assert [p.code if p else None for p in found] == ["zero_byte", "unsupported", "missing"]
    nul = local_file_problem("bad\x00name.mp4", "w")
    assert nul is not None
    assert nul.code == "unreadable"


@pytest.mark.parametrize(
    ("location", "title"),
    [
        ("https://a.example/%E7%AC%AC3%E9%9B%86.mp4?sign=1", "第3集"),
        ("https://a.example/", "a.example"),
        ("/media/剧/第4集.mkv", "第4集"),
        ("/", "/"),
    ],
)
def test_titles_from_locations(location: str, title: str) -> None:
    assert title_from_location(location) == title


def test_source_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert source_name(" https://a.example/x.json ") == "https://a.example/x.json"
    monkeypatch.chdir(tmp_path)
    assert source_name("list.m3u") == str(tmp_path / "list.m3u")


def test_failed_series_carries_the_reason() -> None:
    reason = SourceProblem("timeout", "https://a.example/x.m3u")
    series = failed_series("https://a.example/x.m3u", reason)
    assert (series.title, series.episodes, series.problems) == ("x", (), (reason,))
