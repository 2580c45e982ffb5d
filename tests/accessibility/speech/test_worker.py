"""The speech worker process, spoken to over its pipes as the app does."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

import accessibility
from accessibility.speech.worker import _WANTED, pick_voice, trim_trailing_silence

_ESPEAK_VOICES = [
    ("gmw/en", ("en-gb",)),
    ("gmw/en-us", ("en-us",)),
    ("sit/cmn-latn-pinyin", ("cmn-latn-pinyin",)),
    ("sit/cmn", ("cmn",)),
    ("sit/yue", ("yue",)),
]


def test_mandarin_prefers_the_voice_that_speaks_hanzi_with_tones() -> None:
    wanted = _WANTED["zh"]
    assert pick_voice(_ESPEAK_VOICES, wanted) == "sit/cmn-latn-pinyin"
    without = [v for v in _ESPEAK_VOICES if v[0] != "sit/cmn-latn-pinyin"]
    assert pick_voice(without, wanted) == "sit/cmn"
    # A prefix never picks a Latin-script variant by accident.
    assert pick_voice([*without[:-2], ("x", ("cmn-latn-other",))], ("cmn-",)) is None


def test_the_chosen_mandarin_voice_really_speaks_mandarin() -> None:
    """espeak-ng's plain cmn voice reads 你好 as English "ni three hao three" (issue #1236)."""
    import subprocess

    phonemes = subprocess.run(["espeak-ng", "-v", "cmn-latn-pinyin", "-q", "-x", "你好"],
                              capture_output=True, text=True, check=True).stdout
    assert "(en)" not in phonemes and "214" in phonemes  # 好: third tone, no English


def test_english_prefers_american_then_any_english() -> None:
    assert pick_voice(_ESPEAK_VOICES, ("en-us", "en-gb", "en", "en-")) == "gmw/en-us"
    assert pick_voice([("x", ("en-au",))], ("en-us", "en-gb", "en", "en-")) == "x"
    assert pick_voice([("x", ("de",))], ("en-us", "en")) is None


def _write(path: Path, samples: np.ndarray, rate: int = 22050) -> None:
    with wave.open(str(path), "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        target.writeframes(samples.astype("<i2").tobytes())


def test_the_end_pause_is_trimmed_to_a_short_tail(tmp_path: Path) -> None:
    sound = (8000 * np.sin(np.arange(22050) * 0.2)).astype(np.int16)
    path = tmp_path / "line.wav"
    _write(path, np.concatenate([sound, np.zeros(22050 // 2, dtype=np.int16)]))

    trim_trailing_silence(path)
    with wave.open(str(path), "rb") as source:
        seconds = source.getnframes() / source.getframerate()
    assert 1.0 < seconds < 1.1


def test_a_silent_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "silent.wav"
    _write(path, np.zeros(22050, dtype=np.int16))
    with pytest.raises(RuntimeError):
        trim_trailing_silence(path)


def test_the_worker_answers_every_job_and_survives_bad_ones(tmp_path: Path) -> None:
    jobs = [
        {"id": 1, "text": "我们一起去公园散步吧", "voice": "sit/cmn", "rate": 100},
        {"id": 2, "text": "我们一起去公园散步吧", "voice": "sit/cmn", "rate": 250},
        {"id": 3, "text": "   ", "voice": "sit/cmn", "rate": 175},
        {"id": 4, "text": "hello", "voice": "no-such-voice", "rate": 175},
        {"id": 5, "text": "我们一起去公园散步吧", "voice": "sit/cmn", "rate": 100},
    ]
    lines = ["this is not a job"]
    for job in jobs:
        job["path"] = str(tmp_path / f"{job['id']}.wav")
        lines.append(json.dumps(job, ensure_ascii=False))
    result = subprocess.run(
        [sys.executable, "-m", "accessibility.speech.worker"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
        cwd=Path(accessibility.__file__).resolve().parent.parent,
    )
    answers = [json.loads(line) for line in result.stdout.splitlines()]  # nothing but protocol
    assert answers[0]["type"] == "hello"
    assert answers[0]["voices"]["zh"] == "sit/cmn-latn-pinyin"
    assert [(a["id"], a["ok"]) for a in answers[1:]] == [
        (1, True),
        (2, True),
        (3, False),
        (4, False),
        (5, True),
    ]

    def seconds(job_id: int) -> float:
        with wave.open(str(tmp_path / f"{job_id}.wav"), "rb") as source:
            return source.getnframes() / source.getframerate()

    # Every job gets its own rate, even right after a change (espeak queues rate changes).
    assert seconds(2) < seconds(1) * 0.6
    assert seconds(5) == pytest.approx(seconds(1), abs=0.05)
    assert not (tmp_path / "3.wav").exists()
    assert not (tmp_path / "4.wav").exists()
    assert not list(tmp_path.glob("*.part.wav"))
