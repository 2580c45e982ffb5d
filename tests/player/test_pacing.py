"""Calm pacing in the app: badges, the notice, the hint and softening follow the family's
settings; playback never waits for analysis."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from accessibility.pacing import PacingCache
from accessibility.pacing.cache import file_fingerprint
from accessibility.pacing.measure import measure_file
from player.assets import demo_library
from player.engine.base import PlaybackState
from player.pace.during import leveling_factor, softening_factor
from tests.player.ui.conftest import Build, press

pytestmark = pytest.mark.slow
K = Qt.Key
DEMO = demo_library()
TRUTH = json.loads((DEMO / "demo.json").read_text(encoding="utf-8"))
SERIES = DEMO / TRUTH["folder"]


@pytest.fixture(scope="session")
def analysed_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo episodes measured once (real analysis), for every test to start from."""
    path = tmp_path_factory.mktemp("pacing") / "pacing.sqlite3"
    cache = PacingCache(path)
    for episode in TRUTH["episodes"][:3]:
        file = DEMO / episode["file"]
        cache.put(file_fingerprint(file), measure_file(file))
    return path


@pytest.fixture
def config_dir(tmp_path: Path, analysed_cache: Path) -> Path:
    data = tmp_path / "cfg" / "data"
    data.mkdir(parents=True)
    shutil.copy(analysed_cache, data / "pacing.sqlite3")
    return tmp_path / "cfg"


def _open_series(qtbot: QtBot, build_app: Build, config_dir: Path, **settings: object):  # type: ignore[no-untyped-def]
    parts = build_app(DEMO, config_dir=config_dir)
    parts.settings.update({key.replace("__", "."): value for key, value in settings.items()})
    press(qtbot, parts, K.Key_Down, K.Key_Return)
    assert parts.window.stack.currentWidget() is parts.window.series_screen
    # Episode 2 cuts fast (77 a minute): its badge arrives from the cache.
    qtbot.wait_until(lambda: parts.pacing.known(str(SERIES / "第2集.mp4")), timeout=30_000)
    return parts


def test_badges_show_the_level_in_words_when_the_family_wants_them(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    parts = _open_series(qtbot, build_app, config_dir)
    screen = parts.window.series_screen
    qtbot.wait_until(lambda: screen.pace(1) is not None and screen.pace(0) is not None,
                     timeout=30_000)
    # Episode 2: 75 cuts a minute, bursts, a bang and a flash sequence (dimmed by default).
    assert screen.pace(1) == "很快\n已减弱闪烁"
    assert screen.pace(0) == "平缓"  # episode 1: a cut every 6–10 s
    assert "很快" in screen.episode_button(1).text()
    assert "很快" in screen.episode_button(1).accessibleName()
    parts.settings.set("pacing.badge", False)
    assert screen.pace(1) is None and "很快" not in screen.episode_button(1).text()


def test_badge_and_notice_say_how_the_picture_is_calmed(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="very_fast",
                         picture__dim_flashes=False, picture__soften_cuts=True)
    screen = parts.window.series_screen
    qtbot.wait_until(lambda: screen.pace(1) is not None, timeout=30_000)
    assert screen.pace(1) == "很快\n已柔化转场"
    assert "已柔化转场" in screen.episode_button(1).accessibleName()
    parts.settings.set("picture.dim_flashes", True)  # the badge follows at once
    assert screen.pace(1) == "很快\n已减弱闪烁，已柔化转场"
    parts.settings.set("picture.dim_flashes", False)
    press(qtbot, parts, K.Key_Down, K.Key_Right)  # episode 2: the notice says it too
    press(qtbot, parts, K.Key_Return)
    overlay = parts.window._overlay
    assert overlay is not None
    assert overlay.question.split("\n")[0] == "第 2 集画面切换很快。已柔化转场。"


def test_a_fast_episode_gets_a_spoken_notice_with_two_choices(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="very_fast")
    press(qtbot, parts, K.Key_Down, K.Key_Right)  # episode 2
    with qtbot.assert_not_emitted(parts.engine.first_frame, wait=300):
        press(qtbot, parts, K.Key_Return)
    overlay = parts.window._overlay
    assert overlay is not None and overlay.question.startswith("第 2 集画面切换很快。")
    keep, other = overlay.buttons()
    assert (keep.text(), other.text()) == ("继续看", "换到第 3 集")  # says where it goes
    assert QApplication.focusWidget() is keep
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Right, K.Key_Return)  # 换到第 3 集
    assert parts.session.episode is not None and parts.session.episode.number == 3
    assert parts.window._overlay is None  # no second notice after choosing a calmer one


def test_no_notice_when_the_family_turned_it_off(qtbot: QtBot, build_app: Build,
                                                 config_dir: Path) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="never")
    press(qtbot, parts, K.Key_Down, K.Key_Right)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    assert parts.window._overlay is None
    assert parts.session.episode is not None and parts.session.episode.number == 2


