"""qa/countries.py: a country asked by another of its names than the text writes."""
import numpy as np
import pytest

from qa import answer, features
from qa.countries import countries_asked_in, country_named, country_paraphrases, written
from qa.question import parse
from qa.types import Sentence


@pytest.mark.parametrize("name, country", [
    ("America", "United States"), ("the U.S.", "United States"), ("USA", "United States"),
    ("American", "United States"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Britons", "United Kingdom"), ("the Netherlands", "Netherlands"), ("Dutch", "Netherlands"),
    ("china", "China"),  # typed in lower case
    ("French", "France"),  # the most populous country of the adjective, not Martinique
    ("South Sudan", "South Sudan"),
    ("us", None),  # a pronoun: initials count only in capitals
    ("Georgia", None), ("Jordan", None),  # a U.S. state, a first name
    ("Latin America", None), ("Google", None),
    ("Cote d'Ivoire", "Ivory Coast"), ("Côte d'Ivoire", "Ivory Coast"),  # with or without its accent
    ("Emirati", "United Arab Emirates"),
])
def test_a_name_of_a_country(name, country):
    assert country_named(name) == country


@pytest.mark.parametrize("sentence, country, found", [
    ("US export controls continue to block access.", "United States", True),
    ("U.S. regulators approved it.", "United States", True),
    ("The US-based firm said so.", "United States", True),
    ("America's biggest bank agreed.", "United States", True),
    ("American firms joined.", "United States", True),
    ("Sino-American talks resumed.", "United States", True),
    ("Let us know.", "United States", False),
    ("Sales in Latin America fell.", "United States", False),
    ("South American buyers waited.", "United States", False),
    ("Plug in the USB cable.", "United States", False),
    ("British officials said so.", "United Kingdom", True),
    ("Violence returned to Northern Ireland.", "Ireland", False),
    ("Fighting spread in South Sudan.", "Sudan", False),
    ("Talks in Côte d’Ivoire ended.", "Ivory Coast", True),  # a curly apostrophe
])
def test_a_country_written_in_a_text(sentence, country, found):
    assert bool(written(country).search(sentence)) is found


@pytest.mark.parametrize("question, asked", [
    ("Why is America blocking chips to China?", ["America", "China"]),
    ("What did the U.S. and the UK agree?", ["U.S.", "UK"]),
    ("what did us regulators say", []),
    ("Who won the final?", []),
])
def test_the_countries_a_question_names(question, asked):
    assert [typed for typed, _ in country_paraphrases(question)] == asked


def test_a_country_written_another_way_covers_the_question_word():
    """"Why is America blocking chips to China?" was refused (0.02) of an article writing "US export
    controls continue to block access": "America" counted as a name the text never writes."""
    texts = ["Chinese firms formed two alliances at the conference.",
             "US export controls continue to block access to the chips."]
    sents = [Sentence("a", k, 0, len(t), t, k) for k, t in enumerate(texts)]
    col = {n: k for k, n in enumerate(features.NAMES)}
    zeros = np.zeros(2, np.float32)
    F = features.compute(parse("Why is America blocking the chips?"), sents, zeros, zeros, {}, 2)
    assert F[1, col["cover"]] == 1.0 and F[1, col["missing_idf"]] == 0.0
    F = features.compute(parse("Why is Canada blocking the chips?"), sents, zeros, zeros, {}, 2)
    assert F[1, col["missing_idf"]] > 0.0


@pytest.mark.parametrize("question, asked", [
    ("¿Qué anunció el Reino Unido en la cumbre?", [("Reino Unido", "United Kingdom")]),
    ("¿Por qué EE. UU. bloquea los chips a China?", [("EE. UU.", "United States"), ("China", "China")]),
    ("¿Y Japon?", [("Japon", "Japan")]),  # typed without its accent
    ("¿Qué dijo el presidente de Corea del Sur?", [("Corea del Sur", "South Korea")]),
    ("¿Qué dijo Mauricio?", []),  # a first name before it is Mauritius
    ("¿Qué pasó en la UK?", [("UK", "United Kingdom")]),  # English initials
    ("英国在大会上发布了什么？", [("英国", "United Kingdom")]),  # by the dictionary's gloss
    ("日本和韩国的企业", [("日本", "Japan"), ("韩国", "South Korea")]),
    ("华为发布了什么？", []),
    ("这副眼镜卖多少美元？", []),  # 美元 is glossed "American": the dollar, not the country
    ("德语版本什么时候发布？", []),
])
def test_the_countries_a_spanish_or_chinese_question_names(question, asked):
    assert countries_asked_in(question) == asked


@pytest.mark.parametrize("question, lacking", [
    ("How did officials in the Netherlands react?", False),  # the text writes "Dutch"
    ("What did the Emirati official say?", False),           # and "UAE"
    ("How did officials in Norway react?", True),
])
def test_what_a_country_said_is_found_in_any_of_its_names(question, lacking):
    """"How did trawler operators in the Netherlands react to the EU's share?" was refused (0.07)
    of a story saying "Dutch trawler operators … said": "Netherlands" was looked for as written."""
    from qa.types import Hit

    texts = ["Dutch officials said the deal was unfair.", "A UAE official said the cargo was safe."]
    hits = [Hit(Sentence("a", k, 0, len(t), t, k)) for k, t in enumerate(texts)]
    assert answer.lacks_saying(hits, parse(question)) is lacking
