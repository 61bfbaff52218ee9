#!/usr/bin/env python3
"""Fit the sentence ranker and the answerability model on SQuAD 2.0; write qa/models/ranker.json.

Only SQuAD 2.0's first 25 articles (file order) are used: articles 0-19 to fit, 20-24 to
pick the refusal threshold and report held-out figures. Articles 25-34 stay untouched for
testing (`qa eval ... --skip 25`), and SQuADShifts is never used here.

    python scripts/train_ranker.py                      # about 3 minutes on 2 cores
    python scripts/train_ranker.py --max-false-abstain 0.05
    python scripts/train_ranker.py --paraphrases --out /tmp/para.json   # the reworded-questions experiment
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import random
import re
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import features  # noqa: E402
from qa.embed import E5_NAME, MINILM_NAME, get_embedder  # noqa: E402
from qa.evaluate import read_squad, slug, squad_to_corpus  # noqa: E402
from qa.index import open_index  # noqa: E402
from qa.question import parse  # noqa: E402
from qa.rank import ANSWER_NAMES, MODEL_PATH, Logistic, Trees, answer_features  # noqa: E402
from qa.retrieve import Retriever  # noqa: E402

log = logging.getLogger("train")


def gold_offsets(src: Path, n_articles: int) -> dict[str, list[int]]:
    """question id -> document offsets of its answers' starts (documents as squad_to_corpus writes them)."""
    out = {}
    for art in read_squad(src)[:n_articles]:
        pos = len(art["title"].replace("_", " ")) + 2
        for p in art["paragraphs"]:
            for qa in p["qas"]:
                starts = [pos + a["answer_start"] for a in qa["answers"] if a.get("answer_start", -1) >= 0]
                out[qa["id"]] = starts
            pos += len(p["context"]) + 2
    return out


def add_split_arguments(ap: argparse.ArgumentParser) -> None:
    """The SQuAD 2.0 split both training scripts share: fit articles, then held-out ones."""
    ap.add_argument("--squad", default=str(ROOT.parent / "shared" / "data" / "squad2.0_dev.json.gz"))
    ap.add_argument("--work", default="/tmp/qa-train")
    ap.add_argument("--fit-articles", type=int, default=20)
    ap.add_argument("--tune-articles", type=int, default=5)


def load_split(squad: Path, work: Path, n_art: int):
    """SQuAD 2.0's first `n_art` articles as a corpus in `work` with its index: the questions,
    each document's article number, the gold answer offsets and the index."""
    assert n_art <= 25, "articles 25-34 are the test articles"
    questions = squad_to_corpus(squad, work, skip=0, articles=n_art)
    titles = [a["title"] for a in read_squad(squad)[:n_art]]
    article_of = {slug(t): k for k, t in enumerate(titles)}
    return questions, article_of, gold_offsets(squad, n_art), open_index(work / "corpus", work / "index", progress=True)


_WORDS = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
_COMMON = {"what", "which", "when", "where", "whom", "whose", "does", "were", "have", "many", "much",
           "that", "this", "there", "their", "with", "from", "into", "about", "after", "before", "name"}


def swap_negatives(questions: list[dict], texts: dict[str, str], seed: int = 7, rate: float = 0.5) -> list[dict]:
    """Questions about things a document never mentions, made from answerable ones by swapping
    their rarest word for one only another article uses ("What did Microsoft present...").

    SQuAD 2.0's own unanswerable questions reuse the paragraph's words, so they never teach the
    commonest real case: a question whose key word the document simply doesn't contain.
    """
    rng = random.Random(seed)
    vocab = {d: {w.lower() for w in _WORDS.findall(t)} for d, t in texts.items()}
    pools = {d: sorted({w for w in _WORDS.findall(t)}) for d, t in texts.items()}
    docs = sorted(texts)
    out = []
    for q in questions:
        if not q["answerable"] or rng.random() > rate:
            continue
        low = texts[q["doc"]].lower()
        words = [m for m in _WORDS.finditer(q["question"])
                 if m.group().lower() in vocab[q["doc"]] and m.group().lower() not in _COMMON]
        if not words:
            continue
        pick = min(words, key=lambda m: low.count(m.group().lower()))
        other = rng.choice([d for d in docs if d != q["doc"]])
        capital = pick.group()[0].isupper()
        pool = [w for w in pools[other] if w.lower() not in vocab[q["doc"]] and w[0].isupper() == capital
                and w.lower() not in _COMMON]
        if not pool:
            continue
        new = q["question"][:pick.start()] + rng.choice(pool) + q["question"][pick.end():]
        out.append({"id": q["id"] + "-swap", "doc": q["doc"], "question": new,
                    "kind": "swap-unanswerable", "answerable": False})
    return out


