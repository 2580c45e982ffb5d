"""A whole session on this machine (no sound card) prints nothing, and says once why it is
silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from player import logs
from tests.conftest import XDisplay
from tests.x11 import running_app

pytestmark = [pytest.mark.x11, pytest.mark.slow]


@pytest.mark.skipif(logs.sound_device_present(), reason="this machine has a sound device")
def test_a_session_without_a_sound_card_is_quiet(xdisplay: XDisplay, tmp_path: Path) -> None:
    with running_app(xdisplay, tmp_path, audio_output=None) as app:
        app.wait_for_event("home_ready")
        app.press("Return")  # 继续观看: play episode 1 with its subtitles
        app.wait_for_event("first_frame")
        app.wait_for_event("subtitle_shown", timeout=30)
        app.press("Escape", "Escape")
        app.wait_for_event("progress_saved")
        app.process.terminate()
        app.process.wait(timeout=15)
        printed = app.output()
        events = app.events()
    assert printed == "", printed[:2000]
    assert [e["event"] for e in events].count("no_sound_device") == 1
    text = (tmp_path / "cfg" / "logs" / logs.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert text.count("no sound device") == 1
    assert "ALSA lib" not in text
