from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, load

rthook_vlc = load("windows/rthook_vlc.py")


def _bundle(root: Path, with_vlc: bool = True) -> Path:
    if with_vlc:
        (root / "vlc" / "plugins" / "codec").mkdir(parents=True)
        (root / "vlc" / "libvlc.dll").write_bytes(b"MZ")
        (root / "vlc" / "libvlccore.dll").write_bytes(b"MZ")
    (root / "assets" / "demo").mkdir(parents=True)
    return root


def test_python_vlc_is_pointed_at_the_bundled_library_and_plugins(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path / "_internal")
    env = {"PYTHON_VLC_LIB_PATH": r"C:\Program Files\VideoLAN\VLC\libvlc.dll"}
    assert rthook_vlc.configure_vlc([bundle], env) == bundle / "vlc"
    assert env["PYTHON_VLC_LIB_PATH"] == str(bundle / "vlc" / "libvlc.dll")
    assert env["PYTHON_VLC_MODULE_PATH"] == str(bundle / "vlc" / "plugins")


def test_the_first_folder_holding_vlc_wins(tmp_path: Path) -> None:
    without = _bundle(tmp_path / "meipass", with_vlc=False)
    beside_exe = _bundle(tmp_path / "app")
    env: dict[str, str] = {}
    assert rthook_vlc.configure_vlc([without, beside_exe], env) == beside_exe / "vlc"
    assert env["PYTHON_VLC_LIB_PATH"].startswith(str(beside_exe))


def test_without_a_bundled_vlc_nothing_is_changed(tmp_path: Path) -> None:
    env = {"PATH": "x"}
    assert rthook_vlc.configure_vlc([_bundle(tmp_path, with_vlc=False)], env) is None
    assert env == {"PATH": "x"}


def test_assets_are_named_unless_already_chosen(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    env: dict[str, str] = {}
    assert rthook_vlc.configure_assets([bundle], env) == bundle / "assets"
    assert env["SILVERREEL_ASSETS"] == str(bundle / "assets")
    chosen = {"SILVERREEL_ASSETS": "/family/assets"}
    rthook_vlc.configure_assets([bundle], chosen)
    assert chosen["SILVERREEL_ASSETS"] == "/family/assets"


def test_as_a_runtime_hook_it_sets_the_environment_before_the_app_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path / "_internal")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    for name in ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "SILVERREEL_ASSETS"):
        # Set, then delete: monkeypatch then restores the original state (often "unset")
        # after the test, instead of leaving what the hook sets to the tests that follow.
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    runpy.run_path(str(PACKAGING / "windows" / "rthook_vlc.py"), run_name="__main__")
    assert os.environ["PYTHON_VLC_LIB_PATH"] == str(bundle / "vlc" / "libvlc.dll")
    assert os.environ["PYTHON_VLC_MODULE_PATH"] == str(bundle / "vlc" / "plugins")
    assert os.environ["SILVERREEL_ASSETS"] == str(bundle / "assets")


def test_outside_a_frozen_app_the_hook_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setenv("PYTHON_VLC_LIB_PATH", "")
    monkeypatch.delenv("PYTHON_VLC_LIB_PATH")
    runpy.run_path(str(PACKAGING / "windows" / "rthook_vlc.py"), run_name="__main__")
    assert "PYTHON_VLC_LIB_PATH" not in os.environ