PARAPHRASES = ROOT / "scripts" / "data" / "squad2_paraphrases.jsonl"


def paraphrased(questions: list[dict], golds: dict, path: Path) -> list[dict]:
    """SQuAD questions asked again in other words (helper-written, articles 0-24 only): the same
    document, gold sentence and answerability, new wording. SQuAD's writers copied the
    paragraph's words, so on SQuAD alone the models learn that a word the text doesn't write
    means no answer, and refuse people who paraphrase."""
    by_id = {q["id"]: q for q in questions}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        q = by_id.get(rec["id"])
        if q is None:  # an article outside this split
            continue
        new_id = rec["id"] + "-para"
        golds[new_id] = golds.get(rec["id"], [])
        out.append({**q, "id": new_id, "question": rec["question"], "kind": q["kind"] + "-para"})
    return out


def embed_questions(texts: list[str], work: Path) -> tuple[np.ndarray, np.ndarray]:
    """Both dense views of every question, cached per text (and per pair of models) in the work folder."""
    models = hashlib.sha256(f"{MINILM_NAME}|{E5_NAME}".encode()).hexdigest()[:8]
    cache = work / f"question-vectors-{models}.npz"
    known: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    if cache.exists():
        z = np.load(cache, allow_pickle=False)
        known = {t: (a, b) for t, a, b in zip(z["texts"].tolist(), z["minilm"], z["e5"])}
    todo = sorted({t for t in texts if t not in known})
    if todo:
        log.info("embedding %d new questions", len(todo))
        a = get_embedder("minilm").encode_queries(todo)
        b = get_embedder("e5").encode_queries(todo)
        known.update({t: (x, y) for t, x, y in zip(todo, a, b)})
        keys = sorted(known)
        np.savez(cache, texts=np.array(keys), minilm=np.stack([known[t][0] for t in keys]),
                 e5=np.stack([known[t][1] for t in keys]))
    return np.stack([known[t][0] for t in texts]), np.stack([known[t][1] for t in texts])


def collect(retriever: Retriever, questions: list[dict], parsed: list, qvecs: np.ndarray, e5vecs: np.ndarray,
            golds: dict, article_of: dict):
    """Per question: its feature matrix, positive labels, answerability, article number."""
    idx = retriever.index
    out = []
    for q, parsed, qvec, e5vec in zip(questions, parsed, qvecs, e5vecs):
        rows, F = retriever.featurize(parsed, qvec, doc=q["doc"], e5_qvec=e5vec)
        starts = golds.get(q["id"], [])
        y = np.array([any(idx.sentences[r].start <= s < idx.sentences[r].end for s in starts) for r in rows])
        out.append({"F": F, "y": y, "answerable": q["answerable"], "article": article_of[q["doc"]],
                    "swap": q["kind"].startswith("swap"), "para": q["kind"].endswith("-para")})
    return out


def fit_logistic(X: np.ndarray, y: np.ndarray, names, C: float, balanced: bool = False) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    mean, scale = X.mean(0), X.std(0) + 1e-6
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced" if balanced else None)
    clf.fit((X - mean) / scale, y)
    return Logistic(tuple(names), mean.astype(np.float32), scale.astype(np.float32),
                    clf.coef_[0].astype(np.float32), float(clf.intercept_[0]))


