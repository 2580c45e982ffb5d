from __future__ import annotations

import shutil
from pathlib import Path

from accessibility.pacing.cache import SAMPLE_BYTES, PacingCache, file_fingerprint
from accessibility.pacing.measure import PacingMeasurements
from tests.accessibility.pacing.conftest import Episode


def _measurements() -> PacingMeasurements:
    return PacingMeasurements(
        duration_s=12.0, fps=30.0, frames=360, cut_frames=(30, 95), cut_times=(1.0, 3.1667),
        white_flash_cut_times=(3.1667,), luminance_transition_times=(5.0, 5.1),
        red_transition_times=(), integrated_lufs=-23.1, momentary_lufs=(-23.0, -22.9),
        block_lufs=(-23.0,) * 5,
    )


def test_moved_and_renamed_file_hits_the_cache(tmp_path: Path, crafted_episode: Episode) -> None:
    cache = PacingCache(tmp_path / "pacing.sqlite3")
    original = tmp_path / "series" / "第1集.mp4"
    original.parent.mkdir()
    shutil.copy(crafted_episode.path, original)
    cache.put(file_fingerprint(original), _measurements())
    moved = tmp_path / "usb" / "EP01 renamed.mp4"
    moved.parent.mkdir()
    original.rename(moved)
    entry = PacingCache(tmp_path / "pacing.sqlite3").get(file_fingerprint(moved))
    assert entry is not None
    assert entry.measurements == _measurements()


def test_changed_content_misses(tmp_path: Path) -> None:
    path = tmp_path / "episode.mp4"
    data = bytearray(b"\0" * (3 * SAMPLE_BYTES))
    path.write_bytes(bytes(data))
    before = file_fingerprint(path)
    data[SAMPLE_BYTES * 3 // 2] = 1  # one byte in the middle sample
    path.write_bytes(bytes(data))
    assert file_fingerprint(path) != before
    cache = PacingCache(tmp_path / "pacing.sqlite3")
    cache.put(before, _measurements())
    assert cache.get(file_fingerprint(path)) is None


def test_unanalysable_file_is_remembered_as_such(tmp_path: Path) -> None:
    cache = PacingCache(tmp_path / "pacing.sqlite3")
    cache.put("123-abc", None)
    entry = cache.get("123-abc")
    assert entry is not None
    assert entry.measurements is None


def test_damaged_cache_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "pacing.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    cache = PacingCache(db)
    assert cache.get("123-abc") is None
    cache.put("123-abc", _measurements())
    entry = cache.get("123-abc")
    assert entry is not None
    assert entry.measurements == _measurements()
    assert len(list(tmp_path.glob("pacing.sqlite3.damaged-*"))) == 1
