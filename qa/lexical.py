"""BM25 over sentences, on bm25s's sparse matrices (fast at a million rows, saved as .npy files)."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import numpy as np


@lru_cache(maxsize=50_000)
def zipf(word: str, lang: str = "en") -> float:
    """The word's frequency in a language (wordfreq's Zipf scale: 6 is once per thousand words);
    0 in Chinese, Japanese and Korean, whose word splitters (jieba, MeCab) are not installed."""
    from .frequencies import zipf_frequency

    return 0.0 if lang in UNSPLIT_LANGUAGES else zipf_frequency(word, lang)


UNSPLIT_LANGUAGES = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The words `tokenize` leaves out (bm25s's English list)."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    return frozenset(STOPWORDS_EN_PLUS)


def stem(word: str) -> str:
    """One lower-cased word Snowball-stemmed as `tokenize` stems it."""
    return _stemmer().stemWord(word.lower())


@lru_cache(maxsize=1)
def _bm25s():
    """bm25s, imported on first use. It sets its own logger to DEBUG, so without this every build
    would print "Building index from IDs objects" among its progress lines."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-worded, Snowball-stemmed tokens: the same rule for sentences and questions."""
    return _bm25s().tokenize(texts, stopwords="en_plus", stemmer=_stemmer(), return_ids=False,
                             show_progress=False)


@lru_cache(maxsize=100_000)
def naming_words(title: str, doc_id: str) -> frozenset[str]:
    """A document's title and file name as question tokens: the words a question names it by
    ("What is the README about?", "In the N1 article, ...")."""
    return frozenset(tokenize([f"{title} {doc_id}"])[0])


class BM25:
    """A thin wrapper so the rest of the code never touches bm25s directly."""

    def __init__(self, retriever) -> None:
        self.retriever = retriever

    @classmethod
    def build(cls, texts: list[str]) -> "BM25":
        bm25s = _bm25s()

        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenize(texts, stopwords="en_plus", stemmer=_stemmer(), show_progress=False),
                        show_progress=False)
        return cls(retriever)

    def save(self, folder: Path) -> None:
        self.retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "BM25":
        bm25s = _bm25s()

        # read into memory (~100 MB at a million sentences), not mapped: a mapped matrix keeps
        # resident every posting list a question touched, which grows without bound at scale
        return cls(bm25s.BM25.load(str(folder), mmap=False, show_progress=False))

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every sentence for one tokenised question (unknown words ignored)."""
        vocab = self.retriever.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        n = self.retriever.scores["num_docs"]
        if not known:
            return np.zeros(n, dtype=np.float32)
        return np.asarray(self.retriever.get_scores(known), dtype=np.float32)

    def document_frequency(self, tokens: list[str]) -> dict[str, int]:
        """How many sentences hold each token (0 for unknown): rare question words matter most."""
        vocab = self.retriever.vocab_dict
        indptr = self.retriever.scores["indptr"]
        return {t: int(indptr[vocab[t] + 1] - indptr[vocab[t]]) if t in vocab else 0 for t in tokens}
