"""``silverreel analyse SOURCE``: analyse every episode once and leave the result beside it.

Where a library is served to several televisions (a family NAS, a community centre), each
episode's pacing and subtitles read off the picture are measured here once and written to
``NAME.silverreel.json`` beside the episode (docs/sidecar.md); players then use that instead
of analysing the episode themselves. An episode whose sidecar is current is passed over
(``--force`` analyses it again). Episodes on an http(s) server are analysed on the machine
that holds the files: this command only writes beside files it can reach as files.

Exit status: 0 when every local episode has a current sidecar afterwards, 1 otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from accessibility.analysis import measure_safely
from accessibility.pacing.cache import file_fingerprint
from player.library.sources import open_source
from player.locations import is_remote
from player.sidecar import (
    identity_of,
    sidecar_measurements,
    sidecar_path,
    write_sidecar,
)


def run(target: str, *, force: bool = False, say: Callable[[str], None] | None = None) -> int:
    say = say or (lambda line: print(line, flush=True))
    library = open_source(target)
    written = current = failed = remote = 0
    for series in library:
        for problem in series.problems:
            say(f"跳过 / skipped: {problem.where} ({problem.code}{': ' if problem.detail else ''}"
                f"{problem.detail})")
        for episode in series.episodes:
            if is_remote(episode.location):
                remote += 1
                continue
            outcome = analyse_episode(episode.location, force=force)
            say(f"{outcome[1]}: {episode.location}")
            if outcome[0] == "written":
                written += 1
            elif outcome[0] == "current":
                current += 1
            else:
                failed += 1
    if remote:
        say(f"{remote} 集在网络上，请在存放它们的电脑上分析 / {remote} episodes are on a "
            "server: run this on the machine that holds them")
    say(f"写好 {written} 个，已是最新 {current} 个，失败 {failed} 个 / written {written}, "
        f"up to date {current}, failed {failed}")
    if written + current + failed == 0:
        return 1
    return 1 if failed else 0


def analyse_episode(path: str, *, force: bool = False) -> tuple[str, str]:
    """``(outcome, line)``: outcome is ``written``, ``current``, ``unreadable``,
    ``unanalysable`` or ``unwritable``."""
    try:
        fingerprint = file_fingerprint(path)
    except OSError as error:
        return "unreadable", f"读不出 / unreadable ({error.strerror or error})"
    if not force and sidecar_measurements(path, fingerprint) is not None:
        return "current", "已是最新 / up to date"
    measured = measure_safely(path)
    if measured is None:
        return "unanalysable", "无法分析 / cannot be analysed"
    try:
        identity = identity_of(path, fingerprint)
        target = write_sidecar(path, identity, measured)
    except OSError as error:
        where = sidecar_path(path)
        return "unwritable", f"不能写入 {where} / cannot write ({error.strerror or error})"
    return "written", f"已写入 / written {Path(target).name}"


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1]))
