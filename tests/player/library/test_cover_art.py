from __future__ import annotations

import os
import shutil
from pathlib import Path

import av
import pytest

from player.library.cover_art import cover_frame, pick_cover_image


@pytest.mark.parametrize(
    ("images", "cover"),
    [
        (["a.jpg", "Cover.PNG", "poster.jpg"], "Cover.PNG"),
        (["poster.webp", "folder.jpg"], "poster.webp"),
        (["folder.jpg", "x.png"], "folder.jpg"),
        (["cover.png", "cover.jpg"], "cover.jpg"),
        (["封面.jpg", "b.jpg"], "封面.jpg"),
        (["only.webp"], "only.webp"),
        (["a.jpg", "b.jpg"], None),
        ([], None),
        (["cover.txt"], None),
    ],
)
def test_pick_cover_image(images: list[str], cover: str | None) -> None:
    assert pick_cover_image(images) == cover


def mean_rgb(jpeg: Path) -> tuple[float, float, float]:
    with av.open(str(jpeg)) as container:
        frame = next(container.decode(video=0))
        pixels = frame.to_ndarray(format="rgb24").reshape(-1, 3).mean(axis=0)
    return float(pixels[0]), float(pixels[1]), float(pixels[2])


def test_frame_is_taken_ten_percent_in(tiny_video: Path, tmp_path: Path) -> None:
    cover = cover_frame(tiny_video, tmp_path / "cache")
    assert cover is not None
    assert cover.read_bytes()[:3] == b"\xff\xd8\xff"
    red, green, blue = mean_rgb(cover)
    assert green > 100 > max(red, blue)  # the green segment, not the red start


def test_frame_is_cached_until_the_file_changes(tiny_video: Path, tmp_path: Path) -> None:
    episode = tmp_path / "第1集.mp4"
    shutil.copy(tiny_video, episode)
    first = cover_frame(str(episode), tmp_path / "cache")
    assert first is not None
    first.write_bytes(b"kept")  # a second extraction would overwrite this
    assert cover_frame(str(episode), tmp_path / "cache") == first
    assert first.read_bytes() == b"kept"
    info = episode.stat()
    os.utime(episode, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    fresh = cover_frame(str(episode), tmp_path / "cache")
    assert fresh is not None
    assert fresh != first
    assert fresh.read_bytes()[:3] == b"\xff\xd8\xff"


def test_large_frames_are_scaled_down(tmp_path: Path) -> None:
    video = tmp_path / "tall.mp4"
    with av.open(str(video), "w") as container:
        stream = container.add_stream("mpeg4", rate=5)
        stream.width, stream.height, stream.pix_fmt = 1080, 1920, "yuv420p"
        for _ in range(5):
            frame = av.VideoFrame(1080, 1920, "yuv420p")
            for plane in frame.planes:
                plane.update(b"\x80" * plane.buffer_size)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    cover = cover_frame(video, tmp_path / "cache")
    assert cover is not None
    with av.open(str(cover)) as image:
        picture = next(image.decode(video=0))
        assert (picture.width, picture.height) == (540, 960)


def test_failures_give_none(tiny_video: Path, tiny_audio: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "坏.mp4"
    garbage.write_bytes(os.urandom(4096))
    truncated = tmp_path / "半截.mp4"
    empty = tmp_path / "空.mp4"
    empty.write_bytes(b"")
    cache = tmp_path / "cache"
    assert cover_frame(garbage, cache) is None
    assert cover_frame(empty, cache) is None
    assert cover_frame(tmp_path / "不存在.mp4", cache) is None
    assert cover_frame(tiny_audio, cache) is None
    assert cover_frame("https://cdn.example.cn/1.mp4", cache) is None
    # An interrupted copy: the index at the end of the file never arrived.
    truncated.write_bytes(tiny_video.read_bytes()[: tiny_video.stat().st_size * 2 // 5])
    assert cover_frame(truncated, cache) is None


def test_an_unusable_cache_gives_none(tiny_video: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_bytes(b"a file where the cache folder should be")
    assert cover_frame(tiny_video, blocker) is None
