"""The Windows spec run the way PyInstaller runs it, with its build steps recorded.

PyInstaller only builds Windows apps on Windows. Here the spec is executed with the names
PyInstaller gives it (SPECPATH, workpath, Analysis, PYZ, EXE, COLLECT…) bound to recorders,
against a stand-in VLC folder, so everything the spec itself decides can be checked.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.scripts import PACKAGING

SPEC = PACKAGING / "windows" / "silverreel.spec"
PLUGIN_FILES = ("access/libfilesystem_plugin.dll", "codec/libavcodec_plugin.dll",
                "video_output/libdirect3d11_plugin.dll")


class Step:
    """Stands in for one of PyInstaller's build classes and keeps what it was given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[tuple[str, str]] = list(kwargs.get("binaries", []))
        self.datas: list[tuple[str, str]] = list(kwargs.get("datas", []))


@dataclass
class SpecRun:
    namespace: dict[str, Any]
    workpath: Path
    steps: dict[str, Step] = field(default_factory=dict)

    @property
    def analysis(self) -> Step:
        return self.namespace["a"]

    @property
    def exe(self) -> Step:
        return self.namespace["exe"]

    @property
    def collect(self) -> Step:
        return self.namespace["coll"]


def fake_vlc(root: Path) -> Path:
    """A folder laid out like a VLC 3 install (empty files stand in for the DLLs)."""
    for name in ("libvlc.dll", "libvlccore.dll", "vlc.exe", *(f"plugins/{p}" for p in
                                                              PLUGIN_FILES)):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"MZ")
    return root


def run_spec(vlc_dir: Path, workpath: Path, monkeypatch: pytest.MonkeyPatch) -> SpecRun:
    monkeypatch.setenv("VLC_DIR", str(vlc_dir))
    namespace: dict[str, Any] = {
        "DISTPATH": str(workpath / "dist"), "SPEC": str(SPEC), "specnm": SPEC.stem,
        "SPECPATH": str(SPEC.parent), "workpath": str(workpath), "WARNFILE": "",
        "HOMEPATH": "", "Analysis": Step, "PYZ": Step, "EXE": Step, "COLLECT": Step,
        "BUNDLE": Step, "MERGE": Step, "TOC": list, "Tree": Step, "Splash": Step,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return SpecRun(namespace, workpath)


def lay_out_bundle(run: SpecRun, contents: Path) -> Path:
    """Copy what the spec collects to where a one-folder build puts it."""
    for source, target in [*run.analysis.binaries, *run.analysis.datas]:
        destination = contents / target
        if Path(source).is_dir():
            shutil.copytree(source, destination, dirs_exist_ok=True)
        else:
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / Path(source).name)
    return contents


@pytest.fixture
def spec_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SpecRun:
    return run_spec(fake_vlc(tmp_path / "VLC"), tmp_path / "build", monkeypatch)
