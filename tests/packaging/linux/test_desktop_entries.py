"""The menu entry and the TV autostart entry in packaging/linux (installed by the .deb)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING

MENU = PACKAGING / "linux" / "silverreel.desktop"
TV = PACKAGING / "linux" / "silverreel-tv.desktop"


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_menu_entry_starts_the_app_with_its_chinese_name_and_icon() -> None:
    entry = _entry(MENU)
    assert entry["Name"] == "SilverReel"
    assert entry["Name[zh_CN]"] == "长辈剧场"
    assert entry["Exec"] == "silverreel"
    assert entry["Icon"] == "silverreel"
    assert entry["Categories"] == "AudioVideo;Video;Player;"
    assert entry["Terminal"] == "false"


def test_tv_entry_starts_full_screen() -> None:
    entry = _entry(TV)
    assert entry["Exec"] == "silverreel --fullscreen"
    assert entry["Name[zh_CN]"].startswith("长辈剧场")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
@pytest.mark.parametrize("path", [MENU, TV], ids=["menu", "tv"])
def test_entries_pass_the_freedesktop_validator(path: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_removal_script_is_valid_shell_that_only_clears_on_remove_or_purge() -> None:
    script = PACKAGING / "linux" / "postrm"
    assert subprocess.run(["sh", "-n", str(script)], check=False).returncode == 0
    text = script.read_text(encoding="utf-8")
    assert "remove|purge)" in text
    assert "rm -rf /opt/silverreel\n" in text
