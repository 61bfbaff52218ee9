"""The page's HTML formatting (qa.render): escaping, highlighting by offsets, refusals. No model."""
from __future__ import annotations

import re
import string
from dataclasses import replace
from types import SimpleNamespace

import pytest

from qa import render
from qa.types import REFUSAL, Answer, Citation, Document

TEXT = "Intro line.\n\nFirst <b>bold</b> claim. The CloudMatrix 384 launched & won. Last one."
DOC = Document(id="d1", title="Title <i>x</i>", text=TEXT, date="2025-07-28")
DOCS = {"d1": DOC}


def cite(sentence: str, **kw) -> Citation:
    start = TEXT.index(sentence)
    para = TEXT.index("First")
    return Citation("d1", sentence, start, start + len(sentence), 0.9,
                    passage_start=para, passage_end=len(TEXT), **kw)


def test_passage_highlights_the_cited_sentence_and_escapes():
    c = cite("The CloudMatrix 384 launched & won.")
    out = render.passage_html(TEXT, c)
    assert '<mark class="qa-hl">The CloudMatrix 384 launched &amp; won.</mark>' in out
    assert out.startswith("First &lt;b&gt;bold&lt;/b&gt; claim. ")
    assert out.endswith(" Last one.")


def test_answer_span_is_highlighted_more_strongly():
    s = "The CloudMatrix 384 launched & won."
    c = cite(s, answer_start=TEXT.index("CloudMatrix"), answer_end=TEXT.index("CloudMatrix") + len("CloudMatrix 384"))
    assert '<strong class="qa-span">CloudMatrix 384</strong>' in render.passage_html(TEXT, c)


def test_bad_passage_bounds_fall_back_to_the_sentence():
    c = Citation("d1", "Last one.", TEXT.index("Last"), len(TEXT), 0.5, passage_start=999, passage_end=5)
    assert render.passage_html(TEXT, c) == '<mark class="qa-hl">Last one.</mark>'


def test_answer_message_links_markers_and_escapes():
    c = cite("First <b>bold</b> claim.")
    ans = Answer("q", "First <b>bold</b> claim. [1]", True, 0.9, (c,))
    out = render.answer_message(ans, 3, DOCS)
    assert '<a class="qa-marker" href="#qa-t3-c1"' in out
    assert "<b>" not in out and "&lt;b&gt;bold&lt;/b&gt;" in out
    assert "Title &lt;i&gt;x&lt;/i&gt;" in out


def test_refusal_is_styled_and_labels_nearest_passages():
    ans = Answer("q", REFUSAL, False, 0.1, (), (cite("Last one."),))
    msg = render.answer_message(ans, 1, DOCS)
    assert "qa-refusal" in msg and render.NEAREST_LABEL in msg
    panel = render.sources_panel(ans, 1, DOCS)
    assert "qa-nearest" in panel and render.NEAREST_LABEL in panel and 'id="qa-t1-c1"' in panel


def test_a_refusal_with_nothing_near_says_so_without_a_nearest_label():
    ans = Answer("What is the capital of France?", REFUSAL, False, 0.01, (), ())
    msg, panel = render.answer_message(ans, 1, DOCS), render.sources_panel(ans, 1, DOCS)
    assert "qa-refusal" in msg and render.NEAREST_LABEL not in msg + panel
    assert render.NOTHING_NEAR in panel


def test_user_text_cannot_inject_markup():
    q = '<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) "quoted"'
    out = render.user_message(q)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "\n" not in out  # no blank line could end the HTML block
    assert "&quot;quoted&quot;" in out


def test_header_names_the_documents_escaped():
    assert "“Title &lt;i&gt;x&lt;/i&gt;” (2025-07-28)" in render.header_html([DOC])
    many = render.header_html([DOC] * 5)
    assert "5 documents" in many and "and 2 more" in many


FOOTER = re.compile(r'<footer><span class="qa-where" title="([^"]*)">([^<]*)</span><a class="qa-back"')


def footer(html: str) -> tuple[str, str]:
    """What the (first) card's footer shows before its "Back to the answer" link, spaces as
    spaces, and the offsets it gives on hover."""
    m = FOOTER.search(html)
    return m.group(2).replace("\u00a0", " "), m.group(1)


def test_source_card_gives_offsets_not_the_rankers_probability():
    s = "The CloudMatrix 384 launched & won."
    card = render.source_card(cite(s), 1, 1, DOCS)
    start = TEXT.index(s)
    assert footer(card) == ("", f"Characters {start}–{start + len(s)}")
    assert "score" not in card  # a list question's best sentence may read 0.01: not for the page


