"""DIDL-Lite, as a media server's Browse answers carry it, mapped to series and episodes.

What an item's resources are (a video, a subtitle by protocolInfo or extension, Samsung's
``sec:CaptionInfoEx``/``CaptionInfo``), and how the folders a walk collected become
``Series``: each folder holding videos one series, in natural episode order, a sibling
subtitle item of the same name its episode's subtitle, ``albumArtURI`` its cover. Parsing is
python-didl-lite's; nothing here makes a request.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

from didl_lite import didl_lite

from player.library.media import SUBTITLE_EXTENSIONS, extension, name_key, stem
from player.library.model import Episode, Series, SourceProblem
from player.library.natural import natural_key
from player.library.problems import ProblemCode, problem

_SUBTITLE_TYPES = frozenset({
    "text/srt", "application/x-subrip", "text/x-subrip", "text/vtt", "text/x-ssa",
    "text/x-ass", "application/x-ass", "application/x-ssa",
})  # fmt: skip
_SEC_NS = "http://www.sec.co.kr/"


@dataclass
class Folder:
    """What a walk found in one server folder, before it becomes a series."""

    path: tuple[str, ...]  # titles from the top, for a stable series key
    title: str
    videos: list[tuple[str, Episode, str | None]] = field(default_factory=list)  # title, ep, art
    subtitles: dict[str, str] = field(default_factory=dict)  # name key of stem -> url
    cover: str | None = None


def is_subtitle(mime: str, uri: str) -> bool:
    """Whether a resource of type ``mime`` at ``uri`` is a subtitle file."""
    return mime in _SUBTITLE_TYPES or extension(urllib.parse.urlsplit(uri).path) \
        in SUBTITLE_EXTENSIONS


def series_of(folders: list[Folder], name: str, location: str,
              problems: list[SourceProblem]) -> list[Series]:
    """The series the ``folders`` of server ``name`` at ``location`` hold; the first carries
    ``problems`` (at most 50). A server without videos is one empty series saying so."""
    result: list[Series] = []
    for folder in folders:
        if not folder.videos:
            continue
        ordered = sorted(folder.videos, key=lambda v: natural_key(v[0]))
        episodes = tuple(
            Episode(number, episode.title, episode.location,
                    episode.subtitle or folder.subtitles.get(name_key(stem(title))))
            for number, (title, episode, _art) in enumerate(ordered, start=1)
        )
        cover = folder.cover or next((art for _t, _e, art in ordered if art), None)
        key = "/".join(folder.path)
        result.append(Series(title=folder.title, source=f"{location}#{key}",
                             episodes=episodes, cover=cover))
    if not result:
        result.append(Series(title=name, source=location, episodes=(),
                             problems=(problem(ProblemCode.EMPTY, location,
                                               "no videos on this media server"),)))
    if problems:
        first = result[0]
        result[0] = Series(first.title, first.source, first.episodes, first.cover,
                           (*first.problems, *problems[:50]))
    return result


def text_of(entry: didl_lite.DidlObject, name: str) -> str | None:
    """The DIDL property ``name`` of ``entry``, stripped; ``None`` when absent or blank."""
    value = getattr(entry, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def mime_of(protocol_info: str | None) -> str:
    """The MIME type a resource's protocolInfo names, lower case ("" if none)."""
    # "http-get:*:video/mp4:DLNA.ORG_PN=…" → "video/mp4"
    parts = (protocol_info or "").split(":")
    return parts[2].strip().casefold() if len(parts) >= 3 else ""


def caption_address(item: didl_lite.DidlObject) -> str | None:
    """The subtitle address Samsung's ``sec:CaptionInfoEx``/``CaptionInfo`` gives, if any."""
    element = getattr(item, "xml_el", None)
    if element is None:
        return None
    for name in ("CaptionInfoEx", "CaptionInfo"):
        found = element.find(f"{{{_SEC_NS}}}{name}")
        if found is not None and found.text and found.text.strip():
            return found.text.strip()
    return None
