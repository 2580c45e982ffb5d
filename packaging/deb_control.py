"""The ``DEBIAN/control`` file of the SilverReel package.

Its Depends come from ``packaging/debian-packages.txt``, the same list ``make setup`` installs,
so the package and a source checkout need the same things. That file lists the run-time
packages first; the section whose heading comment starts with "# tests" (ffmpeg, Xvfb…) is only
for building and testing and stays out of Depends.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE_LIST = REPO / "packaging" / "debian-packages.txt"
PYPROJECT = REPO / "pyproject.toml"
TEST_SECTION_PREFIX = "# tests"
# Who builds a release sets DEBFULLNAME and DEBEMAIL (the usual Debian variables) instead.
DEFAULT_MAINTAINER = "SilverReel developers <packaging@silverreel.invalid>"

SUMMARY = "micro-drama player for older viewers (长辈剧场)"
DESCRIPTION = """\
SilverReel plays Chinese micro-dramas (微短剧) for viewers over 60: large type,
one-tap enlarge, subtitles drawn large beside vertical video and read aloud,
calm-pacing warnings, and six-key navigation that works with a TV remote.
A family member sets it up once; on a mini PC under the television it can
start by itself, full screen, at login."""


class ControlError(Exception):
    """The package description could not be made from the project's files."""


@dataclass(frozen=True)
class PackageInfo:
    name: str
    version: str
    architecture: str
    python: str  # the interpreter's Debian package, e.g. "python3.11"
    installed_size_kib: int
    maintainer: str = DEFAULT_MAINTAINER
    section: str = "video"


def maintainer(environ: Mapping[str, str]) -> str:
    name, email = environ.get("DEBFULLNAME", "").strip(), environ.get("DEBEMAIL", "").strip()
    return f"{name} <{email}>" if name and email else DEFAULT_MAINTAINER


def runtime_packages(package_list: Path = PACKAGE_LIST) -> list[str]:
    """The Debian packages SilverReel needs to run, in the order the list gives them."""
    try:
        lines = package_list.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ControlError(f"cannot read {package_list}: {error.strerror}") from error
    packages: list[str] = []
    for line in (raw.strip() for raw in lines):
        if line.startswith(TEST_SECTION_PREFIX):
            break
        if line and not line.startswith("#"):
            packages.append(line)
    if not packages:
        raise ControlError(f"{package_list} names no run-time packages")
    return packages


def project_version(pyproject: Path = PYPROJECT) -> str:
    try:
        with pyproject.open("rb") as stream:
            return str(tomllib.load(stream)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError) as error:
        raise ControlError(f"no [project] version in {pyproject}: {error}") from error


def depends(python: str, package_list: Path = PACKAGE_LIST) -> str:
    # The private environment holds compiled wheels for exactly one Python minor version, so
    # the package needs that interpreter, not whatever `python3` points to later.
    return ", ".join([python, *runtime_packages(package_list)])


def control_text(info: PackageInfo, package_list: Path = PACKAGE_LIST) -> str:
    fields = {
        "Package": info.name,
        "Version": info.version,
        "Architecture": info.architecture,
        "Maintainer": info.maintainer,
        "Installed-Size": str(info.installed_size_kib),
        "Depends": depends(info.python, package_list),
        "Recommends": "desktop-file-utils, hicolor-icon-theme",
        "Section": info.section,
        "Priority": "optional",
        "Description": SUMMARY,
    }
    text = "".join(f"{key}: {value}\n" for key, value in fields.items())
    # Extended description lines start with a space; an empty line is written " .".
    for line in DESCRIPTION.splitlines():
        text += f" {line}\n" if line.strip() else " .\n"
    return text