def test_source_card_says_which_paragraph_and_keeps_the_offsets_on_hover():
    """"characters 1340–1482" alone was cryptic, and "Paragraph 5 of 8 · characters 2,208–2,328,
    2,329–2,415" still a developer's detail: the card shows the paragraph, where the page knows it
    (qa/ui.py `Page.paragraph`), and gives the offsets (the contract's start and end) on hover."""
    s = "The CloudMatrix 384 launched & won."
    c = cite(s)
    card = render.source_card(c, 1, 1, DOCS, paragraph=lambda x: (2, 12))
    # it stays on one line where the footer wraps (a phone)
    assert f'<span class="qa-where" title="Characters {c.start}–{c.end}">Paragraph\u00a02\u00a0of\u00a012</span>' in card
    panel = render.sources_panel(Answer("q", f"{s} [1]", True, 0.9, (c,)), 1, DOCS, lambda x: (2, 12))
    assert footer(panel) == ("Paragraph 2 of 12", f"Characters {c.start}–{c.end}")
    long = replace(DOC, text="Filler. " * 200 + TEXT)
    at = long.text.index(s)
    far = Citation("d1", s, at, at + len(s), 0.9, passage_start=at, passage_end=at + len(s))
    assert at > 1000 and footer(render.source_card(far, 1, 1, {"d1": long}))[1] == f"Characters {at:,}–{at + len(s):,}"
    spanish = render.source_card(far, 1, 1, {"d1": long}, paragraph=lambda x: (3, 9), lang="es")
    assert footer(spanish) == ("Párrafo 3 de 9", f"Caracteres {at}–{at + len(s)}")  # no comma: a decimal mark there


def test_citations_of_one_passage_share_a_card():
    a, b = cite("First <b>bold</b> claim."), cite("Last one.")
    panel = render.sources_panel(Answer("q", "x [1] y [2]", True, 0.9, (a, b)), 2, DOCS)
    assert panel.count('<article class="qa-source"') == 1
    assert 'id="qa-t2-c1"' in panel and 'id="qa-t2-c2"' in panel  # both markers still have a target
    assert panel.count('<mark class="qa-hl"') == 2 and panel.count('class="qa-num"') == 2
    other = Citation("d1", "Intro line.", 0, 11, 0.5, passage_start=0, passage_end=11)
    panel = render.sources_panel(Answer("q", "x [1] y [2]", True, 0.9, (a, other)), 2, DOCS)
    assert panel.count('<article class="qa-source"') == 2


def test_a_documents_bidi_override_cannot_reverse_the_page():
    """An unclosed U+202E in a cited sentence would display the markers and the following,
    uncited sentences reversed ("Trojan Source"); the page drops explicit bidi controls, keeps
    right-to-left letters, and the citation keeps every character."""
    text = "Its Hebrew name is זורבלאק\u202e reversed here. The reactor was shut down in 2020."
    doc = Document(id="d2", title="Reactor", text=text)
    s = "Its Hebrew name is זורבלאק\u202e reversed here."
    c = Citation("d2", s, 0, len(s), 0.9, passage_start=0, passage_end=len(text))
    ans = Answer("q", f"{s} [1]", True, 0.8, (c,), ())
    shown = render.passage_html(text, c) + render.answer_message(ans, 0, {"d2": doc})
    assert "\u202e" not in shown and "זורבלאק" in shown
    assert c.sentence == text[c.start:c.end] and "\u202e" in c.sentence


def test_the_chat_bubble_bolds_the_short_answer_too():
    s = "The CloudMatrix 384 launched & won."
    a = TEXT.index("CloudMatrix")
    c = cite(s, answer_start=a, answer_end=a + len("CloudMatrix 384"))
    out = render.answer_message(Answer("q", f"{s} [1]", True, 0.9, (c,)), 1, DOCS)
    assert 'The <strong class="qa-span">CloudMatrix 384</strong> launched &amp; won. <a class="qa-marker"' in out


def test_several_highlights_of_one_card_are_numbered_in_reading_order():
    a, b = cite("First <b>bold</b> claim."), cite("Last one.")
    panel = render.sources_panel(Answer("q", "x [1] y [2]", True, 0.9, (b, a)), 2, DOCS)
    assert panel.index('data-n="2"') < panel.index('data-n="1"')  # [2] comes first in the text
    first, last = TEXT.index("First"), TEXT.index("Last")
    assert footer(panel)[1].startswith(f"Characters {first}–{first + len('First <b>bold</b> claim.')}, {last}–")
    alone = render.sources_panel(Answer("q", "x [1]", True, 0.9, (a,)), 2, DOCS)
    assert "data-n" not in alone  # one highlight: its card's number says it


