"""Hostile input through every door: Engine.ask, one `qa ask --jsonl` process, and HTTP /ask.

Each input gets one answer or one error object with a clear message; the batch goes on, the
process exits 0, the server keeps serving, and every citation's offsets match its document.
"""
from __future__ import annotations

import http.client
import json
import math
import re

import pytest

from conftest import ARTICLE_ID, read_doc_text
from qa.engine import QuestionError
from qa.types import REFUSALS

pytestmark = pytest.mark.slow

HUAWEI = "What system did Huawei launch at the conference?"
ALIBABA = "What did Alibaba unveil?"
MB = 1_000_000

# (case id, question, history, doc, expectation): "answer", or "error:<words the message must hold>"
ENGINE_CASES = [
    ("empty", "", None, None, "error:empty"),
    ("whitespace", " \t\n\r\u3000 ", None, None, "error:empty"),
    ("1MB", "a" * MB, None, None, "error:too long|2,000"),
    ("1MB-of-words", "What did Huawei launch? " * 42_000, None, None, "error:too long|limit"),
    ("just-over-limit", "x" * 2001, None, None, "error:too long"),
    ("at-the-limit", ("Which system did Huawei launch at the conference in Shanghai? " * 40)[:2000], None, None,
     "answer"),
    ("control-chars-and-nul", "What\x00 did\x07 Huawei\x1b[31m launch\x7f at the\x0b conference?", None, None, "answer"),
    ("only-control-chars", "\x00\x01\x02\x1b\x7f", None, None, "error:no words"),
    ("lone-surrogate-inside", "What did \ud800 Huawei launch?\udfff", None, None, "answer"),
    ("lone-surrogate-only", "\ud800", None, None, "error:no words"),
    ("reversed-surrogate-pair", "\udc00\ud83d What did Alibaba unveil?", None, None, "answer"),
    ("rtl-arabic", "ماذا أطلقت هواوي في المؤتمر؟", None, None, "answer"),
    ("rtl-hebrew", "מה השיקה וואווי בכנס?", None, None, "answer"),
    ("bidi-override", "\u202eWhat did Huawei launch?\u202c\u2066x\u2069", None, None, "answer"),
    ("emoji-only", "🤖🚀🔥👍🏽", None, None, "error:no words"),
    ("emoji-zwj-only", "👨\u200d👩\u200d👧\u200d👦", None, None, "error:no words"),
    ("emoji-and-words", "🤖 What did Alibaba unveil? 🕶️", None, None, "answer"),
    ("zero-width-only", "\u200b\u200c\u200d\ufeff", None, None, "error:no words"),
    ("punctuation-only", "?!?!...;;", None, None, "error:no words"),
    ("html-script", "<script>alert(1)</script> What did Huawei launch?", None, None, "answer"),
    ("html-img-onerror", '<img src=x onerror="alert(1)">', None, None, "answer"),
    ("html-entities", "&lt;b&gt;What&lt;/b&gt; did Alibaba unveil? &amp; &#x3C;", None, None, "answer"),
    ("sql-drop", "'; DROP TABLE documents; -- What did Huawei launch?", None, None, "answer"),
    ("sql-or", "1' OR '1'='1' UNION SELECT * FROM users --", None, None, "answer"),
    ("template-and-format", "{{7*7}} ${7*7} %s %n %x {0} What did Alibaba unveil?", None, None, "answer"),
    ("regex-metachars", "What (.*) did [Huawei]+ launch?\\ ^$ |", None, None, "answer"),
    ("path-like-question", "../../etc/passwd", None, None, "answer"),
    ("newlines-and-tabs", "What\n\n\ndid\r\nHuawei\tlaunch?\n", None, None, "answer"),
    ("fullwidth", "Ｗｈａｔ ｄｉｄ Ｈｕａｗｅｉ ｌａｕｎｃｈ？", None, None, "answer"),
    ("combining-marks", "Wha\u0301t di\u0301d Hua\u0301wei\u0308 launch?", None, None, "answer"),
    ("chinese-with-emoji", "腾讯🚀发布了什么？", None, None, "answer"),
    ("spanish", "¿Qué lanzó Huawei en la conferencia?", None, None, "answer"),
    ("null-words", "null undefined None NaN", None, None, "answer"),
    ("history-10000", "Which model powers it?", [ALIBABA] * 10_000, None, "answer"),
    ("history-huge-entry", "Which model powers it?", ["x" * MB, ALIBABA], None, "answer"),
    ("history-hostile-entries", "Which model powers it?", ["\ud800\x00<script>", "🤖", "", ALIBABA], None, "answer"),
    ("history-tuple", "Which model powers it?", (ALIBABA,), None, "answer"),
    ("history-string", "Which model powers it?", ALIBABA, None, "error:history"),
    ("history-dict", "Which model powers it?", {"0": ALIBABA}, None, "error:history"),
    ("history-ints", "Which model powers it?", [1, 2, 3], None, "error:history"),
    ("history-none-entry", "Which model powers it?", [None], None, "error:history"),
    ("history-nested", "Which model powers it?", [[ALIBABA]], None, "error:history"),
    ("doc-unknown", ALIBABA, None, "no-such-document", "error:unknown document"),
    ("doc-traversal", ALIBABA, None, "../../etc/passwd", "error:unknown document"),
    ("doc-absolute", ALIBABA, None, "/etc/passwd", "error:unknown document"),
    ("doc-empty", ALIBABA, None, "", "error:unknown document"),
    ("doc-case-variant", ALIBABA, None, ARTICLE_ID.upper(), "answer"),  # the one id it matches, case aside
    ("doc-file-name", ALIBABA, None, ARTICLE_ID + ".txt", "answer"),
    ("doc-decomposed-unicode", ALIBABA, None, "Zu\u0308rich", "error:unknown document"),
    ("doc-int", ALIBABA, None, 3, "error:doc must be a string"),
    ("doc-list", ALIBABA, None, [ARTICLE_ID], "error:doc must be a string"),
    ("doc-article", "When was the article published?", None, ARTICLE_ID, "answer"),
    ("question-none", None, None, None, "error:must be a string"),
    ("question-int", 42, None, None, "error:must be a string"),
    ("question-float-nan", math.nan, None, None, "error:must be a string"),
    ("question-bool", True, None, None, "error:must be a string"),
    ("question-bytes", HUAWEI.encode(), None, None, "error:must be a string"),
    ("question-list", [HUAWEI], None, None, "error:must be a string"),
    ("question-dict", {"question": HUAWEI}, None, None, "error:must be a string"),
]


