"""What a cast request says about itself: the title in its DIDL-Lite metadata, and which
device sent it. Both come from the network and are bounded and cleaned before use."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from didl_lite import didl_lite

MAX_METADATA_CHARS = 32 * 1024
MAX_TITLE_CHARS = 40
MAX_NAME_CHARS = 24
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")


def clean_text(text: str, limit: int) -> str:
    """One line of plain text, no control or direction characters, at most ``limit`` long."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class MetadataProblem(StrEnum):
    """Why a cast's metadata was not used for its title."""

    TOO_LONG = "too_long"  # over MAX_METADATA_CHARS
    MALFORMED = "malformed"  # not DIDL-Lite XML
    NO_TITLE = "no_title"  # well formed, but no usable dc:title


@dataclass(frozen=True)
class CastTitle:
    title: str  # what the Playing screen shows; never empty
    problem: MetadataProblem | None = None  # None when the metadata was used, or absent


def title_from_metadata(metadata: str, uri: str) -> CastTitle:
    """The title of a cast: DIDL-Lite ``dc:title``, else the file name in the address."""
    problem: MetadataProblem | None = None
    if metadata and metadata.strip() and metadata.strip() != "NOT_IMPLEMENTED":
        if len(metadata) > MAX_METADATA_CHARS:
            problem = MetadataProblem.TOO_LONG
        else:
            try:
                objects = didl_lite.from_xml_string(metadata, strict=False)
            except Exception:  # defusedxml and ElementTree raise many kinds; all mean "bad"
                objects = []
                problem = MetadataProblem.MALFORMED
            for thing in objects:
                title = clean_text(str(getattr(thing, "title", "") or ""), MAX_TITLE_CHARS)
                if title:
                    return CastTitle(title)
            problem = problem or MetadataProblem.NO_TITLE
    return CastTitle(_title_from_uri(uri), problem)


def _title_from_uri(uri: str) -> str:
    try:
        path = urllib.parse.urlsplit(uri).path
    except ValueError:
        path = ""
    name = urllib.parse.unquote(path.rstrip("/").rsplit("/", 1)[-1])
    name = name.rsplit(".", 1)[0] if "." in name else name
    return clean_text(name, MAX_TITLE_CHARS) or "手机投屏"


@dataclass(frozen=True)
class Device:
    """Who is casting. ``key`` is remembered in 允许投屏的设备; ``name`` is said on screen."""

    key: str
    name: str  # e.g. "小明的手机", or "" when the phone does not say
    address: str = ""  # the IP address the request came from


_CLIENT_INFO_NAME = re.compile(r'(?:^|;)\s*(?:cn|mn)\s*=\s*"([^"]{1,64})"', re.IGNORECASE)


def device_of(address: str, headers: Mapping[str, str]) -> Device:
    """The device a request came from.

    Phones do not authenticate; what they really send is their IP address and, from some
    apps, a name: ``FriendlyName.DLNA.ORG`` (DLNA guidelines), ``X-AV-Client-Info`` (cn/mn
    fields), or a User-Agent. The key is the IP address plus the name the phone gives (its
    User-Agent product when it gives none), so a new phone, or the same phone on a new
    address, is asked about again: a cautious choice, documented in docs/casting.md.
    """
    lowered = {k.casefold(): v for k, v in headers.items()}
    name = lowered.get("friendlyname.dlna.org", "")
    if not name:
        match = _CLIENT_INFO_NAME.search(lowered.get("x-av-client-info", ""))
        name = match.group(1) if match else ""
    name = clean_text(name, MAX_NAME_CHARS)
    agent = clean_text(lowered.get("user-agent", "").split(" ", 1)[0], MAX_NAME_CHARS)
    address = clean_text(address, 45) or "?"
    key = f"{name or agent or '?'}（{address}）"
    return Device(key, name, address)
