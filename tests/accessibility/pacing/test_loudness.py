from __future__ import annotations

from pathlib import Path

import numpy as np
import pyloudnorm
import pytest

from accessibility.pacing.analyse import analyse_file
from accessibility.pacing.loudness import LoudnessMeter
from tests.accessibility.pacing.pacing_media import JUMP_AT_S


def test_reference_tone_measures_minus_23_lufs(sound_episodes: dict[str, Path]) -> None:
    result = analyse_file(sound_episodes["reference"])
    assert result.integrated_lufs is not None
    assert result.integrated_lufs == pytest.approx(-23.0, abs=0.5)
    assert result.loudness_jumps == ()


def test_sudden_fifteen_lu_effect_is_found_at_its_time(sound_episodes: dict[str, Path]) -> None:
    result = analyse_file(sound_episodes["jump"])
    assert len(result.loudness_jumps) == 1
    jump = result.loudness_jumps[0]
    assert jump.t_s == pytest.approx(JUMP_AT_S, abs=0.2)
    assert jump.rise_lu == pytest.approx(15.0, abs=1.5)


def test_steady_tone_has_no_jump(sound_episodes: dict[str, Path]) -> None:
    result = analyse_file(sound_episodes["steady"])
    assert result.loudness_jumps == ()
    assert result.integrated_lufs == pytest.approx(-30.0, abs=1.0)


def test_sound_returning_after_silence_is_not_a_jump(sound_episodes: dict[str, Path]) -> None:
    assert analyse_file(sound_episodes["speech_after_pause"]).loudness_jumps == ()


def test_momentary_timeline_follows_the_effect(sound_episodes: dict[str, Path]) -> None:
    result = analyse_file(sound_episodes["jump"])
    timeline = np.array(result.momentary_lufs)
    assert timeline[int(JUMP_AT_S * 10) + 2] - timeline[int(JUMP_AT_S * 10) - 10] > 12.0


@pytest.mark.parametrize("rate", [44100, 48000])
def test_streamed_measure_agrees_with_pyloudnorm(rate: int) -> None:
    rng = np.random.default_rng(5)
    seconds = 8
    t = np.arange(seconds * rate) / rate
    envelope = np.where((t > 3) & (t < 5), 1.0, 0.1)
    left = 0.3 * envelope * rng.standard_normal(len(t))
    right = 0.2 * np.sin(2 * np.pi * 3000 * t)
    signal = np.stack([left, right], axis=1)
    meter = LoudnessMeter(rate, ["FL", "FR"])
    for start in range(0, len(t), 1023):  # odd chunk sizes, like decoded audio frames
        meter.push(signal[start:start + 1023].T)
    ours = meter.finish().integrated_lufs
    reference = pyloudnorm.Meter(rate).integrated_loudness(signal)
    assert ours == pytest.approx(reference, abs=0.1)


def test_silence_has_no_integrated_loudness() -> None:
    meter = LoudnessMeter(48000, ["FL", "FR"])
    meter.push(np.zeros((2, 48000 * 2)))
    report = meter.finish()
    assert report.integrated_lufs is None
    assert set(report.momentary_lufs) == {-70.0}


def test_lfe_channel_does_not_count() -> None:
    rate = 48000
    tone = 0.1 * np.sin(2 * np.pi * 997 * np.arange(rate * 2) / rate)
    with_lfe = LoudnessMeter(rate, ["FL", "FR", "LFE"])
    with_lfe.push(np.stack([tone, tone, tone * 5]))
    stereo = LoudnessMeter(rate, ["FL", "FR"])
    stereo.push(np.stack([tone, tone]))
    assert with_lfe.finish().integrated_lufs == pytest.approx(stereo.finish().integrated_lufs)