def check_citations(citations, corpus_dir, engine=None):
    for c in citations:
        text = read_doc_text(corpus_dir, c["doc"] if isinstance(c, dict) else c.doc)
        start, end, sentence = (c["start"], c["end"], c["sentence"]) if isinstance(c, dict) else (c.start, c.end, c.sentence)
        assert 0 <= start < end <= len(text), c
        assert text[start:end] == sentence, c
        if engine is not None and not isinstance(c, dict):
            assert c.passage_start <= c.start < c.end <= c.passage_end


def check_error(message, expect: str):
    assert isinstance(message, str) and message.strip(), message
    assert len(message) < 300, f"an error message should be short: {message[:300]!r}..."
    for words in expect.split(":", 1)[1].split("|"):
        assert words.lower() in message.lower(), f"{message!r} should mention {words!r}"


def test_engine_case_count():
    assert len(ENGINE_CASES) >= 40
    assert len({c[0] for c in ENGINE_CASES}) == len(ENGINE_CASES)


@pytest.mark.parametrize("name, question, history, doc, expect", ENGINE_CASES, ids=[c[0] for c in ENGINE_CASES])
def test_engine_ask_hostile(engine, corpus_dir, name, question, history, doc, expect):
    try:
        ans = engine.ask(question, history, doc)
    except QuestionError as exc:
        assert expect.startswith("error"), f"{name}: unexpected error {exc}"
        check_error(str(exc), expect)
        return
    assert expect == "answer", f"{name}: expected an error ({expect}), got {ans.answer[:100]!r}"
    assert 0.0 <= ans.confidence <= 1.0 and math.isfinite(ans.confidence)
    if ans.answerable:
        assert ans.citations
    else:
        assert ans.answer == REFUSALS[ans.lang] and not ans.citations
    check_citations(list(ans.citations) + list(ans.nearest), corpus_dir, engine)
    if doc is not None:  # the document meant: the id as typed, or the one it matches ("X.txt", another case)
        assert all(c.doc.casefold() == re.sub(r"\.txt$", "", doc).casefold() for c in ans.citations + ans.nearest)
    json.dumps(ans.contract("x"), allow_nan=False)  # the contract object is plain JSON


