"""A Spanish or Chinese question read in the documents' English words (qa/spanish.py,
Retriever.in_english)."""
import pytest

from qa.spanish import content_words, in_english, in_the_documents_words


def test_content_words_leave_out_names_numbers_function_and_question_words():
    assert content_words("¿Qué modelo de IA hay detrás de las gafas de Alibaba?") == ["modelo", "detrás", "gafas"]
    assert content_words("¿Cuántos chips usa el sistema 384 de Huawei?") == ["chips", "sistema"]  # "usa" (uses) is a function word to the list
    assert content_words("Alibaba") == []  # a question of one name has nothing to translate
    assert content_words("Gafas de Alibaba") == ["gafas"]  # a common word opening it is no name
    # a Spanish word capitalised inside the question is a word to translate ("Alemania": Germany;
    # a conversation hunt's "¿y qué dijo sobre Alemania?" cited the wrong quotation), a name is not
    assert content_words("¿y qué dijo sobre Alemania?") == ["alemania"]
    assert content_words("¿A qué hora abre la Torre de San Alwin?") == ["hora", "abre", "torre"]
    assert content_words("¿Qué presentó Nimbus en Shenzhen?") == ["presentó"]


def test_in_english_keeps_names_numbers_and_unmatched_words():
    aligned = {"gafas": "glasses", "modelo": "model"}
    assert in_english("¿Qué modelo de IA hay detrás de las gafas de Alibaba?", aligned) == \
        "what model IA detrás glasses Alibaba"
    assert in_english("¿Cuántos chips usa el sistema 384?", {}) == "how many chips sistema 384"


@pytest.mark.parametrize("question, english_words", [
    ("¿Qué modelo de IA hay detrás de las gafas de Alibaba?", {"model", "glasses", "Alibaba"}),
    ("¿Qué fabricantes de chips forman parte del comité?", {"manufacturers", "chips", "committee"}),
    ("¿Cuánto cuestan las gafas?", {"how", "much", "glasses"}),
])
def test_a_spanish_question_is_searched_in_the_articles_words(engine, question, english_words):
    q = engine._understand(question, [], None)
    assert english_words <= set(q.search.split()), q.search
    assert not q.english and q.text == question  # e5 and the answer's language still read it as asked


def test_english_questions_are_not_realigned(engine):
    q = engine._understand("What did Alibaba unveil?", [], None)
    assert q.search == "What did Alibaba unveil?"


def test_a_chinese_word_keeps_its_glosses_and_gains_the_articles_word(engine):
    q = engine._understand("这个AI大会什么时候结束?", [], None)  # when does this AI conference end
    assert "general assembly" in q.search and "conference" in q.search.split(), q.search
    assert "end" in q.search.split()  # 结束: "termination finish", and the article's "end"
    q = engine._understand("腾讯发布了什么？", [], None)  # a name is glossed as it is written
    assert q.search.startswith("Tencent ")


@pytest.mark.parametrize("aligned, words, worded", [
    (("union", "announcement", "closure"), 3, True),   # ¿Avisaron al sindicato antes de anunciar el cierre?
    (("owners", "faulty"), 3, True),
    (("days", "missing"), 3, False),                    # ¿Cuántos días faltan para Navidad?: common words
    (("world",), 2, False),                              # ¿Quién ganó el mundial de 2022?
    (("committee", "advice"), 6, False),                 # most of its words the documents never write
    (("called", "consortium"), 2, True),                 # ¿Cómo se llama el segundo consorcio?: one rare word
    (("recommended",), 2, False),                        # ¿Me recomiendas una película?: an everyday one
    (("marlowe",), 2, False),                            # Escríbeme un poema sobre el mar: a name, misread
])
def test_a_spanish_question_in_the_documents_own_words(aligned, words, worded):
    assert in_the_documents_words(aligned, words, is_name=lambda w: w == "marlowe") is worded


def test_a_spanish_question_in_the_articles_words_is_not_taken_for_general_spanish(engine):
    """"¿Cuál es el objetivo de las dos alianzas? ¿A quiénes pretenden conectar?" was refused
    (0.07) as general Spanish (an encyclopedia sentence fit it 0.011 better than the article's
    best); its words are the article's (aims, alliances, brings, connects)."""
    ans = engine.ask("¿Cuál es el objetivo de las dos alianzas? ¿A quiénes pretenden conectar?")
    assert ans.answerable and "Model-Chip Ecosystem Innovation Alliance" in ans.citations[0].sentence
    assert not engine.ask("¿Cuál es la capital de Francia?").answerable


def test_a_spanish_question_now_cites_the_sentence_that_answers(engine):
    ans = engine.ask("¿Qué modelo de IA hace funcionar las gafas?")
    assert ans.answerable and "Qwen model" in ans.citations[0].sentence  # was "Alibaba unveiled its ..."


@pytest.mark.parametrize("typed, meant", [
    ("presento", "presentó"), ("celebro", "celebró"), ("dias", "días"), ("ano", "año"),
    ("anuncio", "anuncio"),  # a word in its own right as typed
    ("esta", "esta"), ("gafas", "gafas"), ("días", "días"),
])
def test_a_word_typed_without_its_accent_is_read_with_it(typed, meant):
    from qa.spanish import with_accent

    assert with_accent(typed) == meant


def test_numbers_days_and_months_come_from_a_table_not_the_embedding():
    # "tres" sits nearest "two", "jueves" nearest "Monday" in the multilingual space
    assert content_words("¿Qué pasa el jueves tres de enero?") == ["pasa"]
    assert in_english("¿Qué pasa el jueves tres de enero?", {}) == "what pasa Thursday three January"
    assert in_english("¿Cuál es la primera alianza?", {"alianza": "alliance"}) == "which first alliance"


def test_en_cuanto_a_means_regarding():
    assert in_english("¿Qué dijo Zhao Lidong en cuanto a la alianza?", {}) == "what Zhao Lidong alianza"


@pytest.mark.parametrize("text, points_back", [
    ("¿Qué modelo las impulsa?", True),  # "them": the glasses
    ("¿Quién los fabrica?", True),
    ("¿Cuándo la lanzaron?", True),
    ("¿Cuándo salen las gafas?", False),  # "the glasses"
    ("¿Dónde venden los chips?", False),
    ("¿Qué hacen los que trabajan en la fábrica de Shanghái?", False),
    ("¿Cuándo se lanzó la versión nueva?", False),
])
def test_an_object_pronoun_is_told_from_the_article_it_looks_like(text, points_back):
    """"las" before a noun is an article: such a question may still have left out a subject the
    conversation named, but it leans on the conversation only when alone it is refused."""
    from qa.question import parse

    q = parse(text, ["¿Qué presentó Alibaba?"])
    assert q.refers_back is points_back
    assert q.followup if points_back else not q.followup or q.alone_first


def test_a_question_word_opening_a_question_is_no_name():
    assert in_english("¿Cuánta gente tuvo que dejar su casa?", {"gente": "people"}).startswith("how much people")
