"""What a library is made of: series and their episodes, as the app shows them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Episode:
    """One playable episode.

    ``location`` is an absolute local path or an http(s) URL; ``subtitle`` likewise,
    or ``None`` when no subtitle file belongs to the episode.
    """

    number: int  # as the name says (第3集 → 3), else the 1-based position in natural order
    title: str  # what the viewer sees, e.g. "第 3 集" or the playlist's #EXTINF title
    location: str
    subtitle: str | None = None


@dataclass(frozen=True)
class SourceProblem:
    """Something in a source that was skipped or could not be read.

    ``code`` is a stable identifier the UI turns into a translated sentence;
    ``where`` names the file, line or URL concerned.
    """

    code: str
    where: str
    detail: str = ""


@dataclass(frozen=True)
class Series:
    title: str
    source: str  # the folder, playlist or manifest (path or URL) it came from
    episodes: tuple[Episode, ...]
    cover: str | None = None  # image path or URL, if the source has one
    problems: tuple[SourceProblem, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())  # 养生, 科普 … (docs/manifest.md, folder names)
