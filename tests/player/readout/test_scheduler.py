"""Read-out's rules, step by step with stand-ins (the real parts: test_readout_real.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from accessibility.subtitles.model import Cue
from player.config.store import Settings
from player.engine.base import PlaybackState
from player.engine.volume import VolumeControl
from player.readout.scheduler import PREPARE_AHEAD, STALE_MS, ReadOut
from tests.player.readout.fakes import FakeEngine, FakePlayer, FakeSynthesizer


@dataclass
class Rig:
    engine: FakeEngine
    volume: VolumeControl
    settings: Settings
    synth: FakeSynthesizer
    player: FakePlayer
    readout: ReadOut
    spoken: list[str]
    idles: list[bool]


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    engine = FakeEngine()
    volume = VolumeControl(engine, user=80)
    settings = Settings(None)
    synth = FakeSynthesizer()
    player = FakePlayer()
    readout = ReadOut(engine, volume, settings, synth, player)
    spoken: list[str] = []
    idles: list[bool] = []
    readout.speaking.connect(spoken.append)
    readout.idle.connect(lambda: idles.append(True))
    engine.load("episode-1.mp4")
    yield Rig(engine, volume, settings, synth, player, readout, spoken, idles)
    readout.shutdown()


def test_a_cue_is_spoken_when_playback_reaches_its_start(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "你好，妈妈")])
    rig.engine.tick_to(950)
    assert rig.player.played == []

    rig.engine.tick_to(1000)
    assert rig.player.texts() == ["你好，妈妈"]
    rig.player.start()
    assert rig.spoken == ["你好，妈妈"]
    rig.player.end()
    assert rig.idles == [True]
    assert not rig.readout.is_speaking()


def test_the_cue_text_is_spoken_without_markup_and_silent_cues_are_skipped(rig: Rig) -> None:
    rig.readout.set_cues([Cue(100, 900, "♪ ♪"), Cue(200, 900, "- 快走！\n- 好")])
    rig.engine.tick_to(300)
    assert rig.player.texts() == ["快走！ 好"]


def test_upcoming_cues_are_prepared_ahead_of_time(rig: Rig) -> None:
    cues = [Cue(1000 * i, 1000 * i + 800, f"第{i}句") for i in range(1, 10)]
    rig.readout.set_cues(cues)
    assert rig.synth.prepared[:PREPARE_AHEAD] == [f"第{i}句" for i in range(1, PREPARE_AHEAD + 1)]

    rig.engine.tick_to(1000)
    # Reaching a cue moves the window on by one.
    assert f"第{PREPARE_AHEAD + 1}句" in rig.synth.prepared


def test_overlapping_cues_wait_their_turn_in_order(rig: Rig) -> None:
    rig.readout.set_cues(
        [Cue(1000, 3000, "第一句"), Cue(1200, 3200, "第二句"), Cue(1400, 3400, "第三句")]
    )
    rig.engine.tick_to(1500)
    assert rig.player.texts() == ["第一句"]  # never two at once

    rig.player.end()
    assert rig.player.texts() == ["第一句", "第二句"]
    rig.player.end()
    assert rig.player.texts() == ["第一句", "第二句", "第三句"]
    rig.player.end()
    assert rig.idles == [True]


def test_a_waiting_cue_long_past_its_end_is_dropped(rig: Rig) -> None:
    rig.readout.set_cues(
        [Cue(1000, 6000, "很长的一句话"), Cue(1200, 1500, "过时的"), Cue(5000, 7000, "最后一句")]
    )
    rig.engine.tick_to(1500 + STALE_MS + 100)
    rig.engine.tick_to(5000)
    rig.player.end()  # the long line ends at 5 s; "过时的" ended 3.5 s ago
    assert rig.player.texts() == ["很长的一句话", "最后一句"]


def test_a_waiting_cue_just_past_its_end_is_still_spoken(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1200, 2000, "第二句")])
    rig.engine.tick_to(2000 + STALE_MS - 100)
    rig.player.end()
    assert rig.player.texts() == ["第一句", "第二句"]


@pytest.mark.parametrize("target", [200, 1000 + 1200 + 1500])
def test_a_seek_silences_the_line_and_forgets_waiting_ones(rig: Rig, target: int) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1100, 3000, "第二句")])
    rig.engine.tick_to(1200)
    rig.player.start()
    assert rig.volume.factor("duck") < 1.0

    rig.engine.seek(target)
    assert rig.player.stops == 1
    assert not rig.readout.is_speaking()
    assert rig.idles == [True]
    assert rig.volume.factor("duck") == 1.0
    rig.engine.tick_to(target + 500)
    assert rig.player.texts() == ["第一句"]  # "第二句" was forgotten


def test_normal_ticks_are_not_seeks(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句")])
    rig.engine.tick_to(2900, step_ms=100)  # double speed
    assert rig.player.stops == 0
    assert rig.readout.is_speaking()


def test_after_a_seek_the_line_on_screen_is_read(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 2000, "第一句"), Cue(5000, 8000, "第二句")])
    rig.engine.seek(6000)
    assert rig.player.texts() == ["第二句"]


def test_the_viewer_pausing_silences_read_out(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句")])
    rig.engine.tick_to(1100)
    rig.engine.pause()
    assert rig.player.stops == 1
    assert not rig.readout.is_speaking()


@pytest.mark.parametrize("end", ["stop", "error", "load"])
def test_stop_error_and_a_new_episode_silence_read_out(rig: Rig, end: str) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1100, 3000, "第二句")])
    rig.engine.tick_to(1200)
    {
        "stop": rig.engine.stop,
        "error": rig.engine.fail,
        "load": lambda: rig.engine.load("episode-2.mp4"),
    }[end]()
    assert rig.player.stops == 1
    assert not rig.readout.is_speaking()
    assert rig.volume.factor("duck") == 1.0


def test_drama_sound_is_lowered_while_speaking_and_restored_after(rig: Rig) -> None:
    rig.settings.set("readout.duck", 40)
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1100, 3000, "第二句")])
    assert rig.engine.volume() == 80

    rig.engine.tick_to(1100)
    assert rig.engine.volume() == 32
    rig.player.end()
    assert rig.engine.volume() == 32  # no pumping between lines
    rig.settings.set("readout.duck", 50)  # a change applies at once
    assert rig.engine.volume() == 40
    rig.player.end()
    assert rig.engine.volume() == 80


def test_listen_mode_pauses_at_the_cue_end_until_the_line_is_read(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 2000, "一句很长的台词")])
    rig.engine.tick_to(1800)
    assert rig.engine.state() is PlaybackState.PLAYING

    rig.engine.tick_to(1950)
    assert rig.engine.state() is PlaybackState.PAUSED
    assert rig.readout.is_speaking()  # our own pause does not silence the line

    rig.player.end()
    assert rig.engine.state() is PlaybackState.PLAYING
    assert (rig.engine.pauses, rig.engine.resumes) == (1, 1)


def test_listen_mode_does_not_pause_when_the_line_is_done_in_time(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 2000, "好")])
    rig.engine.tick_to(1200)
    rig.player.end()
    rig.engine.tick_to(2500)
    assert rig.engine.pauses == 0


def test_listen_mode_reads_every_waiting_line_before_going_on(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues(
        [Cue(1000, 2000, "第一句"), Cue(1100, 1500, "第二句"), Cue(4000, 5000, "第三句")]
    )
    rig.engine.tick_to(1500)
    assert rig.engine.state() is PlaybackState.PAUSED  # "第二句" would end unread

    rig.player.end()
    assert rig.player.texts() == ["第一句", "第二句"]  # nothing dropped, still paused
    assert rig.engine.state() is PlaybackState.PAUSED
    rig.player.end()
    assert rig.engine.state() is PlaybackState.PLAYING


def test_listen_mode_resumes_when_the_line_ends_before_the_pause_is_confirmed(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.engine.confirm_pause_later = True
    rig.readout.set_cues([Cue(1000, 2000, "第一句")])
    rig.engine.tick_to(1950)
    assert rig.engine.pause_pending

    rig.player.end()
    rig.engine.confirm_pause()
    assert rig.engine.state() is PlaybackState.PLAYING


def test_listen_mode_respects_the_viewer_resuming_during_a_hold(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 2000, "第一句")])
    rig.engine.tick_to(1950)
    rig.engine.resume()  # the viewer pressed play
    rig.engine.tick_to(2500)
    assert rig.engine.pauses == 1
    assert rig.readout.is_speaking()


def test_turning_listen_mode_off_during_a_hold_resumes(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 2000, "第一句")])
    rig.engine.tick_to(1950)
    rig.settings.set("readout.listen_mode", False)
    assert rig.engine.state() is PlaybackState.PLAYING


def test_a_seek_during_a_hold_resumes_playback(rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 2000, "第一句")])
    rig.engine.tick_to(1950)
    rig.engine.seek(8000)
    assert rig.engine.state() is PlaybackState.PLAYING
    assert not rig.readout.is_speaking()


def test_an_announcement_is_spoken_at_once_and_replaces_an_earlier_one(rig: Rig) -> None:
    rig.readout.announce("第 3 集，已看完")
    assert rig.player.texts() == ["第 3 集，已看完"]
    rig.readout.announce("第 4 集")
    assert rig.player.stops == 1
    assert rig.player.texts() == ["第 3 集，已看完", "第 4 集"]


def test_an_announcement_waits_for_the_line_being_read(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1100, 3000, "第二句")])
    rig.engine.tick_to(1100)
    rig.readout.announce("音量 5")
    rig.readout.announce("音量 6")  # only the latest is worth saying
    assert rig.player.stops == 0

    rig.player.end()
    rig.player.end()
    assert rig.player.texts() == ["第一句", "音量 6", "第二句"]


def test_playback_events_do_not_cut_an_announcement(rig: Rig) -> None:
    rig.readout.announce("下一集：第 2 集")
    rig.engine.load("episode-2.mp4")
    rig.engine.seek(5000)
    assert rig.player.stops == 0
    assert rig.readout.is_speaking()

    rig.readout.silence()
    assert rig.player.stops == 1
    assert not rig.readout.is_speaking()


def test_announcements_can_be_turned_off(rig: Rig) -> None:
    rig.readout.announce("第 3 集")
    rig.settings.set("readout.announce", False)
    assert rig.player.stops == 1
    rig.readout.announce("第 4 集")
    assert rig.player.texts() == ["第 3 集"]


def test_turning_read_out_off_stops_cues_at_once(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(4000, 5000, "第二句")])
    rig.engine.tick_to(1100)
    rig.settings.set("readout.enabled", False)
    assert rig.player.stops == 1
    rig.engine.tick_to(4100)
    assert rig.player.texts() == ["第一句"]

    rig.settings.set("readout.enabled", True)
    rig.engine.tick_to(4200)
    assert rig.player.texts() == ["第一句", "第二句"]  # the line on screen is read


def test_a_line_waits_for_its_audio_and_ignores_other_lines(rig: Rig) -> None:
    rig.synth.everything_cached = False
    rig.readout.set_cues([Cue(1000, 3000, "第一句")])
    rig.engine.tick_to(1000)
    assert rig.player.played == []

    rig.synth.finish("别的句子")
    assert rig.player.played == []
    rig.synth.finish("第一句")
    assert rig.player.texts() == ["第一句"]


def test_a_line_that_cannot_be_synthesised_is_skipped(rig: Rig) -> None:
    rig.synth.everything_cached = False
    rig.synth.cached = {"第二句"}
    rig.readout.set_cues([Cue(1000, 3000, "第一句"), Cue(1100, 3000, "第二句")])
    rig.engine.tick_to(1100)
    rig.synth.fail("第一句")
    assert rig.player.texts() == ["第二句"]


def test_a_new_rate_prepares_upcoming_lines_again(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句")])
    before = len(rig.synth.prepared)
    rig.settings.set("readout.rate", 100)
    assert rig.synth.prepared[before:] == ["第一句"]


def test_bad_cues_are_ignored_not_fatal(rig: Rig) -> None:
    rig.readout.set_cues([Cue(3000, 1000, "倒着的"), Cue(1000, 1000, ""), Cue(1000, 2000, "好的")])
    rig.engine.tick_to(1200)
    assert rig.player.texts() == ["好的"]
    rig.readout.set_cues([])
    rig.engine.tick_to(1500)
    assert not rig.readout.is_speaking()


def test_a_cue_between_position_reports_starts_on_time(qtbot: QtBot, rig: Rig) -> None:
    # libVLC reports the position only every few hundred milliseconds; read-out keeps time.
    rig.readout.set_cues([Cue(1080, 3000, "第一句")])
    rig.engine.tick_to(1000)
    assert rig.player.played == []
    qtbot.wait_until(lambda: rig.player.texts() == ["第一句"], timeout=5_000)


def test_the_hold_is_timed_between_position_reports(qtbot: QtBot, rig: Rig) -> None:
    rig.settings.set("readout.listen_mode", True)
    rig.readout.set_cues([Cue(1000, 1800, "第一句")])
    rig.engine.tick_to(1600)
    assert rig.engine.state() is PlaybackState.PLAYING
    qtbot.wait_until(lambda: rig.engine.state() is PlaybackState.PAUSED, timeout=5_000)


def test_after_shutdown_read_out_no_longer_follows_playback(rig: Rig) -> None:
    rig.readout.set_cues([Cue(1000, 3000, "第一句")])
    rig.readout.shutdown()
    rig.engine.tick_to(1500)
    assert rig.player.played == []
    rig.readout.shutdown()  # twice is harmless
