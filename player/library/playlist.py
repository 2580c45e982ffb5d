"""Read an M3U/M3U8 playlist as one series, or recognise an HLS stream as one episode.

A library playlist lists episodes (``#EXTINF:-1,第1集`` then the address). An HLS media or
master playlist (``#EXT-X-TARGETDURATION``, ``#EXT-X-STREAM-INF`` …) lists the segments or
variants of a single stream: it is played whole, as one episode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from accessibility.subtitles.encoding import decode_text
from player.library.fetch import DEFAULT_TIMEOUT_S, Fetched, fetch
from player.library.model import Episode, Series, SourceProblem
from player.library.problems import (
    MAX_EPISODES_PER_SOURCE,
    ProblemCode,
    capped_problem,
    problem,
)
from player.library.references import (
    PrivateNetworkRule,
    failed_series,
    local_file_problem,
    resolve,
    source_name,
    title_from_location,
)
from player.library.subtitle_files import SubtitleFinder
from player.locations import is_remote

_HLS_TAGS = (
    "#EXT-X-TARGETDURATION",
    "#EXT-X-STREAM-INF",
    "#EXT-X-I-FRAME-STREAM-INF",
    "#EXT-X-MEDIA-SEQUENCE",
    "#EXT-X-PLAYLIST-TYPE",
    "#EXT-X-ENDLIST",
)
_EXTINF_DURATION = re.compile(r"\s*-?\d+(?:\.\d+)?(?:\s|,|$)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_LINE = 8192  # longer than any address; a sign of a binary or corrupted file
_LINE = re.compile(r"[^\r\n]+")
_MAX_PROBLEMS = 200  # problems kept per list; a hostile list could hold a million bad lines


def is_hls(text: str) -> bool:
    """Whether ``text`` is an HLS media or master playlist rather than a list of episodes."""
    return any(line.lstrip().upper().startswith(_HLS_TAGS) for line in _lines(text))


def read_playlist(spec: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> list[Series]:
    """The series in the playlist at ``spec`` (path or http(s) URL). Never raises."""
    fetched = fetch(spec, timeout=timeout)
    if isinstance(fetched, SourceProblem):
        return [failed_series(source_name(spec), fetched)]
    return [playlist_from_fetched(fetched, source=source_name(spec))]


def playlist_from_fetched(fetched: Fetched, *, source: str) -> Series:
    text = decode_text(fetched.data, fetched.charset)
    if text is None:
        return failed_series(source, problem(ProblemCode.UNREADABLE, source, "not a text file"))
    if is_hls(text):
        # Played by address, so a redirect is followed again next time (signed CDN URLs expire).
        title = title_from_location(source)
        return Series(title=title, source=source, episodes=(Episode(1, title, source),))
    return parse_playlist(text, source=source, base=fetched.location, public=fetched.public)


def parse_playlist(text: str, *, source: str, base: str, public: bool = False) -> Series:
    """The series listed in playlist ``text``; entries resolve against ``base``.

    ``public``: the list came from the public internet, so its entries may not point at
    this machine or the home network.
    """
    reader = _PlaylistReader(source, base, PrivateNetworkRule(public))
    # One line at a time (no list of a million strings), and nothing past the cap.
    for number, line in enumerate(_lines(text), start=1):
        if reader.full:
            reader.problems.append(capped_problem(f"{source}:{number}"))
            break
        reader.feed(line.strip(), f"{source}:{number}")
    return reader.series()


def _lines(text: str) -> Iterator[str]:
    return (match.group() for match in _LINE.finditer(text))


class _PlaylistReader:
    def __init__(self, source: str, base: str, rule: PrivateNetworkRule) -> None:
        self.source = source
        self.base = base
        self.rule = rule
        self.title: str | None = None
        self.cover: str | None = None
        self.episodes: list[Episode] = []
        self.problems: list[SourceProblem] = []
        self._pending_title: str | None = None
        self._subtitles = SubtitleFinder()

    @property
    def full(self) -> bool:
        return len(self.episodes) >= MAX_EPISODES_PER_SOURCE

    def feed(self, line: str, where: str) -> None:
        if not line:
            return
        if len(line) > _MAX_LINE or _CONTROL.search(line):
            self._reject(problem(ProblemCode.BAD_LINE, where, line[:80]))
        elif line.startswith("#"):
            self._tag(line, where)
        else:
            self._entry(line, where)

    def _tag(self, line: str, where: str) -> None:
        name, _, value = line.partition(":")
        name = name.upper()
        if name == "#EXTINF":
            self._pending_title = None
            title = _extinf_title(value)
            if title is None:
                self._note(problem(ProblemCode.BAD_LINE, where, line[:80]))
            else:
                self._pending_title = title or None
        elif name == "#PLAYLIST" and value.strip():
            self.title = value.strip()
        elif name == "#EXTIMG" and value.strip():
            cover = resolve(value, self.base, where=where, rule=self.rule)
            if isinstance(cover, SourceProblem):
                self._note(cover)
            else:
                self.cover = cover
        # #EXTM3U, #EXTGRP, #EXTVLCOPT and plain comments say nothing about episodes.

    def _entry(self, line: str, where: str) -> None:
        location = resolve(line, self.base, where=where, rule=self.rule)
        if isinstance(location, SourceProblem):
            self._reject(location)
            return
        subtitle = None
        if not is_remote(location):
            unplayable = local_file_problem(location, where)
            if unplayable is not None:
                self._reject(unplayable)
                return
            subtitle = self._subtitles.find(location)
        title = self._pending_title or title_from_location(location)
        self._pending_title = None
        self.episodes.append(Episode(len(self.episodes) + 1, title, location, subtitle))

    def _reject(self, reason: SourceProblem) -> None:
        self._note(reason)
        self._pending_title = None  # the title belonged to the rejected entry

    def _note(self, reason: SourceProblem) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(reason)

    def series(self) -> Series:
        problems = list(self.problems)
        if not self.episodes:
            problems.append(problem(ProblemCode.EMPTY, self.source))
        return Series(
            title=self.title or title_from_location(self.source),
            source=self.source,
            episodes=tuple(self.episodes),
            cover=self.cover,
            problems=tuple(problems),
        )


def _extinf_title(value: str) -> str | None:
    """The title after ``#EXTINF:<duration> [attributes],``; ``None`` if malformed.

    Attribute values (``tvg-name="A, B"``) may hold commas, so the title starts at the first
    comma outside double quotes.
    """
    if not _EXTINF_DURATION.match(value):
        return None
    in_quotes = False
    for index, char in enumerate(value):
        if char == '"':
            in_quotes = not in_quotes
        elif char == "," and not in_quotes:
            return value[index + 1 :].strip()
    return None