# ---------------------------------------------------------------- qa ask --jsonl

def jl(obj) -> bytes:
    """JSON as UTF-8 bytes; lone surrogates (which UTF-8 cannot hold) as \\uXXXX escapes."""
    try:
        return json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(obj).encode("ascii")


def _jsonl_cases() -> list[tuple[str, bytes, str, object]]:
    """(name, raw line without its newline, expectation, id expected in the output or None)."""
    cases = []
    for name, question, history, doc, expect in ENGINE_CASES:
        if isinstance(question, (bytes, float)) or isinstance(history, tuple):
            continue  # not JSON data; covered below in their JSON forms
        obj = {"id": f"e-{name}", "question": question}
        if history is not None:
            obj["history"] = history
        if doc is not None:
            obj["doc"] = doc
        cases.append((f"engine-{name}", jl(obj), expect, f"e-{name}"))
    raw = [
        ("blank-line", b"", "error:empty line", None),
        ("whitespace-line", b" \t ", "error:empty line", None),
        ("raw-nul-in-string", b'{"id": "rawnul", "question": "What\x00 did Huawei launch?"}', "error:json", None),
        ("escaped-nul", b'{"id": "escnul", "question": "What\\u0000 did Huawei launch?"}', "answer", "escnul"),
        ("escaped-lone-surrogate", b'{"id": "sur", "question": "\\ud800 What did Huawei launch?"}', "answer", "sur"),
        ("only-lone-surrogate", b'{"id": "sur2", "question": "\\udfff"}', "error:no words", "sur2"),
        ("invalid-utf8-in-string", b'{"id": "badutf", "question": "caf\xe9 \xff\xfe?"}', "error:utf-8", "badutf"),
        ("invalid-utf8-line", b"\xff\xfe\xfd\xc0\x80", "error:utf-8", None),
        ("overlong-utf8-nul", b'{"id": "overlong", "question": "a\xc0\x80b"}', "error:utf-8", "overlong"),
        ("utf8-bom", b'\xef\xbb\xbf{"id": "bom", "question": "What did Alibaba unveil?"}', "answer", "bom"),
        ("not-json", b"this is not json at all", "error:json", None),
        ("json-array", b"[1, 2, 3]", "error:json object", None),
        ("json-string", b'"What did Huawei launch?"', "error:json object", None),
        ("json-number", b"42", "error:json object", None),
        ("json-null", b"null", "error:json object", None),
        ("json-true", b"true", "error:json object", None),
        ("deep-100000-[", b"[" * 100_000, "error:json", None),
        ("deep-100000-balanced", b"[" * 100_000 + b"]" * 100_000, "error:json", None),
        ("deep-objects", b'{"a":' * 100_000, "error:json", None),
        ("deep-inside-history", b'{"id": "deeph", "question": "x?", "history": ' + b"[" * 100_000 + b"]" * 100_000
         + b"}", "error:json", None),
        ("truncated-object", b'{"id": "trunc", "question": "unterminated', "error:json", None),
        ("missing-question", jl({"id": "noq"}), "error:question", "noq"),
        ("question-float", jl({"id": "qf", "question": 1.5}), "error:must be a string", "qf"),
        ("question-nan-literal", b'{"id": "qnan", "question": NaN}', "error:must be a string", "qnan"),
        ("history-list-of-ints", jl({"id": "hi", "question": ALIBABA, "history": [1, 2]}), "error:history", "hi"),
        ("very-long-id", jl({"id": "i" * 100_000, "question": ALIBABA}), "answer", "i" * 100_000),
        ("id-int", jl({"id": 123, "question": ALIBABA}), "answer", 123),
        ("id-big-int", b'{"id": 123456789012345678901234567890, "question": "What did Alibaba unveil?"}',
         "answer", 123456789012345678901234567890),
        ("id-float", jl({"id": 1.5, "question": ALIBABA}), "answer", 1.5),
        ("id-list", jl({"id": [1, 2], "question": ALIBABA}), "error:id must be", None),
        ("id-dict", jl({"id": {"a": 1}, "question": ALIBABA}), "error:id must be", None),
        ("id-bool", jl({"id": True, "question": ALIBABA}), "error:id must be", None),
        ("id-nan", b'{"id": NaN, "question": "What did Alibaba unveil?"}', "error:id must be", None),
        ("id-infinity", b'{"id": 1e999, "question": "What did Alibaba unveil?"}', "error:id must be", None),
        ("id-null", jl({"id": None, "question": ALIBABA}), "answer", None),
        ("id-missing", jl({"question": ALIBABA}), "answer", None),
        ("id-int-beyond-float", jl({"id": 10 ** 400, "question": ALIBABA}), "answer", 10 ** 400),
        ("id-html", jl({"id": "<script>alert(1)</script>", "question": ALIBABA}), "answer", "<script>alert(1)</script>"),
        ("id-lone-surrogate", b'{"id": "a\\ud800b", "question": "What did Alibaba unveil?"}', "answer", "a?b"),
        ("duplicate-keys", b'{"id": "d1", "id": "d2", "question": "What did Alibaba unveil?"}', "answer", "d2"),
        ("extra-keys", jl({"id": "extra", "question": ALIBABA, "k": {"deep": [1]}, "doc": None}), "answer", "extra"),
        ("crlf", jl({"id": "crlf", "question": HUAWEI}) + b"\r", "answer", "crlf"),
        ("trailing-garbage", jl({"id": "tg", "question": HUAWEI}) + b" xyz", "error:json", None),
        ("two-objects-one-line", jl({"id": "t1", "question": HUAWEI}) + jl({"id": "t2", "question": HUAWEI}),
         "error:json", None),
        ("1MB-history-line", jl({"id": "hmb", "question": "Which model powers it?", "history": ["y" * 100] * 10_000}),
         "answer", "hmb"),
        ("last", jl({"id": "last", "question": HUAWEI}), "answer", "last"),
    ]
    return cases + raw


