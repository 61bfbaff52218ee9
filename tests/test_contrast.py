"""What a sentence says against a question: negation, opposites, numbers (qa/contrast.py)."""
import numpy as np

from qa import contrast, features
from qa.question import parse
from qa.types import Sentence


def _affirms(question: str, sentence: str) -> bool:
    return contrast.affirms(contrast.negated_words(question), sentence, features.sentence_tokens(sentence))


def test_a_negated_question_against_a_sentence_that_affirms_what_it_negates():
    assert contrast.negated_words("What did Huawei not launch at the conference?") == ("launch", "confer")
    assert contrast.negated_words("What did Huawei launch?") == ()
    assert _affirms("What did Alibaba not unveil?", "Alibaba unveiled its Quark AI Glasses.")
    assert _affirms("Which firm didn't join?", "Enflame joined the alliance.")  # contracted
    assert _affirms("Which firm didn’t join?", "Enflame joined the alliance.")  # curly apostrophe
    assert not _affirms("What did Alibaba unveil?", "Alibaba unveiled its Quark AI Glasses.")
    assert not _affirms("What was never built?", "The bridge was not built.")  # the sentence negates too
    # only what the question negates counts: a sentence about something else is no contradiction
    assert not _affirms("Why does deep sea water not circulate?", "The saltier water remains on the bottom.")
    # a sentence negates by meaning too: the legitimately negated question it answers is kept
    assert not _affirms("Why can't Chinese firms access Nvidia's best chips?",
                        "US export controls continue to block access to Nvidia's most advanced chips.")
    assert contrast.negated_words("What was Notre-Dame known for?") == ()  # "Not" inside a name
    # leaving a thing as it was, or voting it down, answers what did not change or pass (a hunt:
    # "Which schools aren't changing their start time?" was refused at 0.03)
    assert not _affirms("Which schools aren't changing their start time?", "Middle schools will keep their current 8:10 a.m. start.")
    assert not _affirms("What didn't change in the lagoon?", "Water quality in the lagoon remained stable throughout.")
    # but not "against" or "opposition" (SQuAD 2.0: "a barrier against infection" answered what is not a barrier)
    assert _affirms("What is not an example of a mechanical barrier?", "The skin is a mechanical barrier against infection.")


def test_opposites_count_only_without_the_word_itself():
    q = contrast.words("What is the largest city on the Rhine?")
    assert contrast.opposite(q, contrast.words("Basel is the smallest city on the Rhine."))
    assert not contrast.opposite(q, contrast.words("Cologne is the largest city on the Rhine."))
    assert not contrast.opposite(q, contrast.words("The largest and the smallest cities lie on the Rhine."))
    assert not contrast.opposite(q, contrast.words("Cologne lies on the Rhine."))


def test_numbers_compare_as_written_digits():
    assert contrast.numbers("In 1939, c. 1,300,000 people lived there; 3.5 km.") == {"1939", "1300000", "3.5"}
    assert contrast.numbers("the point (3,1)") == {"3", "1"}
    assert contrast.numbers("liquid O2, Nvidia's H100 and 910C chips") == set()  # digits of names
    assert contrast.numbers("four channels in the 1990s, the 17th century") == {"4", "1990", "17"}
    assert contrast.numbers("one of the ten-horsepower engines") == {"10"}  # "one of" is no count
    assert contrast.numbers("What are the two other names?", spelt=False) == set()
    assert contrast.number_missing(contrast.numbers("What happened in 1066?"), contrast.numbers("In 1067, ..."))
    assert not contrast.number_missing(contrast.numbers("How many of the 1,300,000 people?"),
                                       contrast.numbers("About 1300000 people lived there."))
    assert not contrast.number_missing(frozenset(), contrast.numbers("In 1067."))


def _features(question: str, sentence: str) -> dict[str, float]:
    s = Sentence("d", 0, 0, len(sentence), sentence, 0)
    F = features.compute(parse(question), [s], np.zeros(1, np.float32), np.zeros(1, np.float32), {}, 1)
    return dict(zip(features.NAMES, F[0]))


def test_the_ranker_sees_each_sign_per_sentence():
    f = _features("What did Huawei not launch in 2019?", "Huawei launched the largest system in 2025.")
    assert f["negated"] == 1.0 and f["number_missing"] == 1.0 and f["opposite"] == 0.0
    f = _features("What is the smallest system Huawei launched in 2025?", "Huawei launched the largest system in 2025.")
    assert f["negated"] == 0.0 and f["number_missing"] == 0.0 and f["opposite"] == 1.0
    # a question in another language: no English negation or opposites read into its glosses
    f = _features("¿Qué no lanzó Huawei?", "Huawei launched a system.")
    assert f["negated"] == 0.0


def test_model_codes_and_another_of_the_family():
    assert contrast.codes("Does the N2 beat Nvidia's H100 and GB200 NVL72, or the 910C?") == {"N2", "H100", "GB200", "NVL72", "910C"}
    assert contrast.codes("In 2025, COVID-19 and Python 3.10") == frozenset()  # numbers and names, no codes
    asked = contrast.codes("How much does the N1 cost?")
    assert contrast.other_code(asked, "Q: How much does the N2 cost?")  # the FAQ's near-copy of the question
    assert not contrast.other_code(asked, "The N1 will sell for $6,000 per unit.")
    assert not contrast.other_code(asked, "It will sell for $6,000 per unit.")  # names no model: may well answer
    assert not contrast.other_code(asked, "Nvidia's H100 costs more.")  # another family
    both = contrast.codes("How does the N2 compare with the N1?")
    assert not contrast.other_code(both, "The N2 is twice as fast.") and contrast.other_code(both, "The N3 is faster.")
