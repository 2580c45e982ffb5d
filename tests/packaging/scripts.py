"""Load the packaging scripts in tests.

They are scripts that import each other by plain name (``import deb_control``), not a package:
``packaging`` would clash with the PyPI library of that name. Each is loaded under its file's
stem, so a script and the test share one module object.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent.parent
PACKAGING = REPO / "packaging"


def load(relative: str) -> ModuleType:
    """``packaging/<relative>`` as a module named after the file."""
    path = PACKAGING / relative
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    name = path.stem
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None, path
    assert spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module
