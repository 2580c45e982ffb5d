"""Tags from folder names, tags.txt files and manifests (养生, 科普, 家庭, 戏曲…)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from player.library.folder import read_folder
from player.library.manifest import parse_manifest
from player.library.tags import clean_tags, split_title_tags


@pytest.mark.parametrize(("name", "title", "tags"), [
    ("[养生] 八段锦跟我练", "八段锦跟我练", ("养生",)),
    ("【科普】【养生】血压那些事", "血压那些事", ("科普", "养生")),
    ("［戏曲］ 锁麟囊", "锁麟囊", ("戏曲",)),
    ("(家庭,养生)婆婆的菜园", "婆婆的菜园", ("家庭", "养生")),
    ("春风又起", "春风又起", ()),
    ("春风又起 [第二季]", "春风又起 [第二季]", ()),  # only leading brackets are tags
    ("【】", "【】", ()),
    ("[养生]", "[养生]", ()),  # nothing but a tag: keep the name
])
def test_folder_names_carry_tags_in_leading_brackets(name: str, title: str,
                                                     tags: tuple[str, ...]) -> None:
    assert split_title_tags(name) == (title, tags)


def test_clean_tags_bounds_and_deduplicates() -> None:
    assert clean_tags(["养生", " 养生 ", 3, None, "科普"]) == ("养生", "科普")
    assert clean_tags("养生，科普、家庭 戏曲") == ("养生", "科普", "家庭", "戏曲")
    assert len(clean_tags([f"标签{i}" for i in range(50)])) == 8
    assert clean_tags(["很" * 100]) == ("很" * 12,)
    assert clean_tags({"a": 1}) == ()


def test_a_folder_series_gets_tags_from_its_name_and_its_tags_file(tmp_path: Path) -> None:
    health = tmp_path / "[养生] 八段锦跟我练"
    health.mkdir()
    (health / "第1集.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (health / "tags.txt").write_bytes("科普\n养生\n".encode("gb18030"))
    opera = tmp_path / "锁麟囊"
    opera.mkdir()
    (opera / "01.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (opera / "标签.txt").write_text("戏曲", encoding="utf-8")
    series = {s.title: s for s in read_folder(str(tmp_path)) if s.episodes}
    assert series["八段锦跟我练"].tags == ("养生", "科普")
    assert series["锁麟囊"].tags == ("戏曲",)
    assert not any(s.problems for s in series.values())  # a tags file is not a stray file


def test_a_manifest_carries_optional_tags(tmp_path: Path) -> None:
    text = json.dumps({"title": "血压那些事", "tags": ["科普", "养生", 7],
                       "episodes": ["1.mp4"]}, ensure_ascii=False)
    series = parse_manifest(text, source=str(tmp_path / "m.json"), base=str(tmp_path))
    assert series.tags == ("科普", "养生")
    untagged = parse_manifest('{"episodes": ["1.mp4"], "tags": "养生"}',
                              source=str(tmp_path / "n.json"), base=str(tmp_path))
    assert untagged.tags == ("养生",)
