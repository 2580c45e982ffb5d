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
    assert entry["Exec"] == "silverreel %U"  # 打开方式 → 长辈剧场 passes the file or folder
    assert entry["Icon"] == "silverreel"
    assert entry["Categories"] == "AudioVideo;Video;Player;"
    assert entry["Terminal"] == "false"


def test_menu_entry_offers_to_open_videos_playlists_and_folders() -> None:
    types = _entry(MENU)["MimeType"].split(";")
    assert types[-1] == ""  # the list ends with a separator
    for wanted in ("video/mp4", "video/x-matroska", "video/mp2t", "video/x-flv",
                   "application/vnd.apple.mpegurl", "audio/x-mpegurl", "inode/directory"):
        assert wanted in types
    assert not [t for t in types if t.startswith(("image/", "text/"))]


@pytest.mark.skipif(shutil.which("update-desktop-database") is None,
                    reason="update-desktop-database (desktop-file-utils) is not installed")
def test_the_desktop_database_lists_it_for_videos_and_folders(tmp_path: Path) -> None:
    # What the dpkg trigger of desktop-file-utils does on install: the file manager's
    # 打开方式 list comes from this cache.
    applications = tmp_path / "applications"
    applications.mkdir()
    shutil.copy(MENU, applications)
    subprocess.run(["update-desktop-database", str(applications)], check=True)
    cache = configparser.ConfigParser(interpolation=None)
    cache.optionxform = str  # type: ignore[assignment,method-assign]
    cache.read(applications / "mimeinfo.cache", encoding="utf-8")
    for mime in ("video/mp4", "inode/directory", "application/vnd.apple.mpegurl"):
        assert "silverreel.desktop" in cache["MIME Cache"][mime].split(";")


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
