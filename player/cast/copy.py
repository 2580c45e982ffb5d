"""A local copy of a cast video, for the analysis (subtitles read off the picture, loudness,
pacing), fetched while the cast plays from its own address.

The analysis worker reads local files; a cast lives at the phone's address. The copy is
fetched in the background with its own limits and never delays playback: playback does not
wait for it, and a copy that cannot be made (a live or HLS stream, too large, too slow, a
redirect) simply means the cast plays without those aids. The address was checked by
``vet_cast_uri`` and is its last hop; the copy is fetched through ``player.net.guard`` (the
address checked again, same policy as the cast) and follows no redirect at all.
"""

from __future__ import annotations

import hashlib
import http.client
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from player.net.addresses import NetworkPolicy
from player.net.guard import Refused, open_checked
from player.net.refusals import RefusedCode

MAX_COPY_BYTES = 512 * 1024 * 1024  # a micro-drama episode is tens of megabytes
COPY_TIMEOUT_S = 600.0
ANSWER_DEADLINE_S = 15.0  # connect to the last header byte
READ_TIMEOUT_S = 20.0  # then between two reads
CHUNK = 256 * 1024
_PLAYLISTS = ("mpegurl", "dash+xml", "x-mpegurl")


def copy_path(folder: Path, uri: str) -> Path:
    return folder / (hashlib.blake2b(uri.encode(), digest_size=12).hexdigest() + ".video")


def fetch_copy(uri: str, target: Path, *, cancelled: Callable[[], bool] = lambda: False,
               max_bytes: int = MAX_COPY_BYTES, timeout_s: float = COPY_TIMEOUT_S,
               policy: NetworkPolicy | None = None) -> str | None:
    """Download ``uri`` to ``target``; None when done, else why not (a short English phrase).

    Blocking: call it on a worker thread. Streams (HLS/DASH playlists, no length, endless)
    are not copied. The request goes through ``player.net.guard`` like every other outside
    request (the address checked again, the one connected to; no redirect followed);
    the answer's headers must come within ``ANSWER_DEADLINE_S``, then each read within
    ``READ_TIMEOUT_S`` and the whole copy within ``timeout_s``.
    """
    partial = target.with_suffix(".part")
    deadline = time.monotonic() + timeout_s
    try:
        opened = open_checked(uri, deadline_s=min(ANSWER_DEADLINE_S, timeout_s),
                              public_chain=False, policy=policy, max_redirects=0)
    except Refused as refused:
        if refused.code == RefusedCode.REDIRECTS:
            return "a redirect"
        return f"refused ({refused.code})"
    except TimeoutError:
        return "no answer"
    except (OSError, http.client.HTTPException, ValueError) as error:
        return type(error).__name__
    try:
        if opened.status != 200:
            return f"HTTP {opened.status}"
        kind = (opened.headers.get("Content-Type") or "").casefold()
        path = urllib.parse.urlsplit(uri).path.casefold()
        if any(mark in kind for mark in _PLAYLISTS) or path.endswith((".m3u8", ".m3u", ".mpd")):
            return "a stream playlist"
        length = (opened.headers.get("Content-Length") or "").strip()
        if not length.isdigit():
            return "no length (a live stream?)"
        if int(length) > max_bytes:
            return "too large"
        opened.stream_without_deadline(READ_TIMEOUT_S)
        target.parent.mkdir(parents=True, exist_ok=True)
        received = 0
        with partial.open("wb") as out:
            while chunk := opened.read1(CHUNK):
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
        opened.close()
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
