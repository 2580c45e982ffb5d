"""The speech worker process: reads synthesis jobs on stdin, writes WAV files, answers on stdout.

It runs apart from the app (``python -m accessibility.speech.worker``) because pyttsx3 blocks
while it synthesises, its espeak driver keeps process-wide state (``save_to_file`` changes
what every later ``say`` does) and a crash inside the speech engine must not take the player
with it. Only ``save_to_file`` is ever used: ``say`` would play through ``aplay`` itself.

Protocol, one JSON object per line (UTF-8):

* worker → app, once at start: ``{"type": "hello", "voices": {"zh": id|null, "en": id|null},
  "rate": <the engine's normal words per minute>}``
* app → worker: ``{"id": n, "text": str, "voice": id, "rate": wpm, "path": str}``
* worker → app: ``{"type": "done", "id": n, "ok": true}`` or ``{..., "ok": false, "error": str}``

The WAV is written beside ``path`` under a temporary name and renamed into place, so the app
never sees half a file.
"""

from __future__ import annotations

import array
import ctypes
import json
import os
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import pyttsx3

# espeak calls back when the utterance is complete; a job that takes longer is stuck.
_SYNTH_TIMEOUT_S = 20.0
# Languages the app speaks, with the voice languages that serve each, best first.
_WANTED: Mapping[str, tuple[str, ...]] = {
    # espeak-ng 1.51's plain "cmn" voice switches to English and reads Chinese as pinyin with
    # tone digits ("ni three hao three", espeak-ng issue #1236); "cmn-latn-pinyin" speaks
    # Mandarin with its tones (checked with `espeak-ng -q -x`).
    "zh": ("cmn-latn-pinyin", "cmn", "zh-cn", "zh_cn", "zh", "cmn-"),
    "en": ("en-us", "en_us", "en-gb", "en_gb", "en", "en-"),
}
_FALLBACK_RATE = 175
_SETTLE_TIMEOUT_S = 0.5
_ERROR_GRACE_S = 2.0
_SILENCE_LEVEL = 300  # of 32767: below anything espeak voices, above dithering
_KEPT_TAIL_S = 0.08  # espeak-ng's own normal speed, used if the engine reports nonsense


def pick_voice(
    voices: Iterable[tuple[str, tuple[str, ...]]], wanted: tuple[str, ...]
) -> str | None:
    """The id of the best voice for one language, from (id, languages) pairs.

    Entries in ``wanted`` that end in ``-`` match as prefixes; the others must match exactly
    (so a prefix like ``cmn-`` never picks a Latin-script variant by accident).
    """
    catalogue = [(vid, tuple(lang.lower() for lang in langs)) for vid, langs in voices]
    for want in wanted:
        for vid, langs in catalogue:
            if want.endswith("-"):
                if any(lang.startswith(want) and "latn" not in lang for lang in langs):
                    return vid
            elif want in langs:
                return vid
    return None


def trim_trailing_silence(path: Path) -> None:
    """Cut espeak's end-of-sentence pause (0.3-0.4 s) down to ``_KEPT_TAIL_S``.

    The pause is silence the viewer waits through: it would hold a paused episode longer in
    listen mode and push the next line later. Raises if the file holds no sound at all.
    """
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        frames = source.readframes(source.getnframes())
    if params.sampwidth != 2 or params.nchannels != 1:
        return  # not the espeak format; leave it as the engine made it
    samples = array.array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()  # WAV data is little-endian
    last = next(
        (i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > _SILENCE_LEVEL), None
    )
    if last is None:
        raise RuntimeError("speech engine produced no sound")
    keep = min(len(samples), last + 1 + int(params.framerate * _KEPT_TAIL_S))
    if keep == len(samples):
        return
    with wave.open(str(path), "wb") as target:
        target.setparams(params)
        target.writeframes(frames[: keep * 2])


