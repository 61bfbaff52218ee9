"""`qa bench` in miniature: the helpers, a tiny synthetic scale run (child processes, no model),
the in-process parts (warm latency, timed indexing) on the session engine, and the command's
quickest run end to end. About a minute."""
import json

import numpy as np
import pytest

from qa import bench
from qa.cli import parser


def test_percentiles_and_latency_summary():
    assert bench.pct([], 50) is None
    assert bench.pct([3, 1, 2], 50) == 2
    assert bench.pct([0, 10], 95) == pytest.approx(9.5)
    s = bench.lat_summary([0.010, 0.020, 0.030])
    assert s == {"n": 3, "p50_ms": 20.0, "p95_ms": 29.0, "max_ms": 30.0}
    assert bench.stages({"a": 1.0, "b": 3.5, "c": 4.0}) == {"a": 1.0, "b": 2.5, "c": 0.5}


def test_cli_takes_bench_arguments():
    args = parser().parse_args(["bench", "--scale", "1000,2_000", "--repeat", "2", "--skip-squad", "--out", "x.json"])
    assert (args.command, args.scale, args.repeat, args.skip_squad, args.out) == ("bench", (1000, 2000), 2, True, "x.json")
    defaults = parser().parse_args(["bench"])
    assert (defaults.scale, defaults.ann) == ((100000,), None)  # None: bench.main builds every kind
    assert parser().parse_args(["bench", "--scale", "0"]).scale == ()
    assert parser().parse_args(["bench", "--ann", "hnsw_sq4, hnsw"]).ann == ("hnsw_sq4", "hnsw")


@pytest.mark.parametrize("option, value, said", [("--ann", "hnsw,hnsw_sq5", "unknown index kind hnsw_sq5"),
                                                 ("--ann", ",", "unknown index kind"),
                                                 ("--scale", "100k", "not a comma-separated list"),
                                                 ("--scale", "-5", "cannot be negative")])
def test_cli_refuses_bench_arguments_it_cannot_run(option, value, said, capsys):
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args(["bench", option, value])
    assert exit_.value.code == 2
    assert said in capsys.readouterr().err


