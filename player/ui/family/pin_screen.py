"""The PIN page in front of the family settings: check a PIN, or choose one (typed twice)."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from accessibility.theme import Theme
from player.config.pin import PinGate, hash_pin, is_valid_pin, verify_pin
from player.marshal import EventMarshal
from player.ui.family.numberpad import NumberPad
from player.ui.keys import Action
from player.ui.screen import Screen
from player.ui.scrolling import fill_with_scrolling


class PinMode(enum.Enum):
    CHECK = "check"  # a PIN exists: type it
    CHOOSE = "choose"  # no PIN yet (or changing it): type a new one twice


class PinScreen(Screen):
    unlocked = Signal()  # the right PIN, or a new PIN chosen and saved
    cancelled = Signal()  # Back
    skipped = Signal()  # 跳过 (offered during first-run setup only)
    said = Signal(str)  # a prompt or problem to speak aloud

    def __init__(self, gate: PinGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self._mode = PinMode.CHECK
        self._first: str | None = None  # CHOOSE: the PIN typed the first time
        self._checking = False
        self._marshal = EventMarshal(self)
        self.step = QLabel()
        self.step.setProperty("role", "secondary")
        self.title = QLabel(self.tr("家人设置"))
        self.title.setProperty("role", "title")
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.status = QLabel()
        self.status.setProperty("role", "message")
        self.status.setWordWrap(True)
        self._hint = QLabel(self.tr("用方向键选数字，按“确定”键输入；按返回键离开。"))
        self._hint.setProperty("role", "secondary")
        self._hint.setWordWrap(True)
        self.pad = NumberPad()
        self.pad.submitted.connect(self._submit)
        self.pad.typed.connect(lambda _count: self._refresh_wait())
        self.skip_button = QPushButton(self.tr("跳过，以后再设"))
        self.skip_button.setAccessibleName(self.skip_button.text())
        self.skip_button.clicked.connect(self.skipped)
        self.skip_button.hide()
        self._texts = texts = QVBoxLayout()
        texts.addStretch(1)
        for widget in (self.step, self.title, self.prompt, self.status, self._hint):
            texts.addWidget(widget)
        texts.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignLeft)
        texts.addStretch(1)
        content = QWidget()
        fill_with_scrolling(self, content)
        self._layout = QHBoxLayout(content)
        self._layout.addLayout(texts, 1)
        self._layout.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignVCenter)
        # The wait after wrong tries is counted down from timestamps, never slept through.
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._refresh_wait)

    @property
    def mode(self) -> PinMode:
        return self._mode

    def start(self, mode: PinMode, *, step: str = "", can_skip: bool = False,
              intro: str = "") -> None:
        """Begin afresh in ``mode``; ``intro`` goes before the first prompt."""
        self._mode = mode
        self._first = None
        self.pad.clear()
        self.step.setText(step)
        self.step.setVisible(bool(step))
        self.skip_button.setVisible(can_skip)
        self.status.setText("")
        if mode is PinMode.CHECK:
            prompt = self.tr("请输入家人设置的密码。")
        else:
            prompt = self.tr("请设一个 4 到 6 位数字的密码，以后进家人设置要用它。")
        self.prompt.setText(f"{intro}{prompt}")
        self.said.emit(self.prompt.text())
        self._refresh_wait()

    def focusables(self) -> list[QWidget]:
        return [*self.pad.keys(), self.skip_button]

    def set_focus(self, widget: QWidget) -> None:
        # Speaking each key as it takes focus would say the PIN aloud to the whole room,
        # so focus moves silently here; prompts and problems are spoken instead.
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_action(self, action: Action) -> bool:
        if action is Action.BACK:
            self._countdown.stop()
            self.cancelled.emit()
            return True
        return super().handle_action(action)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        margin = theme.safe_margin(theme.screen_height)
        self._layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self._layout.setSpacing(theme.spacing_px * 3)  # between the texts and the pad
        self._texts.setSpacing(round(theme.spacing_px / 2))
        self.pad.apply_theme(theme)

    # --- typing ---------------------------------------------------------------------------
    def _submit(self, digits: str) -> None:
        if self._checking:
            self.pad.clear()  # one PIN at a time; the answer to the first is on its way
            return
        wait = self._gate.throttle.wait_seconds()
        if wait > 0:
            self.pad.clear()
            self._say(self._wait_text(wait))
            return
        if not is_valid_pin(digits):
            self._say(self.tr("密码是 4 到 6 位数字，请再输入。"))
            return
        self.pad.clear()
        if self._mode is PinMode.CHECK:
            self._check(digits)
        else:
            self._choose(digits)

    @property
    def checking(self) -> bool:
        """A PIN is being hashed in the background (typing waits for it)."""
        return self._checking

    def _in_background(self, work: Callable[[], object],
                       done: Callable[[object], None]) -> None:
        # scrypt takes 0.1–0.3 s on a mini PC: never on the GUI thread, so the pad, the
        # countdown and the remote stay alive while it runs.
        self._checking = True

        def run() -> None:
            result = work()
            self._marshal.post(self._finished, done, result)

        threading.Thread(target=run, name="pin-hash", daemon=True).start()

    def _finished(self, done: Callable[[object], None], result: object) -> None:
        self._checking = False
        done(result)

    def _check(self, digits: str) -> None:
        stored = self._gate.stored()
        self._in_background(lambda: verify_pin(digits, stored),
                            lambda matched: self._checked(bool(matched)))

    def _checked(self, matched: bool) -> None:
        result = self._gate.record(matched)
        if result.accepted:
            self.status.setText("")
            self.unlocked.emit()
        elif result.wait_s > 0:
            self._say(self.tr("密码不对。") + self._wait_text(result.wait_s))
            self._countdown.start()
        else:
            self._say(self.tr("密码不对，请再试一次。"))

    def _choose(self, digits: str) -> None:
        if self._first is None:
            self._first = digits
            self.prompt.setText(self.tr("请再输入一次同样的密码。"))
            self.status.setText("")
            self.said.emit(self.prompt.text())
        elif digits == self._first:
            self._first = None
            self._in_background(lambda: hash_pin(digits),
                                lambda hashed: self._chosen(digits, str(hashed)))
        else:
            self._first = None
            self.prompt.setText(self.tr("请设一个 4 到 6 位数字的密码，以后进家人设置要用它。"))
            self._say(self.tr("两次输入的不一样，请重新设。"))

    def _chosen(self, digits: str, hashed: str) -> None:
        self._gate.set_pin(digits, hashed)
        self.status.setText("")
        self.unlocked.emit()

    # --- waiting after wrong tries --------------------------------------------------------
    def _wait_text(self, seconds: int) -> str:
        return self.tr("请等 %1 秒再试。").replace("%1", str(seconds))

    def _refresh_wait(self) -> None:
        wait = self._gate.throttle.wait_seconds()
        if wait > 0:
            self.status.setText(self.tr("密码不对。") + self._wait_text(wait))
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self.status.setText(self.tr("现在可以再试了。"))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.said.emit(text)
