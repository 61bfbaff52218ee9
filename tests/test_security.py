"""Security: the server listens on loopback only, its file routes serve nothing from outside what
the page needs (path traversal, uploads, the queue-skipping /run route), and every piece of text
from a question or a document reaches the page as text, never as markup.
"""
from __future__ import annotations

import http.client
import importlib.util
import inspect
import re
import socket
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from qa import render
from qa.types import REFUSAL, Answer, Citation, Document
from ui_server import HOSTILE_TEXT, ROOT, article_server

# ---------------------------------------------------------------- markup allowlist

# every tag and attribute qa.render may emit; anything else in its output came from the input
ALLOWED = {
    "div": {"class"}, "p": {"class"}, "h1": set(), "h2": set(), "ol": {"class"}, "ul": {"class"},
    "li": set(), "a": {"class", "href", "title"}, "mark": {"class", "id", "data-n"}, "strong": {"class"}, "span": {"class", "title"},
    "article": {"class", "id"}, "header": set(), "footer": set(), "time": set(),
    "section": {"class"}, "details": {"class"}, "summary": set(),
}
SAFE_VALUE = {"class": re.compile(r"[a-z0-9 -]+"), "id": re.compile(r"qa-t\d+-c\d+"),
              "href": re.compile(r"#qa-t\d+-c\d+|#qa-chat"), "title": re.compile(r"Show source \d+|Ver la fuente \d+|查看来源 \d+|How likely the article answers the "
                                                 r"question, as the engine judges it|"
                                                 r"(Characters|Caracteres|字符位置) [\d,\u00a0–, ]+"), "data-n": re.compile(r"\d+")}


