"""家人设置: every on-screen preference, made from the declaration, grouped, one per row.

Nothing here lists preferences by hand: rows come from ``OPTIONS`` (``on_screen``), in
declaration order, under one heading per group. Up/Down move between rows (the list scrolls
with the focus); Left/Right and OK change the focused value at once through
``Settings.set``, and every change is shown and spoken.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accessibility.theme import ACCENT, FOCUS, Theme
from player.config.declaration import OPTIONS, InvalidValue, Kind, Option
from player.config.presets import PRESETS, apply_preset
from player.config.store import Settings
from player.ui.family.option_row import OptionRow
from player.ui.family.texts import group_heading, preset_help, preset_label
from player.ui.family.values import advanced, is_adjustable, stepped
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.scrolling import scroll_area
from player.ui.whole_rows import fit_whole_rows

DEVICES_KEY = "cast.allowed_devices"


def screen_options() -> list[Option]:
    return [option for option in OPTIONS if option.on_screen and not option.secret]

_MAX_PROBLEMS_SHOWN = 40


class FamilySettingsScreen(Screen):
    back_requested = Signal()
    add_source_requested = Signal(str)  # option key (a text list)
    remove_source_requested = Signal(str, str)  # option key, entry
    export_requested = Signal()
    import_requested = Signal()
    change_pin_requested = Signal()
    said = Signal(str)  # speak this
    notified = Signal(str)  # show this in large type, and speak it

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._title = QLabel(self.tr("家人设置"))
        self._title.setProperty("role", "title")
        self._hint = QLabel(self.tr("上下键选项目，左右键或“确定”键修改，改了马上生效。"))
        self._hint.setProperty("role", "secondary")
        self._hint.setWordWrap(True)
        self._body = QWidget()
        self._list = QVBoxLayout(self._body)
        self._scroll = scroll_area(self._body)
        # The arrows scroll the list; a thin scroll bar at its edge only looked like a glitch.
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._title)
        self._layout.addWidget(self._hint)
        self._layout.addWidget(self._scroll, 1)
        self._focusables: list[QWidget] = []
        self._rows: dict[str, OptionRow] = {}
        self._lists: dict[str, QVBoxLayout] = {}  # text-list key → layout of its entries
        self._list_buttons: dict[str, list[QPushButton]] = {}
        self._problems_layout: QVBoxLayout | None = None
        self._problem_widgets: list[QWidget] = []
        self._problem_buttons: list[QPushButton] = []
        self._last_focus: QWidget | None = None
        self._headings: dict[QWidget, QLabel] = {}  # first item of a group → its heading
        self._pending_heading: QLabel | None = None
        self.preset_buttons = self._build_presets()
        self._build_options()
        self.export_button, self.import_button = self._build_tools()
        self._list.addStretch(1)
        settings.changed.connect(self._on_changed)

    # --- building ---------------------------------------------------------------------------
    def _heading(self, text: str) -> None:
        heading = QLabel(text)
        heading.setProperty("role", "heading")
        self._list.addWidget(heading)
        self._pending_heading = heading

    def _under_heading(self, widget: QWidget) -> None:
        """Remember the heading above ``widget``, to scroll it into view with the widget."""
        if self._pending_heading is not None:
            self._headings[widget] = self._pending_heading
            self._pending_heading = None

    def _button_row(self, buttons: list[QPushButton]) -> None:
        self._under_heading(buttons[0])
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        self._list.addLayout(row)

    def _build_presets(self) -> list[QPushButton]:
        self._heading(self.tr("一键套用"))
        buttons = []
        for preset in PRESETS:
            button = QPushButton(preset_label(preset))
            button.setProperty("preset", preset.key)
            button.setAccessibleName(f"{preset_label(preset)}：{preset_help(preset)}")
            button.clicked.connect(lambda _=False, p=preset: self._apply_preset(p))
            buttons.append(button)
        self._button_row(buttons)
        self._focusables.extend(buttons)
        return buttons

    def _build_options(self) -> None:
        group = None
        for option in screen_options():
            if option.group != group:
                group = option.group
                self._heading(group_heading(group))
            row = OptionRow(option)
            row.show_value(self._settings.get(option.key))
            row.clicked.connect(lambda _=False, r=row: self._on_row_clicked(r))
            self._under_heading(row)
            self._list.addWidget(row)
            self._focusables.append(row)
            self._rows[option.key] = row
            if option.kind is Kind.TEXT_LIST:
                self._build_list(option)

    def _build_list(self, option: Option) -> None:
        entries = QVBoxLayout()
        self._list.addLayout(entries)
        self._lists[option.key] = entries
        self._list_buttons[option.key] = []
        self._fill_list(option.key)
        if option.key == "library.sources":
            self._problems_layout = QVBoxLayout()
            self._list.addLayout(self._problems_layout)

    def show_problems(self, lines: list[str]) -> None:
        """片源 → 问题: each file or source that was passed over, by name, for the family."""
        layout = self._problems_layout
        if layout is None:
            return
        for widget in self._problem_widgets:
            if widget in self._focusables:
                self._focusables.remove(widget)
            widget.hide()
            widget.deleteLater()
        self._problem_widgets, self._problem_buttons = [], []
        if not lines:
            return
        heading = QLabel(self.tr("问题：下面 %1 个没有放进片库").replace("%1", str(len(lines))))
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        heading.show()
        self._problem_widgets.append(heading)
        shown = lines[:_MAX_PROBLEMS_SHOWN]
        if len(lines) > len(shown):
            shown.append(self.tr("…还有 %1 个").replace("%1", str(len(lines) - len(shown))))
        for line in shown:
            # A button only so the arrows can reach it and read it out; OK does nothing.
            button = QPushButton(line)
            button.setProperty("role", "problem")
            button.setAccessibleName(line)
            layout.addWidget(button)
            button.show()
            self._problem_widgets.append(button)
            self._problem_buttons.append(button)
        sources = self._list_buttons.get("library.sources", [])
        anchor = sources[-1] if sources else self._rows["library.sources"]
        position = self._focusables.index(anchor) + 1
        self._focusables[position:position] = self._problem_buttons
        if self._theme is not None:
            self.apply_theme(self._theme)

    def problem_lines(self) -> list[str]:
        return [button.text() for button in self._problem_buttons]

    def _fill_list(self, key: str) -> None:
        old = self._list_buttons.get(key, [])
        for button in old:
            self._focusables.remove(button)
            button.hide()
            button.deleteLater()
        layout = self._lists[key]
        buttons = []
        devices = key == DEVICES_KEY  # remembered phones can only be forgotten, not added
        for entry in self._settings.get(key):
            if devices:
                button = QPushButton(self.tr("忘记：%1").replace("%1", entry))
                button.setAccessibleName(self.tr("忘记这部手机：%1").replace("%1", entry))
            else:
                button = QPushButton(self.tr("删除：%1").replace("%1", entry))
                button.setAccessibleName(self.tr("删除这个来源：%1").replace("%1", entry))
            button.clicked.connect(
                lambda _=False, e=entry: self.remove_source_requested.emit(key, e))
            buttons.append(button)
        if not devices:
            add = QPushButton(self.tr("＋ 添加来源（文件夹或 U 盘）"))
            add.setAccessibleName(add.text())
            add.clicked.connect(lambda: self.add_source_requested.emit(key))
            buttons.append(add)
        for button in buttons:
            button.setProperty("option_key", key)
            button.setProperty("role", "entry")
            layout.addWidget(button)
            button.show()  # now, not on the layout's next pass: it may take focus at once
        position = self._focusables.index(self._rows[key]) + 1
        self._focusables[position:position] = buttons
        self._list_buttons[key] = buttons
        if self._theme is not None:
            self.apply_theme(self._theme)

    def _build_tools(self) -> tuple[QPushButton, QPushButton]:
        self._heading(self.tr("设置文件和密码"))
        export = QPushButton(self.tr("导出设置"))
        export.clicked.connect(self.export_requested)
        import_ = QPushButton(self.tr("导入设置"))
        import_.clicked.connect(self.import_requested)
        pin = QPushButton(self.tr("修改密码"))
        pin.clicked.connect(self.change_pin_requested)
        buttons = [export, import_, pin]
        for button in buttons:
            button.setAccessibleName(button.text())
        self._button_row(buttons)
        self._focusables.extend(buttons)
        return export, import_

    # --- what the screen offers -------------------------------------------------------------
    def focusables(self) -> list[QWidget]:
        return list(self._focusables)

    def row(self, key: str) -> OptionRow:
        return self._rows[key]

    def list_buttons(self, key: str) -> list[QPushButton]:
        """The entries of a text list (删除 …) and its 添加 button, last."""
        return list(self._list_buttons[key])

    def initial_focus(self) -> QWidget | None:
        # Coming back from a chooser or a question, the family carries on where they were.
        if self._last_focus is not None and self._last_focus in self._focusables:
            return self._last_focus
        return self.preset_buttons[0]

    def forget_focus(self) -> None:
        """The next visit starts at the top."""
        self._last_focus = None
        self._scroll.verticalScrollBar().setValue(0)

    def set_focus(self, widget: QWidget) -> None:
        self._last_focus = widget
        heading = self._headings.get(widget)
        if heading is not None:  # the first item of a group comes with its heading
            self._scroll.ensureWidgetVisible(heading, 0, 0)
        super().set_focus(widget)
        self._show_whole_rows()

    def _show_whole_rows(self) -> None:
        widget = self._last_focus
        if widget is None or not self.isVisible():
            return
        heading = self._headings.get(widget)
        units = [w for w in self._body.findChildren(QWidget)
                 if w.parentWidget() is self._body and w.isVisible()]
        fit_whole_rows(self._scroll, units, [w for w in (heading, widget) if w is not None])

    def style_with(self, sheet: str) -> bool:
        changed = super().style_with(sheet)
        # Enlarged or back: the focused row stays on screen at once, not at the next key.
        self._show_whole_rows()
        return changed

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self.back_requested.emit()
            return True
        focused = self.current_focus()
        if isinstance(focused, OptionRow) and action in (Action.LEFT, Action.RIGHT):
            if is_adjustable(focused.option):
                direction = 1 if action is Action.RIGHT else -1
                self._change(focused, stepped(focused.option, self._value(focused), direction))
            return True
        return super().handle_action(action)

    # --- changing values ----------------------------------------------------------------------
    def _value(self, row: OptionRow) -> Any:
        return self._settings.get(row.option.key)

    def _on_row_clicked(self, row: OptionRow) -> None:
        self.set_focus(row)
        option = row.option
        if option.key == DEVICES_KEY:
            self.notified.emit(self.tr("手机第一次投屏时会先询问；在下面选中一部手机可以忘记它。"))
        elif option.kind is Kind.TEXT_LIST:
            self.add_source_requested.emit(option.key)
        elif is_adjustable(option):
            self._change(row, advanced(option, self._value(row)))
        else:
            self.notified.emit(self.tr("这一项只能在设置文件里修改。"))

    def _change(self, row: OptionRow, value: Any) -> None:
        if value == self._value(row):
            self.said.emit(row.spoken_value())  # already at the end of its range
            return
        try:
            self._settings.set(row.option.key, value)
        except InvalidValue:
            self.notified.emit(self.tr("这个值用不了，设置没有改。"))
            return
        self.said.emit(row.spoken_value())

    def _apply_preset(self, preset: Any) -> None:
        try:
            apply_preset(self._settings, preset)
        except InvalidValue:
            self.notified.emit(self.tr("这组设置用不了，设置没有改。"))
            return
        self.notified.emit(self.tr("已套用“%1”。还可以在下面逐项调整。")
                           .replace("%1", preset_label(preset)))

    def _on_changed(self, key: str, value: object) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        row.show_value(value)
        if key in self._lists:
            self._fill_list(key)
            if self._last_focus is not None and self._last_focus not in self._focusables:
                # The focused entry went away: carry on from 添加 in the same list.
                entries = self._list_buttons[key]
                self._last_focus = entries[-1] if entries else self._rows[key]
                if self.isVisible():
                    self.set_focus(self._last_focus)

    # --- looks ----------------------------------------------------------------------------------
    def extra_style(self) -> str:
        theme = self._theme
        if theme is None:
            return ""
        return (f'QLabel[role="heading"] {{ color: {ACCENT}; font-size: {theme.title_px}px;'
                f" font-weight: bold; padding-top: {theme.spacing_px}px; }}"
                f'QLabel[role="value"] {{ color: {FOCUS}; font-weight: bold; }}'
                f'QPushButton[role="entry"] {{ text-align: left; }}')

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        across, down = theme.safe_margins()
        self._layout.setContentsMargins(across, down, across, down)
        self._layout.setSpacing(round(theme.spacing_px / 2))
        self._list.setSpacing(round(theme.spacing_px / 2))
        # Room on the right for the focus frame, never under a scroll bar.
        self._list.setContentsMargins(0, 0, theme.focus_frame_px * 2, theme.spacing_px)
        for row in self._rows.values():
            row.apply_theme(theme)
