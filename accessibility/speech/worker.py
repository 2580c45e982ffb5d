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

import json
import os
import sys
import threading
import wave
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

import pyttsx3

# espeak calls back when the utterance is complete; a job that takes longer is stuck.
_SYNTH_TIMEOUT_S = 20.0
# Languages the app speaks, with the voice languages that serve each, best first.
_WANTED: Mapping[str, tuple[str, ...]] = {
    "zh": ("cmn", "zh-cn", "zh_cn", "zh", "cmn-"),
    "en": ("en-us", "en_us", "en-gb", "en_gb", "en", "en-"),
}
_FALLBACK_RATE = 175  # espeak-ng's own normal speed, used if the engine reports nonsense


def pick_voice(
    voices: Iterable[tuple[str, tuple[str, ...]]], wanted: tuple[str, ...]
) -> str | None:
    """The id of the best voice for one language, from (id, languages) pairs.

    Entries in ``wanted`` that end in ``-`` match as prefixes; the others must match exactly
    (so Mandarin never picks ``cmn-latn-pinyin``, which reads pinyin letters, before ``cmn``).
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


class Synthesiser:
    """One pyttsx3 engine, used only through ``save_to_file``."""

    def __init__(self) -> None:
        self._engine: Any = pyttsx3.init()
        self._done = threading.Event()
        self._error: str | None = None
        self._engine.connect("finished-utterance", self._on_finished)
        self._engine.connect("error", self._on_error)
        rate = self._engine.getProperty("rate")
        self.normal_rate = (
            int(rate) if isinstance(rate, int | float) and rate > 0 else _FALLBACK_RATE
        )
        listed = [
            (str(v.id), tuple(str(lang) for lang in (v.languages or ())))
            for v in self._engine.getProperty("voices")
        ]
        self.voices = {lang: pick_voice(listed, wanted) for lang, wanted in _WANTED.items()}

    def _on_finished(self, **_: Any) -> None:
        self._done.set()

    def _on_error(self, exception: BaseException | None = None, **_: Any) -> None:
        self._error = str(exception) if exception is not None else "error"
        self._done.set()

    def synthesise(self, text: str, voice: str, rate: int, path: Path) -> None:
        """Write ``text`` spoken by ``voice`` at ``rate`` wpm to ``path``; raises on failure."""
        if not text.strip():
            raise ValueError("nothing to say")
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.part.wav")
        self._done.clear()
        self._error = None
        self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", int(rate))
        self._engine.save_to_file(text, str(partial))
        self._engine.runAndWait()
        # The espeak driver can return from runAndWait before its synthesis thread has written
        # the file (always on the first job of a process), so wait for the engine's own signal.
        if not self._done.wait(_SYNTH_TIMEOUT_S):
            raise TimeoutError("speech engine did not finish")
        if self._error is not None:
            raise RuntimeError(self._error)
        with wave.open(str(partial), "rb") as produced:
            if produced.getnframes() == 0:
                raise RuntimeError("speech engine produced no audio")
        os.replace(partial, path)


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
