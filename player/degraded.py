"""Stores that could not use their files this run (a read-only config folder): said once.

Every store already falls back to memory on its own (progress, pacing cache, the wrong-PIN
wait, settings saves) or to a temporary folder (spoken lines); this collects them after
start-up, logs one ``store_in_memory`` event each and shows the family one sentence.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from player.assemble import Assembly


def _folder_problem(folder: Path) -> str:
    """Why nothing can be written in ``folder`` ("" when it can)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as error:
        return str(error)
    return ""


def memory_stores(parts: Assembly) -> list[tuple[str, str, str]]:
    """(store, path, reason) for each store that keeps its data only for this run."""
    found: list[tuple[str, str, str]] = []
    settings_path = parts.settings.path
    if settings_path is not None:
        reason = _folder_problem(settings_path.parent)
        if reason:
            found.append(("settings", str(settings_path), reason))
    if parts.progress.in_memory:
        found.append(("progress", str(parts.progress.path), "cannot write"))
    if parts.pacing is not None and parts.pacing.cache.in_memory:
        found.append(("pacing_cache", str(parts.pacing.cache.db_path),
                      parts.pacing.cache.memory_reason))
    if parts.cast_shelf is not None and parts.cast_shelf.store.memory_reason:
        store = parts.cast_shelf.store
        found.append(("cast_progress", str(store.path), store.memory_reason))
    if parts.synthesizer is not None and parts.synthesizer.storage_problem:
        found.append(("speech_cache", "", parts.synthesizer.storage_problem))
    return found


def report_memory_stores(parts: Assembly) -> None:
    found = memory_stores(parts)
    for store, path, reason in found:
        parts.events.log("store_in_memory", store=store, path=path, reason=reason[:200])
    if found:
        parts.window.show_message(QCoreApplication.translate(
            "Messages", "设置文件夹不能写入：设置和观看进度只记到关机为止。"))