def fit_listwise(items, names, l2: float) -> Logistic:
    """Softmax over each question's candidates (a conditional logit): the loss is -log P(a gold
    sentence is ranked first), which is what cite@1 counts. A 1-D logistic fit afterwards turns
    the scores into the per-sentence probabilities the citation and refusal logic read.
    """
    from scipy.optimize import minimize
    from sklearn.linear_model import LogisticRegression

    X = np.concatenate([it["F"] for it in items]).astype(np.float64)
    y = np.concatenate([it["y"] for it in items]).astype(np.float64)
    sizes = np.array([len(it["y"]) for it in items])
    offs = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    gid = np.repeat(np.arange(len(items)), sizes)
    mean, scale = X.mean(0), X.std(0) + 1e-6
    Xs = (X - mean) / scale

    def loss(w):
        s = Xs @ w
        e = np.exp(s - np.maximum.reduceat(s, offs)[gid])
        Z, P = np.add.reduceat(e, offs), np.add.reduceat(e * y, offs)
        g = Xs.T @ (e / Z[gid] - y * e / P[gid]) + 2 * l2 * w
        return float(-(np.log(P) - np.log(Z)).sum() + l2 * w @ w), g

    w = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    cal = LogisticRegression(C=100.0, max_iter=1000).fit((Xs @ w)[:, None], y.astype(int))
    a, b = float(cal.coef_[0, 0]), float(cal.intercept_[0])
    return Logistic(tuple(names), mean.astype(np.float32), scale.astype(np.float32),
                    (a * w).astype(np.float32), b)


def fit_pointwise(items, names, C: float) -> Logistic:
    return fit_logistic(np.concatenate([it["F"] for it in items]), np.concatenate([it["y"] for it in items]), names, C)


def fit_trees(X: np.ndarray, y: np.ndarray, names, rounds: int = 300, leaves: int = 15) -> "Trees":
    import lightgbm as lgb

    params = {"objective": "binary", "learning_rate": 0.05, "num_leaves": leaves, "min_data_in_leaf": 40,
              "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
              "verbose": -1, "num_threads": 2, "seed": 7, "deterministic": True}
    booster = lgb.train(params, lgb.Dataset(X, y.astype(float), feature_name=list(names)), num_boost_round=rounds)
    return Trees.from_string(booster.model_to_string(), tuple(names))


ABLATIONS = {
    "no MiniLM": ("dense", "dense_z", "dense_gap", "dense_ctx"),
    "no e5": ("e5", "e5_z"),
    "no BM25": ("bm25", "bm25_n", "bm25_ctx_n"),
    "dense only": tuple(n for n in features.NAMES if not n.startswith(("dense", "e5"))),
}


def ablate(refit, pos, tune) -> dict[str, float]:
    """Held-out top-1 with groups of features switched off: what each channel is worth."""
    out = {}
    for name, cols in ABLATIONS.items():
        out[name] = round(top1(without(refit, pos, cols), tune), 3)
        log.info("ablation %-12s held-out top-1 %.3f", name, out[name])
    return out


def without(refit, pos, drop: tuple[str, ...]) -> Logistic:
    """A ranker fit without the features in ``drop``, written over all features with zero
    weight on the dropped ones, so the engine's feature matrix is unchanged."""
    keep = np.array([n not in drop for n in features.NAMES])
    r = refit([{**it, "F": it["F"][:, keep]} for it in pos], tuple(n for n, k in zip(features.NAMES, keep) if k))
    n = len(features.NAMES)
    mean, scale, coef = np.zeros(n, np.float32), np.ones(n, np.float32), np.zeros(n, np.float32)
    mean[keep], scale[keep], coef[keep] = r.mean, r.scale, r.coef
    return Logistic(features.NAMES, mean, scale, coef, r.intercept)


def top1(ranker: Logistic, items) -> float:
    ok = [bool(it["y"][np.argmax(ranker.logit(it["F"]))]) for it in items if it["answerable"] and it["y"].any()]
    return float(np.mean(ok)) if ok else 0.0


def answer_rows(ranker: Logistic, items) -> tuple[np.ndarray, np.ndarray]:
    X, y = [], []
    for it in items:
        X.append(answer_features(it["F"], ranker.logit(it["F"])))
        y.append(it["answerable"])
    return np.array(X), np.array(y)


