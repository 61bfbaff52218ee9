"""List the questions of a contract file that the engine reads other than as typed.

Each question is read in its own scope (its `doc`, or the whole corpus) the way `qa ask` reads
it; the ones with a typo or an acronym read (`--only acronyms` keeps the acronyms) are written
out as contract lines with a `read` field, so a change to reading can be scored on exactly the
questions it touches, before and after:

    python scripts/list_respelt.py /tmp/sqtest/questions.jsonl --corpus /tmp/sqtest/corpus \\
        --index /tmp/sqtest/index --only acronyms > /tmp/changed.jsonl
    python ../shared/eval/score.py /tmp/changed.jsonl -- qa ask --jsonl --corpus ... --index ...
"""
from __future__ import annotations

import argparse
import json
import sys

from qa.engine import Engine
from qa.evaluate import read_questions
from qa.question import parse


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--index", default="index")
    ap.add_argument("--only", choices=("all", "acronyms"), default="all")
    args = ap.parse_args()
    retriever = Engine(args.corpus, args.index, progress=False).load()._retriever
    changed = 0
    for q in read_questions(args.questions):
        read = retriever.respell(parse(q["question"], q.get("history") or []), q.get("doc"))
        pairs = read.aliases if args.only == "acronyms" else read.respelt
        if pairs:
            changed += 1
            print(json.dumps({**q, "read": [list(p) for p in pairs]}, ensure_ascii=False))
    print(f"{changed} questions read other than as typed", file=sys.stderr)


if __name__ == "__main__":
    main()
