#!/usr/bin/env python3
"""Write a copy of a corpus with every paragraph hard-wrapped, as people save plain text
(Project Gutenberg, a README, e-mail): a check that the answers do not depend on one
paragraph a line.

    python scripts/wrap_corpus.py corpus /tmp/wrapped --width 72 [--crlf] \
        [--ask ../shared/eval/article_dev.jsonl --index /tmp/wrapped-index]

Lines are wrapped between words only (a hyphenated word stays whole); metadata and blank
lines are kept as they are. ``--ask`` then asks the answerable questions of a contract file of
the wrapped corpus and counts those whose first citation holds a whole ``gold`` text (a
stricter test than score.py's, whose short answers fit in a piece of a sentence too).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.fill(line, width, break_on_hyphens=False, break_long_words=False) if line.strip() else line
                     for line in text.split("\n"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--width", type=int, default=72)
    ap.add_argument("--crlf", action="store_true", help="write Windows line ends")
    ap.add_argument("--ask", type=Path, help="contract questions to ask of the wrapped corpus")
    ap.add_argument("--index", type=Path, help="index folder for --ask")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.corpus.iterdir()):
        if path.suffix in (".txt", ".md"):
            text = wrap(path.read_text(encoding="utf-8-sig"), args.width)
            (args.out / path.name).write_bytes(text.replace("\n", "\r\n" if args.crlf else "\n").encode("utf-8"))
    print(f"wrapped {args.corpus} at {args.width} columns into {args.out}")
    if args.ask:
        ask(args.out, args.index or args.out.with_name(args.out.name + "-index"), args.ask)


def ask(corpus: Path, index: Path, questions: Path) -> None:
    from qa.engine import Engine

    engine = Engine(corpus, index, progress=False)
    flat = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    whole = refused = n = 0
    for line in questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if not q.get("answerable", True):
            continue
        n += 1
        ans = engine.ask(q["question"], q.get("history") or [])
        if not ans.answerable:
            refused += 1
        elif any(flat(g) in flat(ans.citations[0].sentence) for g in q.get("gold", [])):
            whole += 1
    print(f"{n} answerable questions: a whole gold text in the first citation {whole}, refused {refused}")


if __name__ == "__main__":
    main()