def test_earlier_answers_keep_their_sources_folded_under_their_question():
    a, b = cite("First <b>bold</b> claim."), cite("Last one.")
    old = render.sources_panel(Answer("q1", "x [1]", True, 0.9, (a,)), 1, DOCS)
    new = render.sources_panel(Answer("q2", "y [1]", True, 0.9, (b,)), 2, DOCS)
    shown = render.with_earlier(new, [(1, "Who <b>won</b>?", old)])
    assert shown.startswith(new) and 'id="qa-t1-c1"' in shown and 'id="qa-t2-c1"' in shown
    assert "<details" in shown and "Who &lt;b&gt;won&lt;/b&gt;?" in shown
    assert render.with_earlier(new, []) == new


def test_a_sentence_across_line_ends_is_not_listed_again_under_the_answer():
    text = "Intro.\n\nFinance says the\n> budget is 5000 euros in total.\n"
    doc = Document(id="m", title="Mail", text=text)
    s = text[text.index("Finance"):]
    s = s[:s.index(".") + 1]
    c = Citation("m", s, text.index(s), text.index(s) + len(s), 0.9, passage_start=text.index(s),
                 passage_end=text.index(s) + len(s))
    out = render.answer_message(Answer("q", "Finance says the budget is 5000 euros in total. [1]", True, 0.9, (c,)), 1,
                                {"m": doc})
    assert "qa-cited" not in out and "&gt;" not in out


@pytest.mark.parametrize("line, answer, listed", [
    ("date 2025-07-28", "The article is dated 2025-07-28. [1]", False),
    ("From: Priya Shah <priya@example.com>", "The e-mail is from Priya Shah <priya@example.com>. [1]", False),
    ("Published 14 May 2026 · 4 min read", "The article is dated 2026-05-14. [1]", True),  # as written: another form
])
def test_a_metadata_line_the_answer_spells_out_is_not_listed_again(line, answer, listed):
    """"When was this written?" answered "The article is dated 2025-07-28. [1]" and then listed
    "1. [1] date 2025-07-28" under it: the same date twice, the second as a raw line (the fourth
    audit). The card in the panel shows the line; the bubble lists it only when it says more."""
    text = f"{line}\nBody text here.\n"
    doc = Document(id="m", title="Note", text=text)
    c = Citation("m", line, 0, len(line), 1.0, passage_start=0, passage_end=len(line))
    out = render.answer_message(Answer("q", answer, True, 1.0, (c,), kind="date"), 1, {"m": doc})
    assert ("qa-cited" in out) is listed


def test_the_status_line_moves_on_once_the_index_is_built():
    """A first run's status said "Building the index (first run)" until the engine had read the
    documents' words too: an answer arrived under it, and the line then went back to "loading the
    language models" (the fourth audit). Once the index is built the line says what is left."""
    pytest.importorskip("gradio")
    import logging
    import threading

    from qa import ui

    built, words = threading.Event(), threading.Event()

    class Engine:
        documents, index = [DOC], SimpleNamespace(sentences=[None] * 3)

        def load(self):
            logging.getLogger("qa.index").info("building index: embedding 3 sentences")
            built.wait(10)
            return self

        def warm_up(self):
            words.wait(10)
            return self

    def until(condition) -> None:  # the warm-up thread's next step, within 2 s
        for _ in range(200):
            if condition():
                return
            threading.Event().wait(0.01)

    warmup = ui.Warmup(Engine())
    warmup.start()
    try:
        until(lambda: warmup.building)
        assert warmup.building and ui.status_message(warmup).startswith("Building the index")
        built.set()
        until(lambda: not warmup.building)
        assert ui.status_message(warmup) == "Warming up: reading the documents' words…"
        assert ui.status_message(warmup, "es") == "Preparando: leyendo las palabras de los documentos…"
    finally:
        built.set(), words.set()
    warmup._thread.join(10)
    assert warmup.ready


def test_examples_are_the_corpus_own():
    pytest.importorskip("gradio")
    from qa.types import Document
    from qa.ui import examples_for

    article = Document(id="2025-07-28-china-ai-alliances-waic", title="China AI Alliances WAIC", text="")
    rivers = [Document(id="beta-river", title="Beta River", text=""), Document(id="alpha-corp", title="Alpha Corp", text="")]
    assert examples_for([article])[0] == "What is this article about?"
    assert "What system did Huawei launch at the conference?" in examples_for([article])
    # another corpus is not asked about Huawei: the gist of its documents, by title
    assert examples_for(rivers) == ["What is the Beta River article about?", "What is the Alpha Corp article about?"]
    assert len(examples_for(rivers + [article])) == 5 and examples_for([]) == []


MD = ("Orbit 2.0 ships on **March 3, 2026** and replaces the [sync engine](https://example.com/a?b=1&c=\"2\").\n"
      "The `orbit sync` command is *three times faster*; my_file_name and 5 * 3 stay as written.")
