from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from player.library.export import library_to_json
from player.library.folder import read_folder
from player.library.model import Series

REPO = Path(__file__).resolve().parents[3]


def touch(path: Path, data: bytes = b"\x00\x00\x00\x18ftypmp42") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def codes(series: Series) -> list[str]:
    return sorted(p.code for p in series.problems)


def by_title(result: list[Series]) -> dict[str, Series]:
    return {s.title: s for s in result}


@pytest.fixture
def library(tmp_path: Path, tiny_video: Path) -> Path:
    root = tmp_path / "U盘"
    drama = root / "霸道总裁"
    drama.mkdir(parents=True)
    # Created out of order on purpose: the listing order of the disk must not matter.
    for name in ("第10集.mp4", "第2集.mp4", "第九集.mp4", "第1集.mp4"):
        shutil.copy(tiny_video, drama / name)
    touch(drama / "第1集.srt", b"1\n00:00:00,000 --> 00:00:01,000\n\xe4\xbd\xa0\xe5\xa5\xbd\n")
    touch(drama / "第2集.eng.srt", b"x")
    touch(drama / "第2集.zh.srt", b"x")
    touch(drama / "第九集.cht.ass", b"x")
    touch(drama / "第九集.chs.ass", b"x")
    touch(drama / "第10集.srt", b"")  # an empty subtitle is no subtitle
    touch(drama / "cover.jpg", b"\xff\xd8\xff")
    touch(drama / "still.png", b"\x89PNG")
    touch(drama / "第11集.mp4", b"")  # interrupted copy
    touch(drama / "._第1集.mp4", b"mac resource fork")
    touch(drama / "说明.txt", b"downloaded from ...")
    touch(drama / "notes.xyz", b"?")
    (drama / "第12集.mp4").symlink_to(drama / "gone.mp4")

    (root / "空文件夹").mkdir()
    touch(root / "剧B" / "EP01.mp4")
    touch(root / "剧B.jpg", b"\xff\xd8\xff")  # cover beside the series folder
    touch(root / "剧C" / "ep1.mkv")
    touch(root / "剧C" / "anything.webp", b"RIFF")  # the only image is the cover
    touch(root / "剧D" / "EP1.mp4")
    touch(root / "剧D" / "a.jpg", b"\xff\xd8\xff")
    touch(root / "剧D" / "b.jpg", b"\xff\xd8\xff")  # two images, neither a cover
    touch(root / ".hidden" / "EP1.mp4")
    touch(root / "System Volume Information" / "IndexerVolumeGuid", b"x")
    touch(root / "$RECYCLE.BIN" / "EP9.mp4")
    touch(root / "EP2.mp4")
    touch(root / "EP10.mp4")
    touch(root / "EP1.MP4")
    touch(root / "poster.png", b"\x89PNG")
    return root


def test_each_sub_folder_is_a_series_and_loose_episodes_come_first(library: Path) -> None:
    result = read_folder(str(library))
    assert [s.title for s in result] == ["U盘", "剧B", "剧C", "剧D", "空文件夹", "霸道总裁"]
    loose = result[0]
    assert [e.title for e in loose.episodes] == ["EP1", "EP2", "EP10"]
    assert loose.source == str(library)
    assert loose.cover == str(library / "poster.png")


def test_episodes_are_naturally_ordered_and_numbered(library: Path) -> None:
    drama = by_title(read_folder(str(library)))["霸道总裁"]
    assert [(e.number, e.title) for e in drama.episodes] == [
        (1, "第1集"),
        (2, "第2集"),
        (9, "第九集"),  # the number the name carries, not the position
        (10, "第10集"),
    ]
    assert all(os.path.isabs(e.location) for e in drama.episodes)
    assert drama.episodes[0].location == str(library / "霸道总裁" / "第1集.mp4")


def test_subtitles_are_matched_by_name_preferring_chinese(library: Path) -> None:
    drama = by_title(read_folder(str(library)))["霸道总裁"]
    folder = library / "霸道总裁"
    assert [e.subtitle for e in drama.episodes] == [
        str(folder / "第1集.srt"),
        str(folder / "第2集.zh.srt"),
        str(folder / "第九集.chs.ass"),
        None,
    ]


def test_skipped_files_are_reported_not_raised(library: Path) -> None:
    drama = by_title(read_folder(str(library)))["霸道总裁"]
    found = {(p.code, Path(p.where).name) for p in drama.problems}
    assert found == {
        ("zero_byte", "第11集.mp4"),
        ("unreadable", "第12集.mp4"),
        ("unsupported", "notes.xyz"),
    }


def test_covers(library: Path) -> None:
    series = by_title(read_folder(str(library)))
    assert series["霸道总裁"].cover == str(library / "霸道总裁" / "cover.jpg")
    assert series["剧B"].cover == str(library / "剧B.jpg")
    assert series["剧C"].cover == str(library / "剧C" / "anything.webp")
    assert series["剧D"].cover is None


def test_empty_sub_folder_is_a_series_with_a_problem(library: Path) -> None:
    empty = by_title(read_folder(str(library)))["空文件夹"]
    assert empty.episodes == ()
    assert codes(empty) == ["empty"]


