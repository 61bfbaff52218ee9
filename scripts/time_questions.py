#!/usr/bin/env python3
"""Warm per-question latency of `Engine.ask`, each question asked of its own document and of the
whole corpus: where the cost of ranking every candidate of a scope shows.

It imports `qa` from PYTHONPATH (else the installed package), so two versions of the code can
be compared by alternating checkouts (the machine is shared and noisy: alternate, compare medians):

    git worktree add /tmp/before HEAD~1
    for w in /tmp/before $PWD /tmp/before $PWD; do
        PYTHONPATH=$w .venv/bin/python scripts/time_questions.py \
            --corpus /tmp/sqtest/corpus --index /tmp/sqtest/index --questions /tmp/sqtest/questions.jsonl
    done
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from qa.engine import Engine


def summary(seconds: list[float]) -> dict:
    ms = sorted(1000 * s for s in seconds)
    return {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1), "n": len(ms)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--index", required=True)
    ap.add_argument("--questions", required=True, help=".jsonl with a 'doc' per question")
    ap.add_argument("--limit", type=int, default=200, help="questions, spread over the file")
    args = ap.parse_args()

    questions = [json.loads(line) for line in Path(args.questions).read_text().splitlines() if line.strip()]
    step = max(1, len(questions) // args.limit)
    asked = questions[::step][:args.limit]
    # each ask timed as new; warmed up as the page warms up (the documents' words read and embedded)
    engine = Engine(args.corpus, args.index, progress=False, remember=0).warm_up()
    for q in asked[:5]:  # warm-up: caches
        engine.ask(q["question"], doc=q.get("doc"))
        engine.ask(q["question"])
    out = {}
    for scope in ("document", "corpus"):
        times = []
        for q in asked:
            t = time.perf_counter()
            engine.ask(q["question"], doc=q.get("doc") if scope == "document" else None)
            times.append(time.perf_counter() - t)
        out[scope] = summary(times)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
