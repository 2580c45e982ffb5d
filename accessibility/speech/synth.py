"""Text to WAV file, synthesised by pyttsx3 in a worker process, cached on disk.

The worker (``accessibility.speech.worker``) is a separate process driven through
``QProcess``: its answers arrive as ``readyReadStandardOutput`` on the GUI thread, so no
thread of ours ever touches Qt objects, and a crash or hang of the speech engine costs one
restart, never the player. Nothing here raises into the caller: every failure becomes a
``failed(text, reason)`` signal.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

import accessibility
from accessibility.speech.cache import SpeechCache
from accessibility.speech.language import speech_language

# Seconds are generous: a line takes milliseconds; only a wedged engine gets near these.
_START_TIMEOUT_MS = 20_000
_JOB_TIMEOUT_MS = 20_000
# What one request may make the worker speak: a subtitle page or a notice is a few dozen
# characters; a 20,000-character line from a hostile file held the worker until the watchdog.
MAX_SPOKEN_CHARS = 200
_SHUTDOWN_WAIT_MS = 2_000
# A job that was running when the worker died twice in a row is taken to be the cause.
_MAX_ATTEMPTS = 2
# Starts in a row that never said hello before the synthesizer stops trying.
_MAX_FAILED_STARTS = 3


class Reason:
    """Why a line could not be synthesised (``failed`` signal)."""

    EMPTY = "empty"  # nothing speakable in the text
    NO_VOICE = "no_voice"  # no voice installed for the line's language
    ENGINE = "engine"  # the speech engine reported an error for this line
    CRASHED = "crashed"  # the worker died on this line, more than once
    UNAVAILABLE = "unavailable"  # the worker cannot be started at all
    CANCELLED = "cancelled"  # shut down before the line was done


class SpeechSettings(Protocol):
    """The app's settings as the synthesizer reads them: ``ui.language`` and ``readout.rate``."""

    def get(self, key: str) -> Any: ...


def default_worker_command() -> list[str]:
    return [sys.executable, "-m", "accessibility.speech.worker"]


@dataclass
class _Job:
    text: str
    attempts: int = 0


@dataclass(frozen=True)
class Voicing:
    """A voice id of the speech engine and a rate in words per minute."""

    voice: str
    rate: int


# ``readout.rate`` 100 % means ordinary Mandarin speech, about 4.5 字/s. espeak-ng's Mandarin
# voice (cmn-latn-pinyin) at its own default rate is a little slower (measured: 25 characters
# at 175, 220, 260 and 300 wpm gave 3.7, 4.9, 6.0 and 7.3 字/s), so its rate is scaled to
# match; other engines' default rates are already ordinary speech.
_ESPEAK_MANDARIN_FACTOR = 1.17


def _normal_speech_factor(voice: str) -> float:
    lowered = voice.lower()
    return _ESPEAK_MANDARIN_FACTOR if ("cmn" in lowered or "/zh" in lowered) else 1.0