MD_DOC = Document(id="notes", title="Notes", text=MD, path="corpus/notes.md")
TXT_DOC = Document(id="notes", title="Notes", text=MD, path="corpus/notes.txt")


def md_cite(sentence: str, **kw) -> Citation:
    start = MD.index(sentence)
    return Citation("notes", sentence, start, start + len(sentence), 0.9, passage_start=0, passage_end=len(MD), **kw)


def test_a_markdown_documents_marks_show_as_formatting_in_its_passage():
    first = MD.split("\n")[0]
    date = MD.index("March 3, 2026")
    c = md_cite(first, answer_start=date, answer_end=date + len("March 3, 2026"))  # the span sits inside "**…**"
    card = render.source_card(c, 1, 1, {"notes": MD_DOC})
    assert '<strong class="qa-span"><strong>March 3, 2026</strong></strong>' in card
    assert ('<a class="qa-link" href="https://example.com/a?b=1&amp;c=&quot;2&quot;" target="_blank" '
            'rel="noopener noreferrer nofollow">sync engine</a>') in card
    assert "<code>orbit sync</code>" in card and "<em>three times faster</em>" in card
    assert "**" not in card and "`" not in card and "](" not in card
    assert "my_file_name and 5 * 3 stay" in card  # an underscore inside a word, a lone star: text
    assert footer(card)[1] == f"Characters {c.start}–{c.end}"  # the offsets are the document's, marks included


def test_a_text_documents_stars_stay_as_written():
    c = md_cite(MD.split("\n")[0])
    card = render.source_card(c, 1, 1, {"notes": TXT_DOC})
    assert "**March 3, 2026**" in card and "<code>" not in card


def test_marks_of_two_quoted_sentences_never_pair_up():
    a = Document("a", "A", "Name files _like this.", path="a.md")
    b = Document("b", "B", "Or like_ that.", path="b.md")
    cites = tuple(Citation(d.id, d.text, 0, len(d.text), 0.9, passage_start=0, passage_end=len(d.text)) for d in (a, b))
    ans = Answer(question="q", answer=f"{a.text} [1] {b.text} [2]", answerable=True, confidence=0.9, citations=cites)
    msg = render.answer_message(ans, 1, {"a": a, "b": b})
    assert "Name files _like this." in msg and "Or like_ that." in msg and "<em>" not in msg


def test_the_answer_bubble_formats_a_markdown_sentence():
    s = MD.split("\n")[1]
    ans = Answer(question="How fast?", answer=f"{s} [1]", answerable=True, confidence=0.8, citations=[md_cite(s)])
    msg = render.answer_message(ans, 1, {"notes": MD_DOC})
    assert "<code>orbit sync</code>" in msg and 'href="#qa-t1-c1"' in msg and "`" not in msg


@pytest.mark.parametrize("text, shown", [
    ("[x](javascript:alert(1))", "x"),                          # a link, but not a URL we follow
    ("[x](data:text/html,hi)", "x"),
    ("[Foo](https://en.wikipedia.org/wiki/Foo_(bar))",
     '<a class="qa-link" href="https://en.wikipedia.org/wiki/Foo_(bar)" target="_blank" rel="noopener noreferrer nofollow">Foo</a>'),
    ("<https://docs.python.org/3/x.html#object.__init__>",
     '<a class="qa-link" href="https://docs.python.org/3/x.html#object.__init__" target="_blank" '
     'rel="noopener noreferrer nofollow">https://docs.python.org/3/x.html#object.__init__</a>'),
    (r"path `C:\Users\_me` and ``code `x` here``", r"path <code>C:\Users\_me</code> and <code>code `x` here</code>"),
    (r"a \*literal\* star", "a *literal* star"),
    ("**unclosed and a *lone star", "**unclosed and a *lone star"),
    ("<b>raw html</b> **bold**", "&lt;b&gt;raw html&lt;/b&gt; <strong>bold</strong>"),
    ("***both*** and ~~gone~~", "<em><strong>both</strong></em> and <s>gone</s>"),
    ("**a *b* c**", "<strong>a </strong><em><strong>b</strong></em><strong> c</strong>"),
])
def test_markup_is_read_conservatively_and_escaped(text, shown):
    from qa import markup

    assert markup.show(text, 0, len(text), markup.styles(text), render.esc) == shown


def test_the_bubble_is_worded_in_the_askers_language():
    refusal = Answer("q", "El artículo no lo dice.", False, 0.1, (), (cite("Last one."),), lang="es")
    html = render.answer_message(refusal, 1, {})
    assert "Pasajes más cercanos (no son una respuesta)" in html and "Nearest" not in html
    answer = Answer("q", "Last one. [1]", True, 0.8, (cite("Last one."),), lang="zh")
    html = render.answer_message(answer, 1, {})
    assert "置信度 80%" in html and "查看来源 1" in html and "confidence 80%" not in html
    english = render.answer_message(replace(answer, lang="en"), 1, {})
    assert "confidence 80%" in english and 'title="How likely the article answers' in english


