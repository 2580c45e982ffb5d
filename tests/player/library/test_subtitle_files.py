from __future__ import annotations

from pathlib import Path

import pytest

from player.library.subtitle_files import SubtitleFinder, SubtitleMatcher


@pytest.mark.parametrize(
    ("subtitles", "best"),
    [
        (["EP01.srt"], "EP01.srt"),
        (["EP01.vtt"], "EP01.vtt"),
        (["EP01.ssa"], "EP01.ssa"),
        (["EP01.eng.srt", "EP01.zh.srt"], "EP01.zh.srt"),
        (["EP01.cht.ass", "EP01.chs.ass"], "EP01.chs.ass"),
        (["EP01.srt", "EP01.zh-CN.srt"], "EP01.zh-CN.srt"),
        (["EP01.srt", "EP01.eng.srt"], "EP01.srt"),
        (["EP01.big5.srt", "EP01.srt"], "EP01.big5.srt"),
        (["EP01.chs&eng.ass", "EP01.eng.srt"], "EP01.chs&eng.ass"),
        (["EP01.chs&eng.ass", "EP01.chs.srt"], "EP01.chs.srt"),
        (["EP01.简体.srt", "EP01.繁體.srt"], "EP01.简体.srt"),
        (["EP01.简英.ass", "EP01.英文.srt"], "EP01.简英.ass"),
        (["EP01.zh.forced.srt", "EP01.forced.srt"], "EP01.zh.forced.srt"),
        (["ep01.ZH.SRT"], "ep01.ZH.SRT"),
        (["EP01.ass", "EP01.srt"], "EP01.srt"),
        (["EP010.srt", "EP1.srt", "EP01 extra.srt"], None),
        (["EP01.txt", "EP01.sub"], None),
    ],
)
def test_best_subtitle_for_an_episode(subtitles: list[str], best: str | None) -> None:
    matcher = SubtitleMatcher(subtitles, ["EP01", "EP02"])
    ranked = matcher.ranked_for("EP01")
    assert (ranked[0] if ranked else None) == best


def test_a_subtitle_named_after_a_longer_episode_belongs_to_that_episode() -> None:
    matcher = SubtitleMatcher(["第1集.part2.srt", "第1集.srt"], ["第1集", "第1集.part2"])
    assert matcher.ranked_for("第1集") == ["第1集.srt"]
    assert matcher.ranked_for("第1集.part2") == ["第1集.part2.srt"]


def test_names_copied_from_a_mac_match_their_composed_forms() -> None:
    decomposed = "Cafe\u0301 第1集.zh.srt"  # "é" stored as e + combining accent
    matcher = SubtitleMatcher([decomposed], ["Café 第1集"])
    assert matcher.ranked_for("Café 第1集") == [decomposed]


def test_finder_looks_beside_the_file_and_skips_empty_subtitles(tmp_path: Path) -> None:
    (tmp_path / "第1集.mp4").write_bytes(b"x")
    (tmp_path / "第1集.chs.srt").write_bytes(b"")
    (tmp_path / "第1集.srt").write_bytes(b"1")
    (tmp_path / "第2集.mp4").write_bytes(b"x")
    finder = SubtitleFinder()
    assert finder.find(str(tmp_path / "第1集.mp4")) == str(tmp_path / "第1集.srt")
    assert finder.find(str(tmp_path / "第2集.mp4")) is None


def test_finder_in_a_missing_folder_finds_nothing(tmp_path: Path) -> None:
    assert SubtitleFinder().find(str(tmp_path / "gone" / "EP1.mp4")) is None
