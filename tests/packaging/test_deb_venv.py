from __future__ import annotations

import importlib.util
import marshal
from pathlib import Path, PurePosixPath

import pytest

from tests.packaging.scripts import load

deb_venv = load("deb_venv.py")

DEBIAN_PYTHON = Path("/usr/bin/python3")


def _fake_venv(root: Path) -> Path:
    venv = deb_venv.staged(root)
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "tool").write_text(f"#!{venv}/bin/python\nimport tool\n", encoding="utf-8")
    (venv / "bin" / "python").symlink_to("/usr/bin/python3")
    (venv / "pyvenv.cfg").write_text(f"home = /usr/bin\ncommand = python -m venv {venv}\n",
                                     encoding="utf-8")
    return venv


def test_relocation_points_scripts_and_config_at_the_installed_path(tmp_path: Path) -> None:
    venv = _fake_venv(tmp_path)
    changed = deb_venv.relocate(venv)
    assert sorted(path.name for path in changed) == ["pyvenv.cfg", "tool"]
    assert (venv / "bin" / "tool").read_text(encoding="utf-8").startswith(
        "#!/opt/silverreel/venv/bin/python\n")
    assert "/opt/silverreel/venv" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    assert str((venv / "bin" / "python").readlink()) == "/usr/bin/python3"
    assert deb_venv.files_mentioning(tmp_path, str(tmp_path)) == []


def test_leftover_build_paths_are_found(tmp_path: Path) -> None:
    venv = _fake_venv(tmp_path)
    assert {path.name for path in deb_venv.files_mentioning(tmp_path, str(tmp_path))} \
        == {"tool", "pyvenv.cfg"}
    assert deb_venv.staged(tmp_path, PurePosixPath("/opt/x")) == tmp_path / "opt" / "x"
    assert venv == tmp_path / "opt" / "silverreel" / "venv"


def test_pins_name_the_libraries_the_build_runs_with_but_not_the_app() -> None:
    pins = deb_venv.pinned_versions()
    names = {pin.split("==")[0].lower() for pin in pins}
    assert "pytest" in names
    assert "silverreel" not in names
    assert all(pin.count("==") == 1 for pin in pins)


@pytest.mark.skipif(not DEBIAN_PYTHON.exists(), reason="needs Debian's python3")
def test_bytecode_records_installed_paths_and_tolerates_broken_library_files(
    tmp_path: Path,
) -> None:
    venv = deb_venv.staged(tmp_path)
    deb_venv.create(venv, DEBIAN_PYTHON)
    site = next(venv.glob("lib/python3*/site-packages"))
    (site / "player").mkdir()
    (site / "player" / "clock.py").write_text("TICK = 1\n", encoding="utf-8")
    (site / "accessibility").mkdir()
    (site / "somelib").mkdir()
    (site / "somelib" / "template.tmpl.py").write_text("{% for x in y %}\n", encoding="utf-8")

    deb_venv.compile_bytecode(venv, tmp_path)

    compiled = next((site / "player" / "__pycache__").glob("clock.*.pyc"))
    data = compiled.read_bytes()
    if data[:4] != importlib.util.MAGIC_NUMBER:
        pytest.skip("Debian's python3 is another minor version than the test's")
    code = marshal.loads(data[16:])
    assert code.co_filename == f"/{site.relative_to(tmp_path)}/player/clock.py"
    assert not list((site / "somelib").glob("__pycache__/*.pyc"))

    (site / "player" / "broken.py").write_text("def (:\n", encoding="utf-8")
    with pytest.raises(deb_venv.VenvError, match="byte-compiling SilverReel"):
        deb_venv.compile_bytecode(venv, tmp_path)


@pytest.mark.skipif(not DEBIAN_PYTHON.exists(), reason="needs Debian's python3")
def test_a_failed_step_is_a_clean_error_with_the_tool_output(tmp_path: Path) -> None:
    target = tmp_path / "file-not-folder"
    target.write_text("", encoding="utf-8")
    with pytest.raises(deb_venv.VenvError, match="creating the environment failed"):
        deb_venv.create(target / "venv", DEBIAN_PYTHON)
