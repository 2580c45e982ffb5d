"""Which files a library cares about, told apart by name alone (media files are never opened)."""

from __future__ import annotations

import os
import unicodedata

# What libVLC 3 plays as a video episode. A local .m3u8 is an HLS stream saved to disk.
VIDEO_EXTENSIONS = frozenset({
    ".mp4", ".m4v", ".mkv", ".mov", ".webm", ".ts", ".mts", ".m2ts", ".avi", ".flv", ".f4v",
    ".wmv", ".asf", ".mpg", ".mpeg", ".vob", ".3gp", ".3g2", ".ogv", ".rm", ".rmvb", ".divx",
    ".m3u8",
})  # fmt: skip
SUBTITLE_EXTENSIONS = frozenset({".srt", ".ass", ".ssa", ".vtt"})
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"})
PLAYLIST_EXTENSIONS = frozenset({".m3u", ".m3u8"})
MANIFEST_EXTENSIONS = frozenset({".json"})

# Files that travel with downloaded series and mean nothing to a viewer; they are passed over
# quietly instead of being reported as unplayable.
COMPANION_EXTENSIONS = frozenset({
    ".txt", ".nfo", ".md", ".url", ".lnk", ".ini", ".db", ".xml", ".json", ".torrent",
    ".sfv", ".md5", ".sha1", ".idx", ".sub", ".m3u", ".lrc",
})  # fmt: skip


def extension(name: str) -> str:
    """The lower-case extension with its dot (``".mp4"``), or ``""``."""
    return os.path.splitext(name)[1].casefold()


def stem(name: str) -> str:
    """The name without its extension; a name that is only an extension is kept whole."""
    base, _ext = os.path.splitext(name)
    return base or name


def name_key(name: str) -> str:
    """A form of a file name for matching names against each other.

    Folders copied from a Mac store decomposed (NFD) characters and Windows ignores case, so
    ``第1集.srt`` must match ``第1集.MP4`` whatever their byte forms.
    """
    return unicodedata.normalize("NFC", name).casefold()


# What operating systems leave on every USB stick; never a series.
_SYSTEM_NAMES = frozenset({
    "thumbs.db", "desktop.ini", "system volume information", "recycler", "lost+found",
    "lost.dir", "found.000",
})  # fmt: skip


def is_hidden(name: str) -> bool:
    # Dot files include the "._EP01.mp4" resource forks macOS leaves on USB sticks;
    # "$RECYCLE.BIN" and its kin are Windows' own.
    return name.startswith((".", "$")) or name.casefold() in _SYSTEM_NAMES
