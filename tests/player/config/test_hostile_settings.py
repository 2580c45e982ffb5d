"""Settings files an attacker or bad luck could leave: NaN, deep nesting, huge numbers, FIFOs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.config.declaration import OPTIONS_BY_KEY, InvalidValue, defaults, validate
from player.config.store import FILE_FORMAT, Settings
from player.config.transfer import import_settings

REPO = Path(__file__).resolve().parents[3]


def _document(values_text: str) -> bytes:
    return (f'{{"format": "{FILE_FORMAT}", "version": 1, "values": {values_text}}}').encode()


HOSTILE = {
    "nan-text-scale": _document('{"ui.text_scale": NaN, "ui.enlarged": true}'),
    "infinity-subtitle-size": _document('{"subtitles.size": Infinity}'),
    "minus-infinity": _document('{"readout.rate": -Infinity}'),
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep-nesting-in-values": _document('{"ui.language": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    "5000-digit-number": _document('{"readout.rate": ' + "9" * 5000 + "}"),
    "4000-digit-float-setting": _document('{"ui.text_scale": ' + "7" * 4000 + "}"),
    "unclosed-deep": b'{"values": ' + b'{"a": ' * 50_000,
}


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_settings_give_defaults_and_a_kept_copy(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings(path)
    assert settings.values() == defaults()
    assert settings.problems, "the damage is reported"
    assert settings.backup_path is not None and settings.backup_path.read_bytes() == content
    settings.set("ui.enlarged", True)
    assert Settings(path).get("ui.enlarged") is True


def test_a_4000_digit_integer_for_a_float_setting_is_an_invalid_value() -> None:
    with pytest.raises(InvalidValue, match="finite"):
        validate(OPTIONS_BY_KEY["ui.text_scale"], int("7" * 4000))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("key", ["ui.text_scale", "subtitles.size", "readout.rate"])
def test_non_finite_numbers_are_refused_by_validation(key: str, value: float) -> None:
    with pytest.raises(InvalidValue):
        validate(OPTIONS_BY_KEY[key], value)


def test_a_folder_in_place_of_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    (path / "inside").write_text("kept")
    settings = Settings(path)
    assert settings.values() == defaults()
    assert settings.backup_path is not None and (settings.backup_path / "inside").exists()
    settings.set("ui.enlarged", True)
    assert path.is_file() and Settings(path).get("ui.enlarged") is True


def test_a_fifo_in_place_of_the_settings_file_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    settings = Settings(path)  # would wait forever for a writer if opened for reading
    assert settings.values() == defaults()
    assert [p.code for p in settings.problems] == ["unreadable_file"]
    assert settings.backup_path is not None
    settings.set("ui.enlarged", True)
    assert path.is_file()


@pytest.mark.parametrize("content", list(HOSTILE.values())[:6], ids=list(HOSTILE)[:6])
def test_reset_pin_survives_hostile_settings(tmp_path: Path, content: bytes) -> None:
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "settings.json").write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "player.app", "--config-dir", str(config), "--reset-pin"],
        check=False, cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "密码已清除" in result.stdout
    saved = json.loads((config / "settings.json").read_text(encoding="utf-8"))
    assert saved["values"]["family.pin_hash"] == ""
    kept = [p for p in config.iterdir() if ".broken-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == content


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_import_refuses_hostile_files_and_changes_nothing(tmp_path: Path, content: bytes) -> None:
    settings = Settings(tmp_path / "cfg" / "settings.json")
    settings.set("readout.rate", 70)
    before = settings.values()
    source = tmp_path / "import.json"
    source.write_bytes(content)
    report = import_settings(settings, source)
    assert not report.changed_anything and report.problems
    assert settings.values() == before


def test_import_of_nan_inside_a_valid_document_is_refused(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "cfg" / "settings.json")
    source = tmp_path / "import.json"
    source.write_bytes(_document('{"ui.text_scale": NaN}'))
    report = import_settings(settings, source)
    assert not report.changed_anything
    assert settings.get("ui.text_scale") == 1.0


def test_import_from_a_fifo_does_not_hang(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "cfg" / "settings.json")
    source = tmp_path / "import.json"
    os.mkfifo(source)
    report = import_settings(settings, source)
    assert not report.changed_anything
    assert "读不出来" in report.problems[0]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_reset_pin_with_a_fifo_or_folder_in_place_of_the_settings(tmp_path: Path,
                                                                  kind: str) -> None:
    config = tmp_path / "cfg"
    config.mkdir()
    target = config / "settings.json"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "player.app", "--config-dir", str(config), "--reset-pin"],
        check=False, cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    assert json.loads(target.read_text(encoding="utf-8"))["values"]["family.pin_hash"] == ""
    assert any(".broken-" in p.name for p in config.iterdir())
