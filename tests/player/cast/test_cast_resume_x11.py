"""The real app on a real X server: a kept cast whose address answers is on the 继续观看
shelf with the phone's title, large; OK on it plays it again from where it was left."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from player.assets import demo_library
from player.cast.resume import CastProgressStore
from player.config.paths import app_paths
from player.library.sources import open_source
from player.progress import ProgressStore
from tests.conftest import XDisplay
from tests.media import colour_clip
from tests.player.cast.helpers import episode_server
from tests.x11 import running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def test_a_kept_cast_is_on_the_shelf_and_plays_again(xdisplay: XDisplay, tmp_path: Path,
                                                     media_dir: Path) -> None:
    served = tmp_path / "www"
    served.mkdir()
    shutil.copy(colour_clip(media_dir / "x11-cast-blue.mp4", "blue", 8.0), served / "v.mp4")
    paths = app_paths(tmp_path / "cfg")  # running_app uses this --config-dir
    series = open_source(str(demo_library()))[0]
    with ProgressStore(paths.progress_db) as progress:
        progress.save(series, series.episodes[1], 9_000, 36_000)
    with episode_server(served) as (base, _requested):
        store = CastProgressStore(paths.data_dir / "cast-progress.sqlite3")
        store.save(f"{base}/v.mp4", "我的外婆是大侠 第2集", 5_000, 8_000)
        store.save(f"{base}/gone.mp4", "过期的投屏", 1_000, 8_000)
        store.close()
        with running_app(xdisplay, tmp_path) as app:
            offered = app.wait_for_event("cast_shelf", timeout=30)
            assert offered["offered"] == [f"{base}/v.mp4"]
            gone = app.wait_for_event("cast_shelf_gone", timeout=5)
            assert gone["uris"] == [f"{base}/gone.mp4"]
            app.press("Down")  # to the 继续观看 shelf
            app.wait_for_event("focus", timeout=10)
            app.press("Right")  # past the viewer's own series, to the cast
            shot = app.screenshot(tmp_path / "cast-shelf.png")
            assert not shot.isNull()
            before = len(app.events())
            app.press("Return")
            resumed = app.wait_for_event("cast_resumed", after=before, timeout=10)
            assert resumed["uri"] == f"{base}/v.mp4" and resumed["position_ms"] == 5_000
            requested = app.wait_for_event("play_requested", after=before, timeout=10)
            assert requested["series"] == "我的外婆是大侠 第2集"
            app.wait_for_event("first_frame", after=before, timeout=30)
