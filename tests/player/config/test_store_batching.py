"""Settings changed one after another are written once, and nothing changed is lost.

A held volume key changes ``playback.volume`` many times a second; each change used to be a
separate fsync'd write. Inside the running event loop the writes are batched; a batch is
written at most ``SAVE_DELAY_MS`` after its first change, on quit, and before an export.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from player.config import store
from player.config.pin import PIN_KEY, PinGate, verify_pin
from player.config.store import Settings
from player.config.transfer import export_settings

REPO = Path(__file__).resolve().parents[3]


def saved_values(path: Path) -> dict[str, object]:
    values: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))["values"]
    return values


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every settings write, as written (the real write still happens)."""
    written: list[bytes] = []
    real = store.write_atomically

    def counting(path: Path, data: bytes) -> None:
        written.append(data)
        real(path, data)

    monkeypatch.setattr(store, "write_atomically", counting)
    return written


def in_event_loop(qtbot: QtBot, work: Callable[[], None]) -> None:
    """Run ``work`` the way a key press runs: from the GUI thread's running event loop."""
    done: list[bool] = []

    def run() -> None:
        work()
        done.append(True)

    QTimer.singleShot(0, run)
    qtbot.wait_until(lambda: bool(done))


@pytest.mark.parametrize("steps", [2, 7, 31])
def test_a_held_volume_key_is_one_write(
    qtbot: QtBot, tmp_path: Path, writes: list[bytes], steps: int
) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    announced: list[object] = []
    settings.changed.connect(lambda key, value: announced.append(value))
    levels = [80 - 2 * step for step in range(1, steps + 1)]
    during: list[int] = []

    def hold_the_key() -> None:
        for level in levels:
            settings.set("playback.volume", level)
        during.append(len(writes))

    in_event_loop(qtbot, hold_the_key)
    assert during == [0]  # nothing written while the key is held
    assert announced == levels  # every step still takes effect and is announced at once
    qtbot.wait_until(lambda: len(writes) == 1)
    assert saved_values(path)["playback.volume"] == levels[-1]
    assert json.loads(writes[0])["values"]["playback.volume"] == levels[-1]
    assert Settings(path).get("playback.volume") == levels[-1]


def test_outside_the_event_loop_a_change_is_written_at_once(
    tmp_path: Path, writes: list[bytes]
) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)  # a command-line tool, or start-up before the loop runs
    settings.set("playback.volume", 55)
    settings.set("ui.enlarged", True)
    assert len(writes) == 2
    assert saved_values(path)["playback.volume"] == 55 and saved_values(path)["ui.enlarged"]


def test_an_export_writes_the_waiting_batch_first(
    qtbot: QtBot, tmp_path: Path, writes: list[bytes]
) -> None:
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    stick = tmp_path / "usb"
    stick.mkdir()
    on_disk: list[object] = []

    def change_then_export() -> None:
        settings.set("playback.volume", 33)
        export_settings(settings, stick)
        on_disk.append(saved_values(path)["playback.volume"])

    in_event_loop(qtbot, change_then_export)
    assert on_disk == [33]
    [exported] = stick.glob("*.json")
    assert saved_values(exported)["playback.volume"] == 33


def test_a_new_pin_is_on_disk_at_once_even_inside_the_event_loop(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    on_disk: list[object] = []

    def choose_pin_then_volume() -> None:
        settings.set("playback.volume", 40)  # batched
        PinGate(settings).set_pin("2468")  # a crash now must not leave settings unguarded
        on_disk.append(saved_values(path)[PIN_KEY])

    in_event_loop(qtbot, choose_pin_then_volume)
    [saved_hash] = on_disk
    assert isinstance(saved_hash, str) and verify_pin("2468", saved_hash)
    assert "2468" not in path.read_text(encoding="utf-8")


def test_a_batched_save_that_fails_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings = Settings(blocker / "settings.json")
    with qtbot.wait_signal(settings.save_failed, timeout=5000):
        in_event_loop(qtbot, lambda: settings.set("playback.volume", 20))
    problems_before_flush = len(settings.problems)
    assert settings.get("playback.volume") == 20  # still applied for this session
    assert [p.code for p in settings.problems if p.code == "save_failed"] == ["save_failed"]
    assert settings.flush()  # nothing is waiting any more: no second attempt, no second report
    assert len(settings.problems) == problems_before_flush


_APP = textwrap.dedent("""
    import json, os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QTimer
    from player.config.store import SAVE_DELAY_MS, Settings

    path, ending = Path(sys.argv[1]), sys.argv[2]
    app = QCoreApplication([])
    settings = Settings(path)

    def hold_the_key():
        for level in range(60, 30, -5):
            settings.set("playback.volume", level)
        print("written while held:", path.exists(), flush=True)
        if ending == "quit":
            app.quit()
        else:  # the power is cut a little after the batch was due
            QTimer.singleShot(SAVE_DELAY_MS + 300, lambda: os.kill(os.getpid(), signal.SIGKILL))

    QTimer.singleShot(0, hold_the_key)
    app.exec()
""")


@pytest.mark.parametrize("ending", ["quit", "killed"])
def test_quitting_or_a_crash_after_the_batch_loses_nothing(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "settings.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    finished = subprocess.run([sys.executable, "-c", _APP, str(path), ending], env=env,
                              capture_output=True, text=True, timeout=60, check=False)
    assert "written while held: False" in finished.stdout, finished.stderr
    expected_code = 0 if ending == "quit" else -signal.SIGKILL
    assert finished.returncode == expected_code, finished.stderr
    assert saved_values(path)["playback.volume"] == 35
