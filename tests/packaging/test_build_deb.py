from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import load

build_deb = load("build_deb.py")


def test_launcher_runs_the_private_environment_isolated() -> None:
    script = build_deb.launcher_script()
    assert script.startswith("#!/bin/sh\n")
    command = script.strip().splitlines()[-1]
    assert command.startswith("exec /opt/silverreel/venv/bin/python -I -c ")
    assert command.endswith(' "$@"')
    # The inline program survives the shell's quoting as one argument.
    result = subprocess.run(["sh", "-n", "-c", command], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_hidden_files_stay_out_of_the_assets(tmp_path: Path) -> None:
    (tmp_path / "series").mkdir()
    (tmp_path / "series" / "1.mp4").write_bytes(b"x")
    (tmp_path / ".staging-1").mkdir()
    (tmp_path / ".staging-1" / "half.mp4").write_bytes(b"x")
    (tmp_path / "series" / ".swp").write_bytes(b"x")
    assert build_deb.visible_files(tmp_path) == [tmp_path / "series" / "1.mp4"]


def test_modes_are_normalised_whatever_the_umask(tmp_path: Path) -> None:
    (tmp_path / "usr" / "bin").mkdir(parents=True)
    program = tmp_path / "usr" / "bin" / "tool"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o700)
    data = tmp_path / "usr" / "data.txt"
    data.write_text("x", encoding="utf-8")
    data.chmod(0o600)
    (tmp_path / "usr" / "link").symlink_to("data.txt")
    tmp_path.chmod(0o700)
    build_deb.normalise_modes(tmp_path)
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755
    assert stat.S_IMODE(program.stat().st_mode) == 0o755
    assert stat.S_IMODE(data.stat().st_mode) == 0o644


def test_installed_size_counts_the_files_but_not_the_control_area(tmp_path: Path) -> None:
    (tmp_path / "DEBIAN").mkdir()
    (tmp_path / "DEBIAN" / "control").write_bytes(b"x" * 5000)
    (tmp_path / "opt").mkdir()
    (tmp_path / "opt" / "a").write_bytes(b"x" * 1500)
    (tmp_path / "opt" / "b").write_bytes(b"x" * 600)
    assert build_deb.installed_size_kib(tmp_path) == 3  # 2100 bytes, rounded up


def test_an_interpreter_dpkg_does_not_know_is_refused_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = tmp_path / "python3"
    stranger.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    stranger.chmod(0o755)
    code = build_deb.main(["--python", str(stranger), "--output-dir", str(tmp_path / "out")])
    assert code == 1
    assert "not Debian's own Python" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
