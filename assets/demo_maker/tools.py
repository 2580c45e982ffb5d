"""The external programs the demo is made with, and a safe way to run them."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

FONT_REGULAR = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
REQUIRED_PROGRAMS = ("ffmpeg", "espeak-ng")

# Paths end up inside ffmpeg filter graphs (drawtext fontfile/textfile), whose quoting rules
# differ per nesting level; accepting only plain characters is simpler than escaping them right.
_FILTER_SAFE_PATH = re.compile(r"[A-Za-z0-9_./+-]+")


class DemoBuildError(Exception):
    """The demo could not be built; the message says why in plain words."""


def check_tools() -> None:
    """Fail early, with one clear message, when something the generator needs is missing."""
    missing = [name for name in REQUIRED_PROGRAMS if shutil.which(name) is None]
    missing += [str(font) for font in (FONT_REGULAR, FONT_BOLD) if not font.is_file()]
    if missing:
        raise DemoBuildError(
            "cannot build the demo series, missing: "
            + ", ".join(missing)
            + " (on Debian/Ubuntu: apt-get install ffmpeg espeak-ng fonts-noto-cjk)"
        )


def filter_path(path: Path) -> str:
    """Return ``path`` as text that can stand unquoted inside a filter graph."""
    text = str(path)
    if not _FILTER_SAFE_PATH.fullmatch(text):
        raise DemoBuildError(f"path not usable inside an ffmpeg filter graph: {text!r}")
    return text


def run(args: Sequence[str | Path]) -> str:
    """Run a program from an argument list (never a shell) and return its stderr.

    ffmpeg reports measurements (ebur128) on stderr, so callers may parse it.
    """
    argv = [str(arg) for arg in args]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
    except OSError as error:
        raise DemoBuildError(f"could not start {argv[0]}: {error}") from error
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise DemoBuildError(f"{argv[0]} failed (exit {done.returncode}):\n{tail}")
    return done.stderr


def ffmpeg(*args: str | Path) -> str:
    """Run ffmpeg quietly, overwriting outputs, with bit-exact muxing for repeatable files."""
    return run(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-y", *args])
