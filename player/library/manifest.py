"""Read a series manifest: a small JSON file naming a series, its cover and its episodes.

The format is documented, with an example, in ``docs/manifest.md``.
"""

from __future__ import annotations

from typing import Any

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
from player.library.tags import clean_tags
from player.locations import is_remote
from player.safeio import BadJson, load_json

MANIFEST_VERSION = 1


def read_manifest(spec: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> list[Series]:
    """The series in the manifest at ``spec`` (path or http(s) URL). Never raises."""
    fetched = fetch(spec, timeout=timeout)
    if isinstance(fetched, SourceProblem):
        return [failed_series(source_name(spec), fetched)]
    return [manifest_from_fetched(fetched, source=source_name(spec))]


def manifest_from_fetched(fetched: Fetched, *, source: str) -> Series:
    text = decode_text(fetched.data, fetched.charset)
    if text is None:
        return failed_series(source, problem(ProblemCode.BAD_JSON, source, "not a text file"))
    return parse_manifest(text, source=source, base=fetched.location, public=fetched.public)


def parse_manifest(text: str, *, source: str, base: str, public: bool = False) -> Series:
    """The series described by manifest ``text``; addresses resolve against ``base``."""
    try:
        # Bounded: nesting, NaN/Infinity and absurdly long numbers are refused, never recursed.
        document = load_json(text.encode("utf-8"))
    except BadJson as error:
        detail = (error.reason if error.line is None
                  else f"line {error.line}, column {error.column}: {error.reason}")
        return failed_series(source, problem(ProblemCode.BAD_JSON, source, detail))
    if not isinstance(document, dict):
        return failed_series(source, problem(ProblemCode.BAD_JSON, source, "not a JSON object"))
    return _ManifestReader(source, base, PrivateNetworkRule(public)).series(document)


class _ManifestReader:
    def __init__(self, source: str, base: str, rule: PrivateNetworkRule) -> None:
        self.source = source
        self.base = base
        self.rule = rule
        self.problems: list[SourceProblem] = []

    def series(self, document: dict[str, Any]) -> Series:
        self._check_version(document.get("version", MANIFEST_VERSION))
        title = self._text_field(document, "title", self.source) or title_from_location(self.source)
        cover_reference = self._text_field(document, "cover", self.source)
        cover = self._resolve(cover_reference, f"{self.source}#cover") if cover_reference else None
        raw_episodes = document.get("episodes", [])
        if not isinstance(raw_episodes, list):
            self.problems.append(
                problem(ProblemCode.BAD_JSON, f"{self.source}#episodes", "not a list")
            )
            raw_episodes = []
        episodes: list[Episode] = []
        for index, raw in enumerate(raw_episodes):
            if len(episodes) >= MAX_EPISODES_PER_SOURCE:
                self.problems.append(capped_problem(f"{self.source}#episodes[{index}]"))
                break
            episode = self._episode(raw, len(episodes) + 1, f"{self.source}#episodes[{index}]")
            if episode is not None:
                episodes.append(episode)
        if not episodes:
            self.problems.append(problem(ProblemCode.EMPTY, self.source))
        return Series(
            title=title,
            source=self.source,
            episodes=tuple(episodes),
            cover=cover,
            problems=tuple(self.problems),
            tags=clean_tags(document.get("tags")),
        )

    def _check_version(self, version: object) -> None:
        if isinstance(version, bool) or not isinstance(version, int):
            self.problems.append(
                problem(ProblemCode.BAD_JSON, f"{self.source}#version", "not a whole number")
            )
        elif version > MANIFEST_VERSION:
            # Read what this player understands; newer fields are ignored.
            self.problems.append(
                problem(ProblemCode.UNKNOWN_VERSION, f"{self.source}#version", str(version))
            )

    def _text_field(self, record: dict[str, Any], key: str, where: str) -> str | None:
        value = record.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            code = ProblemCode.BAD_JSON if where == self.source else ProblemCode.BAD_ENTRY
            self.problems.append(problem(code, f"{where}#{key}", "not text"))
            return None
        return value.strip() or None

    def _episode(self, raw: object, number: int, where: str) -> Episode | None:
        if isinstance(raw, str):
            raw = {"url": raw}  # shorthand: a bare address
        if not isinstance(raw, dict):
            self.problems.append(problem(ProblemCode.BAD_ENTRY, where, "not an object"))
            return None
        url = raw.get("url")
        if not isinstance(url, str) or not url.strip():
            self.problems.append(problem(ProblemCode.BAD_ENTRY, where, "no url"))
            return None
        location = self._resolve(url, where)
        if location is None:
            return None
        if not is_remote(location):
            unplayable = local_file_problem(location, where)
            if unplayable is not None:
                self.problems.append(unplayable)
                return None
        title = self._text_field(raw, "title", where) or title_from_location(location)
        subtitle_reference = self._text_field(raw, "subtitle", where)
        subtitle = (
            self._resolve(subtitle_reference, f"{where}#subtitle") if subtitle_reference else None
        )
        return Episode(number=number, title=title, location=location, subtitle=subtitle)

    def _resolve(self, reference: str, where: str) -> str | None:
        resolved = resolve(reference, self.base, where=where, malformed=ProblemCode.BAD_ENTRY,
                           rule=self.rule)
        if isinstance(resolved, SourceProblem):
            self.problems.append(resolved)
            return None
        return resolved
