"""The receiver on screen: off by default, the first-cast question, remembered phones,
turning it off. The network side is replaced by a stand-in here (its own tests run in a
private network, test_renderer_netns.py); commands arrive exactly as the server queues them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from player.assemble import Assembly
from player.assets import demo_library
from player.cast.bridge import CastBridge, Command
from player.cast.metadata import Device
from player.eventlog import read_events
from player.ui.overlays import ChoiceOverlay
from tests.media import colour_clip
from tests.player.cast.helpers import episode_server
from tests.player.ui.conftest import Build, press
from tests.player.ui.family.conftest import focused, open_family_settings, type_on_pad

pytestmark = pytest.mark.slow
K = Qt.Key
XIAOMING = Device("小明的手机（192.168.1.23）", "小明的手机")
STRANGER = Device("Dalvik/2.1.0（192.168.1.40）", "")


class StandInServer:
    """Starts and stops like CastServer, without any network."""

    def __init__(self, _bridge: CastBridge) -> None:
        self.description_url = "http://127.0.0.1:9/description.xml"
        self.problem: str | None = None
        self.running = False

    def start(self) -> bool:
        self.running = True
        return True

    def stop(self) -> None:
        self.running = False


class Cast:
    def __init__(self, parts: Assembly, base: str, qtbot: QtBot) -> None:
        self.parts, self.base, self.qtbot = parts, base, qtbot
        self.spoken: list[str] = []
        parts.window.set_announcer(self.spoken.append)

    @property
    def receiver(self) -> Any:
        assert self.parts.cast is not None
        return self.parts.cast

    def send(self, device: Device, title: str = "闪婚后 第7集") -> None:
        uri = f"{self.base}/episode.mp4"
        bridge = self.receiver.bridge
        assert bridge.post(Command("set_uri", device, (uri, title, "", uri)))
        assert bridge.post(Command("play", device))

    def events(self, name: str) -> list[dict[str, Any]]:
        log = self.parts.events.path
        assert log is not None
        return [e for e in read_events(log) if e["event"] == name]

    def overlay(self) -> ChoiceOverlay:
        self.qtbot.waitUntil(lambda: isinstance(self.parts.window._overlay, ChoiceOverlay),
                             timeout=5000)
        overlay = self.parts.window._overlay
        assert isinstance(overlay, ChoiceOverlay)
        return overlay


@pytest.fixture
def cast(build_app: Build, media_dir: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[Cast]:
    served = tmp_path / "www"
    served.mkdir()
    shutil.copy(colour_clip(media_dir / "cast-green.mp4", "green", 6.0), served / "episode.mp4")
    parts = build_app(demo_library())
    assert parts.cast is not None
    parts.cast._server_factory = StandInServer
    with episode_server(served) as (base, _requested):
        yield Cast(parts, base, qtbot)


def test_the_receiver_is_off_until_the_family_turns_it_on(cast: Cast) -> None:
    assert cast.parts.settings.get("cast.enabled") is False
    assert not cast.receiver.running
    cast.send(XIAOMING)  # nothing is listening: even a queued command is dropped
    cast.qtbot.wait(200)
    assert cast.parts.window._overlay is None and not cast.events("cast_requested")
    cast.parts.settings.set("cast.enabled", True)
    assert cast.receiver.running
    assert cast.events("cast_receiver")[-1]["on"] is True
    assert cast.events("cast_receiver")[-1]["name"].startswith("长辈剧场 (")


def test_the_first_cast_asks_large_and_spoken_and_back_means_no(cast: Cast) -> None:
    cast.parts.settings.set("cast.enabled", True)
    cast.send(XIAOMING)
    overlay = cast.overlay()
    question = "小明的手机想在电视上播放视频，可以吗？"
    assert overlay.question == question
    assert question in cast.spoken  # said aloud as well as shown
    answers = [button.text() for button in overlay.buttons()]
    assert answers == ["不可以", "可以"]  # two choices, the safe one first and focused
    assert focused() is overlay.buttons()[0]
    theme = cast.parts.window.theme()
    for button in overlay.buttons():
        assert button.height() >= theme.target_px and button.font().pixelSize() >= theme.body_px
    assert cast.events("cast_requested")[-1]["device"] == XIAOMING.key
    press(cast.qtbot, cast.parts, K.Key_Escape)  # Back
    assert cast.parts.window._overlay is None
    refused = cast.events("cast_refused")[-1]
    assert refused["reason"] == "not_allowed" and refused["device"] == XIAOMING.key
    assert cast.parts.settings.get("cast.allowed_devices") == []
    assert cast.parts.engine.location() is None and not cast.events("play_requested")


def test_a_phone_without_a_name_is_asked_about_as_a_phone(cast: Cast) -> None:
    cast.parts.settings.set("cast.enabled", True)
    cast.send(STRANGER)
    assert cast.overlay().question == "一部手机想在电视上播放视频，可以吗？"
    press(cast.qtbot, cast.parts, K.Key_Return)  # OK on the focused 不可以
    assert cast.events("cast_refused")[-1]["reason"] == "not_allowed"


def test_yes_plays_with_the_title_and_remembers_the_phone(cast: Cast) -> None:
    window = cast.parts.window
    cast.parts.settings.set("cast.enabled", True)
    cast.send(XIAOMING)
    cast.overlay()
    press(cast.qtbot, cast.parts, K.Key_Right, K.Key_Return)  # 可以
    cast.qtbot.waitUntil(lambda: bool(cast.events("first_frame")), timeout=15000)
    assert window.stack.currentWidget() is window.playing
    assert window.playing._series_label.text() == "闪婚后 第7集"
    assert window.playing._episode_label.text() == "手机投屏"  # not a made-up 第 1 集
    assert cast.parts.settings.get("cast.allowed_devices") == [XIAOMING.key]
    assert cast.receiver.snapshot().transport_state in ("PLAYING", "TRANSITIONING")

    press(cast.qtbot, cast.parts, K.Key_Escape)  # Back: the cast stops, Home, phone told
    assert window.stack.currentWidget() is window.home
    assert cast.events("cast_stopped")[-1]["by"] == "back"
    assert cast.receiver.snapshot().transport_state == "STOPPED"

    started = len(cast.events("first_frame"))
    cast.send(XIAOMING, "闪婚后 第8集")  # a remembered phone is not asked again
    cast.qtbot.waitUntil(lambda: len(cast.events("first_frame")) > started, timeout=15000)
    assert window._overlay is None
    assert window.playing._series_label.text() == "闪婚后 第8集"
    # A cast never enters the viewer's own progress: it is kept apart (player/cast/resume.py).
    press(cast.qtbot, cast.parts, K.Key_Escape)
    assert not any(e["location"].startswith("http") for e in cast.events("progress_saved"))


def test_a_cast_question_waits_for_a_question_already_open(cast: Cast) -> None:
    window = cast.parts.window
    cast.parts.settings.set("cast.enabled", True)
    answered: list[int] = []
    window.ask("要休息一下吗？", ("休息", "继续看"), answered.append)
    cast.send(XIAOMING)
    cast.qtbot.wait(300)
    first = cast.overlay()
    assert first.question == "要休息一下吗？"  # not covered, not replaced
    press(cast.qtbot, cast.parts, K.Key_Return)
    assert answered == [0]
    cast.qtbot.waitUntil(lambda: isinstance(window._overlay, ChoiceOverlay)
                         and window._overlay.question.startswith("小明的手机"), timeout=5000)


def test_a_phone_not_allowed_cannot_steer_a_cast(cast: Cast) -> None:
    bridge = cast.receiver.bridge
    cast.parts.settings.set("cast.allowed_devices", [XIAOMING.key])
    assert bridge.may_control(XIAOMING) and not bridge.may_control(STRANGER)
    cast.parts.settings.set("cast.allowed_devices", [])
    assert not bridge.may_control(XIAOMING)


def test_turning_the_receiver_off_ends_a_cast_and_goes_home(cast: Cast) -> None:
    window = cast.parts.window
    cast.parts.settings.set("cast.allowed_devices", [XIAOMING.key])
    cast.parts.settings.set("cast.enabled", True)
    server = cast.receiver.server
    cast.send(XIAOMING)
    cast.qtbot.waitUntil(lambda: bool(cast.events("first_frame")), timeout=15000)
    cast.parts.settings.set("cast.enabled", False)
    assert not server.running and not cast.receiver.running
    assert cast.events("cast_stopped")[-1]["by"] == "receiver_off"
    assert window.stack.currentWidget() is window.home


def test_remembered_phones_are_listed_and_forgotten_in_family_settings(cast: Cast) -> None:
    parts, qtbot = cast.parts, cast.qtbot
    parts.settings.set("cast.allowed_devices", [XIAOMING.key, STRANGER.key])
    assert parts.family is not None
    parts.family.pin_gate.set_pin("2468")
    open_family_settings(qtbot, parts)
    type_on_pad(qtbot, parts, "2468")
    screen = parts.family.settings_screen
    assert screen.row("cast.enabled").isVisible()
    entries = screen.list_buttons("cast.allowed_devices")
    assert [b.text() for b in entries] == [f"忘记：{XIAOMING.key}", f"忘记：{STRANGER.key}"]
    for _ in range(200):  # Down alone reaches the entry
        if focused() is entries[0]:
            break
        press(qtbot, parts, K.Key_Down)
    assert focused() is entries[0]
    press(qtbot, parts, K.Key_Return)
    chooser = parts.family.chooser
    assert parts.window.stack.currentWidget() is chooser
    buttons = [b for b in chooser.buttons() if isinstance(b, QPushButton)]
    assert [b.text() for b in buttons][:2] == ["不忘记", "忘记"]
    assert focused() is buttons[0]  # the safe answer
    press(qtbot, parts, K.Key_Down)
    assert focused() is buttons[1]
    press(qtbot, parts, K.Key_Return)
    assert parts.settings.get("cast.allowed_devices") == [STRANGER.key]
    assert [b.text() for b in screen.list_buttons("cast.allowed_devices")] == [
        f"忘记：{STRANGER.key}"]


def test_a_cast_gets_its_burned_in_subtitles_read_off_the_picture_and_spoken(
        cast: Cast, tmp_path: Path) -> None:
    """The demo's 第4集 has its subtitles only in the picture; cast from an address, they are
    read off a local copy in the background, then shown large and read out."""
    import json

    demo = demo_library()
    truth = json.loads((demo / "demo.json").read_text(encoding="utf-8"))
    burned = truth["episodes"][3]
    served = tmp_path / "burned"
    served.mkdir()
    shutil.copy(demo / burned["file"], served / "ep4.mp4")
    parts, qtbot = cast.parts, cast.qtbot
    parts.settings.update({"cast.enabled": True, "cast.allowed_devices": [XIAOMING.key],
                           "pacing.notice_from": "never", "pacing.skip_from": "never"})
    assert parts.readout is not None
    spoken: list[str] = []
    parts.readout.speaking.connect(spoken.append)
    with episode_server(served) as (base, _requested):
        uri = f"{base}/ep4.mp4"
        bridge = cast.receiver.bridge
        bridge.post(Command("set_uri", XIAOMING, (uri, "春风又起 第4集", "", uri)))
        with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
            bridge.post(Command("play", XIAOMING))  # playback does not wait for analysis
        assert not parts.pacing.known(uri)  # type: ignore[union-attr]
        texts = {cue["text"] for cue in burned["burned_in_cues"]}

        def shown() -> set[str]:
            return {e["text"].replace("\n", "") for e in cast.events("subtitle_shown")}

        # Lines come a few at a time as the copy is read (on a busy machine playback may be
        # past the first ones by then); each line that comes is shown large and read out.
        qtbot.wait_until(lambda: bool(shown() & texts), timeout=90_000)
        qtbot.wait_until(lambda: bool(set(spoken) & texts), timeout=30_000)
        assert shown() <= texts
        qtbot.wait_until(lambda: any(e["location"] == uri
                                     for e in cast.events("pacing_analysed")), timeout=60_000)
        assert cast.events("cast_analysis")[-1]["copied"] is True
        copies = parts.paths.cache_dir / "cast"
        qtbot.wait_until(lambda: not any(copies.glob("*.video")), timeout=10_000)


def test_a_cast_that_cannot_be_played_is_said_plainly_and_the_phone_reads_stopped(
        cast: Cast, tmp_path: Path) -> None:
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "broken.mp4").write_bytes(b"this is not a video\n" * 2000)
    parts = cast.parts
    parts.settings.update({"cast.enabled": True, "cast.allowed_devices": [XIAOMING.key]})
    with episode_server(junk) as (base, _requested):
        uri = f"{base}/broken.mp4"
        bridge = cast.receiver.bridge
        bridge.post(Command("set_uri", XIAOMING, (uri, "坏掉的视频", "", uri)))
        bridge.post(Command("play", XIAOMING))
        cast.qtbot.wait_until(lambda: bool(cast.events("cast_stopped")), timeout=60_000)
    assert cast.events("cast_stopped")[-1]["by"] == "error"
    assert parts.window.stack.currentWidget() is not parts.window.playing
    assert parts.window.banner.isVisible() and parts.window.banner.text()
    assert parts.window.banner.text() in cast.spoken
    assert cast.receiver.snapshot().transport_state == "STOPPED"


def test_a_phone_stopping_a_cast_the_viewer_already_left_does_not_move_the_viewer(
        cast: Cast) -> None:
    window = cast.parts.window
    cast.parts.settings.update({"cast.enabled": True, "cast.allowed_devices": [XIAOMING.key]})
    cast.send(XIAOMING)
    cast.qtbot.waitUntil(lambda: bool(cast.events("first_frame")), timeout=15000)
    press(cast.qtbot, cast.parts, K.Key_Escape)  # Back to Home
    window.open_series(0)  # the viewer goes on to their own series
    bridge = cast.receiver.bridge
    assert bridge.post(Command("stop", XIAOMING))
    assert bridge.post(Command("pause", XIAOMING))
    cast.qtbot.waitUntil(bridge._commands.empty, timeout=2000)  # handled on the GUI thread
    cast.qtbot.wait(100)
    assert window.stack.currentWidget() is window.series_screen
    assert [e["by"] for e in cast.events("cast_stopped")] == ["back"]
