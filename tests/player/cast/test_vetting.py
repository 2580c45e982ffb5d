"""Cast addresses: http(s) only at every hop, checked against a real server on 127.0.0.1;
a public address (127.0.0.2 named public) never leads into the home network."""

from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.cast.copy import fetch_copy
from player.cast.vetting import Refusal, vet_cast_uri
from player.net.addresses import NetworkPolicy
from tests.hostile import Answer, HostileServer, hostile_server
from tests.player.cast.helpers import episode_server

PUBLIC = NetworkPolicy(frozenset({"127.0.0.2"}))  # 127.0.0.2 plays a server on the internet
HERE = "127.0.0.1"  # a cast sent from this computer (the tests' control point)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    (tmp_path / "episode.mp4").write_bytes(b"\x00" * 1024)
    with episode_server(tmp_path) as server:
        yield server


@pytest.mark.parametrize("uri", [
    "file:///etc/passwd", "/etc/passwd", "FILE:///etc/passwd", "smb://nas/share/a.mp4",
    "rtsp://127.0.0.1/a", "ftp://127.0.0.1/a.mp4", "C:\\Users\\a.mp4", "javascript:alert(1)",
    "dvb://0", "vlc://quit", "screen://", "v4l2:///dev/video0",
])
def test_anything_but_http_is_refused_without_a_request(uri: str) -> None:
    verdict = vet_cast_uri(uri, caller=HERE)
    assert verdict.refusal is Refusal.NOT_HTTP and not verdict.allowed


@pytest.mark.parametrize("uri", ["", "http://", "http:///a.mp4", "http://a b/c.mp4",
                                 "http://127.0.0.1:abc/", "http://x/\x00", "http://" + "a" * 9000])
def test_malformed_addresses_are_refused(uri: str) -> None:
    assert vet_cast_uri(uri, caller=HERE).refusal is Refusal.MALFORMED


def test_redirects_are_followed_to_the_last_http_hop(served: tuple[str, list[str]]) -> None:
    base, requested = served
    verdict = vet_cast_uri(f"{base}/hop1", caller=HERE)
    assert verdict.allowed and verdict.location == f"{base}/episode.mp4"
    assert requested == ["/hop1", "/hop2", "/episode.mp4"]


@pytest.mark.parametrize(("path", "refusal"), [
    ("/to-passwd", Refusal.REDIRECT_NOT_HTTP), ("/to-smb", Refusal.REDIRECT_NOT_HTTP),
    ("/loop", Refusal.TOO_MANY_REDIRECTS), ("/nothing-here.mp4", Refusal.NOT_FOUND),
])
def test_bad_hops_are_refused(served: tuple[str, list[str]], path: str,
                              refusal: Refusal) -> None:
    base, _requested = served
    verdict = vet_cast_uri(f"{base}{path}", caller=HERE)
    assert verdict.refusal is refusal


def test_a_server_that_never_answers_is_refused_within_the_deadline() -> None:
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        port = silent.getsockname()[1]
        verdict = vet_cast_uri(f"http://127.0.0.1:{port}/a.mp4", deadline_s=1.0, caller=HERE)
        assert verdict.refusal is Refusal.UNREACHABLE
    finally:
        silent.close()


def test_a_server_that_refuses_head_is_asked_with_a_small_get(tmp_path: Path) -> None:
    class NoHead(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response(405)
            self.end_headers()

        def do_GET(self) -> None:
            assert self.headers["Range"] == "bytes=0-0"
            self.send_response(206)
            self.send_header("Content-Length", "1")
            self.end_headers()
            self.wfile.write(b"\x00")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NoHead)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        uri = f"http://127.0.0.1:{server.server_address[1]}/signed.mp4?sig=abc"
        assert vet_cast_uri(uri, caller=HERE).allowed
    finally:
        server.shutdown()
        server.server_close()


