"""A cross-encoder that re-reads the ranker's best few sentences together with the question.

The ranker scores each sentence from features computed apart from the question's wording in
context (similarities, word overlap, answer types); it puts the right sentence first for ~79% of
SQuAD questions but among its first 3 for ~94%. Reading question and sentence as one token
sequence lets attention match "who founded it" to "was established by": all-MiniLM-L6-v2 with
low-rank (LoRA) updates to every layer and a linear head, trained on SQuAD 2.0's first 20 articles
(scripts/train_reranker.py). Only the updates ship (models/reranker.safetensors, 1.3 MB); the
base weights are the MiniLM embedder's, shared in memory.

The reranker reorders the top `k` hits only; its logit is added to the ranker's with the weight
fitted on held-out articles. Where the ranker's first hit leads its second by more than
`skip_margin` (logits) it is not consulted: on the held-out articles that skips about 70% of the
questions for one answer in 900. MiniLM reads English: a Spanish or Chinese question is read as
its words aligned to the documents' English ones (qa/engine.py `_rerank`).

A model trained with context (`train_reranker.py --context previous`; its config then says
``"context": "previous"``) reads each sentence followed by the sentence before it in its paragraph,
as "Members include SenseTime ..." answers "Which companies are members of the AI Committee?" only
through the sentence naming the committee. It gained 2 held-out questions of 909 for 1.6x longer
pairs, so the shipped model reads sentences alone (docs/results.md); one trained with
``"context": "title"`` reads each after its document's title, as the dense channels embed it, and
lost 5 of them. Likewise a file whose
``"base"`` is multilingual-e5-small (`train_reranker.py --base e5`) is read through e5's weights,
tokenizer and pair layout; it gained 2 held-out questions for a network twice as deep.
"""
from __future__ import annotations

import json
import logging
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from .bert import Bert, bulk_threads, fast_bf16
from .embed import get_embedder
from .segment import title_before, titled

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "models" / "reranker.safetensors"


def previous_in_paragraph(index, row: int) -> str:
    """The sentence before index row `row` in the same paragraph ("" at a paragraph's start)."""
    s = index.sentences[row]
    if row == 0:
        return ""
    p = index.sentences[row - 1]
    return p.text if p.doc == s.doc and p.para == s.para and p.kind == "text" else ""


def with_context(sentence: str, context: str) -> str:
    """What the reranker reads for a sentence: the sentence, then its context after a [SEP]."""
    return f"{sentence} [SEP] {context}" if context else sentence


CONTEXTS = ("none", "previous", "title")


def context_of(index, row: int, how: str) -> str:
    """What a model trained with context `how` reads besides index row `row`'s sentence: the
    sentence before it in its paragraph, its document's title, or nothing."""
    if how == "previous":
        return previous_in_paragraph(index, row)
    if how == "title":
        s = index.sentences[row]
        return title_before(s, index.by_id[s.doc])
    return ""


def read_as(sentence: str, context: str, how: str) -> str:
    """The text a model trained with context `how` reads for a sentence: the one before it after a
    [SEP], or its document's title in front as the dense channels embed it ("Normans: They gave
    their name to Normandy", `segment.embed_text`)."""
    if how == "previous":
        return with_context(sentence, context)
    if how == "title":
        return titled(context, sentence)
    return sentence


def with_updates(bert: Bert, delta, segments, store=None) -> Bert:
    """The frozen encoder with each layer's low-rank updates added (``delta(layer, m)`` for m in
    q, k, v, o, i, f) and a segment table of its own: what the engine runs (its matrices stored
    as the base model's are), and what training differentiates through (`store` float32: a
    float16 store would round the small updates away)."""
    import torch

    def updated(i: int, qkv_w, qkv_b, o_w, o_b, i_w, i_b, f_w, f_b, *layer_norms) -> tuple:
        qkv = qkv_w + torch.cat([delta(i, m) for m in ("q", "k", "v")])
        return (qkv, qkv_b, o_w + delta(i, "o"), o_b, i_w + delta(i, "i"), i_b, f_w + delta(i, "f"), f_b,
                *layer_norms)

    blocks = (updated(i, *block) for i, block in enumerate(bert.blocks()))  # stored layer by layer
    return Bert(bert.word, bert.pos, segments, bert.emb_ln, blocks, bert.heads, bert.eps, threading.Lock(),
                store or bert.store)


