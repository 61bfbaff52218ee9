"""Score candidates and decide answerability with two small logistic models shipped as JSON.

`scripts/train_ranker.py` fits both on SQuAD 2.0's first 25 articles and writes
`qa/models/ranker.json`; at run time they are a dot product in numpy (no ML library needed).
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import features

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent / "models" / "ranker.json"

# question-level features the answerability model sees, computed from the ranked candidates
ANSWER_NAMES = ("top", "top_logit", "margin", "second", "top_cover", "top_cover_rare", "top_cover_ctx", "missing_rare",
                "missing_idf", "missing_max", "missing_name", "top_type_new", "top_bigram",
                "top_dense", "top_bm25", "top_type_match", "top_e5", "max_dense", "n_log",
                "top_negated", "top_opposite", "top_number_missing",
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


class Trees:
    """Gradient-boosted trees (LightGBM, binary objective) kept as LightGBM's own text format."""

    def __init__(self, booster, names: tuple[str, ...], text: str) -> None:
        self.booster, self.names, self.text = booster, names, text

    @classmethod
    def from_string(cls, text: str, names: tuple[str, ...]) -> "Trees":
        import lightgbm as lgb

        booster = lgb.Booster(model_str=text)
        if tuple(booster.feature_name()) != tuple(names):
            raise ValueError("model was trained on other features: retrain with scripts/train_ranker.py")
        return cls(booster, tuple(names), text)

    def logit(self, X: np.ndarray) -> np.ndarray:
        return np.asarray(self.booster.predict(np.atleast_2d(X), raw_score=True, num_threads=1), dtype=np.float32)

    def prob(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logit(X)))

    def to_dict(self) -> dict:
        return {"kind": "lightgbm", "names": list(self.names), "model": self.text}


def model_from_dict(d: dict, names: tuple[str, ...]):
    if d.get("kind") == "lightgbm":
        return Trees.from_string(d["model"], names)
    return Logistic.from_dict(d, names)


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
    ranker: "Logistic | Trees"
    coverage: "Logistic | Trees"  # P(the corpus covers what the question asks about)
    answerable: "Logistic | Trees"  # P(the best sentence answers it, given coverage)
    answer_shift: float  # prior-shift from SQuAD 2.0's adversarial 50% to a reader's share, in logits
    threshold: float  # refuse below this answerability probability
    cite_ratio: float  # extra citations need at least this share of the best one's probability
    info: dict


@lru_cache(maxsize=1)
def load_models(path: str = str(MODEL_PATH)) -> Models:
    """The shipped models; hand weights (with a warning) if the file is missing or stale."""
    p = Path(path)
    try:
        d = json.loads(p.read_text())
        return Models(model_from_dict(d["ranker"], features.NAMES),
                      model_from_dict(d["coverage"], ANSWER_NAMES),
                      model_from_dict(d["answerable"], ANSWER_NAMES),
                      float(d.get("answer_shift", 0.0)), float(d["threshold"]), float(d.get("cite_ratio", 0.5)), d.get("info", {}))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("ranker model unusable (%s): using hand weights", exc)
        return Models(_hand_ranker(), _hand_answerable(), _hand_answerable(), 0.0, 0.25, 0.5,
                      {"source": "hand weights"})


def confidence(models: Models, row: np.ndarray, english: bool = True) -> float:
    """P(answerable) = P(covered) x P(answered | covered), for one question-level feature row.

    The second factor reads lexical cues learned from English questions; for a question in
    another language only coverage is judged.
    """
    X = row[None, :]
    if not english:
        return float(models.coverage.prob(X)[0])
    answered = 1.0 / (1.0 + np.exp(-(models.answerable.logit(X)[0] + models.answer_shift)))
    return float(models.coverage.prob(X)[0] * answered)


def answer_features(F: np.ndarray, logits: np.ndarray) -> np.ndarray:
    """One row of question-level evidence from the candidate matrix ``F`` and the ranker's
    logits of every candidate (not only the hits the engine makes)."""
    col = {n: k for k, n in enumerate(features.NAMES)}
    probs = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
    order = np.argsort(-probs)
    top = order[0]
    second = probs[order[1]] if len(order) > 1 else 0.0
    row = {
        "top": probs[top], "top_logit": logits[top], "margin": probs[top] - second, "second": second,
        "top_cover": F[top, col["cover"]], "top_cover_rare": F[top, col["cover_rare"]],
        "missing_rare": F[top, col["missing_rare"]], "missing_idf": F[top, col["missing_idf"]],
        "missing_max": F[top, col["missing_max"]], "missing_name": F[top, col["missing_name"]], "top_cover_ctx": F[top, col["cover_ctx"]],
        "top_type_new": F[top, col["type_new"]], "top_bigram": F[top, col["bigram"]],
        "top_dense": F[top, col["dense"]],
        "top_bm25": F[top, col["bm25"]], "top_type_match": F[top, col["type_match"]],
        "top_e5": F[top, col["e5"]], "max_dense": F[:, col["dense"]].max(), "n_log": np.log1p(len(probs)),
        "top_negated": F[top, col["negated"]], "top_opposite": F[top, col["opposite"]],
        "top_number_missing": F[top, col["number_missing"]],
    }
    for t in features.QTYPES:
        row[f"q_{t}"] = F[top, col[f"q_{t}"]]
    return np.array([row[n] for n in ANSWER_NAMES], dtype=np.float32)
