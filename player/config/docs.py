"""Write docs/settings.md from the settings declaration: ``python -m player.config.docs``."""

from __future__ import annotations

import json

from player.config.declaration import OPTIONS, SETTINGS_VERSION, Kind, Option


def _range(option: Option) -> str:
    if option.kind is Kind.CHOICE:
        return ", ".join(f"`{c.value}` ({c.label_zh} / {c.label_en})" for c in option.choices)
    if option.minimum is not None or option.maximum is not None:
        return f"{option.minimum:g} – {option.maximum:g} {option.unit}".strip()
    return {"bool": "true / false", "text": "text", "text_list": "list of text"}.get(
        option.kind.value, ""
    )


def render() -> str:
    lines = [
        "# Settings (家人设置)",
        "",
        "Generated from `player/config/declaration.py` by `make docs`; do not edit by hand.",
        "",
        "Settings live in `settings.json` in the configuration folder (`--config-dir DIR`, or the",
        "per-user folder: `~/.config/silverreel/` on Linux, `%LOCALAPPDATA%\\silverreel\\` on",
        "Windows). The file is plain JSON, written atomically (temporary file, fsync, rename).",
        "Changes that follow each other (a held volume key) are written together, at most one",
        "second after the first of them, and at once when the app quits or exports its settings:",
        "",
        "```json",
        json.dumps({"format": "silverreel-settings", "version": SETTINGS_VERSION,
                    "values": {"ui.enlarged": True, "readout.rate": 80}},
                   ensure_ascii=False, indent=2),
        "```",
        "",
        "Missing keys take their defaults. A file that cannot be read or parsed is renamed to",
        "`settings.json.broken-YYYYMMDD-HHMMSS`, defaults are used, and the viewer is told in one",
        "plain sentence. A value that is invalid or unknown is dropped (reported, the rest kept);",
        "the original file is copied aside first. Older file versions are upgraded on load.",
        "",
        "| key | type | default | range | 中文 | English | what it does |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for option in OPTIONS:
        default = json.dumps(option.default, ensure_ascii=False)
        secret = " Never shown; exported only when asked." if option.secret else ""
        lines.append(
            f"| `{option.key}` | {option.kind.value} | `{default}` | {_range(option)} | "
            f"{option.label_zh} | {option.label_en} | {option.help_en}{secret} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
