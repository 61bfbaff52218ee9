"""`qa eval`: the reference scorer's figures (../shared/eval/score.py), computed in-process,
plus how often the short answer the page marks in bold is there and right.

Reads a contract question file (JSONL with gold sentences) or a SQuAD-layout file
(.json/.json.gz), which is converted to a corpus folder + questions, per-article scope.
"""
from __future__ import annotations

import gzip
import json
import re
import time
import unicodedata
from collections import defaultdict
from pathlib import Path


def _shared() -> Path:
    """The evaluation data: ../shared next to the repository (CI lays a copy beside the clone)."""
    root = Path(__file__).resolve().parent.parent
    for cand in (root.parent / "shared", Path("/work/shared")):
        if cand.is_dir():
            return cand
    return root.parent / "shared"


SHARED = _shared()
DEV_QUESTIONS = SHARED / "eval" / "article_dev.jsonl"
SQUAD = SHARED / "data" / "squad2.0_dev.json.gz"
SQUAD_SHIFTS = SHARED / "data" / "squadshifts_new_wiki_v1.0.json.gz"

def read_questions(path: str | Path) -> list[dict]:
    """A contract question file: one JSON object per non-blank line (UTF-8), each with what
    scoring reads (id, question, kind, answerable; gold or gold_all when answerable).
    Raises ValueError naming the first line that is not so."""
    out, first_seen = [], {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}, line {n}: not valid JSON ({exc})") from None
        if not isinstance(q, dict):
            raise ValueError(f"{path}, line {n}: not a JSON object")
        missing = [k for k in ("id", "question", "kind", "answerable") if k not in q]
        wrong = [f"{key} must be {what}" for key, ok, what in (
            ("id", isinstance(q.get("id"), (str, int, float)) and not isinstance(q.get("id"), bool), "a string or a number"),
            ("kind", isinstance(q.get("kind"), str), "a string"),
            ("answerable", isinstance(q.get("answerable"), bool), "true or false")) if key in q and not ok]
        if wrong:
            raise ValueError(f"{path}, line {n}: {'; '.join(wrong)}")
        if q.get("answerable") and not ("gold" in q or "gold_all" in q):
            missing.append("gold")
        if missing:
            raise ValueError(f"{path}, line {n}: missing {', '.join(missing)} (a question file for "
                             "scoring needs id, question, kind, answerable and, when answerable, gold)")
        if q["id"] in first_seen:  # answers are matched by id: the second would be scored with the first's answer
            raise ValueError(f"{path}, line {n}: id {q['id']!r} is already line {first_seen[q['id']]}'s")
        first_seen[q["id"]] = n
        for key in ("gold", "gold_all"):  # a bare string would be read letter by letter: always a hit
            if key in q and not (isinstance(q[key], list) and all(isinstance(g, str) for g in q[key])):
                raise ValueError(f"{path}, line {n}: {key} must be a list of strings")
        out.append(q)
    if not out:
        raise ValueError(f"{path}: no questions")
    return out


def norm(s: str) -> str:
    """Exactly score.py's normalisation, so the figures agree."""
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2014", " ").replace("\u2013", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def _hit(golds, texts) -> bool:
    return any(norm(g) in t for g in golds for t in texts)


def slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()


