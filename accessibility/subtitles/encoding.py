"""Turn the bytes of a subtitle file, playlist or manifest into text, whatever encoding an old
Chinese file uses. The app's one text decoder: ``decode_subtitle_bytes`` for subtitles,
``decode_text`` for playlists and manifests (which may also carry a server's declared charset).

General detectors (charset-normalizer included) guess short Chinese files badly: a few lines of
GBK are as valid Korean or Big5 as they are Chinese, and they pick the wrong one. So the order is:

1. a byte-order mark says UTF-8/16/32 outright;
2. NUL bytes at every other position mean BOM-less UTF-16 (subtitle timings are ASCII);
3. UTF-8 that decodes (a character cut off at the very end is forgiven);
4. the Chinese legacy encodings (GB18030 ⊃ GBK, Big5/CP950, Big5-HKSCS), each decoded strictly and
   scored by how common its Han characters are and how little non-Chinese junk (kana, hangul,
   box drawing, private-use) appears: mojibake is made of rare characters and junk, real dialogue
   of everyday characters. This is what separates GBK from Big5;
5. damaged UTF-8, its broken bytes dropped;
6. only then charset-normalizer, for the non-Chinese files that remain (Latin-1, Cyrillic ...).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterator

from charset_normalizer import from_bytes

from accessibility.subtitles.errors import SubtitleError, SubtitleErrorCode
from accessibility.subtitles.hanzi import HanTier, han_tier, is_han

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Tried in this order; on a tie the earlier one wins (mainland files are the most common).
_CHINESE_CODECS = ("gbk", "gb18030", "cp950", "big5hkscs")

_MIN_CHINESE_SCORE = 0.6  # real dialogue scores ~0.95-1.0, mojibake ~0.5 or below
_SURE_CHINESE_SCORE = 0.9  # enough to overrule UTF-8 that a few GBK characters formed by chance
_SCORE_TIE = 0.02  # closer than this, the earlier codec in _CHINESE_CODECS wins
_SAMPLE_CHARS = 20_000  # scoring a sample keeps a 5 MB file quick; the whole file is decoded
_MAX_CHAOS = 0.1  # charset-normalizer mess ratio above which its answer is mojibake


def decode_subtitle_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; ``encoding`` is a Python codec name, or names joined by
    "+" for a file decoded line by line (``"utf-8+gbk"``).

    Raises ``SubtitleError(SubtitleErrorCode.ENCODING)`` when no encoding gives readable text.
    """
    for attempt in _ATTEMPTS:
        found = attempt(data)
        if found is not None:
            return found
    raise SubtitleError(SubtitleErrorCode.ENCODING, "no encoding gives readable text")


def decode_text(data: bytes, declared: str | None = None) -> str | None:
    """The text of a playlist or manifest, or ``None`` when it is not text (binary, undecodable).

    A byte-order mark wins, then the charset a server declared (if the bytes decode in it),
    then the same detection as subtitles: a title of three GBK characters is read as Chinese,
    where a general detector reads it as Korean.
    """
    try:
        if declared and not data.startswith(tuple(bom for bom, _ in _BOMS)):
            text = _strict(data, declared)
            if text is not None:
                return _without_nul(text)
        text, _ = decode_subtitle_bytes(data)
    except SubtitleError:
        return None
    return _without_nul(text)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _without_nul(text: str) -> str | None:
    # A NUL in decoded text means the guess was wrong or the file is binary.
    return None if "\x00" in text else text


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data if codec == "utf-8-sig" else data[len(bom) :]
            text = _decode_forgiving_cut_tail(body, codec)
            if text is None:
                raise SubtitleError(SubtitleErrorCode.ENCODING,
                                    f"invalid {codec} after its byte-order mark")
            return text, codec
    return None


