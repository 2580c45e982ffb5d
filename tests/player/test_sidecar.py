"""The sidecar format (NAME.silverreel.json): what is written is read back exactly, and nothing
a shared folder may hold makes the parser raise or hands the player a malformed result."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accessibility.pacing.measure import ANALYSER_VERSION, PacingMeasurements
from accessibility.pacing.summary import summarise
from player.sidecar import (
    FORMAT,
    MAX_BYTES,
    SCHEMA_VERSION,
    EpisodeIdentity,
    Rejected,
    Sidecar,
    check_identity,
    parse_sidecar,
    read_local_sidecar,
    sidecar_path,
    sidecar_url,
    to_json,
)

times = st.lists(st.floats(0, 3600, allow_nan=False), max_size=40).map(
    lambda values: tuple(sorted(values)))
lufs = st.lists(st.floats(-120, 0, allow_nan=False), max_size=60).map(tuple)
cues = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6),
                          st.text(max_size=30), st.floats(0, 1)), max_size=8).map(tuple)


@st.composite
def measurements(draw: st.DrawFn) -> PacingMeasurements:
    cut_times = draw(times)
    fps = draw(st.floats(1, 120))
    return PacingMeasurements(
        duration_s=draw(st.floats(0, 3600)), fps=fps, frames=draw(st.integers(0, 10**6)),
        cut_frames=tuple(round(t * fps) for t in cut_times), cut_times=cut_times,
        white_flash_cut_times=draw(times), luminance_transition_times=draw(times),
        red_transition_times=draw(times),
        integrated_lufs=draw(st.none() | st.floats(-70, 0)),
        momentary_lufs=draw(lufs), block_lufs=draw(lufs),
        decode_errors=draw(st.integers(0, 200)), picture_cues=draw(cues))


identities = st.builds(EpisodeIdentity, name=st.text(min_size=1, max_size=40),
                       size=st.integers(1, 2**40),
                       fingerprint=st.text("0123456789abcdef-", min_size=1, max_size=64),
                       mtime=st.none() | st.floats(0, 2e9),
                       quick=st.none() | st.text("0123456789abcdef-", min_size=1, max_size=64))


def _bytes(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


@given(measurements(), identities)
def test_what_is_written_is_read_back_exactly(measured: PacingMeasurements,
                                              identity: EpisodeIdentity) -> None:
    parsed = parse_sidecar(_bytes(to_json(Sidecar(identity, measured))))
    assert parsed == Sidecar(identity, measured)


@given(st.binary(max_size=2000))
def test_any_bytes_are_parsed_or_rejected_never_raised(data: bytes) -> None:
    assert isinstance(parse_sidecar(data), Sidecar | Rejected)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=5),
    max_leaves=30)


@given(measurements(), identities, st.data())
def test_a_document_with_any_field_replaced_is_rejected_or_safe_to_use(
        measured: PacingMeasurements, identity: EpisodeIdentity, data: st.DataObject) -> None:
    document = to_json(Sidecar(identity, measured))
    section = data.draw(st.sampled_from(["top", "episode", "measurements"]))
    target = document if section == "top" else document[section]
    key = data.draw(st.sampled_from(sorted(target)) | st.text(max_size=8))
    target[key] = data.draw(json_values)
    parsed = parse_sidecar(_bytes(document))
    assert isinstance(parsed, Sidecar | Rejected)
    if isinstance(parsed, Sidecar):  # whatever is accepted, the player can use
        result = summarise(parsed.measurements)
        assert math.isfinite(result.cuts_per_minute)
        assert all(isinstance(c[2], str) for c in parsed.measurements.picture_cues)


@pytest.mark.parametrize(("data", "reason"), [
    (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    (b'{"format": NaN}', "not JSON"),
    (b'{"format": "silverreel-analysis", "x": ' + b"[" * 70 + b"]" * 70 + b"}", "not JSON"),
    (b'{"format": -Infinity}', "not JSON"),
    (b'{"format": ' + b"9" * 5000 + b"}", "not JSON"),
    (b"\xef\xbb\xbf{}", "not a SilverReel analysis"),  # a BOM is fine, the shape is not
    (b"\xff\xfe{}", "not JSON"),
    (b"{}", "not a SilverReel analysis"),
    (b" " * (MAX_BYTES + 1), "too large"),
])
def test_hostile_documents_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    parsed = parse_sidecar(data)
    assert isinstance(parsed, Rejected) and parsed.reason.startswith(reason)


def _valid() -> dict[str, Any]:
    measured = PacingMeasurements(
        duration_s=10.0, fps=25.0, frames=250, cut_frames=(50,), cut_times=(2.0,),
        white_flash_cut_times=(), luminance_transition_times=(), red_transition_times=(),
        integrated_lufs=-23.0, momentary_lufs=(-23.0,), block_lufs=(-23.0,))
    return to_json(Sidecar(EpisodeIdentity("第1集.mp4", 1000, "1000-ab"), measured))


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: d.update(schema=SCHEMA_VERSION + 1), "unknown schema"),
    (lambda d: d.update(analyser=ANALYSER_VERSION + 1), "other analyser version"),
    (lambda d: d.update(format="something-else"), "not a SilverReel analysis"),
    (lambda d: d["measurements"].update(cut_times=["1.0"]), "measurements.cut_times"),
    (lambda d: d["measurements"].update(cut_times=[1e12]), "measurements.cut_times"),
    (lambda d: d["measurements"].update(duration_s=-1), "measurements.duration_s"),
    (lambda d: d["measurements"].update(frames=True), "measurements.frames"),
    (lambda d: d["measurements"].update(picture_cues=[[0, 1, "x" * 10_000, 0.9]]),
     "measurements.picture_cues"),
    (lambda d: d["measurements"].update(picture_cues=[[0, 1, "好"]]), "measurements.picture_cues"),
    (lambda d: d["measurements"].update(momentary_lufs=[0.0] * 300_000), "measurements.momentary"),
    (lambda d: d["measurements"].update(evil=1), "measurements: unknown field"),
    (lambda d: d["measurements"].pop("cut_times"), "measurements.cut_times missing"),
    (lambda d: d["episode"].update(size=0), "episode.size"),
    (lambda d: d["episode"].update(fingerprint=""), "episode.fingerprint"),
])
def test_each_invalid_field_is_named(change: Any, reason: str) -> None:
    document = _valid()
    change(document)
    parsed = parse_sidecar(_bytes(document))
    assert isinstance(parsed, Rejected)
    assert parsed.reason.startswith(reason), parsed.reason


def test_the_valid_example_is_accepted() -> None:
    assert isinstance(parse_sidecar(_bytes(_valid())), Sidecar)
    assert _valid()["format"] == FORMAT


def test_a_stale_sidecar_is_told_apart() -> None:
    parsed = parse_sidecar(_bytes(_valid()))
    assert isinstance(parsed, Sidecar)
    same = EpisodeIdentity("改了名.mp4", 1000, "1000-ab", mtime=5.0)
    assert check_identity(parsed, same) is None  # renamed or copied: still the same content
    assert check_identity(parsed, EpisodeIdentity("第1集.mp4", 1001, "1001-ab")) == \
        Rejected("stale: size differs")
    assert check_identity(parsed, EpisodeIdentity("第1集.mp4", 1000, "1000-cd")) == \
        Rejected("stale: content differs")
    # Over http only the quick fingerprint is read; a sidecar without one cannot be checked.
    assert check_identity(parsed, EpisodeIdentity("第1集.mp4", 1000, None, quick="1000-q")) == \
        Rejected("cannot be checked against the episode")


def test_names_beside_local_and_http_episodes() -> None:
    assert sidecar_path("/剧/春风又起/第1集.mp4") == Path("/剧/春风又起/第1集.silverreel.json")
    assert sidecar_url("http://nas:8200/剧/第1集.mp4?token=3") == \
        "http://nas:8200/剧/第1集.silverreel.json"
    assert sidecar_url("http://nas:8200/MediaItems/23.mp4") == \
        "http://nas:8200/MediaItems/23.silverreel.json"


def test_what_sits_at_the_sidecar_name_is_read_safely(tmp_path: Path) -> None:
    import os

    episode = tmp_path / "第1集.mp4"
    assert read_local_sidecar(episode) is None  # no sidecar: normal, silent
    os.mkfifo(tmp_path / "第1集.silverreel.json")  # a reader that blocked here would hang
    assert read_local_sidecar(episode) == Rejected("not a regular file")
    os.unlink(tmp_path / "第1集.silverreel.json")
    (tmp_path / "第1集.silverreel.json").mkdir()
    assert read_local_sidecar(episode) == Rejected("not a regular file")
    (tmp_path / "第1集.silverreel.json").rmdir()
    (tmp_path / "第1集.silverreel.json").write_bytes(b"x" * (MAX_BYTES + 10))
    assert read_local_sidecar(episode) == Rejected("too large")


@given(measurements(), identities, st.integers(1, 3000), st.sampled_from(["[", '{"a":']),
       st.sampled_from(["episode", "measurements", "extra"]))
def test_any_nesting_depth_is_parsed_or_rejected_never_raised(
        measured: PacingMeasurements, identity: EpisodeIdentity, depth: int, opener: str,
        field: str) -> None:
    """A valid sidecar with one field nested to any depth (past the JSON depth limit and
    past Python's recursion limit) is parsed or rejected with a reason, never raised: a known
    field of the wrong shape is always rejected; an unknown top-level field is ignored only
    while the document stays within ``safeio.MAX_JSON_DEPTH``."""
    from player.safeio import MAX_JSON_DEPTH

    closer = "]" if opener == "[" else "}"
    document = to_json(Sidecar(identity, measured))
    document[field] = "@@"
    text = _bytes(document).decode().replace('"@@"', opener * depth + "1" + closer * depth)
    parsed = parse_sidecar(text.encode())
    if field == "extra" and depth + 1 <= MAX_JSON_DEPTH:
        assert parsed == Sidecar(identity, measured)
    else:
        assert isinstance(parsed, Rejected) and parsed.reason
