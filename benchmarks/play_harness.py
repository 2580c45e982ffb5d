"""Play one file to its end in one video mode and print CPU seconds and peak memory as JSON.

    python benchmarks/play_harness.py MODE FILE
MODE: ``bare`` (plain libVLC, dummy video and audio: the baseline), ``native`` (libVLC draws
into a native X11 window inside a Qt window), ``callbacks`` (the app's surface: libVLC video
callbacks → QImage → VideoView painted by Qt, full screen on the X server in DISPLAY),
``calm-dim`` / ``calm-all`` (the same with the picture calmer: flash dimming only, the
default; dimming and cross-fades at every cut).
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bare(path: str) -> dict[str, float]:
    import vlc

    instance = vlc.Instance(["--quiet", "--no-xlib", "--vout=dummy", "--aout=dummy"])
    player = instance.media_player_new()
    done = threading.Event()
    player.event_manager().event_attach(vlc.EventType.MediaPlayerEndReached,
                                        lambda _e: done.set())
    start_cpu, start = _cpu(), time.monotonic()
    player.set_media(instance.media_new_path(path))
    player.play()
    done.wait(600)
    return {"cpu_s": _cpu() - start_cpu, "wall_s": time.monotonic() - start}


def with_qt(mode: str, path: str) -> dict[str, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from player.engine.vlc_engine import VlcEngine
    from player.ui.video_view import VideoView

    app = QApplication([])
    if mode == "native":
        engine = VlcEngine(video="native", audio_output="dummy",
                           extra_args=["--vout=xcb_x11"])
        widget = QWidget()
        widget.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        widget.setStyleSheet("background: black;")
    else:
        engine = VlcEngine(audio_output="dummy")
        if mode.startswith("calm"):
            from accessibility.calm import CalmOptions, PictureCalmer

            calmer = PictureCalmer(CalmOptions(dim_flashes=True,
                                               soften_cuts=mode == "calm-all"))
            engine.set_frame_filter(calmer.process)
        view = VideoView()
        engine.frame_ready.connect(view.show_frame)
        engine.picture_size_changed.connect(view.set_picture_size)
        widget = view
    widget.setGeometry(widget.screen().geometry())
    widget.showFullScreen()
    app.processEvents()
    if mode == "native":
        engine.set_native_window(int(widget.winId()))
    else:
        engine.set_display_size(widget.width(), widget.height())
    engine.ended.connect(app.quit)
    engine.error.connect(lambda _p: app.exit(1))
    start_cpu, start = _cpu(), time.monotonic()
    engine.load(path)
    code = app.exec()
    result = {"cpu_s": _cpu() - start_cpu, "wall_s": time.monotonic() - start, "exit": code}
    engine.shutdown()
    return result


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    result = bare(path) if mode == "bare" else with_qt(mode, path)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
