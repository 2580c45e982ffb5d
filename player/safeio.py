"""Reading files and JSON that came from outside without hanging, crashing or eating memory.

Shared by settings, imports, manifests and sidecar files; imports nothing of the app.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

# Deeper than any document the app writes or reads (settings are 3 levels, manifests 4).
MAX_JSON_DEPTH = 64


class NotARegularFile(OSError):
    """The path is a folder, a FIFO, a device or a socket: nothing to read as a document."""


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes of the regular file at ``path``.

    Opened without blocking, so a FIFO (which would wait forever for a writer) or a device
    is refused with ``NotARegularFile`` instead of hanging start-up.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(f"not a regular file: {Path(path).name}")
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class BadJson(ValueError):
    """Text that is not a plain JSON document (broken, NaN, too deep, absurd numbers).

    For broken syntax, ``line`` and ``column`` say where and ``reason`` what (the parser's
    words without the position); otherwise they are ``None`` and ``reason`` is the message.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 reason: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.reason = message if reason is None else reason


def _refuse_constant(name: str) -> Any:
    raise BadJson(f"{name} is not a number")


def _too_deep(document: Any, limit: int) -> bool:
    # Iterative, so a document just under the interpreter's recursion limit cannot make a
    # later recursive walk (validation, deep copies) fail.
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items if isinstance(item, dict | list))
    return False


def load_json(raw: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON document in ``raw`` (UTF-8, BOM allowed); ``BadJson`` for anything else.

    Refuses ``NaN``/``Infinity``, nesting deeper than ``max_depth`` (no recursion limit is
    ever reached) and numbers too long for Python to convert.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadJson(f"not UTF-8 text: {error.reason}") from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except BadJson:
        raise
    except RecursionError:
        raise BadJson(f"nested more than {max_depth} levels") from None
    except json.JSONDecodeError as error:
        raise BadJson(str(error)[:200], line=error.lineno, column=error.colno,
                      reason=error.msg) from None
    except (ValueError, OverflowError, MemoryError) as error:
        # ValueError covers ints longer than sys.get_int_max_str_digits.
        raise BadJson(str(error)[:200]) from None
    if _too_deep(document, max_depth):
        raise BadJson(f"nested more than {max_depth} levels")
    return document
