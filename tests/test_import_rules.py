"""Each slice of the code imports only what its allow-list names (read with ast, nothing runs).

In the style of mpvQC's ``test_import_rules.py``: every module of ``player/`` and
``accessibility/`` belongs to exactly one slice of ``SLICES`` (the longest matching name wins),
and a slice lists what it MAY import besides itself and the standard library: other slices
or single modules of ours, and the third-party packages it uses. Anything else fails, and so
does a module that belongs to no slice, a slice member or an allowed name that does not
exist, and an entry of ``KNOWN_VIOLATIONS`` that no longer violates (so that list only
shrinks).

The layers, bottom to top (docs/architecture.md draws them):

* ``accessibility.*`` — pure building blocks (subtitles, speech synthesis, pacing and picture
  measures, OCR, calming, the theme's numbers). They import nothing of ``player``.
* foundation leaves of ``player`` (safe reading, locations, names, assets, logs, i18n, the
  event log, the thread marshal), then ``player.config``, ``player.net``, ``player.library``
  and ``player.engine``.
* what the app does with them: records (progress), sidecars, read-out, casting, and the
  controllers on the GUI thread (session, cues, pacing, calming, rest, open-directly).
* screens (``player.ui``, ``player.ui.family``), and the assembly that builds the window
  (``player.app``, ``player.assemble``). Only those may import ``player.ui``: controllers talk
  to screens through signals and intent-level methods handed to them.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ROOTS = ("player", "accessibility")
STDLIB = sys.stdlib_module_names | {"__future__"}


@dataclass(frozen=True)
class Slice:
    members: tuple[str, ...]  # packages (with everything inside) or single modules
    may_import: tuple[str, ...] = ()  # ours: slices or modules; theirs: top-level packages


# Groups of names used by several slices.
QT_CORE = ("PySide6.QtCore",)
QT_GUI = ("PySide6.QtCore", "PySide6.QtGui")
QT_WIDGETS = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
# Leaves of player that import nothing of the app above them (see the "foundation" slice).
FOUNDATION = ("player.safeio", "player.locations", "player.names", "player.assets",
              "player.logs", "player.i18n", "player.eventlog", "player.marshal", "player.actions")
ACCESSIBILITY = ("accessibility",)  # all of it (the app may use every accessibility slice)
UPNP = ("aiohttp", "async_upnp_client", "didl_lite")

# An entry of ``may_import`` is a slice's key (its members), else a dotted name with
# everything inside it ("player" in the assembly's list is the whole app).
SLICES: dict[str, Slice] = {
    # --- accessibility: the lower layer; nothing of player, ever ---------------------------
    "accessibility package": Slice(("accessibility",)),  # its __init__: nothing
    "accessibility.theme": Slice(("accessibility.theme",)),  # numbers only: no Qt
    "accessibility.subtitles": Slice(
        ("accessibility.subtitles",),
        ("av", "charset_normalizer", "pysubs2", "jieba"),
    ),
    "accessibility.speech": Slice(
        ("accessibility.speech",),
        # The package itself: the synthesizer finds the worker's package by its path.
        ("accessibility package", "accessibility.subtitles", *QT_CORE, "pyttsx3"),
    ),
    # One decode pass hands every measure the picture it needs (ADR 014).
    "accessibility.frames": Slice(("accessibility.frames",), ("numpy", "av")),
    "accessibility.pacing": Slice(
        ("accessibility.pacing",),
        # The analysis service starts the one-pass worker (accessibility.analysis) in its own
        # process; that worker in turn runs the pacing measures and the subtitle reader.
        ("accessibility.frames", "accessibility.analysis", "numpy", "av", "pyloudnorm"),
    ),
    # The one pass over an episode: pacing measures and picture subtitles from one decode.
    "accessibility.analysis": Slice(
        ("accessibility.analysis",),
        ("accessibility.frames", "accessibility.pacing", "accessibility.ocr"),
    ),
    "accessibility.calm": Slice(
        ("accessibility.calm",),
        ("accessibility.frames", "accessibility.pacing", "numpy", "av"),
    ),
    "accessibility.ocr": Slice(
        ("accessibility.ocr",),
        ("accessibility.frames", "accessibility.subtitles", "numpy", "av", "cv2",
         "rapidocr_onnxruntime", "rapidfuzz"),
    ),
    # --- player: foundation ----------------------------------------------------------------
    "player package": Slice(("player",)),  # its __init__: nothing
    "foundation": Slice(FOUNDATION, ("accessibility.subtitles", *QT_CORE)),
    "player.config": Slice(("player.config",),
                           ("player.safeio", "player.i18n", "platformdirs", *QT_CORE)),
    "player.net": Slice(("player.net",)),  # no Qt, no engine, nothing of the app
    "player.library": Slice(
        ("player.library",),
        # No Qt: of the foundation only the leaves without it.
        ("player.safeio", "player.locations", "player.names", "player.net",
         "accessibility.subtitles", "av", "charset_normalizer", *UPNP),
    ),
    "player.engine": Slice(
        ("player.engine",),
        ("player.locations", "player.marshal", "player.net", *QT_GUI, "vlc", "numpy"),
    ),
    # --- player: what the app does with them ----------------------------------------------
    # Plain records without Qt or libVLC: what was watched and where to go on, what can be
    # played, the words of the start checks.
    "records": Slice(("player.progress", "player.progress_db", "player.playable", "player.resume",
                      "player.start_checks"),
                     ("player.library.model", "player.names")),
    # Analysis results kept beside an episode, read from disk or over http(s); no Qt.
    "sidecars": Slice(
        ("player.sidecar", "player.remote_sidecar"),
        ("player.safeio", "player.locations", "player.library", "player.net",
         "accessibility.pacing"),
    ),
    "player.readout": Slice(
        ("player.readout",),
        ("player.config", "player.engine", "player.marshal", "accessibility.speech",
         "accessibility.subtitles", *QT_CORE, "vlc"),
    ),
    # The cast receiver's network side runs on its own thread: no Qt, no engine, no screens.
    "cast network": Slice(
        tuple(f"player.cast.{name}" for name in ("actions", "avtransport", "bridge",
                                                 "connection_manager", "copy", "device",
                                                 "eventing", "metadata", "rendering_control",
                                                 "server", "timecode", "vetting",
                                                 "stream_analysis")),
        ("player.net", "accessibility.pacing", "accessibility.ocr", *UPNP),
    ),
    # ... and only the receiver and the cast shelf, on the GUI thread, join it to the app.
    "cast": Slice(
        ("player.cast",),
        ("cast network", "foundation", "player.config", "player.engine", "player.library",
         "player.net", "player.pace", "records", "player.window_intents", "accessibility.pacing",
         *QT_CORE),
    ),
    # Controllers on the GUI thread: they drive the engine and speak to screens only through
    # what they are handed (signals, intent-level methods); no widgets.
    "controllers": Slice(
        ("player.session", "player.cues", "player.pace", "player.calm", "player.rest",
         "player.open_directly", "player.shelf", "player.window_intents"),
        ("foundation", "player.config", "player.engine", "player.library", "records",
         "sidecars", *ACCESSIBILITY, *QT_CORE),
    ),
    # The command line's analyse and inspect run without a window.
    "command line": Slice(
        ("player.cli", "player.analyse", "player.inspect"),
        ("foundation", "player.library", "player.net", "sidecars", "player.cues",
         *ACCESSIBILITY, "av", "vlc"),
    ),
    # --- screens and the assembly --------------------------------------------------------
    "player.ui": Slice(
        ("player.ui",),
        ("foundation", "player.config", "player.engine.base", "player.engine.volume",
         "player.library", "records", "controllers", "accessibility.theme",
         "accessibility.subtitles", *QT_WIDGETS),
    ),
    "player.ui.family": Slice(
        ("player.ui.family",),
        ("player.ui", "foundation", "player.config", "player.library", "player.rest",
         "player.shelf",
         "accessibility.theme", *QT_WIDGETS),
    ),
    "assembly": Slice(("player.app", "player.assemble"), ("player", *ACCESSIBILITY, *QT_WIDGETS)),
    "entry point": Slice(("player.__main__",), ("player.app",)),  # ``python -m player``
    # Says which of the assembled stores could not use their files this run.
    "degraded stores": Slice(("player.degraded",), ("player.assemble", *QT_CORE)),
}

# Imports that break the rules while work to remove them is under way; an entry is deleted
# once its import is gone (the test fails while a listed import is absent).
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()  # none left

# Slices allowed to import the screens.
SCREEN_IMPORTERS = ("player.ui", "player.ui.family", "assembly")


def _top(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def _ours(name: str) -> bool:
    return _top(name) in ROOTS


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@cache
def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in ROOTS:
        for path in sorted((REPO / root).rglob("*.py")):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _exists(name: str) -> bool:
    return any(_within(module, name) for module in _modules())


def _slice_of(module: str) -> str | None:
    """The slice ``module`` belongs to: the one with the longest matching member."""
    best: tuple[int, str] | None = None
    for key, layer in SLICES.items():
        for member in layer.members:
            # The roots hold only their own __init__: a new module there must be placed.
            matches = module == member or (member not in ROOTS and _within(module, member))
            if matches and (best is None or len(member) > best[0]):
                best = (len(member), key)
    return best[1] if best else None


def _imports(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports, anywhere in its source (also under TYPE_CHECKING)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([base] if base else [])])
            for alias in node.names:
                # ``from accessibility.pacing import worker`` imports the module ``worker``.
                child = f"{base}.{alias.name}"
                names.add(child if child in _modules() else base)
    return names


def _covers(entry: str, name: str) -> bool:
    """Whether the ``may_import`` entry ``entry`` takes in the module or package ``name``."""
    if entry in SLICES:
        return _slice_of(name) == entry
    return _within(name, entry)


def _allowed(module: str, name: str) -> bool:
    if _top(name) in STDLIB:
        return True
    key = _slice_of(module)
    assert key is not None
    return _slice_of(name) == key or any(_covers(entry, name) for entry in SLICES[key].may_import)


def _violations(module: str) -> set[str]:
    return {name for name in _imports(module, _modules()[module]) if not _allowed(module, name)}


@pytest.mark.parametrize("module", sorted(_modules()))
def test_each_module_belongs_to_a_slice(module: str) -> None:
    assert _slice_of(module) is not None, (
        f"{module} belongs to no slice: add it to SLICES in tests/test_import_rules.py "
        "with what it may import"
    )


@pytest.mark.parametrize("module", sorted(_modules()))
def test_modules_import_only_what_their_slice_may(module: str) -> None:
    if _slice_of(module) is None:
        pytest.fail(f"{module} belongs to no slice")
    known = {name for owner, name in KNOWN_VIOLATIONS if owner == module}
    bad = sorted(_violations(module) - known)
    assert not bad, f"{module} (slice {_slice_of(module)!r}) may not import {bad}"


@pytest.mark.parametrize(("module", "name"), sorted(KNOWN_VIOLATIONS))
def test_known_violations_still_violate(module: str, name: str) -> None:
    assert module in _modules(), f"{module} no longer exists: remove it from KNOWN_VIOLATIONS"
    assert name in _violations(module), (
        f"{module} no longer imports {name} (or now may): remove it from KNOWN_VIOLATIONS"
    )


@pytest.mark.parametrize("key", sorted(SLICES))
def test_every_slice_and_every_allowed_name_of_ours_exists(key: str) -> None:
    layer = SLICES[key]
    missing = [member for member in layer.members if not _exists(member)]
    missing += [entry for entry in layer.may_import
                if entry not in SLICES and _ours(entry) and not _exists(entry)]
    missing += [entry for entry in layer.may_import
                if entry not in SLICES and not _ours(entry) and _top(entry) in STDLIB]
    assert not missing, f"slice {key!r} names what does not exist: {missing}"


def _reach(key: str) -> set[str]:
    """Every module of ours that slice ``key`` may import."""
    return {module for module in _modules()
            if any(_covers(entry, module) for entry in SLICES[key].may_import)}


@pytest.mark.parametrize("key", sorted(k for k in SLICES if k.startswith("accessibility")))
def test_accessibility_may_import_nothing_of_the_player(key: str) -> None:
    assert not sorted(m for m in _reach(key) if _within(m, "player"))


@pytest.mark.parametrize("key", sorted(k for k in SLICES if k not in SCREEN_IMPORTERS))
def test_only_screens_and_the_assembly_may_import_screens(key: str) -> None:
    assert not sorted(m for m in _reach(key) if _within(m, "player.ui"))


def test_the_rules_catch_what_they_are_for() -> None:
    """The checker itself: allowed and forbidden imports, and a module no slice holds."""
    assert _allowed("player.pace.checks", "player.engine.base")
    assert not _allowed("player.pace.checks", "player.ui.mainwindow")
    assert not _allowed("accessibility.speech.synth", "player.config.store")
    assert not _allowed("player.library.model", "PySide6.QtCore")
    assert not _allowed("player.engine.base", "player.library.model")
    assert _allowed("player.ui.home", "player.ui.keys")
    assert _allowed("player.cast.receiver", "player.cast.bridge")
    assert not _allowed("player.cast.bridge", "player.cast.receiver")
    assert _slice_of("player.brand_new_module") is None
    assert _slice_of("accessibility.brand_new_module") is None
    assert _slice_of("player") == "player package"
    assert _slice_of("player.ui.family.brand_new_page") == "player.ui.family"
