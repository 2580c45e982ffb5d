"""One decode module serves pacing and the subtitle reader, which never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGES = {
    # package → what it must not import
    "accessibility/frames": ("accessibility.pacing", "accessibility.ocr", "accessibility.calm",
                             "accessibility.analysis", "player", "PySide6", "vlc", "cv2"),
    "accessibility/ocr": ("accessibility.pacing", "accessibility.analysis", "player"),
    "accessibility/pacing": ("accessibility.ocr", "player.ui", "PySide6", "vlc", "cv2"),
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_the_package_imports_only_what_it_may(package: str) -> None:
    files = sorted((REPO / package).rglob("*.py"))
    assert files
    bad = {str(path.relative_to(REPO)): sorted(
        name for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in PACKAGES[package]))
        for path in files}
    assert {k: v for k, v in bad.items() if v} == {}


def test_both_consumers_decode_through_the_frames_module() -> None:
    for consumer in ("accessibility/pacing/measure.py", "accessibility/ocr/reader.py"):
        names = _imports(REPO / consumer)
        assert "accessibility.frames" in names, consumer
