"""Load: 50 concurrent clients x 20 questions through the HTTP API (/gradio_api/call/ask) of a
real server on loopback. Every request gets its answer (0 errors, offsets exact); the latency
under load (p50/p95) is printed and recorded as test properties.

The server's queue is set in qa/ui.py (ENGINE_CONCURRENCY questions at a time, QUEUE_MAX_SIZE
waiting); with 50 clients each waiting for its answer before asking again, at most 50 events
wait, well under the bound, so none may be refused.
"""
from __future__ import annotations

import http.client
import json
import threading
import time
from urllib.parse import urlparse

import pytest

from conftest import CORPUS, read_doc_text
from ui_server import article_server

pytestmark = pytest.mark.slow

CLIENTS, QUESTIONS_EACH = 50, 20
QUESTIONS = [
    "What system did Huawei launch at the conference?",
    "Who described the alliance as an innovative ecosystem?",
    "When does the World Artificial Intelligence Conference conclude?",
    "Which companies are members of the Shanghai General Chamber of Commerce AI Committee?",
    "What are Alibaba's new glasses called?",
    "What can Baidu's AI cloning tool replicate?",
    "What is Hunyuan3D World Model 1.0?",
    "How many chips did Metax's supernode use?",
    "Which model powers Alibaba's glasses?",
    "How long is the sample footage Baidu's tool needs?",
    "Who is Zhao Lidong?",
    "What does the CloudMatrix platform compensate for?",
    "Which chips are Chinese firms barred from buying?",
    "When was the article published?",
    "Where was the conference held?",
    "What is Huawei's stock price?",
    "腾讯发布了什么？",
    "¿Qué lanzó Alibaba?",
    "What did Tencent introduce?",
    "Why are Chinese AI firms forming alliances?",
]


def ask(conn: http.client.HTTPConnection, question: str) -> dict:
    """One question through the queue: POST for an event id, then read its event stream."""
    body = json.dumps({"data": [question, []]}, ensure_ascii=False).encode("utf-8")
    conn.request("POST", "/gradio_api/call/ask", body=body, headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise RuntimeError(f"POST {r.status}: {data[:200]!r}")
    conn.request("GET", f"/gradio_api/call/ask/{json.loads(data)['event_id']}")
    r = conn.getresponse()
    stream = r.read().decode("utf-8")
    if r.status != 200 or "event: complete" not in stream:
        raise RuntimeError(f"GET {r.status}: {stream[:300]!r}")
    payload = stream.split("event: complete", 1)[1].split("data:", 1)[1].strip().splitlines()[0]
    out = json.loads(payload)[0]
    if "error" in out:
        raise RuntimeError(f"error object: {out}")
    return out


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def test_50_clients_x_20_questions(record_property, capsys):
    server = article_server()
    u = urlparse(server.url)
    text = read_doc_text(CORPUS, "2025-07-28-china-ai-alliances-waic")
    warm = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    ask(warm, QUESTIONS[0])  # the engine is warm before the clock starts
    warm.close()

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS)

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        start.wait()
        try:
            for j in range(QUESTIONS_EACH):
                q = QUESTIONS[(k + j) % len(QUESTIONS)]
                t0 = time.perf_counter()
                try:
                    out = ask(conn, q)
                    for c in out["citations"]:
                        assert text[c["start"]:c["end"]] == c["sentence"], c
                    assert set(out) == {"answer", "answerable", "confidence", "citations"}, out
                except Exception as exc:  # counted, and the client goes on
                    with lock:
                        errors.append(f"client {k} q{j} {q!r}: {type(exc).__name__}: {str(exc)[:300]}")
                    conn.close()
                    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
                    continue
                with lock:
                    latencies.append(time.perf_counter() - t0)
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(CLIENTS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    wall = time.perf_counter() - t0

    n = CLIENTS * QUESTIONS_EACH
    figures = {"requests": n, "answered": len(latencies), "errors": len(errors), "wall_s": round(wall, 1),
               "throughput_per_s": round(len(latencies) / wall, 1),
               "p50_ms": round(1000 * percentile(latencies, 0.50)) if latencies else None,
               "p95_ms": round(1000 * percentile(latencies, 0.95)) if latencies else None,
               "max_ms": round(1000 * max(latencies)) if latencies else None}
    for key, value in figures.items():
        record_property(key, value)
    with capsys.disabled():
        print(f"\nload: {CLIENTS} clients x {QUESTIONS_EACH} questions over HTTP /ask: {json.dumps(figures)}")
    assert not any(t.is_alive() for t in threads), "clients still waiting after 300 s"
    assert errors == [], f"{len(errors)} errors, e.g. {errors[:3]}\n--- server log ---\n{server.log()[-2000:]}"
    assert len(latencies) == n
    assert server.proc.poll() is None
