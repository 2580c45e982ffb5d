from __future__ import annotations

import json

from accessibility.pacing.result import (
    LEVEL_NAMES_ZH,
    Burst,
    FlashSpan,
    Level,
    LoudnessJump,
    PacingResult,
)


def _result(level: Level | None = Level.FAST) -> PacingResult:
    return PacingResult(
        duration_s=60.0, cuts=(1.0, 1.3, 1.6, 2.0), cuts_per_minute=4.0, shortest_shot_s=0.3,
        bursts=(Burst(1.0, 2.0, 4),), flashes=(FlashSpan(10.0, 11.5),), integrated_lufs=-23.04,
        loudness_jumps=(LoudnessJump(30.04, 14.96),), level=level, momentary_lufs=(-23.0,),
    )


def test_json_has_exactly_the_inspect_fields() -> None:
    data = _result().to_json()
    assert set(data) == {"duration_s", "cuts", "cuts_per_minute", "shortest_shot_s", "bursts",
                         "flashes", "loudness", "level"}
    assert set(data["loudness"]) == {"integrated_lufs", "jumps"}
    assert data["bursts"] == [{"start_s": 1.0, "end_s": 2.0, "cuts": 4}]
    assert data["flashes"] == [{"start_s": 10.0, "end_s": 11.5}]
    assert data["loudness"] == {"integrated_lufs": -23.0,
                                "jumps": [{"t_s": 30.0, "rise_lu": 15.0}]}
    assert data["level"] == "fast"
    json.dumps(data)  # plain JSON types only


def test_unanalysable_picture_has_no_level() -> None:
    result = _result(level=None)
    assert result.to_json()["level"] is None
    assert result.level_zh is None


def test_every_level_has_its_chinese_word() -> None:
    assert [LEVEL_NAMES_ZH[level] for level in Level] == ["平缓", "适中", "较快", "很快"]
    assert _result().level_zh == "较快"
