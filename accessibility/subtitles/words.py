"""Where Chinese words begin and end, so a subtitle line never breaks inside one.

Word segmentation is done by jieba (a dictionary DAG plus an HMM for unknown words, with
part-of-speech tags); hand-writing it would mean shipping a dictionary. Its dictionary takes a
second or more to load, holding Python's global lock, so jieba runs in a worker process
(``words_worker``) that ``warm_up`` starts, with its caches in the app's cache folder. Results
are cached here; the cue loader asks for an episode's cues off the GUI thread, and the GUI thread
never waits for the dictionary to load: until the worker has answered once, it gets no word bonds
(breaks between any characters; ``linebreak``'s rules still apply) and lays out again later.
Names the dictionary does not know (the people of a drama) are added with ``add_words``;
``USER_WORDS`` holds the demo's and the common forms of address in family dramas.

For each character the result says how strongly it is bound to the one before it:

* ``INSIDE`` — the same word ("你们", "一起"): never break here unless the word alone is
  longer than a line;
* ``AMOUNT`` — one amount that jieba cuts in two ("500 / 万美元", "3.5 / 万元", "12 / 岁",
  "第 / 2"): rather a line more than a break here, but never a page more (a never-split
  amount left a page of "这个" alone);
* ``GLUED`` — a separate word that leans on its neighbour: a particle or modal word after
  (包 / 得), a classifier after its verb or numeral (带了 / 条, "3000 / 块钱"), a numeral or
  preposition before what it governs, and a one-character word after 之 ("一石二鸟之 / 计":
  a set phrase);
* ``LOOSE`` — a single-character word next to another word: allowed, but a break between two
  longer words is nicer;
* ``FREE`` — between words.
"""

from __future__ import annotations

import atexit
import json
import logging
import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

FREE: Final = 0
LOOSE: Final = 1
GLUED: Final = 2
INSIDE: Final = 3
AMOUNT: Final = 4

# The people and places of the built-in demo, and how family dramas address each other.
USER_WORDS: Final = (
    "春风又起", "小雨", "建国", "奶奶", "爷爷", "姥姥", "姥爷", "外婆", "外公", "孙女", "外孙",
    "外孙女", "孙子", "儿媳", "女婿", "闺女", "老伴", "打视频", "和面", "出锅", "菜园", "鸡窝",
    "手镯", "馅儿", "元宝",
)

# Tags that lean on the word before them: modal words (吗 呢 吧), classifiers (条 个),
# localisers (上 里); and the structural particles themselves (jieba also tags 等 "etc." as u).
_LEANS_BACK: Final = ("y", "q", "f")
_PARTICLES: Final = frozenset("了着过的得地之们")
# Numerals and prepositions lean on what follows them ("一条", "给您"); a classifier leans on
# its noun ("条新围巾").
_LEANS_FORWARD: Final = ("p", "q")
_NUMERALS: Final = frozenset("零〇一二两三四五六七八九十百千万亿几半0123456789")
# A number: numerals, digits with a decimal point or thousands separators ("3.5", "1,000").
_NUMBER: Final = re.compile(r"[零〇一二两三四五六七八九十百千万亿几半0-9０-９]+"
                            r"(?:[.,．，][0-9０-９]+)*")

_WORKER_TIMEOUT_S = 60.0
_CACHE_MAX = 20_000

_lock = threading.Lock()  # one request at a time on the worker's pipes
_ready = threading.Event()
_cache: dict[str, tuple[int, ...]] = {}
_words: list[str] = []  # added words, sent with every request (the worker keeps each once)
_worker: list[subprocess.Popen[str]] = []
_cache_dir: list[Path] = []
_failed = threading.Event()
_main_may_wait = threading.Event()  # cleared by the app: its GUI thread never asks the worker
_main_may_wait.set()


def keep_main_thread_free() -> None:
    """The main (GUI) thread only ever gets cached bonds (or none); others segment for it."""
    _main_may_wait.clear()


def warm_up(cache_dir: Path | None = None) -> threading.Thread:
    """Start the worker and let it load its dictionary (caches in ``cache_dir``)."""
    if cache_dir is not None and not _cache_dir:
        _cache_dir.append(cache_dir)
    thread = threading.Thread(target=lambda: _request([]), name="words", daemon=True)
    thread.start()
    return thread


def is_ready() -> bool:
    return _ready.is_set()


def wait_until_ready() -> None:
    """Start the worker and wait for its dictionary (tests, benchmarks, background threads)."""
    _request([])


