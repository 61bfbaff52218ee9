"""Names typed in lower case, given back their capitals ("what did xiaomi announce?").

Many people type a chat message without capitals, some in capitals or with every word
capitalised. The engine reads a capitalised word as a name, and a name the text never writes as
the surest sign that it cannot answer (`missing_name` in qa/features.py), so "what did xiaomi
announce at waic?" was answered from the conference's sentence where "What did Xiaomi announce
at WAIC?" is refused, and "WHAT DID HUAWEI LAUNCH?" was refused as a question about eight names.
A question typed with no capital but where a sentence starts, or in one case (`typed_in_one_case`),
has its names written as a typist who uses capitals would:

- a word the documents in scope write capitalised in mid-sentence more often than not, in their
  spelling ("nvidia" -> "Nvidia", "cloudmatrix" -> "CloudMatrix");
- of the words they never write in mid-sentence (or at all), a country, a people or its adjective
  ("japanese" -> "Japanese": qa/countries.py's table), and a word that reads as a name in any
  language: wordfreq has seen it, English does not write it much more often than Spanish and
  Italian do (a company, a city, a person: "xiaomi" is 3.0 on wordfreq's Zipf scale in English,
  3.4 in both, where "glasses" is 4.3 against 2.0), and it is not among the most common English
  words;
- and, for a question typed in one case, the first letter of each sentence.

Stop words stay as typed ("us" is not "US", "who" not "WHO"). On SQuAD 2.0's tuning articles'
questions, lower-cased, 0.90 of the words this capitalises were capitalised by their writers, who
capitalised 0.85 of theirs here (scripts/recase_agreement.py). A Spanish question has only the
documents' names capitalised ("¿qué presentó huawei?"): the word lists take "mosquitos" and
"safari" for names there, and the table of countries is English's.
"""
from __future__ import annotations

import gzip
import re
import statistics
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .corpus import plain
from .countries import country_form
from .lexical import stopwords, zipf
from .question import SPANISH_WORDS, is_english
from .spelling import POSSESSIVE, WORD

_WHOLE_WORD = re.compile(rf"(?<![\w'’-]){WORD.pattern}(?![\w'’-])")  # not "i" of "i18n", "h" of "h100"
_I = re.compile(r"i(?:['’](?:m|ve|d|ll))?")
# a capital at the start of a sentence (or alone, "I") says nothing of how the typist writes names
_SENTENCE_START = re.compile(r"(?:^|[.?!:;\n]\s*)[\"“'¿¡(]*\s*$")
_SENTENCE_OPENING = re.compile(r"((?:^|[.?!]\s+)[\"“'¿¡(]*)([a-z])")
# two Romance languages: with German, French, Portuguese and Dutch too, SQuAD's words were read a
# little better (173 names and 67 other words capitalised against 168 and 76) for 150 MB more
OTHER_LANGUAGES = ("es", "it")
NAME_GAP = 0.7  # a name is written about as often in the other languages as in English
NAME_MAX_ZIPF = 4.5  # "google", "apple", "london": English's own words too; left as typed
COMMON_WORD_ZIPF = 4.0  # "model", "glasses": no name's word in a title-cased question
NAME_MIN_ZIPF = 1.5  # rarer: a typo as likely as a name, left as typed (qa/spelling.py reads typos)
# the English word list's words that read as names (`by_frequencies`), written by
# scripts/build_name_words.py: the two languages' word lists took ~65 MB in a server, these ~6 MB
NAME_WORDS_PATH = Path(__file__).parent / "models" / "name_words.txt.gz"


def _mid_sentence_words(text: str) -> list[str]:
    """The words of a text that open no sentence."""
    return [m.group(0) for m in WORD.finditer(text) if not _SENTENCE_START.search(text[:m.start()])]


def typed_in_lower_case(text: str) -> bool:
    """Whether a question has no capital but where a sentence starts ("I" aside): a typist who
    doesn't capitalise names. "What did Xiaomi …" capitalises them, so a lower-case word there is
    no name."""
    return not any(w != "I" and any(c.isupper() for c in w) for w in _mid_sentence_words(text))


