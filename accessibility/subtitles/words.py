"""Where Chinese words begin and end, so a subtitle line never breaks inside one.

Word segmentation is done by jieba (a dictionary DAG plus an HMM for unknown words, with
part-of-speech tags); hand-writing it would mean shipping a dictionary. Its dictionary takes about
a second to load, so ``warm_up`` loads it on a background thread at start and keeps jieba's
model cache in the app's cache folder; until it is ready, ``bonds`` waits for it (the cue loader
asks for it off the GUI thread first). Names the dictionary does not know (the people of a
drama, a series title) are added with ``add_words``; ``USER_WORDS`` holds the demo's and the
common forms of address in family dramas.

For each character the result says how strongly it is bound to the one before it:

* ``INSIDE`` — the same word ("你们", "一起"): never break here unless the word alone is
  longer than a line;
* ``GLUED`` — a separate word that leans on its neighbour: a particle or modal word after
  (包 / 得), a classifier after its verb or numeral (带了 / 条), a numeral or preposition
  before what it governs;
* ``LOOSE`` — a single-character word next to another word: allowed, but a break between two
  longer words is nicer;
* ``FREE`` — between words.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

FREE: Final = 0
LOOSE: Final = 1
GLUED: Final = 2
INSIDE: Final = 3

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

_lock = threading.Lock()
_ready = threading.Event()
_loaded: list[Any] = []  # the jieba.posseg.POSTokenizer, once loaded
_pending_words: list[str] = []


def warm_up(cache_dir: Path | None = None) -> threading.Thread:
    """Load the dictionary on a background thread (its model cache kept in ``cache_dir``)."""
    thread = threading.Thread(target=_load, args=(cache_dir,), name="jieba", daemon=True)
    thread.start()
    return thread


def is_ready() -> bool:
    return _ready.is_set()


def wait_until_ready() -> None:
    """Load the dictionary now if need be (tests, benchmarks, background threads)."""
    _load(None)


def add_words(words: Iterable[str]) -> None:
    """Names and terms to keep whole (a drama's people, its title)."""
    fresh = [word.strip() for word in words if 1 < len(word.strip()) <= 16]
    with _lock:
        if not _loaded:
            _pending_words.extend(fresh)
            return
        for word in fresh:
            _loaded[0].tokenizer.add_word(word, freq=None, tag="nr")
    _cached_bonds.cache_clear()


def bonds(text: str) -> tuple[int, ...]:
    """For every character of ``text``, how it is bound to the one before (see the module).

    Cached: the cue loader segments an episode's cues off the GUI thread, so paging them again
    (enlarge, a new line width) costs nothing there. The main (GUI) thread never waits for the
    dictionary: until it is loaded it gets no word bonds (breaks between any characters, the
    rules of ``linebreak`` still apply) and is expected to lay out again once ``is_ready()``."""
    if not _ready.is_set() and threading.current_thread() is threading.main_thread():
        return (FREE,) * len(text)
    return _cached_bonds(text)


@lru_cache(maxsize=8192)
def _cached_bonds(text: str) -> tuple[int, ...]:
    if not text:
        return ()
    _load(None)
    with _lock:
        pairs = [(pair.word, pair.flag) for pair in _loaded[0].cut(text, HMM=True)]
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


def _between(before: tuple[str, str], after: tuple[str, str]) -> int:
    (word_before, tag_before), (word_after, tag_after) = before, after
    if tag_before == "x" or tag_after == "x":  # punctuation: linebreak.py has its own rules
        return FREE
    if (tag_after.startswith(_LEANS_BACK) or tag_before.startswith(_LEANS_FORWARD)
            or word_after in _PARTICLES or _is_numeral(word_before)):
        return GLUED
    if tag_after.startswith("r") and len(word_after) == 1 and tag_before.startswith("v"):
        return GLUED  # a verb and its pronoun object: 教 / 您
    if len(word_before) == 1 or len(word_after) == 1:
        return LOOSE
    return FREE


def _is_numeral(word: str) -> bool:
    return all(char in _NUMERALS for char in word)


_TAGS_CACHE = "jieba-tags.marshal"


def _pos_tokenizer(dictionary: Any, cache_dir: Path | None) -> Any:
    """jieba's part-of-speech tokenizer, its word → tag table kept in our cache folder.

    ``POSTokenizer()`` parses the whole dictionary file (about 350,000 lines) for that table on
    every start, which jieba does not cache (its own cache covers only the word frequencies);
    read back with ``marshal`` it takes a fraction of that. The two attributes set here are
    all ``POSTokenizer.__init__`` sets (jieba 0.42)."""
    import marshal

    import jieba.posseg

    with dictionary.get_dict_file() as handle:
        source = Path(handle.name)
    cache = cache_dir / _TAGS_CACHE if cache_dir is not None else None
    table: dict[str, str] | None = None
    if cache is not None:
        try:
            if cache.stat().st_mtime >= source.stat().st_mtime:
                table = marshal.loads(cache.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            table = None
    if not isinstance(table, dict):
        tokenizer = jieba.posseg.POSTokenizer(dictionary)
        if cache is not None:
            try:
                temporary = cache.with_suffix(".tmp")
                temporary.write_bytes(marshal.dumps(tokenizer.word_tag_tab))
                temporary.replace(cache)
            except OSError:
                pass  # a read-only cache folder only costs the next start its time
        return tokenizer
    tokenizer = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tokenizer.tokenizer = dictionary
    tokenizer.word_tag_tab = table
    return tokenizer


def _load(cache_dir: Path | None) -> None:
    if _ready.is_set():
        return
    with _lock:
        if not _loaded:
            import jieba
            import jieba.posseg

            jieba.setLogLevel(logging.WARNING)  # it prints its loading chatter otherwise
            if cache_dir is not None:
                cache_dir.mkdir(parents=True, exist_ok=True)
                jieba.dt.tmp_dir = str(cache_dir)
            jieba.dt.initialize()
            tokenizer = _pos_tokenizer(jieba.dt, cache_dir)
            for word in (*USER_WORDS, *_pending_words):
                jieba.dt.add_word(word, freq=None, tag="nr")
            _pending_words.clear()
            _loaded.append(tokenizer)
    _ready.set()
