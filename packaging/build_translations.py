"""Compile the translation catalogues (assets/i18n/*.ts → .qm) with Qt's lrelease.

To add strings after changing the UI: ``pyside6-lupdate player/ui/*.py player/*.py -ts
assets/i18n/silverreel_en.ts``, translate them (Qt Linguist or by hand), then run this.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parent.parent / "assets" / "i18n"


def main() -> int:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        print("pyside6-lrelease not found; is PySide6 installed?", file=sys.stderr)
        return 1
    for catalogue in sorted(I18N.glob("*.ts")):
        target = catalogue.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= catalogue.stat().st_mtime:
            continue
        subprocess.run([lrelease, "-silent", str(catalogue), "-qm", str(target)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
