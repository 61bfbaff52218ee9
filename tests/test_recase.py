"""Names typed in lower case are given their capitals (qa.recase), as the documents write them."""
from __future__ import annotations

import pytest

from qa.recase import by_frequencies, reads_as_name, recased, typed_in_lower_case, typed_in_one_case
from qa.spelling import Vocabulary

TEXT = ("Huawei showed its CloudMatrix 384 AI system in Shanghai. Analysts said it beats Nvidia’s "
        "system. The World Artificial Intelligence Conference ended. Events around the world "
        "followed, and the world watched. Alibaba unveiled glasses that Alibaba will sell in China. "
        "Visitors at the conference saw Huawei’s chips.")
VOCAB = Vocabulary.of([TEXT])


def recase(text: str) -> str:
    return recased(text, VOCAB.in_mid_sentence)


def test_the_documents_capitals_are_read_in_mid_sentence():
    assert VOCAB.in_mid_sentence("cloudmatrix") == "CloudMatrix"
    assert VOCAB.in_mid_sentence("nvidia") == "Nvidia"  # the possessive's name
    assert VOCAB.in_mid_sentence("World") == "world"  # "the world" twice, "World … Conference" once
    assert VOCAB.in_mid_sentence("saw") == "saw"
    assert VOCAB.in_mid_sentence("events") is None  # written only where a sentence starts
    assert VOCAB.in_mid_sentence("xiaomi") is None


@pytest.mark.parametrize("typed, meant", [
    ("what did huawei show in shanghai?", "what did Huawei show in Shanghai?"),
    ("what did analysts say?", "what did analysts say?"),  # only a sentence's first word in the text
    ("which nvidia product does the cloudmatrix beat", "which Nvidia product does the CloudMatrix beat"),
    ("What did huawei show?", "What did Huawei show?"),  # a phone capitalises the first letter only
    ("what did xiaomi announce?", "what did Xiaomi announce?"),  # a name the text never writes
    ("what did the japanese firms do?", "what did the Japanese firms do?"),  # a people's adjective
    ("where is nvidia's system?", "where is Nvidia's system?"),
    ("what did huawei show? and alibaba?", "what did Huawei show? and Alibaba?"),
    ("i think huawei won", "I think Huawei won"),
    ("who runs huawei world shanghai", "who runs Huawei World Shanghai"),  # a word between two names' words
])
def test_names_typed_in_lower_case_are_capitalised(typed, meant):
    assert recase(typed) == meant


@pytest.mark.parametrize("typed, meant", [
    ("WHAT DID HUAWEI SHOW IN SHANGHAI?", "What did Huawei show in Shanghai?"),
    ("WHAT DID THE WORLD WATCH?", "What did the world watch?"),
    ("What Did Huawei Show In Shanghai?", "What did Huawei show in Shanghai?"),
    ("What Did Huawei Show at the Conference?", "What did Huawei show at the conference?"),  # small words left small
    ("Which Ai Model Powers Alibaba's Glasses?", "Which AI model powers Alibaba's glasses?"),  # no small word
    ("WHERE IS NVIDIA'S SYSTEM? I WONDER", "Where is Nvidia's system? I wonder"),
])
def test_a_question_typed_in_one_case_is_read_as_if_in_lower_case(typed, meant):
    assert recase(typed) == meant


@pytest.mark.parametrize("typed", [
    "Who is Zhao Lidong?",  # names only: no small word capitalised
    "When does the World Artificial Intelligence Conference end?",
    "What is WAIC?",
    "Where is New York City?",  # common words, but a small one in lower case
    "Who founded Moore Threads Technology?",
])
def test_names_capitalised_are_no_sign_of_one_case(typed):
    assert not typed_in_one_case(typed)


@pytest.mark.parametrize("typed", [
    "What did Huawei show, and what did xiaomi do?",  # the typist capitalises names: xiaomi is a word
    "What did HUAWEI show?",
])
def test_a_question_with_capitals_of_its_own_is_left_as_typed(typed):
    assert not typed_in_lower_case(typed) and recase(typed) == typed


@pytest.mark.parametrize("typed", [
    "what did the world watch?",  # "world" is mostly written in lower case
    "what glasses did they show us?",  # a stop word ("us") is never "US"
    "what did the company show at the conference?",
    "which apple did the firm sell?",  # English writes "apple" far more than other languages
    "who won the bytedance prize?",  # too rare to tell a name from a typo
])
def test_everyday_words_stay_in_lower_case(typed):
    assert recase(typed)[1:] == typed[1:]


@pytest.mark.parametrize("word, name", [
    ("xiaomi", True), ("microsoft", True), ("tencent", True), ("glasses", False), ("announce", False),
    ("google", False), ("bytedance", False), ("agnecy", False),
])
def test_a_name_is_written_about_as_often_in_other_languages(word, name):
    assert reads_as_name(word) is name and by_frequencies(word) is name


def test_the_shipped_name_words_are_what_the_word_lists_say():
    """qa/models/name_words.txt.gz stands for asking the Spanish and Italian word lists at run
    time (scripts/build_name_words.py writes it): a sample of the English list's words, names and
    not, get the same answer both ways; a word wordfreq reads as several ("al-qaeda") is none."""
    from wordfreq import get_frequency_dict

    words = list(get_frequency_dict("en"))[::97]  # ~3,300 words, every rank
    assert sum(by_frequencies(w) for w in words) > 300  # names among them: the test can fail
    assert [w for w in words if reads_as_name(w) != by_frequencies(w)] == []
    assert not reads_as_name("al-qaeda") and not reads_as_name("Xiaomi-glasses")


@pytest.mark.parametrize("typed, meant", [
    ("¿qué presentó huawei en shanghai?", "¿qué presentó Huawei en Shanghai?"),
    ("¿qué anunció xiaomi?", "¿qué anunció xiaomi?"),  # a name the documents don't write: not told from a word
    ("cual es el mejor repelente de mosquitos para un safari", "cual es el mejor repelente de mosquitos para un safari"),
])
def test_a_spanish_question_has_only_the_documents_names_capitalised(typed, meant):
    assert recase(typed) == meant
