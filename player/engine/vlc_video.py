"""libVLC video callbacks: decoded pictures land in memory we own, then in a QImage.

Why callbacks and not a native window: see docs/adr/001-video-surface.md. In short, the app
must paint its own large subtitles and notices over and beside the picture on every
platform, and tests must be able to see decoded pixels; both rule out a native child window.

Threading: libVLC calls ``_format``, ``_lock``, ``_unlock`` and ``_display`` on its video
output thread. They touch only this object's buffers and hand finished pictures to the GUI
thread through ``on_frame`` (which must be thread-safe, e.g. a queued Qt signal).
"""

from __future__ import annotations

import ctypes
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import vlc
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import numpy as np

_log = logging.getLogger(__name__)
_ALIGN = 32
_BUFFERS = 3

# Changes a picture in place before it is shown: (height × pitch/4 × 4 BGRX uint8, monotonic
# s). Each row carries up to 7 padding pixels on the right, so the array is contiguous (whole-
# buffer NumPy operations run twice as fast as on a strided view).
FrameFilter = Callable[["np.ndarray", float], None]

# python-vlc types the chroma argument as c_char_p, which ctypes converts to an immutable
# bytes copy, so the chosen chroma could never be written back. We bind the same C function
# with a prototype whose chroma is a writable char pointer.
_FormatCb = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.POINTER(ctypes.c_char),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
    ctypes.POINTER(ctypes.c_uint),
)
_CleanupCb = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


def _bind_set_format_callbacks() -> Callable[..., None]:
    func = vlc.dll.libvlc_video_set_format_callbacks
    func.argtypes = [ctypes.c_void_p, _FormatCb, _CleanupCb]
    func.restype = None
    return func


def _round_up(value: int, step: int) -> int:
    return (value + step - 1) // step * step


def fit_size(src_w: int, src_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The largest size with the source's shape that fits the box (never upscaled, even sides)."""
    if src_w <= 0 or src_h <= 0:
        return 0, 0
    if box_w <= 0 or box_h <= 0:
        return src_w - src_w % 2, src_h - src_h % 2
    scale = min(box_w / src_w, box_h / src_h, 1.0)
    width = max(2, int(src_w * scale) // 2 * 2)
    height = max(2, int(src_h * scale) // 2 * 2)
    return width, height


class VlcFrameSink:
    """Owns the picture buffers one libVLC media player decodes into."""

    def __init__(self, on_frame: Callable[[QImage], None]) -> None:
        self._on_frame = on_frame
        self._lock = threading.Lock()
        self._box = (0, 0)
        self._size = (0, 0)
        self._pitch = 0
        self._buffers: list[ctypes.Array[ctypes.c_char]] = []
        self._addresses: list[int] = []
        self._next = 0
        self._filter: FrameFilter | None = None
        self.source_size = (0, 0)
        # ctypes callback objects must outlive the player: keep references.
        self._c_format = _FormatCb(self._format)
        self._c_cleanup = _CleanupCb(self._cleanup)
        self._c_lock = vlc.CallbackDecorators.VideoLockCb(self._lock_cb)
        self._c_unlock = vlc.CallbackDecorators.VideoUnlockCb(self._unlock_cb)
        self._c_display = vlc.CallbackDecorators.VideoDisplayCb(self._display_cb)

    def attach(self, player: vlc.MediaPlayer) -> None:
        player.video_set_callbacks(self._c_lock, self._c_unlock, self._c_display, None)
        _bind_set_format_callbacks()(
            ctypes.c_void_p(player._as_parameter_.value), self._c_format, self._c_cleanup
        )

    def set_display_box(self, width: int, height: int) -> None:
        """Where the picture will be shown, in device pixels; used for the next episode."""
        with self._lock:
            self._box = (width, height)

    def set_filter(self, frame_filter: FrameFilter | None) -> None:
        """Run ``frame_filter`` on every picture, on libVLC's video output thread."""
        with self._lock:
            self._filter = frame_filter

    # --- libVLC's video output thread -------------------------------------------------
    def _format(self, _opaque, chroma, width, height, pitches, lines):  # type: ignore[no-untyped-def]
        src_w, src_h = width[0], height[0]
        with self._lock:
            out_w, out_h = fit_size(src_w, src_h, *self._box)
            pitch = _round_up(out_w * 4, _ALIGN)
            rows = _round_up(out_h, _ALIGN)
            self._buffers = [
                ctypes.create_string_buffer(pitch * rows + _ALIGN) for _ in range(_BUFFERS)
            ]
            self._addresses = [
                _round_up(ctypes.addressof(buf), _ALIGN) for buf in self._buffers
            ]
            self._size = (out_w, out_h)
            self._pitch = pitch
            self.source_size = (src_w, src_h)
        ctypes.memmove(chroma, b"RV32", 4)  # 32-bit BGRX in memory = QImage.Format_RGB32
        width[0], height[0] = out_w, out_h
        pitches[0] = pitch
        lines[0] = rows
        return _BUFFERS

    def _cleanup(self, _opaque) -> None:  # type: ignore[no-untyped-def]
        with self._lock:
            self._buffers = []
            self._addresses = []

    def _lock_cb(self, _opaque, planes):  # type: ignore[no-untyped-def]
        with self._lock:
            index = self._next
            self._next = (self._next + 1) % _BUFFERS
            planes[0] = self._addresses[index]
        return index

    def _unlock_cb(self, _opaque, _picture, _planes):  # type: ignore[no-untyped-def]
        return None

    def _display_cb(self, _opaque, picture):  # type: ignore[no-untyped-def]
        index = picture or 0
        with self._lock:
            if index >= len(self._addresses):
                return
            width, height = self._size
            pitch = self._pitch
            address = self._addresses[index]
            # One copy per frame: the QImage then belongs to the GUI thread alone.
            view = (ctypes.c_char * (pitch * height)).from_address(address)
            if self._filter is not None and width > 0 and height > 0:
                # The buffer is ours until the next lock: calm it in place, before the copy.
                # NumPy is imported here, not at start-up: it costs Home ~0.1 s otherwise.
                import numpy as np

                pixels = np.frombuffer(memoryview(view), dtype=np.uint8)
                pixels = pixels.reshape(height, pitch // 4, 4)
                try:
                    self._filter(pixels, time.monotonic())
                except Exception:  # a broken filter must never cost the viewer the picture
                    _log.exception("picture filter failed; showing pictures unfiltered")
                    self._filter = None
            # PySide accepts any buffer here; its stubs only name bytes-like types.
            image = QImage(view, width, height, pitch,  # type: ignore[call-overload]
                           QImage.Format.Format_RGB32).copy()
        self._on_frame(image)