def refusal_curve(p: np.ndarray, y: np.ndarray) -> list[dict]:
    out = []
    for t in np.round(np.arange(0.02, 0.96, 0.02), 2):
        refuse = p < t
        out.append({"threshold": float(t), "abstain_correct": round(float(refuse[~y].mean()), 3),
                    "false_abstain": round(float(refuse[y].mean()), 3)})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_split_arguments(ap)
    ap.add_argument("--max-false-abstain", type=float, default=0.05,
                    help="refusal threshold: the highest one whose held-out false-refusal rate stays below this")
    ap.add_argument("--answer-prior", type=float, default=0.8,
                    help="share of covered questions that are answerable where the product is used")
    ap.add_argument("--min-gain", type=float, default=0.01,
                    help="drop a channel's features only if that raises held-out top-1 by this much (5 articles are noisy)")
    ap.add_argument("--paraphrases", nargs="?", const=str(PARAPHRASES), default=None,
                    help="add SQuAD questions reworded as people ask them (default file: scripts/data/"
                    "squad2_paraphrases.jsonl) to the fit and held-out articles; not in the shipped fit, see docs/results.md")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    missing = [m for m in ("sklearn", "lightgbm") if importlib.util.find_spec(m) is None]
    if missing:  # say so now, not after minutes of features
        print(f"train_ranker: {', '.join(missing)} missing: .venv/bin/pip install -e '.[train]'", file=sys.stderr)
        return 2
    n_art = args.fit_articles + args.tune_articles
    work = Path(args.work)
    t0 = time.perf_counter()
    questions, article_of, golds, index = load_split(Path(args.squad), work, n_art)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (work / "corpus").glob("*.txt")}
    questions += swap_negatives(questions, texts)
    if args.paraphrases:
        questions += paraphrased(questions, golds, Path(args.paraphrases))
    log.info("%d questions, %d sentences (%.0fs)", len(questions), len(index.sentences), time.perf_counter() - t0)
    retriever = Retriever(index, models=None)
    parsed = [retriever.respell(parse(q["question"]), q["doc"]) for q in questions]  # as the engine reads them
    qvecs, e5vecs = embed_questions([p.dense_text(p.search) for p in parsed], work)
    log.info("questions embedded (%.0fs)", time.perf_counter() - t0)
    items = collect(retriever, questions, parsed, qvecs, e5vecs, golds, article_of)
    fit = [it for it in items if it["article"] < args.fit_articles]
    tune = [it for it in items if it["article"] >= args.fit_articles]
    log.info("features ready (%.0fs): fit %d, tune %d questions", time.perf_counter() - t0, len(fit), len(tune))

    pos = [it for it in fit if it["answerable"] and it["y"].any()]
    X = np.concatenate([it["F"] for it in pos])
    y = np.concatenate([it["y"] for it in pos])
    best = None  # (held-out top-1, label, model, how to refit it on other features: None for trees)
    for C in (0.01, 0.1, 1.0):
        r = fit_logistic(X, y, features.NAMES, C)
        score = top1(r, tune)
        log.info("ranker C=%s: top-1 fit %.3f, held-out %.3f", C, top1(r, fit), score)
        if best is None or score > best[0]:
            best = (score, C, r, partial(fit_pointwise, C=C))
    for l2 in (0.1, 1.0, 10.0):
        r = fit_listwise(pos, features.NAMES, l2)
        score = top1(r, tune)
        log.info("ranker listwise l2=%s: top-1 fit %.3f, held-out %.3f", l2, top1(r, fit), score)
        if score > best[0]:
            best = (score, f"listwise l2={l2}", r, partial(fit_listwise, l2=l2))
    for rounds, leaves in ((200, 15), (400, 31)):
        r = fit_trees(X, y, features.NAMES, rounds, leaves)
        score = top1(r, tune)
        log.info("ranker trees %d x %d leaves: top-1 fit %.3f, held-out %.3f", rounds, leaves, top1(r, fit), score)
        if score > best[0]:
            best = (score, f"trees {rounds}x{leaves}", r, None)
    best_top1, label, ranker, refit = best
    ablation = {}
    if refit is not None:
        ablation = ablate(refit, pos, tune)
        # drop a channel's features when the held-out articles say the ranker is better without them
        dropped = [name for name, s in ablation.items() if name != "dense only" and s >= best_top1 + args.min_gain]
        if dropped:
            r = without(refit, pos, tuple(c for name in dropped for c in ABLATIONS[name]))
            score = top1(r, tune)
            log.info("ranker without %s: held-out %.3f", ", ".join(dropped), score)
            if score > best_top1:
                best_top1, label, ranker = score, f"{label}, without {', '.join(dropped)}", r

    # answerability = P(the document covers the question) x P(its best sentence answers it):
    # coverage learns from swapped-word questions, answering from SQuAD 2.0's own negatives
    from sklearn.metrics import roc_auc_score

    def rows(items, keep):
        return answer_rows(ranker, [it for it in items if keep(it)])

    Xc, yc = rows(fit, lambda it: it["answerable"] or it["swap"])
    Xa, ya = rows(fit, lambda it: not it["swap"])
    coverage = fit_logistic(Xc, yc, ANSWER_NAMES, C=1.0)
    answering = fit_logistic(Xa, ya, ANSWER_NAMES, C=1.0)
    Xt, yt = rows(tune, lambda it: not it["swap"])
    Xs, _ = rows(tune, lambda it: it["swap"])

    # SQuAD 2.0 makes half its questions adversarially unanswerable; among questions a text
    # covers, a reader's are far more often answerable: shift the answering model's prior
    base = float(ya.mean())
    shift = float(np.log(args.answer_prior / (1 - args.answer_prior)) - np.log(base / (1 - base)))

    def confidence(X):
        return coverage.prob(X) / (1.0 + np.exp(-(answering.logit(X) + shift)))

    p, ps = confidence(Xt), confidence(Xs)
    for name, keep in (("as SQuAD asked", lambda it: not it["para"]), ("reworded", lambda it: it["para"])):
        part = [it for it in tune if keep(it) and not it["swap"]]
        if part:
            Xp, yp = answer_rows(ranker, part)
            log.info("held-out questions %s: %d, top-1 %.3f, answerable AUC %.3f", name, len(part), top1(ranker, part),
                     roc_auc_score(yp, confidence(Xp)))
    log.info("held-out AUC on SQuAD 2.0 negatives: coverage %.3f, answering %.3f, product %.3f",
             roc_auc_score(yt, coverage.prob(Xt)), roc_auc_score(yt, answering.prob(Xt)), roc_auc_score(yt, p))
    Xsa = np.concatenate([Xt[yt], Xs])
    ysa = np.concatenate([np.ones(int(yt.sum()), bool), np.zeros(len(Xs), bool)])
    log.info("held-out AUC on swapped-word negatives: coverage %.3f, product %.3f",
             roc_auc_score(ysa, coverage.prob(Xsa)), roc_auc_score(ysa, confidence(Xsa)))
    for t in (0.2, 0.3, 0.4, 0.5):
        log.info("  coverage alone below %.1f: false_abstain %.3f, abstain real %.3f, swapped %.3f", t,
                 (coverage.prob(Xt[yt]) < t).mean(), (coverage.prob(Xt[~yt]) < t).mean(), (coverage.prob(Xs) < t).mean())
    curve = refusal_curve(p, yt)
    ok = [c for c in curve if c["false_abstain"] <= args.max_false_abstain]
    threshold = max(ok, key=lambda c: c["threshold"])["threshold"] if ok else 0.05
    for c in curve:
        c["abstain_swapped"] = round(float((ps < c["threshold"]).mean()), 3)
    info = {"trained_on": f"SQuAD 2.0 dev articles 0-{args.fit_articles - 1}",
            "threshold_from": f"articles {args.fit_articles}-{n_art - 1}",
            "held_out_top1": round(best_top1, 3), "ablation_top1": ablation, "ranker": label,
            "held_out_answerable_auc": round(float(roc_auc_score(yt, p)), 3),
            "held_out_swapped_auc": round(float(roc_auc_score(ysa, confidence(Xsa))), 3),
            "refusal_curve": curve}
    out = {"ranker": ranker.to_dict(), "coverage": coverage.to_dict(), "answerable": answering.to_dict(),
           "answer_shift": shift, "threshold": threshold,
           "cite_ratio": 0.5, "info": info}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=1))
    log.info("held-out top-1 %.3f, answerable AUC %.3f, threshold %.2f -> %s (%.0fs)",
             best_top1, info["held_out_answerable_auc"], threshold, args.out, time.perf_counter() - t0)
    for c in curve:
        log.info("  refuse below %.2f: abstain_correct %.3f (swapped-word questions %.3f), false_abstain %.3f",
                 c["threshold"], c["abstain_correct"], c["abstain_swapped"], c["false_abstain"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