def test_a_pasted_page_is_not_shown_whole_in_the_chat():
    shown = render.user_message("word " * 1000)
    assert len(shown) < 800 and "(5,000 characters)" in shown
    assert render.user_message("Short?") == '<div class="qa-user">Short?</div>'


def test_several_documents_are_not_called_the_article():
    from qa.intent import reply

    two = [DOC, Document(id="d2", title="Other", text="Some text.")]
    assert "<h1>Ask the documents</h1>" in render.header_html(two)
    assert "<h1>Ask the article</h1>" in render.header_html([DOC])
    assert "the documents" in reply("thanks", "en", several=True) and "the article" in reply("thanks", "en")
    assert "los documentos" in reply("thanks", "es", several=True)


def test_a_long_earlier_question_is_shortened_over_its_folded_sources():
    """A pasted paragraph asked earlier is not shown whole in the panel's history (a UX audit):
    its start, with the whole question on hover."""
    import re

    from qa.render import FOLDED_QUESTION_CHARS, with_earlier

    long = "Tell me about the Huawei system and its chips and how it compares with Nvidia. " * 5
    html = with_earlier("<p>latest</p>", [(1, long, "<p>panel</p>"), (2, "Short?", "<p>panel</p>")])
    shown = re.findall(r"<summary[^>]*>(.*?)</summary>", html)
    assert len(shown[0]) <= FOLDED_QUESTION_CHARS + 1 and shown[0].endswith("…")
    assert f'title="{long}"' in html and shown[1] == "Short?"


@pytest.mark.parametrize("lang, cited, place, back, nearest, nothing, earlier", [
    ("es", "Fuentes citadas: 1", "Párrafo 2 de 12", "Volver a la respuesta ↑", "Pasajes más cercanos (no son una respuesta)",
     "Ningún pasaje se acerca a esta pregunta.", "Respuestas anteriores"),
    ("zh", "来源 · 引用 1 处", "第 2 段（共 12 段）", "返回回答 ↑", "最接近的段落（并非答案）", "没有与这个问题相近的段落。", "之前的回答"),
])
def test_the_sources_panel_is_worded_in_the_askers_language(lang, cited, place, back, nearest, nothing, earlier):
    """A Spanish or Chinese question's chat was in its language and its panel English ("SOURCES ·
    1 CITED", "Paragraph 2 of 12", "Back to the answer ↑", "EARLIER ANSWERS"): the panel's own
    words follow the asker too; the cited sentences stay as the document writes them."""
    c = cite("Last one.")
    panel = render.sources_panel(Answer("q", "Last one. [1]", True, 0.9, (c,), lang=lang), 2, DOCS, lambda x: (2, 12))
    text = panel.replace("\u00a0", " ")
    assert f"<h2>{cited}</h2>" in text and f">{place}</span>" in text and back in text and ">Last one.</mark>" in panel
    shown = render.with_earlier(panel, [(1, "q", panel)], lang)
    assert f"<h2>{earlier}</h2>" in shown
    refusal = Answer("q", "…", False, 0.1, (), (c,), lang=lang)
    assert f"<h2>{nearest}</h2>" in render.sources_panel(refusal, 3, DOCS)
    assert nothing in render.sources_panel(replace(refusal, nearest=()), 3, DOCS)
    everything = shown + render.sources_panel(refusal, 3, DOCS) + render.answer_message(refusal, 3, DOCS)
    everything = re.sub(r"<[^>]*>", " ", everything)  # what a reader sees, not the class names
    for english in ("Sources", "cited", "Paragraph", "Back to the answer", "Earlier answers", "Nearest"):
        assert english not in everything, english
    english = render.with_earlier(render.sources_panel(Answer("q", "x [1]", True, 0.9, (c,)), 2, DOCS), [(1, "q", "")])
    assert "<h2>Sources · 1 cited</h2>" in english and "<h2>Earlier answers</h2>" in english


def test_a_chinese_refusal_heads_its_nearest_passages_with_a_chinese_colon():
    refusal = Answer("q", "文章没有提到。", False, 0.1, (), (cite("Last one."),), lang="zh")
    assert "最接近的段落（并非答案）：</p>" in render.answer_message(refusal, 1, DOCS)