def add_words(words: Iterable[str]) -> None:
    """Names and terms to keep whole (a drama's people)."""
    fresh = [word.strip() for word in words if 1 < len(word.strip()) <= 16]
    with _lock:
        new = [word for word in fresh if word not in _words]
        if new:
            _words.extend(new)
            _cache.clear()


def known(texts: Iterable[str]) -> bool:
    """Whether every text is segmented already (laying them out needs no worker)."""
    return all(text in _cache for text in texts)


def segment(texts: Iterable[str]) -> None:
    """Segment ``texts`` now (blocking: background threads, or once ``is_ready()``)."""
    missing = list(dict.fromkeys(text for text in texts if text and text not in _cache))
    if missing:
        _request(missing)


def bonds(text: str) -> tuple[int, ...]:
    """For every character of ``text``, how it is bound to the one before (see the module)."""
    found = _cache.get(text)
    if found is not None:
        return found
    if not text:
        return ()
    on_main = threading.current_thread() is threading.main_thread()
    if on_main and (not _ready.is_set() or not _main_may_wait.is_set()):
        return (FREE,) * len(text)
    _request([text])
    return _cache.get(text, (FREE,) * len(text))


def bonds_from_pairs(text: str, pairs: list[tuple[str, str]]) -> tuple[int, ...]:
    """Bonds from jieba's (word, tag) pairs for ``text`` (used by the worker)."""
    result: list[int] = []
    previous: tuple[str, str] | None = None
    for word, flag in pairs:
        if previous is not None and word and not word.isspace():
            result.append(_between(previous, (word, flag)))
        elif word:
            result.append(FREE)
        result.extend([INSIDE] * (len(word) - 1))
        if word and not word.isspace():
            previous = (word, flag)
    return tuple(result[: len(text)] + [FREE] * (len(text) - len(result)))


def _request(texts: list[str]) -> None:
    """Ask the worker (starting it if need be); on any failure, texts keep no word bonds."""
    with _lock:
        if _failed.is_set():
            return
        try:
            worker = _running_worker()
            assert worker.stdin is not None and worker.stdout is not None
            worker.stdin.write(json.dumps({"texts": texts, "words": _words},
                                          ensure_ascii=False) + "\n")
            worker.stdin.flush()
            reply = json.loads(worker.stdout.readline() or "{}")
        except (OSError, ValueError, AssertionError) as error:
            log.warning("word segmentation unavailable: %s", error)
            _failed.set()
            _ready.set()  # nobody waits for it any more: lines break between characters
            return
        answers = reply.get("bonds")
        if not isinstance(answers, list) or len(answers) != len(texts):
            log.warning("word segmentation failed: %s", reply.get("error", reply))
            return
        if len(_cache) > _CACHE_MAX:
            _cache.clear()
        for text, answer in zip(texts, answers, strict=True):
            _cache[text] = tuple(int(value) for value in answer)
        _ready.set()


def _running_worker() -> subprocess.Popen[str]:
    if _worker and _worker[0].poll() is None:
        return _worker[0]
    _worker.clear()
    command = [sys.executable, "-m", "accessibility.subtitles.words_worker"]
    if _cache_dir:
        command.append(str(_cache_dir[0]))
    worker = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, encoding="utf-8",
                              cwd=str(Path(__file__).resolve().parents[2]))
    _worker.append(worker)
    atexit.register(_stop_worker)
    return worker


def _stop_worker() -> None:
    for worker in _worker:
        if worker.poll() is None:
            worker.terminate()


def _between(before: tuple[str, str], after: tuple[str, str]) -> int:
    (word_before, tag_before), (word_after, tag_after) = before, after
    if tag_before == "x" or tag_after == "x":  # punctuation: linebreak.py has its own rules
        return FREE
    if word_before == "之" and len(word_after) == 1:
        return GLUED  # 一石二鸟之 / 计, 救命之 / 恩: one set phrase
    if (_is_numeral(word_before) and tag_after == "m") \
            or (word_before == "第" and _is_numeral(word_after[:1])):
        return AMOUNT
    if (tag_after.startswith(_LEANS_BACK) or tag_before.startswith(_LEANS_FORWARD)
            or word_after in _PARTICLES or _is_numeral(word_before)):
        return GLUED
    if tag_after.startswith("r") and len(word_after) == 1 and tag_before.startswith("v"):
        return GLUED  # a verb and its pronoun object: 教 / 您
    if len(word_before) == 1 or len(word_after) == 1:
        return LOOSE
    return FREE


def _is_numeral(word: str) -> bool:
    return _NUMBER.fullmatch(word) is not None
