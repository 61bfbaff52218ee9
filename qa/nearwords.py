"""Whether a document writes a question's word in other words: "start" as "begin", "building"
as "construction", "spectacles" as "glasses".

People paraphrase; SQuAD's question writers mostly copied. The answerability model learnt on
SQuAD that a question word the text never writes means the text can't answer, and so refused
"When do they start building?" of a text that says "construction will begin on May 5". A word
counts as written when one of the document's words is close to it in all-MiniLM-L6-v2's space
(each word embedded alone: a document's words are embedded once, at warm-up or at its first
question). Only the missing-word evidence reads this; ranking and BM25 keep the exact words.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

# cosine between two words embedded alone at and above which they are one thing said two ways:
# start/begin 0.84, building/construction 0.86, glasses/spectacles 0.74, price/cost 0.74, but
# revenue/sales 0.65, price/market 0.53, founded/launched 0.44
NEAR_COSINE = 0.70
DOCUMENTS_KEPT = 64  # documents whose word lists are kept
VECTORS_KEPT = 20_000  # document words whose vectors are kept, over all documents (~30 MB)
SCOPE_SENTENCES = 1_000  # a wider scope (a corpus asked as a whole) is not read this way: it
# rarely lacks a word, and its words would take seconds to embed
SCOPE_WORDS = 3_000  # nor one writing more distinct words (a SQuAD article: 400-2,300; embedding
# 3,000 takes about a second on 2 cores, paid once, at warm-up or at the first question)
WORDS_KEPT = 10_000  # question words whose vectors are kept
PREPARED_WORDS = 20_000  # words embedded at warm-up, over all the corpus's documents

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def document_words(text: str, stopwords: frozenset[str]) -> list[str]:
    """A document's distinct words, lower case, of three letters or more, stop words left out."""
    words = {w.lower() for w in _WORD.findall(text) if len(w) >= 3}
    return sorted(w for w in words if w not in stopwords)


class NearWords:
    """Per document, its words and their vectors; per question word, whether a document in
    scope writes something near it."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray], text_of: Callable[[str], str]) -> None:
        self._encode = encode  # words -> L2-normalised rows
        self._text_of = text_of  # document id -> its text
        self._documents: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()
        self._listed: OrderedDict[str, list[str]] = OrderedDict()  # words of documents not embedded (yet)
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def written(self, words: list[str], docs: list[str]) -> set[str]:
        """Those of ``words`` (lower case) that a document of ``docs`` writes in other words."""
        return set(self.nearest(words, docs, NEAR_COSINE))

    def nearest(self, words: list[str], docs: list[str], cosine: float) -> dict[str, str]:
        """For each of ``words`` that a document of ``docs`` writes nearly (at ``cosine`` or
        above), the document's word nearest to it."""
        if not words or not docs:
            return {}
        with self._lock:
            if not self._small(docs):
                return {}
            scope = [self._document(d) for d in docs]
            vectors = self._vectors(words)
        out = {}
        for w, v in zip(words, vectors):
            best, near = cosine, None
            for doc_words, m in scope:
                if len(m):
                    k = int(np.argmax(m @ v))
                    if float(m[k] @ v) >= best:
                        best, near = float(m[k] @ v), doc_words[k]
            if near is not None:
                out[w] = near
        return out

    def prepare(self, docs: list[str]) -> None:
        """Embed these documents' words now (a server warming up), not at each one's first
        question: those of each document a question may be asked of alone, up to PREPARED_WORDS
        in all (about 6 s on 2 cores)."""
        budget = min(PREPARED_WORDS, VECTORS_KEPT)
        with self._lock:
            for d in docs[:DOCUMENTS_KEPT]:
                n = len(self._word_list(d))
                if n > min(SCOPE_WORDS, budget):
                    continue
                self._document(d)
                budget -= n

    def _small(self, docs: list[str]) -> bool:
        """Whether the documents write few enough distinct words to embed them all. Read until
        the count is over: a question over a large corpus has candidates in a hundred documents,
        more than DOCUMENTS_KEPT, and listing every one's words each time took ~275 ms at a
        million sentences, where the first few already say no."""
        total = 0
        for d in docs:
            total += len(self._word_list(d))
            if total > SCOPE_WORDS:
                return False
        return True

    def _word_list(self, doc: str) -> list[str]:
        known = self._documents.get(doc)
        if known is not None:
            return known[0]
        listed = self._listed.get(doc)
        if listed is None:
            from .lexical import stopwords

            listed = self._listed[doc] = document_words(self._text_of(doc), stopwords())
            if len(self._listed) > DOCUMENTS_KEPT:
                self._listed.popitem(last=False)
        return listed

    def _document(self, doc: str) -> tuple[list[str], np.ndarray]:
        known = self._documents.get(doc)
        if known is None:
            words = self._word_list(doc)
            self._listed.pop(doc, None)  # kept with its vectors from now on
            known = (words, self._encode(words) if words else np.zeros((0, 1), np.float32))
            self._documents[doc] = known
            while len(self._documents) > 1 and sum(len(w) for w, _ in self._documents.values()) > VECTORS_KEPT:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(doc)
        return known

    def _vectors(self, words: list[str]) -> list[np.ndarray]:
        todo = [w for w in dict.fromkeys(words) if w not in self._words]
        if todo:
            for w, v in zip(todo, self._encode(todo)):
                self._words[w] = v
            while len(self._words) > WORDS_KEPT:
                self._words.popitem(last=False)
        return [self._words[w] for w in words]
