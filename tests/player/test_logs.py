"""Quiet logs: libVLC, ALSA and Qt talk to the rotated log file, never to the terminal."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from player import logs
from player.assets import demo_library
from player.engine.vlc_log import _worth_logging

EPISODE = demo_library() / "春风又起" / "第1集.mp4"

# libVLC made to use ALSA on a machine without a sound card: the noisiest case there is.
_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from player.logs import setup_logging
    app = QCoreApplication([])
    setup_logging(Path(sys.argv[1]))
    from player.engine.vlc_engine import VlcEngine
    engine = VlcEngine(video="dummy", audio_output="alsa")
    engine.load(sys.argv[2])
    deadline = time.monotonic() + 20
    while engine.position() < 2500 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    engine.shutdown()
""")


def test_alsa_and_libvlc_complaints_go_to_the_log_file(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
    env.pop("SILVERREEL_AUDIO_OUTPUT", None)
    result = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path / "logs"), str(EPISODE)],
                            capture_output=True, text=True, timeout=90, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""
    text = (tmp_path / "logs" / logs.LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "silverreel.libvlc" in text and "ALSA" in text
    # A failing output retried for every buffer is logged with counts, not line by line.
    assert len(text.splitlines()) < 200


def test_the_log_level_is_a_setting_of_the_environment(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SILVERREEL_LOG_LEVEL", "debug")
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    try:
        path = logs.setup_logging(tmp_path)
        logging.getLogger("silverreel.test").debug("a debug line")
        assert root.level == logging.DEBUG
        for handler in root.handlers:
            handler.flush()
        assert "a debug line" in path.read_text(encoding="utf-8")
        handler = root.handlers[0]
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in before[0]:
            root.addHandler(handler)
        root.setLevel(before[1])
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(None)


def test_repeated_messages_are_logged_at_powers_of_ten() -> None:
    assert [n for n in range(1, 2001) if _worth_logging(n)] == [1, 10, 100, 1000]


def test_no_sound_device_means_no_sound_output_and_one_remark(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logs.AUDIO_ENV, raising=False)
    monkeypatch.setattr(logs, "sound_device_present", lambda: False)
    assert logs.choose_audio_output() is False
    assert os.environ[logs.AUDIO_ENV] == "dummy"
    monkeypatch.setenv(logs.AUDIO_ENV, "pulse")  # a deliberate choice is not remarked on
    assert logs.choose_audio_output() is True
