"""Fixtures for the demo-series tests: the committed demo, and one quick fresh build."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
GENERATOR = REPO / "assets" / "make_demo.py"
DEMO_DIR = REPO / "assets" / "demo"

RunGenerator = Callable[..., subprocess.CompletedProcess[str]]


def _run_generator(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATOR), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


@pytest.fixture(scope="session")
def run_generator() -> RunGenerator:
    """Run ``assets/make_demo.py`` with the given arguments (and optional environment)."""
    return _run_generator


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO_DIR


@pytest.fixture(scope="session")
def manifest() -> dict[str, Any]:
    return json.loads((DEMO_DIR / "demo.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def quick_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh ``--quick`` build (two short episodes), made once per session."""
    out = tmp_path_factory.mktemp("quick-demo")
    done = _run_generator("--quick", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out
