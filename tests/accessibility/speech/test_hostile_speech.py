"""What is sent for speaking is capped; a cache folder that cannot be written is replaced."""

from __future__ import annotations

from pathlib import Path

from accessibility.speech.cache import SpeechCache
from accessibility.speech.synth import MAX_SPOKEN_CHARS, spoken_text


def test_a_twenty_thousand_character_line_is_cut_for_speaking() -> None:
    line = "我们一起回家吧，" * 2500
    spoken = spoken_text(line)
    assert len(line) == 20_000 and len(spoken) <= MAX_SPOKEN_CHARS
    assert spoken.endswith("，")  # at a clause end
    assert spoken_text("没有标点" * 100)[:10] == "没有标点没有标点没有"
    assert len(spoken_text("没有标点" * 100)) == MAX_SPOKEN_CHARS


def test_short_lines_are_spoken_whole() -> None:
    assert spoken_text("奶奶，我回来啦！") == "奶奶，我回来啦！"


def test_a_speech_cache_in_a_folder_that_cannot_exist_uses_a_temporary_one(
        tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = SpeechCache(blocker / "speech")
    assert cache.fallback_reason
    assert cache.directory.is_dir() and cache.directory != blocker / "speech"
    target = cache.path_for("你好", "zh", 170)
    target.write_bytes(b"RIFF" + bytes(100))
    assert cache.lookup("你好", "zh", 170) == target
