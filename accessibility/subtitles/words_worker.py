"""The word segmentation worker process: jieba, kept out of the player's process.

Loading jieba's dictionary holds Python's global lock for a second or more (several on a busy
machine), long single C calls included, which stalled the player's first frame. So it runs here,
in its own process, started by ``words.warm_up``: one JSON line in (``{"texts": [...],
"words": [...]}``), one JSON line out (``{"bonds": [[...], ...]}``), until stdin closes.

    python -m accessibility.subtitles.words_worker [CACHE_DIR]
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from accessibility.subtitles.words import USER_WORDS, bonds_from_pairs

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


def load(cache_dir: Path | None) -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it prints its loading chatter otherwise
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache_dir)
    jieba.dt.initialize()
    tokenizer = _pos_tokenizer(jieba.dt, cache_dir)
    for word in USER_WORDS:
        jieba.dt.add_word(word, freq=None, tag="nr")
    return tokenizer


def serve(cache_dir: Path | None) -> None:
    tokenizer = load(cache_dir)
    added: set[str] = set()
    for line in sys.stdin:
        try:
            request = json.loads(line)
            for word in request.get("words", []):
                if isinstance(word, str) and word not in added:
                    tokenizer.tokenizer.add_word(word, freq=None, tag="nr")
                    added.add(word)
            answer = [list(bonds_from_pairs(
                text, [(pair.word, pair.flag) for pair in tokenizer.cut(text, HMM=True)]))
                for text in request.get("texts", [])]
            reply: dict[str, Any] = {"bonds": answer}
        except Exception as error:  # a bad request must not end the worker
            reply = {"error": str(error)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
