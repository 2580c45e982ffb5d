"""Settings: defaults, validation, atomic saving, damaged files, change signals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config.declaration import OPTIONS, InvalidValue, defaults
from player.config.store import Settings


def test_a_new_install_has_every_default(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    assert settings.values() == defaults()
    assert settings.problems == []


def test_changes_are_saved_and_announced(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    with qtbot.wait_signal(settings.changed) as changed:
        settings.set("ui.enlarged", True)
    assert changed.args == ["ui.enlarged", True]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "silverreel-settings"
    assert saved["values"]["ui.enlarged"] is True
    assert Settings(path).get("ui.enlarged") is True
    # No temporary files are left behind by the atomic write.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_invalid_values_are_refused_and_nothing_changes(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with qtbot.assert_not_emitted(settings.changed), pytest.raises(InvalidValue):
        settings.update({"readout.rate": 90, "readout.volume": 500})
    assert settings.get("readout.rate") == 85  # the valid half was not applied either
    with pytest.raises(InvalidValue):
        settings.set("ui.language", "fr")
    with pytest.raises(InvalidValue):
        settings.set("no.such.key", 1)


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"values": 5}', b""],
    ids=["broken-json", "binary", "wrong-shape", "values-not-object", "empty"],
)
def test_a_corrupt_file_gives_defaults_and_a_kept_backup(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = Settings(path)
    assert settings.values() == defaults()
    assert [p.code for p in settings.problems] == ["corrupt_file"]
    assert settings.backup_path is not None
    assert settings.backup_path.read_bytes() == content
    settings.set("ui.enlarged", True)  # and it keeps working
    assert Settings(path).get("ui.enlarged") is True


def test_bad_values_are_dropped_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    original = {"format": "silverreel-settings", "version": 1, "values": {
        "ui.enlarged": True, "readout.rate": 9999, "ui.language": "klingon",
        "surprise.key": 1}}
    path.write_text(json.dumps(original), encoding="utf-8")
    settings = Settings(path)
    assert settings.get("ui.enlarged") is True
    assert settings.get("readout.rate") == 85
    assert settings.get("ui.language") == "zh"
    codes = sorted((p.code, p.key) for p in settings.problems)
    assert codes == [("invalid_value", "readout.rate"), ("invalid_value", "ui.language"),
                     ("unknown_key", "surprise.key")]
    assert settings.backup_path is not None
    assert json.loads(settings.backup_path.read_text(encoding="utf-8")) == original


def test_an_unwritable_folder_is_reported_not_fatal(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings = Settings(blocker / "settings.json")
    with qtbot.wait_signal(settings.save_failed):
        settings.set("ui.enlarged", True)
    assert settings.get("ui.enlarged") is True  # still applied for this session
    assert settings.problems[-1].code == "save_failed"


def test_every_option_is_fully_declared() -> None:
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))
    for option in OPTIONS:
        assert option.label_zh and option.label_en and option.help_zh and option.help_en
        assert "." in option.key
