"""Quiet logs: what the libraries say goes to the app's log file, never to the terminal.

A session on a machine without a sound card used to print about 33,000 lines: ALSA's complaints
(printed by libasound itself, each time libVLC tries its ALSA output), libVLC's own messages and
Qt's warnings. Now:

* Python logging writes to ``silverreel.log`` in the log folder, rotated (1 MB × 3 files), at
  the level in ``SILVERREEL_LOG_LEVEL`` (default ``INFO``);
* libVLC's messages reach that log through ``libvlc_log_set`` (``player.engine.vlc_log``,
  called for every ``vlc.Instance``);
* ALSA's messages go to the same log through ``snd_lib_error_set_handler`` (libasound has no
  other switch, and it is the same library libVLC's ALSA plugin loads);
* Qt's messages (``qInstallMessageHandler``) and Python warnings go there too;
* when the machine has no sound device at all, libVLC is told to use no sound output (so it
  stops trying ALSA) and the viewer is told once, in plain words (``NO_SOUND_MESSAGE``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Any

log = logging.getLogger("silverreel")
alsa_log = logging.getLogger("silverreel.alsa")
qt_log = logging.getLogger("silverreel.qt")

LOG_FILE_NAME = "silverreel.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
AUDIO_ENV = "SILVERREEL_AUDIO_OUTPUT"

_keep_alive: list[Any] = []  # C callbacks must outlive every call into them


def setup_logging(log_dir: Path, level: str | None = None) -> Path:
    """Send Python logging, warnings and Qt's messages to the rotated log file."""
    handler, path = _file_handler(log_dir)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    name = (level or os.environ.get("SILVERREEL_LOG_LEVEL") or "INFO").upper()
    root.setLevel(getattr(logging, name, logging.INFO))
    logging.captureWarnings(True)
    _route_qt_messages()
    silence_alsa()
    return path


def _file_handler(log_dir: Path) -> tuple[logging.Handler, Path]:
    """The rotated log in ``log_dir``; a read-only config folder (a locked-down TV box) falls
    back to the temporary folder, and failing that to no log at all: never to the terminal,
    and never a reason not to start."""
    import tempfile

    user = getattr(os, "getuid", lambda: "user")()  # no getuid on Windows
    for folder in (log_dir, Path(tempfile.gettempdir()) / f"silverreel-logs-{user}"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_FILE_NAME
            return logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"), path
        except OSError:
            continue
    return logging.NullHandler(), log_dir / LOG_FILE_NAME


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    _keep_alive.append(handler)
    qInstallMessageHandler(handler)


# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
# The variadic tail is left alone: on every ABI Python supports, a callee that does not read
# its varargs may ignore them.
_ALSA_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                 ctypes.c_int, ctypes.c_char_p)


def silence_alsa() -> bool:
    """ALSA's messages into the log instead of stderr; False when there is no libasound."""
    name = ctypes.util.find_library("asound")
    if name is None:
        return False
    try:
        asound = ctypes.CDLL(name)
    except OSError:
        return False

    def handler(file: bytes | None, line: int, function: bytes | None, err: int,
                fmt: bytes | None) -> None:
        alsa_log.debug("%s:%d %s (%d) %s", _text(file), line, _text(function), err, _text(fmt))

    callback = _ALSA_HANDLER(handler)
    _keep_alive.append(callback)
    asound.snd_lib_error_set_handler(callback)
    return True


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace").strip() if raw else ""


def sound_device_present() -> bool:
    """Whether this machine has anything to play sound on (Linux: a card or a sound server)."""
    if sys.platform != "linux":
        return True
    cards = Path("/proc/asound/cards")
    try:
        if cards.exists() and "no soundcards" not in cards.read_text(errors="replace"):
            return True
    except OSError:
        pass
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return False
    return any((Path(runtime) / server).exists() for server in ("pulse/native", "pipewire-0"))


def choose_audio_output() -> bool:
    """Use no sound output when there is no sound device (libVLC would retry ALSA, loudly).

    Returns False only when the machine has no sound device; an output chosen in
    ``SILVERREEL_AUDIO_OUTPUT`` (tests, a deliberate choice) wins and is not remarked on."""
    if os.environ.get(AUDIO_ENV):
        return True
    if sound_device_present():
        return True
    os.environ[AUDIO_ENV] = "dummy"
    log.warning("no sound device found: playing without sound")
    return False
