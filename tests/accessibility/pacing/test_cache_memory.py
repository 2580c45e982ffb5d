"""A pacing cache whose folder cannot be written lives in memory instead of failing start-up."""

from __future__ import annotations

from pathlib import Path

from accessibility.pacing.cache import PacingCache


def test_a_cache_that_cannot_be_created_works_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    cache = PacingCache(blocker / "data" / "pacing.sqlite3")  # raised before
    assert cache.in_memory and cache.memory_reason
    assert cache.get("abc") is None
    cache.put("abc", None)
    entry = cache.get("abc")
    assert entry is not None and entry.measurements is None


def test_a_writable_cache_stays_on_disk(tmp_path: Path) -> None:
    cache = PacingCache(tmp_path / "pacing.sqlite3")
    assert not cache.in_memory
    cache.put("abc", None)
    assert PacingCache(tmp_path / "pacing.sqlite3").get("abc") is not None