@pytest.fixture(scope="module")
def tiny_scale(tmp_path_factory):
    """A 3,000-row synthetic corpus from 300 random 'real' vectors: every child process runs."""
    work = tmp_path_factory.mktemp("bench")
    rng = np.random.default_rng(0)
    base = rng.standard_normal((300, bench.DIM)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    queries = base[:20] + 0.05 * rng.standard_normal((20, bench.DIM)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    np.save(work / "base.npy", base)
    np.save(work / "queries.npy", queries.astype(np.float32))
    (work / "texts.json").write_text(json.dumps([f"Sentence number {i} mentions the river Rhine and {i % 7} bridges."
                                                 for i in range(300)]))
    (work / "questions.json").write_text(json.dumps(["How many bridges cross the Rhine?"] * 20))
    return bench.bench_scale(3000, work)


def test_scale_run_measures_every_index(tiny_scale):
    c = tiny_scale
    assert c["synthetic"]["n"] == 3000 and c["synthetic"]["base_rows"] == 300
    assert c["exact"]["k10"]["n"] == 20 and c["exact"]["k10"]["p50_ms"] > 0
    for kind in ("hnsw", "hnsw_sq8", "hnsw_sq4"):
        assert [r["ef_search"] for r in c[kind]["sweep"]] == list(bench.EF_SEARCH)
        assert all(0.0 <= r["recall10"] <= 1.0 for r in c[kind]["sweep"])
        assert c[kind]["chosen"]["recall10"] >= 0.9  # easy data: the sweep reaches the bar
        assert c[kind]["process_peak_rss_mb"] > 0
        assert all(r["recall100"] <= 1.0 for r in c[kind]["k100"])
    assert c["bm25"]["query"]["n"] == 20 and c["bm25"]["query"]["p50_ms"] > 0


def test_table_and_bars_render(tiny_scale):
    res = {"meta": {"started": "now", "host": "h", "cpus": 2, "loadavg_start": [1, 1, 1]},
           "warm_article": {"engine": {"n": 3, "p50_ms": 40.0, "p95_ms": 200.0, "max_ms": 210.0}},
           "scale": {"corpora": {"3000": tiny_scale}}}
    res["projection"] = bench.projection(res)
    res["bars"] = bench.bars(res)
    by_name = {b["bar"]: b for b in res["bars"]}
    assert by_name["article warm p50 (ms)"]["met"] is True
    assert by_name["article warm p95 (ms)"]["met"] is False
    assert by_name["page served (s)"]["met"] is None  # not measured: no verdict
    text = bench.table(res)
    assert "IndexHNSWFlat" in text and "BM25" in text and "| article warm p95 (ms) | 200.00 | <= 150 | **no** |" in text
    assert res["projection"]["per_scale"]["3000"]["p50_ms_with_hnsw"] > 40.0


@pytest.mark.slow
def test_warm_latency_and_timed_indexing(engine, dev_questions, tmp_path):
    warm = bench.warm_engine(engine, dev_questions[:3], repeat=1)
    assert warm["n"] == 3 and 0 < warm["p50_ms"] <= warm["max_ms"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Lyon\n\nThe river Rhone flows through Lyon. It meets the Saone there.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Basel\n\nThe Rhine flows through Basel. Basel has three bridges.\n", encoding="utf-8")
    full = bench.timed_build(corpus, tmp_path / "index")
    assert full["documents"] == 2 and full["minilm"]["sentences"] == full["e5"]["sentences"] == full["sentences"]
    inc = {}
    bench.bench_incremental(inc, corpus, tmp_path / "index", full)
    assert inc["edited_document"] in ("a", "b")
    # only the edited document is re-embedded: its two sentences plus the appended one
    assert inc["reembedded_sentences"] == 3
    assert inc["pct_of_full_build"] > 0


@pytest.mark.slow
def test_bench_command_runs_end_to_end(dev_questions, tmp_path):
    """`qa bench` as a user runs it, in its quickest form: the article's cold start (a fresh `qa
    ask` process and the staged scripts) and warm latency, through the CLI, `run()`, the table on
    stdout and the JSON file. The SQuAD, page and scale parts are the same plumbing, tested above
    piece by piece; a full run takes minutes."""
    import subprocess
    import sys

    from conftest import CORPUS, ROOT

    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in dev_questions[:3]), encoding="utf-8")
    out = tmp_path / "bench.json"

    def repo_index() -> list[tuple[str, int]]:
        return sorted((p.name, p.stat().st_mtime_ns) for p in (ROOT / "index").rglob("*"))

    index_before = repo_index()
    done = subprocess.run([sys.executable, "-c", "from qa.cli import main; main()", "bench", "--corpus", str(CORPUS),
                           "--questions", str(questions), "--skip-squad", "--skip-page", "--scale", "0",
                           "--cold-runs", "1", "--repeat", "1", "--out", str(out)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    res = json.loads(out.read_text())
    by_name = {b["bar"]: b for b in res["bars"]}
    for measured in ("article warm p50 (ms)", "article warm p95 (ms)", "cold start to first answer (s), qa ask"):
        assert by_name[measured]["value"] > 0 and by_name[measured]["met"] in (True, False), by_name[measured]
    for skipped in ("page served (s)", "indexing, 35 SQuAD articles (sentences/s)"):
        assert by_name[skipped]["value"] is None and by_name[skipped]["met"] is None
    assert res["warm_article"]["engine"]["n"] == 3 and res["meta"]["scales"] == []
    assert "| article warm p50 (ms) |" in done.stdout and "JSON written to" in done.stdout
    assert "[bench " in done.stderr and "[bench " not in done.stdout  # progress goes to stderr
    assert repo_index() == index_before, "the bench touched the repository's index/"
