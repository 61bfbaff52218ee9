"""German compounds read as their parts (qa/compounds.py): "Gesichtserkennungsunternehmen" is
face, recognition, company, not a name the article must write."""
import pytest

from qa.compounds import in_parts, is_compound, parts


@pytest.mark.parametrize("word, expected", [
    ("Handelskammer", ("handel", "kammer")),  # the whole is in wordfreq, but rarer than 4.5
    ("Verbraucherprodukten", ("verbraucher", "produkten")),  # an inflected last part
    ("Gesichtserkennungsunternehmen", ("gesichtserkennung", "unternehmen")),  # fewest parts first
    ("Gesichtserkennung", ("gesicht", "erkennung")),  # a linking "s" between the parts
    ("Technologiekette", ("technologie", "kette")),
])
def test_a_compound_splits_into_common_words(word, expected):
    assert parts(word, "de") == expected


@pytest.mark.parametrize("word", [
    "Unternehmen", "Konferenz", "Industrie",  # common words are read whole
    "Baidus", "Huaweis",  # a name's possessive is too short to split ("Bai" + "dus")
    "Enflame", "Shanghaier", "Prozessoren",  # no split into common German words
])
def test_a_word_or_a_name_is_no_compound(word):
    assert parts(word, "de") == ()


def test_only_german_compounds_are_split():
    assert parts("Handelskammer", "es") == () and parts("Handelskammer", "de")


def test_a_name_made_of_words_stays_a_name():
    assert is_compound("Handelskammer", "de")
    assert not is_compound("CloudMatrix", "de")  # a capital inside: a product's name
    assert not is_compound("Volkswagen", "de")  # English writes it as a name
    assert not is_compound("Unternehmen", "de")  # a word, not a compound


def test_compounds_are_read_by_their_parts_and_parts_unread_are_split_again():
    english = {"handel": "trade", "kammer": "chamber", "gesicht": "face", "erkennung": "recognition",
               "unternehmen": "company"}
    asked: list[list[str]] = []

    def read(words):
        asked.append(words)
        return {w: english[w] for w in words if w in english}

    got = in_parts(["handelskammer", "gesichtserkennungsunternehmen", "konferenz", "baidus"], "de", read)
    assert got == {"handelskammer": "trade chamber", "gesichtserkennungsunternehmen": "face recognition company"}
    assert asked == [["handel", "kammer", "gesichtserkennung", "unternehmen"], ["gesicht", "erkennung"]]


def test_a_compound_none_of_whose_parts_is_read_is_left_as_typed():
    assert in_parts(["handelskammer"], "de", lambda words: {}) == {}


@pytest.mark.slow
@pytest.mark.parametrize("question, sentence", [
    # refused before: the compounds were read as names the article never writes
    ("Welches Gesichtserkennungsunternehmen ist Mitglied im KI-Komitee der Handelskammer?", "SenseTime"),
    ("Welche Arten von Verbraucherprodukten haben große Unternehmen auf der Konferenz vorgestellt?",
     "consumer tech"),
])
def test_a_german_question_asking_in_compounds_is_answered(engine, question, sentence):
    answer = engine.ask(question)
    assert answer.answerable and sentence in answer.citations[0].sentence, answer


@pytest.mark.slow
def test_a_compound_is_searched_in_the_words_of_its_parts(engine):
    q = engine._understand("Welches Gesichtserkennungsunternehmen ist Mitglied im Komitee?", [], None)
    assert "facial-recognition" in q.search.split() and "Gesichtserkennungsunternehmen" not in q.search, q.search
    assert q.names == ()
