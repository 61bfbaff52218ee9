#!/usr/bin/env python3
"""How good is the short answer the page highlights (qa/span.py), on SQuAD's gold sentences?

For every answerable question of the chosen articles, the sentence holding its first gold
answer is read by `find_span` exactly as the engine reads a cited sentence. Per question type:

    marked     share of questions given a span at all
    right      share of marks that contain a gold answer or lie inside one (character ranges)
    exact      share of marks equal to a gold answer (ignoring case and a trailing full stop)

A wrong mark is worse than none (the page shows it in bold), so `right` is the figure to keep
high and `marked` the one to grow. Tune on SQuAD 2.0's articles 0-24; the last 10 are the test
articles (`--skip 25`):

    python scripts/eval_spans.py --articles 25            # articles 0-24
    python scripts/eval_spans.py --skip 25                # the test articles
    python scripts/eval_spans.py --show 20                # plus wrong marks, for reading
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluate import SQUAD, read_squad  # noqa: E402
from qa.question import parse  # noqa: E402
from qa.segment import split_sentences  # noqa: E402
from qa.span import find_span  # noqa: E402


def gold_cases(path: Path, skip: int, articles: int):
    """(question, sentence, gold character ranges inside it) for every answerable question."""
    for art in read_squad(path)[skip:skip + articles]:
        for p in art["paragraphs"]:
            ctx = p["context"]
            spans = split_sentences(ctx)
            for qa in p["qas"]:
                answers = [(a["answer_start"], a["answer_start"] + len(a["text"])) for a in qa["answers"]]
                if qa.get("is_impossible") or not answers:
                    continue
                first = answers[0][0]
                sent = next(((a, b) for a, b in spans if a <= first < b), None)
                if sent is None:
                    continue
                a, b = sent
                golds = [(s - a, e - a) for s, e in answers if a <= s and e <= b]
                yield qa["question"].strip(), ctx[a:b], golds


def judge(span: tuple[int, int], golds: list[tuple[int, int]], sentence: str) -> tuple[bool, bool]:
    s, e = span
    right = any((s <= gs and ge <= e) or (gs <= s and e <= ge) for gs, ge in golds)
    text = sentence[s:e].lower().rstrip(".")
    exact = any(sentence[gs:ge].lower().rstrip(".") == text for gs, ge in golds)
    return right, exact


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", default=str(SQUAD), help="a SQuAD-layout file (.json or .json.gz)")
    ap.add_argument("--skip", type=int, default=0, help="articles to skip first")
    ap.add_argument("--articles", type=int, default=10**9, help="articles to read after the skipped ones")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong marks")
    ap.add_argument("--json", help="also write the table here")
    args = ap.parse_args()

    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    wrong = []
    for question, sentence, golds in gold_cases(Path(args.squad), args.skip, args.articles):
        q = parse(question)
        row = table[q.qtype]
        row["n"] += 1
        span = find_span(q, sentence)
        if span is None:
            continue
        right, exact = judge(span, golds, sentence)
        row["marked"] += 1
        row["right"] += right
        row["exact"] += exact
        if not right:
            wrong.append((q.qtype, question, sentence[span[0]:span[1]], [sentence[a:b] for a, b in golds]))
    total: dict[str, int] = defaultdict(int)
    for row in table.values():
        for k, v in row.items():
            total[k] += v
    out = {}
    print(f"{'type':8s} {'n':>6s} {'marked':>7s} {'right':>7s} {'exact':>7s}")
    for name, row in sorted(table.items()) + [("all", total)]:
        m = row["marked"]
        out[name] = {"n": row["n"], "marked": round(m / row["n"], 3) if row["n"] else 0.0,
                     "right": round(row["right"] / m, 3) if m else None, "exact": round(row["exact"] / m, 3) if m else None}
        r = out[name]
        print(f"{name:8s} {row['n']:6d} {r['marked']:7.3f} {r['right'] if r['right'] is not None else '-':>7} "
              f"{r['exact'] if r['exact'] is not None else '-':>7}")
    for qtype, question, span, golds in wrong[:args.show]:
        print(f"  [{qtype}] {question}\n      marked {span!r}, gold {golds}")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
