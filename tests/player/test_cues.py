"""The cue follower: the page showing now, and never one before its time."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from accessibility.subtitles.model import Cue
from player.cues import CueFollower, PagesForReadOut

EPISODE_3 = (Cue(1000, 3000, "今天咱们一家包饺子。"), Cue(33_000, 35_000, "来，尝尝刚出锅的！"))
EPISODE_4 = (Cue(2600, 5700, "奶奶，我教您打视频。"), Cue(31_000, 35_500, "好，奶奶等你们回家。"))


def test_the_next_episodes_cues_wait_for_its_own_position(qtbot: QtBot) -> None:
    # The demo's episode 4 showed its last line at position 0: its cues arrived while the
    # follower still held the end of episode 3.
    follower = CueFollower()
    shown: list[object] = []
    follower.changed.connect(shown.append)
    follower.set_cues(EPISODE_3)
    follower.follow(34_000)
    assert follower.current == EPISODE_3[1]
    follower.clear()  # episode 4 starts
    follower.set_cues(EPISODE_4)  # its cues (from the picture analysis cache) arrive at once
    assert follower.current is None
    assert all(cue is None or cue in EPISODE_3 for cue in shown)
    follower.follow(0)
    assert follower.current is None
    follower.follow(2700)
    assert follower.current == EPISODE_4[0]


def test_no_position_and_negative_positions_show_nothing(qtbot: QtBot) -> None:
    follower = CueFollower()
    follower.set_cues((Cue(0, 5000, "好。"),))
    assert follower.current is None
    follower.follow(-1)
    assert follower.current is None
    follower.follow(0)
    assert follower.current == Cue(0, 5000, "好。")


def test_read_out_gets_pages_added_without_silencing_and_not_again_for_a_rewrap() -> None:
    calls: list[tuple[str, int]] = []
    feed = PagesForReadOut(lambda pages: calls.append(("replace", len(pages))),
                           lambda pages: calls.append(("extend", len(pages))))
    first = (Cue(0, 1000, "奶奶，\n我回来啦！"),)
    feed(first)
    feed((*first, Cue(2000, 3000, "快进屋坐。")))
    feed((Cue(0, 1000, "奶奶，我回来啦！"), Cue(2000, 3000, "快进屋坐。")))  # enlarge re-wrap
    feed((Cue(5000, 6000, "别的剧。"),))
    assert calls == [("replace", 1), ("extend", 1), ("replace", 1)]


def test_names_written_beside_the_episodes_are_never_broken(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from accessibility.subtitles import words
    from accessibility.subtitles.text import wrap_cue
    from player.cues import NAMES_FILE, load_cues
    from player.library.model import Episode

    words.wait_until_ready()
    folder = tmp_path / "上官家的故事"
    folder.mkdir()
    (folder / "第1集.mp4").write_bytes(b"\0")
    line = "上官婉清和诸葛明远今天回村里。"
    (folder / "第1集.srt").write_text(f"1\n00:00:01,000 --> 00:00:03,000\n{line}\n",
                                    encoding="utf-8")
    (folder / NAMES_FILE).write_text("\ufeff上官婉清\n诸葛明远\n", encoding="utf-8")
    load = load_cues(Episode(1, "第 1 集", str(folder / "第1集.mp4"), str(folder / "第1集.srt")))
    assert load.track is not None and load.track.cues[0].text == line
    assert words.bonds(line)[1:4] == (words.INSIDE,) * 3
    assert words.bonds(line)[6:9] == (words.INSIDE,) * 3
    for chars in (4, 5, 6):
        lines = [text for page in wrap_cue(line, chars, 4) for text in page]
        assert any("上官婉清" in text for text in lines), lines
        assert any("诸葛明远" in text for text in lines), lines


def _lines(pages: tuple[Cue, ...]) -> list[str]:
    return [line for page in pages for line in page.text.split("\n")]


def test_unknown_words_are_laid_out_at_once_then_again_when_segmented(qtbot: QtBot) -> None:
    from accessibility.subtitles import words

    words.keep_main_thread_free()  # as in the app
    try:
        follower = CueFollower()
        follower.set_layout(4, 6)
        text = "外孙女今天晚上回来吃饭。"  # not segmented before in this process
        assert not words.known([text])
        follower.set_cues((Cue(0, 9000, text),))
        first = follower.pages
        assert first and "".join(p.text.replace("\n", "") for p in first) == text
        assert "外孙女" not in _lines(first)  # no words yet: broken by width alone
        qtbot.wait_until(lambda: "外孙女" in _lines(follower.pages), timeout=60_000)
        assert words.known([text])
    finally:
        words._main_may_wait.set()
