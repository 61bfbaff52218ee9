"""Japanese read as words: it writes no spaces, so a question's words are told apart by janome
(a morphological analyser in pure Python with its IPADIC dictionary in the wheel; ~0.15 s to
load, 1-2 ms a question), each content word in its dictionary form ("読み取るんですか": 読み取る)
for the word aligner (qa/spanish.py), its particles, endings and question words left out.
"""
from __future__ import annotations

import threading
from functools import lru_cache

CONTENT = frozenset({"名詞", "動詞", "形容詞"})  # nouns, verbs, adjectives
# of these, pronouns and question words (何, 誰), numbers, suffixes and dependent words say nothing
NOT_CONTENT = frozenset({"代名詞", "数", "接尾", "非自立"})
LIGHT_VERBS = frozenset("する いる ある なる れる られる せる させる できる くる いく おる".split())

_tokenizer, _lock = None, threading.Lock()


def _analyser():
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            from janome.tokenizer import Tokenizer

            _tokenizer = Tokenizer()
        return _tokenizer


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[tuple[str, str, bool], ...]:
    """(as written, its dictionary form, whether it says something) for each word of ``text``."""
    out = []
    for token in _analyser().tokenize(text):
        if not token.surface.strip():
            continue
        pos = token.part_of_speech.split(",")
        base = token.base_form if token.base_form != "*" else token.surface
        out.append((token.surface, base, pos[0] in CONTENT and pos[1] not in NOT_CONTENT and base not in LIGHT_VERBS))
    return tuple(out)
