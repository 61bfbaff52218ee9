#!/usr/bin/env python3
"""The real engine on a large corpus: warm latency, peak memory and cite@1 with the HNSW graph
against exact dense search, in one process.

`qa bench` measures the vector index alone at 100k and 1M sentences (synthetic vectors) and
projects the engine's cost from it. This script runs the whole engine instead: `build_index`
(segmentation, BM25, the HNSW graph, the manifest) and `Engine.ask` over the whole corpus with
the real question encoders and ranker.

The corpus is the SQuAD 2.0 and SQuADShifts documents of existing indexes (built by
`qa eval`/`train_ranker.py`), copied until it holds N sentences; each copy gets its own
heading line so its content differs. Embedding N sentences for real would take hours here, so
the build reuses each sentence's real vectors from those indexes with a small per-row
perturbation (sigma 0.02, as `qa bench` does), in both dense channels. Questions are real
SQuAD questions about the copied documents; since every copy holds the gold sentence, cite@1 is
comparable between the two dense-search modes, not with per-article figures.

The HNSW pass runs twice: first right after start-up, while a child process still reads the
documents' words (~50 s of one core at a million sentences), then warm, once they are read.

    python scripts/engine_at_scale.py --sentences 120000 --work /tmp/qa-scale \
        --from /tmp/sqtest --from /tmp/shifts
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import qa.index  # noqa: E402
from qa.evaluate import _hit, norm  # noqa: E402
from qa.lexicon import english_lexicon  # noqa: E402

log = logging.getLogger("scale")
SIGMA = 0.02
# questions in the languages the engine reads besides English, asked after the English ones: what
# a server holds once it has been asked in each (SQuAD's topics; answerable or not, it is the
# memory that is measured)
OTHER_LANGUAGES = ["¿En qué año se fundó la universidad?", "¿Cuántas personas viven en la ciudad?",
                   "大学是哪一年成立的？", "Quand l'université a-t-elle été fondée ?",
                   "Wann wurde die Universität gegründet?", "Когда был основан университет?",
                   "大学はいつ設立されましたか？", "대학교는 언제 설립되었나요?",
                   "In che anno è stata fondata l'università?", "Em que ano foi fundada a universidade?"]


class ReusedVectors:
    """Stands in for an embedder at build time: each sentence's real vector from an existing index
    (the source's own title context, not the copy's)."""

    def __init__(self, table: dict[str, np.ndarray], seed: int) -> None:
        self.table, self.rng = table, np.random.default_rng(seed)
        self.misses = 0

    def encode_documents(self, texts, progress: bool = False):
        out = np.empty((len(texts), 384), np.float32)
        for k, t in enumerate(texts):
            v = self.table.get(t)
            if v is None:  # the build embeds "<title>: <sentence>" and each copy has its own title
                v = self.table.get(t.split(": ", 1)[-1])
            if v is None:  # a sentence split differently from the source index: any real vector
                self.misses += 1
                v = self.table[next(iter(self.table))]
            out[k] = v
        out += SIGMA * self.rng.standard_normal(out.shape, dtype=np.float32)
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out


def make_corpus(sources: list[Path], work: Path, n: int) -> tuple[dict, dict, list[dict]]:
    from qa.index import load_index
    from qa.segment import search_text

    tables = {"minilm": {}, "e5": {}}
    docs, questions = [], []
    for src in sources:
        idx = load_index(src / "index", verify=False)
        for k, s in enumerate(idx.sentences):
            text = search_text(s, idx.by_id[s.doc])
            tables["minilm"][text] = np.asarray(idx.vectors[k])
            tables["e5"][text] = np.asarray(idx.e5[k])
        docs += [(d.id, d.text, b - a) for d in idx.documents for a, b in [idx.doc_rows[d.id]]]
        questions += [json.loads(line) for line in (src / "questions.jsonl").read_text().splitlines()]
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    total, copy = 0, 0
    while total < n:
        for doc_id, text, count in docs:
            (corpus / f"{doc_id}-{copy}.txt").write_text(f"{doc_id} copy {copy}\n\n{text}", encoding="utf-8")
            total += count
            if total >= n:
                break
        copy += 1
    log.info("%d sentences in %d files (%d copies)", total, len(list(corpus.iterdir())), copy)
    return tables["minilm"], tables["e5"], questions


def memory_mb() -> dict:
    """Resident memory now: anonymous (the process's own) and file-backed (pages of the
    memory-mapped index files, which the kernel can drop and re-read), plus the peak."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key = line.split(":")[0]
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            out[key] = int(line.split()[1]) // 1024
    return out


def timed_ask(engine, question: str) -> float:
    t = time.perf_counter()
    engine.ask(question)
    return round(1000 * (time.perf_counter() - t), 1)


