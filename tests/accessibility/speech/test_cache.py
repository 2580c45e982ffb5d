"""Spoken lines on disk: one file per (text, voice, rate), oldest removed first."""

from __future__ import annotations

import os
from pathlib import Path

from accessibility.speech.cache import SpeechCache


def _fill(path: Path, size: int, mtime: float) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"R" * size)
    os.utime(path, (mtime, mtime))


def test_every_voice_and_rate_has_its_own_file(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    first = cache.path_for("你好", "sit/cmn", 149)
    assert first == cache.path_for("你好", "sit/cmn", 149)
    assert first.parent == tmp_path
    assert first.suffix == ".wav"
    others = {
        cache.path_for("你好", "sit/cmn", 175),
        cache.path_for("你好", "gmw/en", 149),
        cache.path_for("你好！", "sit/cmn", 149),
    }
    assert first not in others
    assert len(others) == 3


def test_lookup_finds_only_finished_files(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    assert cache.lookup("你好", "sit/cmn", 149) is None
    path = cache.path_for("你好", "sit/cmn", 149)
    _fill(path, 20, 1_000_000)  # a header and nothing else
    assert cache.lookup("你好", "sit/cmn", 149) is None
    _fill(path, 5000, 1_000_000)
    assert cache.lookup("你好", "sit/cmn", 149) == path
    assert path.stat().st_mtime > 1_000_000  # a hit counts as use


def test_prune_removes_least_recently_used_lines_and_old_partial_files(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path, limit_bytes=2500)
    for age, name in enumerate(["newest", "middle", "oldest"]):
        _fill(tmp_path / f"{name}.wav", 1000, 2_000_000_000 - age * 100)
    _fill(tmp_path / "dead.123.part.wav", 10, 1_000_000)
    _fill(tmp_path / "notes.txt", 10_000, 1_000_000)  # not ours: left alone

    cache.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["middle.wav", "newest.wav", "notes.txt"]


def test_a_missing_folder_is_not_an_error(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path / "not-yet")
    cache.prune()
    assert cache.lookup("你好", "sit/cmn", 149) is None
