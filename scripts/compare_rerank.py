#!/usr/bin/env python3
"""The engine with and without the cross-encoder reranker, in one process: warm latency per
question (median and p95 over alternating rounds, so machine noise hits both alike) and how often
the first citation holds a gold answer.

    python scripts/compare_rerank.py                                   # the article's dev questions
    python scripts/compare_rerank.py --questions /tmp/sqtest/questions.jsonl \\
        --corpus /tmp/sqtest/corpus --index /tmp/sqtest/index --limit 300
    python scripts/compare_rerank.py --questions /tmp/sqtest/questions.jsonl --corpus-wide \
        --corpus /tmp/qa-scale1m/corpus --index /tmp/qa-scale1m/index --limit 200 --rounds 2   # 1M
    python scripts/compare_rerank.py --also /tmp/new-reranker.safetensors   # the shipped file against a retrained one
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import engine as engine_module  # noqa: E402
from qa.engine import Engine  # noqa: E402
from qa.evaluate import DEV_QUESTIONS, norm, read_questions  # noqa: E402
from qa.rerank import Reranker, get_reranker  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", default=str(DEV_QUESTIONS))
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus-wide", action="store_true", help="ignore the questions' doc: search the whole corpus")
    ap.add_argument("--also", action="append", default=[], metavar="FILE",
                    help="another reranker file to compare in the same rounds (repeatable)")
    args = ap.parse_args()
    qs = read_questions(args.questions)
    qs = qs[:args.limit or None]
    eng = Engine(args.corpus, args.index, progress=False, remember=0).load()  # each ask timed as new
    variants = {"ranker only": lambda: None, "ranker + reranker": get_reranker}
    for path in args.also:
        other = Reranker(path)
        variants[f"ranker + {Path(path).name}"] = lambda other=other: other
    times = {name: [] for name in variants}
    hits = {name: 0 for name in variants}
    answerable = [q for q in qs if q.get("answerable", True)]
    for name, pick in variants.items():  # warm-up
        engine_module.get_reranker = pick
        eng.ask(qs[0]["question"])
    for r in range(args.rounds):
        for name, pick in variants.items():
            engine_module.get_reranker = pick
            for q in qs:
                t = time.perf_counter()
                ans = eng.ask(q["question"], q.get("history") or [], None if args.corpus_wide else q.get("doc"))
                times[name].append(time.perf_counter() - t)
                if r == 0 and q.get("answerable", True) and ans.citations and \
                        any(norm(g) in norm(ans.citations[0].sentence) for g in q.get("gold", [])):
                    hits[name] += 1
    print(f"{len(qs)} questions ({len(answerable)} answerable), {args.rounds} alternating rounds")
    print("| engine | warm p50 ms | warm p95 ms | cite@1 |")
    print("|---|---|---|---|")
    for name in variants:
        ms = 1000 * np.array(times[name])
        print(f"| {name} | {statistics.median(ms):.1f} | {np.percentile(ms, 95):.1f} | "
              f"{hits[name] / max(1, len(answerable)):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
