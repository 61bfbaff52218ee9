"""English's commonest words in the multilingual USE space: a word-for-word dictionary into
English from any language the Universal Sentence Encoder was trained on.

qa/spanish.py reads a question in another language in the documents' English words: each of its
words becomes the document's word nearest to it. A word no document writes anything near to
("fundó", "horloge", "Jahr") stayed as typed, a word BM25, MiniLM and the word features cannot
read. Read against English's commonest words too, it becomes its translation when one is close
(fundó/founded 0.83, horloge/clock 0.88, Jahr/year 0.88, vendita/sale 0.92), and the question is
searched in English words the text writes or lacks. Below 0.80 the nearest word is often a
neighbour, not a translation (autonomie/"self-reliance", acciones/"actions").

The dictionary is wordfreq's 10,000 commonest English words, stop words left out (9,780): its
vectors are computed once per process (about 3 s on 2 cores; a server does it at warm-up, in the
background), 20 MB. The 30,000 commonest scored the same on the translated question sets.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from .lexical import zipf

LEXICON_WORDS = 10_000  # wordfreq's commonest English words read as the dictionary
TRANSLATE_COSINE = 0.80  # a foreign word and an English one this close are one word in two languages
# a word its own language uses less than this (wordfreq) is a name or an acronym typed in lower
# case ("waic", "hunyuan"), which USE embeds by its pieces: "waic" is nearest "wade" (0.89)
KNOWN_ZIPF = 1.0
NEAREST_TRIED = 5  # English words tried, nearest first, for one that is no piece of the word's spelling
WORDS_KEPT = 10_000  # question words whose translation (or none) is kept
# languages whose words are not translated: a Japanese word cut out by janome, a Korean one
# stripped of its particle, reads worse as its nearest English word (披露 "disclosure", 뭔가 "ing")
# than left as typed (the article's questions: Japanese 0.707 -> 0.701, Korean 0.684 -> 0.673)
UNTRANSLATED = frozenset({"ja", "ko"})

_WORD = re.compile(r"[a-z][a-z-]*[a-z]")  # no "group's" or "she'd": never what one foreign word means


def lexicon_words() -> list[str]:
    """The English words translated into: the commonest, lower case, of three letters or more,
    stop words left out (a function word is never what a foreign content word means)."""
    from .frequencies import top_n_list
    from .lexical import stopwords

    stop = stopwords()
    return [w for w in top_n_list("en", LEXICON_WORDS) if _WORD.fullmatch(w) and w not in stop]


def _known(word: str, lang: str) -> bool:
    """Whether ``lang`` uses ``word`` as a word (a language wordfreq has no list for: assumed)."""
    try:
        return zipf(word, lang) >= KNOWN_ZIPF
    except LookupError:
        return True


class Lexicon:
    """Each word's nearest English word, when it is close enough; built at first use."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], words: Callable[[], list[str]] = lexicon_words) -> None:
        self._encode = encode  # words -> L2-normalised rows
        self._list_words = words
        self._words: list[str] | None = None
        self._vectors: np.ndarray | None = None
        self._known: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def prepare(self) -> "Lexicon":
        """Embed the dictionary now (a server warming up), not at the first question needing it."""
        with self._lock:
            if self._vectors is None:
                words = self._list_words()
                self._vectors = np.ascontiguousarray(self._encode(words).T) if words else np.zeros((1, 0), np.float32)
                self._words = words
        return self

    def translate(self, words: list[str], lang: str | None = None) -> dict[str, str]:
        """For each of ``words`` (lower case) whose nearest English word is at TRANSLATE_COSINE or
        above, that word (an English word is its own); of a question in ``lang``, only the words
        that language knows."""
        if lang is not None:
            words = [w for w in words if _known(w, lang)]
        if not words:  # "¿Y?": nothing to look up, and no reason to build the dictionary
            return {}
        self.prepare()
        with self._lock:
            todo = [w for w in dict.fromkeys(words) if w not in self._known]
            if todo and self._vectors.shape[1]:
                for w, row in zip(todo, self._encode(todo) @ self._vectors):
                    self._known[w] = self._nearest(w, row)
            for w in todo:
                self._known.setdefault(w, None)
            while len(self._known) > WORDS_KEPT:
                self._known.popitem(last=False)
            found = {w: self._known[w] for w in words if w in self._known}
        return {w: e for w, e in found.items() if e is not None}

    def _nearest(self, word: str, row: np.ndarray) -> str | None:
        """The English word nearest ``word`` at TRANSLATE_COSINE or above that is no piece of its
        spelling: USE reads "allianz" by its pieces, nearest "ian" (0.83), not "alliance"."""
        for k in np.argsort(-row)[:NEAREST_TRIED].tolist():
            if row[k] < TRANSLATE_COSINE:
                break
            if not _a_piece_of(self._words[k], word):
                return self._words[k]
        return None


def _a_piece_of(english: str, word: str) -> bool:
    """Whether ``english`` is written inside ``word`` past its first letter ("ian" in
    "allianz", "zen" in "allianzen"): a piece of its spelling, where a word written at the start
    is its stem ("model" of "modelo")."""
    return english != word and english in word[1:]


@lru_cache(maxsize=1)
def english_lexicon() -> Lexicon:
    """The process-wide dictionary, in USE's space."""
    from .embed import get_embedder

    return Lexicon(lambda words: get_embedder("use").encode_queries(words))
