"""A series' cover: an image the family put beside it, or else a frame from its first episode."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

from player.library.media import IMAGE_EXTENSIONS, extension, name_key, stem

log = logging.getLogger(__name__)

_COVER_STEMS = ("cover", "poster", "folder", "front", "封面", "海报")
_IMAGE_ORDER = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif")
FRAME_POSITION = 0.10  # far enough in to pass black lead-in frames and opening titles
FRAME_MAX_SIDE = 960  # plenty for a tile; keeps the cache small


def pick_cover_image(image_names: Iterable[str]) -> str | None:
    """The cover among a folder's images: cover/poster/folder.*, else the only image there."""
    images = sorted(
        (name for name in image_names if extension(name) in IMAGE_EXTENSIONS),
        key=lambda name: (_IMAGE_ORDER.index(extension(name)), name_key(name)),
    )
    by_stem: dict[str, str] = {}
    for name in images:
        by_stem.setdefault(name_key(stem(name)), name)
    for preferred in _COVER_STEMS:
        if preferred in by_stem:
            return by_stem[preferred]
    return images[0] if len(images) == 1 else None


def cover_frame(
    episode_path: str | os.PathLike[str], cache_dir: str | os.PathLike[str]
) -> Path | None:
    """A JPEG of the frame about 10 % into ``episode_path``, cached in ``cache_dir``.

    The cache entry is named after the file's path, modification time and size, so an
    edited or replaced episode gets a fresh frame. Returns ``None`` when the file cannot be
    decoded (or is not a local file); never raises.
    """
    try:
        info = os.stat(episode_path)
        source = os.path.abspath(episode_path)
    except (OSError, ValueError):
        return None
    identity = f"{source}\0{info.st_mtime_ns}\0{info.st_size}".encode("utf-8", "surrogateescape")
    target = Path(cache_dir) / f"{hashlib.sha256(identity).hexdigest()}.jpg"
    if target.is_file():
        return target
    try:
        jpeg = _grab_jpeg(source)
    # PyAV wraps a native decoder fed with arbitrary files: any failure just means no cover.
    except Exception:
        log.info("no cover frame from %s", source, exc_info=True)
        return None
    if not jpeg:
        return None
    try:
        _write_atomically(target, jpeg)
    except OSError:
        log.warning("cannot store cover frame in %s", cache_dir, exc_info=True)
        return None
    return target


def _grab_jpeg(path: str) -> bytes:
    # Imported here because listing a library must not pay for loading FFmpeg (~0.2 s).
    import av

    with av.open(path) as container:
        if not container.streams.video:
            return b""
        stream = container.streams.video[0]
        target_s = _duration_s(container, stream) * FRAME_POSITION
        if target_s > 0 and stream.time_base:
            container.seek(int(target_s / stream.time_base), stream=stream)
        frame = next(
            (f for f in container.decode(stream) if f.time is None or f.time >= target_s), None
        )
        if frame is None:
            return b""
        width, height = _fit(frame.width, frame.height)
        encoder = av.CodecContext.create("mjpeg", "w")
        encoder.width = width
        encoder.height = height
        encoder.pix_fmt = "yuvj420p"
        encoder.time_base = Fraction(1, 25)
        picture = frame.reformat(width=width, height=height, format="yuvj420p")
        packets = [*encoder.encode(picture), *encoder.encode(None)]
        return b"".join(bytes(packet) for packet in packets)


def _duration_s(container: object, stream: object) -> float:
    duration = getattr(container, "duration", None)
    if duration:
        return float(duration) / 1_000_000  # container durations are in AV_TIME_BASE units
    stream_duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if stream_duration and time_base:
        return float(stream_duration * time_base)
    return 0.0


def _fit(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, FRAME_MAX_SIDE / max(width, height, 1))
    # The JPEG encoder wants even sizes for 4:2:0 chroma.
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
