"""silverreel.iss against the spec's output layout and the repository.

Inno Setup runs only on Windows; what can be checked here is that every path, name and message
the script uses exists where the spec puts it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path, PureWindowsPath

import pytest

from tests.packaging.scripts import PACKAGING, REPO
from tests.packaging.windows.conftest import SpecRun, lay_out_bundle

ISS = PACKAGING / "windows" / "silverreel.iss"
# Messages every Inno Setup language file defines (Default.isl's [CustomMessages]).
STANDARD_MESSAGES = {"CreateDesktopIcon", "AdditionalIcons", "UninstallProgram", "LaunchProgram"}


def _text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def _defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', _text(), flags=re.MULTILINE))


def _section(name: str) -> list[str]:
    lines, inside = [], False
    for line in _text().splitlines():
        if line.startswith("["):
            inside = line.strip() == f"[{name}]"
        elif inside and line.strip() and not line.startswith(";"):
            lines.append(line)
    return lines


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _section("Setup"))


def _expand(value: str) -> str:
    for name, replacement in _defines().items():
        value = value.replace("{#" + name + "}", replacement)
    return value


def _bundle_dir() -> Path:
    relative = PureWindowsPath(_defines()["BundleDir"])
    return (ISS.parent / Path(*relative.parts)).resolve()


def test_script_is_utf8_with_bom_so_inno_setup_reads_the_chinese() -> None:
    assert ISS.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert "长辈剧场" in _text()


def test_bundle_folder_is_where_pyinstaller_puts_the_spec_output(spec_run: SpecRun) -> None:
    # pyinstaller runs from the repository root with its default dist folder.
    assert _bundle_dir() == REPO / "dist" / spec_run.collect.kwargs["name"]
    assert _defines()["AppExe"] == spec_run.exe.kwargs["name"] + ".exe"


def test_setup_icon_is_a_file_the_spec_collects(spec_run: SpecRun, tmp_path: Path) -> None:
    icon = PureWindowsPath(_expand(_setup()["SetupIconFile"]))
    bundle = PureWindowsPath(_defines()["BundleDir"])
    inside = Path(*icon.relative_to(bundle).parts)
    assert inside.parts[0] == spec_run.exe.kwargs["contents_directory"]
    laid_out = tmp_path / "silverreel"
    lay_out_bundle(spec_run, laid_out / inside.parts[0])
    assert (laid_out / inside).is_file()


def test_version_defaults_to_the_projects() -> None:
    with (REPO / "pyproject.toml").open("rb") as stream:
        version = tomllib.load(stream)["project"]["version"]
    assert _defines()["AppVersion"] == version


def test_chinese_first_then_english_from_the_compilers_own_files() -> None:
    languages = _section("Languages")
    assert [line.split('"')[1] for line in languages] == ["chinesesimplified", "english"]
    assert 'MessagesFile: "compiler:Languages\\ChineseSimplified.isl"' in languages[0]
    assert 'MessagesFile: "compiler:Default.isl"' in languages[1]


def test_start_menu_and_desktop_shortcuts_and_an_optional_tv_autostart() -> None:
    icons = _section("Icons")
    app_shortcuts = [line for line in icons if 'Filename: "{app}\\{#AppExe}"' in line]
    folders = [line.split('"')[1].split("\\")[0] for line in app_shortcuts]
    assert folders == ["{group}", "{autodesktop}", "{autostartup}"]
    assert 'Parameters: "--fullscreen"' in app_shortcuts[2]
    tasks = {line.split('"')[1]: line for line in _section("Tasks")}
    assert "unchecked" not in tasks["desktopicon"]  # the desktop shortcut is made by default
    assert "Flags: unchecked" in tasks["tvautostart"]  # TV mode only when the family asks


@pytest.mark.parametrize("language", ["chinesesimplified", "english"])
def test_every_message_used_is_defined_for_each_language(language: str) -> None:
    used = set(re.findall(r"\{cm:(\w+)", _text()))
    defined = {line.split("=", 1)[0].split(".", 1)[1] for line in _section("CustomMessages")
               if line.startswith(f"{language}.")}
    assert used - STANDARD_MESSAGES <= defined
    assert used & STANDARD_MESSAGES  # the standard ones are really used too
