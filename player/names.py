"""File names that are not UTF-8: kept exactly, shown readably, stored and printed safely.

On Linux a name is bytes. Python hands a name that is not valid UTF-8 (a GBK name left by
a zip made on Chinese Windows, a Big5 one, random bytes) to the app as ``str`` with lone
surrogates (``surrogateescape``): the path still opens, but UTF-8 encoders (SQLite, JSON to a
UTF-8 stream, libVLC's ``str`` API) fail on it. Three helpers:

* ``display_text``: for showing (titles): GB18030 then Big5 tried, like subtitles;
* ``storable`` / ``restored``: the exact name as SQLite BLOB bytes and back;
* ``has_undecodable``: whether a text carries such bytes at all.

Imports nothing of the app but the subtitle decoder's Chinese-text score.
"""

from __future__ import annotations

import re

from accessibility.subtitles.encoding import chinese_text_score

_SURROGATE = re.compile("[\udc80-\udcff]")
_LEGACY = ("gb18030", "big5hkscs")
_MIN_SCORE = 0.6  # as for subtitles: real Chinese scores ~0.95, mojibake ~0.5 or below


def has_undecodable(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def raw_bytes(text: str) -> bytes:
    """The bytes a name really is (the inverse of ``os.fsdecode`` on a UTF-8 system)."""
    return text.encode("utf-8", "surrogateescape")


def display_text(text: str) -> str:
    """``text`` as a person should see it: unchanged when it is proper text, otherwise its
    bytes decoded as GB18030 or Big5 (whichever reads better), else with "?" for the bytes
    nothing can read. Never raises."""
    if not has_undecodable(text):
        return text
    data = raw_bytes(text)
    best: tuple[float, str] | None = None
    for codec in _LEGACY:  # GB18030 first: on a tie (short names) the commoner one wins
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not decoded.isprintable():
            continue
        score = chinese_text_score(decoded)
        if score >= _MIN_SCORE and (best is None or score > best[0] + 0.02):
            best = (score, decoded)
    if best is not None:
        return best[1]
    return data.decode("utf-8", "replace").replace("\ufffd", "?")


def storable(text: str) -> str | bytes:
    """What to bind in SQLite for ``text``: itself, or its exact bytes when not UTF-8."""
    return raw_bytes(text) if has_undecodable(text) else text


def restored(value: str | bytes) -> str:
    """The inverse of ``storable``."""
    return value.decode("utf-8", "surrogateescape") if isinstance(value, bytes) else value


def printable_json_text(text: str) -> bytes:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) as valid UTF-8 bytes: a lone
    surrogate becomes the JSON escape ``\\udcXX``, which reads back as the same name."""
    return text.encode("utf-8", "backslashreplace")
