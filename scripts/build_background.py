#!/usr/bin/env python3
"""Write qa/models/e5_background.npy: e5 vectors of general encyclopedia sentences (every other
sentence of SQuAD 2.0's first 20 articles, the ranker's fit articles), float16.

qa/offtopic.py compares a question in another language with them: when some background
sentence fits the question better than every sentence of the document, the question is not
about the document ("Hola", "¿Qué tiempo hace hoy?"). Rebuild after changing the e5 encoder:

    python scripts/build_background.py     # reuses /tmp/qa-train (train_ranker.py's work folder)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ranker import load_split  # noqa: E402

from qa.evaluate import read_squad, slug  # noqa: E402
from qa.offtopic import BACKGROUND_PATH  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", default=str(ROOT.parent / "shared" / "data" / "squad2.0_dev.json.gz"))
    ap.add_argument("--work", default="/tmp/qa-train")
    ap.add_argument("--articles", type=int, default=20)
    args = ap.parse_args()
    _, _, _, index = load_split(Path(args.squad), Path(args.work), 25)
    titles = [a["title"] for a in read_squad(args.squad)[:args.articles]]
    rows = [r for t in titles for r in range(*index.doc_rows[slug(t)]) if index.sentences[r].kind == "text"]
    vectors = np.asarray(index.e5[rows[::2]], dtype=np.float16)
    np.save(BACKGROUND_PATH, vectors)
    print(f"{len(vectors)} background sentences -> {BACKGROUND_PATH} ({BACKGROUND_PATH.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