def test_hidden_and_system_folders_and_files_are_passed_over(library: Path) -> None:
    result = read_folder(str(library))
    locations = [e.location for s in result for e in s.episodes]
    assert not any("/." in location or "$" in location for location in locations)
    assert "System Volume Information" not in [s.title for s in result]


def test_a_folder_with_only_loose_episodes_is_one_series(tmp_path: Path) -> None:
    touch(tmp_path / "甜宠" / "2.mp4")
    touch(tmp_path / "甜宠" / "1.mp4")
    result = read_folder(str(tmp_path / "甜宠"))
    assert len(result) == 1
    assert result[0].title == "甜宠"
    assert [e.title for e in result[0].episodes] == ["1", "2"]
    assert result[0].problems == ()


def test_an_empty_folder_gives_one_empty_series(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    [series] = read_folder(str(tmp_path / "nothing"))
    assert series.episodes == ()
    assert codes(series) == ["empty"]


def test_a_missing_folder_is_a_problem(tmp_path: Path) -> None:
    [series] = read_folder(str(tmp_path / "never-made"))
    assert codes(series) == ["missing"]


def test_a_file_given_as_folder_is_unreadable(tmp_path: Path) -> None:
    [series] = read_folder(str(touch(tmp_path / "EP1.mp4")))
    assert codes(series) == ["unreadable"]


def test_a_link_loop_as_folder_is_unreadable(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    [series] = read_folder(str(loop))
    assert codes(series) == ["unreadable"]
    assert series.problems[0].detail


def test_a_link_loop_inside_is_reported(tmp_path: Path) -> None:
    touch(tmp_path / "剧" / "EP1.mp4")
    (tmp_path / "剧" / "circle").symlink_to(tmp_path / "剧" / "circle")
    [series] = read_folder(str(tmp_path / "剧"))
    assert [e.title for e in series.episodes] == ["EP1"]
    assert [(p.code, Path(p.where).name) for p in series.problems] == [("unreadable", "circle")]


def test_a_path_too_long_for_the_system_is_unreadable(tmp_path: Path) -> None:
    too_long = tmp_path / ("很长的名字" * 20) / ("x" * 250) / ("y" * 250)
    too_long = Path(str(too_long) + "/z" * 2000)
    [series] = read_folder(str(too_long))
    assert codes(series) == ["unreadable"]


def _read_without_root_powers(root: Path) -> list[dict[str, Any]]:
    """read_folder(root) where file permissions really apply.

    Root reads through chmod 000, so as root the reading runs in a child process stripped of
    the capabilities that let it (util-linux ``setpriv``).
    """
    if os.geteuid() != 0:
        return library_to_json(read_folder(str(root)))["series"]
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a folder unreadable")
    code = (
        "import json, sys; from player.library.folder import read_folder;"
        "from player.library.export import library_to_json;"
        "print(json.dumps(library_to_json(read_folder(sys.argv[1]))))"
    )
    caps = "-dac_override,-dac_read_search"
    completed = subprocess.run(
        [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}",
         sys.executable, "-c", code, str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    return json.loads(completed.stdout)["series"]


def test_an_unreadable_sub_folder_is_a_problem_and_the_rest_lists(tmp_path: Path) -> None:
    touch(tmp_path / "好剧" / "EP1.mp4")
    locked = tmp_path / "上锁"
    touch(locked / "EP1.mp4")
    locked.chmod(0o000)
    try:
        series = {s["title"]: s for s in _read_without_root_powers(tmp_path)}
    finally:
        locked.chmod(0o755)
    assert [e["title"] for e in series["好剧"]["episodes"]] == ["EP1"]
    assert series["上锁"]["episodes"] == []
    assert [p["code"] for p in series["上锁"]["problems"]] == ["unreadable"]
    assert "denied" in series["上锁"]["problems"][0]["detail"]


@pytest.mark.parametrize(("names", "numbers"), [
    # 第2集 unplayable (zero bytes): 第3集 is still episode 3.
    (("第1集.mp4", "第2集.mp4:0", "第3集.mp4"), [1, 3]),
    (("EP03.mkv", "EP01.mkv", "EP07.mkv"), [1, 3, 7]),
    (("第十二集.mp4", "第九集.mp4", "第二十集.mp4"), [9, 12, 20]),
    (("07.mp4", "08.mp4", "10.mp4"), [7, 8, 10]),
    # No number in one name, or the same number twice: the plain order.
    (("开头.mp4", "第2集.mp4", "第5集.mp4"), [1, 2, 3]),
    (("S01E01.mp4", "S02E01.mp4", "S02E02.mp4"), [1, 2, 3]),
    (("2024新剧 上.mp4", "2024新剧 下.mp4"), [1, 2]),
])
def test_episode_numbers_come_from_the_names(tmp_path: Path, names: tuple[str, ...],
                                             numbers: list[int]) -> None:
    for name in names:
        file_name, _, size = name.partition(":")
        touch(tmp_path / "剧" / file_name, b"" if size == "0" else b"\x00\x00\x00\x18ftypmp42")
    (series,) = read_folder(str(tmp_path / "剧"))
    assert [e.number for e in series.episodes] == numbers
