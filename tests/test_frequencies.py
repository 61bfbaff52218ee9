"""wordfreq's frequencies held compactly (qa/frequencies.py): the same figures as wordfreq's."""
import random

import pytest
import wordfreq

from qa import frequencies


@pytest.mark.parametrize("lang", ["en", "es", "ru", "no"])
def test_every_word_of_a_list_has_wordfreqs_frequency(lang):
    """"no" is read from wordfreq's nearest list ("nb"), as wordfreq reads it."""
    whole = wordfreq.get_frequency_dict(lang)
    table = frequencies.table(lang)
    assert len(table) == len(whole) > 20_000
    assert all(table.get(w) == f for w, f in whole.items())
    assert table.get("qqzxv-no-such-word") is None


def test_zipf_is_wordfreqs_for_words_phrases_numbers_and_unknown_words():
    words = random.Random(0).sample(wordfreq.top_n_list("en", 50_000), 2_000)
    words += ["New York", "don't", "co-op", "1990s", "3.5", "2,000", "GLASSES", "qqzxv", "", "  ", "über"]
    for lang in ("en", "de"):
        assert [frequencies.zipf_frequency(w, lang) for w in words] == [wordfreq.zipf_frequency(w, lang) for w in words]


def test_words_are_told_apart_by_their_letters_not_their_stored_bytes():
    """Python's str hash reads a string's stored bytes: "u0" (two one-byte letters) and "ふ"
    (one two-byte letter) hash alike, and a table keyed by it gave "u0" the frequency of "ふ"."""
    assert hash("u0") == hash("ふ")
    table = frequencies.table("en")
    assert table.get("u0") == wordfreq.get_frequency_dict("en")["u0"] != table.get("ふ")


def test_the_commonest_words_are_wordfreqs():
    assert frequencies.top_n_list("es", 5_000) == wordfreq.top_n_list("es", 5_000)
    assert frequencies.top_n_list("xx-unknown", 10) == []


def test_a_language_without_a_list_is_an_error_as_in_wordfreq():
    """(A language wordfreq reads as a near one, it reads so: Klingon as English.)"""
    with pytest.raises(LookupError):
        frequencies.zipf_frequency("hola", "xx-unknown")
    with pytest.raises(LookupError):
        wordfreq.zipf_frequency("hola", "xx-unknown")
    assert frequencies.zipf_frequency("hola", "tlh") == wordfreq.zipf_frequency("hola", "tlh")


def test_a_language_costs_ten_bytes_a_word():
    table = frequencies.table("ru")
    assert table._hashes.nbytes + table._centibels.nbytes == 10 * len(table)


def test_the_engines_word_lookups_leave_wordfreqs_own_tables_unread():
    """What held 45-125 MB a language: every lookup of the engine goes through qa/frequencies.py."""
    from qa import lexical, lexicon, spelling, transliterate

    wordfreq.get_frequency_list.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    lexical.zipf.cache_clear()
    assert lexical.zipf("university") > 5 and lexical.zipf("universidad", "es") > 4 and lexical.zipf("университет", "ru") > 4
    assert len(lexicon.lexicon_words()) > 9_000 and "university" in spelling.english_words()
    assert transliterate._rare("Тенсент", "ru") and not transliterate._rare("университет", "ru")
    assert wordfreq.get_frequency_list.cache_info().currsize == 0
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0


def test_a_language_is_read_once_when_two_questions_need_it(monkeypatch):
    import threading
    import time

    reads = []

    def slow_read(lang):
        reads.append(lang)
        time.sleep(0.2)
        return None

    monkeypatch.setattr(frequencies, "_tables", {"en": frequencies.table("en")})
    monkeypatch.setattr(frequencies, "_read", slow_read)
    got = []
    threads = [threading.Thread(target=lambda: got.append(frequencies.table("zz"))) for _ in range(2)]
    for t in threads:
        t.start()
    english = frequencies.table("en")  # a language read already is not held up by one being read
    for t in threads:
        t.join()
    assert reads == ["zz"] and got == [None, None] and english is not None
