from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from player.library.manifest import parse_manifest, read_manifest
from player.library.model import Series

from .conftest import WebServer

DOCS = Path(__file__).resolve().parents[3] / "docs" / "manifest.md"


def problems(series: Series) -> list[tuple[str, str]]:
    return [(p.code, p.where.rsplit("#", 1)[-1]) for p in series.problems]


@pytest.fixture
def drama(tmp_path: Path) -> Path:
    folder = tmp_path / "闪婚老公是豪门"
    folder.mkdir()
    for name in ("第01集.mp4", "第02集.mp4", "第04集.mp4"):
        (folder / name).write_bytes(b"x")
    (folder / "第01集.zh.srt").write_bytes(b"1")
    return folder


def test_the_documented_example_reads_as_documented(drama: Path) -> None:
    example = re.search(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert example is not None
    manifest = drama / "series.json"
    manifest.write_text(example.group(1), encoding="utf-8")
    [series] = read_manifest(str(manifest))
    assert series.title == "闪婚老公是豪门"
    assert series.source == str(manifest)
    assert series.cover == str(drama / "cover.jpg")
    assert [(e.number, e.title, e.location, e.subtitle) for e in series.episodes] == [
        (1, "第1集 初遇", str(drama / "第01集.mp4"), str(drama / "第01集.zh.srt")),
        (2, "第2集 误会", str(drama / "第02集.mp4"), None),
        (3, "第3集 真相", "https://cdn.example.cn/shanhun/03/index.m3u8", None),
        (4, "第04集", str(drama / "第04集.mp4"), None),
    ]
    assert series.problems == ()


def test_invalid_episodes_are_skipped_and_reported(drama: Path) -> None:
    document = {
        "title": "闪婚",
        "episodes": [
            {"url": "第01集.mp4"},
            42,
            {"title": "no url"},
            {"url": 7},
            {"url": "   "},
            {"url": "第02集.mp4", "title": ["not", "text"], "subtitle": 3},
            {"url": "gone.mp4"},
            {"url": "ftp://example.cn/x.mp4"},
            "第04集.mp4",
        ],
    }
    series = parse_manifest(json.dumps(document), source="m", base=str(drama / "m.json"))
    assert [(e.number, e.title, e.subtitle) for e in series.episodes] == [
        (1, "第01集", None),
        (2, "第02集", None),
        (3, "第04集", None),
    ]
    assert problems(series) == [
        ("bad_entry", "episodes[1]"),
        ("bad_entry", "episodes[2]"),
        ("bad_entry", "episodes[3]"),
        ("bad_entry", "episodes[4]"),
        ("bad_entry", "title"),
        ("bad_entry", "subtitle"),
        ("missing", "episodes[6]"),
        ("unsupported", "episodes[7]"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"title": "剧", "episodes": [{"url": "a.mp4"}', [("bad_json", "m")]),
        ("", [("bad_json", "m")]),
        ("[1, 2]", [("bad_json", "m")]),
        ('"just text"', [("bad_json", "m")]),
        ("[" * 100_000, [("bad_json", "m")]),
        ('{"version": ' + "9" * 5000 + "}", [("bad_json", "m")]),
        ("{}", [("empty", "m")]),
        ('{"episodes": {"url": "a.mp4"}}', [("bad_json", "episodes"), ("empty", "m")]),
        ('{"title": 5, "cover": [], "episodes": []}', [
            ("bad_json", "title"), ("bad_json", "cover"), ("empty", "m"),
        ]),
        ('{"version": "1", "episodes": []}', [("bad_json", "version"), ("empty", "m")]),
        ('{"version": true, "episodes": []}', [("bad_json", "version"), ("empty", "m")]),
    ],
)  # fmt: skip
def test_broken_manifests_are_problems(
    text: str, expected: list[tuple[str, str]], tmp_path: Path
) -> None:
    series = parse_manifest(text, source="m", base=str(tmp_path / "m.json"))
    assert series.episodes == ()
    assert problems(series) == expected


def test_truncated_json_says_where(tmp_path: Path) -> None:
    series = parse_manifest(
        '{\n  "title": "剧",\n  "episodes": [\n', source="m", base=str(tmp_path)
    )
    assert "line 4" in series.problems[0].detail


def test_a_newer_version_is_read_as_far_as_understood(drama: Path) -> None:
    text = json.dumps({"version": 2, "episodes": [{"url": "第01集.mp4", "chapters": [1, 2]}]})
    series = parse_manifest(text, source="m", base=str(drama / "m.json"))
    assert [e.title for e in series.episodes] == ["第01集"]
    assert problems(series) == [("unknown_version", "version")]
    assert series.title == "m"


def test_missing_manifest_file(tmp_path: Path) -> None:
    [series] = read_manifest(str(tmp_path / "gone.json"))
    assert [p.code for p in series.problems] == ["missing"]


def test_remote_manifest_resolves_against_its_address_and_refuses_local(web: WebServer) -> None:
    document = {
        "title": "网上的剧",
        "cover": "../covers/剧.jpg",
        "episodes": [
            {"url": "ep1.mp4", "subtitle": "ep1.zh.srt"},
            {"url": "file:///etc/passwd"},
            {"url": "C:\\Videos\\ep.mp4"},
            {"url": "ep2.mp4", "subtitle": "file:///home/爸爸/ep2.srt"},
            {"url": "https://cdn.example.cn/ep3.m3u8"},
        ],
    }
    url = web.add(
        "/series/s1/manifest.json",
        json.dumps(document, ensure_ascii=False),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    [series] = read_manifest(url)
    assert series.cover == web.url("/series/covers/剧.jpg")
    assert [(e.number, e.location, e.subtitle) for e in series.episodes] == [
        (1, web.url("/series/s1/ep1.mp4"), web.url("/series/s1/ep1.zh.srt")),
        (2, web.url("/series/s1/ep2.mp4"), None),
        (3, "https://cdn.example.cn/ep3.m3u8", None),
    ]
    assert problems(series) == [
        ("refused_local", "episodes[1]"),
        ("refused_local", "episodes[2]"),
        ("refused_local", "subtitle"),
    ]


def test_remote_manifest_refuses_a_local_cover(web: WebServer) -> None:
    url = web.add("/m.json", json.dumps({"cover": "D:\\封面.jpg", "episodes": ["a.mp4"]}))
    [series] = read_manifest(url)
    assert series.cover is None
    assert problems(series) == [("refused_local", "cover")]


def test_remote_manifest_cut_off_midway(web: WebServer) -> None:
    url = web.add("/cut.json", '{"title": "剧", "episodes": [{"url": "a.mp')
    [series] = read_manifest(url)
    assert [p.code for p in series.problems] == ["bad_json"]


def test_remote_manifest_that_never_answers(web: WebServer) -> None:
    url = web.add("/hang.json", behaviour="hang")
    [series] = read_manifest(url, timeout=0.3)
    assert [p.code for p in series.problems] == ["timeout"]
