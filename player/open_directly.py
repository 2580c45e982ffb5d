"""``silverreel PATH_OR_URL``: open what a file manager or a family member named directly.

"打开方式 → 长辈剧场" on a video plays it at once; on a folder, a playlist or a manifest it
shows it as a series; an http(s) address works the same way. What was named is listed before
the saved sources for this run, so Back still leads to a Home with the family's library.
A path that does not exist, or that holds nothing playable, gets the plain large message,
spoken, like any other bad input; the app stays open on Home.
"""

from __future__ import annotations

import os
import urllib.parse
import urllib.request
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from player.eventlog import EventLog
from player.library.media import PLAYLIST_EXTENSIONS, VIDEO_EXTENSIONS, extension
from player.library.model import Series
from player.locations import is_remote
from player.window_intents import WindowIntents


def normalise_target(target: str) -> str:
    """A file manager passes ``file://`` URLs (``%U``) or paths (``%F``); both become paths."""
    target = target.strip()
    if target.casefold().startswith("file:"):
        return urllib.request.url2pathname(urllib.parse.urlsplit(target).path)
    if is_remote(target):
        return target
    return os.path.abspath(os.path.expanduser(target))


def names_one_video(target: str) -> bool:
    path = urllib.parse.urlsplit(target).path if is_remote(target) else target
    return extension(path) in VIDEO_EXTENSIONS - PLAYLIST_EXTENSIONS and not os.path.isdir(target)


@dataclass(frozen=True)
class Opened:
    target: str
    series: list[Series]  # what open_source made of it


def problem_message(target: str, series: list[Series]) -> str:
    """The one plain sentence for a target that gave nothing to watch."""
    name = target if is_remote(target) else (os.path.basename(target.rstrip("/")) or target)
    codes = {p.code for s in series for p in s.problems}
    if codes & {"timeout", "unreachable", "http_error"}:
        text = QCoreApplication.translate("DirectOpen", "连不上“%1”，请检查网络后再试。")
    elif codes & {"missing"}:
        text = QCoreApplication.translate("DirectOpen", "找不到“%1”。请检查 U 盘是否插好。")
    elif codes & {"unreadable"}:
        text = QCoreApplication.translate("DirectOpen", "“%1”打不开：没有读取的权限。")
    elif codes & {"empty"}:
        text = QCoreApplication.translate("DirectOpen", "“%1”里没有能播放的视频。")
    else:
        text = QCoreApplication.translate("DirectOpen", "“%1”不是能播放的视频或片单。")
    return text.replace("%1", name)


class DirectOpener:
    """Once Home first shows the library, plays or opens what the command line named."""

    def __init__(self, window: WindowIntents, opened: list[Opened], events: EventLog) -> None:
        self._window = window
        self._opened = opened
        self._events = events
        self._done = False
        # A lambda, not the bound method (held only weakly): the connection keeps the opener.
        window.home_ready.connect(lambda: self._on_home_ready())  # noqa: PLW0108

    def _on_home_ready(self) -> None:
        if self._done:
            return
        self._done = True
        window = self._window
        if not self._opened:
            return
        first = self._opened[0]
        playable = [s for s in first.series if s.episodes]
        self._events.log("open_directly", target=first.target,
                         series=len(playable), episodes=sum(len(s.episodes) for s in playable))
        if not playable:
            window.show_message(problem_message(first.target, first.series), 10.0)
            return
        series = playable[0]
        if names_one_video(first.target) and len(series.episodes) == 1:
            window.start_playing(series, 0, window.resume_position(series, 0))
            return
        for index, shown in enumerate(window.library):
            if shown is series:
                window.open_series(index)
                return
