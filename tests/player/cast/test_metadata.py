"""What a cast says about itself: DIDL-Lite titles, device names, UPnP times (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from player.cast.metadata import (
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    device_of,
    title_from_metadata,
)
from player.cast.timecode import format_time, parse_time

DIDL = ('<DIDL-Lite xmlns="urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:upnp="urn:schemas-upnp-org:metadata-1-0/upnp/">'
        '<item id="0" parentID="-1" restricted="1"><dc:title>{}</dc:title>'
        '<upnp:class>object.item.videoItem.movie</upnp:class></item></DIDL-Lite>')


def test_the_title_comes_from_the_metadata() -> None:
    title = title_from_metadata(DIDL.format("闪婚后 第12集"), "http://x/a.mp4").title
    assert title == "闪婚后 第12集"


def test_without_usable_metadata_the_file_name_is_the_title() -> None:
    cases = {"": None, "NOT_IMPLEMENTED": None, "<DIDL-Lite": "malformed",
             "<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>": "malformed",
             DIDL.format(""): "no_title"}
    for metadata, problem in cases.items():
        title = title_from_metadata(metadata, "http://cdn/v/%E7%AC%AC7%E9%9B%86.mp4?sig=1")
        assert title.title == "第7集" and title.problem == problem


def test_an_entity_bomb_is_refused_quickly() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {c}{i} "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      for i, c in enumerate("bcdefgh")) + ']><l>&h6;</l>')
    assert title_from_metadata(bomb, "http://x/ep.mp4").problem == "malformed"


@given(st.text(max_size=2000))
def test_any_metadata_gives_a_clean_title_or_a_named_problem(metadata: str) -> None:
    result = title_from_metadata(metadata, "http://x/ep.mp4")
    assert 0 < len(result.title) <= MAX_TITLE_CHARS
    assert "\n" not in result.title and "\x00" not in result.title
    assert result.problem in (None, "malformed", "no_title", "too_long")


@given(st.text(max_size=200).map(lambda t: DIDL.format(
    t.replace("&", "&amp;").replace("<", "&lt;"))))
def test_any_title_text_is_shown_cleaned_and_bounded(metadata: str) -> None:
    title = title_from_metadata(metadata, "http://x/ep.mp4").title
    assert 0 < len(title) <= MAX_TITLE_CHARS
    assert all(ord(c) >= 0x20 for c in title)


def test_the_device_name_comes_from_what_the_phone_sends() -> None:
    named = device_of("192.168.1.23", {"FriendlyName.DLNA.ORG": "小明的手机"})
    assert named.name == "小明的手机" and named.key == "小明的手机（192.168.1.23）"
    sony = device_of("192.168.1.5", {"X-AV-Client-Info": 'av=5.0; cn="Xiaomi"; mn="小米13"'})
    assert sony.name == "Xiaomi"
    anonymous = device_of("192.168.1.9", {"User-Agent": "Dalvik/2.1.0 (Linux; Android 13)"})
    assert anonymous.name == "" and anonymous.key == "Dalvik/2.1.0（192.168.1.9）"
    assert device_of("10.0.0.2", {}).key != device_of("10.0.0.3", {}).key


@given(st.text(max_size=300), st.dictionaries(
    st.sampled_from(["User-Agent", "FriendlyName.DLNA.ORG", "X-AV-Client-Info", "Other"]),
    st.text(max_size=300)))
def test_any_headers_give_a_bounded_single_line_device(address: str,
                                                       headers: dict[str, str]) -> None:
    device = device_of(address, headers)
    assert len(device.name) <= MAX_NAME_CHARS
    assert device.key and "\n" not in device.key and len(device.key) < 120


def test_upnp_times() -> None:
    assert parse_time("0:00:08") == 8000
    assert parse_time("01:02:03.5") == 3723500
    assert parse_time("0:00:01.1/4") == 1250
    for bad in ("", "8", "0:60:00", "a:b:c", "0:00:01.5/0", "0:00:01.5/3", "-1:00:00"):
        assert parse_time(bad) is None
    assert format_time(3723500) == "1:02:03"


@given(st.text(max_size=64))
def test_any_seek_target_is_a_time_or_refused(text: str) -> None:
    ms = parse_time(text)
    assert ms is None or ms >= 0


@given(st.integers(min_value=0, max_value=99 * 3600 * 1000))
def test_times_survive_a_round_trip_to_the_second(ms: int) -> None:
    assert parse_time(format_time(ms)) == ms // 1000 * 1000


def test_a_playing_position_moves_with_the_clock_but_not_past_a_stall() -> None:
    import time

    from player.cast.bridge import MAX_EXTRAPOLATION_S, Snapshot

    now = time.monotonic()
    fresh = Snapshot(transport_state="PLAYING", position_ms=5000, duration_ms=60000,
                     measured_at=now - 0.5)
    assert 5400 <= fresh.position_now() <= 5000 + MAX_EXTRAPOLATION_S * 1000
    stalled = Snapshot(transport_state="PLAYING", position_ms=5000, duration_ms=60000,
                       measured_at=now - 30)
    assert stalled.position_now() == 5000 + MAX_EXTRAPOLATION_S * 1000
    paused = Snapshot(transport_state="PAUSED_PLAYBACK", position_ms=5000, measured_at=now - 30)
    assert paused.position_now() == 5000
    near_end = Snapshot(transport_state="PLAYING", position_ms=59900, duration_ms=60000,
                        measured_at=now - 0.9)
    assert near_end.position_now() == 60000
