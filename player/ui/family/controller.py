"""The family side of the app: PIN, settings screen, choosers, import/export, first run.

It adds its pages to the window's stack and moves between them; Home only offers the
家人设置 button. Every page speaks what it shows through the window's announce function.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from player.config.pin import PinGate
from player.config.presets import PRESETS_BY_KEY, apply_preset
from player.config.store import Settings
from player.config.transfer import PlaceFinder, export_settings, import_settings
from player.library.mediaserver import FoundServer
from player.shelf import SOURCES_KEY
from player.ui.family.choice_page import ChoicePage
from player.ui.family.first_run import FirstRunScreen, Step, step_text
from player.ui.family.pin_screen import PinMode, PinScreen
from player.ui.family.server_sources import NETWORK_CHOICE, ServerSearch
from player.ui.family.settings_screen import FamilySettingsScreen
from player.ui.mainwindow import MainWindow


class _PinPurpose(enum.Enum):
    ENTER = "enter"  # then the settings screen
    CHANGE = "change"  # from the settings screen, and back to it
    FIRST_RUN = "first_run"  # step 3 of the first-run setup


class FamilyController(QObject):
    def __init__(self, window: MainWindow, settings: Settings,
                 places: PlaceFinder | None = None, gate: PinGate | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.places = places or PlaceFinder()
        self.pin_gate = gate or PinGate(settings)
        self.server_search = ServerSearch(parent=self)  # its finder can be replaced (tests)
        self.pin_screen = PinScreen(self.pin_gate)
        self.settings_screen = FamilySettingsScreen(settings)
        self.chooser = ChoicePage()
        self.first_run = FirstRunScreen()
        for page in (self.pin_screen, self.settings_screen, self.chooser, self.first_run):
            window.add_screen(page)
        self._pin_purpose = _PinPurpose.ENTER
        self._on_choice: Callable[[object], None] = lambda _value: None
        self._on_cancel: Callable[[], None] = lambda: None
        self._sources_changed = False
        self._in_first_run = False
        self._connect()
        window.source_problems_found.connect(self.settings_screen.show_problems)
        self.settings_screen.show_problems(window.source_problems)

    def _connect(self) -> None:
        self._window.home.family_requested.connect(self.open_settings)
        pin = self.pin_screen
        pin.unlocked.connect(self._pin_done)
        pin.cancelled.connect(self._pin_cancelled)
        pin.skipped.connect(self._show_sources_step)
        pin.said.connect(self._window.announce)
        screen = self.settings_screen
        screen.back_requested.connect(self.leave_settings)
        screen.said.connect(self._window.announce)
        screen.notified.connect(self._window.show_message)
        screen.add_source_requested.connect(self.choose_source_to_add)
        screen.remove_source_requested.connect(self.confirm_source_removal)
        screen.export_requested.connect(self.export)
        screen.import_requested.connect(self.choose_file_to_import)
        screen.change_pin_requested.connect(self.change_pin)
        self.chooser.chosen.connect(self._chosen)
        self.chooser.cancelled.connect(self._cancelled)
        first = self.first_run
        first.setup_chosen.connect(self._show_preset_step)
        first.demo_chosen.connect(lambda: self.finish_first_run(completed=False))
        first.preset_chosen.connect(self._first_run_preset)
        first.source_chosen.connect(self._first_run_source)
        first.rescan_requested.connect(self._show_sources_step)
        first.back_requested.connect(self._first_run_back)
        self._settings.on_change(SOURCES_KEY, self._on_sources_changed)
        self._window.stack.currentChanged.connect(self._on_page_changed)

    # --- into the family settings -----------------------------------------------------------
    def open_settings(self) -> None:
        """From Home: the PIN first (or choosing one, the first time)."""
        self._pin_purpose = _PinPurpose.ENTER
        if self.pin_gate.has_pin():
            self.pin_screen.start(PinMode.CHECK)
        else:
            self.pin_screen.start(
                PinMode.CHOOSE, intro=self.tr("第一次进入家人设置。"))
        self._window.show_screen(self.pin_screen)

    def change_pin(self) -> None:
        self._pin_purpose = _PinPurpose.CHANGE
        self.pin_screen.start(PinMode.CHOOSE)
        self._window.show_screen(self.pin_screen)

    def _pin_done(self) -> None:
        purpose = self._pin_purpose
        if purpose is _PinPurpose.FIRST_RUN:
            self._show_sources_step()
            return
        if purpose is _PinPurpose.ENTER:
            self.settings_screen.forget_focus()
        self._show_settings()
        if purpose is _PinPurpose.CHANGE:
            self._window.show_message(self.tr("新密码已经保存。"))

    def _pin_cancelled(self) -> None:
        purpose = self._pin_purpose
        if purpose is _PinPurpose.FIRST_RUN:
            self._show_preset_step()
        elif purpose is _PinPurpose.CHANGE:
            self._show_settings()
        else:
            self._window.go_home()

    def _show_settings(self) -> None:
        self._window.show_screen(self.settings_screen)

    def leave_settings(self) -> None:
        self._window.go_home()

    def _on_sources_changed(self, _sources: object) -> None:
        self._sources_changed = True

    def _on_page_changed(self, _index: int) -> None:
        # Back home (by Back or by the Home key) after the sources changed: read them again.
        if (self._window.stack.currentWidget() is self._window.home
                and self._sources_changed and not self._in_first_run):
            self._sources_changed = False
            self.reload_library()

    # --- choosers ------------------------------------------------------------------------------
    def _ask(self, title: str, lines: list[str], choices: list[tuple[str, object]],
             on_choice: Callable[[object], None], on_cancel: Callable[[], None]) -> None:
        self._on_choice = on_choice
        self._on_cancel = on_cancel
        spoken = self.chooser.show_page(title, lines, choices)
        self._window.show_screen(self.chooser)
        self._window.announce(spoken)

    def _chosen(self, value: object) -> None:
        self._on_choice(value)

    def _cancelled(self) -> None:
        self._on_cancel()

    def _place_label(self, path: Path, removable: list[Path]) -> str:
        if path in removable:
            return self.tr("U 盘：%1").replace("%1", path.name or str(path))
        return self.tr("文件夹：%1").replace("%1", _short_path(path))

    def choose_source_to_add(self, key: str = SOURCES_KEY) -> None:
        current = set(self._settings.get(key))
        removable = self.places.removable()
        places = [p for p in self.places.media_folders() if str(p) not in current]
        choices: list[tuple[str, object]] = [
            (f"{self._place_label(p, removable)}", str(p)) for p in places]
        # A NAS or media server at home (MiniDLNA, Jellyfin): searched for only when chosen.
        choices.append((self.tr("家里网络上的媒体服务器（NAS）"), NETWORK_CHOICE))
        lines = [self.tr("选一个放着剧集的 U 盘或文件夹。")] if places else \
            [self.tr("没有找到新的 U 盘或视频文件夹。请插上 U 盘再试。")]

        def add(value: object) -> None:
            if value is NETWORK_CHOICE:
                self._search_servers(key)
                return
            self._settings.set(key, [*self._settings.get(key), str(value)])
            self._show_settings()
            self._window.show_message(self.tr("已添加剧集来源。"))

        self._ask(self.tr("添加剧集来源"), lines, choices, add, self._show_settings)

    def _search_servers(self, key: str) -> None:
        self._window.show_message(self.tr("正在查找家里网络上的媒体服务器，请稍等……"), 4.0)

        def found(servers: list[FoundServer]) -> None:
            self.server_search.found.disconnect(found)
            self._window.banner.hide()  # "正在查找…" is answered now
            current = set(self._settings.get(key))
            new = [s for s in servers if s.location not in current]
            if not new:
                self._show_settings()
                text = self.tr(
                    "没有找到新的媒体服务器。请确认 NAS 已经开机，并和电视连在同一个网络上。")
                self._window.show_message(text, 10.0)
                return

            def add(value: object) -> None:
                self._settings.set(key, [*self._settings.get(key), str(value)])
                self._show_settings()
                self._window.show_message(self.tr("已添加剧集来源。"))

            choices: list[tuple[str, object]] = [
                (self.tr("媒体服务器：%1").replace("%1", s.name), s.location) for s in new]
            self._ask(self.tr("选择媒体服务器"), [self.tr("它的每个文件夹会成为一部剧。")],
                      choices, add, self._show_settings)

        self.server_search.found.connect(found)
        self.server_search.search()

    def confirm_source_removal(self, key: str, entry: str) -> None:
        def answer(remove: object) -> None:
            if remove:
                self._settings.set(key, [e for e in self._settings.get(key) if e != entry])
            self._show_settings()

        if key == "cast.allowed_devices":
            self._ask(self.tr("要忘记这部手机吗？它下次投屏时会再询问。"), [entry],
                      [(self.tr("不忘记"), False), (self.tr("忘记"), True)],
                      answer, self._show_settings)
            return
        self._ask(self.tr("要删除这个剧集来源吗？"), [entry],
                  [(self.tr("不删除"), False), (self.tr("删除"), True)],
                  answer, self._show_settings)

    # --- export and import ---------------------------------------------------------------------
    def export(self) -> None:
        result = export_settings(self._settings, self.places.export_folder())
        if result.path is not None:
            text = self.tr("设置已导出到：%1").replace("%1", str(result.path))
        else:
            text = result.problem or ""
        self._window.show_message(text, 10.0)

    def choose_file_to_import(self) -> None:
        files = self.places.settings_files()
        if not files:
            self._window.show_message(self.tr(
                "没有找到设置文件。请把导出的 .json 文件放到 U 盘或个人文件夹里再试。"), 10.0)
            return
        choices: list[tuple[str, object]] = [(f"{path.name}\n{path.parent}", path)
                                             for path in files]
        self._ask(self.tr("导入设置"),
                  [self.tr("选一个设置文件。文件里不对的设置不会导入，其余的马上生效。")],
                  choices, self._import, self._show_settings)

    def _import(self, value: object) -> None:
        assert isinstance(value, Path)
        report = import_settings(self._settings, value)
        if report.changed_anything:
            summary = self.tr("已导入 %1 项设置。").replace("%1", str(len(report.applied)))
        else:
            summary = self.tr("没有导入任何设置。")
        lines = [summary, *report.problems]
        self._ask(self.tr("导入结果"), lines, [(self.tr("好的"), None)],
                  lambda _value: self._show_settings(), self._show_settings)

    # --- first run ------------------------------------------------------------------------------
    def start_first_run(self) -> None:
        """Setup for a new install (no settings file yet, no library on the command line)."""
        self._in_first_run = True
        self._present_first_run(self.first_run.show_welcome())

    def _present_first_run(self, spoken: str) -> None:
        self._window.show_screen(self.first_run)
        self._window.announce(spoken)

    def _show_preset_step(self) -> None:
        self._present_first_run(self.first_run.show_presets())

    def _first_run_preset(self, key: str) -> None:
        apply_preset(self._settings, PRESETS_BY_KEY[key])
        self._show_pin_step()

    def _show_pin_step(self) -> None:
        self._pin_purpose = _PinPurpose.FIRST_RUN
        self.pin_screen.start(PinMode.CHOOSE, step=step_text(Step.PIN), can_skip=True)
        self._window.show_screen(self.pin_screen)

    def _show_sources_step(self) -> None:
        removable = self.places.removable()
        places = [(self._place_label(p, removable), str(p)) for p in self.places.media_folders()]
        self._present_first_run(self.first_run.show_sources(places))

    def _first_run_source(self, path: str) -> None:
        self._settings.set(SOURCES_KEY, [path])
        self.finish_first_run()

    def _first_run_back(self) -> None:
        step = self.first_run.step
        if step is Step.SOURCES:
            self._show_pin_step()
        elif step is Step.PRESET:
            self._present_first_run(self.first_run.show_welcome())
        else:
            self.finish_first_run(completed=False)

    def finish_first_run(self, completed: bool = True) -> None:
        """Leave setup; ``completed`` only when a source was chosen (else the demo plays)."""
        skipped_at_once = self.first_run.step is Step.WELCOME
        self._in_first_run = False
        self._sources_changed = False
        # Written even if nothing was changed, so the next start is not a first run again.
        self._settings.save()
        self.reload_library()
        if completed:
            text = self.tr("设置好了。以后可以在主页最下面的“家人设置”里修改。")
        elif skipped_at_once:
            text = self.tr("先看示范剧。家人随时可以在主页最下面的“家人设置”里设置。")
        else:
            text = self.tr("先看示范剧。剧集可以以后在主页最下面的“家人设置”里添加。")
        self._window.show_message(text)

    # --- the library ----------------------------------------------------------------------------
    def reload_library(self) -> None:
        """Read the sources again in the background (the window stays responsive meanwhile:
        remote sources can take seconds), then show Home with them."""
        self._window.shelf.reload(self._window.show_library)


def _short_path(path: Path, keep: int = 2) -> str:
    """The last folders of a long path: a big button has room for a name, not a path."""
    parts = path.parts
    return str(path) if len(parts) <= keep + 1 else "…/" + "/".join(parts[-keep:])
