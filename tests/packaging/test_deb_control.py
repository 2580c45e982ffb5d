from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import load

deb_control = load("deb_control.py")


def _info(**changes: object) -> object:
    values: dict[str, object] = {
        "name": "silverreel", "version": "1.2.3", "architecture": "amd64",
        "python": "python3.11", "installed_size_kib": 4321,
    }
    values.update(changes)
    return deb_control.PackageInfo(**values)


def test_depends_are_the_run_time_part_of_the_shared_package_list() -> None:
    packages = deb_control.runtime_packages()
    for needed in ("libvlc5", "vlc-plugin-base", "vlc-plugin-video-output", "espeak-ng",
                   "fonts-noto-cjk"):
        assert needed in packages
    for test_only in ("xvfb", "ffmpeg", "xdotool", "python3-venv"):
        assert test_only not in packages


def test_the_test_section_and_comments_stay_out(tmp_path: Path) -> None:
    listing = tmp_path / "packages.txt"
    listing.write_text("# run time\nlibvlc5\n\n  espeak-ng  \n# tests and tools\nxvfb\n",
                       encoding="utf-8")
    assert deb_control.runtime_packages(listing) == ["libvlc5", "espeak-ng"]


def test_a_list_without_run_time_packages_is_a_clean_error(tmp_path: Path) -> None:
    listing = tmp_path / "packages.txt"
    listing.write_text("# tests and tools\nxvfb\n", encoding="utf-8")
    with pytest.raises(deb_control.ControlError, match="no run-time packages"):
        deb_control.runtime_packages(listing)
    with pytest.raises(deb_control.ControlError, match="cannot read"):
        deb_control.runtime_packages(tmp_path / "missing.txt")


def test_version_comes_from_pyproject_and_its_absence_is_a_clean_error(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "2.0.1"\n', encoding="utf-8")
    assert deb_control.project_version(pyproject) == "2.0.1"
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(deb_control.ControlError):
        deb_control.project_version(pyproject)


def test_maintainer_comes_from_the_usual_debian_variables() -> None:
    assert deb_control.maintainer({"DEBFULLNAME": "Li Hua", "DEBEMAIL": "li@example.org"}) \
        == "Li Hua <li@example.org>"
    assert deb_control.maintainer({"DEBFULLNAME": "Li Hua"}) == deb_control.DEFAULT_MAINTAINER


def test_control_needs_the_exact_python_the_wheels_were_built_for() -> None:
    text = deb_control.control_text(_info())
    depends = next(line for line in text.splitlines() if line.startswith("Depends: "))
    assert depends.split(": ", 1)[1].split(", ")[0] == "python3.11"
    assert "libvlc5" in depends


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs Debian's dpkg-deb")
def test_dpkg_reads_the_control_file_back(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "DEBIAN").mkdir(parents=True)
    (root / "DEBIAN" / "control").write_text(deb_control.control_text(_info()),
                                             encoding="utf-8")
    deb = tmp_path / "tiny.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(deb)],
                   check=True, capture_output=True)

    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "--field", str(deb), name], check=True,
                              capture_output=True, text=True).stdout.strip()

    assert field("Package") == "silverreel"
    assert field("Version") == "1.2.3"
    assert field("Installed-Size") == "4321"
    assert "fonts-noto-cjk" in field("Depends")
    description = field("Description")
    assert description.startswith(deb_control.SUMMARY)
    assert "TV remote" in description
