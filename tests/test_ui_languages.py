"""The page's own words in every language of render.WORDS: the same keys and {fields} as the
English, the browser's language chosen, and each language's numbers, marks and lists. No model."""
from __future__ import annotations

import re
import string

import pytest

from qa import render
from qa.types import Answer, Citation, Document

LANGS = sorted(render.WORDS)
NEW = ("fr", "de", "it", "pt", "ru", "ja", "ko")  # the languages the engine answered in, the page did not
TEXT = "Intro line.\n\nFirst claim. The CloudMatrix 384 launched & won. Last one."
DOC = Document(id="d1", title="Title <i>x</i>", text=TEXT, date="2025-07-28")


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _cite(sentence: str) -> Citation:
    start = TEXT.index(sentence)
    return Citation("d1", sentence, start, start + len(sentence), 0.9,
                    passage_start=TEXT.index("First"), passage_end=len(TEXT))


def test_the_page_has_words_in_the_languages_the_engine_answers_in():
    from qa.types import REFUSALS

    assert set(NEW) <= set(render.WORDS)
    assert set(render.WORDS) == set(REFUSALS)  # an answer's words (Answer.lang) are the refusal's language


@pytest.mark.parametrize("question, lang", [("Quelle puce Huawei a-t-il présentée ?", "fr"),
                                            ("Welchen Chip hat Huawei vorgestellt?", "de"),
                                            ("What chip did Huawei show?", "en")])
