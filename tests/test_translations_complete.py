"""The English catalogue covers every viewer-facing string in player/ and accessibility/.

The Python is read with ``ast`` (not lupdate, which would rewrite the .ts file): every
``self.tr("…")``, ``QCoreApplication.translate("Context", "…")`` (also through a module's
``translate = QCoreApplication.translate`` alias) and a module's one-context helper
(``def tr(text): return QCoreApplication.translate("Cast", text)``) gives a (context, source)
pair that must have a non-empty, finished translation in assets/i18n/silverreel_en.ts.
PySide6's ``self.tr`` looks the string up under the class of the object at run time, so a
subclass that inherits a method calling ``self.tr`` needs the string under its own name too.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "assets" / "i18n" / "silverreel_en.ts"
PACKAGES = ("player", "accessibility")
APPLICATIONS = {"QCoreApplication", "QApplication", "QGuiApplication"}


@dataclass(frozen=True)
class Use:
    context: str
    source: str
    where: str


@dataclass
class Found:
    uses: list[Use]
    # Calls whose text is not a plain string literal: neither lupdate nor this check can see
    # the text, so the catalogue cannot hold it.
    unreadable: list[str]


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_translate(func: ast.expr, aliases: set[str]) -> bool:
    if isinstance(func, ast.Attribute) and func.attr == "translate":
        return isinstance(func.value, ast.Name) and func.value.id in APPLICATIONS
    return isinstance(func, ast.Name) and func.id in aliases


def _module_helpers(tree: ast.Module) -> tuple[set[str], dict[str, str]]:
    """``translate = QCoreApplication.translate`` aliases and one-context helper functions."""
    aliases: set[str] = set()
    helpers: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_translate(node.value, set()):
            aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        parameter = node.args.args[0].arg
        for inner in ast.walk(node):
            if (isinstance(inner, ast.Call) and _is_translate(inner.func, aliases)
                    and len(inner.args) >= 2 and _literal(inner.args[0]) is not None
                    and isinstance(inner.args[1], ast.Name) and inner.args[1].id == parameter):
                helpers[node.name] = _literal(inner.args[0])  # type: ignore[assignment]
    return aliases, helpers


class _Collector(ast.NodeVisitor):
    def __init__(self, where: str, aliases: set[str], helpers: dict[str, str]) -> None:
        self.where = where
        self.aliases = aliases
        self.helpers = helpers
        self.classes: list[str] = []
        self.functions: list[str] = []
        self.found = Found([], [])
        # class name -> its base class names, and the class of each self.tr use
        self.bases: dict[str, list[str]] = {}
        self.self_tr: list[Use] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bases[node.name] = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                                 for b in node.bases]
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self.functions.append(node.name)
        self.generic_visit(node)
        self.functions.pop()

    def _place(self, node: ast.AST) -> str:
        return f"{self.where}:{getattr(node, 'lineno', 0)}"

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        place = self._place(node)
        if (isinstance(func, ast.Attribute) and func.attr == "tr"
                and isinstance(func.value, ast.Name) and func.value.id == "self"):
            source = _literal(node.args[0]) if node.args else None
            if not self.classes or source is None:
                self.found.unreadable.append(place)
            else:
                use = Use(self.classes[-1], source, place)
                self.found.uses.append(use)
                self.self_tr.append(use)
        elif _is_translate(func, self.aliases):
            # The module's own helper passes its parameter on: its callers are checked.
            inside_helper = bool(self.functions) and self.functions[-1] in self.helpers
            context = _literal(node.args[0]) if node.args else None
            source = _literal(node.args[1]) if len(node.args) > 1 else None
            if context is not None and source is not None:
                self.found.uses.append(Use(context, source, place))
            elif not inside_helper:
                self.found.unreadable.append(place)
        elif isinstance(func, ast.Name) and func.id in self.helpers:
            source = _literal(node.args[0]) if node.args else None
            if source is None:
                self.found.unreadable.append(place)
            else:
                self.found.uses.append(Use(self.helpers[func.id], source, place))
        self.generic_visit(node)


def collect(packages: tuple[str, ...] = PACKAGES, root: Path = ROOT) -> Found:
    found = Found([], [])
    bases: dict[str, list[str]] = {}
    self_tr: list[Use] = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            aliases, helpers = _module_helpers(tree)
            collector = _Collector(str(path.relative_to(root)), aliases, helpers)
            collector.visit(tree)
            found.uses.extend(collector.found.uses)
            found.unreadable.extend(collector.found.unreadable)
            bases.update(collector.bases)
            self_tr.extend(collector.self_tr)

    def descends(name: str, ancestor: str, seen: frozenset[str] = frozenset()) -> bool:
        parents = bases.get(name, [])
        return ancestor in parents or any(
            descends(parent, ancestor, seen | {name}) for parent in parents if parent not in seen)

    for use in self_tr:
        for name in bases:
            if name != use.context and descends(name, use.context):
                found.uses.append(Use(name, use.source, f"{use.where} (inherited by {name})"))
    return found


def catalogue(path: Path = CATALOGUE) -> dict[tuple[str, str], str]:
    """(context, source) -> translation; unfinished, obsolete or vanished entries count as none."""
    entries: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                                  "vanished"):
                text = ""
            else:
                text = "".join(translation.itertext())
            entries[(name, message.findtext("source", ""))] = text
    return entries


def test_the_checker_sees_every_kind_of_call(tmp_path: Path) -> None:
    """A planted module with each kind of call: every string is found in its right context."""
    package = tmp_path / "planted"
    package.mkdir()
    (package / "screen.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "translate = QCoreApplication.translate\n"
        "def tr(text: str) -> str:\n"
        "    return QCoreApplication.translate('Helper', text)\n"
        "class Base:\n"
        "    def label(self):\n"
        "        return self.tr('基础')\n"
        "class Child(Base):\n"
        "    def other(self):\n"
        "        return (QCoreApplication.translate('Direct', '直接'),\n"
        "                translate('Alias', '别名'),\n"
        "                tr('帮手'), self.tr(f'{1} 集'), translate('Alias', str(2)))\n",
        encoding="utf-8")
    found = collect(("planted",), tmp_path)
    pairs = {(use.context, use.source) for use in found.uses}
    assert pairs == {("Base", "基础"), ("Child", "基础"), ("Direct", "直接"),
                     ("Alias", "别名"), ("Helper", "帮手")}
    assert found.unreadable == ["planted/screen.py:12", "planted/screen.py:12"]


def test_the_catalogue_reader_treats_unfinished_as_missing(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1"><context><name>A</name>'
        "<message><source>一</source><translation>One</translation></message>"
        '<message><source>二</source><translation type="unfinished">Two</translation></message>'
        "<message><source>三</source><translation></translation></message>"
        "</context></TS>", encoding="utf-8")
    assert catalogue(ts) == {("A", "一"): "One", ("A", "二"): "", ("A", "三"): ""}


def test_every_viewer_facing_string_has_an_english_translation() -> None:
    found = collect()
    assert len(found.uses) > 100  # the walk really reached the screens
    english = catalogue()
    missing = sorted({f"{use.where}  [{use.context}] {use.source!r}" for use in found.uses
                      if not english.get((use.context, use.source), "").strip()})
    assert not missing, "no English translation in silverreel_en.ts for:\n" + "\n".join(missing)


def test_every_translated_text_is_a_literal_the_catalogue_can_hold() -> None:
    assert not collect().unreadable, (
        "tr()/translate() with text that is not a plain string literal:\n"
        + "\n".join(collect().unreadable))


def test_family_settings_read_in_english_from_the_catalogue(qapp: object, tmp_path: Path) -> None:
    """Labels, help, group headings, values and units of every listed setting and preset, as
    the family settings screen shows them with the English catalogue built from the .ts file:
    not one Chinese character (the settings' own text, like a folder name, excepted)."""
    from player.config.declaration import OPTIONS, Kind
    from player.config.presets import PRESETS
    from player.i18n import english
    from player.ui.family import texts

    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease is not None
    compiled = tmp_path / "silverreel_en.qm"
    subprocess.run([lrelease, "-silent", str(CATALOGUE), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        assert english()
        shown: list[str] = []
        for option in OPTIONS:
            if not option.on_screen or option.secret:
                continue
            shown += [texts.option_label(option), texts.option_help(option),
                      texts.group_heading(option.group)]
            if option.kind is Kind.TEXT:
                continue
            values = [option.default, *(c.value for c in option.choices)]
            values += [v for v in (option.minimum, option.maximum) if v is not None]
            if option.kind is Kind.BOOL:
                values += [True, False]
            shown += [f"{option.key}={texts.value_text(option, v)}" for v in values]
        for preset in PRESETS:
            shown += [texts.preset_label(preset), texts.preset_help(preset)]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert len(shown) > 100
    unnamed = sorted({o.group for o in OPTIONS if o.on_screen and not o.secret
                      and texts.group_heading(o.group) == o.group})
    assert not unnamed, f"groups shown by their key instead of a heading: {unnamed}"
    chinese = [text for text in shown if re.search(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]",
                                                   text)]
    assert not chinese, "Chinese on the English family settings screen:\n" + "\n".join(chinese)
