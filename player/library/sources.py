"""One entry point for every kind of source the family can point the player at."""

from __future__ import annotations

import os
import urllib.parse
import urllib.request

from player.library.fetch import DEFAULT_TIMEOUT_S, Fetched, fetch
from player.library.folder import read_folder
from player.library.manifest import manifest_from_fetched
from player.library.media import (
    MANIFEST_EXTENSIONS,
    PLAYLIST_EXTENSIONS,
    VIDEO_EXTENSIONS,
    extension,
)
from player.library.model import Episode, Series, SourceProblem
from player.library.playlist import playlist_from_fetched
from player.library.problems import ProblemCode, problem
from player.library.references import (
    failed_series,
    local_file_problem,
    source_name,
    title_from_location,
)
from player.library.subtitle_files import SubtitleFinder
from player.locations import is_remote

_PLAYLIST_TYPES = frozenset({
    "application/vnd.apple.mpegurl", "application/x-mpegurl", "audio/mpegurl", "audio/x-mpegurl",
})  # fmt: skip


def open_source(spec: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> list[Series]:
    """The series in ``spec``: a folder, a playlist, a manifest, a video file, an http(s)
    address of any of these (or of a stream), or a home media server's UPnP description
    address (``player.library.mediaserver``). Never raises; see ``Series.problems``.
    """
    spec = spec.strip()
    if not spec:
        return [failed_series("", problem(ProblemCode.MISSING, "", "no source given"))]
    if spec.casefold().startswith("file:"):
        spec = _file_url_path(spec)
    source = source_name(spec)
    if is_remote(source):
        return _open_address(source, timeout)
    if os.path.isdir(source):
        return read_folder(source)
    return [_open_local_file(source)]


def _file_url_path(url: str) -> str:
    # A file: URL typed by the family is as trustworthy as a path typed by them.
    return urllib.request.url2pathname(urllib.parse.urlsplit(url).path)


def _open_address(url: str, timeout: float) -> list[Series]:
    path_extension = extension(urllib.parse.urlsplit(url).path)
    if path_extension in VIDEO_EXTENSIONS - PLAYLIST_EXTENSIONS:
        return [_single_episode(url, subtitle=None)]
    fetched = fetch(url, timeout=timeout)
    if isinstance(fetched, SourceProblem):
        return [failed_series(url, fetched)]
    if fetched.media_only:
        return [_single_episode(url, subtitle=None)]
    # Imported here: the media-server client pulls in aiohttp (~0.25 s at start), which
    # local files and `silverreel inspect EPISODE` never need.
    from player.library.mediaserver import looks_like_device_description, read_media_server

    if looks_like_device_description(fetched.data):
        # A home media server's description address (http://nas:8200/rootDesc.xml).
        return read_media_server(fetched.location)
    return [_from_fetched(fetched, url, path_extension)]


def _open_local_file(path: str) -> Series:
    path_extension = extension(path)
    if path_extension in VIDEO_EXTENSIONS - PLAYLIST_EXTENSIONS:
        unplayable = local_file_problem(path, path)
        if unplayable is not None:
            return failed_series(path, unplayable)
        return _single_episode(path, subtitle=SubtitleFinder().find(path))
    fetched = fetch(path)
    if isinstance(fetched, SourceProblem):
        return failed_series(path, fetched)
    return _from_fetched(fetched, path, path_extension)


def _from_fetched(fetched: Fetched, source: str, path_extension: str) -> Series:
    if path_extension in PLAYLIST_EXTENSIONS or fetched.content_type in _PLAYLIST_TYPES:
        return playlist_from_fetched(fetched, source=source)
    if path_extension in MANIFEST_EXTENSIONS or fetched.content_type.endswith("json"):
        return manifest_from_fetched(fetched, source=source)
    # No telling name or type (e.g. "https://example.com/list?id=3"): look at the start.
    start = fetched.data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return manifest_from_fetched(fetched, source=source)
    if start.upper().startswith(b"#EXT"):
        return playlist_from_fetched(fetched, source=source)
    return failed_series(source, problem(ProblemCode.UNSUPPORTED, source, "not a known source"))


def _single_episode(location: str, subtitle: str | None) -> Series:
    title = title_from_location(location)
    return Series(title=title, source=location, episodes=(Episode(1, title, location, subtitle),))
