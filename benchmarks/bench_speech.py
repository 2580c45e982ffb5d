"""Read-out figures: cue onset → speech playing, with and without lines prepared ahead.

    python benchmarks/bench_speech.py [--cues N]

Latency is measured from the moment the episode's clock passes a cue's start (interpolated
between the engine's position reports, which is when the subtitle appears) to the speech
player's libVLC reporting Playing (its ``started`` signal). Baseline: the same read-out with
``prepare()`` turned off, so each line is synthesised when its cue starts. Also printed: how
long espeak-ng (through pyttsx3, in the worker) takes per line against the line's length, and
how fast the Mandarin voice speaks.
"""

from __future__ import annotations

import argparse
import bisect
import os
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, SignalInstance

from accessibility.speech.synth import SpeechSynthesizer
from accessibility.subtitles.model import Cue
from accessibility.subtitles.text import speakable_text
from benchmarks.common import WORK, median, print_table
from player.config.store import Settings
from player.engine.base import PlaybackState
from player.engine.vlc_engine import VlcEngine
from player.engine.volume import VolumeControl
from player.readout.playback import SpeechPlayer
from player.readout.scheduler import ReadOut

GOAL_MS = 150
_PHRASES = (
    "妈，我回来了",
    "你到底想怎么样",
    "这件事我不同意",
    "他已经走了三年了",
    "快把门关上",
    "我们离婚吧",
    "你怎么才回来",
    "奶奶住院了",
    "这是我的女儿",
    "别再骗我了",
    "明天我就去找他",
    "钱我一定会还你",
    "对不起，是我错了",
    "你给我站住",
    "我不会放弃的",
    "今天是我们的纪念日",
    "公司要倒闭了",
    "我全都想起来了",
    "谁让你进来的",
    "谢谢你一直陪着我",
)
_SPACING_MS = 1500
_FIRST_MS = 1500


class WithoutPreparation:
    """The real synthesizer with ``prepare`` turned off: the baseline."""

    def __init__(self, synth: SpeechSynthesizer) -> None:
        self._synth = synth
        self.ready: SignalInstance = synth.ready
        self.failed: SignalInstance = synth.failed

    def request(self, text: str) -> str | None:
        return self._synth.request(text)

    def prepare(self, texts: Iterable[str]) -> None:
        pass


@dataclass
class Run:
    reports: list[tuple[float, int]] = field(default_factory=list)  # (monotonic s, position ms)
    spoken: dict[str, float] = field(default_factory=dict)  # text → monotonic s

    def crossing(self, start_ms: int) -> float | None:
        """When the episode's clock passed ``start_ms``, from the report just before it."""
        positions = [p for _, p in self.reports]
        i = bisect.bisect_right(positions, start_ms) - 1
        if i < 0:
            return None
        at, position = self.reports[i]
        return at + (start_ms - position) / 1000


def _clip(seconds: int) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"speech-episode-{seconds}s.mp4"
    if not path.exists():
        subprocess.run(
            [
                "ffmpeg",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                f"color=c=0x2E7D32:s=180x320:r=25:d={seconds}",
                "-f",
                "lavfi",
                "-i",
                f"sine=f=330:d={seconds}",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                "-movflags",
                "+faststart",
                str(path),
            ],
            check=True,
        )
    return path


def _spin_until(predicate, timeout_s: float) -> bool:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        QTimer.singleShot(5, loop.quit)
        loop.exec()
    return False


def _cues(count: int) -> list[Cue]:
    return [
        Cue(
            _FIRST_MS + i * _SPACING_MS,
            _FIRST_MS + i * _SPACING_MS + 1200,
            _PHRASES[i % len(_PHRASES)] + (f"，第{i}回" if i >= len(_PHRASES) else ""),
        )
        for i in range(count)
    ]


