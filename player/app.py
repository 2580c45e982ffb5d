"""Start SilverReel: ``silverreel [PATH_OR_URL]`` (the app), ``silverreel inspect SOURCE --json``
or ``silverreel analyse SOURCE`` (sidecar files, docs/sidecar.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from player.cli import build_analyse_parser, build_inspect_parser, build_parser, split_command

NO_DISPLAY_MESSAGE = (
    "SilverReel 需要一个屏幕才能运行，但没有找到显示器（DISPLAY 未设置）。"
    " / SilverReel needs a screen, and no display was found (DISPLAY is not set)."
)


def display_available() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    options, command, rest = split_command(arguments)
    if command == "inspect":
        build_parser().parse_args(options)  # options before the command are checked too
        from player.inspect import run

        return run(build_inspect_parser().parse_args(rest).target)
    if command in ("analyse", "analyze"):
        build_parser().parse_args(options)
        from player.analyse import run as analyse

        chosen = build_analyse_parser().parse_args(rest)
        return analyse(chosen.source, force=chosen.force)
    args = build_parser().parse_args(arguments)
    if args.reset_pin:
        return reset_pin_command(args.config_dir)
    if not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    return run_app(args)


def reset_pin_command(config_dir: object) -> int:
    """``silverreel --reset-pin``: forget the family PIN (for whoever has this computer)."""
    from pathlib import Path

    from player.config.paths import app_paths
    from player.config.pin import reset_pin

    settings_file = app_paths(config_dir if isinstance(config_dir, Path) else None).settings_file
    if not reset_pin(settings_file):
        print(f"没能保存 {settings_file} / could not save {settings_file}", file=sys.stderr)
        return 1
    print("家人设置的密码已清除，下次进入时重新设置。 / The family PIN is cleared; "
          "a new one is chosen on the next visit.")
    return 0


def run_app(args: object) -> int:
    """Everything after the command line is understood: Qt, engine, settings, window."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from player.assemble import assemble
    from player.config.paths import app_paths
    from player.config.store import Settings
    from player.eventlog import EventLog
    from player.i18n import install_translations
    from player.library.model import Series
    from player.library.sources import open_source
    from player.shelf import LibraryShelf
    from player.ui.strings import settings_problem

    paths = app_paths(getattr(args, "config_dir", None))
    from player.logs import choose_audio_output, setup_logging

    setup_logging(paths.log_dir)  # libVLC, ALSA, Qt: into the rotated log, not the terminal
    has_sound = choose_audio_output()
    events = EventLog(getattr(args, "event_log", None) or paths.default_event_log)
    events.log("app_started", pid=os.getpid(), process_time_s=round(time.process_time(), 3))

    app = QApplication(sys.argv[:1])
    app.setApplicationName("SilverReel")
    app.setApplicationDisplayName("长辈剧场")
    app.setDesktopFileName("silverreel")  # matches the installed .desktop entry
    from PySide6.QtGui import QIcon

    from player.assets import assets_dir

    app.setWindowIcon(QIcon(str(assets_dir() / "icons" / "silverreel.svg")))
    settings = Settings(paths.settings_file)
    language = getattr(args, "language", None) or settings.get("ui.language")
    install_translations(app, language)

    run_sources = list(getattr(args, "library", []) or [])
    # `silverreel PATH_OR_URL` (打开方式 → 长辈剧场): listed first, then played or opened.
    from player.open_directly import DirectOpener, Opened, normalise_target

    targets = [normalise_target(t) for t in getattr(args, "targets", None) or []]
    first_run = settings.was_new and not run_sources and not targets
    shelf = LibraryShelf(settings, run_sources)
    sources = shelf.sources(demo=not targets)
    # Started before the window is built, so the disk is read while Qt sets up. Each source
    # is read in its own thread: Home comes with the local series, slow servers join later.
    # What the command line named is read first and waited for: it is what the viewer asked for.
    # Reports reach the GUI thread through the event loop, so after the window exists.
    shown: list[bool] = []
    opened: list[Opened] = []
    read_targets: dict[str, list[Series]] = {}

    def read(spec: str) -> list[Series]:
        found = open_source(spec)
        if spec in targets:
            read_targets[spec] = found
        return found

    def deliver(library: list[Series]) -> None:
        if shown:
            window.library_grew(library)  # no screen change for the viewer
        else:
            shown.append(True)
            opened.extend(Opened(target, read_targets.get(target, [])) for target in targets)
            window.show_library(library)

    if not first_run:
        shelf.read([*targets, *sources], deliver, read=read, required=len(targets))

    parts = assemble(paths, events, settings, defer=True,
                     cast=bool(getattr(args, "cast", False)), shelf=shelf)
    window = parts.window

    fullscreen = bool(getattr(args, "fullscreen", False) or settings.get("ui.tv_mode"))
    if fullscreen:
        from player.ui.appearance import enter_tv_mode

        enter_tv_mode(window, frameless=True)
    else:
        size = window.screen().availableSize()
        window.resize(round(size.width() * 0.8), round(size.height() * 0.8))
        window.show()
    window.apply_theme()

    if not has_sound:  # said once, in plain words
        from PySide6.QtCore import QCoreApplication

        window.show_message(QCoreApplication.translate(
            "NoSoundDevice", "这台电脑没有找到声音设备（音箱或耳机），剧集会没有声音。"
            "接上以后，请重新打开长辈剧场。"), 10.0)
        events.log("no_sound_device")
    for problem in settings.problems[:1]:
        window.show_message(settings_problem(problem.code))
        events.log("settings_problem", code=problem.code, key=problem.key,
                   backup=str(settings.backup_path) if settings.backup_path else None)

    def finish() -> None:
        parts.finish()
        if targets and parts.resume is not None:
            parts.resume.disarm()  # what the command line named plays, not the last episode

    if first_run:
        finish()
        assert parts.family is not None
        parts.family.start_first_run()  # it reads the library itself when done
    else:
        window.home_ready.connect(lambda: QTimer.singleShot(0, finish))
        DirectOpener(window, opened, events)
    code = app.exec()
    parts.close()
    events.log("app_exited", code=code)
    events.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