@pytest.mark.parametrize("lang, badge, hedge", [
    ("en", "low confidence · 33%", "This may not answer your question exactly."),
    ("es", "confianza baja · 33%", "Puede que esto no responda exactamente a tu pregunta."),
    ("zh", "置信度低 · 33%", "这未必能准确回答你的问题。"),
])
def test_an_answer_the_engine_is_unsure_of_says_so_calmly(lang, badge, hedge):
    """An answer at 33% looked exactly like one at 90%: below render.LOW_CONFIDENCE its confidence
    is an amber "low confidence" badge and a muted line hedges it, in the asker's language; a sure
    answer, a request and a refusal are as they were."""
    c = cite("Last one.")
    unsure = render.answer_message(Answer("q", "Last one. [1]", True, 0.33, (c,), lang=lang), 1, DOCS)
    assert f'<span class="qa-confidence qa-low" title="' in unsure and f">{badge}</span>" in unsure
    assert f'<p class="qa-meta qa-hedge">{hedge}</p>' in unsure
    at = render.LOW_CONFIDENCE
    for sure in (Answer("q", "Last one. [1]", True, at, (c,), lang=lang),
                 Answer("q", "Last one. [1]", True, 0.33, (c,), kind="gist", lang=lang),
                 Answer("q", "…", False, 0.2, (), (c,), lang=lang)):
        html = render.answer_message(sure, 1, DOCS)
        assert "qa-low" not in html and "qa-hedge" not in html and badge not in html
    assert "confidence 50%" in render.answer_message(Answer("q", "Last one. [1]", True, at, (c,)), 1, DOCS)