JSONL_CASES = _jsonl_cases()


@pytest.fixture(scope="module")
def jsonl_run(engine, corpus_dir, index_dir):
    """One `qa ask --jsonl` process over every case (the index is built by the session engine)."""
    import subprocess

    from test_contract import SUBPROCESS_TIMEOUT, env, qa_command

    stdin = b"".join(raw + b"\n" for _, raw, _, _ in JSONL_CASES)
    cmd = qa_command() + ["ask", "--jsonl", "--corpus", str(corpus_dir), "--index", str(index_dir)]
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=env(), timeout=SUBPROCESS_TIMEOUT)
    return p


def test_jsonl_case_count():
    assert len(JSONL_CASES) >= 40


def test_jsonl_exits_0_with_one_json_object_line_per_input_line(jsonl_run):
    assert jsonl_run.returncode == 0, jsonl_run.stderr.decode(errors="replace")[-3000:]
    text = jsonl_run.stdout.decode("utf-8")  # stdout is valid UTF-8
    assert text.endswith("\n")
    lines = text.split("\n")[:-1]
    assert len(lines) == len(JSONL_CASES), f"{len(lines)} output lines for {len(JSONL_CASES)} input lines"
    for s in lines:
        obj = json.loads(s, parse_constant=lambda c: pytest.fail(f"{c} is not JSON: {s[:200]}"))
        assert isinstance(obj, dict)