def timed_asks(engine, questions: list[dict]) -> dict:
    times, hits, top = [], [], []
    for q in questions:
        t = time.perf_counter()
        a = engine.ask(q["question"])
        times.append(time.perf_counter() - t)
        texts = [norm(c.sentence) for c in a.citations[:1]] if a.answerable else []
        hits.append(_hit(q["gold"], texts))
        top.append(a.citations[0].sentence if a.citations else "")
    times.sort()
    return {"p50_ms": round(1000 * statistics.median(times), 1),
            "p95_ms": round(1000 * times[int(0.95 * (len(times) - 1))], 1),
            "max_ms": round(1000 * times[-1], 1), "cite_top1": round(float(np.mean(hits)), 3), "_top": top}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=120_000)
    ap.add_argument("--work", default="/tmp/qa-scale")
    ap.add_argument("--from", dest="sources", action="append", default=None,
                    help="a folder with corpus/, index/ and questions.jsonl (repeatable)")
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--build-s", type=float, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out", default=None, help="write the figures as JSON here too")
    ap.add_argument("--phase", choices=("both", "build", "serve"), default="both",
                    help="serve runs in a fresh process after the build, so its peak memory is a server's")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s", stream=sys.stderr)
    work = Path(args.work)
    if args.phase != "serve":
        build_s = build(args, work)
        if args.phase == "build":
            return 0
        import subprocess

        argv = [sys.executable, __file__, "--phase", "serve", "--work", str(work), "--questions", str(args.questions),
                "--build-s", str(build_s), *sum((["--from", s] for s in (args.sources or [])), [])]
        if args.out:
            argv += ["--out", args.out]
        return subprocess.call(argv)
    return serve(args, work)


def build(args, work: Path) -> float:
    sources = [Path(s) for s in (args.sources or ["/tmp/sqtest", "/tmp/shifts"])]
    minilm, e5, questions = make_corpus(sources, work, args.sentences)
    fakes = {"minilm": ReusedVectors(minilm, 1), "e5": ReusedVectors(e5, 2)}
    real_get = qa.index.get_embedder
    qa.index.get_embedder = lambda kind="minilm": fakes[kind]
    t = time.perf_counter()
    index = qa.index.build_index(work / "corpus", work / "index", progress=True)
    build_s = time.perf_counter() - t
    qa.index.get_embedder = real_get
    log.info("built in %.0f s (HNSW: %s); %d/%d texts without a source vector", build_s, index.manifest.get("ann"),
             fakes["minilm"].misses, len(index.sentences))
    return build_s


def serve(args, work: Path) -> int:
    from qa.engine import Engine

    questions = [json.loads(line) for src in (args.sources or ["/tmp/sqtest", "/tmp/shifts"])
                 for line in (Path(src) / "questions.jsonl").read_text().splitlines()]

    rng = random.Random(0)
    asked = rng.sample([q for q in questions if q.get("answerable") and q.get("gold")], args.questions)
    engine = Engine(work / "corpus", work / "index", progress=False, remember=0).load()  # each ask timed as new
    loaded = memory_mb()
    for q in asked[:10]:
        engine.ask(q["question"])  # warm-up: models, caches
    # the first minute: the documents' words (typos, acronyms) are still being read by a child
    # process at low priority, which takes ~50 s of one core at a million sentences
    early = timed_asks(engine, asked)
    early.pop("_top")
    t = time.perf_counter()
    engine._retriever.wait_for_words()
    words_s = time.perf_counter() - t
    engine.warm_up()  # the rest a server reads before it is ready (the word lists of qa/recase.py: ~67 MB)
    english_lexicon().prepare()  # which it builds in the background: waited for, so nothing else runs
    ann = timed_asks(engine, asked)  # warm: nothing else running
    # the same questions typed in lower case: their names found again in the documents' words
    # (Vocabulary.in_mid_sentence) and the word lists, at this size
    lower = timed_asks(engine, [dict(q, question=q["question"].lower()) for q in asked])
    lower.pop("_top")
    english_only = memory_mb()
    # a server is asked in other languages too: each loads what reading that language takes
    # (its word list, its dictionary or word splitter), held from then on
    others = [timed_ask(engine, q) for q in OTHER_LANGUAGES]
    # the peak before the flat index exists; VmHWM, not getrusage's ru_maxrss, which Linux carries
    # across exec: a serve phase started by the build would report the build's peak (~7 GB at 1M)
    after_ann = memory_mb()
    rss_ann = after_ann["VmHWM"]
    r = engine._retriever
    r._dense, engine.index.ann = None, None  # the same engine with exact (flat) dense search
    exact = timed_asks(engine, asked)
    same = float(np.mean([a == b for a, b in zip(ann.pop("_top"), exact.pop("_top"))]))
    out = {"sentences": len(engine.index.sentences), "documents": len(engine.index.documents),
           "build_s": args.build_s, "questions": len(asked), "ann": engine.index.manifest.get("ann"),
           "hnsw_while_words_read": early, "words_read_after_s": round(words_s, 1),
           "hnsw": ann, "hnsw_lower_case": lower, "exact": exact, "same_top_citation": round(same, 3),
           "peak_rss_mb": memory_mb()["VmHWM"],
           "peak_rss_mb_serving_hnsw": round(rss_ann),
           "memory_mb_engine_loaded": loaded, "memory_mb_after_english_questions": english_only,
           "other_languages_ms": others, "memory_mb_after_other_languages": after_ann}
    print(json.dumps(out, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
