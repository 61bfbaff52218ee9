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


def test_endpoint_is_named_ask(client):
    assert "/ask" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]
