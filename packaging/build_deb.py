"""Build ``silverreel_VERSION_ARCH.deb``: ``make package`` (or ``python packaging/build_deb.py``).

The package holds the app in a private virtual environment (``/opt/silverreel/venv``, see
``deb_venv.py``), its own files in ``/usr/share/silverreel/assets``, a menu entry and icon, a
TV autostart entry with its on/off helper, and Depends on the Debian packages in
``packaging/debian-packages.txt``. It is put together in a staging tree and packed with
``dpkg-deb`` alone, so building needs no debhelper. See docs/packaging.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import app_icon
import deb_control
import deb_venv

REPO = Path(__file__).resolve().parent.parent
LINUX = REPO / "packaging" / "linux"
PACKAGE = "silverreel"
SHARE = Path("usr/share")
ASSETS_TARGET = SHARE / "silverreel" / "assets"
AUTOSTART_TARGET = SHARE / "silverreel" / "autostart"
PROJECT_FILES = ("pyproject.toml", "README.md", "player", "accessibility")
COMPRESSIONS = ("zstd", "xz", "gzip")
LAUNCH_CODE = ('import sys; sys.argv[0] = "silverreel"; from player.app import main; '
               "sys.exit(main())")


class BuildError(Exception):
    """The package could not be built; the message says why."""


def launcher_script(prefix: PurePosixPath = deb_venv.INSTALL_PREFIX) -> str:
    return (
        "#!/bin/sh\n"
        "# SilverReel runs in its own Python environment. -I keeps the user's PYTHONPATH,\n"
        "# ~/.local packages and the current folder out of it. argv[0] becomes the window's\n"
        "# class instance, which docks match against silverreel.desktop.\n"
        f"exec {prefix}/bin/python -I -c '{LAUNCH_CODE}' \"$@\"\n"
    )


def copyright_text() -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: SilverReel\n\n"
        "Files: *\n"
        "License: GPL-3.0-or-later\n"
        " On Debian systems the full text is in /usr/share/common-licenses/GPL-3.\n"
        " The Python libraries in /opt/silverreel/venv keep their own licences, recorded\n"
        " in each library's *.dist-info folder there.\n"
    )


def debian_interpreter(python: Path) -> tuple[Path, str]:
    """The real interpreter behind ``python`` and its Debian package name (``python3.11``).

    The venv links to this exact file; a link to ``/usr/bin/python3`` would follow Debian's
    default Python to a new minor version that the compiled wheels do not fit.
    """
    interpreter = python.resolve()
    owner = subprocess.run(["dpkg", "-S", str(interpreter)], capture_output=True, text=True,
                           check=False)
    if owner.returncode != 0:
        raise BuildError(f"{interpreter} is not Debian's own Python (no package owns it); "
                         "build with --python /usr/bin/python3")
    probe = subprocess.run([str(interpreter), "-c",
                            "import sys; print('%d.%d' % sys.version_info[:2])"],
                           capture_output=True, text=True, check=False)
    version = probe.stdout.strip()
    if probe.returncode != 0 or not version:
        raise BuildError(f"{interpreter} does not run: {probe.stderr.strip()}")
    if tuple(int(part) for part in version.split(".")) < (3, 11):
        raise BuildError(f"{interpreter} is Python {version}; SilverReel needs 3.11 or later")
    return interpreter, f"python{version}"


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def copy_project_source(destination: Path) -> Path:
    """Only what the wheel is built from, so the build never writes into the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return destination


def compile_translations() -> None:
    result = subprocess.run([sys.executable, str(REPO / "packaging" / "build_translations.py")],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"compiling the translations failed:\n{result.stderr}")


def visible_files(root: Path) -> list[Path]:
    """Files under ``root``, leaving out hidden ones (editor files, half-written staging)."""
    return [path for path in sorted(root.rglob("*"))
            if path.is_file() and not any(part.startswith(".")
                                          for part in path.relative_to(root).parts)]


def install_assets(staging: Path) -> None:
    assets = REPO / "assets"
    target = staging / ASSETS_TARGET
    demo = assets / "demo"
    if not visible_files(demo):
        raise BuildError(f"{demo} is empty: make the demo series first "
                         "(.venv/bin/python assets/make_demo.py)")
    for path in visible_files(demo):
        _copy(path, target / "demo" / path.relative_to(demo))
    catalogues = sorted((assets / "i18n").glob("*.qm"))
    if not catalogues:
        raise BuildError("no compiled translations in assets/i18n")
    for path in catalogues:
        _copy(path, target / "i18n" / path.name)
    _copy(app_icon.ICON_SVG, target / "icons" / app_icon.ICON_SVG.name)


