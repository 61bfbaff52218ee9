"""Misspelt question words are read as the document spells them, real words never (qa.spelling)."""
from __future__ import annotations

import numpy as np
import pytest

from qa import render
from qa.lexical import tokenize
from qa.question import parse
from qa.spelling import Vocabulary, fold, is_common, respell

TEXT = ("The structural design of the Pétion-Ville school failed. Engineers in the West studied "
        "the design for years. Setanta Sports bought the rights. It was unveiled in February. "
        "The city centre was recognised as a heritage site.")
VOCAB = Vocabulary.of([TEXT])
KNOWN = {t for toks in tokenize([TEXT]) for t in toks}


def read(question: str):
    return respell(parse(question), lambda: VOCAB, KNOWN)


def test_fold_sets_aside_case_accents_hyphens_and_apostrophes():
    assert fold("Pétion-Ville") == "petionville"
    assert fold("Metax’s") == fold("metaxs")


@pytest.mark.parametrize("typed, meant", [
    ("structual", "structural"),    # a letter left out
    ("desgin", "design"),           # two letters swapped: one edit
    ("Feburary", "February"),
    ("Petionville", "Pétion-Ville"),  # accents and hyphen only
    ("Sentanta", "Setanta"),        # a name
])
def test_typos_are_read_as_the_documents_word(typed, meant):
    assert VOCAB.closest(typed, common=is_common) == meant


@pytest.mark.parametrize("word", [
    "fewest",        # two edits from "West", but an English word of its own
    "peaches",
    "qwertyuiopas",  # nothing close
    "Sa",            # too short to guess at
    "Whät",          # "what" with an accent: a common word, not "that"
])
def test_real_words_and_far_strings_are_left_alone(word):
    assert VOCAB.closest(word, common=is_common) is None


def test_the_question_is_searched_and_shown_as_read():
    q = read("How many stories was the Petionville school and its structual desgin?")
    assert q.respelt == (("Petionville", "Pétion-Ville"), ("structual", "structural"), ("desgin", "design"))
    assert "Pétion-Ville" in q.text and "structural design" in q.search
    assert set(tokenize(["structural design"])[0]) <= set(q.tokens)


@pytest.mark.parametrize("typed, meant", [("center", "centre"), ("recognized", "recognised")])
def test_american_spellings_are_read_as_the_documents_british_ones(typed, meant):
    assert VOCAB.closest(typed, common=is_common) == meant  # common words, but the same word


def test_spelling_variants_need_a_root():
    from qa.spelling import spelling_variants

    assert "colour" in spelling_variants("color") and "analyse" in spelling_variants("analyze")
    assert spelling_variants("four") == []  # not "for"


def test_a_question_without_typos_is_untouched():
    q = parse("Where did engineers in the West study the design?")
    assert respell(q, lambda: VOCAB, KNOWN) is q


def test_the_vocabulary_is_read_only_for_an_unknown_word():
    calls = []

    def vocabulary():
        calls.append(1)
        return VOCAB

    respell(parse("Who bought the rights of Setanta Sports?"), vocabulary, KNOWN)
    assert calls == []
    respell(parse("Who bought the rights of Sentanta Sports?"), vocabulary, KNOWN)
    assert calls == [1]