@pytest.mark.parametrize("k", range(len(JSONL_CASES)), ids=[c[0] for c in JSONL_CASES])
def test_jsonl_hostile_line(jsonl_run, corpus_dir, k):
    name, raw, expect, qid = JSONL_CASES[k]
    lines = jsonl_run.stdout.decode("utf-8").split("\n")[:-1]
    obj = json.loads(lines[k])  # in order: line k answers input line k
    where = f"{name}: {raw[:80]!r} -> {json.dumps(obj, ensure_ascii=False)[:300]}"
    if expect == "answer":
        assert "error" not in obj, where
        assert set(obj) == {"id", "answer", "answerable", "confidence", "citations"}, where  # "id": null without one
        assert 0.0 <= obj["confidence"] <= 1.0, where
        check_citations(obj["citations"], corpus_dir)
    else:
        assert set(obj) <= {"id", "error"} and "error" in obj, where
        check_error(obj["error"], expect)
    if qid is not None:
        assert obj.get("id") == qid, where
    elif expect == "answer":
        assert obj["id"] is None, where
    else:
        assert "id" not in obj, where


def test_jsonl_stderr_has_no_traceback(jsonl_run):
    assert b"Traceback" not in jsonl_run.stderr, jsonl_run.stderr.decode(errors="replace")[-3000:]


def test_jsonl_over_long_line_gets_a_limit_message(engine, monkeypatch):
    """A line over the JSONL line limit (8 MB; lowered here) is answered with an error, not read
    into memory whole, and the next line is answered as usual."""
    import io

    from qa import cli

    monkeypatch.setattr(cli, "MAX_LINE_BYTES", 1000)
    stdin = io.BytesIO(jl({"id": "big", "question": "z" * 5000}) + b"\n" + jl({"id": "ok", "question": HUAWEI}) + b"\n"
                       + b"q" * 3000)  # and a last over-long line without a newline
    out = io.StringIO()
    assert cli.ask_jsonl(engine, stdin, out) == 0
    got = [json.loads(s) for s in out.getvalue().splitlines()]
    assert len(got) == 3
    assert set(got[0]) == {"error"} and "limit" in got[0]["error"]
    assert got[1]["id"] == "ok" and "answer" in got[1]
    assert set(got[2]) == {"error"} and "limit" in got[2]["error"]


# ---------------------------------------------------------------- HTTP /ask on the running server

def http_ask(url: str, body: bytes, content_type: str = "application/json") -> tuple[int, object]:
    """POST /gradio_api/call/ask then read the event stream: (status, answer/error object)."""
    from urllib.parse import urlparse

    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    try:
        conn.request("POST", "/gradio_api/call/ask", body=body, headers={"Content-Type": content_type})
        r = conn.getresponse()
        data = r.read()
        if r.status != 200:
            return r.status, json.loads(data) if data.startswith(b"{") else data.decode(errors="replace")
        event_id = json.loads(data)["event_id"]
        conn.request("GET", f"/gradio_api/call/ask/{event_id}")
        r = conn.getresponse()
        stream = r.read().decode("utf-8")
    finally:
        conn.close()
    event = next(line[len("event: "):] for line in stream.splitlines() if line.startswith("event: "))
    payload = json.loads(next(line[len("data: "):] for line in stream.splitlines() if line.startswith("data: ")))
    if event == "complete":
        return 200, payload[0]
    return 200, {"error": payload.get("error") if isinstance(payload, dict) else payload, "event": event}


