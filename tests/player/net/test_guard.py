"""Every hop checked: http(s) only, the private-network rule, one overall deadline."""

from __future__ import annotations

import ipaddress
import threading
from pathlib import Path

import pytest

from player.library.fetch import fetch
from player.library.model import SourceProblem
from player.library.sources import open_source
from player.net.addresses import NetworkPolicy, Refused, check_hop
from player.net.guard import HARD_DEADLINE_S, open_checked
from tests.hostile import HostileServer


def _problem(result: object) -> SourceProblem:
    assert isinstance(result, SourceProblem), result
    return result


@pytest.mark.parametrize("location", [
    "file:///etc/hostname", "FILE:///etc/passwd", "smb://nas/share/a.mp4", "vlc://quit",
    "ftp://127.0.0.1/x", "data:,x", "//[::1", "javascript:alert(1)",
])
def test_a_redirect_leaves_http_never(home: HostileServer, location: str) -> None:
    start = home.redirect("/list.m3u", location)
    with pytest.raises(Refused) as refused:
        open_checked(start, deadline_s=5)
    assert refused.value.code in ("not_http", "malformed", "bad_address")


def test_a_path_in_a_redirect_means_the_same_server(home: HostileServer) -> None:
    start = home.redirect("/list.m3u", "/etc/hostname")
    with open_checked(start, deadline_s=5) as opened:
        assert opened.url == home.url("/etc/hostname") and opened.status == 404


def test_a_redirect_chain_is_followed_hop_by_hop(home: HostileServer) -> None:
    home.add("/final.m3u", "#EXTM3U\n")
    home.redirect("/b", home.url("/final.m3u"), status=307)
    start = home.redirect("/a", "/b", status=301)
    with open_checked(start, deadline_s=5) as opened:
        assert opened.status == 200 and opened.url.endswith("/final.m3u")
        assert opened.redirects == 2
        assert opened.read_all(1000) == b"#EXTM3U\n"


def test_a_redirect_loop_ends(home: HostileServer) -> None:
    start = home.redirect("/loop", "/loop")
    with pytest.raises(Refused) as refused:
        open_checked(start, deadline_s=5)
    assert refused.value.code == "redirects"


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.10", "169.254.1.1", "100.64.0.1",
    "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:192.168.1.1", "::ffff:127.0.0.1",
    "64:ff9b::c0a8:0101", "2002:c0a8:0101::1", "224.0.0.1", "::",
])
def test_private_forms_count_as_private(address: str) -> None:
    assert NetworkPolicy().is_private(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"])
def test_public_addresses_count_as_public(address: str) -> None:
    assert not NetworkPolicy().is_private(ipaddress.ip_address(address))


def test_the_hop_check_resolves_names_and_checks_the_address() -> None:
    # "localhost" is a name: only the resolved address tells it is this machine.
    with pytest.raises(Refused) as refused:
        check_hop("http://localhost:9/x", public_chain=True)
    assert refused.value.code == "private"
    with pytest.raises(Refused):
        check_hop("http://[::ffff:127.0.0.1]:9/x", public_chain=True)
    hop = check_hop("http://localhost:9/x", public_chain=False)
    assert not hop.public_chain  # a home-network chain stays allowed


def test_a_public_server_may_not_redirect_to_loopback(public: HostileServer,
                                                      home: HostileServer) -> None:
    home.add("/secret.m3u", "#EXTM3U\nsecret.mp4\n")
    start = public.redirect("/list.m3u", home.url("/secret.m3u"))
    assert _problem(fetch(start)).code == "refused_private"
    assert home.requests == []  # the private server was never contacted


def test_a_home_server_may_redirect_within_the_home(home: HostileServer) -> None:
    home.add("/list.m3u", "#EXTM3U\nep1.mp4\n")
    start = home.redirect("/old.m3u", home.url("/list.m3u"))
    fetched = fetch(start)
    assert not isinstance(fetched, SourceProblem) and fetched.data.startswith(b"#EXTM3U")


def test_a_public_list_may_not_send_the_player_home(public: HostileServer,
                                                    home: HostileServer) -> None:
    entries = "\n".join([
        "#EXTM3U",
        "#EXTINF:-1,第1集", public.url("/ep1.mp4"),
        "#EXTINF:-1,路由器", home.url("/admin.mp4"),
        "#EXTINF:-1,本机", "http://localhost:8080/x.mp4",
        "#EXTINF:-1,映射", "http://[::ffff:127.0.0.1]:8080/x.mp4",
        "#EXTINF:-1,第2集", "ep2.mp4",
    ])
    series = open_source(public.add("/list.m3u", entries))[0]
    assert [e.title for e in series.episodes] == ["第1集", "第2集"]
    refused = [p for p in series.problems if p.code == "refused_private"]
    assert len(refused) == 3


def test_a_home_list_may_name_home_addresses(home: HostileServer) -> None:
    entries = f"#EXTM3U\n#EXTINF:-1,A\n{home.url('/a.mp4')}\n#EXTINF:-1,B\nhttp://localhost:1/b.mp4\n"
    series = open_source(home.add("/list.m3u", entries))[0]
    assert [e.title for e in series.episodes] == ["A", "B"]


def test_a_public_manifest_may_not_send_the_player_home(public: HostileServer) -> None:
    manifest = ('{"version": 1, "title": "剧", "episodes": ['
                '{"url": "ep1.mp4", "subtitle": "http://127.0.0.1:1/ep1.srt"},'
                '{"url": "http://10.0.0.8/ep2.mp4"}]}')
    series = open_source(public.add("/series.json", manifest,
                                    headers={"Content-Type": "application/json"}))[0]
    assert len(series.episodes) == 1 and series.episodes[0].subtitle is None
    assert sum(p.code == "refused_private" for p in series.problems) == 2


def test_trickled_headers_end_at_the_deadline(home: HostileServer) -> None:
    start = home.add("/slow.m3u", behaviour="trickle_headers")
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(fetch(start, timeout=1.5)))
    worker.start()
    worker.join(HARD_DEADLINE_S)  # a bound for the test itself, not a timing assertion
    assert not worker.is_alive(), "the request ignored its deadline"
    assert _problem(outcome[0]).code == "timeout"


