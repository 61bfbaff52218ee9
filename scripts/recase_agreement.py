"""How often qa/recase.py capitalises the words SQuAD's question writers capitalised.

Each question is lower-cased and given back its capitals from its own article's words
(`recase.recased`); every word inside a sentence is then compared with the writer's. Prints the
share of the words recasing capitalises that the writers did (precision) and of the writers'
that recasing does (recall).

    python ../shared/eval/squad_to_contract.py ../shared/data/squad2.0_dev.json.gz /tmp/sqtrain --articles 25
    python scripts/recase_agreement.py /tmp/sqtrain/questions.jsonl /tmp/sqtrain/corpus
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from qa.recase import recased
from qa.spelling import Vocabulary

_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w'’-])")


def inside_words(text: str) -> list[str]:
    """The words of a question that no sentence opens."""
    return [m.group(0) for m in _WORD.finditer(text)
            if text[:m.start()].strip(" \"'“¿¡") and not re.search(r"[.?!]\s*[\"'“]?\s*$", text[:m.start()])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args()
    vocabularies = {p.stem: Vocabulary.of([p.read_text(encoding="utf-8")]) for p in args.corpus.glob("*.txt")}
    both = ours = theirs = 0
    for line in args.questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        typed = q["question"]
        read = recased(typed.lower(), vocabularies[q["doc"]].in_mid_sentence)
        a, b = inside_words(typed), inside_words(read)
        if len(a) != len(b):
            continue
        for w, r in zip(a, b):
            if w == "I":
                continue
            both += w[0].isupper() and r[0].isupper()
            ours += r[0].isupper()
            theirs += w[0].isupper()
    print(f"precision {both / max(1, ours):.3f} recall {both / max(1, theirs):.3f} "
          f"({both} of {ours} capitalised here, of {theirs} by the writers)")


if __name__ == "__main__":
    main()
