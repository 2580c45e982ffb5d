from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from accessibility.pacing.analyse import analyse_file
from accessibility.pacing.measure import BandTap, PacingError, PacingMeasurements, measure_file
from tests.accessibility.pacing.conftest import Episode


@pytest.mark.parametrize("name", ["garbage", "empty", "subtitle"])
def test_unreadable_files_raise_the_pacing_error(broken_files: dict[str, Path], name: str) -> None:
    with pytest.raises(PacingError):
        measure_file(broken_files[name])


def test_missing_file_raises_the_pacing_error(tmp_path: Path) -> None:
    with pytest.raises(PacingError):
        analyse_file(tmp_path / "nowhere.mp4")


def test_truncated_file_is_measured_as_far_as_it_goes(broken_files: dict[str, Path],
                                                      crafted_measured: PacingMeasurements) -> None:
    measured = measure_file(broken_files["truncated"])
    complete = crafted_measured
    assert 0 < measured.frames < complete.frames
    # The cuts it has are the ones the whole file has.
    assert set(measured.cut_frames) <= set(complete.cut_frames)


@pytest.mark.parametrize("cover_art", [False, True])
def test_sound_only_file_has_loudness_but_no_level(sound_episodes: dict[str, Path],
                                                   pacing_media_dir: Path, cover_art: bool) -> None:
    audio_only = pacing_media_dir / f"sound_only_{cover_art}.m4a"
    command = ["ffmpeg", "-v", "error", "-y", "-i", str(sound_episodes["reference"])]
    if cover_art:  # a one-picture "video" stream marked as attached picture
        command += ["-f", "lavfi", "-i", "testsrc2=s=64x64:d=1", "-map", "0:a", "-map", "1:v",
                    "-frames:v", "1", "-c:v", "png", "-disposition:v:0", "attached_pic"]
    else:
        command += ["-vn"]
    subprocess.run([*command, "-c:a", "copy", str(audio_only)], check=True)
    result = analyse_file(audio_only)
    assert result.level is None
    assert result.cuts == ()
    assert result.integrated_lufs == pytest.approx(-23.0, abs=0.5)


def test_band_tap_sees_the_bottom_of_every_nth_frame(crafted_episode: Episode) -> None:
    seen: list[tuple[float, tuple[int, ...]]] = []
    tap = BandTap(lambda t, band: seen.append((t, band.shape)), fraction=0.2, every_n_frames=10)
    measured = measure_file(crafted_episode.path, band_tap=tap)
    assert len(seen) == (measured.frames + 9) // 10
    assert {shape for _, shape in seen} == {(64, 180)}
    assert seen[1][0] == pytest.approx(10 / 30)


def test_measurements_survive_a_round_trip(crafted_measured: PacingMeasurements) -> None:
    measured = crafted_measured
    assert PacingMeasurements.from_dict(measured.to_dict()) == measured
