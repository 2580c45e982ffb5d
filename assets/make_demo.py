"""Build the built-in demo series 春风又起 (four short vertical episodes) with ffmpeg and espeak-ng.

Usage: .venv/bin/python assets/make_demo.py [--out DIR] [--quick]

The result is the same on every run with the same ffmpeg and espeak-ng: all randomness is seeded
and the files are muxed bit-exact. ``DIR/demo.json`` records the truth tests compare against.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from demo_maker.loudness import measure
from demo_maker.manifest import BuiltEpisode, write_manifest, write_srt
from demo_maker.picture import OUTPUT_LABEL, cover_graph, episode_picture
from demo_maker.shots import plan_shots
from demo_maker.sound import SAMPLE_RATE, loud_jump, render_mix
from demo_maker.speech import lay_out, synthesise
from demo_maker.story import EPISODES, SERIES_TITLE, EpisodeScript, quick_episodes
from demo_maker.tools import DemoBuildError, check_tools, ffmpeg

DEFAULT_OUT = Path(__file__).resolve().parent / "demo"
MANIFEST = "demo.json"
COVER = "cover.jpg"
VIDEO_CRF = "30"
AUDIO_BITRATE = "64k"
KEYFRAME_EVERY = "50"  # 2 s, so seeking stays quick in the player
# x264 output depends on its thread count; fixing it keeps files identical across machines.
X264_THREADS = "4"
_BITEXACT = ("-map_metadata", "-1", "-fflags", "+bitexact", "-flags", "+bitexact")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the 春风又起 demo series.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--quick", action="store_true", help="two short episodes, to check the generator works"
    )
    args = parser.parse_args(argv)
    try:
        check_tools()
        build(args.out, quick_episodes() if args.quick else EPISODES)
    except DemoBuildError as error:
        print(f"make_demo: {error}", file=sys.stderr)
        return 1
    print(f"demo series written to {args.out}")
    return 0


def build(out: Path, scripts: Sequence[EpisodeScript]) -> None:
    """Render everything into a staging folder, then swap it in for the previous demo."""
    if out.exists() and not out.is_dir():
        raise DemoBuildError(f"--out is not a folder: {out}")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DemoBuildError(f"cannot create {out}: {error}") from error
    with (
        tempfile.TemporaryDirectory(prefix="silverreel-demo-") as work_name,
        tempfile.TemporaryDirectory(prefix=".staging-", dir=out) as staging_name,
    ):
        work, staging = Path(work_name), Path(staging_name)
        series = staging / SERIES_TITLE
        series.mkdir()
        built = [_build_episode(script, series, work) for script in scripts]
        ffmpeg("-filter_complex", cover_graph(), "-map", "[cover]", "-frames:v", "1",
               "-q:v", "3", *_BITEXACT, series / COVER)  # fmt: skip
        write_manifest(built, SERIES_TITLE, staging / MANIFEST)
        _replace(staging, out)


def _build_episode(script: EpisodeScript, series: Path, work: Path) -> BuiltEpisode:
    prefix = f"ep{script.number}"
    shots = plan_shots(script.pacing, script.frames, seed=script.number)
    spoken = synthesise(script.lines, work, prefix)
    timeline = lay_out(script, spoken)
    mix = render_mix(spoken, timeline, script.duration_s, work, prefix)
    picture = episode_picture(script, shots, timeline.cues, work)
    for path, text in picture.text_files:
        path.write_text(text, encoding="utf-8")
    video = series / f"第{script.number}集.mp4"
    ffmpeg(
        "-filter_complex", picture.graph, "-i", mix.path,
        "-map", f"[{OUTPUT_LABEL}]", "-map", "0:a",
        "-filter:a", f"volume={mix.gain_db:.2f}dB",
        "-c:v", "libx264", "-preset", "slow", "-crf", VIDEO_CRF, "-pix_fmt", "yuv420p",
        "-g", KEYFRAME_EVERY, "-threads", X264_THREADS,
        "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
        "-color_range", "tv",
        "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ar", str(SAMPLE_RATE), "-ac", "2",
        "-movflags", "+faststart", *_BITEXACT, video,
    )  # fmt: skip
    subtitle = None
    if not script.burned_in:
        write_srt(timeline.cues, video.with_suffix(".srt"))
        subtitle = f"{SERIES_TITLE}/{video.with_suffix('.srt').name}"
    loudness = measure(video)
    dun = timeline.dun_start_s
    return BuiltEpisode(
        script=script,
        video=f"{SERIES_TITLE}/{video.name}",
        subtitle=subtitle,
        shots=shots,
        cues=timeline.cues,
        dun_start_s=dun,
        loudness=loudness,
        dun_jump_lu=None if dun is None else round(loud_jump(loudness, dun), 1),
    )


def _replace(staging: Path, out: Path) -> None:
    """Swap the freshly built files in, removing only what an earlier run made."""
    for name in (SERIES_TITLE, MANIFEST):
        old = out / name
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
        (staging / name).rename(old)


if __name__ == "__main__":
    sys.exit(main())
