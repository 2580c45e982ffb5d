"""Analysis sidecars beside http(s) episodes (a NAS, a media server, a web folder).

The player never downloads a whole remote episode to analyse it, so a sidecar written by
``silverreel analyse`` on the machine that holds the files is the only way such an episode
gets its pacing badge, levelling and picture subtitles. Before it is used, the sidecar is
validated like any untrusted input (``player.sidecar.parse_sidecar``) and
checked against the episode itself: its size and the sidecar's ``quick`` fingerprint (the
first and last 64 KiB), read with two HTTP range requests, so the badges of a 100-episode
series cost about 13 MiB of reading rather than the 300 MiB of the full fingerprint. A server
that does not honour range requests cannot prove the sidecar current, so its sidecars are
not used. Both the sidecar and the range requests go through ``player.net.guard`` (the
sidecar by ``library.fetch.fetch``): http(s) at every redirect hop, the private-network rule,
one deadline per request, and the sidecar at most ``sidecar.MAX_BYTES``.

``RemoteSidecars`` does this on one background thread, one episode at a time, bounded in
size and time; results come back through a callback on that thread.
"""

from __future__ import annotations

import http.client
import logging
import queue
import re
import threading
from collections.abc import Callable

from accessibility.pacing.measure import PacingMeasurements
from player.library.fetch import fetch
from player.library.model import SourceProblem
from player.library.problems import ProblemCode
from player.locations import is_remote
from player.net.guard import Refused, open_checked
from player.sidecar import (
    MAX_BYTES,
    QUICK_SAMPLE_BYTES,
    EpisodeIdentity,
    Rejected,
    check_identity,
    parse_sidecar,
    quick_fingerprint,
    sidecar_url,
)

log = logging.getLogger(__name__)

TIMEOUT_S = 5.0
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+)")


class _NoRanges(Exception):
    pass


def _read_range(url: str, start: int, length: int, timeout: float) -> tuple[bytes, int]:
    """``length`` bytes from ``start`` (fewer at the end) and the resource's total size.

    Through ``player.net.guard``: every redirect hop http(s) and checked (the private-network
    rule included), one deadline of ``timeout`` from connect to the last byte.
    """
    with open_checked(url, deadline_s=timeout, public_chain=False,
                      headers={"Range": f"bytes={start}-{start + length - 1}"}) as opened:
        match = _CONTENT_RANGE.fullmatch((opened.headers.get("Content-Range") or "").strip())
        if opened.status != 206 or match is None or int(match.group(1)) != start:
            raise _NoRanges(f"no range answer (status {opened.status})")
        total = int(match.group(3))
        wanted = max(0, min(length, total - start))
        try:
            data = opened.read_all(wanted)
        except ValueError:
            raise _NoRanges("range answer longer than asked") from None
        if len(data) != wanted:
            raise _NoRanges("range answer of the wrong length")
        return data, total


def remote_identity(url: str, timeout: float = TIMEOUT_S) -> EpisodeIdentity | None:
    """Size and quick fingerprint of an http(s) episode (the first and last 64 KiB, two range
    requests), as ``sidecar.file_quick_fingerprint`` gives for the same bytes on disk; None
    when the server cannot answer range requests."""
    try:
        first, size = _read_range(url, 0, QUICK_SAMPLE_BYTES, timeout)
        if size <= 0:
            return None

        def read_at(offset: int, length: int) -> bytes:
            return first if offset == 0 else _read_range(url, offset, length, timeout)[0]

        quick = quick_fingerprint(size, read_at)
    except (_NoRanges, Refused, OSError, http.client.HTTPException, ValueError) as error:
        log.info("cannot fingerprint %s: %s", url, error)
        return None
    name = url.split("?", 1)[0].rstrip("/").rpartition("/")[2]
    return EpisodeIdentity(name, size, fingerprint=None, quick=quick)


def remote_measurements(url: str, timeout: float = TIMEOUT_S) -> PacingMeasurements | None:
    """The measurements of a valid, current sidecar beside an http(s) episode, else None."""
    where = sidecar_url(url)
    fetched = fetch(where, timeout=timeout, max_bytes=MAX_BYTES)
    if isinstance(fetched, SourceProblem):
        if fetched.code != ProblemCode.HTTP_ERROR or not fetched.detail.startswith("404"):
            log.info("no sidecar at %s: %s %s", where, fetched.code, fetched.detail)
        return None
    parsed = parse_sidecar(fetched.data)
    if isinstance(parsed, Rejected):
        log.warning("sidecar %s ignored: %s", where, parsed.reason)
        return None
    actual = remote_identity(url, timeout)
    if actual is None:
        log.warning("sidecar %s ignored: the episode cannot be checked (no range requests)",
                    where)
        return None
    stale = check_identity(parsed, actual)
    if stale is not None:
        log.warning("sidecar %s ignored: %s", where, stale.reason)
        return None
    log.info("pacing of %s read from its sidecar", url)
    return parsed.measurements


class RemoteSidecars:
    """Looks for sidecars beside remote episodes on one daemon thread, each address once."""

    def __init__(self, on_found: Callable[[str, PacingMeasurements], None],
                 lookup: Callable[[str], PacingMeasurements | None] = remote_measurements
                 ) -> None:
        self._on_found = on_found
        self._lookup = lookup
        self._asked: set[str] = set()
        self._queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="remote-sidecars", daemon=True)
        self._thread.start()

    def request(self, url: str) -> None:
        if is_remote(url) and url not in self._asked:
            self._asked.add(url)
            self._queue.put(url)

    def shutdown(self) -> None:
        self._queue.put(None)

    def _run(self) -> None:
        while (url := self._queue.get()) is not None:
            try:
                found = self._lookup(url)
            except Exception:  # a bug on one odd server must not end the lookups
                log.exception("sidecar lookup for %s failed", url)
                continue
            if found is not None:
                try:
                    self._on_found(url, found)
                except Exception:
                    log.exception("sidecar result for %s not delivered", url)
