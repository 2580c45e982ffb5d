"""``silverreel --config-dir DIR inspect …``: the app's options may come before a command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from player.assets import demo_library
from player.cli import split_command


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["inspect", "x", "--json"], ([], "inspect", ["x", "--json"])),
        (["--config-dir", "D", "inspect", "x", "--json"],
         (["--config-dir", "D"], "inspect", ["x", "--json"])),
        (["--config-dir=D", "--fullscreen", "inspect", "x"],
         (["--config-dir=D", "--fullscreen"], "inspect", ["x"])),
        (["--library", "inspect", "--fullscreen"], (["--library", "inspect", "--fullscreen"],
                                                    None, [])),
        (["--library", "inspect", "inspect", "y"], (["--library", "inspect"], "inspect", ["y"])),
        ([], ([], None, [])),
    ],
)
def test_split_command(arguments: list[str], expected: tuple[list[str], str | None, list[str]],
                       ) -> None:
    assert split_command(arguments) == expected


def test_options_before_inspect_work_end_to_end(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "player", "--config-dir", str(tmp_path / "cfg"), "inspect",
         str(demo_library()), "--json"],
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["series"][0]["title"] == "春风又起"
    assert result.stderr == ""


def test_a_bad_option_before_inspect_is_still_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "player", "--language", "fr", "inspect", str(demo_library()),
         "--json"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "--language" in result.stderr
