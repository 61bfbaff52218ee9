"""The page's HTTP API (/ask) through gradio_client, against a real `python app.py` server."""
from __future__ import annotations

import pytest

from ui_server import article_server

pytestmark = pytest.mark.slow

CONTRACT_KEYS = {"answer", "answerable", "confidence", "citations"}
CITATION_KEYS = {"doc", "sentence", "start", "end", "score"}


@pytest.fixture(scope="module")
def client():
    from gradio_client import Client

    return Client(article_server().url, verbose=False)


def ask(client, question, history=()):
    return client.predict(question=question, history=list(history), api_name="/ask")

ARTICLE = "2025-07-28-china-ai-alliances-waic"


def assert_contract(out: dict) -> None:
    if "error" in out:
        pytest.fail(f"{out}\n--- server log ---\n{article_server().log()}")
    assert set(out) == CONTRACT_KEYS, out
    assert isinstance(out["answerable"], bool)
    assert isinstance(out["answer"], str) and out["answer"]
    assert 0.0 <= out["confidence"] <= 1.0
    for c in out["citations"]:
        assert set(c) == CITATION_KEYS
        assert 0 <= c["start"] < c["end"]
    if not out["answerable"]:
        assert out["citations"] == []


def test_ask_cites_cloudmatrix_first(client):
    out = ask(client, "What system did Huawei launch at the conference?")
    assert_contract(out)
    assert out["answerable"] is True
    assert "CloudMatrix 384 system" in out["citations"][0]["sentence"]


def test_followup_uses_history(client):
    out = ask(client, "Which model powers it?", ["What did Alibaba unveil?"])
    assert_contract(out)
    assert out["citations"], out
    assert "Qwen" in out["citations"][0]["sentence"]


def test_refusal_question_keeps_the_contract(client):
    out = ask(client, "What is Huawei's stock price?")
    assert_contract(out)  # answerable or not is the engine's calibration; the shape is ours


def test_history_may_be_a_json_string(client):
    out = client.predict(question="Which model powers it?", history='["What did Alibaba unveil?"]', api_name="/ask")
    assert_contract(out)


@pytest.mark.parametrize("question, history", [("", []), ("   ", []), ("x" * 5000, []), ("Hello?", [1, 2])])
def test_bad_input_is_an_error_object(client, question, history):
    out = client.predict(question=question, history=history, api_name="/ask")
    assert set(out) == {"error"} and out["error"]


def test_a_document_limits_the_search(client):
    out = client.predict(question="What did Alibaba unveil?", history=[], doc=ARTICLE, api_name="/ask_document")
    assert_contract(out)
    assert out["citations"] and all(c["doc"] == ARTICLE for c in out["citations"])
    assert "unknown document" in client.predict(question="What did Alibaba unveil?", history=[], doc="nope",
                                                api_name="/ask_document")["error"]


def test_endpoint_is_named_ask(client):
    assert "/ask" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]


def test_an_idle_page_sleeps(client):
    """Nobody asking: the server must not spin (Gradio's queue polls every 1 ms by default,
    8-11% of a core here; qa/ui.py sets 20 ms)."""
    import time

    import psutil

    ask(client, "What did Tencent introduce?")  # the engine is loaded and warm
    proc = psutil.Process(article_server().proc.pid)
    time.sleep(1)
    before, t = proc.cpu_times(), time.monotonic()
    time.sleep(4)
    after, wall = proc.cpu_times(), time.monotonic() - t
    used = (after.user + after.system - before.user - before.system) / wall
    assert used < 0.05, f"an idle page used {used:.1%} of a core"
