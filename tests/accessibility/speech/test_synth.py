"""The real synthesizer: pyttsx3 + espeak-ng in a worker process, files on disk."""

from __future__ import annotations

import os
import signal
import sys
import wave
from pathlib import Path
from textwrap import dedent

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from accessibility.speech.synth import Reason, SpeechSynthesizer
from player.config.store import Settings

_LINE = "妈妈，我今天就回家吃饭。"
_HELLO = (
    'print(json.dumps({"type": "hello", "voices": {"zh": "cmn", "en": "en"}, "rate": 175}),'
    " flush=True)\n"
)


def _read(path: str) -> tuple[float, float]:
    """Duration in seconds and RMS level (of 32767) of a 16-bit mono WAV."""
    with wave.open(path, "rb") as source:
        assert (source.getnchannels(), source.getsampwidth()) == (1, 2)
        samples = np.frombuffer(source.readframes(source.getnframes()), dtype="<i2")
        duration = source.getnframes() / source.getframerate()
    return duration, float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def _speak(qtbot: QtBot, synth: SpeechSynthesizer, text: str) -> str:
    path = synth.request(text)
    if path is not None:
        return path
    with qtbot.wait_signal(
        synth.ready, timeout=20_000, check_params_cb=lambda t, _p: t == text
    ) as blocker:
        pass
    assert blocker.args is not None
    return str(blocker.args[1])


def _fake_worker(tmp_path: Path, body: str) -> list[str]:
    script = tmp_path / "worker.py"
    script.write_text("import json, sys\n" + body, encoding="utf-8")
    return [sys.executable, str(script)]


def test_a_chinese_cue_becomes_real_mandarin_speech(
    qtbot: QtBot, synthesizer: SpeechSynthesizer
) -> None:
    path = _speak(qtbot, synthesizer, _LINE)

    duration, rms = _read(path)
    assert duration > 0.5
    assert rms > 1000  # speech, not silence (dithering stays below 10)
    voicing = synthesizer.voicing(_LINE)
    assert voicing is not None
    assert "cmn" in voicing.voice  # espeak-ng's Mandarin voice, not English reading "汉字"


def test_english_text_and_english_interface_get_the_english_voice(
    qtbot: QtBot, settings: Settings, synthesizer: SpeechSynthesizer
) -> None:
    qtbot.wait_until(synthesizer.is_available, timeout=20_000)
    english = synthesizer.voicing("Episode 4")
    assert english is not None
    assert english.voice.endswith(("en-us", "en"))
    assert synthesizer.voicing("第 4 集") != english
    assert synthesizer.voicing("4") == synthesizer.voicing("第 4 集")

    settings.set("ui.language", "en")
    assert synthesizer.voicing("4") == english


def test_the_rate_setting_changes_the_speed(
    qtbot: QtBot, settings: Settings, synthesizer: SpeechSynthesizer
) -> None:
    settings.set("readout.rate", 50)
    slow, _ = _read(_speak(qtbot, synthesizer, _LINE))
    settings.set("readout.rate", 130)
    fast, _ = _read(_speak(qtbot, synthesizer, _LINE))
    assert fast < slow * 0.6


def test_a_prepared_line_is_ready_at_once_when_requested(
    qtbot: QtBot, synthesizer: SpeechSynthesizer
) -> None:
    lines = ["准备好的第一句", "准备好的第二句"]
    done: list[str] = []
    synthesizer.ready.connect(lambda text, _path: done.append(text))
    synthesizer.prepare(lines)
    qtbot.wait_until(lambda: sorted(done) == sorted(lines), timeout=20_000)
    for line in lines:
        path = synthesizer.request(line)
        assert path is not None
        assert Path(path).is_file()


def test_a_killed_worker_is_replaced_and_lines_still_come(
    qtbot: QtBot, synthesizer: SpeechSynthesizer
) -> None:
    qtbot.wait_until(synthesizer.is_available, timeout=20_000)
    pid = synthesizer.worker_pid()
    assert pid is not None

    with qtbot.wait_signal(synthesizer.available, timeout=20_000):
        os.kill(pid, signal.SIGKILL)
    assert synthesizer.worker_pid() not in (None, pid)
    path = _speak(qtbot, synthesizer, "换了一个新的进程")
    assert _read(path)[0] > 0.5