def typed_in_one_case(text: str) -> bool:
    """Whether a question's capitals say nothing of its names: all in capitals ("WHAT DID HUAWEI
    LAUNCH?", two words or more) or every word capitalised ("What Did Huawei Launch At The
    Conference?", "… Launch at the Conference?", "Which AI Model Powers Alibaba's Glasses?"). A
    small word inside a sentence ("Did", "The") is capitalised in no other kind of typing; with
    none, two common English words capitalised ("Model", "Glasses") tell it from a run of names."""
    words = [w for w in WORD.findall(text) if len(w) > 1]
    if len(words) >= 2 and all(w.isupper() for w in words):
        return True
    inside = [w for w in _mid_sentence_words(text) if len(w) > 1]
    small = [w for w in inside if w.lower() in stopwords()]
    content = [w for w in inside if w.lower() not in stopwords()]
    if len(inside) < 3 or not all(w[0].isupper() for w in content):
        return False
    if small:
        return any(w[0].isupper() for w in small)
    return sum(zipf(w.lower()) >= COMMON_WORD_ZIPF for w in content) >= 2


def by_frequencies(word: str) -> bool:
    """Whether a word reads as a name by the languages' word lists (the module's docstring):
    what scripts/build_name_words.py asks of each word of the English list."""
    in_english = zipf(word)
    if not NAME_MIN_ZIPF <= in_english < NAME_MAX_ZIPF:
        return False
    return statistics.mean(zipf(word, lang) for lang in OTHER_LANGUAGES) >= in_english - NAME_GAP


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """The English list's words that read as names, as wordfreq writes them (lower case)."""
    with gzip.open(NAME_WORDS_PATH, "rt", encoding="utf-8") as f:
        return frozenset(f.read().split())


def reads_as_name(word: str) -> bool:
    """A word no document writes that is a name in any language: `by_frequencies`, read from the
    list of the English words that are (a word wordfreq reads as several, "chip-maker", is none)."""
    from wordfreq import lossy_tokenize

    tokens = lossy_tokenize(word, "en")
    return len(tokens) == 1 and tokens[0] in name_words()


def read_name_words() -> None:
    """Load the words `reads_as_name` knows (~50 ms once: a server does it at warm-up)."""
    name_words()


def recased(text: str, in_mid_sentence: Callable[[str], str | None]) -> str:
    """``text`` with its names and sentences capitalised when it was typed in lower case (or in
    capitals, or with every word capitalised: `typed_in_one_case`), else as it is.
    ``in_mid_sentence`` gives how the documents write a word in mid-sentence, mostly ("nvidia"
    -> "Nvidia", "world" -> "world"), or None when they never do (`Vocabulary.in_mid_sentence`)."""
    text = plain(text)  # an accented letter typed decomposed is one letter of its word
    one_case = typed_in_one_case(text)
    if one_case:  # read as if typed in lower case
        text = text.lower()
    elif not typed_in_lower_case(text):
        return text
    english = is_english(text)

    def name(m: re.Match) -> str:
        word = m.group(0)
        if _I.fullmatch(word):
            return "I" + word[1:]
        if not word.islower() or word in stopwords() or len(word) < 2:
            return word
        if not english and word in SPANISH_WORDS:  # "el" of a question, not "El" of a name
            return word
        bare = POSSESSIVE.sub("", word)
        written = in_mid_sentence(bare)
        if written is None and english:  # no document writes it, or only where a sentence starts
            written = country_form(bare) or (bare.capitalize() if reads_as_name(bare) else bare)
        return (written if written is not None and written[:1].isupper() else bare) + word[len(bare):]

    words = list(_WHOLE_WORD.finditer(text))
    read = [name(m) for m in words]
    # a word between two names' words is one too ("austral launch systems": "launch" is mostly
    # written in lower case, but not inside "Austral Launch Systems")
    for k in range(1, len(read) - 1):
        before, after = read[k - 1], read[k + 1]
        if (read[k].islower() and read[k] not in stopwords() and len(read[k]) > 1
                and before[:1].isupper() and before != "I" and not _SENTENCE_START.search(text[:words[k - 1].start()])
                and after[:1].isupper() and after != "I" and (english or read[k] not in SPANISH_WORDS)
                and text[words[k - 1].end():words[k + 1].start()].strip() == words[k].group(0)):
            read[k] = read[k].capitalize()
    pieces, last = [], 0
    for m, r in zip(words, read):
        pieces += [text[last:m.start()], r]
        last = m.end()
    named = "".join(pieces) + text[last:]
    # a question typed in one case opened its sentences with capitals, as it gets them back; one
    # typed in lower case keeps its small first letters: capitalised, SQuAD's lower-cased questions
    # were refused as the written ones are (correct refusals 0.175 -> 0.222 on the tuning
    # articles), but the people who typed the blind news sets' questions that way lost right
    # answers (cite@1 0.458 -> 0.438 and 0.607 -> 0.571 on two conversation sets)
    return _SENTENCE_OPENING.sub(lambda m: m.group(1) + m.group(2).upper(), named) if one_case else named
