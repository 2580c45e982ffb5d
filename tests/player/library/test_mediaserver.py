"""A media server's ContentDirectory read as series: a real HTTP server on 127.0.0.1 answering
Browse with DIDL-Lite a test chooses (tests/player/library/fake_media_server.py).

The real MiniDLNA is in test_mediaserver_minidlna.py; these cover what a NAS firmware or a
hostile device may send that MiniDLNA never does.
"""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Iterator

import pytest

from player.library import mediaserver
from player.library.mediaserver import browse, discovery
from player.library.mediaserver.requester import MAX_RESPONSE_BYTES, BoundedRequester, GuardRefused
from player.library.model import Series
from player.library.sources import open_source
from tests.player.library.fake_media_server import FakeServer, serving

VIDEO = "http-get:*:video/mp4:DLNA.ORG_PN=AVC_MP4_BL_L31_HD_AAC;DLNA.ORG_OP=01"
SRT = "http-get:*:text/srt:*"


def _by_title(library: list[Series]) -> dict[str, Series]:
    return {s.title: s for s in library if s.episodes}


def _problems(library: list[Series]) -> list[tuple[str, str]]:
    return [(p.code, p.where) for s in library for p in s.problems]


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with serving(FakeServer()) as running:
        yield running


def test_views_of_the_same_video_give_one_episode_each(server: FakeServer) -> None:
    base = "http://127.0.0.1:9/media"
    server.children = {
        "0": [server.container("64", "按文件夹"), server.container("2", "所有视频")],
        "64": [server.container("64$1", "春风又起", "64")],
        "64$1": [server.item(f"64$1${n}", name, (f"{base}/{n}.mp4", VIDEO))
                 for n, name in enumerate(["第十集", "第二集", "第一集"])],
        # the same videos again, once as references, once under other ids
        "2": [server.item("2$0", "第十集", (f"{base}/0.mp4", VIDEO), ref_id="64$1$0"),
              server.item("2$1", "第二集", (f"{base}/1.mp4", VIDEO))],
    }
    library = open_source(server.url)
    found = _by_title(library)
    assert list(found) == ["春风又起"]
    assert [e.title for e in found["春风又起"].episodes] == ["第一集", "第二集", "第十集"]
    assert [e.number for e in found["春风又起"].episodes] == [1, 2, 3]


@pytest.mark.parametrize("seed", [3, 17, 99])
def test_long_folders_are_read_page_by_page_in_natural_order(server: FakeServer,
                                                             seed: int) -> None:
    names = [f"EP{n}" for n in range(1, 24)]
    shuffled = names[:]
    random.Random(seed).shuffle(shuffled)
    server.page_limit = 5
    server.children = {
        "0": [server.container("1", "长剧")],
        "1": [server.item(f"1.{i}", name, (f"http://127.0.0.1:9/{name}.mp4", VIDEO))
              for i, name in enumerate(shuffled)],
    }
    [series] = open_source(server.url)
    assert [e.title for e in series.episodes] == names


def test_subtitles_from_res_caption_info_and_sibling_items(server: FakeServer) -> None:
    base = "http://127.0.0.1:9"
    caption = f'<sec:CaptionInfoEx sec:type="srt">{base}/cap/2.srt</sec:CaptionInfoEx>'
    server.children = {
        "0": [server.container("1", "外婆的夏天",
                               extra=f"<upnp:albumArtURI>{base}/cover.jpg</upnp:albumArtURI>")],
        "1": [
            server.item("a", "第1集", (f"{base}/1.mp4", VIDEO), (f"{base}/1.srt", SRT)),
            server.item("b", "第2集", (f"{base}/2.mp4", VIDEO), extra=caption),
            server.item("c", "第3集", (f"{base}/3.mp4", VIDEO)),
            server.item("d", "第3集.srt", (f"{base}/files/3.srt", "http-get:*:text/plain:*"),
                        upnp_class="object.item.textItem"),
            server.item("e", "第4集", (f"{base}/4.mp4", VIDEO)),
        ],
    }
    [series] = open_source(server.url)
    assert [e.subtitle for e in series.episodes] == [
        f"{base}/1.srt", f"{base}/cap/2.srt", f"{base}/files/3.srt", None]
    assert series.cover == f"{base}/cover.jpg"


