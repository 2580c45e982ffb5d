from pathlib import Path

from player.config.docs import render

DOCS = Path(__file__).resolve().parents[3] / "docs" / "settings.md"


def test_settings_documentation_matches_the_declaration() -> None:
    assert DOCS.read_text(encoding="utf-8") == render(), "run `make docs`"