def _by_utf16_pattern(data: bytes) -> tuple[str, str] | None:
    if b"\x00" not in data or len(data) < 4:
        return None
    pairs = len(data) // 2
    zeros_even = data[0::2].count(0)
    zeros_odd = data[1::2].count(0)
    # ASCII (timings, numbers, newlines) is most of a subtitle file: its NULs sit on one side.
    if zeros_odd >= 0.2 * pairs and zeros_even <= 0.1 * zeros_odd:
        codec = "utf-16-le"
    elif zeros_even >= 0.2 * pairs and zeros_odd <= 0.1 * zeros_even:
        codec = "utf-16-be"
    else:
        return None
    text = _decode_forgiving_cut_tail(data, codec)
    if text is None or _has_control_chars(text):
        return None
    return text, codec


def _as_utf8(data: bytes) -> tuple[str, str] | None:
    text = _decode_forgiving_cut_tail(data, "utf-8")
    if text is None:
        return None
    if _utf8_could_be_legacy(text):
        legacy = _best_chinese(data)
        if legacy is not None and legacy[0] >= _SURE_CHINESE_SCORE:
            return legacy[1], legacy[2]
    return text, "utf-8"


def _by_lines(data: bytes) -> tuple[str, str] | None:
    """A file whose lines are in different encodings (one edited in two programs, or two
    files joined): each line decoded on its own, UTF-8 first, else the best Chinese legacy
    encoding for that line. Only when both kinds occur and the result reads as Chinese."""
    lines = data.split(b"\n")
    out: list[str] = []
    used: set[str] = set()
    for line in lines:
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            out.append(line.decode("utf-8"))
            used.add("utf-8")
            continue
        except UnicodeDecodeError:
            pass
        best = _best_chinese(line)
        if best is None or best[0] < _MIN_CHINESE_SCORE:
            return None
        out.append(best[1])
        used.add(best[2])
    if "utf-8" not in used or len(used) < 2:
        return None
    text = "\n".join(out)
    if chinese_text_score(text) < _MIN_CHINESE_SCORE:
        return None
    return text, "+".join(sorted(used, key=lambda codec: codec != "utf-8"))


def _as_damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with bad bytes in it (a cut, a stray byte): drop what is broken, keep the rest.

    Tried after the Chinese legacy encodings: GBK and Big5 bytes form some valid UTF-8
    characters by chance, but far fewer than the bytes they leave invalid.
    """
    replaced = data.decode("utf-8", errors="replace")
    stray = replaced.count("\ufffd")
    multibyte = sum(1 for char in replaced if ord(char) > 0x7F) - stray
    if multibyte and stray <= multibyte:
        return replaced.replace("\ufffd", ""), "utf-8"
    return None


def _utf8_could_be_legacy(text: str) -> bool:
    """True for UTF-8 that a few GBK characters could have formed by chance.

    Such UTF-8 has only two-byte letters (below U+0800: accented Latin, Greek, Cyrillic), none
    of them inside a word of ASCII letters the way "Café" is. Symbols such as "©" or "£" rule
    it out, as GBK never forms them by chance without also forming letters.
    """
    seen_non_ascii = False
    for index, char in enumerate(text):
        if ord(char) < 0x80:
            continue
        if ord(char) >= 0x800 or not char.isalpha():
            return False
        seen_non_ascii = True
        neighbours = text[max(index - 1, 0) : index] + text[index + 1 : index + 2]
        if any(other.isascii() and other.isalpha() for other in neighbours):
            return False
    return seen_non_ascii


def _as_chinese_legacy(data: bytes) -> tuple[str, str] | None:
    best = _best_chinese(data)
    if best is None or best[0] < _MIN_CHINESE_SCORE:
        return None
    return best[1], best[2]


def _best_chinese(data: bytes) -> tuple[float, str, str] | None:
    """(score, text, codec) of the best-scoring Chinese legacy decoding, if any decodes."""
    best: tuple[float, str, str] | None = None
    for codec in _CHINESE_CODECS:
        if codec == "gb18030" and best is not None and best[2] == "gbk":
            continue  # GB18030 decodes GBK bytes identically; keep the narrower name
        text = _decode_forgiving_cut_tail(data, codec)
        if text is None or _has_control_chars(text):
            continue
        score = chinese_text_score(text)
        if best is None or score > best[0] + _SCORE_TIE:
            best = (score, text, codec)
    return best


def _by_detector(data: bytes) -> tuple[str, str] | None:
    matches = [match for match in from_bytes(data) if match.chaos <= _MAX_CHAOS]
    if not matches:
        return None
    # Short Western files fit several code pages equally well; the commonest wins a tie.
    best = min(matches, key=lambda match: (match.chaos, match.encoding != "cp1252"))
    text = str(best)
    if _has_control_chars(text) or _looks_like_cjk_mojibake(text):
        return None
    return text, codecs.lookup(best.encoding).name


def _decode_forgiving_cut_tail(data: bytes, codec: str) -> str | None:
    """Strict decode; a multi-byte character cut off by truncation at the very end is dropped."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        cut = error.start
        if error.end < len(data) or len(data) - cut >= 4:
            return None
    try:
        return data[:cut].decode(codec)
    except UnicodeDecodeError:
        return None