def test_a_phone_casting_its_own_home_network_file_plays(tmp_path: Path) -> None:
    """The cast starts as a home-network chain: a LAN address (and a LAN redirect) is fine."""
    (tmp_path / "ep.mp4").write_bytes(b"\x01" * 4096)
    with hostile_server("127.0.0.1") as phone:
        phone.add("/ep.mp4", file=tmp_path / "ep.mp4")
        phone.redirect("/share/ep", "/ep.mp4")
        verdict = vet_cast_uri(phone.url("/share/ep"), policy=PUBLIC, caller=HERE)
        assert verdict.allowed and verdict.location == phone.url("/ep.mp4")


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_public_cast_address_may_not_redirect_into_the_home_network(
        tmp_path: Path, status: int) -> None:
    (tmp_path / "ep.mp4").write_bytes(b"\x01" * 4096)
    with hostile_server("127.0.0.1") as home, hostile_server("127.0.0.2") as cdn:
        home.add("/router-admin.mp4", file=tmp_path / "ep.mp4")
        cdn.redirect("/ep.mp4", home.url("/router-admin.mp4"), status=status)
        cdn.redirect("/via-hop", cdn.url("/ep.mp4"))
        for start in ("/ep.mp4", "/via-hop"):
            verdict = vet_cast_uri(cdn.url(start), policy=PUBLIC, caller=HERE)
            assert verdict.refusal is Refusal.REDIRECT_PRIVATE, verdict
            assert verdict.location == home.url("/router-admin.mp4")
        assert home.requests == []  # the home server was never asked


def test_a_public_cast_address_may_redirect_to_another_public_one(tmp_path: Path) -> None:
    (tmp_path / "ep.mp4").write_bytes(b"\x01" * 4096)
    with hostile_server("127.0.0.2") as cdn:
        cdn.add("/real/ep.mp4", file=tmp_path / "ep.mp4")
        cdn.redirect("/short", "/real/ep.mp4", status=307)
        verdict = vet_cast_uri(cdn.url("/short"), policy=PUBLIC, caller=HERE)
        assert verdict.allowed and verdict.location == cdn.url("/real/ep.mp4")


def test_a_server_that_trickles_its_headers_is_cut_off_at_the_deadline() -> None:
    with hostile_server("127.0.0.1") as slow:
        slow.routes["/ep.mp4"] = Answer(behaviour="trickle_headers")
        verdict = vet_cast_uri(slow.url("/ep.mp4"), deadline_s=1.0, caller=HERE)
        assert verdict.refusal is Refusal.UNREACHABLE


