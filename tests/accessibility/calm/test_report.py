"""``silverreel inspect``'s calm report on generated episodes: flash risk before and after
dimming, counted on the analysis pass's pictures or re-decoded ones, and the cuts a cross-fade
softens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from accessibility.calm import CalmOptions
from accessibility.calm import report as report_module
from accessibility.calm.report import CalmSampler, calm_report, cuts_softened, windows
from accessibility.pacing.measure import measure_file
from player.inspect import inspect
from tests.calm_media import CALM_S, FLASH_S, cut_episode, flash_episode


def test_flash_episode_fails_before_dimming_and_passes_after(media_dir: Path) -> None:
    episode = flash_episode(media_dir / "flash-5hz.mp4")
    pacing = {"flashes": [{"start_s": CALM_S + 0.1, "end_s": CALM_S + FLASH_S - 0.2}],
              "cuts": [], "bursts": []}
    report = calm_report(episode, pacing)
    before, after = report["flash_risk"]["before"], report["flash_risk"]["after"]
    assert before["wcag_failing_s"] >= FLASH_S - 1.0
    assert before["peak_risk"] > 50  # Apple's model: a full-screen 5 Hz flash is high risk
    assert after["wcag_failing_s"] == 0.0 and after["wcag_failing"] == []
    assert after["peak_risk"] < before["peak_risk"]
    assert report["flash_risk"]["dimmed_s"] >= FLASH_S - 0.5


def test_with_dimming_off_the_risk_stays(media_dir: Path) -> None:
    episode = flash_episode(media_dir / "flash-5hz.mp4")
    pacing = {"flashes": [{"start_s": CALM_S, "end_s": CALM_S + FLASH_S}]}
    report = calm_report(episode, pacing, CalmOptions(dim_flashes=False))
    assert report["flash_risk"]["after"] == report["flash_risk"]["before"]
    assert report["flash_risk"]["dimmed_s"] == 0.0


def test_inspect_reports_calming_of_a_real_episode(media_dir: Path) -> None:
    result = inspect(str(flash_episode(media_dir / "flash-5hz.mp4")))
    assert result["pacing"]["flashes"], "the analysis must find the flash"
    calm = result["calm"]
    assert calm["flash_risk"]["before"]["wcag_failing_s"] > 2.0
    assert calm["flash_risk"]["after"]["wcag_failing_s"] == 0.0
    assert calm["cuts_softened"]["every_cut"] == len(result["pacing"]["cuts"])


@pytest.mark.parametrize("bursts_only", [False, True])
def test_cuts_softened_follow_every_cut_or_bursts(bursts_only: bool) -> None:
    cuts = [1.0, 5.0, 5.3, 5.6, 5.9, 12.0]
    bursts = [(5.0, 5.9)]
    assert cuts_softened(cuts, bursts, bursts_only) == (4 if bursts_only else 6)


def test_calm_episode_without_flashes_needs_no_second_decode(media_dir: Path) -> None:
    episode = cut_episode(media_dir / "cuts-flat.mp4")
    report = calm_report(Path("/nonexistent/never-opened.mp4"),
                         {"flashes": [], "cuts": [2.5, 5.0, 7.5], "bursts": []})
    assert report["flash_risk"]["before"]["wcag_failing_s"] == 0.0
    assert report["cuts_softened"] == {"every_cut": 3, "in_bursts": 0}
    assert episode.exists()


def test_windows_merge_and_keep_a_margin() -> None:
    assert windows([(10.0, 11.0), (12.0, 13.0), (40.0, 41.0)]) == [(8.0, 17.0), (38.0, 45.0)]


def test_the_grids_kept_in_the_analysis_pass_give_the_report_without_decoding_again(
        media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``inspect`` decodes once: the calm report reads the sample grids a ``CalmSampler``
    kept during the pacing pass, and finds what decoding the stretch again finds."""
    episode = flash_episode(media_dir / "flash-5hz.mp4")
    pacing = {"flashes": [{"start_s": CALM_S + 0.1, "end_s": CALM_S + FLASH_S - 0.2}],
              "cuts": [], "bursts": []}
    decoded = calm_report(episode, pacing)
    sampler = CalmSampler()
    measured = measure_file(episode, frame_taps=[sampler])
    assert len(sampler.grids) == measured.frames
    monkeypatch.setattr(report_module, "_decoded_frames", _no_second_decode)
    kept = calm_report(episode, pacing, sampler=sampler)
    for side in ("before", "after"):
        ours, theirs = kept["flash_risk"][side], decoded["flash_risk"][side]
        assert ours["wcag_failing_s"] == pytest.approx(theirs["wcag_failing_s"], abs=0.3)
        assert (ours["peak_risk"] or 0) == pytest.approx(theirs["peak_risk"] or 0, abs=3)
    assert kept["flash_risk"]["after"]["wcag_failing"] == []
    assert kept["flash_risk"]["before"]["wcag_failing_s"] >= FLASH_S - 1.0
    assert kept["flash_risk"]["dimmed_s"] == pytest.approx(decoded["flash_risk"]["dimmed_s"],
                                                           abs=0.2)


def test_a_sampler_past_its_limit_leaves_the_rest_to_a_second_decode(media_dir: Path) -> None:
    episode = flash_episode(media_dir / "flash-5hz.mp4")
    pacing = {"flashes": [{"start_s": CALM_S + 0.1, "end_s": CALM_S + FLASH_S - 0.2}],
              "cuts": [], "bursts": []}
    sampler = CalmSampler(max_frames=10)  # far less than the flash stretch
    measure_file(episode, frame_taps=[sampler])
    assert sampler.full and len(sampler.grids) == 10
    report = calm_report(episode, pacing, sampler=sampler)
    assert report == calm_report(episode, pacing)


def _no_second_decode(*_args: object) -> Iterator[tuple[int, float, np.ndarray]]:
    raise AssertionError("the episode was decoded a second time")
