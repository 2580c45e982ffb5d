"""Spoken lines kept on disk, one WAV per (text, voice, rate), so a line is synthesised once."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

# A 3 s line is about 130 KB (22 kHz mono 16 bit): this keeps roughly 1500 lines, a few series.
DEFAULT_LIMIT_BYTES = 200 * 1024 * 1024
# A partial file this old belongs to a worker that died mid-write.
_ORPHAN_AGE_S = 3600
_WAV_HEADER_BYTES = 44


class SpeechCache:
    def __init__(self, directory: Path, limit_bytes: int = DEFAULT_LIMIT_BYTES) -> None:
        self._directory = directory
        self._limit = limit_bytes
        self.fallback_reason = ""  # why a temporary folder is used instead of ``directory``
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=directory, prefix=".probe-"):
                pass
        except OSError as error:
            # A read-only config folder: speech still works, from a folder for this run.
            self.fallback_reason = str(error)
            self._directory = Path(tempfile.mkdtemp(prefix="silverreel-speech-"))

    @property
    def directory(self) -> Path:
        return self._directory

    def path_for(self, text: str, voice: str, rate: int) -> Path:
        key = json.dumps([text, voice, rate], ensure_ascii=False).encode("utf-8")
        return self._directory / f"{hashlib.sha256(key).hexdigest()[:32]}.wav"

    def lookup(self, text: str, voice: str, rate: int) -> Path | None:
        """The finished file for this line, or ``None``; a hit counts as recent use."""
        path = self.path_for(text, voice, rate)
        try:
            if path.stat().st_size <= _WAV_HEADER_BYTES:
                return None
            os.utime(path)
        except OSError:
            return None
        return path

    def prune(self) -> None:
        """Remove the least recently used lines until the cache fits its limit."""
        try:
            entries = [(entry, entry.stat()) for entry in self._directory.iterdir()]
        except OSError:
            return
        now = time.time()
        lines = []
        for entry, info in entries:
            if entry.name.endswith(".part.wav"):
                if now - info.st_mtime > _ORPHAN_AGE_S:
                    with contextlib.suppress(OSError):
                        entry.unlink()
            elif entry.suffix == ".wav":
                lines.append((info.st_mtime, info.st_size, entry))
        total = sum(size for _, size, _ in lines)
        for _, size, entry in sorted(lines):
            if total <= self._limit:
                break
            with contextlib.suppress(OSError):
                entry.unlink()
                total -= size
