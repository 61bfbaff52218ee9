"""Score candidates and decide answerability with two small logistic models shipped as JSON.

`scripts/train_ranker.py` fits both on SQuAD 2.0's first 25 articles and writes
`qa/models/ranker.json`; at run time they are a dot product in numpy (no ML library needed).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import features

MODEL_PATH = Path(__file__).parent / "models" / "ranker.json"

# question-level features the answerability model sees, computed from the ranked candidates
ANSWER_NAMES = ("top", "top_logit", "margin", "second", "top_cover", "top_cover_rare", "missing_rare",
                "top_dense", "top_bm25", "top_type_match", "top_e5", "max_dense", "n_log",
                *(f"q_{t}" for t in features.QTYPES))


@dataclass(frozen=True)
class Logistic:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logit(self, X: np.ndarray) -> np.ndarray:
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def prob(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(X)))

    @classmethod
    def from_dict(cls, d: dict, names: tuple[str, ...]) -> "Logistic":
        if tuple(d["names"]) != tuple(names):
            raise ValueError("model was trained on other features: retrain with scripts/train_ranker.py")
        return cls(tuple(d["names"]), np.array(d["mean"], np.float32), np.array(d["scale"], np.float32),
                   np.array(d["coef"], np.float32), float(d["intercept"]))

    def to_dict(self) -> dict:
        return {"names": list(self.names), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept}


def _hand_ranker() -> Logistic:
    """Fallback weights (before a trained model exists): dense + BM25 + rare-word coverage."""
    w = {"dense_z": 1.0, "bm25_n": 1.2, "cover": 1.5, "cover_rare": 1.0, "type_match": 0.3,
         "dense_ctx": 0.2, "is_meta": -1.0}
    names = features.NAMES
    return Logistic(names, np.zeros(len(names), np.float32), np.ones(len(names), np.float32),
                    np.array([w.get(n, 0.0) for n in names], np.float32), -3.0)


def _hand_answerable() -> Logistic:
    w = {"top": 6.0, "missing_rare": -4.0, "top_cover_rare": 1.0}
    return Logistic(ANSWER_NAMES, np.zeros(len(ANSWER_NAMES), np.float32),
                    np.ones(len(ANSWER_NAMES), np.float32),
                    np.array([w.get(n, 0.0) for n in ANSWER_NAMES], np.float32), -2.0)


@dataclass(frozen=True)
class Models:
    ranker: Logistic
    answerable: Logistic
    threshold: float  # refuse below this answerability probability
    cite_ratio: float  # extra citations need at least this share of the best one's probability
    info: dict


@lru_cache(maxsize=1)
def load_models(path: str = str(MODEL_PATH)) -> Models:
    p = Path(path)
    if p.exists():
        d = json.loads(p.read_text())
        return Models(Logistic.from_dict(d["ranker"], features.NAMES),
                      Logistic.from_dict(d["answerable"], ANSWER_NAMES),
                      float(d["threshold"]), float(d.get("cite_ratio", 0.5)), d.get("info", {}))
    return Models(_hand_ranker(), _hand_answerable(), 0.5, 0.5, {"source": "hand weights"})


def answer_features(F: np.ndarray, probs: np.ndarray, logits: np.ndarray) -> np.ndarray:
    """One row of question-level evidence from the ranked candidate matrix ``F``."""
    col = {n: k for k, n in enumerate(features.NAMES)}
    order = np.argsort(-probs)
    top = order[0]
    second = probs[order[1]] if len(order) > 1 else 0.0
    row = {
        "top": probs[top], "top_logit": logits[top], "margin": probs[top] - second, "second": second,
        "top_cover": F[top, col["cover"]], "top_cover_rare": F[top, col["cover_rare"]],
        "missing_rare": F[top, col["missing_rare"]], "top_dense": F[top, col["dense"]],
        "top_bm25": F[top, col["bm25"]], "top_type_match": F[top, col["type_match"]],
        "top_e5": F[top, col["e5"]], "max_dense": F[:, col["dense"]].max(), "n_log": np.log1p(len(probs)),
    }
    for t in features.QTYPES:
        row[f"q_{t}"] = F[top, col[f"q_{t}"]]
    return np.array([row[n] for n in ANSWER_NAMES], dtype=np.float32)
