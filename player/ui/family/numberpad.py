"""A large on-screen number pad: 1–9, 删除, 0, 确定, reached with the arrows and OK.

Typed digits are shown only as ●, so nobody in the room reads the PIN off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.config.pin import MAX_DIGITS, MIN_DIGITS

ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("delete", "0", "ok"))


class NumberPad(QWidget):
    submitted = Signal(str)  # 确定 pressed: the digits typed so far
    typed = Signal(int)  # how many digits are typed now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self.dots = QLabel()
        self.dots.setProperty("role", "title")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid_host = QWidget()
        self._grid = QGridLayout(grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._keys: dict[str, QPushButton] = {}
        names = {"delete": self.tr("删除"), "ok": self.tr("确定")}
        for row, labels in enumerate(ROWS):
            for column, name in enumerate(labels):
                button = QPushButton(names.get(name, name))
                button.setAccessibleName(button.text())
                button.setProperty("pad_key", name)
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                button.setStyleSheet(_key_style(0, 0))
                button.clicked.connect(lambda _=False, n=name: self._press(n))
                self._grid.addWidget(button, row, column)
                self._keys[name] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dots)
        layout.addWidget(grid_host, 0, Qt.AlignmentFlag.AlignHCenter)
        self._show_dots()

    def keys(self) -> list[QPushButton]:
        """In reading order: 1 2 3 / 4 5 6 / 7 8 9 / 删除 0 确定."""
        return [self._keys[name] for labels in ROWS for name in labels]

    def key(self, name: str) -> QPushButton:
        """``"0"``–``"9"``, ``"delete"`` or ``"ok"``."""
        return self._keys[name]

    @property
    def count(self) -> int:
        return len(self._digits)

    def clear(self) -> None:
        self._digits = ""
        self._show_dots()

    def _press(self, name: str) -> None:
        if name == "ok":
            self.submitted.emit(self._digits)
            return
        if name == "delete":
            self._digits = self._digits[:-1]
        elif len(self._digits) < MAX_DIGITS:
            self._digits += name
        self._show_dots()
        self.typed.emit(len(self._digits))

    def _show_dots(self) -> None:
        typed = len(self._digits)
        empty = max(0, MIN_DIGITS - typed)
        self.dots.setText(" ".join(["●"] * typed + ["○"] * empty))
        self.dots.setAccessibleName(self.tr("已输入 %1 位").replace("%1", str(typed)))

    def apply_theme(self, theme: Theme) -> None:
        side = key_side(theme)
        style = _key_style(side, theme.focus_frame_px)
        for button in self._keys.values():
            button.setStyleSheet(style)
            button.setFixedSize(side, side)
        self._grid.setSpacing(round(theme.spacing_px * 0.75))


def key_side(theme: Theme) -> int:
    """A key's width and height: a tenth larger than the smallest target, to be sure."""
    return round(theme.target_px * 1.1)


def _key_style(side: int, frame: int) -> str:
    """Square keys, the label given the whole width (none of the usual side padding).

    The size is said in the key's own style sheet as well as by ``setFixedSize``: whenever
    a style sheet is (re)applied, Qt sets a widget's minimum and maximum size from the
    sheet's min-/max-width and -height, so the theme's ``QPushButton`` minimum (the smallest
    target, not the pad's larger key) would otherwise take the place of the fixed size.
    The sheet's sizes are the content box: the key less its border on both sides.
    """
    if side <= 0:
        return "padding: 0px;"
    inner = side - 2 * frame
    return (f"padding: 0px; border-width: {frame}px;"
            f" min-width: {inner}px; max-width: {inner}px;"
            f" min-height: {inner}px; max-height: {inner}px;")