class SpeechSynthesizer(QObject):
    """Prepares WAV files of spoken lines.

    ``request(text)`` returns the file at once when it is cached, otherwise puts the line at
    the front of the queue and emits ``ready(text, path)`` when it is done. ``prepare(texts)``
    queues lines behind the requested ones, so upcoming cues are ready before they are due.
    """

    ready = Signal(str, str)  # text, path of the WAV
    failed = Signal(str, str)  # text, Reason
    available = Signal()  # the worker is running and knows its voices

    def __init__(
        self,
        settings: SpeechSettings | None,
        cache_dir: Path,
        *,
        worker_command: Sequence[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._cache = SpeechCache(cache_dir)
        self._cache.prune()
        self._command = list(worker_command or default_worker_command())
        self._voices: dict[str, str | None] | None = None  # known once the worker said hello
        self._normal_rate = 0
        self._queue: list[_Job] = []  # requested lines first, then prepared ones
        self._in_flight: _Job | None = None
        self._in_flight_id = 0
        self._failed_starts = 0
        self._given_up = False
        self._closing = False
        self._process: QProcess | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._worker_stuck)
        self._start_worker()

    # --- public ------------------------------------------------------------------------
    @property
    def storage_problem(self) -> str:
        """Why spoken lines are kept in a temporary folder this run ("" when they are not)."""
        return self._cache.fallback_reason

    def request(self, text: str) -> str | None:
        """The WAV for ``text`` if it is ready now; otherwise ``None`` and a signal later."""
        text = text.strip()
        if not text:
            self._fail_later(text, Reason.EMPTY)
            return None
        voicing = self.voicing(text)
        if voicing is not None:
            cached = self._cache.lookup(text, voicing.voice, voicing.rate)
            if cached is not None:
                return str(cached)
        elif self._voices is not None:
            self._fail_later(text, Reason.NO_VOICE)
            return None
        self._enqueue(text, urgent=True)
        return None

    def prepare(self, texts: Iterable[str]) -> None:
        """Synthesise these lines in the background, in order, unless already on disk."""
        for raw in texts:
            text = raw.strip()
            if not text:
                continue
            voicing = self.voicing(text)
            if voicing is not None and self._cache.lookup(text, voicing.voice, voicing.rate):
                continue
            self._enqueue(text, urgent=False)

    def is_available(self) -> bool:
        return self._voices is not None

    def worker_pid(self) -> int | None:
        if self._process is None or self._process.state() is QProcess.ProcessState.NotRunning:
            return None
        return int(self._process.processId())

    def shutdown(self) -> None:
        """Stop the worker; pending lines are dropped (``failed`` with ``cancelled``)."""
        self._closing = True
        self._watchdog.stop()
        process, self._process = self._process, None
        if process is not None:
            process.blockSignals(True)
            process.closeWriteChannel()  # the worker leaves when its input ends
            if not process.waitForFinished(_SHUTDOWN_WAIT_MS):
                process.kill()
                process.waitForFinished(_SHUTDOWN_WAIT_MS)
            process.deleteLater()
        pending = [*([self._in_flight] if self._in_flight else []), *self._queue]
        self._in_flight = None
        self._queue.clear()
        for job in pending:
            self.failed.emit(job.text, Reason.CANCELLED)

    # --- queue ---------------------------------------------------------------------------
    def voicing(self, text: str) -> Voicing | None:
        """The voice and rate ``text`` is spoken with now; ``None`` until the worker is up."""
        if self._voices is None:
            return None
        ui_language = str(self._settings.get("ui.language")) if self._settings else "zh"
        voice = self._voices.get(speech_language(text, ui_language))
        if voice is None:
            return None
        percent = int(self._settings.get("readout.rate")) if self._settings else 100
        normal = self._normal_rate * _normal_speech_factor(voice)
        return Voicing(voice, max(1, round(normal * percent / 100)))

    def _enqueue(self, text: str, *, urgent: bool) -> None:
        if self._given_up or self._closing:
            self._fail_later(text, Reason.UNAVAILABLE)
            return
        if self._in_flight is not None and self._in_flight.text == text:
            return
        existing = next((job for job in self._queue if job.text == text), None)
        if existing is not None:
            if not urgent:
                return
            self._queue.remove(existing)
        job = existing or _Job(text)
        if urgent:
            # Newest request first: the line the viewer is waiting for now.
            self._queue.insert(0, job)
        else:
            self._queue.append(job)
        self._dispatch()

    def _dispatch(self) -> None:
        while self._in_flight is None and self._queue and self._voices is not None:
            job = self._queue.pop(0)
            voicing = self.voicing(job.text)
            if voicing is None:
                self._fail_later(job.text, Reason.NO_VOICE)
                continue
            cached = self._cache.lookup(job.text, voicing.voice, voicing.rate)
            if cached is not None:
                self._ready_later(job.text, str(cached))
                continue
            self._send(job, voicing)

    def _send(self, job: _Job, voicing: Voicing) -> None:
        if self._process is None:
            self._queue.insert(0, job)
            return
        self._in_flight = job
        self._in_flight_id += 1
        job.attempts += 1
        message = {
            "id": self._in_flight_id,
            "text": spoken_text(job.text),
            "voice": voicing.voice,
            "rate": voicing.rate,
            "path": str(self._cache.path_for(job.text, voicing.voice, voicing.rate)),
        }
        self._process.write((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))
        self._watchdog.start(_JOB_TIMEOUT_MS)

    # Never emitted from inside a caller's own call: a listener may call straight back into us.
    def _fail_later(self, text: str, reason: str) -> None:
        QTimer.singleShot(0, self, lambda: self.failed.emit(text, reason))

    def _ready_later(self, text: str, path: str) -> None:
        QTimer.singleShot(0, self, lambda: self.ready.emit(text, path))

    # --- worker process ------------------------------------------------------------------
    def _start_worker(self) -> None:
        if self._closing or self._given_up:
            return
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        # The worker imports this package by name, wherever the app was started from.
        root = str(Path(accessibility.__file__).resolve().parent.parent)
        paths = [root, *filter(None, [environment.value("PYTHONPATH")])]
        environment.insert("PYTHONPATH", os.pathsep.join(paths))
        environment.insert("PYTHONIOENCODING", "utf-8")
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read_answers)
        process.finished.connect(self._worker_finished)
        process.errorOccurred.connect(self._worker_error)
        self._process = process
        self._voices = None
        process.start(self._command[0], self._command[1:])
        self._watchdog.start(_START_TIMEOUT_MS)

    def _read_answers(self) -> None:
        process = self._process
        if process is None:
            return
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", errors="replace")
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        if message.get("type") == "hello":
            self._watchdog.stop()
            voices = message.get("voices")
            if not isinstance(voices, dict):
                voices = {}
            self._voices = {str(k): (str(v) if v else None) for k, v in voices.items()}
            rate = message.get("rate")
            self._normal_rate = int(rate) if isinstance(rate, int) and rate > 0 else 175
            self._failed_starts = 0
            self.available.emit()
            self._dispatch()
            return
        job = self._in_flight
        if message.get("type") != "done" or job is None or message.get("id") != self._in_flight_id:
            return
        self._watchdog.stop()
        self._in_flight = None
        voicing = self.voicing(job.text)
        if message.get("ok") and voicing is not None:
            cached = self._cache.lookup(job.text, voicing.voice, voicing.rate)
            if cached is not None:
                self.ready.emit(job.text, str(cached))
            else:  # the rate or language changed while it was made: make it again
                self._queue.insert(0, _Job(job.text))
        else:
            self.failed.emit(job.text, Reason.ENGINE)
        self._dispatch()

    def _worker_stuck(self) -> None:
        if self._process is not None:
            self._process.kill()  # ``finished`` follows and starts a fresh worker

    def _worker_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self._worker_gone()

    def _worker_finished(self, *_: Any) -> None:
        self._worker_gone()

    def _worker_gone(self) -> None:
        self._watchdog.stop()
        process, self._process = self._process, None
        if process is not None:
            process.blockSignals(True)
            process.deleteLater()
        if self._voices is None:
            self._failed_starts += 1
        self._voices = None
        job, self._in_flight = self._in_flight, None
        if job is not None:
            if job.attempts >= _MAX_ATTEMPTS:
                self.failed.emit(job.text, Reason.CRASHED)
            else:
                self._queue.insert(0, job)
        if self._failed_starts >= _MAX_FAILED_STARTS:
            self._given_up = True
            pending, self._queue = self._queue, []
            for waiting in pending:
                self.failed.emit(waiting.text, Reason.UNAVAILABLE)
            return
        self._start_worker()


def spoken_text(text: str) -> str:
    """``text`` cut to ``MAX_SPOKEN_CHARS``, at the last sentence or clause end if one is
    in the second half (the cache and signals keep using the whole text as the key)."""
    if len(text) <= MAX_SPOKEN_CHARS:
        return text
    head = text[:MAX_SPOKEN_CHARS]
    cut = max(head.rfind(mark) for mark in "。！？!?；;，,")
    return head[: cut + 1] if cut >= MAX_SPOKEN_CHARS // 2 else head