def install_desktop_integration(staging: Path) -> None:
    _copy(LINUX / "silverreel.desktop", staging / SHARE / "applications" / "silverreel.desktop")
    _copy(LINUX / "silverreel-tv.desktop", staging / AUTOSTART_TARGET / "silverreel-tv.desktop")
    theme = staging / SHARE / "icons" / "hicolor"
    _copy(app_icon.ICON_SVG, theme / "scalable" / "apps" / f"{PACKAGE}.svg")
    app_icon.write_theme_pngs(app_icon.ICON_SVG, theme, PACKAGE)


def install_commands(staging: Path) -> None:
    _write(staging / "usr/bin" / PACKAGE, launcher_script(), executable=True)
    helper = (LINUX / "tv_autostart.py").read_text(encoding="utf-8").split("\n", 1)[1]
    _write(staging / "usr/bin" / "silverreel-tv-autostart",
           f"#!{deb_venv.INSTALL_PREFIX}/bin/python -I\n{helper}", executable=True)
    _write(staging / SHARE / "doc" / PACKAGE / "copyright", copyright_text())


def install_python(staging: Path, work: Path, python: Path) -> None:
    venv = deb_venv.staged(staging)
    deb_venv.create(venv, python)
    constraints = work / "constraints.txt"
    constraints.write_text("\n".join(deb_venv.pinned_versions()) + "\n", encoding="utf-8")
    deb_venv.install(venv, copy_project_source(work / "source"), constraints)
    deb_venv.relocate(venv)
    deb_venv.compile_bytecode(venv, staging)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _write(target: Path, text: str, executable: bool = False) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    if executable:
        target.chmod(0o755)


def normalise_modes(staging: Path) -> None:
    """0755 folders and programs, 0644 everything else, whatever the build's umask was."""
    staging.chmod(0o755)
    for path in staging.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def installed_size_kib(staging: Path) -> int:
    total = sum(path.lstat().st_size for path in staging.rglob("*")
                if path.is_file() and path.relative_to(staging).parts[0] != "DEBIAN")
    return -(-total // 1024)


def write_control(staging: Path, python_package: str) -> None:
    debian = staging / "DEBIAN"
    info = deb_control.PackageInfo(
        name=PACKAGE, version=deb_control.project_version(), architecture=architecture(),
        python=python_package, installed_size_kib=installed_size_kib(staging),
        maintainer=deb_control.maintainer(os.environ),
    )
    _write(debian / "control", deb_control.control_text(info))
    _copy(LINUX / "postrm", debian / "postrm")
    (debian / "postrm").chmod(0o755)


def build(output_dir: Path, python: Path, compression: str, work: Path) -> Path:
    if shutil.which("dpkg-deb") is None:
        raise BuildError("dpkg-deb not found: build on Debian (or Ubuntu)")
    interpreter, python_package = debian_interpreter(python)
    compile_translations()
    staging = work / "root"
    install_python(staging, work, interpreter)
    install_assets(staging)
    install_desktop_integration(staging)
    install_commands(staging)
    write_control(staging, python_package)
    normalise_modes(staging)
    leaked = deb_venv.files_mentioning(staging, str(work))
    if leaked:
        shown = "\n".join(str(path) for path in leaked[:10])
        raise BuildError(f"these files still name the build folder {work}:\n{shown}")
    output_dir.mkdir(parents=True, exist_ok=True)
    version = deb_control.project_version()
    target = output_dir / f"{PACKAGE}_{version}_{architecture()}.deb"
    result = subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build",
                             str(staging), str(target)], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise BuildError(f"dpkg-deb failed:\n{result.stderr}")
    return target


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Build the SilverReel .deb package.")
    parser.add_argument("--output-dir", type=Path, default=REPO / "dist",
                        help="where the .deb goes (default: dist/)")
    parser.add_argument("--python", type=Path, default=Path("/usr/bin/python3"),
                        help="Debian's interpreter the app will run on (default: %(default)s)")
    # zstd packs the ~400 MB tree in seconds; xz saves a quarter of the size but takes
    # minutes on two cores, worth it only for a published release.
    parser.add_argument("--compression", choices=COMPRESSIONS, default="zstd")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="silverreel-deb-") as work:
        try:
            target = build(args.output_dir.resolve(), args.python, args.compression, Path(work))
        except (BuildError, deb_control.ControlError, deb_venv.VenvError,
                app_icon.IconError) as error:
            print(f"build_deb: {error}", file=sys.stderr)
            return 1
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
