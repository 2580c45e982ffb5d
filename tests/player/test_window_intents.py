"""The window's intent interface (player/window_intents.py): the real window has every
intent, and a controller outside the screens works against it alone — here the opener of
``silverreel PATH`` driven by a stand-in that records what it was asked to do."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from player.library.model import Episode, Series
from player.open_directly import DirectOpener, Opened
from player.ui.mainwindow import MainWindow
from player.window_intents import WindowIntents


def members(protocol: type) -> dict[str, object]:
    names = {n for n in vars(protocol) if not n.startswith("_")}
    names |= set(getattr(protocol, "__annotations__", {}))
    return {name: getattr(protocol, name, None) for name in names}


def test_the_window_has_every_intent_with_the_same_parameters() -> None:
    for name, member in members(WindowIntents).items():
        assert hasattr(MainWindow, name) or name in ("engine", "session"), name
        if inspect.isfunction(member):
            wanted = list(inspect.signature(member).parameters)
            got = list(inspect.signature(getattr(MainWindow, name)).parameters)
            assert got[:len(wanted)] == wanted, name


class StandIn(QObject):
    """Only the intents: no screens at all."""

    home_ready = Signal()
    action_handled = Signal(object)
    screen_changed = Signal()
    cast_chosen = Signal(int)
    playing_left = Signal()

    def __init__(self, library: list[Series]) -> None:
        super().__init__()
        self.library = library
        self.asked: list[tuple[str, tuple[object, ...]]] = []

    def __getattr__(self, name: str) -> Callable[..., object]:
        def record(*args: object, **_kwargs: object) -> int:
            self.asked.append((name, args))
            return 42_000 if name == "resume_position" else 0

        return record


def folder_series(root: Path, count: int) -> Series:
    return Series(root.name, str(root), tuple(
        Episode(n, f"第{n}集", str(root / f"第{n}集.mp4")) for n in range(1, count + 1)))


def test_a_named_video_plays_where_it_stopped(qtbot: QtBot, tmp_path: Path) -> None:
    video = tmp_path / "孙女发来的.mp4"
    video.write_bytes(b"\0")
    one = Series("孙女发来的", str(video), (Episode(1, "孙女发来的", str(video)),))
    window = StandIn([one])
    events = _Events()
    DirectOpener(window, [Opened(str(video), [one])], events)  # type: ignore[arg-type]
    window.home_ready.emit()
    window.home_ready.emit()  # Home shown again later: nothing more happens
    assert [name for name, _ in window.asked] == ["resume_position", "start_playing"]
    assert window.asked[-1][1] == (one, 0, 42_000)
    assert events.lines[0][0] == "open_directly"


def test_a_named_folder_opens_its_series_and_a_bad_name_is_said(qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    other, named = folder_series(tmp_path / "别的剧", 2), folder_series(tmp_path / "家庭剧", 5)
    window = StandIn([other, named])
    DirectOpener(window, [Opened(named.source, [named])], _Events())  # type: ignore[arg-type]
    window.home_ready.emit()
    assert window.asked == [("open_series", (1,))]

    window = StandIn([other])
    DirectOpener(window, [Opened(str(tmp_path / "没有这个"), [])],  # type: ignore[arg-type]
                 _Events())
    window.home_ready.emit()
    (name, (text, seconds)), = window.asked
    assert name == "show_message" and "没有这个" in str(text) and seconds == 10.0


class _Events:
    def __init__(self) -> None:
        self.lines: list[tuple[str, dict[str, object]]] = []

    def log(self, event: str, **fields: object) -> None:
        self.lines.append((event, fields))
