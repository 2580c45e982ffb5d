"""The one decode pass's decoder thread: every frame in order, bounded waiting, early stops."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import av
import pytest

from accessibility.frames import Decoder, open_media, picture_stream, prepare_video
from accessibility.frames.decode import _Waiting


@pytest.fixture(scope="module")
def episode(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("decode") / "clip.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=360x640:rate=25:duration=3", "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast",
                    "-c:a", "aac", "-shortest", str(path)], check=True)
    return path


def _decoder(path: Path) -> Decoder:
    container = open_media(path)
    video = picture_stream(container)
    assert video is not None
    prepare_video(video)
    return Decoder(container, [video, container.streams.audio[0]])


def test_every_frame_arrives_in_order(episode: Path) -> None:
    times = [frame.time for frame in _decoder(episode) if isinstance(frame, av.VideoFrame)]
    assert len(times) == 75
    assert times == sorted(times)


def test_a_consumer_that_stops_early_ends_the_thread(episode: Path) -> None:
    decoder = _decoder(episode)
    for count, _frame in enumerate(decoder, start=1):
        if count == 3:
            break
    assert not decoder.is_alive()


def test_waiting_frames_are_bounded_by_their_bytes(episode: Path) -> None:
    frames = [f for f in _decoder(episode) if isinstance(f, av.VideoFrame)][:5]
    one = 360 * 640 * 3 // 2
    waiting = _Waiting(budget=2 * one)
    stop = threading.Event()
    done = threading.Event()

    def produce() -> None:
        for frame in frames:
            waiting.put(frame, stop)
        done.set()

    producer = threading.Thread(target=produce, daemon=True)
    producer.start()
    # Two frames fit; the third waits for the consumer.
    assert not done.wait(0.5)
    got = [waiting.get(timeout=5) for _ in range(5)]
    assert done.wait(5)
    assert [f.pts for f in got] == [f.pts for f in frames]
    producer.join()


def test_a_frame_larger_than_the_budget_still_passes(episode: Path) -> None:
    frame = next(f for f in _decoder(episode) if isinstance(f, av.VideoFrame))
    waiting = _Waiting(budget=10)
    waiting.put(frame, threading.Event())  # alone in the queue: never blocks
    assert waiting.get(timeout=1) is frame
