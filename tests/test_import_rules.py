"""Layers import only what they may (checked on the source with ast, nothing is imported)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# package prefix → module prefixes it must never import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "player.engine": ("player.ui", "player.library", "player.session", "accessibility",
                      "PySide6.QtWidgets"),
    "player.library": ("PySide6", "player.ui", "player.engine", "vlc"),
    "player.config": ("player.ui", "player.engine", "player.library", "PySide6.QtWidgets"),
    "player.progress": ("PySide6", "player.ui", "player.engine"),
    "player.net": ("PySide6", "player.ui", "player.engine", "player.library", "player.config",
                   "accessibility", "vlc"),
    "player.safeio": ("PySide6", "player.ui", "player.engine", "player.library", "vlc"),
    "player.playable": ("PySide6", "player.ui", "player.engine", "player.progress"),
    "accessibility.subtitles": ("PySide6", "player", "vlc"),
    "accessibility.pacing": ("PySide6", "player", "vlc", "cv2"),
    "accessibility.calm": ("PySide6", "player", "vlc", "cv2"),
    "accessibility.speech": ("player.ui", "PySide6.QtWidgets"),
    "accessibility.theme": ("player", "PySide6.QtWidgets"),
    # Controllers beside the session reach screens only through signals and intent-level
    # methods: they never import a screen, nor widgets.
    **{name: ("player.ui", "PySide6.QtWidgets", "vlc")
       for name in ("player.session", "player.rest", "player.calm", "player.pace")},
    # The start checks' words (requests, verdicts, their order) are plain data.
    "player.start_checks": ("PySide6", "player.ui", "player.engine", "vlc"),
    # The cast receiver's network side runs on its own thread: no Qt, no engine, no screens.
    # Only player.cast.receiver and player.cast.resume (on the GUI thread) join it to the app;
    # stream_analysis is used by the receiver and runs its own process.
    **{f"player.cast.{name}": ("PySide6", "player.ui", "player.engine", "player.session",
                               "player.library", "vlc")
       for name in ("bridge", "copy", "device", "metadata", "server", "timecode", "vetting",
                    "stream_analysis")},
}

# Leaf modules a forbidden prefix may still import: they import nothing of the app, no Qt and
# no libVLC (the sidecar reader uses the app's one bounded, FIFO-safe JSON reader).
ALLOWED: dict[str, tuple[str, ...]] = {
    "accessibility.pacing": ("player.safeio",),
}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for root in ("player", "accessibility"):
        for path in (REPO / root).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            found.append((name.removesuffix(".__init__"), path))
    return found


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize(("module", "path"), _modules(), ids=str)
def test_layers_import_only_what_they_may(module: str, path: Path) -> None:
    for layer, forbidden in FORBIDDEN.items():
        if module == layer or module.startswith(layer + "."):
            allowed = ALLOWED.get(layer, ())
            bad = sorted(name for name in _imports(path)
                         if any(name == f or name.startswith(f + ".") for f in forbidden)
                         and name not in allowed)
            assert not bad, f"{module} (layer {layer}) imports {bad}"


@pytest.mark.parametrize("leaf", sorted({m for names in ALLOWED.values() for m in names}))
def test_allowed_leaf_modules_stay_leaves(leaf: str) -> None:
    path = REPO.joinpath(*leaf.split(".")).with_suffix(".py")
    bad = sorted(name for name in _imports(path)
                 if name.split(".")[0] in ("player", "accessibility", "PySide6", "vlc"))
    assert not bad, f"{leaf} is allowed everywhere, so it may not import {bad}"
