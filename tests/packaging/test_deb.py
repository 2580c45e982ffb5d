"""``make package`` builds the .deb; installed on this machine it starts to Home and leaves cleanly.

The package is really installed (``dpkg -i``, then ``apt-get -f install`` for anything missing)
and really removed at the end, so this needs root, as CI has. The tests run in file order:
the last one removes the package, and the fixture purges it in any case.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import XDisplay
from tests.packaging.scripts import REPO
from tests.x11 import RunningApp

pytestmark = [pytest.mark.slow, pytest.mark.x11]

PACKAGE = "silverreel"
PREFIX = Path("/opt/silverreel")
INSTALLED_ASSETS = Path("/usr/share/silverreel/assets")
MENU_ENTRY = Path("/usr/share/applications/silverreel.desktop")
TV_ENTRY = Path("/usr/share/silverreel/autostart/silverreel-tv.desktop")


def _run(*command: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


def _status() -> str:
    return _run("dpkg-query", "-W", "-f=${Status}", PACKAGE).stdout


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("building a .deb needs Debian's dpkg-deb")
    out = tmp_path_factory.mktemp("deb")
    built = _run("make", "-C", str(REPO), "package", f"PACKAGE_DIR={out}")
    assert built.returncode == 0, built.stdout + built.stderr
    debs = sorted(out.glob(f"{PACKAGE}_*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root (CI runs as root)")
    # dpkg -i fails when a dependency is missing; apt-get -f install then brings it in.
    _run("dpkg", "-i", str(deb))
    fixed = _run("apt-get", "-f", "install", "-y", "-o", "DPkg::Lock::Timeout=120",
                 env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _status() == "install ok installed"
    try:
        yield deb
    finally:
        # Purge, not just remove: a package with a postrm stays known to dpkg after removal.
        if _status():
            _run("dpkg", "--purge", PACKAGE)


def _field(deb: Path, name: str) -> str:
    return _run("dpkg-deb", "--field", str(deb), name).stdout.strip()


def test_package_depends_on_the_run_time_debian_packages_only(deb: Path) -> None:
    depends = [item.strip() for item in _field(deb, "Depends").split(",")]
    for needed in ("libvlc5", "vlc-plugin-base", "vlc-plugin-video-output", "espeak-ng",
                   "fonts-noto-cjk"):
        assert needed in depends
    assert depends[0].startswith("python3.")
    for test_only in ("xvfb", "ffmpeg", "xdotool"):
        assert test_only not in depends


def test_package_holds_app_menu_entry_icon_assets_and_tv_autostart(deb: Path) -> None:
    listing = _run("dpkg-deb", "--contents", str(deb)).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    for expected in ("/usr/bin/silverreel", "/usr/bin/silverreel-tv-autostart",
                     str(MENU_ENTRY), str(TV_ENTRY),
                     "/usr/share/icons/hicolor/scalable/apps/silverreel.svg",
                     "/usr/share/icons/hicolor/256x256/apps/silverreel.png",
                     "/opt/silverreel/venv/pyvenv.cfg",
                     f"{INSTALLED_ASSETS}/i18n/silverreel_en.qm"):
        assert expected in paths, expected
    assert any(path.startswith(f"{INSTALLED_ASSETS}/demo/") and path.endswith(".mp4")
               for path in paths)


def test_installed_app_starts_full_screen_to_home(
    installed: Path, xdisplay: XDisplay, tmp_path: Path
) -> None:
    event_log = tmp_path / "events.jsonl"
    env = {key: value for key, value in os.environ.items()
           if key not in {"QT_QPA_PLATFORM", "SILVERREEL_ASSETS", "PYTHONPATH"}}
    env.update(DISPLAY=xdisplay.name, SILVERREEL_AUDIO_OUTPUT="dummy")
    process = subprocess.Popen(
        ["/usr/bin/silverreel", "--fullscreen", "--event-log", str(event_log),
         "--config-dir", str(tmp_path / "cfg"), "--library", str(INSTALLED_ASSETS / "demo")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    app = RunningApp(process, xdisplay, event_log)
    try:
        home = app.wait_for_event("home_ready", timeout=60)
        assert home["series"] == 1
        command = Path(f"/proc/{process.pid}/cmdline").read_bytes().split(b"\0")
        assert command[0] == b"/opt/silverreel/venv/bin/python"
        window = _run("xdotool", "search", "--class", "SilverReel",
                      env={**env, "DISPLAY": xdisplay.name}).stdout.split()
        assert window, "no SilverReel window on the display"
        wm_class = _run("xprop", "-id", window[-1], "WM_CLASS",
                        env={**env, "DISPLAY": xdisplay.name}).stdout
        assert '"silverreel", "SilverReel"' in wm_class  # docks match it to the menu entry
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_installed_app_uses_its_own_environment_and_assets(
    installed: Path, tmp_path: Path
) -> None:
    probe = ("from player.assets import assets_dir; import player, vlc, PySide6; "
             "print(assets_dir()); print(player.__file__); print(PySide6.__file__)")
    result = _run(str(PREFIX / "venv/bin/python"), "-I", "-c", probe, cwd=tmp_path,
                  env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    assets, player, pyside = result.stdout.split()
    assert assets == str(INSTALLED_ASSETS)
    assert player.startswith(f"{PREFIX}/venv/lib/")
    assert pyside.startswith(f"{PREFIX}/venv/lib/")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_installed_entries_pass_the_freedesktop_validator(installed: Path) -> None:
    for entry in (MENU_ENTRY, TV_ENTRY):
        result = _run("desktop-file-validate", str(entry))
        assert result.returncode == 0, result.stdout + result.stderr


def test_tv_autostart_helper_turns_full_screen_start_on_and_off(
    installed: Path, tmp_path: Path
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    entry = tmp_path / ".config" / "autostart" / "silverreel-tv.desktop"
    assert _run("/usr/bin/silverreel-tv-autostart", "on", env=env).returncode == 0
    assert "Exec=silverreel --fullscreen" in entry.read_text(encoding="utf-8")
    assert _run("/usr/bin/silverreel-tv-autostart", "status", env=env).stdout.startswith("开启")
    assert _run("/usr/bin/silverreel-tv-autostart", "off", env=env).returncode == 0
    assert not entry.exists()


def test_removing_the_package_takes_everything_away(installed: Path) -> None:
    removed = _run("dpkg", "-r", PACKAGE)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not _status().startswith("install")
    for path in (PREFIX, Path("/usr/bin/silverreel"), MENU_ENTRY, INSTALLED_ASSETS):
        assert not path.exists(), path
