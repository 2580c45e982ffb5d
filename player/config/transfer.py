"""Carry settings between computers: export to a file, import from one.

The file is the settings file's own format (see docs/settings.md), so a family member can
prepare the settings on their computer, copy the file onto a USB stick and import it here.
An export leaves out the PIN hash unless asked. An import keeps every valid value, says in
one plain sentence per value what it left out, and changes everything or nothing: the new
settings file is written (atomically) before anything changes in memory.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, QStorageInfo

from player.config.atomic import write_atomically
from player.config.declaration import OPTIONS_BY_KEY, Kind, Option
from player.config.pin import PIN_KEY, is_pin_hash
from player.config.store import (
    FILE_FORMAT,
    Settings,
    SettingsProblem,
    SettingsProblemCode,
    parse_document,
)
from player.i18n import english
from player.safeio import BadJson, load_json, read_regular_file

# Short name for the catalogue lookup; lupdate finds translate("Context", "text") calls.
translate = QCoreApplication.translate

EXPORT_PREFIX = "silverreel-settings"
# A settings file is a few kilobytes; anything far larger is not one.
MAX_IMPORT_BYTES = 1_000_000
MAX_LISTED_FILES = 20
# Where Linux desktops (udisks) and macOS mount USB sticks and memory cards.
REMOVABLE_ROOTS = (Path("/media"), Path("/run/media"), Path("/Volumes"))
_SHOWN_VALUE_CHARS = 30



def mounted_volumes() -> list[str]:
    """Mount points of every ready file system (Qt knows them on every platform)."""
    return [volume.rootPath() for volume in QStorageInfo.mountedVolumes()
            if volume.isValid() and volume.isReady()]


class PlaceFinder:
    """Where a family member brings files in: USB sticks, the home folder, video folders.

    Looked up afresh on every call, since a stick can be plugged in at any time. ``home``,
    ``mounts`` and ``roots`` are for tests; by default they are the real ones.
    """

    def __init__(self, *, home: Path | None = None,
                 mounts: Callable[[], Iterable[str]] | None = None,
                 roots: Iterable[Path] | None = None) -> None:
        self._home = home
        self._mounts = mounts or mounted_volumes
        self._roots = tuple(roots) if roots is not None else REMOVABLE_ROOTS
        self._windows = sys.platform == "win32" and roots is None

    def home(self) -> Path:
        return self._home or Path.home()

    def removable(self) -> list[Path]:
        """Mounted USB sticks and memory cards, by name."""
        found: list[Path] = []
        for text in self._mounts():
            path = Path(text)
            if self._is_removable(path) and path not in found and _is_folder(path):
                found.append(path)
        return sorted(found, key=lambda p: str(p).casefold())

    def _is_removable(self, path: Path) -> bool:
        if self._windows:
            # Qt does not say which drives are removable; the system drive never is.
            system = os.environ.get("SYSTEMDRIVE", "C:").upper()
            return bool(path.drive) and path.drive.upper() != system
        return any(path != root and path.is_relative_to(root) for root in self._roots)

    def export_folder(self) -> Path:
        """Where an export goes: the first USB stick, else the home folder."""
        sticks = self.removable()
        return sticks[0] if sticks else self.home()

    def media_folders(self) -> list[Path]:
        """Folders that may hold episodes: USB sticks first, then the video folders."""
        folders = self.removable()
        for folder in self._home_folders(QStandardPaths.StandardLocation.MoviesLocation,
                                         ("Videos", "视频", "Movies")):
            if folder not in folders:
                folders.append(folder)
        return folders

    def settings_files(self) -> list[Path]:
        """``.json`` files on USB sticks, in the home folder, on the desktop and in downloads,
        newest first."""
        folders = [*self.removable(), self.home()]
        folders += self._home_folders(QStandardPaths.StandardLocation.DesktopLocation,
                                      ("Desktop", "桌面"))
        folders += self._home_folders(QStandardPaths.StandardLocation.DownloadLocation,
                                      ("Downloads", "下载"))
        files: list[tuple[float, Path]] = []
        seen: set[Path] = set()
        for folder in folders:
            for path, modified in _json_files(folder):
                if path not in seen:
                    seen.add(path)
                    files.append((modified, path))
        files.sort(key=lambda item: item[0], reverse=True)
        return [path for _, path in files[:MAX_LISTED_FILES]]

    def _home_folders(self, kind: QStandardPaths.StandardLocation,
                      names: tuple[str, ...]) -> list[Path]:
        home = self.home()
        candidates = [home / name for name in names]
        if self._home is None:
            # XDG user folders may have other (localised) names; Qt knows them.
            candidates = [Path(p) for p in QStandardPaths.standardLocations(kind)] + candidates
        found: list[Path] = []
        for candidate in candidates:
            if candidate != home and candidate not in found and _is_folder(candidate):
                found.append(candidate)
        return found


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _json_files(folder: Path) -> list[tuple[Path, float]]:
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not entry.name.lower().endswith(".json"):
                    continue
                try:
                    if entry.is_file():
                        stat = entry.stat()
                        if stat.st_size <= MAX_IMPORT_BYTES:
                            found.append((Path(entry.path), stat.st_mtime))
                except OSError:
                    continue
    except OSError:
        return []
    return found


def settings_bytes(document: dict[str, Any]) -> bytes:
    """A settings document as the settings file holds it."""
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


# --- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # the file written, or None
    problem: str | None = None  # a plain sentence when nothing was written


def export_settings(settings: Settings, folder: Path, *, include_secret: bool = False,
                    when: time.struct_time | None = None) -> ExportResult:
    """Write the settings to a new file in ``folder`` (without the PIN hash unless asked)."""
    settings.flush()  # the settings file and the exported copy say the same
    stamp = time.strftime("%Y%m%d-%H%M%S", when or time.localtime())
    target = folder / f"{EXPORT_PREFIX}-{stamp}.json"
    data = settings_bytes(settings.document(include_secret=include_secret))
    try:
        write_atomically(target, data)
    except OSError:
        problem = translate("Transfer", "设置没能导出：这个地方写不进去。请换一个 U 盘再试。")
        return ExportResult(None, problem)
    return ExportResult(target)


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    applied: tuple[str, ...]  # keys whose value was taken from the file
    problems: tuple[str, ...]  # one plain sentence for each thing left out

    @property
    def changed_anything(self) -> bool:
        return bool(self.applied)


def import_settings(settings: Settings, source: Path) -> ImportReport:
    """Take every valid value from ``source``; report the rest; all or nothing."""
    document = _read_document(source)
    if isinstance(document, str):
        return ImportReport((), (document,))
    parsed = parse_document(document)
    if any(p.code == SettingsProblemCode.CORRUPT_FILE for p in parsed.problems):
        return ImportReport((), (_not_settings(),))
    raw_values: dict[str, Any] = document["values"]
    problems = [_problem_sentence(problem, raw_values) for problem in parsed.problems]
    values = dict(parsed.values)
    pin_hash = values.pop(PIN_KEY, "")
    if pin_hash and is_pin_hash(pin_hash):
        values[PIN_KEY] = pin_hash
    elif pin_hash:
        problems.append(
            translate("Transfer", "文件里的家人设置密码用不了，没有导入，密码保持不变。"))
    if not values:
        nothing = translate("Transfer", "文件里没有可以导入的设置，设置没有改动。")
        return ImportReport((), (*problems, nothing))
    failure = _write_first(settings, values)
    if failure is not None:
        return ImportReport((), (failure,))
    settings.update(values)
    return ImportReport(tuple(sorted(values)), tuple(problems))


def _read_document(source: Path) -> dict[str, Any] | str:
    """The file's JSON object, or a sentence saying why there is none."""
    try:
        raw = read_regular_file(source, MAX_IMPORT_BYTES)  # a FIFO is refused, not waited on
    except OSError:
        return translate("Transfer", "这个文件读不出来，设置没有改动。")
    if len(raw) > MAX_IMPORT_BYTES:
        return _not_settings()
    try:
        document = load_json(raw)  # NaN, Infinity, deep nesting and huge numbers refused
    except BadJson:
        return _not_settings()
    if not isinstance(document, dict) or document.get("format", FILE_FORMAT) != FILE_FORMAT:
        return _not_settings()
    return document


