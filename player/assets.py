"""Where the app's own files (demo series, translations, icons) are."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def assets_dir() -> Path:
    override = os.environ.get("SILVERREEL_ASSETS")
    candidates = [Path(override)] if override else []
    candidates += [
        Path(__file__).resolve().parent.parent / "assets",  # a source checkout
        Path(sys.prefix) / "share" / "silverreel" / "assets",  # an installed package
        Path("/usr/share/silverreel/assets"),
    ]
    for candidate in candidates:
        if (candidate / "demo").is_dir():
            return candidate
    return candidates[0]


def demo_library() -> Path:
    return assets_dir() / "demo"