class MarkupCheck(HTMLParser):
    """Parses render output: fails on any tag, attribute or value render does not make itself,
    on comments and declarations; collects the text a browser would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED, f"unexpected tag <{tag}>"
        for name, value in attrs:
            assert name in ALLOWED[tag], f"unexpected attribute {name}= on <{tag}>"
            assert SAFE_VALUE[name].fullmatch(value or ""), f"unexpected value {name}={value!r}"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        raise AssertionError(f"comment in output: {data!r}")

    def handle_decl(self, decl):
        raise AssertionError(f"declaration in output: {decl!r}")

    def unknown_decl(self, data):
        raise AssertionError(f"declaration in output: {data!r}")

    def handle_pi(self, data):
        raise AssertionError(f"processing instruction in output: {data!r}")


def shown_text(html: str) -> str:
    """Check the markup is only ours; return the text a browser shows (entities decoded)."""
    p = MarkupCheck()
    p.feed(html)
    p.close()
    return "".join(p.text)


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><a href=javascript:alert(1)>click</a>",
    "<!-- comment --><![CDATA[x]]><?php echo 1; ?>",
    "&lt;already escaped&gt; &amp; &#60;script&#62;",
    '{{constructor.constructor("alert(1)")()}} ${alert(1)} #{1}',
    "[link](javascript:alert(1)) ![img](x) **bold** $x^2$",
    "<style>*{display:none}</style><link rel=stylesheet href=//evil/x.css>",
    "</p></div></article><script>x</script>",
    "<iframe src=//evil.example></iframe><object data=x></object>",
    "\u202e<b>rtl</b>\u202c \x00 \ud800",
    '<a href="#qa-t1-c1" onclick="alert(1)">[1]</a>',
]


def _plain(s: str) -> str:
    """The text as the page shows it: esc turns line ends into spaces and drops explicit bidi
    controls (an unclosed U+202E would reverse what follows it on the page)."""
    s = "".join(c for c in s if c not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    return s.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


@pytest.mark.parametrize("text", HOSTILE)
def test_question_is_text_in_user_and_error_messages(text):
    assert _plain(text) in shown_text(render.user_message(text))
    assert _plain(text) in shown_text(render.error_message(f"unknown document: {text}"))


@pytest.mark.parametrize("text", HOSTILE)
def test_document_is_text_in_answer_and_sources(text):
    body = f"Intro.\n\nThe zebra count rose {text} in August. Keepers said {text} twice.\n"
    doc_id = f'zoo"{text[:20]}'
    doc = Document(id=doc_id, title=f"Zoo {text}", text=body, date=f"2025-07-28{text[:10]}")
    docs = {doc_id: doc}
    para = body.index("The zebra")
    sentence = f"The zebra count rose {text} in August."
    start = body.index(sentence)
    word = body.index("zebra")
    c = Citation(doc_id, sentence, start, start + len(sentence), 0.9, answer_start=word, answer_end=word + 5,
                 passage_start=para, passage_end=len(body.rstrip()), section=f"Section {text}")
    other = f"Keepers said {text} twice."
    c2 = Citation(doc_id, other, body.index(other), body.index(other) + len(other), 0.8,
                  passage_start=para, passage_end=len(body.rstrip()))
    ans = Answer("q", f"{sentence} [1] {text} [2] [3]", True, 0.9, (c, c2))
    msg, panel = render.answer_message(ans, 2, docs), render.sources_panel(ans, 2, docs)
    assert _plain(sentence) in shown_text(msg) and _plain(other) in shown_text(msg)
    assert _plain(doc.title) in shown_text(msg)
    shown = shown_text(panel)
    assert _plain(sentence) in shown and _plain(doc.title) in shown and _plain(f"Section {text}") in shown
    assert shown.count("zebra") >= 1
    # markers link only to our anchors, and only to citations that exist
    assert set(re.findall(r'href="([^"]*)"', msg)) <= {"#qa-t2-c1", "#qa-t2-c2"}
    refusal = Answer("q", REFUSAL, False, 0.1, (), (c, c2))
    assert _plain(sentence) in shown_text(render.answer_message(refusal, 3, docs))
    assert _plain(other) in shown_text(render.sources_panel(refusal, 3, docs))
    # a citation whose document is unknown to the page falls back to the sentence, escaped
    assert _plain(sentence) in shown_text(render.sources_panel(ans, 4, {}))


@pytest.mark.parametrize("text", HOSTILE)
def test_header_and_status_are_text(text):
    docs = [Document(id=f"d{k}", title=f"{text} {k}", text="x", date=text[:12]) for k in range(5)]
    assert _plain(f"{text} 0") in shown_text(render.header_html(docs[:1]))
    assert _plain(f"{text} 2") in shown_text(render.header_html(docs))
    assert _plain(text) in shown_text(render.status_html("failed", f"The engine failed to load: {text}"))


def test_status_state_cannot_break_out_of_the_class_attribute():
    out = render.status_html('x" onmouseover="alert(1)', "hi")
    assert 'onmouseover="' not in out and "&quot;" in out


# ---------------------------------------------------------------- the page callbacks, real engine

@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    """The page's callbacks (no server) over an engine whose corpus is full of markup, with a
    file name that is markup too."""
    pytest.importorskip("gradio")
    from qa.engine import Engine
    from qa.ui import Page

    work = tmp_path_factory.mktemp("hostile-page")
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / "zoo-notes.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / 'otter"<b>notes<i>.txt').write_text(
        "Otter notes <img src=x onerror=alert(1)>\n\nThe otters at the zoo eat <b>nine</b> fish a day "
        "and sleep <script>alert('otter')</script> in the afternoon.\n", encoding="utf-8")
    engine = Engine(corpus, work / "index", progress=False).load()
    return Page(engine)


@pytest.mark.parametrize("question", [
    "How many zebras were counted at the zoo?",
    "How many fish do the otters eat?",
    "<script>alert(1)</script> What did the keepers write on the board?",
    '"><img src=x onerror=alert(1)> otters',
])
def test_page_callbacks_render_question_and_documents_as_text(hostile_page, question):
    outputs = list(hostile_page.respond(question, [], [], ""))
    box, chat, asked, sources, _panels, *_ = outputs[-1]
    assert asked == [question]
    user, bot = chat[-2]["content"], chat[-1]["content"]
    assert _plain(question) in shown_text(user)
    bot_text, panel_text = shown_text(bot), shown_text(sources)
    assert bot_text and panel_text
    for html in (bot, sources):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
    if "zebra" in question:
        assert "<script>window.__xss2=2</script>" in panel_text or "onerror" in panel_text


def test_page_header_names_a_markup_file_as_text(hostile_page):
    docs = list(hostile_page.docs().values())
    shown = shown_text(render.header_html(docs))
    assert any("<b>" in d.id for d in docs)
    assert "<script>" not in render.header_html(docs)
    assert "Zoo notes" in shown or "zoo" in shown.lower()


def test_page_error_for_a_markup_document_name_is_text(hostile_page):
    question = "What do the otters eat?"
    outputs = list(hostile_page.respond(question, [], [], '<img src=x onerror=alert(1)>'))
    box, chat, asked, *_ = outputs[-1]
    assert asked == []  # not asked: an error
    assert box == question, "the question goes back in the box to be edited"
    assert "unknown document" in shown_text(chat[-1]["content"])
    assert "<img" not in chat[-1]["content"]


# ---------------------------------------------------------------- the server: where it listens

def test_server_binds_loopback_only():
    psutil = pytest.importorskip("psutil")
    server = article_server()
    proc = psutil.Process(server.proc.pid)
    listening = [c.laddr for p in [proc, *proc.children(recursive=True)]
                 for c in p.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening, "the server listens nowhere?"
    assert {a.ip for a in listening} == {"127.0.0.1"}, listening
    assert server.port in {a.port for a in listening}
    # and it is not reachable through another local address of this machine
    try:
        others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        others = set()
    for ip in sorted(others)[:3]:
        if ip.startswith("127."):
            continue
        with socket.socket() as s:
            s.settimeout(1)
            assert s.connect_ex((ip, server.port)) != 0, f"server reachable on {ip}"


def test_every_entry_point_defaults_to_loopback(monkeypatch):
    """`python app.py`, `qa serve` and qa.ui.serve/launch all bind 127.0.0.1 unless told otherwise."""
    pytest.importorskip("gradio")
    from qa import cli, ui

    assert inspect.signature(ui.serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(ui.launch).parameters["host"].default == "127.0.0.1"
    seen = []
    monkeypatch.setattr(ui, "serve", lambda **kw: seen.append(kw))
    spec = importlib.util.spec_from_file_location("qa_app_entry", ROOT / "app.py")
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    for argv in (["app.py"], ["app.py", "--host", "0.0.0.0"]):
        monkeypatch.setattr(sys, "argv", argv)
        app.main()
    assert cli.main(["serve"]) == 0
    assert [kw["host"] for kw in seen] == ["127.0.0.1", "0.0.0.0", "127.0.0.1"]


def test_launch_settings_are_deliberate(monkeypatch):
    """What `launch` asks of Gradio: loopback, no share link, uploads refused, every question
    through the queue (bounded) with the engine's concurrency."""
    pytest.importorskip("gradio")
    from qa import ui

    calls = {}

    class FakeApp:
        def queue(self, **kw):
            calls["queue"] = kw
            return self

        def launch(self, **kw):
            calls["launch"] = kw

    ui.launch(FakeApp())
    assert calls["launch"]["server_name"] == "127.0.0.1"
    assert calls["launch"]["share"] is False and calls["launch"]["mcp_server"] is False
    assert calls["launch"]["max_file_size"] == 0
    assert calls["launch"]["enable_monitoring"] is False and calls["launch"]["show_error"] is False
    assert calls["queue"]["api_open"] is False and calls["queue"]["status_update_rate"] == ui.QUEUE_STATUS_EVERY_S
    assert calls["queue"]["max_size"] == ui.QUEUE_MAX_SIZE and 50 <= ui.QUEUE_MAX_SIZE <= 10_000
    assert 1 <= ui.ENGINE_CONCURRENCY <= 4
    ui.launch(FakeApp(), host="0.0.0.0")  # told otherwise: passed through
    assert calls["launch"]["server_name"] == "0.0.0.0"


