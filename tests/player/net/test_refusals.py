"""Every code the network guard refuses a hop with is a ``RefusedCode``, and every
``RefusedCode`` is one the guard (or a guarded opener) really raises: names and strings cannot
drift apart. Read from the source with ast, as the import rules are."""

from __future__ import annotations

import ast
from pathlib import Path

from player.net.refusals import RefusedCode

REPO = Path(__file__).resolve().parents[3]


def raised_codes() -> dict[str, list[str]]:
    """Each code given to ``Refused(...)`` anywhere in player/, and where."""
    found: dict[str, list[str]] = {}
    for path in sorted((REPO / "player").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "Refused" and node.args):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    code = first.value
                elif isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) \
                        and first.value.id == "RefusedCode":
                    code = RefusedCode[first.attr].value
                else:
                    raise AssertionError(f"{path.name}:{node.lineno}: a code that is not named")
                found.setdefault(code, []).append(f"{path.name}:{node.lineno}")
    return found


def test_every_raised_code_is_named() -> None:
    raised = raised_codes()
    assert raised, "no Refused(...) found: the scan looks in the wrong place"
    unnamed = {code: where for code, where in raised.items()
               if code not in {member.value for member in RefusedCode}}
    assert not unnamed


def test_every_named_code_is_raised() -> None:
    assert {member.value for member in RefusedCode} == set(raised_codes())
