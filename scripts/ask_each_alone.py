#!/usr/bin/env python3
"""`qa ask --jsonl`, but each question is asked of its own document alone: the product's case (one
article in `corpus/`), on a test set of many documents. A question's `doc` picks the document; it
is copied into a corpus of its own under --work, indexed there on first use, and served by a `qa
ask --jsonl` process of its own (the question goes without `doc`, as a user's would). Lines are
answered in order, one output line per input line, so score.py can drive it:

    python ../shared/eval/score.py /tmp/sqtest/questions.jsonl -- \\
        .venv/bin/python scripts/ask_each_alone.py --corpus /tmp/sqtest/corpus --work /tmp/each-alone

One process per document stays open until the input ends (~450 MB each).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

QA = [sys.executable, "-m", "qa.cli"]  # the CLI, run as qa/bench.py runs it


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="the folder of documents the questions' `doc` names")
    ap.add_argument("--work", required=True, help="where each document's own corpus and index go")
    args = ap.parse_args()
    files = {p.stem: p for p in Path(args.corpus).iterdir() if p.suffix.lower() in (".txt", ".md")}
    servers: dict[str, subprocess.Popen] = {}

    def server(doc: str) -> subprocess.Popen:
        if doc not in servers:
            corpus = Path(args.work) / doc / "corpus"
            corpus.mkdir(parents=True, exist_ok=True)
            shutil.copy(files[doc], corpus / files[doc].name)
            servers[doc] = subprocess.Popen(
                [*QA, "ask", "--jsonl", "--corpus", str(corpus), "--index", str(corpus.parent / "index")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        return servers[doc]

    try:
        for line in sys.stdin:
            try:
                q = json.loads(line)
            except ValueError as exc:
                q = exc
            if not isinstance(q, dict) or q.get("doc") not in files:
                why = f"not JSON ({q})" if isinstance(q, ValueError) else "needs a JSON object whose doc is a file of --corpus"
                print(json.dumps({"error": why, **({"id": q["id"]} if isinstance(q, dict) and "id" in q else {})}), flush=True)
                continue
            proc = server(q.pop("doc"))
            proc.stdin.write(json.dumps(q) + "\n")
            proc.stdin.flush()
            print(proc.stdout.readline(), end="", flush=True)
    finally:
        for proc in servers.values():
            proc.stdin.close()
            proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
