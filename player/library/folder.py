"""Read a folder of episodes: each sub-folder is a series, loose episodes form one more.

Only names and sizes are looked at (``os.scandir``), never the media inside, so a USB stick
with thousands of episodes lists at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from player.library.cover_art import pick_cover_image
from player.library.media import (
    COMPANION_EXTENSIONS,
    IMAGE_EXTENSIONS,
    SUBTITLE_EXTENSIONS,
    VIDEO_EXTENSIONS,
    extension,
    is_hidden,
    name_key,
    stem,
)
from player.library.model import Episode, Series, SourceProblem
from player.library.natural import natural_key, numbers_from_names
from player.library.problems import (
    MAX_EPISODES_PER_SOURCE,
    ProblemCode,
    capped_problem,
    problem,
)
from player.library.subtitle_files import SubtitleMatcher
from player.library.tags import TAG_FILE_NAMES, clean_tags, read_tag_file, split_title_tags
from player.names import display_text


@dataclass
class _Listing:
    """One folder's entries, sorted into what a series is made of."""

    videos: list[os.DirEntry[str]] = field(default_factory=list)
    subtitles: dict[str, os.DirEntry[str]] = field(default_factory=dict)
    images: dict[str, str] = field(default_factory=dict)  # name -> path
    tag_file: str | None = None  # tags.txt / 标签.txt
    folders: list[os.DirEntry[str]] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)


def read_folder(path: str) -> list[Series]:
    """The series in folder ``path``: loose episodes first, then one per sub-folder.

    Never raises. A folder that cannot be read, or holds nothing playable, yields a series
    without episodes whose ``problems`` say why; sub-folders without videos likewise, so the
    family can see what was passed over.
    """
    root = os.path.abspath(path)
    title = _folder_title(root)
    listing = _scan(root)
    if isinstance(listing, SourceProblem):
        return [Series(title=title, source=root, episodes=(), problems=(listing,))]

    # An image named after a sub-folder ("剧名.jpg" beside "剧名/") is that series' cover.
    folder_keys = {name_key(entry.name) for entry in listing.folders}
    outside_covers = {
        name_key(stem(name)): image_path
        for name, image_path in listing.images.items()
        if name_key(stem(name)) in folder_keys
    }
    for name in [n for n in listing.images if name_key(stem(n)) in folder_keys]:
        del listing.images[name]

    result: list[Series] = []
    if listing.videos or listing.problems or not listing.folders:
        result.append(_series(title, root, listing, outside_cover=None))
    for entry in sorted(listing.folders, key=lambda e: natural_key(e.name)):
        sub = _scan(entry.path)
        if isinstance(sub, SourceProblem):
            result.append(Series(title=display_text(entry.name), source=entry.path, episodes=(),
                                 problems=(sub,)))
            continue
        cover = outside_covers.get(name_key(entry.name))
        result.append(_series(display_text(entry.name), entry.path, sub, outside_cover=cover))
    return result


def _folder_title(path: str) -> str:
    # The root of a drive ("/", "E:\\") has no base name; show the path itself.
    return display_text(os.path.basename(path.rstrip("/\\")) or path)


def _scan(path: str) -> _Listing | SourceProblem:
    try:
        with os.scandir(path) as iterator:
            entries = list(iterator)
    except FileNotFoundError:
        return problem(ProblemCode.MISSING, path)
    except OSError as error:
        return problem(ProblemCode.UNREADABLE, path, error.strerror or str(error))
    listing = _Listing()
    for entry in entries:
        if not is_hidden(entry.name):
            _sort_entry(entry, listing)
    return listing


def _sort_entry(entry: os.DirEntry[str], listing: _Listing) -> None:
    ext = extension(entry.name)
    try:
        if entry.is_dir():
            listing.folders.append(entry)
        elif not entry.is_file():
            reason = _not_a_file(entry, ext)
            if reason is not None:
                listing.problems.append(reason)
        elif ext in VIDEO_EXTENSIONS:
            if entry.stat().st_size == 0:
                listing.problems.append(problem(ProblemCode.ZERO_BYTE, entry.path))
            else:
                listing.videos.append(entry)
        elif ext in SUBTITLE_EXTENSIONS:
            listing.subtitles[entry.name] = entry
        elif ext in IMAGE_EXTENSIONS:
            listing.images[entry.name] = entry.path
        elif entry.name.casefold() in TAG_FILE_NAMES:
            listing.tag_file = entry.path
        elif ext not in COMPANION_EXTENSIONS:
            listing.problems.append(problem(ProblemCode.UNSUPPORTED, entry.path, ext))
    except OSError as error:
        listing.problems.append(
            problem(ProblemCode.UNREADABLE, entry.path, error.strerror or str(error))
        )


def _not_a_file(entry: os.DirEntry[str], ext: str) -> SourceProblem | None:
    if entry.is_symlink():
        # A link whose target is gone or loops: is_dir() and is_file() both answer False.
        return problem(ProblemCode.UNREADABLE, entry.path, "broken link")
    if ext in VIDEO_EXTENSIONS:
        return problem(ProblemCode.UNSUPPORTED, entry.path, "not a regular file")
    return None  # sockets, pipes and devices are nobody's episodes


def _series(title: str, path: str, listing: _Listing, outside_cover: str | None) -> Series:
    named = sorted(((stem(e.name), e) for e in listing.videos), key=lambda n: natural_key(n[0]))
    problems = list(listing.problems)
    if len(named) > MAX_EPISODES_PER_SOURCE:
        named = named[:MAX_EPISODES_PER_SOURCE]
        problems.append(capped_problem(path))
    matcher = SubtitleMatcher(listing.subtitles, (name for name, _entry in named))
    numbers = numbers_from_names([name for name, _entry in named])
    episodes = tuple(
        Episode(
            number=number,
            title=display_text(name),
            location=entry.path,
            subtitle=_first_non_empty(matcher.ranked_for(name), listing.subtitles),
        )
        for number, (name, entry) in zip(numbers, named, strict=True)
    )
    if not episodes:
        detail = f"{len(listing.folders)} sub-folders not searched" if listing.folders else ""
        problems.append(problem(ProblemCode.EMPTY, path, detail))
    cover_name = pick_cover_image(listing.images)
    cover = listing.images[cover_name] if cover_name else outside_cover
    title, tags = split_title_tags(title)
    if listing.tag_file is not None:
        tags = clean_tags([*tags, *read_tag_file(listing.tag_file)])
    return Series(
        title=title, source=path, episodes=episodes, cover=cover, problems=tuple(problems),
        tags=tags,
    )


def _first_non_empty(names: list[str], subtitles: dict[str, os.DirEntry[str]]) -> str | None:
    for name in names:
        try:
            if subtitles[name].stat().st_size > 0:
                return subtitles[name].path
        except OSError:
            continue
    return None