# ---------------------------------------------------------------- the server: file routes

def raw_get(url: str, path: str, method: str = "GET", body: bytes | None = None, headers=None) -> tuple[int, bytes]:
    """A request with the path sent exactly as given (no client-side normalisation of ../)."""
    u = urlparse(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def _secrets(server) -> dict[str, bytes]:
    """Bytes that must never come back from a file route: the system's and the project's files."""
    secrets = {"app.py": b"def main() -> None:", "qa/engine.py": b"class QuestionError",
               "index manifest": b'"format_version"', "corpus file": b"Huawei took centre stage"}
    passwd = Path("/etc/passwd")
    if passwd.exists():
        secrets["/etc/passwd"] = passwd.read_bytes().splitlines()[0]
    return secrets


def traversal_paths(server) -> list[str]:
    work = server.work
    corpus_file = next((work / "corpus").iterdir())
    return [
        "/file=../../etc/passwd",
        "/file=/etc/passwd",
        "/gradio_api/file=/etc/passwd",
        "/gradio_api/file=../../../../../../etc/passwd",
        "/gradio_api/file=..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/gradio_api/file=%2Fetc%2Fpasswd",
        "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/gradio_api/file=%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/gradio_api/file=..\\..\\..\\..\\etc\\passwd",
        "/gradio_api/file=//etc/passwd",
        "/gradio_api/file=file:///etc/passwd",
        "/gradio_api/file=/proc/self/environ",
        "/gradio_api/file=/proc/self/cmdline",
        f"/gradio_api/file={ROOT / 'app.py'}",
        "/gradio_api/file=app.py",
        "/gradio_api/file=qa/engine.py",
        "/gradio_api/file=./qa/../app.py",
        f"/gradio_api/file={work / 'index' / 'manifest.json'}",
        f"/gradio_api/file={corpus_file}",
        f"/gradio_api/file={work / 'server.log'}",
        "/gradio_api/file=/tmp/gradio/../../etc/passwd",
        "/static/../../../../etc/passwd",
        "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/assets/../../../../../etc/passwd",
        "/..%2f..%2f..%2fetc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/favicon.ico/../../../etc/passwd",
        "/custom_component/../../../../etc/passwd",
        "/gradio_api/proxy=file:///etc/passwd",
        "/gradio_api/proxy=http://127.0.0.1:1/etc/passwd",
        "/gradio_api/file%3D/etc/passwd",
    ]


def test_path_traversal_returns_nothing_from_outside():
    server = article_server()
    secrets = _secrets(server)
    paths = traversal_paths(server)
    assert len(paths) >= 15
    report = []
    for path in paths:
        status, body = raw_get(server.url, path)
        leaked = [name for name, marker in secrets.items() if marker in body]
        report.append(f"{status} {path} {leaked or ''}")
        assert not leaked, f"{path} -> {status} leaked {leaked}:\n{body[:300]!r}"
        assert status >= 400 or len(body) < 200_000, f"{path} -> {status}, {len(body)} bytes"
    status, body = raw_get(server.url, "/")
    assert status == 200 and b"<html" in body.lower()  # the page itself is still served
    print("\n".join(report))


def test_uploads_are_refused():
    server = article_server()
    boundary = "qaBoundary7MA4YWxk"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"evil.html\"\r\n"
            f"Content-Type: text/html\r\n\r\n<script>alert(1)</script>\r\n--{boundary}--\r\n").encode()
    status, out = raw_get(server.url, "/gradio_api/upload", "POST", body,
                          {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status in (400, 403, 405, 413), (status, out[:300])
    assert b"evil.html" not in out


def test_the_queue_cannot_be_skipped():
    """/gradio_api/run/ask would run the engine outside the queue and its limits: closed."""
    server = article_server()
    status, out = raw_get(server.url, "/gradio_api/run/ask", "POST",
                          b'{"data": ["What did Alibaba unveil?", []]}', {"Content-Type": "application/json"})
    assert status >= 400, (status, out[:300])
    assert b"Quark" not in out