def _onset_run(
    cues: list[Cue], clip: Path, *, prepared: bool, interpolated: bool = True
) -> tuple[list[float], Run]:
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(None)
        engine = VlcEngine(video="dummy", audio_output="dummy")
        synth = SpeechSynthesizer(settings, Path(cache))
        player = SpeechPlayer(settings, audio_output="dummy")
        source = synth if prepared else WithoutPreparation(synth)
        # A clock that never moves leaves read-out with the engine's position reports alone.
        frozen = None if interpolated else (lambda: 0.0)
        readout = ReadOut(engine, VolumeControl(engine), settings, source, player, now=frozen)
        run = Run()
        engine.position_changed.connect(lambda p: run.reports.append((time.monotonic(), p)))

        def spoken(text: str) -> None:
            run.spoken[text] = time.monotonic()
            # Only the start matters here; silencing keeps lines from queueing behind each other.
            QTimer.singleShot(0, readout.silence)

        readout.speaking.connect(spoken)
        try:
            if not _spin_until(synth.is_available, 30):
                raise SystemExit("the speech worker did not start")
            readout.set_cues(cues)
            engine.load(str(clip))
            _spin_until(
                lambda: (
                    len(run.spoken) == len(cues)
                    or engine.state() in (PlaybackState.ENDED, PlaybackState.ERROR)
                ),
                cues[-1].end_ms / 1000 + 15,
            )
        finally:
            readout.shutdown()
            synth.shutdown()
            player.shutdown()
            engine.shutdown()
    latencies = []
    for cue in cues:
        crossed = run.crossing(cue.start_ms)
        spoken_at = run.spoken.get(speakable_text(cue.text))
        if spoken_at is not None and crossed is not None:
            latencies.append((spoken_at - crossed) * 1000)
    return latencies, run


def _synthesis_speed(lines: list[str], rate: int) -> tuple[list[float], list[float]]:
    """Seconds from request to file, and seconds of audio, per line (fresh cache, warm worker)."""
    took: list[float] = []
    lengths: list[float] = []
    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(None)
        settings.set("readout.rate", rate)
        synth = SpeechSynthesizer(settings, Path(cache))
        done: dict[str, str] = {}
        synth.ready.connect(done.__setitem__)
        try:
            _spin_until(synth.is_available, 30)
            for line in lines:
                start = time.monotonic()
                synth.request(line)
                _spin_until(lambda line=line: line in done, 20)
                took.append(time.monotonic() - start)
                with wave.open(done[line], "rb") as audio:
                    lengths.append(audio.getnframes() / audio.getframerate())
        finally:
            synth.shutdown()
    return took, lengths


def _ms(values: list[float]) -> str:
    return f"{median(values):.0f} ms" if values else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=20)
    args, _ = parser.parse_known_args()
    app = QCoreApplication.instance() or QCoreApplication([])
    cues = _cues(args.cues)
    clip = _clip(cues[-1].end_ms // 1000 + 5)

    baseline, _ = _onset_run(cues, clip, prepared=False)
    prepared, run = _onset_run(cues, clip, prepared=True)
    reports_only, _ = _onset_run(cues, clip, prepared=True, interpolated=False)
    gaps = [b[0] - a[0] for a, b in zip(run.reports, run.reports[1:], strict=False)]
    ratio = median(baseline) / median(prepared) if prepared and baseline else float("nan")
    print_table(
        f"read-out: cue onset → speech playing ({len(cues)} cues, median)",
        [
            (
                "onset → Playing, prepared ahead",
                _ms(prepared),
                _ms(baseline),
                f"≤ {GOAL_MS} ms, {ratio:.1f}× faster",
            ),
            (
                "onset → Playing, 90th percentile",
                f"{statistics.quantiles(prepared, n=10)[-1]:.0f} ms"
                if len(prepared) > 2
                else "n/a",
                f"{statistics.quantiles(baseline, n=10)[-1]:.0f} ms"
                if len(baseline) > 2
                else "n/a",
                "",
            ),
            ("cues spoken", f"{len(prepared)}/{len(cues)}", f"{len(baseline)}/{len(cues)}", ""),
            (
                "prepared, position reports only (no clock)",
                _ms(reports_only),
                _ms(prepared),
                "baseline: with clock",
            ),
            (
                "engine position report interval",
                f"{median(gaps) * 1000:.0f} ms" if gaps else "n/a",
                "",
                "(libVLC 3 time steps)",
            ),
        ],
    )
    print("goal met" if prepared and median(prepared) <= GOAL_MS else "goal MISSED")

    lines = list(_PHRASES[:10])
    took, lengths = _synthesis_speed(lines, 85)
    _, normal_lengths = _synthesis_speed(lines, 100)
    chars = sum(len(line.replace("，", "")) for line in lines)
    print_table(
        "espeak-ng via pyttsx3 (worker process), 10 typical lines",
        [
            (
                "synthesis time per line",
                f"{median(took) * 1000:.0f} ms",
                f"{median(lengths):.2f} s",
                "audio length",
            ),
            (
                "real-time factor (synthesis / audio)",
                f"{sum(took) / sum(lengths):.3f}",
                "",
                "< 1: faster than speech",
            ),
            (
                "Mandarin speaking rate at 85 % (default)",
                f"{chars / sum(lengths):.1f} 字/s",
                "",
                "viewers read ≈ 5–6 字/s",
            ),
            ("Mandarin speaking rate at 100 %", f"{chars / sum(normal_lengths):.1f} 字/s", "", ""),
        ],
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