@pytest.mark.parametrize("browser, lang", [
    ("es-ES", "es"), ("es-419", "es"), ("zh-CN", "zh"), ("zh-TW", "zh"), ("zh", "zh"), ("en-US", "en"), ("fr-FR", "fr"),
    ("", "en"), (None, "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("en;q=0.5,es-MX", "es"), ("fr,es;q=0.9", "fr"),
    ("nl-NL", "en"), ("nl,es;q=0.9", "en"), ("pt_BR", "pt"), ("de-CH;q=0.8,ja;q=0.9", "ja"),
])
def test_the_page_is_in_the_browsers_first_language(browser, lang):
    """A language tag (navigator.language) or an Accept-Language header: its entry with the highest
    q (the browser's first preference, in practice), one language only, as Gradio's own
    translations pick theirs; a language the page has words for (render.WORDS) in any region,
    English otherwise."""
    assert render.frame_language(browser) == lang


@pytest.mark.parametrize("lang, title, subtitle, empty, ready, clear, hint", [
    ("es", "Pregunta al artículo", "Las respuestas citan tal cual las frases en las que se basan, tomadas de «Title &lt;i&gt;x&lt;/i&gt;» (2025-07-28).",
     "Haz una pregunta: aquí aparecerán las frases", "Listo · 1 documento, 12\u00a0208 frases indexadas",
     "Borrar la conversación", "Escribe primero una pregunta."),
    ("zh", "向文章提问", "回答会原样引用所依据的句子，出自《Title &lt;i&gt;x&lt;/i&gt;》（2025-07-28）。",
     "提个问题：回答所依据的句子会显示在这里", "就绪 · 1 篇文档，已索引 12,208 个句子", "清空对话", "请先输入问题。"),
    ("en", "Ask the article", "Answers quote the exact sentences they stand on, from “Title &lt;i&gt;x&lt;/i&gt;” (2025-07-28).",
     "Ask a question: the sentences the answer stands on", "Ready · 1 document, 12,208 sentences indexed",
     "Clear conversation", "Type a question first."),
    ("fr", "Interroger l&#x27;article", "Les réponses citent mot pour mot les phrases sur lesquelles elles s&#x27;appuient, "
     "tirées de «\u00a0Title &lt;i&gt;x&lt;/i&gt;\u00a0» (2025-07-28).", "Posez une question\u00a0: les phrases",
     "Prêt · 1 document, 12\u202f208 phrases indexées", "Effacer la conversation", "Saisissez d'abord une question."),
    ("de", "Fragen an den Artikel", "Die Antworten zitieren wörtlich die Sätze, auf die sie sich stützen, aus "
     "„Title &lt;i&gt;x&lt;/i&gt;“ (2025-07-28).", "Stellen Sie eine Frage: Hier erscheinen",
     "Bereit · 1 Dokument, 12.208 Sätze indexiert", "Unterhaltung löschen", "Bitte geben Sie zuerst eine Frage ein."),
    ("ja", "記事に質問する", "回答は「Title &lt;i&gt;x&lt;/i&gt;」（2025-07-28）から、根拠となる文をそのまま引用します。",
     "質問してください。", "準備完了 · 1 件の文書、12,208 文をインデックス済み", "会話をクリア", "先に質問を入力してください。"),
])
def test_the_pages_frame_is_worded_in_the_visitors_language(lang, title, subtitle, empty, ready, clear, hint):
    """A Spanish or Chinese visitor (or French, German, Japanese...) saw an English page until they
    asked: the header, the status line, the empty sources panel, the controls (Gradio's gr.I18n)
    and the page script's words (the hint by the box, the clear's empty panel) come in the
    visitor's language, from one table."""
    pytest.importorskip("gradio")
    from types import SimpleNamespace

    from qa import ui

    assert f"<h1>{title}</h1><p>{subtitle}</p>" in render.header_html([DOC], lang)
    assert empty in render.empty_panel(lang) and render.empty_panel(lang) == render.sources_panel(None, 0, DOCS, lang=lang)
    engine = SimpleNamespace(documents=[DOC], index=SimpleNamespace(sentences=[None] * 12208))
    warmup = SimpleNamespace(engine=engine, ready=True, state="ready")
    assert ui.status_message(warmup, lang) == ready
    starting = SimpleNamespace(engine=engine, ready=False, state="warming", detail="tfidf: embedding 20 sentences",
                               detail_words=None, building=True)
    assert ui.status_message(starting, lang).startswith(render.words(lang)["phase_building"])
    assert ("embedding" in ui.status_message(starting, lang)) == (lang == "en")  # the engine's log line is English
    assert ui.I18N.translations[lang]["qa.clear"] == clear and ui.I18N.translations[lang]["qa.ask"] == render.words(lang)["ask"]
    assert hint in ui.PAGE_JS and empty in ui.CLEAR_JS
    assert set(render.words(lang)) == set(render.WORDS["en"])  # every word in every language
    fields = string.Formatter()  # ... with the same {fields} to fill as the English
    for key, english in render.WORDS["en"].items():
        assert ({f for _, f, _, _ in fields.parse(render.words(lang)[key]) if f}
                == {f for _, f, _, _ in fields.parse(english) if f}), key
    if lang != "en":  # nothing of the frame left in English
        shown = re.sub(r"<[^>]*>", " ", render.header_html([DOC, DOC], lang) + render.empty_panel(lang))
        for english in ("Ask the", "Answers quote", "documents:", "Ask a question"):
            assert english not in shown, english


def test_on_a_phone_an_answer_says_its_source_is_below():
    """On a phone the sources panel is under the chat, out of view: the answer links to its first
    card ("See the source below ↓", in the asker's language; CSS shows it on a narrow screen only)."""
    c = cite("Last one.")
    one = render.answer_message(Answer("q", "Last one. [1]", True, 0.9, (c,)), 2, DOCS)
    assert '<p class="qa-meta qa-below"><a class="qa-below-link" href="#qa-t2-c1">See the source below ↓</a></p>' in one
    two = render.answer_message(Answer("q", "x [1] y [2]", True, 0.9, (c, cite("First <b>bold</b> claim.")), lang="es"), 1, DOCS)
    assert ">Ver las fuentes abajo ↓</a>" in two
    refusal = render.answer_message(Answer("q", "文章没有提到。", False, 0.1, (), (c,), lang="zh"), 3, DOCS)
    assert 'href="#qa-t3-c1">在下方查看最接近的段落 ↓</a>' in refusal
    assert "qa-below" not in render.answer_message(Answer("q", REFUSAL, False, 0.1, (), ()), 1, DOCS)  # nothing to see


def _engine_reasons() -> list[str]:
    """The reasons the engine gives, as it words them, for the questions the page can send it
    (a string with something in it: the page sends nothing else), and for an empty corpus."""
    from qa.engine import Engine, QuestionError

    engine, reasons = Engine("corpus", "index", progress=False), []
    index = SimpleNamespace(sentences=[None], doc_rows={}, documents=[], skipped=lambda doc: None)
    for question, where in (("x" * 12_345, index), ("?! 🤖 \x00", index),
                            ("What is it?", SimpleNamespace(sentences=[], doc_rows={}, documents=[]))):
        with pytest.raises(QuestionError) as raised:
            engine.validate(question, [], None, where)
        reasons.append(str(raised.value))
    return reasons


@pytest.mark.parametrize("lang, cant, said", [
    ("es", "No se puede hacer esa pregunta: ", ("la pregunta es demasiado larga (12\u00a0345 caracteres; el máximo es 2000)",
                                                "la pregunta no tiene palabras que buscar",
                                                "no hay nada en lo que buscar")),
    ("zh", "无法提问：", ("问题太长（12,345 个字符，上限为 2,000 个）", "问题里没有可搜索的词", "没有可搜索的内容")),
])
def test_a_question_that_cannot_be_asked_says_why_in_the_pages_language(lang, cant, said):
    """"Can't ask that: question is too long (…)" was English on a Spanish or Chinese page: the
    engine's reasons (English, as /ask and the JSONL keep them) are said in the page's words, with
    their counts; in English in the page's own words, as a sentence (the fourth audit read the
    engine's "question has no words to search for (only symbols, …)" as jargon)."""
    reasons = _engine_reasons()
    for reason, words in zip(reasons, said, strict=True):
        html = render.error_message(reason, lang)
        assert html.startswith(f'<div class="qa-msg qa-error">{cant}') and words in html, html
        assert "Can't ask" not in html and "Can&#x27;t ask" not in html and " ".join(reason.split()[:3]) not in html
        english = render.error_message(reason)
        assert english.startswith('<div class="qa-msg qa-error">Can&#x27;t ask that: ') and english.endswith(".</div>")
    assert render.reason_in(reasons[0], "en") == "it is 12,345 characters long, and a question can be at most 2,000."
    assert render.reason_in(reasons[1], "en") == "it has no words to search for, only symbols, emoji or control characters."


def test_a_reason_the_page_has_no_words_for_is_shown_as_it_is():
    """The API's own reasons (history, doc) never reach the page's chat; one that did, or a reason
    worded otherwise than REASONS expects, is shown in English rather than not at all."""
    for reason in ("unknown document: 'x'; documents are 'a'", "question is too long", "a <b>new</b> reason"):
        html = render.error_message(reason, "es")
        assert html == f'<div class="qa-msg qa-error">No se puede hacer esa pregunta: {render.esc(reason)}</div>'
    assert render.error_message("question is empty", "zh").endswith("无法提问：question is empty</div>")


def test_the_page_says_why_in_its_language_when_the_engine_fails_or_refuses():
    """qa/ui.py's own reason (the engine failed) goes through the same words as the engine's."""
    pytest.importorskip("gradio")
    from qa import ui
    from qa.engine import QuestionError

    def failing(*_):
        raise RuntimeError("boom")

    page = ui.Page(SimpleNamespace(ask=failing))
    assert page._answer("q", [], None) == (
        '<div class="qa-msg qa-error">Can&#x27;t ask that: the engine failed (RuntimeError); see the server log.</div>', None)
    reply, sources = page._answer("q", [], None, "es")
    assert sources is None and "el motor falló (RuntimeError); consulta el registro del servidor" in reply
    assert "引擎出错（RuntimeError），详见服务器日志" in page._answer("q", [], None, "zh")[0]

    def refusing(*_):
        raise QuestionError(_engine_reasons()[1])

    page.engine.ask = refusing
    assert "无法提问：问题里没有可搜索的词（只有符号、表情或控制字符）" in page._answer("?!", [], None, "zh")[0]


@pytest.mark.parametrize("lang, length", [("en", "(5,000 characters)"), ("es", "(5000 caracteres)"),
                                          ("zh", "（5,000 个字符）"), ("fr", "(5\u202f000 caractères)"),
                                          ("de", "(5.000 Zeichen)"), ("ru", "(символов: 5\u00a0000)"),
                                          ("ja", "（5,000 文字）")])
def test_a_long_questions_length_is_said_in_the_pages_language(lang, length):
    shown = render.user_message("word " * 1000, lang)
    assert shown.endswith(f"{length}</div>") and (lang == "en") == ("characters" in shown)


@pytest.mark.parametrize("question, note", [
    ("Where did Alpha Corp build a factory?", "“Gone &amp; co” is no longer in the corpus: searched all documents."),
    ("¿Dónde construyó Alpha Corp una fábrica?", "«Gone &amp; co» ya no está en el corpus: se ha buscado en todos los documentos."),
    ("阿尔法公司在哪里建了工厂？", "《Gone &amp; co》已不在语料库中：已在全部文档中搜索。"),
])
def test_a_picked_document_gone_since_is_said_in_the_askers_language(question, note):
    """The line above an answer searched in all documents, the one picked having left the corpus,
    is in the words of the answer under it: the asker's language, whatever the page's."""
    pytest.importorskip("gradio")
    from qa import ui
    from qa.engine import QuestionError
    from qa.question import language

    def ask(question, history, doc):
        if doc:
            raise QuestionError(f"unknown document: {doc!r}; documents are 'd1'")
        return Answer(question, "…", False, 0.1, (), (), lang=language(question))

    engine = SimpleNamespace(ask=ask, documents=[DOC], index=SimpleNamespace(documents=[DOC], sentences=[None]))
    page = ui.Page(engine)
    page.warmup.state = "ready"
    shown = [["d1", DOC.title, DOC.date], ["gone", "Gone & co", ""]]
    for frame in ("en", "es", "zh"):
        chat = list(page._respond(question, [], [], "gone", [], shown, frame))[-1][1]
        assert chat[-1]["content"].startswith(f'<p class="qa-meta qa-scope">{note}</p>'), chat[-1]["content"]
