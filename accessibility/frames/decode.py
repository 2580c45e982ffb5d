"""One decode pass over an episode, shared by every measure that reads its pictures or sound.

The cut and flash measures (``accessibility.pacing``) read a reduced picture of every frame,
the subtitle reader (``accessibility.ocr``) the full-resolution bottom band; decoding an
H.264 720×1280 episode costs more than all of them together, so it is done once, here, and
each consumer is handed the picture it needs (``pictures``). Consumers never decode and never
import each other.

Decoder settings, the same for every consumer so all read the same pixels:

- FFmpeg's own threads (``thread_type="AUTO"``: frame and slice threads, as many as cores);
  the analysis worker lowers its process priority while the episode plays, so these threads
  yield to playback; ``silverreel inspect`` may use every core;
- H.264's deblocking filter skipped: it only smooths 4–16 px block edges, which every reduced
  picture averages away and which sit far below the size of subtitle type (−15–20 % decode
  time);
- demuxing and decoding on a thread of their own (``Decoder``): FFmpeg releases the GIL while
  it decodes, so measuring one frame overlaps decoding the next ones.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import av

log = logging.getLogger(__name__)

MAX_DECODE_ERRORS = 200  # corrupt packets skipped before the file is given up
WAITING_BYTES = 48_000_000  # decoded frames waiting for the consumer
FALLBACK_FPS = 30.0


class MediaError(Exception):
    """The file cannot be opened as media at all."""


def open_media(path: str | Path) -> av.container.InputContainer:
    """Open ``path`` for decoding; raises ``MediaError`` when it is not readable media."""
    try:
        return av.open(str(path), metadata_errors="ignore")
    except (av.FFmpegError, OSError, UnicodeDecodeError) as error:
        raise MediaError(f"cannot open {path}: {error}") from error


def picture_stream(container: av.container.InputContainer) -> av.VideoStream | None:
    """The episode's picture: the first video stream that is not cover art.

    Cover art in a sound file is a one-picture "video" stream, not a picture to measure.
    """
    pictures = [s for s in container.streams.video
                if not s.disposition & av.stream.Disposition.attached_pic]
    return pictures[0] if pictures else None


def prepare_video(stream: av.VideoStream) -> None:
    """The decoder settings every consumer of the pass shares (see the module's notes)."""
    stream.thread_type = "AUTO"
    stream.codec_context.options = {"skip_loop_filter": "all"}


def frame_rate(stream: av.VideoStream, fallback: float = FALLBACK_FPS) -> float:
    rate = stream.average_rate or stream.guessed_rate
    return float(rate) if rate and float(rate) > 0 else fallback


class FrameClock:
    """Frame times in seconds from the first frame, from the stream's timestamps.

    Frames without timestamps are counted at the stream's rate; negative timestamps or ones
    running backwards continue from the last time at that rate.
    """

    def __init__(self, stream: av.VideoStream, fallback_fps: float = FALLBACK_FPS) -> None:
        self.fps = frame_rate(stream, fallback_fps)
        self.time_base = float(stream.time_base) if stream.time_base else None
        self.times: list[float] = []
        self._first_pts: int | None = None

    def tick(self, frame: av.VideoFrame) -> float:
        """The time of ``frame`` (the next one decoded), remembered in ``times``."""
        t = self._time(frame)
        self.times.append(t)
        return t

    def _time(self, frame: av.VideoFrame) -> float:
        times = self.times
        if frame.pts is None or self.time_base is None:
            return len(times) / self.fps
        if self._first_pts is None:
            self._first_pts = frame.pts
        t = (frame.pts - self._first_pts) * self.time_base
        if t < 0 or (times and t <= times[-1]):
            return times[-1] + 1.0 / self.fps if times else 0.0
        return t

    def time_of(self, index: int) -> float:
        return self.times[index] if 0 <= index < len(self.times) else index / self.fps


class _Waiting:
    """Decoded frames waiting for the consumer, bounded by their bytes (``budget``) rather
    than their number: a few dozen 720×1280 frames, fewer large ones, always at least one."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self._items: collections.deque[tuple[av.VideoFrame | av.AudioFrame | None, int]] = \
            collections.deque()
        self._bytes = 0
        self._changed = threading.Condition()

    def put(self, item: av.VideoFrame | av.AudioFrame | None, stop: threading.Event) -> None:
        size = _frame_bytes(item)
        with self._changed:
            while self._items and self._bytes + size > self.budget and not stop.is_set():
                self._changed.wait(0.1)
            self._items.append((item, size))
            self._bytes += size
            self._changed.notify_all()

    def get(self, timeout: float | None = None) -> av.VideoFrame | av.AudioFrame | None:
        with self._changed:
            if not self._changed.wait_for(lambda: bool(self._items), timeout):
                raise queue.Empty
            item, size = self._items.popleft()
            self._bytes -= size
            self._changed.notify_all()
            return item


def _frame_bytes(frame: av.VideoFrame | av.AudioFrame | None) -> int:
    if isinstance(frame, av.VideoFrame):
        return frame.width * frame.height * 3 // 2  # 4:2:0; a little more for 10 bits, 4:4:4
    return 4096  # sound frames and the end mark: small


class Decoder(threading.Thread):
    """Demuxes and decodes ``streams`` on its own thread; iterate it for the frames in order.

    Up to ``WAITING_BYTES`` of decoded frames wait for the consumer (about 30 frames of
    720×1280): the consumer's work per frame varies (a cut, a subtitle line to look at) and
    frame threading hands frames over in bursts, so a queue of a few frames left one of two
    cores idle for a tenth of the pass.

    Damaged packets are skipped (counted in ``errors``; after ``MAX_DECODE_ERRORS`` the file
    is given up); damage the demuxer cannot step over ends the pass with what was decoded.
    """

    END = None

    def __init__(self, container: av.container.InputContainer,
                 streams: list[av.stream.Stream], name: str = "frames-decode") -> None:
        super().__init__(name=name, daemon=True)
        self.container = container
        self.streams = streams
        self.frames = _Waiting(WAITING_BYTES)
        self.stop = threading.Event()
        self.errors = 0

    def run(self) -> None:
        try:
            for packet in self.container.demux(self.streams):
                if self.stop.is_set():
                    return
                try:
                    decoded = packet.decode()
                except (av.FFmpegError, ValueError):
                    self.errors += 1
                    if self.errors > MAX_DECODE_ERRORS:
                        return
                    continue
                for frame in decoded:
                    if isinstance(frame, av.VideoFrame | av.AudioFrame):
                        self.frames.put(frame, self.stop)
        except (av.FFmpegError, ValueError, EOFError) as error:
            log.info("decoding stopped early: %s", error)
            self.errors += 1
        finally:
            self.frames.put(self.END, self.stop)

    def __iter__(self) -> Iterator[av.VideoFrame | av.AudioFrame]:
        self.start()
        try:
            while (frame := self.frames.get()) is not self.END:
                yield frame
        finally:
            # The consumer may stop early (an exception): let the thread finish, then wait.
            self.stop.set()
            while self.is_alive():
                with contextlib.suppress(queue.Empty):
                    self.frames.get(timeout=0.1)
            self.join()
