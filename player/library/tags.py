"""Tags a series carries (养生, 科普, 家庭, 戏曲…), from its folder name or a ``tags.txt``.

A folder named ``[养生] 八段锦跟我练`` or ``【科普】【养生】血压那些事`` is the series
``八段锦跟我练`` with those tags; a ``tags.txt`` (or ``标签.txt``) inside the folder lists more,
separated by spaces, commas or new lines. Manifests carry them in their ``tags`` field.
"""

from __future__ import annotations

import re

TAG_FILE_NAMES = ("tags.txt", "标签.txt")
MAX_TAGS = 8  # per series: more is noise on a Home screen
MAX_TAG_CHARS = 12
_TAG_FILE_MAX_BYTES = 4096

_LEADING = re.compile(r"^\s*[\[【［(（]\s*([^\]】］)）]{1,24}?)\s*[\]】］)）]\s*")
_SPLIT = re.compile(r"[\s,，、;；/|]+")


def split_title_tags(name: str) -> tuple[str, tuple[str, ...]]:
    """``"[养生][科普] 八段锦"`` → ``("八段锦", ("养生", "科普"))``; other names unchanged."""
    tags: list[str] = []
    rest = name
    while (match := _LEADING.match(rest)) is not None and len(tags) < MAX_TAGS:
        tags.extend(_SPLIT.split(match.group(1)))
        rest = rest[match.end():]
    title = rest.strip()
    if not title:  # a name that is only brackets: keep it as it was
        return name, ()
    return title, clean_tags(tags)


def clean_tags(raw: object) -> tuple[str, ...]:
    """Tags as text, trimmed, without duplicates, at most ``MAX_TAGS`` of ``MAX_TAG_CHARS``."""
    if isinstance(raw, str):
        raw = _SPLIT.split(raw)
    if not isinstance(raw, list | tuple):
        return ()
    seen: list[str] = []
    for item in raw:
        if not isinstance(item, str):
            continue
        tag = item.strip()[:MAX_TAG_CHARS]
        if tag and tag not in seen:
            seen.append(tag)
        if len(seen) == MAX_TAGS:
            break
    return tuple(seen)


def read_tag_file(path: str) -> tuple[str, ...]:
    """The tags in a ``tags.txt`` (UTF-8, or GB18030 as older Chinese editors save it)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(_TAG_FILE_MAX_BYTES)
    except OSError:
        return ()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return clean_tags(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return ()
