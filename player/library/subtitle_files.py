"""Find the subtitle file that belongs to an episode, by name.

``EP01.mp4`` owns ``EP01.srt``, ``EP01.zh.srt``, ``EP01.chs.ass``, ``EP01.zh-CN.vtt`` …; when
several are present the Chinese ones win, simplified before traditional.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable

from player.library.media import (
    SUBTITLE_EXTENSIONS,
    VIDEO_EXTENSIONS,
    extension,
    is_hidden,
    name_key,
    stem,
)

_SIMPLIFIED = frozenset({
    "chs", "sc", "zhs", "zh-cn", "zh_cn", "zh-hans", "zh-sg", "chi_sim", "gb", "gbk",
    "简体", "简中", "简", "简体中文", "simplified",
})  # fmt: skip
_CHINESE = frozenset({
    "zh", "chi", "zho", "chn", "cn", "chinese", "中文", "中字", "汉语", "國語", "国语",
})  # fmt: skip
_TRADITIONAL = frozenset({
    "cht", "tc", "zht", "zh-tw", "zh_tw", "zh-hk", "zh-hant", "chi_tra", "big5",
    "繁体", "繁體", "繁中", "繁", "繁体中文", "traditional",
})  # fmt: skip
_TAG_PARTS = re.compile(r"[&+_\s\-]+")

_RANK_SIMPLIFIED = 0
_RANK_CHINESE = 1
_RANK_BILINGUAL = 2
_RANK_TRADITIONAL = 3
_RANK_UNTAGGED = 4
_RANK_UNKNOWN_TAG = 5
_FORMAT_ORDER = {".srt": 0, ".ass": 1, ".ssa": 2, ".vtt": 3}
# A subtitle name carries at most this many dot-separated tags after the episode's name
# ("EP01.zh-CN.forced.srt"); more would let unrelated names match.
_MAX_TAGS = 3


def _tag_rank(tag: str) -> int:
    for tags, rank in (
        (_SIMPLIFIED, _RANK_SIMPLIFIED),
        (_CHINESE, _RANK_CHINESE),
        (_TRADITIONAL, _RANK_TRADITIONAL),
    ):
        if tag in tags:
            return rank
    parts = [part for part in _TAG_PARTS.split(tag) if part]
    chinese_part = any(part in _SIMPLIFIED or part in _CHINESE for part in parts)
    if (len(parts) > 1 and chinese_part) or "简" in tag or "中" in tag:
        return _RANK_BILINGUAL  # chs&eng, zh_en, 简英, 中英双语
    if any(part in _TRADITIONAL for part in parts) or "繁" in tag:
        return _RANK_TRADITIONAL
    return _RANK_UNKNOWN_TAG


def _language_rank(tags: tuple[str, ...]) -> int:
    if not tags:
        return _RANK_UNTAGGED
    return min(_tag_rank(tag) for tag in tags)


class SubtitleMatcher:
    """Matches the subtitle files of one folder to the episodes of that folder.

    Built once per folder from names only, so matching a folder of n files costs O(n).
    """

    def __init__(self, subtitle_names: Iterable[str], episode_stems: Iterable[str]) -> None:
        episode_keys = {name_key(s) for s in episode_stems}
        self._by_episode: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
        for name in subtitle_names:
            ext = extension(name)
            if ext not in SUBTITLE_EXTENSIONS:
                continue
            base = name_key(name[: -len(ext)])
            owner, tags = _owner_and_tags(base, episode_keys)
            if owner is not None:
                rank = (_language_rank(tags), _FORMAT_ORDER[ext], name_key(name), name)
                self._by_episode[owner].append(rank)

    def ranked_for(self, episode_stem: str) -> list[str]:
        """The episode's subtitle file names, best first (may be empty)."""
        return [entry[-1] for entry in sorted(self._by_episode.get(name_key(episode_stem), []))]


def _owner_and_tags(base: str, episode_keys: set[str]) -> tuple[str | None, tuple[str, ...]]:
    # A subtitle named exactly like an episode belongs to that episode, even when another
    # episode's name is a prefix of it ("EP01.part2.srt" belongs to "EP01.part2.mp4").
    if base in episode_keys:
        return base, ()
    parts = base.split(".")
    for tag_count in range(1, min(_MAX_TAGS, len(parts) - 1) + 1):
        owner = ".".join(parts[:-tag_count])
        if owner in episode_keys:
            return owner, tuple(parts[-tag_count:])
    return None, ()


class SubtitleFinder:
    """Finds the subtitle beside any local video file, listing each folder only once.

    For playlists, whose entries may sit in many folders.
    """

    def __init__(self) -> None:
        self._folders: dict[str, tuple[SubtitleMatcher, dict[str, str]] | None] = {}

    def find(self, video_path: str) -> str | None:
        folder, name = os.path.split(video_path)
        if folder not in self._folders:
            self._folders[folder] = _matcher_for_folder(folder)
        found = self._folders[folder]
        if found is None:
            return None
        matcher, paths = found
        for subtitle in matcher.ranked_for(stem(name)):
            if _non_empty_file(paths[subtitle]):
                return paths[subtitle]
        return None


def _matcher_for_folder(folder: str) -> tuple[SubtitleMatcher, dict[str, str]] | None:
    try:
        with os.scandir(folder) as entries:
            names = {entry.name: entry.path for entry in entries if not is_hidden(entry.name)}
    except OSError:
        return None  # the episode itself then fails to play and reports why; no subtitle
    subtitles = [n for n in names if extension(n) in SUBTITLE_EXTENSIONS]
    if not subtitles:
        return SubtitleMatcher((), ()), {}
    videos = [stem(n) for n in names if extension(n) in VIDEO_EXTENSIONS]
    return SubtitleMatcher(subtitles, videos), names


def _non_empty_file(path: str) -> bool:
    try:
        return os.stat(path).st_size > 0
    except OSError:
        return False