class Synthesiser:
    """One pyttsx3 engine, used only through ``save_to_file``."""

    def __init__(self) -> None:
        self._engine: Any = pyttsx3.init()
        self._done = threading.Event()
        self._error: str | None = None
        self._engine.connect("finished-utterance", self._on_finished)
        self._engine.connect("error", self._on_error)
        self._espeak: Any = None
        self._espeak_get_parameter: Any = None
        if getattr(self._engine, "driver_name", "") == "espeak":
            from pyttsx3.drivers import _espeak  # only exists with the espeak driver

            # pyttsx3's own GetParameter binding lacks the "current or default" argument, so
            # what it returns is whichever the stack happens to hold.
            getter = _espeak.dll.espeak_GetParameter
            getter.restype = ctypes.c_int
            getter.argtypes = [ctypes.c_int, ctypes.c_int]
            self._espeak, self._espeak_get_parameter = _espeak, getter
        self.normal_rate = self._normal_rate()
        listed = [
            (str(v.id), tuple(str(lang) for lang in (v.languages or ())))
            for v in self._engine.getProperty("voices")
        ]
        self.voices = {lang: pick_voice(listed, wanted) for lang, wanted in _WANTED.items()}
        self._warm_up()

    def _normal_rate(self) -> int:
        """The engine's own default speed in words per minute (100 % in the settings)."""
        rate = (
            self._espeak_rate(current=False) if self._espeak else self._engine.getProperty("rate")
        )
        return int(rate) if isinstance(rate, int | float) and rate > 0 else _FALLBACK_RATE

    def _espeak_rate(self, *, current: bool) -> int | None:
        try:
            return int(self._espeak_get_parameter(self._espeak.RATE, 1 if current else 0))
        except (AttributeError, TypeError, ValueError, OSError):
            return None

    def _warm_up(self) -> None:
        """Leave pyttsx3's start-up state and load a voice before the first real line.

        A fresh pyttsx3 engine queues property changes until its first run, so the first
        line would otherwise ignore its voice and rate; loading the Mandarin data also takes
        the first line's extra time here, before anyone waits for it.
        """
        self._engine.runAndWait()
        voice = self.voices.get("zh") or self.voices.get("en")
        if voice is None:
            return
        handle, name = tempfile.mkstemp(suffix=".wav")
        os.close(handle)
        try:
            self.synthesise("你好", voice, self.normal_rate, Path(name))
        except Exception as exc:  # a real line will report the problem if it persists
            print(f"speech worker: warm-up failed: {exc!r}", file=sys.stderr)
        finally:
            Path(name).unlink(missing_ok=True)

    # pyttsx3 calls these from espeak's synthesis thread.
    def _on_finished(self, **_: Any) -> None:
        self._done.set()

    def _on_error(self, exception: BaseException | None = None, **_: Any) -> None:
        self._error = str(exception) if exception is not None else "error"

    def _settle(self, rate: int) -> None:
        """Wait until espeak has applied the new rate before synthesising.

        In pyttsx3's espeak driver a rate change is queued inside espeak, and ``runAndWait``
        cancels whatever espeak still has queued, so a change made just before it is often
        lost and the line comes out at the previous rate. Waiting for espeak's queue to drain
        (a millisecond or two) makes every line come out at the rate asked for.
        """
        if self._espeak is None:
            return
        deadline = time.monotonic() + _SETTLE_TIMEOUT_S
        while time.monotonic() < deadline:
            if not self._espeak.IsPlaying() and self._espeak_rate(current=True) in (rate, None):
                return
            time.sleep(0.001)
        print(f"speech worker: rate {rate} not confirmed by espeak", file=sys.stderr)

    def _wait_until_finished(self) -> None:
        # The espeak driver can return from runAndWait before its synthesis thread has written
        # the file, so wait for the engine's own signal. An error may come without one.
        started = time.monotonic()
        while not self._done.wait(0.01):
            waited = time.monotonic() - started
            if self._error is not None and waited > _ERROR_GRACE_S:
                raise RuntimeError(self._error)
            if waited > _SYNTH_TIMEOUT_S:
                raise TimeoutError("speech engine did not finish")
        if self._error is not None:
            raise RuntimeError(self._error)

    def synthesise(self, text: str, voice: str, rate: int, path: Path) -> None:
        """Write ``text`` spoken by ``voice`` at ``rate`` wpm to ``path``; raises on failure."""
        if not text.strip():
            raise ValueError("nothing to say")
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.part.wav")
        self._done.clear()
        self._error = None
        try:
            self._engine.setProperty("voice", voice)
            self._engine.setProperty("rate", int(rate))
            self._settle(int(rate))
            if self._error is not None:
                raise RuntimeError(self._error)  # e.g. the voice is not installed
            self._engine.save_to_file(text, str(partial))
            self._engine.runAndWait()
            self._wait_until_finished()
            trim_trailing_silence(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)


def _answer(stream: TextIO, message: Mapping[str, Any]) -> None:
    stream.write(json.dumps(message, ensure_ascii=False) + "\n")
    stream.flush()


def _protocol_stream() -> TextIO:
    """Keep the real stdout for the protocol and silence everything else printed there.

    pyttsx3 prints a line for every saved file; redirecting at the descriptor level means
    nothing a library writes can ever be mistaken for an answer. stderr stays open for
    real errors.
    """
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    return protocol


def serve(requests: TextIO, answers: TextIO) -> None:
    synthesiser = Synthesiser()
    _answer(
        answers, {"type": "hello", "voices": synthesiser.voices, "rate": synthesiser.normal_rate}
    )
    for line in requests:
        try:
            job = json.loads(line)
            job_id = int(job["id"])
        except (ValueError, KeyError, TypeError):
            continue  # not a job: nobody is waiting for an answer to it
        try:
            synthesiser.synthesise(
                str(job["text"]), str(job["voice"]), int(job["rate"]), Path(job["path"])
            )
        except TimeoutError as exc:
            # The engine is wedged; leaving lets the app start a fresh worker.
            _answer(answers, {"type": "done", "id": job_id, "ok": False, "error": repr(exc)})
            return
        except Exception as exc:  # any failure is reported; the worker lives on
            _answer(answers, {"type": "done", "id": job_id, "ok": False, "error": repr(exc)})
        else:
            _answer(answers, {"type": "done", "id": job_id, "ok": True})


def main() -> None:
    answers = _protocol_stream()
    requests = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    serve(requests, answers)


if __name__ == "__main__":
    main()
