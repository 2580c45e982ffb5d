"""What the one network guard costs the cast receiver and media servers.

    python benchmarks/bench_guarded_sources.py [--runs N]

1. Checking a cast address (``vet_cast_uri``: HEAD through ``player.net.guard``, one redirect)
   on 127.0.0.1 — baseline: the same HEAD and redirect with bare ``http.client``, no checks.
2. Listing a media server of 20 folders × 100 episodes (a real UPnP server on 127.0.0.1,
   ``tests/player/library/fake_media_server.py``, pages of 50) with every request checked by
   ``check_hop`` — baseline: the same listing with the check replaced by a pass-through.
Both are measured in the same run; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import sys
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import median, print_table
from player.cast.vetting import vet_cast_uri
from player.library import mediaserver
from player.library.mediaserver import requester
from player.net import addresses

VIDEO = "http-get:*:video/mp4:*"


def _timed(action: Callable[[], object], runs: int) -> float:
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        values.append(time.perf_counter() - start)
    return median(values)


def _bare_head(url: str) -> int:
    for _ in range(6):
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
        try:
            connection.request("HEAD", parts.path or "/")
            response = connection.getresponse()
            location = response.getheader("Location")
            if response.status in (301, 302, 303, 307, 308) and location:
                url = urllib.parse.urljoin(url, location)
                continue
            return response.status
        finally:
            connection.close()
    return 0


def cast_figures(runs: int) -> None:
    from tests.hostile import hostile_server

    with hostile_server("127.0.0.1") as phone:
        phone.add("/ep.mp4", b"\x00" * 4096, headers={"Content-Type": "video/mp4"})
        start = phone.redirect("/share/ep", "/ep.mp4")
        assert vet_cast_uri(start, caller="127.0.0.1").allowed
        checked = _timed(lambda: vet_cast_uri(start, caller="127.0.0.1"), runs)
        bare = _timed(lambda: _bare_head(start), runs)
    print_table("cast address check (HEAD + 1 redirect, 127.0.0.1)", [
        ("vet_cast_uri through the guard", f"{checked * 1000:.1f} ms", f"{bare * 1000:.1f} ms",
         f"{checked / bare:.2f}×"),
    ])


def _pass_through(url: str, *, public_chain: bool = False,
                  policy: addresses.NetworkPolicy | None = None) -> addresses.Hop:
    parts = urllib.parse.urlsplit(url)
    return addresses.Hop(url, parts.scheme, parts.hostname or "", parts.port or 80,
                     (ipaddress.ip_address(parts.hostname or "127.0.0.1"),), public_chain)


def media_server_figures(runs: int) -> None:
    from tests.player.library.fake_media_server import FakeServer, serving

    with serving(FakeServer()) as server:
        server.children = {"0": [server.container(f"c{f}", f"剧{f}") for f in range(20)]}
        for f in range(20):
            server.children[f"c{f}"] = [
                server.item(f"c{f}.{n}", f"第{n}集", (f"http://127.0.0.1:9/{f}/{n}.mp4", VIDEO))
                for n in range(100)]
        server.page_limit = 50

        def listing() -> None:
            library = mediaserver.read_media_server(server.url, timeout=60)
            assert sum(len(s.episodes) for s in library) == 2000, library[0].problems

        checked_values, bare_values = [], []
        real = requester.check_hop
        for _ in range(runs):  # interleaved, so both see the same machine load
            checked_values.append(_timed(listing, 1))
            requester.check_hop = _pass_through  # type: ignore[assignment]
            try:
                bare_values.append(_timed(listing, 1))
            finally:
                requester.check_hop = real
        requests = len(server.browsed) // (2 * runs) + 2
    checked, bare = median(checked_values), median(bare_values)
    print_table(f"media server listing, 2,000 episodes (~{requests} requests)", [
        ("every request checked by check_hop", f"{checked:.3f} s", f"{bare:.3f} s",
         f"{checked / bare:.2f}×"),
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cast_figures(max(3, args.runs * 5))
    media_server_figures(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
