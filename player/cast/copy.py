"""A local copy of a cast video, for the analysis (subtitles read off the picture, loudness,
pacing), fetched while the cast plays from its own address.

The analysis worker reads local files; a cast lives at the phone's address. The copy is
fetched in the background with its own limits and never delays playback: playback does not
wait for it, and a copy that cannot be made (a live or HLS stream, too large, too slow, a
redirect) simply means the cast plays without those aids. The address was checked by
``vet_cast_uri`` and is its last hop; the copy follows no redirect at all.
"""

from __future__ import annotations

import hashlib
import http.client
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

MAX_COPY_BYTES = 512 * 1024 * 1024  # a micro-drama episode is tens of megabytes
COPY_TIMEOUT_S = 600.0
READ_TIMEOUT_S = 20.0
CHUNK = 256 * 1024
_PLAYLISTS = ("mpegurl", "dash+xml", "x-mpegurl")


def copy_path(folder: Path, uri: str) -> Path:
    return folder / (hashlib.blake2b(uri.encode(), digest_size=12).hexdigest() + ".video")


def fetch_copy(uri: str, target: Path, *, cancelled: Callable[[], bool] = lambda: False,
               max_bytes: int = MAX_COPY_BYTES, timeout_s: float = COPY_TIMEOUT_S,
               ) -> str | None:
    """Download ``uri`` to ``target``; None when done, else why not (a short English phrase).

    Blocking: call it on a worker thread. Streams (HLS/DASH playlists, no length, endless)
    are not copied.
    """
    parts = urllib.parse.urlsplit(uri)
    scheme = parts.scheme.casefold()
    if scheme not in ("http", "https") or not parts.hostname:
        return "not http"
    connection: http.client.HTTPConnection
    if scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port,
                                                 timeout=READ_TIMEOUT_S,
                                                 context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port,
                                                timeout=READ_TIMEOUT_S)
    partial = target.with_suffix(".part")
    deadline = time.monotonic() + timeout_s
    try:
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request("GET", path, headers={"User-Agent": "SilverReel-cast-copy/1"})
        response = connection.getresponse()
        if response.status != 200:
            return f"HTTP {response.status}"
        kind = (response.getheader("Content-Type") or "").casefold()
        if any(mark in kind for mark in _PLAYLISTS) or parts.path.casefold().endswith(
                (".m3u8", ".m3u", ".mpd")):
            return "a stream playlist"
        length = response.getheader("Content-Length")
        if length is None or not length.isdigit():
            return "no length (a live stream?)"
        if int(length) > max_bytes:
            return "too large"
        target.parent.mkdir(parents=True, exist_ok=True)
        received = 0
        with partial.open("wb") as out:
            while chunk := response.read(CHUNK):
                received += len(chunk)
                if received > max_bytes or cancelled() or time.monotonic() > deadline:
                    return "cancelled" if cancelled() else "too large or too slow"
                out.write(chunk)
        if received != int(length):
            return "incomplete"
        partial.replace(target)
        return None
    except (OSError, http.client.HTTPException, ValueError) as error:
        return type(error).__name__
    finally:
        connection.close()
        partial.unlink(missing_ok=True)


class CastCopier:
    """One copy at a time, on its own thread; a new cast cancels the copy of the old one."""

    def __init__(self, folder: Path, on_done: Callable[[str, Path | None, str | None], None]
                 ) -> None:
        self._folder = folder
        self._on_done = on_done  # (uri, path or None, problem); called on the copy thread
        self._generation = 0
        self._lock = threading.Lock()

    def start(self, uri: str) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        self.clear(keep=copy_path(self._folder, uri))

        def run() -> None:
            target = copy_path(self._folder, uri)
            problem = None if target.exists() else fetch_copy(
                uri, target, cancelled=lambda: self._generation != generation)
            if self._generation == generation:
                self._on_done(uri, target if problem is None else None, problem)

        threading.Thread(target=run, name="cast-copy", daemon=True).start()

    def cancel(self) -> None:
        with self._lock:
            self._generation += 1

    def clear(self, keep: Path | None = None) -> None:
        """Delete copies no longer needed (the analysis results stay in the pacing cache)."""
        if not self._folder.is_dir():
            return
        for old in self._folder.iterdir():
            if old != keep and old.suffix in (".video", ".part"):
                old.unlink(missing_ok=True)
