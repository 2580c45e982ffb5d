"""``silverreel inspect PATH_OR_URL --json``: what the player sees, as JSON (docs/inspect.md)."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vlc

from player.library.export import library_to_json
from player.library.media import MANIFEST_EXTENSIONS, PLAYLIST_EXTENSIONS, extension
from player.library.sources import open_source
from player.locations import is_remote
from player.names import printable_json_text
from player.net.relay import relay_url

_PARSE_TIMEOUT_S = 10.0


def looks_like_source(target: str) -> bool:
    if is_remote(target):
        ext = extension(target.split("?", 1)[0])
        # ".xml": a home media server's description address (rootDesc.xml, description.xml)
        return ext in MANIFEST_EXTENSIONS or (ext in PLAYLIST_EXTENSIONS and ext != ".m3u8") \
            or ext in ("", ".xml")
    path = Path(target)
    return path.is_dir() or extension(path.name) in (MANIFEST_EXTENSIONS | PLAYLIST_EXTENSIONS)


def inspect_episode(target: str) -> dict[str, Any]:
    """Duration, picture size and audio as libVLC itself sees them."""
    remote = is_remote(target)
    if not remote:
        path = Path(target)
        if not path.is_file():
            return {"kind": "episode", "location": target,
                    "error": {"code": "missing", "message": "file not found"}}
        if path.stat().st_size == 0:
            return {"kind": "episode", "location": target,
                    "error": {"code": "empty", "message": "file is empty"}}
    instance = vlc.Instance(["--quiet", "--no-xlib", "--vout=dummy", "--aout=dummy"])
    try:
        media = instance.media_new(relay_url(target)) if remote else \
            instance.media_new_path(os.fsencode(Path(target).resolve()))
        flags = vlc.MediaParseFlag.network if remote else vlc.MediaParseFlag.local
        media.parse_with_options(flags, int(_PARSE_TIMEOUT_S * 1000))
        deadline = time.monotonic() + _PARSE_TIMEOUT_S + 1
        while media.get_parsed_status() == 0 and time.monotonic() < deadline:
            time.sleep(0.02)  # a command-line tool with no event loop: polling is fine here
        status = media.get_parsed_status()
        result: dict[str, Any] = {"kind": "episode", "location": target}
        video = [t for t in media.tracks_get() or [] if t.type == vlc.TrackType.video]
        audio = [t for t in media.tracks_get() or [] if t.type == vlc.TrackType.audio]
        if status != vlc.MediaParsedStatus.done or not (video or audio):
            result["error"] = {"code": "unplayable", "message": "not a playable video"}
            return result
        result["duration_s"] = round(max(0, media.get_duration()) / 1000, 3)
        result["width"], result["height"] = _picture_size(target) if video else (None, None)
        result["audio"] = bool(audio)
        return result
    finally:
        instance.release()


def _picture_size(target: str) -> tuple[int | None, int | None]:
    """Width and height of the first video stream.

    Read with PyAV because python-vlc mis-declares the track union of
    ``libvlc_media_tracks_get`` and reading it crashes; libVLC demuxes these files with the
    same FFmpeg code, so the numbers are the ones the player works with.
    """
    import av

    try:
        opened = relay_url(target) if is_remote(target) else target
        with av.open(opened, timeout=_PARSE_TIMEOUT_S) as container:
            stream = container.streams.video[0]
            return int(stream.codec_context.width), int(stream.codec_context.height)
    except (av.FFmpegError, IndexError, OSError):
        return None, None


def subtitles_of(target: str) -> dict[str, Any]:
    """The subtitles the player would use: a file beside the episode wins, else a track inside."""
    # Qt-free and without the word segmentation the player's pages need (a second process).
    from player.library.cue_reading import read_cues

    found = open_source(target)
    series = found[0] if found else None
    if series is None or not series.episodes:
        return {"source": None, "cues": []}
    load = read_cues(series.episodes[0])
    track = load.track
    result: dict[str, Any] = {
        "source": load.origin if track is not None else None,
        "path": str(track.path) if track is not None and track.path else None,
        "format": track.format if track is not None else None,
        "encoding": track.encoding if track is not None else None,
        "language": track.language if track is not None else None,
        "cues": [{"start_s": c.start_ms / 1000, "end_s": c.end_ms / 1000, "text": c.text}
                 for c in (track.cues if track is not None else ())],
    }
    if load.problem is not None:
        result["problem"] = load.problem
    return result


def inspect(target: str) -> dict[str, Any]:
    if looks_like_source(target):
        return {"kind": "library", **library_to_json(open_source(target))}
    from accessibility.calm.report import CalmSampler

    # The analysis pass (most of the time) starts first and runs beside libVLC's look at the
    # file and the subtitle files; its result is dropped if libVLC cannot play the file.
    sampler = CalmSampler()  # the calm report reads the analysis' pass: no second decode
    analysis: list[tuple[dict[str, Any] | None, list[dict[str, Any]]]] = []
    worker = threading.Thread(target=lambda: analysis.append(analysis_of(target, sampler)),
                              name="inspect-analysis", daemon=True)
    worker.start()
    result = inspect_episode(target)
    if "error" in result:
        worker.join()
        return result
    result["subtitles"] = subtitles_of(target)
    worker.join()
    result["pacing"], picture = analysis[0] if analysis else (None, [])
    result["calm"] = calm_of(target, result["pacing"], sampler)
    result["subtitles"]["picture_cues"] = picture
    if result["subtitles"]["source"] is None and picture:
        result["subtitles"]["source"] = "picture"
    return result


def analysis_of(target: str, *frame_taps: Callable[[float, Any], None],
                ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """One decode pass: pacing (docs/pacing.md; ``None`` when it cannot be analysed) and the
    subtitles read off the picture; ``frame_taps`` get every decoded frame too."""
    if is_remote(target):
        return None, []
    from accessibility.analysis import measure_safely
    from accessibility.ocr import picture_cues_to_json
    from accessibility.ocr.cue import PictureCue
    from accessibility.pacing.summary import summarise

    measured = measure_safely(target, frame_taps=frame_taps)
    if measured is None:
        return None, []
    cues = [PictureCue(start, end, text, confidence)
            for start, end, text, confidence in measured.picture_cues]
    return summarise(measured).to_json(), picture_cues_to_json(cues)


def calm_of(target: str, pacing: dict[str, Any] | None,
            sampler: Any = None) -> dict[str, Any] | None:
    """Flash risk before and after dimming, cuts a cross-fade would soften (docs/pacing.md)."""
    if pacing is None:
        return None
    from accessibility.calm.report import calm_report

    try:
        return calm_report(target, pacing, sampler=sampler)
    except Exception as error:  # a damaged stretch must not cost the rest of the report
        return {"error": str(error) or type(error).__name__}


def run(target: str) -> int:
    result = inspect(target)
    try:
        # Always valid UTF-8: a name that is not is written as JSON escapes ("\udcb5").
        text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
        sys.stdout.flush()
        sys.stdout.buffer.write(printable_json_text(text))
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader stopped early (e.g. `| head`): not our problem
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if "error" in result else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run(sys.argv[1] if len(sys.argv) > 1 else os.getcwd()))