def call(question, history=()) -> bytes:
    return jl({"data": [question, history]})


# (name, request body, expectation): "answer", "error:<words>" (an error object from /ask),
# "error-event" (Gradio refuses the call before /ask runs), "4xx" (the HTTP layer refuses it)
HTTP_CASES = [
    ("empty", call(""), "error:empty"),
    ("whitespace", call("  \t\n "), "error:empty"),
    ("1MB", call("a" * MB), "error:too long"),
    ("control-and-nul", call("What\x00 did\x07 Huawei launch?"), "answer"),
    ("lone-surrogate", b'{"data": ["\\ud800 What did Huawei launch?", []]}', "answer"),
    ("rtl", call("ماذا أطلقت هواوي في المؤتمر؟"), "answer"),
    ("emoji-only", call("🤖🚀🔥"), "error:no words"),
    ("html-script", call("<script>alert(1)</script><img src=x onerror=alert(1)>"), "answer"),
    ("sql", call("'; DROP TABLE documents; --"), "answer"),
    ("history-10000", call("Which model powers it?", [ALIBABA] * 10_000), "answer"),
    ("history-string-not-json", call("Which model powers it?", "not a list"), "error:history"),
    ("history-json-string", call("Which model powers it?", json.dumps([ALIBABA])), "answer"),
    ("history-deeply-nested-string", call("Which model powers it?", "[" * 100_000), "error:history"),
    ("history-dict", call("Which model powers it?", {"a": 1}), "error:history"),
    ("history-ints", call("Which model powers it?", [1, 2]), "error:history"),
    ("question-null", call(None), "error:must be a string"),
    ("question-number", call(42), "error:must be a string"),
    ("question-list", call([HUAWEI]), "error:must be a string"),
    ("no-arguments", b'{"data": []}', "error-event"),
    ("data-not-a-list", b'{"data": "What did Huawei launch?"}', "4xx"),
    ("body-not-json", b"this is not json", "4xx"),
    ("body-invalid-utf8", b'{"data": ["caf\xe9 \xff", []]}', "4xx"),
    ("body-deeply-nested", b'{"data": ' + b"[" * 100_000, "4xx"),
    ("body-array", b"[1, 2, 3]", "4xx"),
]


@pytest.fixture(scope="module")
def server():
    from ui_server import article_server

    return article_server()


def test_http_case_count():
    assert len(HTTP_CASES) >= 15


@pytest.mark.parametrize("name, body, expect", HTTP_CASES, ids=[c[0] for c in HTTP_CASES])
def test_http_ask_hostile(server, corpus_dir, name, body, expect):
    status, out = http_ask(server.url, body)
    where = f"{name}: {status} {str(out)[:300]}\n--- server log ---\n{server.log()[-1500:]}"
    assert server.proc.poll() is None, where
    if expect == "4xx":
        assert 400 <= status < 500, where
        return
    assert status == 200 and isinstance(out, dict), where
    if expect == "error-event":
        assert out.get("event") == "error", where
        return
    if expect == "answer":
        assert "error" not in out, where
        assert set(out) == {"answer", "answerable", "confidence", "citations"}, where
        check_citations(out["citations"], corpus_dir)
    else:
        assert set(out) == {"error"}, where
        check_error(out["error"], expect)


def test_http_server_keeps_serving_after_hostile_input(server):
    for name, body, _ in HTTP_CASES:  # all of them once more, back to back
        http_ask(server.url, body)
    status, out = http_ask(server.url, call(HUAWEI))
    assert status == 200 and out.get("answerable") is True, out
    assert "CloudMatrix 384" in out["citations"][0]["sentence"]
    assert server.proc.poll() is None
    log = server.log()
    assert "RecursionError" not in log and "ask failed" not in log, log[-2000:]  # no internal errors
