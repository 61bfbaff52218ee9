"""The dictionary into English (qa/lexicon.py): a word of a question in another language that no
document writes nearly is searched as its English translation."""
import numpy as np
import pytest

from qa.lexicon import TRANSLATE_COSINE, Lexicon, lexicon_words


def _unit(*xs: float) -> np.ndarray:
    v = np.array(xs, np.float32)
    return v / np.linalg.norm(v)


SPACE = {"year": _unit(1, 0, 0), "clock": _unit(0, 1, 0), "founded": _unit(0, 0, 1),
         "jahr": _unit(0.95, 0.05, 0), "horloge": _unit(0.1, 1, 0), "blau": _unit(1, 1, 1),
         "waic": _unit(0.05, 1, 0)}  # an acronym typed in lower case, embedded by its pieces


class CountingEncoder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, words: list[str]) -> np.ndarray:
        self.calls.append(list(words))
        return np.stack([SPACE[w] for w in words])


def test_a_word_becomes_the_english_word_nearest_it_only_when_close():
    lexicon = Lexicon(CountingEncoder(), words=lambda: ["year", "clock", "founded"])
    # "blau" is 0.58 from each: near none of them, so left as typed
    assert float(SPACE["blau"] @ SPACE["year"]) < TRANSLATE_COSINE
    assert lexicon.translate(["jahr", "horloge", "blau"]) == {"jahr": "year", "horloge": "clock"}


def test_a_word_is_looked_up_once_and_the_dictionary_embedded_once():
    encode = CountingEncoder()
    lexicon = Lexicon(encode, words=lambda: ["year", "clock", "founded"])
    lexicon.translate(["jahr", "blau"])
    lexicon.translate(["jahr", "blau", "horloge"])
    assert encode.calls == [["year", "clock", "founded"], ["jahr", "blau"], ["horloge"]]


def test_no_word_to_look_up_builds_no_dictionary():
    encode = CountingEncoder()
    assert Lexicon(encode, words=lambda: ["year"]).translate([]) == {} and encode.calls == []


def test_an_empty_dictionary_translates_nothing():
    assert Lexicon(CountingEncoder(), words=lambda: []).translate(["jahr"]) == {}


def test_the_dictionary_is_english_content_words():
    words = lexicon_words()
    assert 9_000 < len(words) <= 10_000
    assert {"founded", "clock", "year", "battery", "weather"} <= set(words)
    assert not {"the", "which", "of", "and"} & set(words)
    assert not [w for w in words if "'" in w]  # "group's", "she'd": never what one foreign word means


def test_a_word_its_own_language_does_not_use_is_left_as_typed():
    lexicon = Lexicon(CountingEncoder(), words=lambda: ["year", "clock", "founded"])
    assert lexicon.translate(["jahr", "waic"], "de") == {"jahr": "year"}  # "waic" is no German word
    assert lexicon.translate(["waic"]) == {"waic": "clock"}  # as it would be, read without its language
    assert lexicon.translate(["horloge"], "th") == {"horloge": "clock"}  # no word list for Thai: not judged


@pytest.mark.slow
def test_words_of_other_languages_translate_into_english():
    from qa.lexicon import english_lexicon

    got = english_lexicon().translate(["fundó", "horloge", "jahr", "vendita", "погоды", "parapluie"])
    assert {k: got.get(k) for k in ("fundó", "horloge", "jahr", "vendita", "погоды")} == {
        "fundó": "founded", "horloge": "clock", "jahr": "year", "vendita": "sale", "погоды": "weather"}


@pytest.mark.slow
@pytest.mark.parametrize("question, english", [
    ("¿Quién fundó Moore Threads?", "founded"),  # the article never says who founded it
    ("Quelle est la fréquence d'horloge de la puce Huawei 910C ?", "clock"),
    ("quando gli usa hanno vietato la vendita dell'H100 alla Cina?", "sale"),
])
def test_a_word_the_article_never_writes_is_searched_in_english(engine, question, english):
    q = engine._understand(question, [], None)
    assert english in q.search.split(), q.search
    assert q.text == question  # e5 and the answer's language still read it as asked


@pytest.mark.slow
def test_a_japanese_word_is_left_as_typed(engine):
    q = engine._understand("百度は何を披露したの？", [], None)
    assert "披露" in q.search and "disclosure" not in q.search, q.search


@pytest.mark.slow
def test_over_too_many_documents_to_read_every_word_is_translated(engine, monkeypatch):
    """A corpus of more than DOCUMENTS_KEPT documents is not aligned with (their words would take
    seconds to embed): its question's words are translated, not searched as typed."""
    from qa import nearwords

    monkeypatch.setattr(nearwords, "DOCUMENTS_KEPT", 0)
    q = engine._understand("¿Qué gafas presentó Alibaba?", [], None)
    assert {"glasses", "Alibaba"} <= set(q.search.split()) and not q.aligned, q.search
    assert engine._understand("阿里巴巴发布了什么眼镜？", [], None).reading == ""  # Chinese: its glosses, as before


def test_a_piece_of_the_words_spelling_is_no_translation():
    """USE reads a word it hardly knows by its pieces: "allianz" came nearest "ian"."""
    space = {"ian": _unit(1, 0, 0), "alliance": _unit(0, 1, 0), "model": _unit(0, 0, 1),
             "allianz": _unit(1, 0.2, 0), "modelo": _unit(0, 0.1, 1)}
    lexicon = Lexicon(lambda words: np.stack([space[w] for w in words]), words=lambda: ["ian", "alliance", "model"])
    # "model" opens "modelo": its stem, kept
    assert lexicon.translate(["allianz", "modelo"]) == {"modelo": "model"}
