"""PyInstaller runtime hook: make python-vlc load the libVLC bundled with the app.

PyInstaller runs this inside the frozen app before the app's own code, so before
``import vlc``. python-vlc reads ``PYTHON_VLC_LIB_PATH`` (the libvlc.dll to load) and
``PYTHON_VLC_MODULE_PATH`` (its plugins folder) once, when it is first imported; without them
it looks for a system-wide VLC, which the viewer's computer may lack or have in another version.
ctypes loads a DLL given by full path with its own folder searched for dependencies, so
libvlccore.dll beside libvlc.dll is found without touching the DLL search path.

The spec puts VLC in ``<bundle>/vlc/`` (``libvlc.dll``, ``libvlccore.dll``, ``plugins/``) and
the app's own files in ``<bundle>/assets/``; ``<bundle>`` is ``sys._MEIPASS`` (the ``_internal``
folder of a one-folder build) or, failing that, the folder of the executable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

VLC_FOLDER = "vlc"
LIBRARY = "libvlc.dll"
PLUGINS = "plugins"
ASSETS_FOLDER = "assets"


def bundle_dirs() -> list[Path]:
    """Where a frozen app's files may be, most specific first."""
    dirs = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        dirs.append(Path(meipass))
    dirs.append(Path(sys.executable).resolve().parent)
    return dirs


def configure_vlc(candidates: Sequence[Path], environ: MutableMapping[str, str]) -> Path | None:
    """Point python-vlc at the first bundled VLC found; returns its folder, or None."""
    for base in candidates:
        folder = base / VLC_FOLDER
        if (folder / LIBRARY).is_file() and (folder / PLUGINS).is_dir():
            # Set, not defaulted: a VLC named by the environment for a development Python
            # must not replace the one this build was made and tested with.
            environ["PYTHON_VLC_LIB_PATH"] = str(folder / LIBRARY)
            environ["PYTHON_VLC_MODULE_PATH"] = str(folder / PLUGINS)
            return folder
    return None


def configure_assets(candidates: Sequence[Path], environ: MutableMapping[str, str]) -> Path | None:
    """Tell the app where its demo series and translations are, unless someone already did."""
    for base in candidates:
        folder = base / ASSETS_FOLDER
        if (folder / "demo").is_dir():
            environ.setdefault("SILVERREEL_ASSETS", str(folder))
            return folder
    return None


if getattr(sys, "frozen", False):
    configure_vlc(bundle_dirs(), os.environ)
    configure_assets(bundle_dirs(), os.environ)
