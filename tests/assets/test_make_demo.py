"""The built-in demo series: the committed files, their ground truth, and the generator itself."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import av
import numpy as np
import pysubs2
import pytest

EPISODES = (1, 2, 3, 4)
WITH_SUBTITLE_FILE = (1, 2, 3)
TITLE_COLOURS = {1: "#2E7D32", 2: "#1565C0", 3: "#6A1B9A", 4: "#E65100"}
FPS = 25
MAX_EPISODE_BYTES = 1_600_000
MAX_TOTAL_BYTES = 6_000_000
COLOUR_TOLERANCE = 8  # per channel, 0-255: H.264 4:2:0 round trip of a flat colour
CUT_MIN_CHANGE = 15.0  # mean absolute change (0-255) between frames across a hard cut
STEADY_MAX_CHANGE = 10.0  # ... and between frames of the same shot
HAN = re.compile(r"[\u4e00-\u9fff]")

_MOMENTARY = re.compile(r"t:\s*([-\d.]+)\s+TARGET:.*?\sM:\s*([-\d.]+)")
_INTEGRATED = re.compile(r"Integrated loudness:\s+I:\s+([-\d.]+) LUFS")


def _episode(manifest: dict[str, Any], number: int) -> dict[str, Any]:
    return next(entry for entry in manifest["episodes"] if entry["number"] == number)


def _hex_rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.int16)


def _frame_at(path: Path, seconds: float) -> np.ndarray:
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and frame.time >= seconds - 1e-6:
                return frame.to_ndarray(format="rgb24")
    raise AssertionError(f"{path.name} has no frame at {seconds} s")


def _small_frames(path: Path, width: int, height: int) -> np.ndarray:
    frames = []
    with av.open(str(path)) as container:
        container.streams.video[0].thread_type = "AUTO"
        for frame in container.decode(video=0):
            frames.append(frame.reformat(width=width, height=height, format="rgb24").to_ndarray())
    return np.stack(frames)


def _frames_by_index(path: Path, indices: set[int]) -> dict[int, np.ndarray]:
    """Full-size RGB pictures of the given frame numbers, from one pass through the file."""
    found = {}
    with av.open(str(path)) as container:
        container.streams.video[0].thread_type = "AUTO"
        for index, frame in enumerate(container.decode(video=0)):
            if index in indices:
                found[index] = frame.to_ndarray(format="rgb24").astype(np.int16)
    assert set(found) == indices
    return found


def _left_channel(path: Path) -> tuple[np.ndarray, int]:
    """The decoded left channel of the audio, and its sample rate."""
    samples = []
    with av.open(str(path)) as container:
        rate = container.streams.audio[0].rate
        for frame in container.decode(audio=0):
            samples.append(frame.to_ndarray().reshape(frame.layout.nb_channels, -1)[0])
    return np.concatenate(samples).astype(np.float64), rate


def _rms_db(samples: np.ndarray, rate: int, start_s: float, end_s: float) -> float:
    window = samples[round(start_s * rate) : round(end_s * rate)]
    return float(20 * np.log10(np.sqrt(np.mean(window**2)) + 1e-12))


def _loudness(path: Path) -> tuple[float, list[tuple[float, float]]]:
    """Integrated loudness and the momentary timeline, measured by ffmpeg's ebur128."""
    log = subprocess.run(
        ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a:0",
         "-filter:a", "ebur128=framelog=info", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    integrated = _INTEGRATED.search(log)
    assert integrated is not None, log[-2000:]
    return float(integrated.group(1)), [(float(t), float(m)) for t, m in _MOMENTARY.findall(log)]


def _shot_lengths(entry: dict[str, Any]) -> list[float]:
    bounds = [0.0, *entry["cuts"], entry["duration_s"]]
    return [round(b - a, 3) for a, b in itertools.pairwise(bounds)]


# --- the committed files ------------------------------------------------------------------


@pytest.mark.parametrize("number", EPISODES)
def test_episode_probes_as_vertical_h264_with_stereo_aac(
    demo_dir: Path, manifest: dict[str, Any], number: int
) -> None:
    entry = _episode(manifest, number)
    with av.open(str(demo_dir / entry["file"])) as container:
        video = container.streams.video[0]
        audio = container.streams.audio
        assert container.duration is not None
        duration = container.duration / av.time_base
        assert (video.codec_context.name, video.width, video.height) == ("h264", 720, 1280)
        assert video.format.name == "yuv420p"
        assert video.average_rate == FPS
        assert 30.0 <= duration <= 40.0
        assert duration == pytest.approx(entry["duration_s"], abs=0.05)
        assert len(audio) == 1
        assert (audio[0].codec_context.name, audio[0].rate, audio[0].channels) == ("aac", 48000, 2)


def test_episodes_are_small_enough_to_commit(demo_dir: Path, manifest: dict[str, Any]) -> None:
    sizes = [(demo_dir / entry["file"]).stat().st_size for entry in manifest["episodes"]]
    assert max(sizes) <= MAX_EPISODE_BYTES
    total = sum(path.stat().st_size for path in demo_dir.rglob("*") if path.is_file())
    assert total <= MAX_TOTAL_BYTES


def test_manifest_lists_exactly_the_files_present(demo_dir: Path, manifest: dict[str, Any]) -> None:
    listed = {manifest["cover"]}
    for entry in manifest["episodes"]:
        listed.add(entry["file"])
        if entry["subtitle"] is not None:
            listed.add(entry["subtitle"])
    present = {
        path.relative_to(demo_dir).as_posix()
        for path in (demo_dir / manifest["folder"]).iterdir()
        if path.is_file()
    }
    assert present == listed
    assert [entry["number"] for entry in manifest["episodes"]] == list(EPISODES)
    assert {e["number"]: e["title_colour"] for e in manifest["episodes"]} == TITLE_COLOURS
    assert manifest["title_card"]["duration_s"] == 2.0


@pytest.mark.parametrize("number", EPISODES)
def test_manifest_times_are_consistent(manifest: dict[str, Any], number: int) -> None:
    entry = _episode(manifest, number)
    duration = entry["duration_s"]
    cuts = entry["cuts"]
    assert cuts[0] == manifest["title_card"]["duration_s"]
    assert cuts == sorted(set(cuts))
    assert all(0 < cut < duration for cut in cuts)
    assert all(round(cut * FPS, 6).is_integer() for cut in cuts)
    cues = entry["cues"]
    assert 6 <= len(cues) <= 10
    previous_end = manifest["title_card"]["duration_s"]
    for cue in cues:
        assert previous_end <= cue["start"] < cue["end"] <= duration
        assert 4 <= len(cue["text"]) <= 16
        assert HAN.search(cue["text"])
        previous_end = cue["end"]


@pytest.mark.parametrize("number", WITH_SUBTITLE_FILE)
def test_subtitle_file_parses_and_matches_the_cues(
    demo_dir: Path, manifest: dict[str, Any], number: int
) -> None:
    entry = _episode(manifest, number)
    assert entry["subtitle"] == entry["file"].removesuffix(".mp4") + ".srt"
    subs = pysubs2.load(str(demo_dir / entry["subtitle"]), encoding="utf-8")
    assert [(e.start, e.end, e.plaintext) for e in subs] == [
        (round(c["start"] * 1000), round(c["end"] * 1000), c["text"]) for c in entry["cues"]
    ]
    assert all(HAN.search(event.plaintext) for event in subs)
    assert entry["burned_in_cues"] == []


def test_fourth_episode_has_its_lines_burned_in_instead_of_a_file(
    demo_dir: Path, manifest: dict[str, Any]
) -> None:
    entry = _episode(manifest, 4)
    assert entry["subtitle"] is None
    assert not (demo_dir / entry["file"]).with_suffix(".srt").exists()
    assert entry["burned_in_cues"] == entry["cues"]
    region = entry["burned_in_region"]
    assert region["y"] + region["h"] <= manifest["height"]


def test_calm_and_moderate_episodes_cut_at_their_pace(manifest: dict[str, Any]) -> None:
    title = manifest["title_card"]["duration_s"]
    calm = _shot_lengths(_episode(manifest, 1))
    assert calm[0] == title
    assert all(6.0 <= length <= 10.0 for length in calm[1:])
    for number in (3, 4):
        moderate = _shot_lengths(_episode(manifest, number))
        assert all(2.0 <= length <= 3.0 for length in moderate[1:])


def test_fast_episode_has_bursts_and_one_two_frame_flash(manifest: dict[str, Any]) -> None:
    entry = _episode(manifest, 2)
    flashes = entry["flashes"]
    assert len(flashes) == 1
    flash = flashes[0]
    assert round((flash["end"] - flash["start"]) * FPS) == 2
    assert flash["start"] in entry["cuts"]
    assert flash["end"] in entry["cuts"]
    bounds = [0.0, *entry["cuts"], entry["duration_s"]]
    shots = [(a, b - a) for a, b in itertools.pairwise(bounds)][1:]
    ordinary = [length for start, length in shots if start != flash["start"]]
    assert all(0.4 - 1e-6 <= length <= 1.2 + 1e-6 for length in ordinary)
    # A burst: three shots in a row, each under 0.5 s, all within 2 s.
    burst_starts = [
        shots[i][0]
        for i in range(len(shots) - 2)
        if all(length < 0.5 for _, length in shots[i : i + 3])
        and shots[i + 2][0] + shots[i + 2][1] - shots[i][0] <= 2.0
    ]
    separate = [s for i, s in enumerate(burst_starts) if i == 0 or s - burst_starts[i - 1] > 2.0]
    assert len(separate) >= 2
    assert len(entry["bursts"]) >= 2


@pytest.mark.parametrize("number", EPISODES)
def test_title_card_is_its_known_flat_colour_at_one_second(
    demo_dir: Path, manifest: dict[str, Any], number: int
) -> None:
    entry = _episode(manifest, number)
    picture = _frame_at(demo_dir / entry["file"], 1.0).astype(np.int16)
    want = _hex_rgb(entry["title_colour"])
    assert np.abs(picture[60, 60] - want).max() <= COLOUR_TOLERANCE
    region = manifest["title_card"]["text_region"]
    rows = slice(region["y"], region["y"] + region["h"])
    columns = slice(region["x"], region["x"] + region["w"])
    outside = np.ones(picture.shape[:2], dtype=bool)
    outside[rows, columns] = False
    assert np.abs(picture[outside] - want).max() <= COLOUR_TOLERANCE
    inside = picture[~outside]
    assert (np.abs(inside - want).max(axis=1) > 100).sum() > 5000  # the white title is there


def test_cover_is_a_vertical_picture(demo_dir: Path, manifest: dict[str, Any]) -> None:
    with av.open(str(demo_dir / manifest["cover"])) as container:
        cover = next(container.decode(video=0)).to_ndarray(format="rgb24")
    height, width, _ = cover.shape
    assert height > width
    assert cover.std() > 20  # a picture, not a blank


@pytest.mark.parametrize("number", EPISODES)
def test_loudness_is_near_the_target(demo_dir: Path, manifest: dict[str, Any], number: int) -> None:
    entry = _episode(manifest, number)
    integrated, _ = _loudness(demo_dir / entry["file"])
    assert integrated == pytest.approx(manifest["loudness_target_lufs"], abs=1.0)
    assert integrated == pytest.approx(entry["loudness"]["integrated_lufs"], abs=0.2)


def test_dun_jumps_well_above_its_surroundings(demo_dir: Path, manifest: dict[str, Any]) -> None:
    entry = _episode(manifest, 2)
    (dun,) = entry["loud_effects"]
    _, momentary = _loudness(demo_dir / entry["file"])
    before = max(m for t, m in momentary if dun["start"] - 3.0 <= t <= dun["start"])
    during = max(m for t, m in momentary if dun["start"] <= t <= dun["end"] + 0.4)
    assert during - before >= 12.0
    assert all(not episode["loud_effects"] for episode in manifest["episodes"] if episode != entry)


@pytest.mark.parametrize("number", EPISODES)
def test_voice_is_heard_during_cues_and_not_between_them(
    demo_dir: Path, manifest: dict[str, Any], number: int
) -> None:
    entry = _episode(manifest, number)
    samples, rate = _left_channel(demo_dir / entry["file"])
    effects = [(e["start"], e["end"]) for e in entry["loud_effects"]]
    cues = entry["cues"]
    bed = _rms_db(samples, rate, manifest["title_card"]["duration_s"], cues[0]["start"])
    for cue, following in zip(cues, [*cues[1:], None], strict=True):
        assert _rms_db(samples, rate, cue["start"], cue["start"] + 0.6) > bed + 12
        if following is None:
            continue
        gap = (cue["end"] + 0.05, following["start"] - 0.05)
        if gap[1] - gap[0] < 0.2 or any(s < gap[1] and e > gap[0] for s, e in effects):
            continue
        assert _rms_db(samples, rate, *gap) < bed + 6


@pytest.mark.slow
@pytest.mark.parametrize("number", EPISODES)
def test_cut_times_match_the_picture(demo_dir: Path, manifest: dict[str, Any], number: int) -> None:
    entry = _episode(manifest, number)
    frames = _small_frames(demo_dir / entry["file"], 90, 160)
    assert len(frames) == entry["frames"]
    change = np.abs(np.diff(frames.astype(np.int16), axis=0)).mean(
        axis=(1, 2, 3)
    )  # change[i]: frame i -> i+1
    cut_frames = [round(cut * FPS) for cut in entry["cuts"]]
    at_cuts = change[[frame - 1 for frame in cut_frames]]
    steady = np.delete(change, [frame - 1 for frame in cut_frames])
    assert at_cuts.min() >= CUT_MIN_CHANGE
    assert steady.max() <= STEADY_MAX_CHANGE


@pytest.mark.slow
def test_burned_in_lines_appear_and_go_exactly_at_their_cue_times(
    demo_dir: Path, manifest: dict[str, Any]
) -> None:
    entry = _episode(manifest, 4)
    starts = [round(cue["start"] * FPS) for cue in entry["burned_in_cues"]]
    ends = [round(cue["end"] * FPS) for cue in entry["burned_in_cues"]]
    wanted = {frame + step for frame in starts + ends for step in (-1, 0)}
    frames = _frames_by_index(demo_dir / entry["file"], wanted & set(range(entry["frames"])))
    region = entry["burned_in_region"]
    band = slice(region["y"], region["y"] + region["h"])

    def white_pixels(index: int) -> int:
        return int((frames[index][band].min(axis=2) > 230).sum())

    for start in starts:
        assert white_pixels(start - 1) < 100, start
        assert white_pixels(start) > 500, start
    for end in ends:
        assert white_pixels(end - 1) > 500, end
        assert end >= entry["frames"] or white_pixels(end) < 100, end


# --- the generator --------------------------------------------------------------------------


@pytest.mark.slow
def test_quick_build_is_a_consistent_playable_series(quick_demo: Path) -> None:
    manifest = json.loads((quick_demo / "demo.json").read_text(encoding="utf-8"))
    series = quick_demo / manifest["folder"]
    assert sorted(path.name for path in series.iterdir()) == [
        "cover.jpg", "第1集.mp4", "第1集.srt", "第2集.mp4",
    ]  # fmt: skip
    for entry in manifest["episodes"]:
        with av.open(str(quick_demo / entry["file"])) as container:
            video = container.streams.video[0]
            assert (video.width, video.height) == (720, 1280)
            assert container.streams.audio[0].channels == 2
            assert video.frames == entry["frames"]
        picture = _frame_at(quick_demo / entry["file"], 1.0).astype(np.int16)
        assert np.abs(picture[60, 60] - _hex_rgb(entry["title_colour"])).max() <= COLOUR_TOLERANCE
    first, second = manifest["episodes"]
    subs = pysubs2.load(str(quick_demo / first["subtitle"]), encoding="utf-8")
    assert [event.plaintext for event in subs] == [cue["text"] for cue in first["cues"]]
    assert second["subtitle"] is None
    assert second["burned_in_cues"] == second["cues"]
    assert len(second["flashes"]) == 1
    assert second["loud_effects"][0]["measured_jump_lu"] >= 12.0
    assert not [path for path in quick_demo.iterdir() if path.name.startswith(".staging")]


def test_generator_says_which_tools_are_missing(run_generator: Any, tmp_path: Path) -> None:
    done = run_generator("--quick", "--out", str(tmp_path / "out"), env={"PATH": str(tmp_path)})
    assert done.returncode == 1
    assert "ffmpeg" in done.stderr
    assert "espeak-ng" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_generator_refuses_a_file_as_its_output_folder(run_generator: Any, tmp_path: Path) -> None:
    target = tmp_path / "demo.json"
    target.write_text("{}", encoding="utf-8")
    done = run_generator("--quick", "--out", str(target))
    assert done.returncode == 1
    assert "not a folder" in done.stderr
    assert "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "{}"
