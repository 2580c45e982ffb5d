"""Whatever a phone sends in a SOAP call gets an answer or a clear UPnP error, and the server
keeps answering (hypothesis, against the real server, HTTP only: no multicast)."""

from __future__ import annotations

import http.client
import urllib.parse
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from player.cast.bridge import CastBridge
from player.cast.server import CastServer
from player.cast.vetting import Refusal, Verdict

ACTIONS = ["SetAVTransportURI", "Play", "Pause", "Stop", "Seek", "GetTransportInfo",
           "GetPositionInfo", "GetMediaInfo", "Bogus"]
ARGUMENTS = ["InstanceID", "CurrentURI", "CurrentURIMetaData", "Speed", "Unit", "Target",
             "Other"]


ASKED: list[tuple[str, str]] = []  # (address, caller) each vetting was asked about


def _refuse_all(uri: str, *, caller: str = "") -> Verdict:
    ASKED.append((uri, caller))
    return Verdict(uri, Refusal.UNREACHABLE, "no network in this test")


@pytest.fixture(scope="module")
def control() -> Iterator[tuple[str, int, CastBridge]]:
    bridge = CastBridge()
    server = CastServer(bridge, "长辈剧场 (test)", "uuid:0", address="127.0.0.1",
                        vet=_refuse_all, ssdp=False)
    assert server.start(), server.problem
    assert server.description_url is not None
    parts = urllib.parse.urlsplit(server.description_url)
    try:
        yield parts.hostname or "", parts.port or 0, bridge
    finally:
        server.stop()


def _post(host: str, port: int, body: bytes, action: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(host, port, timeout=15)
    try:
        connection.request("POST", "/upnp/control/AVTransport", body=body, headers={
            "Content-Type": 'text/xml; charset="utf-8"',
            "SOAPAction": f'"urn:schemas-upnp-org:service:AVTransport:1#{action}"'})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _envelope(action: str, arguments: dict[str, str]) -> bytes:
    from xml.sax.saxutils import escape

    inner = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in arguments.items())
    return ('<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/'
            'envelope/"><s:Body><u:' + action + ' xmlns:u="urn:schemas-upnp-org:service:'
            'AVTransport:1">' + inner + "</u:" + action + "></s:Body></s:Envelope>").encode()


def _still_answers(host: str, port: int) -> None:
    status, body = _post(host, port, _envelope("GetTransportInfo", {"InstanceID": "0"}),
                         "GetTransportInfo")
    assert status == 200 and "<CurrentTransportState>" in body


_XMLISH = st.text(alphabet=st.sampled_from(list("<>/=\"' &;:!?[]-xsuBodyEnvelope0")),
                  max_size=400)
_safe_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.binary(max_size=600), _XMLISH.map(str.encode)),
       action=st.sampled_from(ACTIONS))
def test_garbage_bodies_get_a_clear_answer(control: tuple[str, int, CastBridge], body: bytes,
                                           action: str) -> None:
    host, port, _bridge = control
    status, reply = _post(host, port, body, action)
    assert status in (400, 500)
    if status == 500:
        assert "<errorCode>" in reply
    _still_answers(host, port)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=st.sampled_from(ACTIONS),
       arguments=st.dictionaries(st.sampled_from(ARGUMENTS), _safe_text, max_size=4))
def test_well_formed_calls_with_any_arguments_are_answered_or_refused_clearly(
        control: tuple[str, int, CastBridge], action: str, arguments: dict[str, str]) -> None:
    host, port, bridge = control
    status, reply = _post(host, port, _envelope(action, arguments), action)
    assert status in (200, 400, 500)
    if status == 500:
        assert "<errorCode>" in reply
    if action == "SetAVTransportURI":
        assert status != 200  # every address is refused here: nothing may be queued to play
    _still_answers(host, port)
    while (command := bridge.take()) is not None:
        assert command.kind != "set_uri"


def test_a_body_larger_than_the_limit_is_refused_from_its_length(
        control: tuple[str, int, CastBridge]) -> None:
    host, port, _bridge = control
    status, _reply = _post(host, port, b"<" * (10 * 1024 * 1024), "Play")
    assert status == 413
    _still_answers(host, port)


def test_the_vetting_is_told_which_address_the_cast_came_from(
        control: tuple[str, int, CastBridge]) -> None:
    """The cast's policy depends on who sent it (only this computer may name its loopback),
    so the SOAP handler passes the requesting address on."""
    host, port, _bridge = control
    uri = "http://127.0.0.1:9/who-asked.mp4"
    status, body = _post(host, port, _envelope("SetAVTransportURI", {
        "InstanceID": "0", "CurrentURI": uri, "CurrentURIMetaData": ""}), "SetAVTransportURI")
    assert status == 500 and "<errorCode>716</errorCode>" in body
    assert (uri, "127.0.0.1") in ASKED


def _rendering(host: str, port: int, action: str, arguments: dict[str, str]) -> tuple[int, str]:
    service = "urn:schemas-upnp-org:service:RenderingControl:1"
    body = _envelope(action, arguments).replace(
        b"urn:schemas-upnp-org:service:AVTransport:1", service.encode())
    connection = http.client.HTTPConnection(host, port, timeout=15)
    try:
        connection.request("POST", "/upnp/control/RenderingControl", body=body, headers={
            "Content-Type": 'text/xml; charset="utf-8"', "SOAPAction": f'"{service}#{action}"'})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


@pytest.mark.parametrize(("action", "given", "left_out"), [
    ("SetAVTransportURI", {"CurrentURI": "http://192.0.2.7/left-out.mp4"},
     {"InstanceID": "0", "CurrentURIMetaData": ""}),
    ("Play", {}, {"InstanceID": "0", "Speed": "1"}),
    ("GetTransportInfo", {}, {"InstanceID": "0"}),
    ("GetPositionInfo", {}, {"InstanceID": "0"}),
    ("GetMediaInfo", {}, {"InstanceID": "0"}),
    ("GetVolume", {}, {"InstanceID": "0", "Channel": "Master"}),
    ("GetMute", {}, {"InstanceID": "0", "Channel": "Master"}),
])
def test_a_phone_that_leaves_out_the_arguments_everyone_sends_the_same_gets_the_same_answer(
        control: tuple[str, int, CastBridge], action: str, given: dict[str, str],
        left_out: dict[str, str]) -> None:
    """Some phone apps leave out InstanceID, Channel, an empty CurrentURIMetaData or Speed;
    the call is answered as if they had sent the values every other phone sends (the cast is
    vetted, the state read), not refused as a bad request."""
    host, port, _bridge = control
    if action in ("GetVolume", "GetMute"):
        def call(arguments: dict[str, str]) -> tuple[int, str]:
            return _rendering(host, port, action, arguments)
    else:
        def call(arguments: dict[str, str]) -> tuple[int, str]:
            return _post(host, port, _envelope(action, arguments), action)
    asked = len(ASKED)
    full = call({**left_out, **given})
    short = call(given)
    assert short == full
    assert full[0] in (200, 500) and "<s:Envelope" in full[1]  # an answer or a UPnP error
    if action == "SetAVTransportURI":
        assert [uri for uri, _caller in ASKED[asked:]] == [given["CurrentURI"]] * 2
    _still_answers(host, port)
