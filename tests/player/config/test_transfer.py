"""Export and import of settings: same format, PIN left out, bad values reported, all or nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from player.config import atomic
from player.config.declaration import defaults
from player.config.pin import PIN_KEY, hash_pin
from player.config.store import FILE_FORMAT, Settings
from player.config.transfer import (
    EXPORT_PREFIX,
    MAX_IMPORT_BYTES,
    PlaceFinder,
    export_settings,
    import_settings,
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    prepared = Settings(tmp_path / "cfg" / "settings.json")
    prepared.update({"ui.enlarged": True, "readout.rate": 70, "library.sources": ["/media/u/剧"],
                     PIN_KEY: hash_pin("2580")})
    return prepared


def _write(path: Path, values: dict[str, object], **extra: object) -> Path:
    document = {"format": FILE_FORMAT, "version": 1, "values": values, **extra}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_is_the_settings_file_format_without_the_pin(settings: Settings,
                                                             tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    result = export_settings(settings, usb)
    assert result.problem is None
    assert result.path is not None
    assert result.path.parent == usb
    assert result.path.name.startswith(EXPORT_PREFIX)
    document = json.loads(result.path.read_text(encoding="utf-8"))
    assert document["format"] == FILE_FORMAT
    assert document["version"] == 1
    assert PIN_KEY not in document["values"]
    assert document["values"] == {k: v for k, v in settings.values().items() if k != PIN_KEY}

    with_pin = export_settings(settings, tmp_path / "private", include_secret=True)
    assert with_pin.path is not None
    assert json.loads(with_pin.path.read_text(encoding="utf-8"))["values"][PIN_KEY] == \
        settings.get(PIN_KEY)


def test_an_export_round_trips_into_another_computer(settings: Settings, tmp_path: Path) -> None:
    exported = export_settings(settings, tmp_path / "usb").path
    assert exported is not None
    elsewhere = Settings(tmp_path / "other" / "settings.json")
    report = import_settings(elsewhere, exported)
    assert report.problems == ()
    assert elsewhere.values() == {**settings.values(), PIN_KEY: ""}


def test_an_export_that_cannot_be_written_says_so(settings: Settings, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    result = export_settings(settings, not_a_folder)
    assert result.path is None
    assert result.problem
    assert "没能导出" in result.problem


def test_import_keeps_the_valid_values_and_names_each_bad_one(qtbot: QtBot, settings: Settings,
                                                              tmp_path: Path) -> None:
    source = _write(tmp_path / "from-usb.json", {
        "ui.enlarged": False,  # valid
        "subtitles.size": 9.5,  # valid
        "readout.rate": 9999,  # out of range
        "ui.language": "klingon",  # not a choice
        "sound.leveling": "yes",  # not a bool
        "surprise.key": 1,  # unknown
    })
    changed: list[str] = []
    settings.changed.connect(lambda key, _v: changed.append(key))
    report = import_settings(settings, source)
    assert report.applied == ("subtitles.size", "ui.enlarged")
    assert settings.get("ui.enlarged") is False
    assert settings.get("subtitles.size") == 9.5
    assert sorted(changed) == ["subtitles.size", "ui.enlarged"]
    assert settings.get("readout.rate") == 70  # the bad ones keep what was there
    assert len(report.problems) == 4
    by_subject = {subject: [p for p in report.problems if subject in p]
                  for subject in ("朗读语速", "界面语言", "音量均衡", "surprise.key")}
    assert all(len(found) == 1 for found in by_subject.values()), report.problems
    assert "9999" in by_subject["朗读语速"][0]
    assert "50 到 130" in by_subject["朗读语速"][0]
    assert "klingon" in by_subject["界面语言"][0]
    saved = json.loads(settings.path.read_text(encoding="utf-8"))["values"]  # type: ignore[union-attr]
    assert saved["subtitles.size"] == 9.5
    assert saved["readout.rate"] == 70


def test_an_interrupted_import_leaves_file_and_values_as_they_were(
    qtbot: QtBot, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write(tmp_path / "import.json", {"ui.enlarged": False, "readout.rate": 100})
    assert settings.path is not None
    before_bytes = settings.path.read_bytes()
    before_values = settings.values()

    def full_disk(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full_disk)
    with qtbot.assert_not_emitted(settings.changed):
        report = import_settings(settings, source)
    assert not report.changed_anything
    assert "没有改动" in report.problems[0]
    assert settings.path.read_bytes() == before_bytes
    assert settings.values() == before_values
    assert [p.name for p in settings.path.parent.iterdir()] == ["settings.json"]  # no leftovers


class PowerCut(BaseException):
    """Stands for the process dying in the middle of writing."""


def test_an_import_cut_off_mid_write_changes_nothing(
    qtbot: QtBot, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write(tmp_path / "import.json", {"ui.enlarged": False})
    assert settings.path is not None
    before_bytes = settings.path.read_bytes()
    before_values = settings.values()

    def cut(_fd: int) -> None:
        raise PowerCut

    monkeypatch.setattr(atomic.os, "fsync", cut)
    with qtbot.assert_not_emitted(settings.changed), pytest.raises(PowerCut):
        import_settings(settings, source)
    assert settings.path.read_bytes() == before_bytes
    assert settings.values() == before_values


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00\x01", b"[1, 2]", b'{"values": 3}',
    b'{"format": "something-else", "values": {"ui.enlarged": true}}', b"[" * 100_000,
], ids=["broken", "binary", "list", "values-not-object", "other-format", "deep"])
def test_a_file_that_is_not_settings_changes_nothing(settings: Settings, tmp_path: Path,
                                                     content: bytes) -> None:
    source = tmp_path / "x.json"
    source.write_bytes(content)
    before = settings.values()
    report = import_settings(settings, source)
    assert not report.changed_anything
    assert report.problems == ("这个文件不是长辈剧场的设置文件，设置没有改动。",)
    assert settings.values() == before


def test_missing_and_huge_files_are_refused_in_words(settings: Settings, tmp_path: Path) -> None:
    assert "读不出来" in import_settings(settings, tmp_path / "gone.json").problems[0]
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (MAX_IMPORT_BYTES + 1))
    assert not import_settings(settings, huge).changed_anything


def test_a_pin_hash_is_imported_only_when_usable(settings: Settings, tmp_path: Path) -> None:
    old_hash = settings.get(PIN_KEY)
    bad = import_settings(settings, _write(tmp_path / "a.json", {PIN_KEY: "1234"}))
    assert settings.get(PIN_KEY) == old_hash
    assert any("密码" in p for p in bad.problems)
    empty = import_settings(settings, _write(tmp_path / "b.json",
                                             {PIN_KEY: "", "ui.enlarged": False}))
    assert empty.applied == ("ui.enlarged",)
    assert settings.get(PIN_KEY) == old_hash
    new_hash = hash_pin("1357")
    import_settings(settings, _write(tmp_path / "c.json", {PIN_KEY: new_hash}))
    assert settings.get(PIN_KEY) == new_hash


def test_a_newer_file_is_imported_with_a_warning(settings: Settings, tmp_path: Path) -> None:
    report = import_settings(settings, _write(tmp_path / "new.json", {"ui.enlarged": False},
                                              version=99))
    assert report.applied == ("ui.enlarged",)
    assert any("更新版本" in p for p in report.problems)


# --- where files come from ------------------------------------------------------------------------


def _places(tmp_path: Path) -> tuple[PlaceFinder, Path, Path]:
    media = tmp_path / "media"
    stick = media / "family" / "KINGSTON"
    stick.mkdir(parents=True)
    home = tmp_path / "home"
    (home / "Videos").mkdir(parents=True)
    mounts = ["/", str(tmp_path / "elsewhere"), str(stick), str(media / "family" / "gone")]
    return PlaceFinder(home=home, mounts=lambda: mounts, roots=(media,)), stick, home


def test_usb_sticks_are_mounts_under_the_media_folders(tmp_path: Path) -> None:
    places, stick, home = _places(tmp_path)
    assert places.removable() == [stick]
    assert places.export_folder() == stick
    assert places.media_folders() == [stick, home / "Videos"]
    no_stick = PlaceFinder(home=home, mounts=lambda: ["/"], roots=(tmp_path / "media",))
    assert no_stick.export_folder() == home


def test_settings_files_are_listed_newest_first(tmp_path: Path) -> None:
    places, stick, home = _places(tmp_path)
    older = stick / "old.json"
    older.write_text("{}", encoding="utf-8")
    os.utime(older, (1_000_000, 1_000_000))
    newer = home / "new.JSON"
    newer.write_text("{}", encoding="utf-8")
    (home / ".hidden.json").write_text("{}", encoding="utf-8")
    (home / "notes.txt").write_text("", encoding="utf-8")
    (home / "big.json").write_bytes(b" " * (MAX_IMPORT_BYTES + 1))
    (home / "Downloads").mkdir()
    downloaded = home / "Downloads" / "settings.json"
    downloaded.write_text("{}", encoding="utf-8")
    os.utime(downloaded, (2_000_000, 2_000_000))
    found = places.settings_files()
    assert found[0] == newer
    assert found[1:] == [downloaded, older]


def test_the_defaults_are_what_an_export_of_a_new_install_holds(tmp_path: Path) -> None:
    fresh = Settings(tmp_path / "settings.json")
    exported = export_settings(fresh, tmp_path).path
    assert exported is not None
    values = json.loads(exported.read_text(encoding="utf-8"))["values"]
    assert values == {k: v for k, v in defaults().items() if k != PIN_KEY}