def test_empty_text_fails_cleanly(qtbot: QtBot, synthesizer: SpeechSynthesizer) -> None:
    with qtbot.wait_signal(synthesizer.failed, timeout=5_000) as blocker:
        assert synthesizer.request("   ") is None
    assert blocker.args == ["", Reason.EMPTY]


def test_a_worker_that_cannot_start_gives_up_without_raising(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    synth = SpeechSynthesizer(settings, tmp_path, worker_command=[str(tmp_path / "missing")])
    try:
        with qtbot.wait_signal(
            synth.failed, timeout=20_000, check_params_cb=lambda _t, r: r == Reason.UNAVAILABLE
        ):
            assert synth.request("你好") is None
        assert not synth.is_available()
    finally:
        synth.shutdown()


def test_a_line_that_crashes_the_worker_is_given_up_after_a_retry(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    crashing = _fake_worker(tmp_path, _HELLO + "sys.stdin.readline()\nsys.exit(3)\n")
    synth = SpeechSynthesizer(settings, tmp_path, worker_command=crashing)
    try:
        with qtbot.wait_signal(synth.failed, timeout=20_000) as blocker:
            synth.request("让进程崩溃的一句")
        assert blocker.args == ["让进程崩溃的一句", Reason.CRASHED]
        # Its replacement is up for the next line.
        qtbot.wait_until(synth.is_available, timeout=20_000)
    finally:
        synth.shutdown()


def test_a_language_without_a_voice_fails_cleanly(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    english_only = _fake_worker(
        tmp_path, _HELLO.replace('"zh": "cmn"', '"zh": None') + "sys.stdin.read()\n"
    )
    synth = SpeechSynthesizer(settings, tmp_path, worker_command=english_only)
    try:
        qtbot.wait_until(synth.is_available, timeout=20_000)
        with qtbot.wait_signal(synth.failed, timeout=5_000) as blocker:
            assert synth.request("你好") is None
        assert blocker.args == ["你好", Reason.NO_VOICE]
    finally:
        synth.shutdown()


@pytest.fixture
def garbage_worker(tmp_path: Path) -> list[str]:
    """A worker that says hello, then answers every job with noise and a wrong id."""
    return _fake_worker(
        tmp_path,
        _HELLO
        + dedent(
            """
            for line in sys.stdin:
                print("not json", flush=True)
                print(json.dumps({"type": "done", "id": 9999, "ok": True}), flush=True)
                job = json.loads(line)
                print(json.dumps({"type": "done", "id": job["id"], "ok": False}), flush=True)
            """
        ),
    )


def test_nonsense_from_the_worker_is_ignored(
    qtbot: QtBot, settings: Settings, tmp_path: Path, garbage_worker: list[str]
) -> None:
    synth = SpeechSynthesizer(settings, tmp_path, worker_command=garbage_worker)
    try:
        with qtbot.wait_signal(synth.failed, timeout=20_000) as blocker:
            synth.request("一句话")
        assert blocker.args == ["一句话", Reason.ENGINE]
    finally:
        synth.shutdown()


class _PlainSettings:
    """What any caller can hand the synthesizer instead of the app's settings object."""

    def __init__(self, values: dict[str, object]) -> None:
        self.values = values

    def get(self, key: str) -> object:
        return self.values[key]


def test_the_synthesizer_reads_its_settings_from_any_object_with_get(
    qtbot: QtBot, tmp_path: Path
) -> None:
    plain = _PlainSettings({"ui.language": "en", "readout.rate": 100})
    synth = SpeechSynthesizer(plain, tmp_path, worker_command=_fake_worker(tmp_path, _HELLO
                              + "for line in sys.stdin: pass\n"))
    try:
        qtbot.wait_until(synth.is_available, timeout=20_000)
        assert synth.voicing("4") == synth.voicing("Episode 4")  # digits follow ui.language
        normal = synth.voicing("Episode 4")
        plain.values.update({"ui.language": "zh", "readout.rate": 50})
        assert synth.voicing("4") == synth.voicing("第 4 集") != normal
        slower = synth.voicing("Episode 4")
        assert normal is not None and slower is not None
        assert slower.rate == round(normal.rate / 2)
    finally:
        synth.shutdown()
