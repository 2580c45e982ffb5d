"""The command line: ``silverreel [options]`` runs the app; ``silverreel inspect`` explains."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

COMMANDS = ("inspect", "analyse", "analyze")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="silverreel",
        description="SilverReel 长辈剧场 — a micro-drama player for older viewers.",
        epilog="silverreel inspect PATH_OR_URL --json  prints what the player sees of a "
        "source or an episode; silverreel analyse SOURCE  writes analysis sidecar files "
        "beside the episodes.",
    )
    parser.add_argument("targets", nargs="*", metavar="PATH_OR_URL",
                        help="a video to play at once, or a folder, playlist or address to "
                        "show as a series (what 打开方式 → 长辈剧场 passes)")
    parser.add_argument("--library", action="append", default=[], metavar="PATH_OR_URL",
                        help="a folder, playlist, manifest or web address (repeatable); "
                        "overrides the saved sources for this run")
    parser.add_argument("--fullscreen", action="store_true",
                        help="TV mode: full screen, no window frame, no mouse pointer")
    parser.add_argument("--config-dir", type=Path, default=None, metavar="DIR",
                        help="keep settings, progress, cache and logs under DIR")
    parser.add_argument("--event-log", type=Path, default=None, metavar="FILE",
                        help="write playback events as JSON lines to FILE")
    parser.add_argument("--language", choices=("zh", "en"), default=None,
                        help="interface language for this run")
    parser.add_argument("--cast", action="store_true",
                        help="receive casts from phones (DLNA 投屏) for this run, even when "
                        "允许手机投屏 is off in the family settings")
    parser.add_argument("--reset-pin", action="store_true",
                        help="forget the family settings PIN (a new one is chosen on the "
                        "next visit) and exit")
    return parser


def build_inspect_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="silverreel inspect",
                                     description="Show what the player sees of a source.")
    parser.add_argument("target", metavar="PATH_OR_URL")
    parser.add_argument("--json", action="store_true", required=True,
                        help="print JSON (the only format)")
    parser.add_argument("--config-dir", type=Path, default=None, metavar="DIR")
    return parser


def build_analyse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="silverreel analyse",
        description="Analyse every episode of a source once and write the result beside it "
        "as NAME.silverreel.json (docs/sidecar.md), for every player that shares the library.")
    parser.add_argument("source", metavar="SOURCE", help="a folder, playlist, manifest or file")
    parser.add_argument("--force", action="store_true",
                        help="analyse again even where a current sidecar exists")
    return parser
def split_command(arguments: Sequence[str]) -> tuple[list[str], str | None, list[str]]:
    """``[options…] COMMAND [its arguments…]`` → (options, command, its arguments).

    The app's options may come before a command (``silverreel --config-dir DIR inspect X
    --json``); a command word given as an option's value (``--library inspect``) is a value.
    Without a command: (all arguments, None, [])."""
    takes_value = {option for action in build_parser()._actions
                   if action.nargs != 0 for option in action.option_strings}
    index = 0
    while index < len(arguments):
        word = arguments[index]
        if word in COMMANDS:
            return list(arguments[:index]), word, list(arguments[index + 1:])
        if word == "--":
            break
        index += 2 if word in takes_value else 1
    return list(arguments), None, []
