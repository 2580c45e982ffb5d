#!/usr/bin/env python3
"""silverreel-tv-autostart on|off|status — start SilverReel full screen at login (TV mode).

Installed as ``/usr/bin/silverreel-tv-autostart``. ``on`` copies the package's autostart entry
into the user's ``~/.config/autostart`` (``$XDG_CONFIG_HOME/autostart``), which every
freedesktop desktop (GNOME, KDE, Xfce, LXQt…) runs at login; ``off`` removes it. Nothing else
on the system changes, so the family can turn it on for the account the television logs into.
Only the standard library: this runs with the app's own interpreter but needs none of its code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ENTRY_NAME = "silverreel-tv.desktop"
TEMPLATE = Path("/usr/share/silverreel/autostart") / ENTRY_NAME


class AutostartError(Exception):
    """Autostart could not be changed; the message is meant for the person at the screen."""


def autostart_dir(environ: Mapping[str, str]) -> Path:
    """Where the XDG autostart specification looks for the user's entries."""
    config_home = environ.get("XDG_CONFIG_HOME", "").strip()
    # The specification says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    if config_home and Path(config_home).is_absolute():
        return Path(config_home) / "autostart"
    return Path(environ.get("HOME") or Path.home()) / ".config" / "autostart"


def enable(template: Path, environ: Mapping[str, str]) -> Path:
    target = autostart_dir(environ) / ENTRY_NAME
    if not template.is_file():
        raise AutostartError(
            f"找不到自动启动模板 {template}，请重新安装长辈剧场。"
            f" / The autostart template {template} is missing: reinstall SilverReel."
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
    except OSError as error:
        raise AutostartError(
            f"无法写入 {target}（{error.strerror}）。 / Cannot write {target}: {error.strerror}."
        ) from error
    return target


def disable(environ: Mapping[str, str]) -> bool:
    """Remove the user's entry; False when there was none."""
    target = autostart_dir(environ) / ENTRY_NAME
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise AutostartError(
            f"无法删除 {target}（{error.strerror}）。 / Cannot remove {target}: {error.strerror}."
        ) from error
    return True


def is_enabled(environ: Mapping[str, str]) -> bool:
    return (autostart_dir(environ) / ENTRY_NAME).is_file()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="silverreel-tv-autostart",
        description="电视模式：登录后自动全屏打开长辈剧场。 / TV mode: start SilverReel "
        "full screen at login.",
    )
    parser.add_argument("action", choices=("on", "off", "status"),
                        help="on: start at login; off: stop starting at login; status: show")
    return parser


def main(argv: Sequence[str] | None = None, template: Path = TEMPLATE,
         environ: Mapping[str, str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    env = os.environ if environ is None else environ
    try:
        if args.action == "on":
            target = enable(template, env)
            print(f"已开启：下次登录时长辈剧场会自动全屏打开。 / On: SilverReel starts full "
                  f"screen at the next login ({target}).")
        elif args.action == "off":
            disable(env)
            print("已关闭：登录时不再自动打开。 / Off: SilverReel no longer starts at login.")
        elif is_enabled(env):
            print("开启 / on")
        else:
            print("关闭 / off")
    except AutostartError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
