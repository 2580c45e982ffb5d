"""The settings file: plain JSON, versioned, saved atomically, never fatal when damaged.

File format (see docs/settings.md)::

    {"format": "silverreel-settings", "version": 1, "values": {"ui.enlarged": true, ...}}

Only values that differ from nothing are required: missing keys take their defaults.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from player.config.atomic import write_atomically
from player.config.declaration import (
    OPTIONS_BY_KEY,
    SETTINGS_VERSION,
    InvalidValue,
    defaults,
    validate,
)
from player.safeio import BadJson, load_json, read_regular_file

FILE_FORMAT = "silverreel-settings"
# The app writes a few kilobytes; a settings file larger than this is not one.
MAX_FILE_BYTES = 1024 * 1024

# Upgrades from one file version to the next: _UPGRADES[n] turns version n values into n + 1.
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
# Changes are written in batches: a held volume key is one write, not one fsync per step. A
# batch is written at most this long after its first change (a crash loses no more), and at
# once on quit and before an export.
SAVE_DELAY_MS = 1000


class SettingsProblemCode(StrEnum):
    CORRUPT_FILE = "corrupt_file"  # not a settings document: defaults, the file kept aside
    UNREADABLE_FILE = "unreadable_file"  # the OS refused to read it, or it is not a file
    INVALID_VALUE = "invalid_value"  # one value outside its declaration: back to default
    UNKNOWN_KEY = "unknown_key"  # a key the declaration does not know: ignored
    NEWER_VERSION = "newer_version"  # written by a newer player: read as far as understood
    SAVE_FAILED = "save_failed"  # the disk refused the write


@dataclass(frozen=True)
class SettingsProblem:
    """Something wrong with the settings file; the UI turns ``code`` into a plain sentence."""

    code: SettingsProblemCode
    key: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class ParsedValues:
    values: dict[str, Any]
    problems: tuple[SettingsProblem, ...]


def parse_document(document: Any) -> ParsedValues:
    """Check a loaded settings document: keep every valid value, report every other one."""
    problems: list[SettingsProblem] = []
    if not isinstance(document, dict) or not isinstance(document.get("values"), dict):
        no_values = SettingsProblem(SettingsProblemCode.CORRUPT_FILE, detail="no values")
        return ParsedValues({}, (no_values,))
    version = document.get("version", 1)
    values: dict[str, Any] = dict(document["values"])
    if not isinstance(version, int) or version < 1:
        version = 1
    if version > SETTINGS_VERSION:
        problems.append(SettingsProblem(SettingsProblemCode.NEWER_VERSION, detail=str(version)))
    while version < SETTINGS_VERSION:
        values = _UPGRADES[version](values)
        version += 1
    accepted: dict[str, Any] = {}
    for key, value in values.items():
        option = OPTIONS_BY_KEY.get(key)
        if option is None:
            problems.append(SettingsProblem(SettingsProblemCode.UNKNOWN_KEY, key))
            continue
        try:
            accepted[key] = validate(option, value)
        except InvalidValue as exc:
            problems.append(SettingsProblem(SettingsProblemCode.INVALID_VALUE, key, exc.reason))
    return ParsedValues(accepted, tuple(problems))


class UnknownSetting(KeyError):
    """A reaction was connected to a key the declaration does not have (a typo never fires)."""


class Settings(QObject):
    """The current preferences. ``changed(key, value)`` fires for every change; nobody polls.

    A part of the app that reacts to some settings says which with ``on_change``, checked
    against the declaration when it connects: a mistyped key raises at start-up instead of
    never firing. ``changed`` itself is for the few that watch everything (the event log,
    the family settings screen).
    """

    changed = Signal(str, object)
    save_failed = Signal(str)

    def __init__(self, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._values = defaults()
        self.problems: list[SettingsProblem] = []
        self.backup_path: Path | None = None
        self.was_new = False  # no settings file existed: a new install (first-run setup)
        self._save_timer: QTimer | None = None  # made when the first batch starts
        if path is not None:
            self._load(path)

    @property
    def path(self) -> Path | None:
        return self._path

    def get(self, key: str) -> Any:
        value = self._values[key]
        return list(value) if isinstance(value, list) else value

    def values(self) -> dict[str, Any]:
        return {key: self.get(key) for key in self._values}

    def on_change(self, keys: str | Iterable[str], slot: Callable[[Any], None] | None = None,
                  *, with_key: Callable[[str, Any], None] | None = None
                  ) -> Callable[[], None]:
        """Call ``slot(value)`` (or ``with_key(key, value)``) after any of ``keys`` changes.

        Raises ``UnknownSetting`` for a key the declaration does not have. Reactions run in
        the order they were connected, like any other slot of ``changed``. Returns a function
        that disconnects the reaction (for a part that shuts down before the app does).
        """
        wanted = frozenset((keys,) if isinstance(keys, str) else keys)
        unknown = sorted(key for key in wanted if key not in OPTIONS_BY_KEY)
        if unknown:
            raise UnknownSetting(", ".join(unknown))
        if (slot is None) == (with_key is None):
            raise TypeError("give exactly one of slot and with_key")

        def react(key: str, value: Any) -> None:
            if key in wanted:
                if slot is not None:
                    slot(value)
                elif with_key is not None:
                    with_key(key, value)

        self.changed.connect(react)

        def disconnect() -> None:
            self.changed.disconnect(react)

        return disconnect

    def set(self, key: str, value: Any) -> None:
        """Validate, store, save and announce one value; raises ``InvalidValue``."""
        self.update({key: value})

    def update(self, values: Mapping[str, Any]) -> None:
        """Apply several values at once: all are validated before any is applied."""
        checked: dict[str, Any] = {}
        for key, value in values.items():
            option = OPTIONS_BY_KEY.get(key)
            if option is None:
                raise InvalidValue(key, "unknown setting")
            checked[key] = validate(option, value)
        changed = {k: v for k, v in checked.items() if self._values[k] != v}
        if not changed:
            return
        self._values.update(changed)
        self._save_soon()
        for key, value in changed.items():
            self.changed.emit(key, value)

    def document(self, *, include_secret: bool = True) -> dict[str, Any]:
        values = {
            key: value
            for key, value in self.values().items()
            if include_secret or not OPTIONS_BY_KEY[key].secret
        }
        return {"format": FILE_FORMAT, "version": SETTINGS_VERSION, "values": values}

    def save(self) -> bool:
        """Write every value now (a batch waiting to be written included)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if self._path is None:
            return True
        data = json.dumps(self.document(), ensure_ascii=False, indent=2, sort_keys=True)
        try:
            write_atomically(self._path, (data + "\n").encode("utf-8"))
        except OSError as exc:
            self.problems.append(SettingsProblem(SettingsProblemCode.SAVE_FAILED, detail=str(exc)))
            self.save_failed.emit(str(exc))
            return False
        return True

    def flush(self) -> bool:
        """Write a batch that is waiting, now; False when that write failed."""
        if self._save_timer is None or not self._save_timer.isActive():
            return True
        return self.save()

    def _save_soon(self) -> None:
        """Start a batch, or join the one that is waiting.

        Only on the GUI thread inside the running event loop, where the timer is sure to
        fire; elsewhere (start-up, command-line tools, another thread) the save is at once.
        """
        app = QCoreApplication.instance()
        if (self._path is None or app is None or QThread.currentThread() is not app.thread()
                or app.thread().loopLevel() == 0):
            self.save()
            return
        if self._save_timer is None:
            self._save_timer = QTimer(self)
            self._save_timer.setSingleShot(True)
            self._save_timer.setInterval(SAVE_DELAY_MS)
            self._save_timer.timeout.connect(self.save)
            app.aboutToQuit.connect(self.flush)
        if not self._save_timer.isActive():  # not restarted: a held key still saves each second
            self._save_timer.start()

    def _load(self, path: Path) -> None:
        try:
            raw = read_regular_file(path, MAX_FILE_BYTES)
        except FileNotFoundError:
            self.was_new = True
            return
        except OSError as exc:
            # Unreadable, a folder or a FIFO in its place: defaults, and the thing kept aside
            # so that the next save can write a real file.
            self._keep_aside(path, SettingsProblem(SettingsProblemCode.UNREADABLE_FILE,
                                                   detail=str(exc)))
            return
        if len(raw) > MAX_FILE_BYTES:
            self._keep_aside(path, SettingsProblem(SettingsProblemCode.CORRUPT_FILE,
                                                   detail="too large"))
            return
        try:
            document = load_json(raw)
        except BadJson as exc:
            self._keep_aside(path, SettingsProblem(SettingsProblemCode.CORRUPT_FILE,
                                                   detail=str(exc)))
            return
        parsed = parse_document(document)
        if any(p.code == SettingsProblemCode.CORRUPT_FILE for p in parsed.problems):
            self._keep_aside(path, parsed.problems[0])
            return
        self._values.update(parsed.values)
        self.problems.extend(parsed.problems)
        if parsed.problems:
            # Keep the file as it was before rewriting it without the bad values.
            self._copy_aside(path, raw)

    def _keep_aside(self, path: Path, problem: SettingsProblem) -> None:
        self.problems.append(problem)
        backup = _backup_name(path)
        try:
            path.replace(backup)
            self.backup_path = backup
        except OSError as exc:
            self.problems.append(SettingsProblem(SettingsProblemCode.UNREADABLE_FILE,
                                                 detail=str(exc)))

    def _copy_aside(self, path: Path, raw: bytes) -> None:
        backup = _backup_name(path)
        try:
            write_atomically(backup, raw)
            self.backup_path = backup
        except OSError as exc:
            self.problems.append(SettingsProblem(SettingsProblemCode.SAVE_FAILED, detail=str(exc)))


def _backup_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    return candidate