class Reranker:
    def __init__(self, path: str | Path | None = None) -> None:
        import torch
        from safetensors import safe_open

        with safe_open(str(path or MODEL_PATH), framework="pt") as fh:
            meta = json.loads(fh.metadata()["config"])
            t = {name: fh.get_tensor(name).float() for name in fh.keys()}
        self.k, self.weight = int(meta["k"]), float(meta["weight"])
        self.skip_margin = float(meta.get("skip_margin", 1e9))
        self.context = meta.get("context", "none")  # "previous" / "title": what it reads besides each sentence
        self.calibration = (float(meta["scale"]), float(meta["bias"]))
        self.config, self.info = meta, meta.get("info", {})
        scale = float(meta["lora_alpha"]) / float(meta["lora_rank"])
        # the frozen weights are an embedder's, shared: only the updated matrices are new
        self.base_kind = "e5" if "e5" in str(meta.get("base", "")) else "minilm"
        base = self._base = get_embedder(self.base_kind)
        self.bert = with_updates(base.bert, lambda i, m: scale * (t[f"{i}.{m}.B"] @ t[f"{i}.{m}.A"]), t["type"])
        self.head_w, self.head_b = t["head.w"], float(t["head.b"])
        self._torch = torch

    def pairs(self, question: str, sentences: list[str]) -> tuple[list[list[int]], list[list[int]]]:
        """Token and segment ids of each (question, sentence) pair, as the base model reads them."""
        if self.base_kind == "e5":
            enc = [self._base.pair_ids(question, s) for s in sentences]
            return [i for i, _ in enc], [t for _, t in enc]
        enc = self._base.tokenizer.encode_batch([(question, s) for s in sentences])
        return [e.ids for e in enc], [e.type_ids for e in enc]

    def logits(self, question: str, sentences: list[str]) -> np.ndarray:
        """One logit per sentence: how likely it answers the question, read together."""
        if not sentences:
            return np.zeros(0, dtype=np.float32)
        torch = self._torch
        ids, types = self.pairs(question, sentences)
        dtype = torch.bfloat16 if fast_bf16() else torch.float32
        with torch.inference_mode():
            # both encoders are done with the question: a short batch on every core
            torch.set_num_threads(bulk_threads())
            pooled = self.bert.pooled(ids, dtype, types)
            return (pooled @ self.head_w + self.head_b).numpy().astype(np.float32)

    def rescore(self, question: str, sentences: list[str], logits: np.ndarray,
                contexts: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ranker's logits of its top hits combined with the cross-encoder's: (new logits,
        calibrated probabilities). Equal sentences get equal logits. `contexts` (`context_of` each)
        are read only by a model trained with them."""
        if contexts is not None:
            sentences = [read_as(s, c, self.context) for s, c in zip(sentences, contexts)]
        unique = list(dict.fromkeys(sentences))  # a copied document repeats its sentences: read each once
        read = dict(zip(unique, self.logits(question, unique)))
        combined = np.asarray(logits, dtype=np.float32) + self.weight * np.array([read[s] for s in sentences], np.float32)
        a, b = self.calibration
        return combined, 1.0 / (1.0 + np.exp(-(a * combined + b)))


@lru_cache(maxsize=1)
def get_reranker() -> Reranker | None:
    """The shipped reranker, or None (ranker order only, with a warning) if its file is unusable."""
    try:
        return Reranker()
    except Exception as exc:  # noqa: BLE001  (safetensors raises its own error type for a damaged file)
        log.warning("reranker unusable (%s): citing in the ranker's order", exc)
        return None