@pytest.mark.parametrize("address", [
    "file:///etc/passwd", "/etc/passwd", "smb://nas/share/1.mp4", "ftp://nas/1.mp4",
    "javascript:alert(1)", "C:\\剧\\1.mp4",
])
def test_items_pointing_anywhere_but_http_are_refused_and_named(server: FakeServer,
                                                                address: str) -> None:
    server.children = {
        "0": [server.container("1", "短剧")],
        "1": [server.item("1.1", "第1集", ("http://127.0.0.1:9/1.mp4", VIDEO),
                          ("file:///etc/shadow", SRT)),
              server.item("1.2", "第2集", (address, VIDEO)),
              server.item("1.3", "第3集", ("http://127.0.0.1:9/3.mp4", VIDEO),
                          extra=f"<upnp:albumArtURI>{address}</upnp:albumArtURI>")],
    }
    library = open_source(server.url)
    [series] = [s for s in library if s.episodes]
    assert [(e.title, e.location, e.subtitle) for e in series.episodes] == [
        ("第1集", "http://127.0.0.1:9/1.mp4", None), ("第3集", "http://127.0.0.1:9/3.mp4", None)]
    assert series.cover is None
    refused = [where for code, where in _problems(library) if code == "refused_local"]
    assert any(address in where for where in refused)
    assert any("/etc/shadow" in where for where in refused)


def test_an_oversized_answer_is_a_problem_not_a_hang(server: FakeServer) -> None:
    server.children = {"0": [server.item("1", "第1集", ("http://127.0.0.1:9/1.mp4", VIDEO))]}
    server.browse_padding = MAX_RESPONSE_BYTES + 1
    library = open_source(server.url)
    assert not any(s.episodes for s in library)
    assert library[0].problems and library[0].problems[0].code == "unsupported"


def test_deep_folders_are_read_to_a_bound(server: FakeServer,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browse, "MAX_DEPTH", 3)
    server.children = {str(n): [server.container(str(n + 1), f"层{n + 1}", str(n))]
                       for n in range(0, 30)}
    server.children["2"].append(server.item("v", "第1集", ("http://127.0.0.1:9/v.mp4", VIDEO)))
    server.children["20"].append(server.item("w", "第9集", ("http://127.0.0.1:9/w.mp4", VIDEO)))
    library = open_source(server.url)
    assert [s.title for s in library if s.episodes] == ["层2"]
    assert "too_large" in [code for code, _where in _problems(library)]
    assert len(server.browsed) <= 4 + 1


def test_garbage_instead_of_didl_is_a_problem(server: FakeServer) -> None:
    server.children = {"0": ["<item id='1'><dc:title>unclosed", "&bogus;"]}
    library = open_source(server.url)
    assert not any(s.episodes for s in library)
    assert library[0].problems


def test_a_server_that_never_answers_is_given_up_in_time() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])  # and never answer
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        [series] = mediaserver.read_media_server(f"http://127.0.0.1:{port}/rootDesc.xml",
                                                 timeout=2.0)
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()
    assert series.episodes == ()
    assert series.problems[0].code == "timeout"


def test_nothing_listening_is_unreachable() -> None:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    [series] = mediaserver.read_media_server(f"http://127.0.0.1:{port}/rootDesc.xml")
    assert series.problems[0].code == "unreachable"


def test_inspect_takes_a_description_address_as_a_source() -> None:
    from player.inspect import looks_like_source

    assert looks_like_source("http://192.168.1.20:8200/rootDesc.xml")
    assert looks_like_source("http://nas.local:9000/description.xml")


@pytest.mark.parametrize(("location", "host", "expected"), [
    ("http://0.0.0.0:8200/rootDesc.xml", "192.168.1.20", "http://192.168.1.20:8200/rootDesc.xml"),
    ("http://[::]:8200/rootDesc.xml", "fe80::1", "http://[fe80::1]:8200/rootDesc.xml"),
    ("http://192.168.1.5:8200/rootDesc.xml", "192.168.1.20",
     "http://192.168.1.5:8200/rootDesc.xml"),
    ("http://0.0.0.0:8200/rootDesc.xml", "", "http://0.0.0.0:8200/rootDesc.xml"),
])
def test_an_unspecified_address_in_a_discovery_answer_is_the_answering_host(
        location: str, host: str, expected: str) -> None:
    assert discovery._answering_host(location, host) == expected


def test_a_slow_server_is_listed_up_to_the_time_limit_and_what_was_read_kept(
        server: FakeServer) -> None:
    server.browse_delay_s = 0.4
    server.children = {"0": [server.container(str(n), f"剧{n}") for n in range(1, 16)]}
    for n in range(1, 16):
        server.children[str(n)] = [
            server.item(f"{n}.1", "第1集", (f"http://127.0.0.1:9/{n}.mp4", VIDEO))]
    library = mediaserver.read_media_server(server.url, timeout=2.0)
    listed = [s.title for s in library if s.episodes]
    assert 0 < len(listed) < 15
    assert listed == [f"剧{n}" for n in range(1, len(listed) + 1)]
    assert "timeout" in [code for code, _where in _problems(library)]


# --- the same rules as every other outside request (player.net.guard) ------------------------

PUBLIC = "127.0.0.2"  # named public below: plays a media server on the internet


