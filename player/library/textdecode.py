"""Turn the bytes of a playlist or manifest into text, whatever encoding it was saved in.

Playlists made on older Chinese Windows machines are often GBK or GB18030, some Big5 or
UTF-16; guessing wrong would show the family mojibake titles.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, declared: str | None = None) -> str | None:
    """The text in ``data``, or ``None`` when it is not text (binary, or undecodable).

    Order of trust: a byte-order mark, the charset a server declared, UTF-8, then
    charset-normalizer's guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    for candidate in (declared, "utf-8"):
        text = _strict(data, candidate) if candidate else None
        if text is not None:
            return text
    best = from_bytes(data).best()
    if best is None:
        return None
    return _without_nul(str(best))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return _without_nul(data.decode(encoding))
    except (UnicodeDecodeError, LookupError):
        return None


def _without_nul(text: str) -> str | None:
    # A NUL in decoded text means the guess was wrong or the file is binary.
    return None if "\x00" in text else text