def test_a_sudden_bang_is_softened_in_the_engine_volume_and_the_burst_is_announced(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    # Read-out off: its ducking would lower the volume too, and this is about the bang.
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="never",
                         sound__soften_jumps=True, readout__enabled=False, readout__announce=False)
    [dun] = TRUTH["episodes"][1]["loud_effects"]
    press(qtbot, parts, K.Key_Down, K.Key_Right)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=10_000)
    normal = parts.engine.volume()
    parts.session.seek(round((dun["start"] - 1.5) * 1000))
    qtbot.wait_until(lambda: parts.engine.position() >= (dun["start"] - 0.1) * 1000,
                     timeout=10_000)
    assert parts.engine.volume() < normal * 0.6  # lowered just before and at the bang
    qtbot.wait_until(lambda: parts.engine.position() >= (dun["start"] + 2.0) * 1000,
                     timeout=10_000)
    assert parts.engine.volume() == normal  # and restored after
    # A burst starts at 10.24 s: the gentle sign is up beside the picture by then.
    qtbot.wait_until(lambda: parts.window.playing.pace_hint() is not None, timeout=10_000)


def test_softening_off_leaves_the_volume_alone(qtbot: QtBot, build_app: Build,
                                               config_dir: Path) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="never",
                         sound__soften_jumps=False, pacing__indicator=False,
                         readout__enabled=False, readout__announce=False)
    [dun] = TRUTH["episodes"][1]["loud_effects"]
    press(qtbot, parts, K.Key_Down, K.Key_Right)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)
    normal = parts.engine.volume()
    parts.session.seek(round((dun["start"] - 0.5) * 1000))
    qtbot.wait_until(lambda: parts.engine.position() >= (dun["start"] + 0.3) * 1000,
                     timeout=10_000)
    assert parts.engine.volume() == normal
    assert parts.window.playing.pace_hint() is None


def test_playback_starts_while_analysis_runs_in_a_lower_priority_process(
    qtbot: QtBot, build_app: Build, tmp_path: Path
) -> None:
    parts = build_app(DEMO, config_dir=tmp_path / "fresh")  # nothing analysed yet
    first = str(SERIES / "第1集.mp4")
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)  # 继续观看: episode 1, analysis starts with it
    assert not parts.pacing.known(first)  # the picture came before the analysis finished
    qtbot.wait_until(lambda: parts.pacing.worker_pid is not None, timeout=20_000)
    worker = parts.pacing.worker_pid
    assert worker is not None and worker != os.getpid()
    # The worker lowers its own priority as it starts: the player always comes first.
    qtbot.wait_until(lambda: os.getpriority(os.PRIO_PROCESS, worker)
                     > os.getpriority(os.PRIO_PROCESS, 0), timeout=20_000)
    qtbot.wait_until(lambda: parts.engine.position() > 2000, timeout=20_000)
    qtbot.wait_until(lambda: parts.pacing.known(first), timeout=120_000)
    assert parts.pacing.level(first) is not None


def test_leveling_and_softening_amounts() -> None:
    assert leveling_factor(-14.0, -24.0) == pytest.approx(10 ** (-10 / 20))
    assert leveling_factor(-30.0, -24.0) == 1.0  # never louder than the viewer's volume
    assert leveling_factor(None, -24.0) == 1.0
    assert softening_factor(15.0) == pytest.approx(10 ** (-11 / 20))
    assert softening_factor(2.0) == 1.0


def test_auto_next_into_a_fast_episode_gets_the_notice_and_nothing_else(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="very_fast",
                         readout__enabled=False, readout__announce=False)
    with qtbot.wait_signal(parts.engine.first_frame, timeout=10_000):
        press(qtbot, parts, K.Key_Return)  # episode 1 (calm)
    qtbot.wait_until(lambda: parts.engine.state() is PlaybackState.PLAYING, timeout=10_000)
    with qtbot.wait_signal(parts.engine.ended, timeout=20_000):
        parts.session.seek(parts.engine.duration() - 1500)
    qtbot.wait_until(lambda: parts.window._overlay is not None, timeout=5000)
    overlay = parts.window._overlay
    # The pacing notice (not a rest reminder), naming the episode it is about.
    assert overlay.question.startswith("下一集（第 2 集）画面切换很快。")
    assert not parts.rest.holding
    assert parts.session.index == 0  # episode 2 waits for the viewer's answer
    # On a plain page: nothing of the ended episode ("还剩 0:00") shows through.
    shot = overlay.grab().toImage()
    assert shot.pixelColor(5, 5).name() == "#101010"
    assert shot.pixelColor(shot.width() // 8, shot.height() // 2).name() == "#101010"


@pytest.mark.parametrize(("then", "number"), [("play", 2), ("other", 3)])
def test_with_no_answer_the_notice_does_what_the_family_chose(
    qtbot: QtBot, build_app: Build, config_dir: Path, then: str, number: int
) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="very_fast",
                         pacing__notice_wait_s=1, pacing__notice_default=then)
    press(qtbot, parts, K.Key_Down, K.Key_Right)  # episode 2
    with qtbot.wait_signal(parts.engine.first_frame, timeout=15_000):
        press(qtbot, parts, K.Key_Return)  # the notice, then nobody answers
    assert parts.window._overlay is None
    assert parts.session.episode is not None and parts.session.episode.number == number


def test_by_default_the_notice_says_it_will_play_after_twenty_seconds(
    qtbot: QtBot, build_app: Build, config_dir: Path
) -> None:
    parts = _open_series(qtbot, build_app, config_dir, pacing__notice_from="very_fast")
    press(qtbot, parts, K.Key_Down, K.Key_Right, K.Key_Return)
    overlay = parts.window._overlay
    assert overlay is not None
    assert overlay.question.endswith("20 秒后没有选择，就接着播放。")
    assert parts.settings.get("pacing.notice_default") == "play"