def read_squad(src: str | Path) -> list[dict]:
    """The articles of a SQuAD-layout file (.json, or .json.gz as ../shared ships them)."""
    opener = gzip.open if str(src).endswith(".gz") else open
    try:
        with opener(src, "rt", encoding="utf-8") as fh:
            data = json.load(fh)["data"]
    except (ValueError, KeyError, TypeError, EOFError, gzip.BadGzipFile) as exc:
        raise ValueError(f"{src}: not a SQuAD-layout file ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not isinstance(data, list):
        raise ValueError(f"{src}: not a SQuAD-layout file (\"data\" is not a list of articles)")
    return data


def squad_to_corpus(src: str | Path, out: Path, skip: int = 0, articles: int = 10**9,
                    per_article: int = 10**9) -> list[dict]:
    """Same conversion as ../shared/eval/squad_to_contract.py: one .txt per article + questions.
    Raises ValueError for a file whose articles are not shaped as SQuAD's."""
    data = read_squad(src)
    try:
        return _squad_questions(data, out, skip, articles, per_article)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{src}: not a SQuAD-layout file ({type(exc).__name__}: {str(exc)[:120]})") from None


def _squad_questions(data: list, out: Path, skip: int, articles: int, per_article: int) -> list[dict]:
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    questions, names = [], set()
    for k, art in enumerate(data[skip:skip + articles], skip):
        # squad_to_contract.py's file name; two titles of one name ("C++", "C--") or one of no
        # Latin letter ("東京") get the article's number too, or one would overwrite the other
        name = slug(art["title"])
        if not name or name in names:
            name = f"{name or 'article'}-{k}"
        names.add(name)
        text = art["title"].replace("_", " ") + "\n\n" + "\n\n".join(p["context"] for p in art["paragraphs"]) + "\n"
        path = out / "corpus" / f"{name}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        asked = 0
        for p in art["paragraphs"]:
            for qa in p["qas"]:
                if asked >= per_article:
                    break
                asked += 1
                ans = sorted({a["text"] for a in qa.get("answers") or []})
                imp = qa.get("is_impossible", False) or not ans
                row = {"id": qa["id"], "doc": name, "question": qa["question"].strip(),
                       "kind": "squad-unanswerable" if imp else "squad", "answerable": not imp}
                if not imp:
                    row["gold"] = row["answer"] = ans
                questions.append(row)
    return questions


def score(questions: list[dict], answers: dict[str, dict]) -> tuple[dict, dict, list]:
    """(summary, per-kind table, misses) with score.py's definitions."""
    by_kind: dict = defaultdict(lambda: defaultdict(int))
    tot: dict = defaultdict(int)
    misses = []
    for q in questions:
        a, k = answers.get(q["id"]), q["kind"]
        by_kind[k]["n"] += 1
        if a is None:
            misses.append((q["id"], "no answer line"))
            continue
        # an error line says nothing is answerable, as score.py reads it: it counts as a refusal
        error = a.get("error")
        texts = [] if error else [norm(c.get("sentence", "")) for c in a.get("citations") or []]
        said = bool(a.get("answerable", True)) and bool(texts)
        if not q["answerable"]:
            tot["unans"] += 1
            if not said:
                by_kind[k]["ok"] += 1
                tot["abstain_ok"] += 1
            else:
                misses.append((q["id"], "answered: " + a.get("answer", "")[:80]))
            continue
        tot["ans"] += 1
        if not said:
            tot["false_abstain"] += 1
            misses.append((q["id"], f"error: {error}" if error else "abstained"))
            continue
        if "gold_all" in q:
            ok = all(_hit([g], texts[:5]) for g in q["gold_all"])
            tot["hit3"] += ok
        else:
            ok = _hit(q["gold"], texts[:1])
            tot["hit3"] += _hit(q["gold"], texts[:3])
        ans_ok = any(norm(x) in norm(a.get("answer", "")) for x in q.get("answer", []))
        if ok and q.get("answer"):  # the short answer, judged where the citation is right
            tot["cited"] += 1
            if "short_answer" in a:
                tot["marked"] += 1
                tot["mark_ok"] += _mark_ok(a["short_answer"], q["answer"])
        tot["top1"] += ok
        tot["answer_ok"] += ans_ok
        by_kind[k]["ok"] += ok
        by_kind[k]["ans_ok"] += ans_ok
        if not ok:
            misses.append((q["id"], "cited: " + (texts[0][:90] if texts else "-")))
    n_ans, n_un = max(tot["ans"], 1), max(tot["unans"], 1)
    summary = {
        "cite_top1": round(tot["top1"] / n_ans, 3),
        "cite_top3": round(tot["hit3"] / n_ans, 3),
        "answer_text": round(tot["answer_ok"] / n_ans, 3),
        "abstain_correct": round(tot["abstain_ok"] / n_un, 3) if tot["unans"] else None,
        "false_abstain": round(tot["false_abstain"] / n_ans, 3),
        "answerable": tot["ans"], "unanswerable": tot["unans"],
        # the span the page marks in bold: how often it is there, and how often right when there
        "short_answer_marked": round(tot["marked"] / tot["cited"], 3) if tot["cited"] else None,
        "short_answer_right": round(tot["mark_ok"] / tot["marked"], 3) if tot["marked"] else None,
    }
    return summary, by_kind, misses


def _mark_ok(mark: str, answers: list[str]) -> bool:
    """A mark is right when it holds a gold answer or lies inside one ("10" in "10 minutes")."""
    m = norm(mark).rstrip(".")
    return bool(m) and any((g := norm(x).rstrip(".")) and (g in m or m in g) for x in answers)


def short_answer(ans) -> str | None:
    """The span the page marks in bold in the first citation, if any (not part of the contract)."""
    c = ans.citations[0] if ans.answerable and ans.citations else None
    if c is None or c.answer_start is None:
        return None
    return c.sentence[c.answer_start - c.start:c.answer_end - c.start]


def run(engine, questions: list[dict]) -> tuple[dict[str, dict], list[float]]:
    """Ask every question; returns contract answers by id and per-question seconds."""
    from .engine import QuestionError

    answers, times = {}, []
    for q in questions:
        t0 = time.perf_counter()
        try:
            ans = engine.ask(q["question"], q.get("history") or [], q.get("doc"))
            a = ans.contract(q["id"])
            if (mark := short_answer(ans)) is not None:
                a["short_answer"] = mark
        except QuestionError as exc:
            a = {"id": q["id"], "error": str(exc)}
        times.append(time.perf_counter() - t0)
        answers[q["id"]] = a
    return answers, times


def report(summary: dict, by_kind: dict, misses: list, show_misses: int = 30) -> str:
    lines = [f"{'kind':20} {'n':>5} {'cite-ok':>8} {'answer-ok':>9}"]
    for k, d in sorted(by_kind.items()):
        lines.append(f"{k:20} {d['n']:>5} {d['ok']:>8} {d.get('ans_ok', 0):>9}")
    for qid, why in misses[:show_misses]:
        lines.append(f"  miss {qid}: {why}")
    if len(misses) > show_misses:
        lines.append(f"  ... and {len(misses) - show_misses} more misses")
    lines.append(json.dumps(summary))
    return "\n".join(lines)