def _not_settings() -> str:
    return translate("Transfer", "这个文件不是长辈剧场的设置文件，设置没有改动。")


def _write_first(settings: Settings, values: dict[str, Any]) -> str | None:
    """Write the whole new settings file before changing anything in memory.

    ``Settings.update`` keeps a change in memory even when saving it fails (so a full disk
    never stops the enlarge key from working); an import must instead be all or nothing.
    If this write fails or is interrupted, the old file and the old values stay.
    """
    if settings.path is None:
        return None
    document = settings.document(include_secret=True)
    document["values"].update(values)
    try:
        write_atomically(settings.path, settings_bytes(document))
    except OSError:
        return translate("Transfer", "设置没能保存，导入没有完成，设置没有改动。请检查磁盘空间。")
    return None


def _problem_sentence(problem: SettingsProblem, raw_values: dict[str, Any]) -> str:
    if problem.code == SettingsProblemCode.UNKNOWN_KEY:
        sentence = translate("Transfer", "“%1”不是长辈剧场的设置项，没有导入。")
        return sentence.replace("%1", str(problem.key))
    key = problem.key or ""
    if problem.code == SettingsProblemCode.INVALID_VALUE and key in OPTIONS_BY_KEY:
        option = OPTIONS_BY_KEY[key]
        sentence = translate("Transfer", "“%1”的值 %2 不合适（%3），没有导入，保持原来的设置。")
        return (sentence.replace("%1", option.label_en if english() else option.label_zh)
                .replace("%2", _shown(raw_values.get(key)))
                .replace("%3", _expected(option)))
    if problem.code == SettingsProblemCode.NEWER_VERSION:
        return translate("Transfer", "这个文件来自更新版本的长辈剧场，有的设置这里可能用不上。")
    return translate("Transfer", "文件里有一项设置不对，没有导入。")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > _SHOWN_VALUE_CHARS:
        text = text[:_SHOWN_VALUE_CHARS - 1] + "…"
    return text


def _expected(option: Option) -> str:
    kind = option.kind
    if kind is Kind.BOOL:
        return translate("Transfer", "应为 true 或 false")
    if kind in (Kind.INT, Kind.FLOAT) and option.minimum is not None \
            and option.maximum is not None:
        if kind is Kind.INT:
            text = translate("Transfer", "应为 %1 到 %2 之间的整数")
        else:
            text = translate("Transfer", "应在 %1 到 %2 之间")
        return text.replace("%1", f"{option.minimum:g}").replace("%2", f"{option.maximum:g}")
    if kind in (Kind.INT, Kind.FLOAT):
        return translate("Transfer", "应为数字")
    if kind is Kind.CHOICE:
        names = [f"{c.value}（{c.label_en if english() else c.label_zh}）"
                 for c in option.choices]
        separator = translate("Transfer", "、")
        return translate("Transfer", "应为以下之一：%1").replace("%1", separator.join(names))
    if kind is Kind.TEXT:
        return translate("Transfer", "应为一段文字")
    return translate("Transfer", "应为一组文字")
