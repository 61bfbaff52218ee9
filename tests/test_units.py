"""qa/units.py: a unit of measure asked in another form than the text writes it."""
import numpy as np
import pytest

from qa import features
from qa.question import parse
from qa.types import Sentence
from qa.units import unit_paraphrases


@pytest.mark.parametrize("question, asked", [
    ("How many kilometres of the A7 were closed?", ["kilometres"]),
    ("How many km of track?", ["km"]),
    ("How much aid in EUR?", ["EUR"]),
    ("What percent voted yes?", ["percent"]),
    ("How fast, in miles per hour?", ["miles per hour"]),
    ("How many pounds did it raise?", ["pounds", "pounds"]),  # money or weight
])
def test_a_question_naming_a_unit(question, asked):
    assert [typed for typed, _ in unit_paraphrases(question)] == asked


@pytest.mark.parametrize("question", ["Who won the final?", "Which league is it in?", "What was the second reason?",
                                      "How did sales drop?", "When is it open?"])
def test_ordinary_words_name_no_unit(question):
    assert unit_paraphrases(question) == []


@pytest.mark.parametrize("question, sentence, written", [
    ("How many kilometres were closed?", "A 40-km stretch of the A7 was closed.", True),
    ("How many km were closed?", "Forty kilometres of road were closed.", True),
    ("How much in euros?", "It released €25 million in aid.", True),
    ("How much in EUR?", "It released 25 million euros in aid.", True),
    ("What percent voted yes?", "Turnout was 64%, the council said.", True),
    ("How many metres away is Guild Hall?", "Guild Hall, 400 m to the north, stays open.", True),
    ("How hot was it in degrees Celsius?", "It was 24°C at noon.", True),
    ("How many metres long is it?", "The council spent $5m on it.", False),  # a letter only after a space
    ("How many minutes did it take?", 'He named 5 "quick" fixes.', False),  # no marks of feet and inches
    ("How many inches of rain fell?", "Rain fell in 5 in the morning.", False),  # "in" is a word
    ("How many kilometres were closed?", "The road was closed for 40 minutes.", False),
])
def test_a_unit_written_another_way(question, sentence, written):
    (_, pattern), *_ = unit_paraphrases(question)
    assert bool(pattern.search(sentence)) is written


def test_a_symbol_covers_the_question_word():
    """"How many kilometres of the A7 were closed?" was refused (0.12): the sentence writes "40-km",
    and "kilometres" counted as a word the text never writes."""
    texts = ["Police said 46,000 households were without power.",
             "A 40-km stretch of the A7 highway was closed."]
    sents = [Sentence("a", k, 0, len(t), t, k) for k, t in enumerate(texts)]
    col = {n: k for k, n in enumerate(features.NAMES)}
    zeros = np.zeros(2, np.float32)
    F = features.compute(parse("How many kilometres of the A7 highway were closed?"), sents, zeros, zeros, {}, 2)
    assert F[1, col["cover"]] > F[0, col["cover"]]
    assert F[0, col["missing_idf"]] == 0.0
    F = features.compute(parse("How many miles of the A7 highway were closed?"), sents, zeros, zeros, {}, 2)
    assert F[0, col["missing_idf"]] > 0.0