@pytest.mark.parametrize("method", ["HEAD", "GET"])
def test_headers_cut_off_at_the_deadline_are_not_an_answer(home: HostileServer,
                                                            method: str) -> None:
    """Shutting the socket ends a trickled header block: the guard must not take what
    arrived for a complete answer (a HEAD has no body whose read would notice)."""
    start = home.add("/slow.mp4", behaviour="trickle_headers")
    with pytest.raises(TimeoutError):
        open_checked(start, deadline_s=0.8, method=method).close()


def test_an_endless_body_ends_at_the_deadline(home: HostileServer) -> None:
    start = home.add("/endless.m3u", behaviour="endless_body",
                     headers={"Content-Type": "audio/x-mpegurl"})
    result = fetch(start, timeout=1.0, max_bytes=1 << 30)
    assert _problem(result).code == "timeout"


def test_no_deadline_may_exceed_thirty_seconds(home: HostileServer) -> None:
    start = home.add("/slow.m3u", behaviour="trickle_headers")
    # Asked for an hour, the guard still caps the request (watchdog deadline inspected).
    from player.net import guard

    seen: list[float] = []
    real = guard._Watchdog.__init__

    def spy(self: guard._Watchdog, deadline: float) -> None:
        seen.append(deadline - guard.time.monotonic())
        real(self, min(deadline, guard.time.monotonic() + 0.5))

    guard._Watchdog.__init__ = spy  # type: ignore[method-assign]
    try:
        with pytest.raises(TimeoutError):
            open_checked(start, deadline_s=3600)
    finally:
        guard._Watchdog.__init__ = real  # type: ignore[method-assign]
    assert seen and seen[0] <= HARD_DEADLINE_S


def test_the_library_reports_a_redirect_to_a_local_file(home: HostileServer,
                                                        tmp_path: Path) -> None:
    secret = tmp_path / "secret.m3u"
    secret.write_text("#EXTM3U\n/etc/hostname\n")
    start = home.redirect("/list.m3u", secret.as_uri())
    series = open_source(start)[0]
    assert series.episodes == ()
    assert [p.code for p in series.problems] == ["refused_local"]


def test_inspect_of_a_trickling_server_returns(home: HostileServer) -> None:
    import json
    import os
    import subprocess
    import sys

    url = home.add("/list.m3u", behaviour="trickle_headers")
    result = subprocess.run([sys.executable, "-m", "player.app", "inspect", url, "--json"],
                            capture_output=True, timeout=120, check=False,
                            cwd=Path(__file__).resolve().parents[3],
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    report = json.loads(result.stdout.decode("utf-8"))
    codes = [p["code"] for s in report["series"] for p in s["problems"]]
    assert codes == ["timeout"]


@pytest.mark.parametrize("address", ["127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::",
                                     "::ffff:127.0.0.1", "64:ff9b::7f00:1"])
def test_refuse_this_computer_covers_every_form_of_loopback(address: str) -> None:
    from player.net.addresses import NetworkPolicy, Refused, check_hop

    host = f"[{address}]" if ":" in address else address
    with pytest.raises(Refused) as refused:
        check_hop(f"http://{host}:8080/", public_chain=False,
                  policy=NetworkPolicy(refuse_this_computer=True))
    assert refused.value.code == "this_computer"
    # Without the rule, a home chain may reach it; a name played as public is not "here".
    assert not check_hop(f"http://{host}:8080/", public_chain=False,
                         policy=NetworkPolicy()).public_chain
    assert check_hop("http://127.0.0.2/", public_chain=False,
                     policy=NetworkPolicy(frozenset({"127.0.0.2"}), True)).public_chain