def _non_ascii(text: str) -> Iterator[str]:
    count = 0
    for char in text:
        if ord(char) > 0x7F and not char.isspace():
            yield char
            count += 1
            if count >= _SAMPLE_CHARS:
                return


def chinese_text_score(text: str) -> float:
    """From about -1 (junk) to 1 (everyday Chinese) for the non-ASCII part of ``text``."""
    total = 0.0
    count = 0
    for char in _non_ascii(text):
        count += 1
        total += _char_score(char)
    return total / count if count else 0.0


_HAN_SCORES = {HanTier.COMMON: 1.0, HanTier.LESS_COMMON: 0.3, HanTier.RARE: 0.0}


def _char_score(char: str) -> float:
    if is_han(char):
        return _HAN_SCORES[han_tier(char)]
    code = ord(char)
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E or 0x2010 <= code <= 0x2027:
        return 1.0  # CJK and full-width punctuation, dashes, quotes, ellipsis
    if _is_junk(char):
        return -1.0
    return 0.0


def _is_junk(char: str) -> bool:
    """Characters that do not belong in Chinese dialogue and abound in mojibake."""
    code = ord(char)
    return (
        0x3040 <= code <= 0x31FF  # kana, bopomofo, hangul compatibility jamo
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0x0370 <= code <= 0x052F  # Greek, Cyrillic
        or 0x2500 <= code <= 0x25FF  # box drawing, blocks, geometric shapes
        or 0xE000 <= code <= 0xF8FF  # private use
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0xFF61 <= code <= 0xFFEF  # half-width katakana and hangul
        or code == 0xFFFD
        or unicodedata.category(char) in ("Cc", "Co", "Cn")
    )


def _looks_like_cjk_mojibake(text: str) -> bool:
    """Han characters that our Chinese scoring turned down are mojibake, whatever the detector
    says (it reads short GBK files as Korean). Japanese files fall here too: not a product goal."""
    sample = list(_non_ascii(text))
    han = sum(1 for char in sample if is_han(char))
    return han > len(sample) / 10 and chinese_text_score(text) < _MIN_CHINESE_SCORE


# Unicode category Cc but tab, line feed and carriage return: never in real subtitle text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _has_control_chars(text: str) -> bool:
    return _CONTROL_CHARS.search(text) is not None


# The order of trust (see the module docstring); the first that gives text wins.
_ATTEMPTS: tuple[Callable[[bytes], tuple[str, str] | None], ...] = (
    _by_bom,
    _by_utf16_pattern,
    _as_utf8,
    _as_chinese_legacy,
    _by_lines,
    _as_damaged_utf8,
    _by_detector,
)