@pytest.fixture
def public_policy() -> Iterator[None]:
    from player.net.addresses import NetworkPolicy, using_policy

    with using_policy(NetworkPolicy(frozenset({PUBLIC}))):
        yield


@pytest.mark.parametrize("target", ["file:///etc/passwd", "smb://nas/rootDesc.xml",
                                    "http://127.0.0.1:9/elsewhere.xml"])
def test_a_description_address_that_redirects_is_not_followed(target: str) -> None:
    with serving(FakeServer()) as running:
        running.redirects = {"/moved.xml": target}
        moved = running.url.replace("/rootDesc.xml", "/moved.xml")
        library = mediaserver.read_media_server(moved, timeout=5)
    assert not any(s.episodes for s in library)
    assert library[0].problems and library[0].problems[0].code == "unsupported"
    assert running.browsed == []


def test_a_public_server_may_not_send_its_requests_into_the_home_network(
        public_policy: None) -> None:
    with serving(FakeServer(name="家里的NAS")) as home, \
            serving(FakeServer(name="网上的服务器"), host=PUBLIC) as public:
        home.children = {"0": [home.item("1", "第1集", ("http://127.0.0.1:9/1.mp4", VIDEO))]}
        public.control_url = home.url.replace("/rootDesc.xml", "/ctl/cd")
        library = mediaserver.read_media_server(public.url, timeout=5)
        assert not any(s.episodes for s in library)
        # async-upnp-client already skips a control address on another host; the guard
        # (checked on every request, the public chain kept) would refuse it otherwise.
        assert [p.code for p in library[0].problems] in (["unsupported"], ["refused_private"])
        assert home.browsed == []  # the home server was never asked


def test_every_request_of_a_public_server_is_checked_with_the_public_chain(
        public_policy: None) -> None:
    import asyncio

    from async_upnp_client.const import HttpRequest

    requester = BoundedRequester()
    with serving(FakeServer(), host=PUBLIC) as public, serving(FakeServer()) as home:
        answer = asyncio.run(requester.async_http_request(HttpRequest("GET", public.url, {},
                                                                      None)))
        assert answer.status_code == 200 and requester.public_chain
        with pytest.raises(GuardRefused) as refused:
            asyncio.run(requester.async_http_request(HttpRequest("GET", home.url, {}, None)))
        assert refused.value.code == "private"
        with pytest.raises(GuardRefused) as refused:
            asyncio.run(requester.async_http_request(HttpRequest("GET", "file:///etc/passwd",
                                                                 {}, None)))
        assert refused.value.code == "not_http"


def test_a_public_server_listing_home_addresses_has_them_refused(public_policy: None) -> None:
    with serving(FakeServer(name="网上的服务器"), host=PUBLIC) as public:
        here = f"http://{PUBLIC}:9"
        public.children = {"0": [
            public.item("1", "第1集", (f"{here}/1.mp4", VIDEO)),
            public.item("2", "第2集", ("http://127.0.0.1:9/2.mp4", VIDEO)),
            public.item("3", "第3集", (f"{here}/3.mp4", VIDEO), ("http://[::1]:9/3.srt", SRT)),
            public.item("4", "第4集", ("http://192.168.1.20/4.mp4", VIDEO)),
        ]}
        library = mediaserver.read_media_server(public.url, timeout=5)
    [series] = [s for s in library if s.episodes]
    assert [(e.title, e.subtitle) for e in series.episodes] == [("第1集", None), ("第3集", None)]
    refused = [where for code, where in _problems(library) if code == "refused_private"]
    assert len(refused) == 3 and any("第2集" in w for w in refused)


def test_a_home_server_may_name_home_addresses(public_policy: None) -> None:
    with serving(FakeServer()) as home:
        home.children = {"0": [home.item("1", "第1集", ("http://192.168.1.20/1.mp4", VIDEO),
                                         ("http://127.0.0.1:9/1.srt", SRT))]}
        library = mediaserver.read_media_server(home.url, timeout=5)
    [series] = [s for s in library if s.episodes]
    assert series.episodes[0].location == "http://192.168.1.20/1.mp4"
    assert series.episodes[0].subtitle == "http://127.0.0.1:9/1.srt"
    assert not library[0].problems


@pytest.mark.parametrize("padding", [300_000, 3_000_000])
def test_a_large_answer_under_the_cap_is_read_whole(server: FakeServer, padding: int) -> None:
    """aiohttp hands over what has arrived, not the bytes asked for: a long Browse answer
    (a big NAS folder) must still be read to its end."""
    server.children = {"0": [server.item("1", "第1集", ("http://127.0.0.1:9/1.mp4", VIDEO))]}
    server.browse_padding = padding
    library = mediaserver.read_media_server(server.url, timeout=10)
    assert [len(s.episodes) for s in library] == [1] and not library[0].problems
