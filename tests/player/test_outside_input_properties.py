"""Property-based tests for every parser of outside input in the app: settings files and
imports, playlists, manifests, subtitles, the relay's HLS rewriting, the stored PIN hash.

Each either gives a valid result or a clear problem, never an exception, and its output is
bounded (episodes, problems, cues and their text are capped), whatever the input. Inputs mix
structure the parsers look for with junk, so the interesting paths are reached. No example
touches the network: lists are parsed as from the home network (no name lookups).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accessibility.subtitles.errors import SubtitleError
from accessibility.subtitles.loader import MAX_CUE_CHARS, MAX_CUES, load_subtitle_bytes
from player.config.declaration import OPTIONS, OPTIONS_BY_KEY, Kind, defaults
from player.config.pin import is_pin_hash, verify_pin
from player.config.store import FILE_FORMAT, Settings, parse_document
from player.library.manifest import parse_manifest
from player.library.model import Episode
from player.library.playlist import parse_playlist
from player.library.problems import MAX_EPISODES_PER_SOURCE
from player.locations import is_remote
from player.safeio import BadJson, load_json

SOME = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow,
                                                        HealthCheck.function_scoped_fixture])

_json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                       st.floats(allow_nan=True, allow_infinity=True))
_json_value = st.recursive(_json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)
_setting_key = st.one_of(st.sampled_from([o.key for o in OPTIONS]), st.text(max_size=12))


def _raw_json(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


@SOME
@given(st.dictionaries(_setting_key, _json_value, max_size=8), _json_value)
def test_any_settings_values_are_kept_or_reported(values: dict[str, object],
                                                  version: object) -> None:
    document = {"format": FILE_FORMAT, "version": version, "values": values}
    parsed = parse_document(document)
    for key, value in parsed.values.items():
        option = OPTIONS_BY_KEY[key]
        if option.kind in (Kind.INT, Kind.FLOAT):
            assert math.isfinite(value)
            assert option.minimum is None or value >= option.minimum
            assert option.maximum is None or value <= option.maximum
    reported = {p.key for p in parsed.problems if p.key is not None}
    assert set(values) <= set(parsed.values) | reported


@SOME
@given(st.one_of(_json_value.map(_raw_json), st.binary(max_size=300),
                 st.text(alphabet="[]{}\":,0123456789.eNaInfity -tru", max_size=200)
                 .map(str.encode)))
def test_any_settings_file_loads_to_valid_settings(tmp_path_factory: object,
                                                   raw: bytes) -> None:
    folder = tmp_path_factory.mktemp("s")  # type: ignore[attr-defined]
    path = Path(folder) / "settings.json"
    path.write_bytes(_wrap(raw))
    loaded = Settings(path)
    for key, value in loaded.values().items():
        option = OPTIONS_BY_KEY[key]
        if option.kind in (Kind.INT, Kind.FLOAT):
            assert math.isfinite(value)
    if loaded.values() != defaults():
        assert loaded.problems == [] or loaded.backup_path is not None


def _wrap(raw: bytes) -> bytes:
    return b'{"format": "silverreel-settings", "version": 1, "values": ' + raw + b"}"


@SOME
@given(st.binary(max_size=400))
def test_load_json_returns_a_document_or_bad_json(raw: bytes) -> None:
    try:
        document = load_json(raw)
    except BadJson:
        return
    json.dumps(document, allow_nan=False)  # nothing non-finite got through


@SOME
@given(st.text(max_size=300))
def test_a_stored_pin_hash_is_either_ours_or_never_matches(stored: str) -> None:
    if not is_pin_hash(stored):
        assert not verify_pin("2580", stored)


_m3u_line = st.one_of(
    st.sampled_from(["#EXTM3U", "#EXTINF:-1,第1集", "#EXTINF:abc", "#EXTINF:5 tvg-name=\"a,b\",剧",
                     "#PLAYLIST:短剧", "#EXTIMG:cover.jpg", "#EXT-X-TARGETDURATION:4", "",
                     "ep1.mp4", "https://cdn.example/a.mp4", "file:///etc/passwd",
                     "C:\\剧\\1.mp4", "smb://nas/x.mp4", "http://[::1", "vlc://quit",
                     "../../etc/shadow", "~/x.mp4", "\x00\x01"]),
    st.text(max_size=40))


@SOME
@given(st.lists(_m3u_line, max_size=40), st.sampled_from(
    ["https://list.example/lists/a.m3u", "http://192.168.1.2/a.m3u"]))
def test_any_remote_playlist_gives_episodes_or_problems(lines: list[str], base: str) -> None:
    series = parse_playlist("\n".join(lines), source=base, base=base)
    assert len(series.episodes) <= MAX_EPISODES_PER_SOURCE
    assert len(series.problems) <= 202
    assert series.episodes or series.problems
    for episode in series.episodes:
        assert isinstance(episode, Episode)
        assert is_remote(episode.location)  # a fetched list never names a local file
    if series.cover is not None:
        assert is_remote(series.cover)


_manifest_url = st.one_of(st.sampled_from(["ep1.mp4", "https://cdn.example/2.mp4",
                                            "file:///etc/passwd", "/abs.mp4", "C:\\a.mp4"]),
                          st.text(max_size=20))
_manifest_episode = st.one_of(
    _manifest_url,
    st.fixed_dictionaries({"url": _manifest_url},
                          optional={"title": _json_value, "subtitle": _manifest_url}),
    _json_value)


@SOME
@given(st.one_of(
    st.fixed_dictionaries({"episodes": st.lists(_manifest_episode, max_size=12)},
                          optional={"version": _json_value, "title": _json_value,
                                    "cover": _manifest_url}).map(json.dumps),
    _json_value.map(lambda v: json.dumps(v, allow_nan=True)),
    st.text(max_size=200)))
def test_any_remote_manifest_gives_episodes_or_problems(text: str) -> None:
    base = "https://list.example/series.json"
    series = parse_manifest(text, source=base, base=base)
    assert series.episodes or series.problems
    assert all(is_remote(e.location) for e in series.episodes)
    assert all(e.subtitle is None or is_remote(e.subtitle) for e in series.episodes)


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


_cue_text = st.one_of(st.text(max_size=60), st.sampled_from(
    ["<rt>" * 50, "<ruby>字<rt>zi</rt></ruby>", "{\\an8}台词", "{\\p1}m 0 0 l 1 1{\\p0}字",
     "<i>斜</i>", "&amp;&lt;", "\\N换行"]))


@SOME
@given(st.lists(st.tuples(st.integers(-5_000, 10_000_000), st.integers(-5_000, 10_000_000),
                          _cue_text), max_size=25),
       st.sampled_from(["utf-8", "gbk", "big5", "utf-16"]), st.sampled_from(["srt", "ass"]))
def test_any_subtitle_file_gives_cues_or_a_subtitle_error(
        cues: list[tuple[int, int, str]], codec: str, kind: str) -> None:
    if kind == "srt":
        text = "\n".join(f"{n + 1}\n{_ts(abs(a))} --> {_ts(abs(b))}\n{t}\n"
                         for n, (a, b, t) in enumerate(cues))
    else:
        text = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, "
                "Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" + "".join(
                    f"Dialogue: 0,0:00:{abs(a) % 60:02d}.00,0:01:{abs(b) % 60:02d}.00,"
                    f"Default,,0,0,0,,{t}\n" for a, b, t in cues))
    data = text.encode(codec, errors="ignore")
    try:
        track = load_subtitle_bytes(data, f"x.{kind}")
    except SubtitleError as error:
        problem = error.code
    else:
        problem = ""
        assert 0 < len(track.cues) <= MAX_CUES
        for cue in track.cues:
            assert 0 <= cue.start_ms < cue.end_ms and 0 < len(cue.text) <= MAX_CUE_CHARS
    assert problem in ("", "format", "empty", "encoding", "too_large")


@SOME
@given(st.binary(max_size=600))
def test_any_bytes_as_subtitles_give_cues_or_a_subtitle_error(data: bytes) -> None:
    try:
        track = load_subtitle_bytes(data, "x.srt")
    except SubtitleError:
        return
    assert len(track.cues) <= MAX_CUES


@SOME
@given(st.lists(st.one_of(st.sampled_from(
    ["#EXTM3U", "#EXT-X-KEY:METHOD=AES-128,URI=\"file:///k\"", "seg.ts", "file:///x",
     "#EXT-X-MAP:URI=\"init.mp4\"", "https://cdn.example/a.ts", "http://[::1", "vlc://x"]),
    st.text(max_size=30)), max_size=20))
def test_rewritten_hls_names_only_the_relay(lines: list[str]) -> None:
    from player.net.relay import MediaRelay, rewrite_hls

    relay = _relay()
    out = rewrite_hls("\n".join(lines), "https://cdn.example/show/index.m3u8", True, relay)
    prefix = f"http://127.0.0.1:{relay.port}/m/"
    for line in out.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            assert stripped.startswith(prefix)
    assert isinstance(relay, MediaRelay)


_relays: list[object] = []


def _relay():  # type: ignore[no-untyped-def]
    from player.net.relay import MediaRelay

    if not _relays:
        _relays.append(MediaRelay())
    return _relays[0]


@SOME
@given(st.one_of(st.dictionaries(_setting_key, _json_value, max_size=6).map(
    lambda values: json.dumps({"format": FILE_FORMAT, "version": 1, "values": values},
                              allow_nan=True).encode()),
    st.binary(max_size=300)))
def test_any_import_changes_only_valid_values_or_nothing(tmp_path_factory: object,
                                                         raw: bytes) -> None:
    from player.config.transfer import import_settings

    folder = Path(tmp_path_factory.mktemp("i"))  # type: ignore[attr-defined]
    settings = Settings(folder / "cfg" / "settings.json")
    before = settings.values()
    source = folder / "import.json"
    source.write_bytes(raw)
    report = import_settings(settings, source)
    after = settings.values()
    changed = {key for key in after if after[key] != before[key]}
    assert changed <= set(report.applied)
    assert report.applied or report.problems
    for key in changed:
        option = OPTIONS_BY_KEY[key]
        if option.kind in (Kind.INT, Kind.FLOAT):
            assert math.isfinite(after[key])
