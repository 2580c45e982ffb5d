"""The plain sentences the viewer and the family read when something goes wrong."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from player.engine.base import ErrorCode
from player.ui.strings import (
    episode_label,
    library_problems,
    playback_error,
    problem_line,
    remaining_label,
    settings_problem,
    short_place,
)
from tests.player.ui.hosting import english_catalogue


def test_every_playback_error_has_its_own_short_chinese_sentence() -> None:
    sentences = {code: playback_error(code) for code in ErrorCode}
    assert len(set(sentences.values())) == len(ErrorCode)
    for sentence in sentences.values():
        assert sentence.endswith("。")
        assert len(sentence) <= 20  # read from the sofa in one look
        assert not any(c.isascii() and c.isalpha() for c in sentence)  # no codes, no English
    assert sentences[ErrorCode.MISSING] == "找不到这一集的文件。"
    assert sentences[ErrorCode.EMPTY] == "这一集的文件是空的，无法播放。"


@pytest.mark.parametrize("code", ["corrupt_file", "unreadable_file", "invalid_value",
                                  "unknown_key", "newer_version", "save_failed"])
def test_each_settings_problem_says_what_happened(code: str) -> None:
    sentence = settings_problem(code)
    assert sentence.endswith("。")
    assert sentence != settings_problem("something_new")


def test_a_settings_problem_nobody_foresaw_still_gets_a_calm_sentence() -> None:
    assert settings_problem("something_new") == "设置有问题，已使用默认设置。"
    assert settings_problem("") == "设置有问题，已使用默认设置。"


def test_a_library_without_problems_says_nothing() -> None:
    assert library_problems([]) is None


def test_single_bad_files_are_for_the_family_not_the_viewer() -> None:
    assert library_problems([("zero_byte", "/剧/第2集.mp4"), ("unsupported", "/剧/a.txt")]) is None


@pytest.mark.parametrize(("problems", "expected"), [
    ([("timeout", "http://127.0.0.1/a.m3u"), ("unreachable", "http://127.0.0.1/b.m3u")],
     "有的网上片源连不上，请检查网络；其余剧集可以正常看。"),
    ([("capped", "/剧/很长.m3u"), ("timeout", "http://127.0.0.1/a.m3u")],
     "有的片单剧集太多，只列出了前面的部分；其余剧集可以正常看。"),
    ([("timeout", "http://x/a"), ("refused_private", "http://x/b"), ("capped", "/c")],
     "网上的片单指向了家里的设备，已拒绝打开；其余剧集可以正常看。"),
    ([("capped", "/c"), ("refused_private", "http://x/b"), ("refused_local", "http://x/a")],
     "网上的片单指向了本机文件，已拒绝打开这些文件。"),
])
def test_the_most_important_library_problem_is_the_one_said(
        problems: list[tuple[str, str]], expected: str) -> None:
    assert library_problems(problems) == expected


def test_network_trouble_mixed_with_a_bad_file_is_not_blamed_on_the_network() -> None:
    assert library_problems([("timeout", "http://x/a"), ("zero_byte", "/剧/1.mp4")]) is None


@pytest.mark.parametrize(("code", "where", "expected"), [
    ("zero_byte", "/media/usb/短剧/春风又起/第2集.mp4",
     "春风又起/第2集.mp4：文件是空的（0 字节），可能没复制完"),
    ("missing", "D:\\短剧\\春风\\第3集.mkv", "春风/第3集.mkv：找不到"),
    ("http_error", "http://127.0.0.1:8200/MediaItems/22.mp4", "MediaItems/22.mp4：服务器回答出错"),
    ("a_new_code", "/剧/第1集.mp4", "剧/第1集.mp4：打不开"),
])
def test_a_problem_line_names_the_file_and_the_reason(code: str, where: str,
                                                      expected: str) -> None:
    assert problem_line(code, where) == expected


@pytest.mark.parametrize(("where", "expected"), [
    ("/a/b/c/第1集.mp4", "c/第1集.mp4"),
    ("/第1集.mp4", "第1集.mp4"),
    ("短剧/", "短剧"),
    ("C:\\Users\\妈妈\\Videos\\", "妈妈/Videos"),
    ("/", "/"),
])
def test_a_short_place_is_the_last_two_parts(where: str, expected: str) -> None:
    assert short_place(where) == expected


def test_episode_and_time_left_labels() -> None:
    assert episode_label(3) == "第 3 集"
    assert episode_label(120) == "第 120 集"
    assert remaining_label(125_000) == "还剩 2:05"
    assert remaining_label(59_999) == "还剩 0:59"
    assert remaining_label(3_725_000) == "还剩 62:05"
    assert remaining_label(-400) == "还剩 0:00"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    with english_catalogue(qapp):
        yield


def test_in_english_the_same_sentences_are_english(english: None) -> None:
    assert playback_error(ErrorCode.MISSING) == "This episode's file cannot be found."
    assert episode_label(7) == "Episode 7"
    assert remaining_label(61_000) == "1:01 left"
    for code in ErrorCode:
        assert playback_error(code).isascii()
