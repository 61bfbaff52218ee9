"""qa/countries.py: a country asked by another of its names than the text writes."""
import numpy as np
import pytest

from qa import features
from qa.countries import country_named, country_paraphrases, written
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
