"""Analysis results kept beside an episode: ``NAME.silverreel.json`` (docs/sidecar.md).

``silverreel analyse SOURCE`` writes one beside each episode it can write to; a player about
to analyse an episode first looks for one and uses it when it belongs to the very same file
(size and sampled-content fingerprint, see ``EpisodeIdentity``). A sidecar is
untrusted input, like any file on a shared NAS: ``parse_sidecar`` checks its size, shape,
every field's type and range, and the analyser version, and returns a ``Rejected`` with a
short reason rather than raising.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import math
import os
import tempfile
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accessibility.pacing.cache import file_fingerprint
from accessibility.pacing.measure import ANALYSER_VERSION, PacingMeasurements
from player.safeio import BadJson, NotARegularFile, load_json, read_regular_file

log = logging.getLogger(__name__)

SUFFIX = ".silverreel.json"
FORMAT = "silverreel-analysis"
SCHEMA_VERSION = 1
# A two-hour film's loudness timeline (10 values a second) stays under 2 MiB; a sidecar for
# a micro-drama is a few dozen KiB. Anything larger is not one of ours.
MAX_BYTES = 4 * 1024 * 1024
MAX_LIST_ITEMS = 200_000
MAX_CUE_TEXT = 500
MAX_DURATION_S = 24 * 3600.0


QUICK_SAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True)
class EpisodeIdentity:
    """Which file a sidecar describes.

    ``fingerprint`` is ``cache.file_fingerprint`` (size + three 1 MiB samples), checked for a
    local file; ``quick`` hashes the size and the first and last 64 KiB, checked for an http(s)
    episode, where reading 3 MiB per episode just to show badges would be too much. Either is
    ``None`` when not known (a remote episode's full fingerprint is never read).
    """

    name: str
    size: int
    fingerprint: str | None
    mtime: float | None = None  # informative: copies keep their content, not their mtime
    quick: str | None = None


def quick_fingerprint(size: int, read_at: Callable[[int, int], bytes]) -> str:
    """``SIZE-HASH`` over the size and the first and last 64 KiB; ``read_at(offset, length)``
    returns the bytes there (fewer at the end)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(size.to_bytes(8, "little"))
    for offset in sorted({0, max(0, size - QUICK_SAMPLE_BYTES)}):
        digest.update(read_at(offset, QUICK_SAMPLE_BYTES))
    return f"{size}-{digest.hexdigest()}"


def file_quick_fingerprint(path: str | Path) -> str:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size

        def read_at(offset: int, length: int) -> bytes:
            handle.seek(offset)
            return handle.read(length)

        return quick_fingerprint(size, read_at)


@dataclass(frozen=True)
class Sidecar:
    episode: EpisodeIdentity
    measurements: PacingMeasurements


@dataclass(frozen=True)
class Rejected:
    reason: str  # short, for the log: "too large", "stale: size differs", …


def sidecar_path(episode: str | Path) -> Path:
    """``/剧/第1集.mp4`` → ``/剧/第1集.silverreel.json``."""
    path = Path(episode)
    return path.with_name(_stem(path.name) + SUFFIX)


def sidecar_url(episode_url: str) -> str:
    """The same rule for an http(s) episode: the last path segment's extension is replaced."""
    base = episode_url.partition("?")[0]
    head, slash, last = base.rpartition("/")
    if not slash or not last:
        return base + SUFFIX
    return f"{head}/{_stem(last)}{SUFFIX}"


def _stem(name: str) -> str:
    base, _ext = os.path.splitext(name)
    return base or name


def to_json(sidecar: Sidecar) -> dict[str, Any]:
    identity = sidecar.episode
    return {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "analyser": sidecar.measurements.analyser_version,
        "episode": {
            "name": identity.name,
            "size": identity.size,
            "fingerprint": identity.fingerprint,
            "quick": identity.quick,
            "mtime": identity.mtime,
        },
        "measurements": sidecar.measurements.to_dict(),
    }


def write_sidecar(episode: str | Path, identity: EpisodeIdentity,
                  measurements: PacingMeasurements) -> Path:
    """Write the sidecar beside ``episode`` atomically; raises ``OSError`` when it cannot."""
    target = sidecar_path(episode)
    text = json.dumps(to_json(Sidecar(identity, measurements)), ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise OSError(f"analysis too large for a sidecar ({len(data)} bytes)")
    handle, temporary = tempfile.mkstemp(prefix=".silverreel-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def read_local_sidecar(episode: str | Path) -> bytes | Rejected | None:
    """The bytes of the sidecar beside a local episode, ``None`` if there is none.

    Read with ``player.safeio.read_regular_file``: opened without blocking, so a FIFO, a
    folder or a device planted at the sidecar's name is refused instead of hanging the
    reader, and never more than ``MAX_BYTES + 1`` bytes are read.
    """
    try:
        data = read_regular_file(sidecar_path(episode), MAX_BYTES)
    except FileNotFoundError:
        return None
    except NotARegularFile:
        return Rejected("not a regular file")
    except OSError as error:
        return Rejected(f"unreadable: {error.strerror or error}")
    if len(data) > MAX_BYTES:
        return Rejected("too large")
    return data


def check_identity(sidecar: Sidecar, actual: EpisodeIdentity) -> Rejected | None:
    """``None`` when the sidecar describes the file ``actual``; otherwise why not."""
    if sidecar.episode.size != actual.size:
        return Rejected("stale: size differs")
    if actual.fingerprint is not None:
        if sidecar.episode.fingerprint != actual.fingerprint:
            return Rejected("stale: content differs")
        return None
    if actual.quick is not None and sidecar.episode.quick is not None:
        if sidecar.episode.quick != actual.quick:
            return Rejected("stale: content differs")
        return None
    return Rejected("cannot be checked against the episode")


def identity_of(path: str | Path, fingerprint: str | None = None) -> EpisodeIdentity:
    """The identity of a local file; raises ``OSError`` when it cannot be read."""
    status = os.stat(path)
    return EpisodeIdentity(Path(path).name, status.st_size,
                           fingerprint or file_fingerprint(path), status.st_mtime,
                           file_quick_fingerprint(path))


def sidecar_measurements(episode: str | Path, fingerprint: str) -> PacingMeasurements | None:
    """The measurements of a valid, current sidecar beside a local episode, else ``None``.

    A missing sidecar is normal and silent; a bad, oversized or stale one is logged.
    """
    data = read_local_sidecar(episode)
    if data is None:
        return None
    where = sidecar_path(episode)
    if isinstance(data, Rejected):
        log.warning("sidecar %s ignored: %s", where, data.reason)
        return None
    parsed = parse_sidecar(data)
    if isinstance(parsed, Rejected):
        log.warning("sidecar %s ignored: %s", where, parsed.reason)
        return None
    try:
        actual = identity_of(episode, fingerprint)
    except OSError as error:
        log.info("sidecar %s: episode unreadable: %s", where, error)
        return None
    stale = check_identity(parsed, actual)
    if stale is not None:
        log.warning("sidecar %s ignored: %s", where, stale.reason)
        return None
    log.info("pacing of %s read from its sidecar", episode)
    return parsed.measurements


# --- parsing untrusted sidecars ----------------------------------------------------------------

class _Invalid(ValueError):
    pass


def parse_sidecar(data: bytes) -> Sidecar | Rejected:
    """Validate ``data`` completely; never raises."""
    if len(data) > MAX_BYTES:
        return Rejected("too large")
    try:
        # player.safeio: NaN/Infinity, nesting deeper than MAX_JSON_DEPTH and numbers Python
        # cannot convert are refused without reaching any recursion limit.
        document = load_json(data)
    except BadJson as error:
        return Rejected(f"not JSON: {error}"[:200])
    try:
        return _sidecar(document)
    except _Invalid as error:
        return Rejected(str(error))
    except (TypeError, ValueError, RecursionError) as error:  # belt and braces
        return Rejected(f"invalid: {type(error).__name__}")


def _sidecar(document: object) -> Sidecar:
    top = _object(document, "document")
    if top.get("format") != FORMAT:
        raise _Invalid("not a SilverReel analysis")
    if top.get("schema") != SCHEMA_VERSION:
        raise _Invalid(f"unknown schema {top.get('schema')!r:.20}")
    if top.get("analyser") != ANALYSER_VERSION:
        raise _Invalid(f"other analyser version {top.get('analyser')!r:.20}")
    episode = _object(top.get("episode"), "episode")
    name = episode.get("name")
    if not isinstance(name, str) or not 0 < len(name) <= 1024:
        raise _Invalid("episode.name")
    size = episode.get("size")
    if type(size) is not int or size <= 0:
        raise _Invalid("episode.size")
    fingerprint = episode.get("fingerprint")
    if not isinstance(fingerprint, str) or not 0 < len(fingerprint) <= 128:
        raise _Invalid("episode.fingerprint")
    quick = episode.get("quick")
    if quick is not None and (not isinstance(quick, str) or not 0 < len(quick) <= 128):
        raise _Invalid("episode.quick")
    mtime = episode.get("mtime")
    if mtime is not None and not _finite_number(mtime):
        raise _Invalid("episode.mtime")
    identity = EpisodeIdentity(name, size, fingerprint,
                               float(mtime) if mtime is not None else None, quick)
    measurements = _measurements(_object(top.get("measurements"), "measurements"))
    if measurements.analyser_version != ANALYSER_VERSION:
        raise _Invalid("measurements.analyser_version")
    return Sidecar(identity, measurements)


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where} is not an object")
    return value


def _finite_number(value: object) -> bool:
    return type(value) in (int, float) and math.isfinite(value)  # type: ignore[arg-type]


_HINTS = typing.get_type_hints(PacingMeasurements)


def _measurements(raw: dict[str, Any]) -> PacingMeasurements:
    """Each field checked against its declared type, so a new field of the analyser is
    validated the same way (an unknown kind of field makes every sidecar invalid: safe)."""
    fields = {f.name: f for f in dataclasses.fields(PacingMeasurements)}
    unknown = set(raw) - set(fields)
    if unknown:
        raise _Invalid(f"measurements: unknown field {sorted(unknown)[0]!r:.40}")
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name not in raw:
            if field.default is dataclasses.MISSING and \
                    field.default_factory is dataclasses.MISSING:
                raise _Invalid(f"measurements.{name} missing")
            continue
        values[name] = _value(raw[name], _HINTS[name], f"measurements.{name}")
    measurements = PacingMeasurements(**values)
    if not 0 <= measurements.duration_s <= MAX_DURATION_S:
        raise _Invalid("measurements.duration_s out of range")
    if not 0 <= measurements.fps <= 1000 or measurements.frames < 0:
        raise _Invalid("measurements.fps/frames out of range")
    for name in ("cut_times", "white_flash_cut_times", "luminance_transition_times",
                 "red_transition_times"):
        times = getattr(measurements, name, ())
        if any(not 0 <= t <= MAX_DURATION_S for t in times):
            raise _Invalid(f"measurements.{name} out of range")
    return measurements


def _value(value: object, hint: object, where: str) -> Any:
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is float:
        if not _finite_number(value):
            raise _Invalid(f"{where} is not a finite number")
        return float(value)  # type: ignore[arg-type]
    if hint is int:
        if type(value) is not int or abs(value) > 2**53:
            raise _Invalid(f"{where} is not a whole number")
        return value
    if hint is str:
        if not isinstance(value, str) or len(value) > MAX_CUE_TEXT:
            raise _Invalid(f"{where} is not a short text")
        return value
    if origin in (typing.Union, types.UnionType) and type(None) in arguments:
        if value is None:
            return None
        others = [a for a in arguments if a is not type(None)]
        return _value(value, others[0], where)
    if origin is tuple:
        if not isinstance(value, list) or len(value) > MAX_LIST_ITEMS:
            raise _Invalid(f"{where} is not a list of allowed length")
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_value(item, arguments[0], f"{where}[]") for item in value)
        if len(value) != len(arguments):
            raise _Invalid(f"{where} has the wrong number of parts")
        return tuple(_value(item, kind, f"{where}[]") for item, kind in zip(value, arguments,
                                                                             strict=True))
    raise _Invalid(f"{where}: unsupported field kind")