def test_a_name_that_does_not_resolve_is_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    # No DNS query may leave this machine in a test: the resolver's answer is played here.
    import socket

    from player.net import addresses

    def no_such_name(*_args: object, **_kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", no_such_name)
    verdict = vet_cast_uri("http://no-such-host.invalid/a.mp4", deadline_s=2.0, caller=HERE)
    assert verdict.refusal is Refusal.UNREACHABLE


@pytest.mark.parametrize("address", [
    "http://127.0.0.1:631/", "http://127.8.9.10/ep.mp4", "http://[::1]:8080/ep.mp4",
    "http://0.0.0.0:18201/rootDesc.xml", "http://[::ffff:127.0.0.1]/ep.mp4",
])
@pytest.mark.parametrize("caller", ["192.168.1.23", "fe80::1%wlan0", "", "not an address"])
def test_another_device_may_not_cast_this_computers_own_services(address: str,
                                                                 caller: str) -> None:
    verdict = vet_cast_uri(address, caller=caller)
    assert verdict.refusal is Refusal.THIS_COMPUTER, verdict


def test_another_device_may_not_be_redirected_to_this_computer(tmp_path: Path) -> None:
    (tmp_path / "ep.mp4").write_bytes(b"\x01" * 4096)
    with hostile_server("127.0.0.1") as here, hostile_server("127.0.0.2") as phone:
        here.add("/admin", file=tmp_path / "ep.mp4")
        phone.redirect("/ep.mp4", here.url("/admin"))
        phone.add("/own.mp4", file=tmp_path / "ep.mp4")
        # 127.0.0.2 plays the phone's own server (named public, so it is not this computer)
        verdict = vet_cast_uri(phone.url("/ep.mp4"), caller="192.168.1.23", policy=PUBLIC)
        assert verdict.refusal is Refusal.THIS_COMPUTER, verdict
        assert here.requests == []
        assert vet_cast_uri(phone.url("/own.mp4"), caller="192.168.1.23",
                            policy=PUBLIC).allowed
        # Cast from this computer itself, a public address leading here is still refused,
        # by the public-chain rule.
        assert vet_cast_uri(phone.url("/ep.mp4"), caller=HERE, policy=PUBLIC).refusal \
            is Refusal.REDIRECT_PRIVATE
        assert here.requests == []


def test_the_analysis_copy_is_fetched_through_the_guard(tmp_path: Path) -> None:
    data = bytes(range(256)) * 300
    (tmp_path / "ep.mp4").write_bytes(data)
    target = tmp_path / "copies" / "ep.video"
    with hostile_server("127.0.0.1") as phone:
        phone.add("/ep.mp4", file=tmp_path / "ep.mp4")
        phone.redirect("/moved.mp4", "/ep.mp4")
        phone.redirect("/to-file.mp4", "file:///etc/passwd")
        assert fetch_copy(phone.url("/ep.mp4"), target) is None
        assert target.read_bytes() == data
        target.unlink()
        # The copy follows no redirect at all (the cast's address is its last hop).
        assert fetch_copy(phone.url("/moved.mp4"), target) == "a redirect"
        assert fetch_copy(phone.url("/to-file.mp4"), target) == "a redirect"
        assert fetch_copy("file:///etc/passwd", target) == "refused (not_http)"
        assert not target.exists() and not target.with_suffix(".part").exists()
    with hostile_server("127.0.0.1") as home, hostile_server("127.0.0.2") as cdn:
        home.add("/ep.mp4", file=tmp_path / "ep.mp4")
        cdn.redirect("/ep.mp4", home.url("/ep.mp4"))
        assert fetch_copy(cdn.url("/ep.mp4"), target, policy=PUBLIC) == "a redirect"
        assert home.requests == []


# --- properties: whatever a phone sends, and wherever a server redirects --------------------


_NOT_HTTP = st.sampled_from(["file:", "FILE://", "smb://", "ftp://", "rtsp://", "vlc://",
                             "javascript:", "data:", "dvb://", "", "/", "C:\\", "~/", "\\\\"])


@given(prefix=_NOT_HTTP, tail=st.text(max_size=60))
def test_any_address_that_is_not_http_is_refused_before_any_request(prefix: str,
                                                                   tail: str) -> None:
    verdict = vet_cast_uri(prefix + tail, caller=HERE)
    if not (prefix + tail).strip().casefold().startswith(("http:", "https:")):
        assert verdict.refusal in (Refusal.NOT_HTTP, Refusal.MALFORMED)


@pytest.fixture(scope="module")
def redirecting() -> Iterator[HostileServer]:
    with hostile_server("127.0.0.1") as server:
        yield server


_PATH = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\"),
                max_size=30).map(lambda t: "/" + urllib.parse.quote(t))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.one_of(_NOT_HTTP.map(lambda p: p + "etc/passwd"),
                        _PATH, _PATH.map(lambda p: "http://127.0.0.1:9" + p)),
       status=st.sampled_from([301, 302, 303, 307, 308]))
def test_any_redirect_a_server_sends_is_checked(redirecting: HostileServer, target: str,
                                               status: int) -> None:
    """Wherever the hop leads, the verdict is a refusal or an http address on this very
    server chain; never a local file or another scheme."""
    start = redirecting.redirect("/start", target, status=status)
    verdict = vet_cast_uri(start, deadline_s=3.0, caller=HERE)
    leads_to = urllib.parse.urljoin(start, target)
    if verdict.allowed:
        assert verdict.location.startswith("http://127.0.0.1:")
    if urllib.parse.urlsplit(leads_to).scheme not in ("http", "https"):
        assert verdict.refusal in (Refusal.REDIRECT_NOT_HTTP, Refusal.MALFORMED), verdict