def test_an_answer_is_worded_in_the_language_asked_in(question, lang):
    """The bubble and the sources panel around a cited sentence follow the question's language,
    not only a refusal: before, a French question's answer was framed in English."""
    from qa.answer import in_language
    from qa.question import words_language

    cited = _cite("The CloudMatrix 384 launched & won.")
    ans = Answer(question, cited.sentence, True, 0.9, (cited,))
    shown = in_language(ans, words_language(question))
    assert shown.lang == lang and shown.answer == ans.answer
    assert render.esc(render.words(lang)["cited"].format(n=1)) in render.sources_panel(shown, 1, {"d1": DOC})


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_exactly_the_english_keys(lang):
    assert set(render.WORDS[lang]) == set(render.WORDS["en"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_word_has_the_english_fields(lang):
    """Each string fills the same {fields} as the English one: a missing one loses a count or a
    title, an extra one raises KeyError on the page."""
    for key, english in render.WORDS["en"].items():
        assert _fields(render.WORDS[lang][key]) == _fields(english), (lang, key)


@pytest.mark.parametrize("lang", LANGS)
def test_a_paragraphs_place_does_not_break_across_lines(lang):
    """"Paragraph 3 of 8" stays whole where a phone's footer wraps: no space the line may break at."""
    place = render.WORDS[lang]["paragraph"]
    assert " " not in place and render.NB in place, place


# the mark a title opens with, in each language (the closing one follows it)
QUOTES = {"en": "“", "es": "«", "zh": "《", "fr": "«", "de": "„", "it": "«", "pt": "“", "ru": "«", "ja": "「", "ko": "‘"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_title_and_a_typed_word_are_quoted_with_the_languages_own_marks(lang):
    w = render.WORDS[lang]
    assert not any('"' in text for text in w.values())  # never a straight quote
    assert w["doc_named"].startswith(QUOTES[lang]), w["doc_named"]
    if lang in NEW:
        assert QUOTES[lang] in w["pair"] and QUOTES[lang] in w["section"], lang


@pytest.mark.parametrize("browser, lang", [
    ("fr-FR", "fr"), ("de-DE,de;q=0.9,en;q=0.8", "de"), ("pt-BR", "pt"), ("ja", "ja"), ("ko-KR", "ko"), ("ru", "ru"),
    ("it-IT", "it"), ("fr-CA", "fr"), ("de-CH", "de"), ("pt-PT", "pt"), ("ja-JP", "ja"), ("ru-RU", "ru"),
    ("en-US", "en"), ("es-MX", "es"), ("zh-TW", "zh"), ("nl-NL", "en"),
    ("en-GB,en;q=0.9,fr;q=0.8", "en"),  # the top entry counts, not any the page has words for
    ("it;q=0.5,ko;q=0.7", "ko"),
])
def test_a_browser_gets_its_own_language(browser, lang):
    assert render.frame_language(browser) == lang


@pytest.mark.parametrize("lang, shown", [
    ("en", "12,208"), ("es", "12\u00a0208"), ("zh", "12,208"), ("fr", "12\u202f208"), ("de", "12.208"),
    ("it", "12.208"), ("pt", "12.208"), ("ru", "12\u00a0208"), ("ja", "12,208"), ("ko", "12,208"),
])
def test_a_count_is_grouped_as_its_language_groups_digits(lang, shown):
    """"12,208 Sätze" reads as twelve point two in German: each language's own group mark."""
    assert render.number(12208, lang) == shown
    assert render.number(208, lang) == "208"
    assert render.number(2208, lang) == ("2208" if lang == "es" else shown.replace("12", "2", 1))


@pytest.mark.parametrize("lang", NEW)
def test_the_words_fill_their_places(lang):
    """Every word of the answer, the panel and the frame, filled: nothing left in braces, nothing
    in English."""
    pytest.importorskip("gradio")
    from types import SimpleNamespace

    from qa import ui

    w = render.WORDS[lang]
    docs = [Document(id=f"d{k}", title=f"T{k}", text=TEXT) for k in range(5)]
    c = _cite("Last one.")
    answer = Answer("q", "Last one. [1]", True, 0.33, (c,), respelt=(("lst", "last"), ("onr", "one")), lang=lang)
    refusal = Answer("q", "…", False, 0.1, (), (c,), lang=lang)
    engine = SimpleNamespace(documents=docs, index=SimpleNamespace(sentences=[None] * 12208))
    shown = "".join((
        render.header_html([DOC], lang), render.header_html(docs, lang), render.header_html([], lang),
        render.answer_message(answer, 1, {"d1": DOC}), render.answer_message(refusal, 2, {"d1": DOC}),
        render.sources_panel(answer, 1, {"d1": DOC}, lambda x: (2, 3)), render.sources_panel(refusal, 2, {"d1": DOC}),
        render.with_earlier("", [(1, "q", "")], lang), render.empty_panel(lang), render.user_message("x " * 400, lang),
        render.pending_message(True, lang), render.pending_message(False, lang),
        *(render.error_message(reason, lang) for reason in (
            "question is too long (2,500 characters; the limit is 2,000)",
            "question has no words to search for (only symbols, emoji or control characters)",
            "there is nothing to search: the corpus has no usable documents")),
        ui.status_message(SimpleNamespace(engine=engine, ready=True, state="ready"), lang),
        ui.status_message(SimpleNamespace(engine=engine, ready=False, state="warming", detail="x",
                                          detail_words="loading_models", building=True), lang),
    ))
    text = re.sub(r"<[^>]*>", " ", shown)
    assert "{" not in text and "}" not in text
    for english in ("From", "confidence", "Read", "Paragraph", "Nearest", "Ask", "Answers quote", "Can't", "Ready",
                    "Warming", "loading", "characters", "more", "Earlier", "cited", "Back to"):
        assert not re.search(rf"\b{english}\b", text), (lang, english)
    assert w["hedge"] in text and w["ready_many"].split("{")[0].strip() in text


def test_a_list_in_japanese_is_joined_with_its_own_comma():
    """The titles an answer is from, and the words read otherwise, as the language lists them."""
    c = _cite("Last one.")
    answer = Answer("q", "Last one. [1]", True, 0.9, (c,), respelt=(("lst", "last"), ("onr", "one")), lang="ja")
    html = render.answer_message(answer, 1, {"d1": DOC})
    assert "「lst」を「last」、「onr」を「one」と読み替えました。" in html
    english = render.respelt_note(Answer("q", "x", True, 0.9, respelt=(("lst", "last"), ("onr", "one"))))
    assert "Read “lst” as “last”, “onr” as “one”." in english


@pytest.mark.parametrize("lang, colon", [("en", ": "), ("fr", "\u00a0: "), ("de", ": "), ("zh", "："), ("ja", "："),
                                         ("ko", ": ")])
def test_a_chat_message_is_labelled_with_the_languages_colon(lang, colon):
    """The page script labels a message "Question: …" for a screen reader: a space after a Latin
    colon (French " : "), none after a full-width one."""
    pytest.importorskip("gradio")
    import shutil
    import subprocess

    from qa import ui

    node = shutil.which("node")
    if node is None:
        pytest.skip("no node to run the page script's expression")
    expression = re.search(r"who \+ words\.colon \+ \(.*?\) \+", ui.PAGE_JS, re.S)
    assert expression, "the label's expression moved"
    script = (f"const words = {{colon: {render.WORDS[lang]['colon']!r}}}; const who = 'Q';"
              f"process.stdout.write({expression.group(0)} 'text');")
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=30, check=True).stdout
    assert out == f"Q{colon}text"


def test_the_page_script_and_style_know_every_language():
    """The page's <head> script picks among render.WORDS' languages (not only English, Spanish and
    Chinese), and hides the English first drafts for every other language."""
    pytest.importorskip("gradio")
    import json

    from qa import ui

    langs = re.search(r"window\.qaLang = (\[.*?\])\.includes", ui.HEAD_JS)
    assert langs and set(json.loads(langs.group(1))) == set(render.WORDS)
    assert 'html[data-qa-lang]:not([data-qa-lang="en"]) .qa-unframed' in ui.CSS
    assert set(ui.I18N.translations) == set(render.WORDS)
    for lang in NEW:
        assert json.dumps(render.WORDS[lang]["type_first"], ensure_ascii=False) in ui.PAGE_JS
        assert render.empty_panel(lang) in json.loads(re.search(r"const empty = (\{.*?\});", ui.CLEAR_JS).group(1)).values()


# Browsers in the new languages: Gradio ships French and Japanese, Brazilian Portuguese under
# "pt-BR" (our words are "pt"'s) and no Italian at all (the words come with `Page.load` only).
@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("locale, lang", [("fr-FR", "fr"), ("pt-BR", "pt"), ("it-IT", "it"), ("ja-JP", "ja")])
def test_a_browser_in_a_new_language_gets_the_page_in_it(locale, lang):
    import os

    from ui_server import CHROMIUM, CHROMIUM_FLAGS, article_server

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    w = render.WORDS[lang]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            pg = browser.new_context(locale=locale, viewport={"width": 1400, "height": 900}).new_page()
            pg.goto(article_server().url)
            pg.wait_for_selector(".qa-status.qa-ready", timeout=90_000)
            assert pg.evaluate("document.documentElement.dataset.qaLang") == lang
            assert pg.locator("#qa-header h1").inner_text().strip() == w["title_article"] == pg.title()
            assert pg.locator("#qa-status").inner_text().strip().startswith(w["ready_one"].split("{")[0].strip())
            assert pg.locator("#qa-clear").inner_text().strip() == w["clear"]
            assert pg.locator("#qa-ask").inner_text().strip() == w["ask"]
            assert pg.get_attribute("#qa-question textarea", "placeholder") == w["box_article"]
            assert w["chat_article"] in pg.locator("#qa-chat").inner_text()
            assert pg.locator("#qa-sources .qa-empty").inner_text().strip() == w["empty_sources"]
            pg.press("#qa-question textarea", "Enter")
            assert pg.locator("#qa-hint").inner_text() == w["type_first"]
            pg.fill("#qa-question textarea", "What did Tencent introduce?")
            pg.press("#qa-question textarea", "Enter")
            pg.locator('[data-testid="bot"] .qa-answer').first.wait_for(timeout=90_000)
            # a screen reader hears "Question : What did…" (French), "質問：What did…" (Japanese)
            space = "" if w["colon"].endswith("：") else " "
            label = f'{w["question_label"]}{w["colon"]}{space}What did Tencent introduce?'
            pg.wait_for_selector(f'#qa-chat [aria-label="{label}"]', timeout=5_000)
        finally:
            browser.close()


@pytest.mark.parametrize("question, lang", [("Comment s'appelle la première alliance ?", "fr"),
                                            ("Как называется второй консорциум?", "ru"),
                                            ("¿Cómo se llama el segundo consorcio?", "es"),
                                            ("What is the second consortium called?", "en"),
                                            ("Wat heeft Huawei op de conferentie gelanceerd?", "en")])  # no Dutch words
def test_the_words_around_an_answer_are_the_question_languages_where_the_page_has_them(question, lang):
    from qa.question import words_language

    assert words_language(question) == lang
