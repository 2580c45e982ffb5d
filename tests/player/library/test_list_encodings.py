"""Short playlists and manifests saved in GBK, GB18030 or Big5 show their Chinese titles.

A title of a few characters is too little for a general detector (charset-normalizer read
"第一集" in GBK as "菴珨摩" and "她回来了" as Korean); the lists use the subtitle decoder.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from player.library.manifest import read_manifest
from player.library.playlist import read_playlist

from .conftest import WebServer

# Most of these the old decoder (charset-normalizer right after UTF-8) read as mojibake in
# both wrappers; the few it read well (团圆饭, 真相大白, 親家母 ...) stay to show that nothing
# regressed. 婆婆的秘密 is written the same in both scripts.
SIMPLIFIED = ["第一集", "她回来了", "豪门恩怨", "婆婆的秘密", "闪婚总裁", "回家过年", "外婆家",
              "团圆饭", "爷爷的老屋", "第二集 归来", "奶奶的菜园"]
TRADITIONAL = ["婆婆的秘密", "閃婚總裁", "龍鳳呈祥", "豪門恩怨", "婆婆的祕密"]
CASES = ([(title, "gbk") for title in SIMPLIFIED]
         + [(title, "gb18030") for title in random.Random(10).sample(SIMPLIFIED, 4)]
         + [("真相大白", "gb18030"), ("真相終於大白", "gbk"), ("親家母", "gbk")]
         + [(title, "big5") for title in TRADITIONAL])


@pytest.fixture
def episode(tmp_path: Path) -> Path:
    video = tmp_path / "ep1.mp4"
    video.write_bytes(b"listed, never opened")
    return video


@pytest.mark.parametrize(("title", "encoding"), CASES)
def test_a_short_playlist_shows_its_titles(
    title: str, encoding: str, tmp_path: Path, episode: Path
) -> None:
    playlist = tmp_path / "list.m3u"
    playlist.write_bytes(f"#EXTM3U\n#PLAYLIST:{title}\n#EXTINF:-1,{title}\nep1.mp4\n"
                         .encode(encoding))
    [series] = read_playlist(str(playlist))
    assert series.title == title
    assert [e.title for e in series.episodes] == [title]
    assert series.problems == ()


@pytest.mark.parametrize(("title", "encoding"), CASES)
def test_a_short_manifest_shows_its_titles(
    title: str, encoding: str, tmp_path: Path, episode: Path
) -> None:
    manifest = tmp_path / "series.json"
    document = {"title": title, "episodes": [{"url": "ep1.mp4", "title": title}]}
    manifest.write_bytes(json.dumps(document, ensure_ascii=False).encode(encoding))
    [series] = read_manifest(str(manifest))
    assert series.title == title
    assert [e.title for e in series.episodes] == [title]
    assert series.problems == ()


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_a_short_list_from_a_server_without_a_charset(web: WebServer, encoding: str) -> None:
    title = "外婆家" if encoding == "gbk" else "龍鳳呈祥"
    url = web.add("/list.m3u", f"#EXTM3U\n#EXTINF:-1,{title}\nep1.mp4\n".encode(encoding),
                  headers={"Content-Type": "audio/x-mpegurl"})
    [series] = read_playlist(url)
    assert [e.title for e in series.episodes] == [title]


def test_a_hostile_manifest_is_a_plain_problem(tmp_path: Path) -> None:
    manifest = tmp_path / "deep.json"
    # Nesting far past any real manifest, NaN, and a number too long to convert: refused
    # with a short reason, never a recursion error.
    for body, detail in (
        ('{"title": "剧", "x": ' + "[" * 50_000 + "]" * 50_000 + ', "episodes": ["a.mp4"]}',
         "nested more than"),
        ('{"title": "剧", "episodes": ["a.mp4"], "n": NaN}', "NaN is not a number"),
        ('{"title": "剧", "episodes": ' + "[" * 65 + "]" * 65 + "}", "nested more than"),
        ('{"version": ' + "7" * 6000 + "}", "digits"),
    ):
        manifest.write_text(body, encoding="utf-8")
        [series] = read_manifest(str(manifest))
        assert series.episodes == ()
        assert [(p.code, p.where) for p in series.problems] == [("bad_json", str(manifest))]
        assert detail in series.problems[0].detail
