"""libVLC's messages into Python logging (and so into the app's rotated log file).

libVLC calls the log callback on its own threads with a C ``va_list``. The callback formats it
there with the C library's ``vsnprintf`` and hands the text to ``logging`` (thread-safe); it
calls nothing in libVLC and touches no widget. Warnings and errors are logged at WARNING; the
rest (very chatty) only when the log level is DEBUG, decided once per instance. A message that
keeps coming back (a failing audio output is retried for every buffer) is logged the 1st, 10th,
100th… time, with its count.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Any

import vlc

vlc_log = logging.getLogger("silverreel.libvlc")
_keep_alive: list[Any] = []  # C callbacks must outlive every call into them

_libc: Any = None


def _vsnprintf() -> Any:
    global _libc  # noqa: PLW0603 — loaded once, on first use from any thread
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        _libc.vsnprintf.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                    ctypes.c_void_p)
        _libc.vsnprintf.restype = ctypes.c_int
    return _libc.vsnprintf


def route_vlc_log(instance: Any) -> None:
    """Send ``instance``'s messages to the log (called on libVLC's threads; see the module)."""
    vsnprintf = _vsnprintf()
    buffer_size = 1024

    debug = vlc_log.isEnabledFor(logging.DEBUG)  # decided once: libVLC's debug is chatty
    warning = vlc.LogLevel.WARNING.value

    @vlc.CallbackDecorators.LogCb
    def callback(_data: Any, level: int, _context: Any, fmt: bytes, args: Any) -> None:
        if level < warning and not debug:
            return
        try:
            buffer = ctypes.create_string_buffer(buffer_size)
            vsnprintf(buffer, buffer_size, fmt, ctypes.cast(args, ctypes.c_void_p))
            message = buffer.value.decode("utf-8", "replace")
            count = _seen(message)
            if _worth_logging(count):
                suffix = f" (×{count})" if count > 1 else ""
                vlc_log.log(logging.WARNING if level >= warning else logging.DEBUG, "%s%s",
                            message, suffix)
        except Exception:
            pass

    _keep_alive.append(callback)
    instance.log_set(callback, None)




_counts: dict[str, int] = {}
_MAX_REMEMBERED = 512


def _seen(message: str) -> int:
    """How often ``message`` came so far (races between libVLC threads only blur a count)."""
    if len(_counts) >= _MAX_REMEMBERED and message not in _counts:
        _counts.clear()
    count = _counts.get(message, 0) + 1
    _counts[message] = count
    return count


def _worth_logging(count: int) -> bool:
    while count % 10 == 0:
        count //= 10
    return count == 1
