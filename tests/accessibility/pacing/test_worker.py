"""The worker's one pass: pacing and picture subtitles, the band followed on its own thread."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from accessibility.analysis import measure_safely
from accessibility.ocr import PictureCueReader
from accessibility.ocr.cue import PictureCue
from accessibility.pacing.measure import PacingMeasurements, measure_file
from accessibility.pacing.worker import CueTuple
from tests.accessibility.pacing.conftest import Episode
from tests.conftest import REPO


def _band_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "picture-text"]


def test_one_pass_gives_the_same_cuts_with_picture_reading_and_ends_its_thread(
        crafted_episode: Episode, crafted_measured: PacingMeasurements) -> None:
    measured = measure_safely(str(crafted_episode.path))
    assert measured is not None
    assert measured.cut_frames == crafted_measured.cut_frames
    assert measured.picture_cues == ()  # no text drawn in this episode
    assert _band_threads() == []


def test_a_failing_cue_report_costs_the_subtitles_not_the_pacing(
        crafted_episode: Episode, crafted_measured: PacingMeasurements,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A line read early in the pass, so the report runs (on the band thread) and breaks.
    monkeypatch.setattr(PictureCueReader, "completed",
                        lambda self: (PictureCue(0, 1000, "你好", 0.9),))
    calls: list[int] = []

    def broken(cues: tuple[CueTuple, ...]) -> None:
        calls.append(len(cues))
        raise RuntimeError("pipe gone")

    measured = measure_safely(str(crafted_episode.path), report_cues=broken)
    assert calls == [1]  # called once, raised, and the band thread stopped reporting
    assert measured is not None
    assert measured.cut_frames == crafted_measured.cut_frames
    assert _band_threads() == []


def test_an_unreadable_file_ends_the_band_thread_too(tmp_path: Path) -> None:
    path = tmp_path / "broken.mp4"
    path.write_bytes(b"not a video at all" * 100)
    assert measure_safely(str(path)) is None
    assert _band_threads() == []


def test_an_episode_without_text_loads_neither_the_recogniser_nor_scipy(
        crafted_episode: Episode) -> None:
    """The whole pass in a fresh process, as ``silverreel inspect`` runs it: what a picture
    without subtitles never needs is never imported (OpenCV and ONNX Runtime ~0.5 s of CPU,
    SciPy ~0.8 s), and the measurements are those of the pass without picture reading."""
    probe = (
        "import sys, json\n"
        "from accessibility.analysis import measure_safely\n"
        "m = measure_safely(sys.argv[1])\n"
        "heavy = ('cv2', 'onnxruntime', 'rapidocr_onnxruntime', 'scipy', 'pyloudnorm')\n"
        "print(json.dumps({'cuts': list(m.cut_frames), 'cues': list(m.picture_cues),\n"
        "  'loaded': sorted(n for n in sys.modules if n.split('.')[0] in heavy)}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(crafted_episode.path)],
                            cwd=REPO, capture_output=True, text=True, check=True)
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["loaded"] == []
    assert seen["cues"] == []
    assert tuple(seen["cuts"]) == measure_file(crafted_episode.path).cut_frames
    assert seen["cuts"]  # the crafted episode has cuts: the pass did measure the picture
