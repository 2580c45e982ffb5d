"""The app's private Python environment, built in a staging tree for ``/opt/silverreel/venv``.

A virtual environment made by Debian's own interpreter keeps SilverReel's libraries (PySide6,
python-vlc, PyAV…) apart from the system's: ``include-system-site-packages = false`` hides
Debian's python3-* packages, so an older python3-numpy cannot shadow the tested one. A venv is
only tied to its location through a few text files (script shebangs, ``pyvenv.cfg``), so it is
built under the staging root and those files are rewritten to the final path.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath

INSTALL_PREFIX = PurePosixPath("/opt/silverreel/venv")
OWN_DISTRIBUTION = "silverreel"
OWN_PACKAGES = ("player", "accessibility")


class VenvError(Exception):
    """The private environment could not be built."""


def staged(staging_root: Path, prefix: PurePosixPath = INSTALL_PREFIX) -> Path:
    return staging_root / prefix.relative_to("/")


def _run(command: Sequence[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise VenvError(f"{what} failed ({result.returncode}):\n{result.stdout}{result.stderr}")



def create(venv: Path, python: Path) -> None:
    """An empty environment (no pip: the build's own pip installs into it from outside)."""
    _run([str(python), "-m", "venv", "--without-pip", str(venv)], "creating the environment")


def pinned_versions(exclude: str = OWN_DISTRIBUTION) -> list[str]:
    """``name==version`` for every distribution the build runs with.

    Used as pip constraints, so the package ships the library versions the tests ran against
    rather than whatever is newest on the day of the build.
    """
    pins = set()
    for distribution in metadata.distributions():
        name = distribution.metadata["Name"]
        if name and name.lower() != exclude:
            pins.add(f"{name}=={distribution.version}")
    return sorted(pins, key=str.lower)


def install(venv: Path, source: Path, constraints: Path | None) -> None:
    """The project and its PyPI dependencies, installed by the build's pip (``--python``)."""
    command = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"),
               "install", "--quiet", "--no-compile", "--no-warn-script-location"]
    if constraints is not None:
        command += ["--constraint", str(constraints)]
    _run([*command, str(source)], "installing SilverReel and its Python libraries")
    no_deps = source / "packaging" / "no-deps-requirements.txt"
    if no_deps.is_file():
        _run([*command, "--no-deps", "-r", str(no_deps)], "installing the text recogniser")
    # PEP 610 metadata that would record the build machine's temporary source path.
    for direct_url in venv.glob(f"lib/python3*/site-packages/{OWN_DISTRIBUTION}-*.dist-info/"
                                "direct_url.json"):
        direct_url.unlink()


def _text_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_file() and not path.is_symlink():
            yield path


def relocate(venv: Path, final: PurePosixPath = INSTALL_PREFIX) -> list[Path]:
    """Point the scripts and ``pyvenv.cfg`` at ``final`` instead of the staging path."""
    old, new = str(venv).encode(), str(final).encode()
    changed = []
    for path in _text_files([*sorted((venv / "bin").iterdir()), venv / "pyvenv.cfg"]):
        content = path.read_bytes()
        if old in content:
            path.write_bytes(content.replace(old, new))
            changed.append(path)
    return changed


def compile_bytecode(venv: Path, staging_root: Path) -> None:
    """Byte-compile once at build time, recording the installed paths in the .pyc files.

    Users cannot write under /opt, so without this every start would compile in memory again.
    ``unchecked-hash`` because only dpkg changes these files, and it replaces the .pyc with them.
    Libraries may ship files that are not Python (PySide6 has Jinja templates named
    ``*.tmpl.py``); like pip, a library file that does not compile is left as it is, but
    SilverReel's own packages must compile.
    """
    command = [str(venv / "bin" / "python"), "-m", "compileall", "-q", "-j", "0",
               "-s", str(staging_root), "-p", "/", "--invalidation-mode", "unchecked-hash"]
    subprocess.run([*command, str(venv / "lib")], capture_output=True, check=False)
    site_packages = sorted(venv.glob("lib/python3*/site-packages"))
    own = [str(site / package) for site in site_packages for package in OWN_PACKAGES]
    _run([*command, *own], "byte-compiling SilverReel")


def files_mentioning(root: Path, needle: str) -> list[Path]:
    """Files under ``root`` whose bytes contain ``needle`` (a path that must not ship)."""
    pattern = needle.encode()
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and pattern in path.read_bytes():
            found.append(path)
    return found
