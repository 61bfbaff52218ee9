"""Abbreviations: another language's ("IA", "ONU", "PIB") read as English writes them, and English's
well-known ones ("GDP", "USSR") found where a text writes them out (qa/abbreviations.py,
qa/acronyms.py)."""
import numpy as np
import pytest

from qa.abbreviations import in_english
from qa.acronyms import abbreviation_paraphrases, well_known_in
from qa.lexical import tokenize
from qa.question import parse
from qa.spanish import in_english as read_in_english
from qa.spelling import Vocabulary, is_common, respell


@pytest.mark.parametrize("text, lang, read", [
    ("¿Qué chips de IA usa Huawei?", "es", "¿Qué chips de AI usa Huawei?"),
    ("Comment s'appelle la puce d'IA de Huawei ?", "fr", "Comment s'appelle la puce d'AI de Huawei ?"),
    ("Warum treibt Peking seine KI-Industrie voran?", "de", "Warum treibt Peking seine AI-Industrie voran?"),
    ("Какую долю ВВП составляет строительство?", "ru", "Какую долю GDP составляет строительство?"),
    ("Wann wurde die UdSSR gegründet?", "de", "Wann wurde die USSR gegründet?"),
    ("que es la ia", "es", "que es la AI"),                    # a question typed all in lower case
    ("¿Qué dijo la ONU sobre la UE?", "es", "¿Qué dijo la UN sobre la EU?"),
])
def test_another_languages_abbreviation_reads_as_englishs(text, lang, read):
    assert in_english(text, lang) == read


@pytest.mark.parametrize("text, lang", [
    ("quando ele ia ao mercado", "pt"),   # Portuguese "ia": "was going"
    ("cuál es uno de ellos", "es"),        # Spanish "uno": "one"
    ("¿Qué dijo la ia sobre Huawei?", "es"),  # in lower case inside a question with capitals: a word
    ("Was hat die KI gemacht?", "fr"),    # only a language's own abbreviations
    ("What did the UN say?", "en"),
])
def test_words_and_other_languages_abbreviations_stay_as_typed(text, lang):
    assert in_english(text, lang) == text


def test_the_question_searches_the_english_abbreviation_and_e5_reads_it_as_typed():
    q = parse("Quelle part du PIB représente la construction ?")
    assert q.lang == "fr" and "GDP" in q.search and "PIB" not in q.search
    assert q.text == "Quelle part du PIB représente la construction ?"


def test_an_abbreviation_in_capitals_is_no_word_of_the_language():
    # French "ai" is "have": "l'AI" read as a function word would leave the question's subject out
    assert "AI" in read_in_english("Comment s'appelle la puce d'AI de Huawei ?", {}, "fr")


def test_por_que_asks_why():
    assert read_in_english("¿Por qué se unen las empresas?", {}, "es").startswith("why")
    assert read_in_english("por que se unen las empresas", {}, "es").startswith("why")
    assert read_in_english("¿Qué empresas se unen?", {}, "es").startswith("what")


TEXT = ("Construction accounts for six to nine percent of the gross domestic product of developed "
        "countries. The palace was a gift from the Soviet Union. Frontex is a European Union agency.")


def test_a_text_writing_a_well_known_name_out_gives_its_abbreviation():
    assert well_known_in(TEXT) == {("gdp", "gross domestic product"): 1, ("ussr", "Soviet Union"): 1,
                                   ("eu", "European Union"): 1}
    vocab = Vocabulary.of([TEXT])
    assert vocab.expand("GDP", common=is_common) == "gross domestic product"
    assert vocab.expand("USSR", common=is_common) == "Soviet Union"
    assert vocab.expand("EU", common=is_common) == "European Union"  # two letters, written out once
    assert vocab.expand("WHO", common=is_common) is None            # never written out here


def test_a_texts_own_name_for_an_abbreviation_comes_first():
    text = "The Ulster Nationalists met. The Ulster Nationalists voted. The United Nations watched."
    assert Vocabulary.of([text]).expand("UN", common=is_common) == "Ulster Nationalists"


@pytest.mark.parametrize("question, lang", [
    ("What share of GDP is construction?", "en"),
    ("¿Qué porcentaje del PIB representa la construcción?", "es"),
    ("Какую долю ВВП составляет строительство?", "ru"),
])
def test_the_abbreviation_is_read_as_the_name_the_text_writes_out(question, lang):
    known = {t for toks in tokenize([TEXT]) for t in toks}
    q = respell(parse(question), lambda: Vocabulary.of([TEXT]), known)
    assert q.lang == lang and q.aliases == (("GDP", "gross domestic product"),)


def test_a_sentence_writing_the_name_out_has_the_abbreviation():
    from qa import features
    from qa.types import Sentence

    assert [typed for typed, _ in abbreviation_paraphrases("Why are Chinese AI firms allying?")] == ["AI"]
    assert abbreviation_paraphrases("WHO IS THE CEO?") == []  # all in capitals: no telling capitals
    sents = [Sentence(doc="d", i=k, start=0, end=len(t), text=t, para=k) for k, t in enumerate([
        "Chinese artificial intelligence firms are forming alliances.", "Chinese firms are forming alliances."])]
    col = {n: k for k, n in enumerate(features.NAMES)}
    zeros = np.zeros(2, np.float32)
    F = features.compute(parse("Why are Chinese AI firms forming alliances?"), sents, zeros, zeros, {}, 2)
    assert F[0, col["cover_rare"]] == 1 > F[1, col["cover_rare"]]


CITY = """City notes

Construction accounts for six to nine percent of the gross domestic product of developed countries. Most building work is done by small firms with fewer than ten employees.

The Palace of Culture and Science was a gift from the Soviet Union. It was finished in 1955 and is still the tallest building in the city.

The city hosts the headquarters of Frontex, the European Union agency for external border security. The United Nations set up a climate panel in 1988, and the United Nations asked it to report every five years.
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    from test_document_shapes import engine_over

    return engine_over(tmp_path_factory.mktemp("city"), **{"city-notes.txt": CITY}).load()


@pytest.mark.slow
@pytest.mark.parametrize("question, cited", [
    ("What share of GDP is construction?", "gross domestic product"),
    ("Which building was a gift from the USSR?", "Soviet Union"),
    ("¿Qué porcentaje del PIB representa la construcción?", "gross domestic product"),
    ("Quel bâtiment était un cadeau de l'URSS ?", "Soviet Union"),
    ("Wann hat die UNO das Klimagremium gegründet?", "in 1988"),  # refused when "UNO" was a name never written
])
def test_engine_answers_an_abbreviated_question_confidently_from_the_written_out_name(city, question, cited):
    ans = city.ask(question)
    assert ans.answerable and ans.confidence >= 0.5 and cited in ans.citations[0].sentence


@pytest.mark.slow
def test_engine_still_refuses_an_abbreviation_the_text_never_writes_out(city):
    assert not city.ask("¿Qué dijo la OTAN?").answerable
    assert not city.ask("What did NATO decide?").answerable