def test_only_the_first_few_unknown_words_are_looked_up():
    from qa.spelling import MAX_UNKNOWN

    gibberish = ["zqx" + chr(97 + k // 26) + chr(97 + k % 26) for k in range(40)]
    q = read(" ".join(["structual", *gibberish, "desgin"]) + "?")
    assert q.respelt == (("structual", "structural"),)  # "desgin" comes after the first few
    assert MAX_UNKNOWN < 40


def test_a_vocabulary_not_read_yet_changes_nothing():
    q = parse("What is the structual design?")
    assert respell(q, lambda: None, KNOWN) is q
    # "conferance" stems as "conference" does but is spelt unlike it: read only once the words are
    text = "The conference was held in Shanghai."
    known, odd = set(tokenize([text])[0]), parse("Where was the conferance held?")
    assert respell(odd, lambda: None, known) is odd
    assert respell(odd, lambda: Vocabulary.of([text]), known).respelt == (("conferance", "conference"),)


def test_other_languages_are_not_respelt():
    q = parse("¿Qué diseño estructual falló?")
    assert respell(q, lambda: VOCAB, KNOWN) is q


def test_the_page_says_how_it_read_the_question():
    from qa.types import Answer

    ans = Answer("What is the structural design?", "The article doesn't say.", False, 0.1,
                 respelt=(("structual", "structural"), ("<b>x", "y")))
    html = render.refusal_message(ans, 1)
    assert "Read “structual” as “structural”" in html and "&lt;b&gt;x" in html and "<b>x" not in html


@pytest.mark.slow
@pytest.mark.parametrize("typed, spelt", [
    ("What did Huawei lanch at the conferense?", "What did Huawei launch at the conference?"),
    ("Who is Zaho Lidong?", "Who is Zhao Lidong?"),
    # "conferance" stems as "conference" does: BM25 matched it, the embedders did not
    ("Where was the conferance held?", "Where was the conference held?"),
])
def test_engine_answers_a_misspelt_question_as_the_spelt_one(engine, typed, spelt):
    a, b = engine.ask(typed), engine.ask(spelt)
    assert a.respelt and not b.respelt
    assert a.answerable == b.answerable and a.confidence == pytest.approx(b.confidence, abs=1e-4)
    assert [c.sentence for c in a.citations] == [c.sentence for c in b.citations]


@pytest.mark.slow
def test_engine_reads_an_american_spelling_as_the_articles(engine):
    ans = engine.ask("What took center stage at the conference?")
    assert ans.respelt == (("center", "centre"),)
    assert "took centre stage" in ans.citations[0].sentence


@pytest.mark.slow
def test_engine_keeps_a_real_word_it_does_not_know(engine):
    assert engine.ask("What did Huawei lunch?").respelt == ()


@pytest.mark.slow
def test_a_large_scope_is_read_in_the_background_and_no_question_waits(engine, monkeypatch):
    import threading

    from qa import retrieve
    from qa.retrieve import Retriever

    r = Retriever(engine.index, engine.load()._retriever.models)
    gate = threading.Event()
    real_read = retrieve.read_apart
    monkeypatch.setattr(retrieve, "VOCABULARY_WAIT_CHARS", 10)  # the article counts as large
    monkeypatch.setattr(retrieve, "read_apart", lambda texts: (gate.wait(10), real_read(texts))[1])
    q = parse("What did Huawei lanch?")
    assert r.respell(q).respelt == ()  # still reading: the question goes on as typed
    gate.set()
    r._vocabularies[None][0].result(timeout=60)
    assert r.respell(q).respelt == (("lanch", "launch"),)


def test_words_read_ahead_are_what_the_first_question_uses(engine, monkeypatch):
    """The page reads the corpus's words while warming up (Engine.warm_up), so its first question
    with an unknown word does not read them again."""
    from qa.retrieve import Retriever

    r = Retriever(engine.index, engine.load()._retriever.models)
    r.read_words()

    def read_again(cls, texts):
        raise AssertionError("the words were read again")

    monkeypatch.setattr(Vocabulary, "of", classmethod(read_again))
    assert r.respell(parse("What did Huawei lanch?")).respelt == (("lanch", "launch"),)


def test_words_that_could_not_be_read_leave_the_question_as_typed(engine, monkeypatch, caplog):
    from qa import retrieve
    from qa.retrieve import Retriever

    def fail(texts):
        raise RuntimeError("no child process here")

    r = Retriever(engine.index, engine.load()._retriever.models)
    monkeypatch.setattr(retrieve, "VOCABULARY_WAIT_CHARS", 10)
    monkeypatch.setattr(retrieve, "read_apart", fail)
    q = parse("What did Huawei lanch?")
    r.respell(q)
    r._vocabularies[None][0].exception(timeout=10)
    assert r.respell(q).respelt == ()
    assert "could not read the documents' words" in caplog.text


def test_a_large_scope_is_read_by_another_process_with_the_same_result(article_text):
    from qa import retrieve

    assert retrieve.read_apart([article_text, NAMES]) == Vocabulary.of([article_text, NAMES])


def test_sending_texts_to_the_child_leaves_them_their_size():
    """Pickling a str keeps a UTF-8 copy inside a non-ASCII one for its life: at a million
    sentences that was 150 MB held by the server for nothing."""
    import sys

    from qa import retrieve

    text = "Beijing’s alliances — “open” models. " * 200
    before = sys.getsizeof(text)
    retrieve.read_apart([text])
    assert sys.getsizeof(text) == before


def test_the_command_line_says_how_it_read_the_question():
    from qa.cli import format_answer
    from qa.types import Answer

    ans = Answer("q", "The article doesn't say.", False, 0.1, respelt=(("lanch", "launch"),))
    assert format_answer(ans).endswith("Read “lanch” as “launch”.")
    assert "Read" not in format_answer(Answer("q", "The article doesn't say.", False, 0.1))


# --- acronyms: a question may abbreviate a name the text writes out --------------------------

NAMES = ("The three-day World Artificial Intelligence Conference in Shanghai ended. Its AI cloning "
         "tool impressed. The Shanghai General Chamber of Commerce AI Committee met the Model-Chip "
         "Ecosystem Innovation Alliance. After World War II the United Nations grew; the United "
         "Nations met again. Metax and Iluvatar CoreX joined.")
NAMES_VOCAB = Vocabulary.of([NAMES])


@pytest.mark.parametrize("typed, name", [
    ("WAIC", "World Artificial Intelligence Conference"),
    ("waic", "World Artificial Intelligence Conference"),   # typed in lower case: no English word
    ("SGCCAIC", "Shanghai General Chamber of Commerce AI Committee"),  # "of" adds no letter; "AI" both
    ("MCEIA", "Model-Chip Ecosystem Innovation Alliance"),  # each part of a hyphenated word
    ("WWII", "World War II"),
    ("UN", "United Nations"),  # two letters: a name written out twice
    ("WAIC's", "World Artificial Intelligence Conference's"),
])
def test_an_acronym_reads_as_the_name_the_text_writes_out(typed, name):
    assert NAMES_VOCAB.expand(typed, common=is_common) == name


@pytest.mark.parametrize("typed", [
    "WWI",    # a Roman numeral gives all its letters: "World War II" is not "WWI"
    "was",    # an English word in lower case is never an acronym
    "ia",     # two letters in lower case
    "MAI",    # "Metax and Iluvatar": "and" joins two names, not one
    "IAI",    # "Its AI": a sentence's first word joins a name only if it is no common word
    "WA",     # "World Artificial ..." written out once: two letters need two
    "W4IC",
])
def test_what_is_no_acronym_of_a_name_stays_as_typed(typed):
    assert NAMES_VOCAB.expand(typed, common=is_common) is None


def test_an_acronym_stays_one_word_of_the_question_and_is_found_where_the_name_is():
    from qa import features
    from qa.types import Sentence

    known = {t for toks in tokenize([NAMES]) for t in toks}
    q = respell(parse("In which city was WAIC held?"), lambda: NAMES_VOCAB, known)
    assert q.aliases == (("WAIC", "World Artificial Intelligence Conference"),)
    assert q.respelt == (("WAIC", "World Artificial Intelligence Conference"),)
    assert "waic" in q.tokens and "confer" not in q.tokens  # one word of the question, as typed
    assert q.dense_text(q.search) == "In which city was World Artificial Intelligence Conference held?"
    sents = [Sentence(doc="d", i=k, start=0, end=len(t), text=t, para=k)
             for k, t in enumerate(["The World Artificial Intelligence Conference ended in Shanghai.",
                                    "Shanghai is a port."])]
    col = {n: k for k, n in enumerate(features.NAMES)}
    zeros = np.zeros(2, np.float32)
    F = features.compute(q, sents, zeros, zeros, {}, 2)
    assert F[0, col["cover_rare"]] > F[1, col["cover_rare"]] == 0
    unread = features.compute(parse("In which city was WAIC held?"), sents, zeros, zeros, {}, 2)
    assert F[0, col["missing_rare"]] < unread[0, col["missing_rare"]]  # only "city" is missing now


@pytest.mark.slow
def test_engine_answers_an_acronym_as_the_written_out_name(engine):
    ans = engine.ask("In which city was WAIC held?")
    assert ans.respelt == (("WAIC", "World Artificial Intelligence Conference"),)
    assert ans.answerable and "Conference in Shanghai" in ans.citations[0].sentence


def test_the_note_shows_only_what_this_message_typed():
    q = respell(parse("Why?", ["Why did the structual design fail?"]), lambda: VOCAB, KNOWN)
    assert "structural" in q.search  # the earlier question's words are read as ever
    assert q.respelt == ()           # but this message typed none of them


def test_a_spanish_question_has_its_acronyms_read_but_keeps_its_words():
    known = {t for toks in tokenize([NAMES]) for t in toks}
    q = respell(parse("¿Dónde se celebró la WAIC?"), lambda: NAMES_VOCAB, known)
    assert q.aliases == (("WAIC", "World Artificial Intelligence Conference"),)
    assert q.text == "¿Dónde se celebró la WAIC?"
    assert q.dense_text(q.text) == "¿Dónde se celebró la World Artificial Intelligence Conference?"


def test_a_chinese_question_is_left_as_asked():
    # its refusals rest on its translation sharing no word with the text: an acronym read would be one
    known = {t for toks in tokenize([NAMES]) for t in toks}
    q = parse("小米在WAIC上发布了什么？")
    assert respell(q, lambda: NAMES_VOCAB, known) is q


@pytest.mark.parametrize("typed, meant", [
    ("agnecy", "agency"),        # two letters swapped
    ("atricle", "article"),
    ("publshed", "published"),   # one left out
    ("compnay", "company"),      # a typo wordfreq has seen, but rarely (Zipf 1.1)
    ("comoany", "company"),      # struck for its neighbour on the keyboard
])
def test_a_typo_of_a_word_no_document_writes_is_read_as_the_common_english_word(typed, meant):
    from qa.spelling import english_spelling

    assert english_spelling(typed) == meant


@pytest.mark.parametrize("word", [
    "serf", "fief",   # rare English words of their own, a letter from common ones
    "tithe",
    "metal",          # a common word
    "Veltrana",       # a name (a name a slip from a common word, "Metax" and "meta", would be read as it)
    "wich",           # too short to guess at
    "Norvasta",       # nor a name no common word is a slip away from
])
def test_real_words_and_names_are_not_read_as_english_words(word):
    from qa.spelling import english_spelling

    assert english_spelling(word) is None


def test_the_question_reads_a_typo_the_documents_cannot_spell_as_english():
    q = read("Which news agnecy reported the structual design?")
    assert q.respelt == (("agnecy", "agency"), ("structual", "structural"))
    assert "news agency" in q.search
