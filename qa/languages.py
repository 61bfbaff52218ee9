"""Which language a question is asked in, so that each channel reads it in terms it knows.

English questions use every channel. A Spanish or Chinese one has its own readings (qa/spanish.py,
qa/crosslingual.py); one in any other language is read by the multilingual embedder (e5) and by
the word aligner (multilingual USE, trained on 16 languages), with that language's function
words left out (the `stop-words` package) and its common words told from names (wordfreq).

Two readers decide. A vote of English against Spanish function words (with ¿ ¡ and Spanish
accents) says whether a question in Latin letters is English; py3langid (a naive Bayes over byte
n-grams, shipped in its wheel) says which other language it is. py3langid reads the question
without its names ("When did Otto von Bismarck die?" is not German), and overrules the vote only
when it is sure, or when the question has no English function word at all: of the 16,405
questions of SQuAD 2.0, SQuADShifts and the blind sets the vote reads as English, one is read as
another language ("van a dar alguna compensacion?", Spanish indeed), where py3langid alone read
39 so.

    identify("What did Huawei launch?")                           -> "en"
    identify("¿Qué presentó Huawei?")                             -> "es"
    identify("Was hat Huawei auf der Konferenz vorgestellt ?")    -> "de"
    identify("华为发布了什么？")                                    -> "zh"
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .crosslingual import has_cjk, has_kana
from .lexical import zipf

# py3langid's probability (normalised over LATIN) above which it overrules the function-word vote
SURE = 0.95
LIKELY = 0.5  # and when it has no English function word in LIKELY_WORDS words or more
LIKELY_WORDS = 3
ENGLISH_ZIPF = 3.0  # a word at least this common in English (wordfreq) is read as English without py3langid
FOREIGN_ZIPF = 4.0  # another language's function word this rare in English is no English word ("ist": 3.4)
FOREIGN_WORDS = 2  # this many such words and the question is no longer English by its words alone
# languages written in Latin letters that both multilingual models read, or close kin of them
LATIN = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ca", "ro", "sv", "da", "no", "fi", "id",
         "cs", "hu")
# and in other scripts (Chinese, Japanese and Korean are told by their characters)
# (Russian for Bulgarian and Macedonian too: a short question can't tell them apart, nor need to)
OTHER_SCRIPTS = ("ru", "uk", "ar", "fa", "he", "el", "hi", "th")

EN_WORDS = frozenset("what which who whom whose when where why how is was were are did does do the of in on "
                     "at to for and an by with from that this many much".split())  # not "a": "¿a qué hora?"
SPANISH_WORDS = frozenset("qué que quién quien quiénes quienes cuándo cuando dónde donde cuál cual cuáles cuales "
                          "cuántos cuántas cuánto cuánta cuantos cuantas cuanto cuanta cómo como por el la los las del "
                          "de en y un una es son fue se con para al lo su sus hay tiene tienen está esta están estan "
                          "cada muy más pero también tambien sobre desde hasta".split())  # typed without accents too

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# what Korean joins to a noun ("화웨이는", "회의에서", "알리바바의"), longest first
KOREAN_PARTICLES = tuple(sorted("은 는 이 가 을 를 의 에 에서 와 과 도 로 으로 랑 이랑 한테 께서 에게 만 까지 부터 보다 처럼 이나 나 "
                                "이가 에는 에서는 와는 과는 요".split(), key=len, reverse=True))


def without_particle(word: str) -> str:
    """A Korean word without the particle it ends with, when two syllables or more are left
    ("회의에서" -> "회의"; "누가" stays)."""
    for p in KOREAN_PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[:-len(p)]
    return word
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _latin_share(text: str) -> float | None:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isascii()) / len(letters) if letters else None


def _voters(text: str) -> list[str]:
    """The question's words that may vote: capitalised words inside it are names ("Where is El
    Castillo?", "Who was mayor of Los Angeles?") and cast no vote."""
    words = re.findall(r"\w+", text)
    return [w.lower() for k, w in enumerate(words) if k == 0 or not w[0].isupper()]


def _votes(text: str) -> tuple[int, int]:
    """(English, Spanish) function words of the question."""
    votes = _voters(text)
    spanish = sum(w in SPANISH_WORDS or bool(re.search(r"[ñáéíóú]", w)) for w in votes)
    return sum(w in EN_WORDS for w in votes), spanish


_STOP_LISTS = {"no": "nb"}  # py3langid's code -> the stop-words package's


@lru_cache(maxsize=None)
def stop_words(lang: str = "es") -> frozenset[str]:
    """The language's function words (the `stop-words` package's list; none for a language it lacks)."""
    from stop_words import StopWordError, get_stop_words

    try:
        return frozenset(get_stop_words(_STOP_LISTS.get(lang, lang)))
    except StopWordError:
        return frozenset()


def _english_only(text: str, lang: str) -> int:
    """The English function words of the question that are not ``lang``'s too: German writes "in"
    and "was", Portuguese "do", French "on"."""
    return sum(w in EN_WORDS and w not in stop_words(lang) for w in _voters(text))


def voted_english(text: str) -> bool:
    """Mostly Latin letters and more English than Spanish function words."""
    share = _latin_share(text)
    if share is None:
        return True
    if share < 0.7 or re.search(r"[¿¡]", text):
        return False
    english, spanish = _votes(text)
    return spanish <= english


_model, _model_lock = None, threading.Lock()


def language_model():
    """py3langid's model, cut to the languages it is asked to choose among (~1.3 s to load:
    Engine.warm_up starts it in the background; a question that needs it meanwhile waits for that
    load, not a second one)."""
    global _model
    with _model_lock:
        if _model is None:
            _model = _model_of(LATIN + OTHER_SCRIPTS)
        return _model


def _model_of(languages: tuple[str, ...]):
    """py3langid's model with only ``languages``' columns of its table of n-gram weights (5 MB of
    its 27: 26 of its 142 classes). Each class's score is read from its own column, so the
    likeliest of ``languages`` and its probability among them are what the whole model gives."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, rows, output = load_model(MODEL_DIR / MODEL_FILE)
    keep = [k for k, c in enumerate(classes) if c in languages]
    return LanguageIdentifier(np.ascontiguousarray(ptc[:, keep]), pc[keep], [classes[k] for k in keep],
                              nextmove, output, norm_probs=True, tk_row=rows)


def _classify(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    """The likeliest of ``languages`` and its probability among them."""
    ranked = [(lang, p) for lang, p in language_model().rank(text) if lang in languages]
    total = sum(p for _, p in ranked)
    return (ranked[0][0], ranked[0][1] / total) if total > 0 else ("en", 0.0)


def _all_english(words: str) -> bool:
    """Every word one English uses (so py3langid, and its load, can be spared), and no two of
    them function words of another language English seldom writes: German's are in English text
    too ("ist", "das"), and with its nouns capitalised, taken for names, "Was ist das Ziel des
    KI-Komitees?" was read as "was ist das des", all English."""
    split = words.split()
    return all(zipf(w) >= ENGLISH_ZIPF for w in split) and sum(w in foreign_words() for w in split) < FOREIGN_WORDS


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """The other languages' function words English seldom writes ("ist", "und", "ein"; not "die",
    "den" or "son"): the stop-words lists, small, where wordfreq's would be read for each of 17
    languages."""
    english = stop_words("en") | EN_WORDS
    return frozenset(w for lang in LATIN[1:] for w in stop_words(lang)
                     if w not in english and zipf(w) < FOREIGN_ZIPF)


def without_names(text: str) -> str:
    """The question's words but its names (capitalised words after the first), in lower case."""
    words = _WORD.findall(text)
    return " ".join(w for k, w in enumerate(words) if k == 0 or not w[0].isupper()).lower()


_SCRIPT_SEAM = re.compile(r"(?<=[A-Za-z0-9])(?=[^\W\dA-Za-z_])|(?<=[^\W\dA-Za-z_])(?=[A-Za-z0-9])")
_EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def latin_apart(text: str) -> str:
    """Latin letters and digits set apart from the other script's letters they touch (Japanese
    writes no spaces, Korean joins its particles to a word: "Huawei는", "Huaweiは会議で")."""
    return _SCRIPT_SEAM.sub(" ", text)


@lru_cache(maxsize=4096)
def identify(text: str) -> str:
    """The question's language as an ISO 639-1 code ("en" when it has no letters)."""
    share = _latin_share(text)
    if share is None:
        return "en"
    if share >= 0.7 and _EAST_ASIAN.search(text):
        # names in Latin letters may outweigh the words around them ("Quark AI Glasses什么时候上市？",
        # "Enflame CEO는 누구야?"); "What did 华为 launch?" is English without its names too
        share = _latin_share(without_names(latin_apart(text))) or 0.0
    if share < 0.7:
        if _HANGUL.search(text):
            return "ko"
        if has_kana(text):
            return "ja"
        if has_cjk(text):
            return "zh"
        return _classify(without_names(text) or text, OTHER_SCRIPTS)[0]
    english = voted_english(text)
    if not english and re.search(r"[¿¡]", text):
        return "es"
    words = without_names(text)
    if english and _all_english(words):
        return "en"
    lang, p = _classify(words, LATIN) if words else ("en", 0.0)
    # with not one English function word in three words or more ("Wie viel werden die Quark AI
    # Glasses kosten?"), the likelier language is enough: of 16,405 English questions 25 have
    # none, and one of those reads as another language ("van a dar alguna compensacion?", which is
    # Spanish); a word or two ("huawie?") is too little to tell. An English function word that is
    # one of that language's too is no vote for English ("Welches KI-Modell steckt in der
    # Brille?", "Quem é o CEO do Enflame?"): of the 21,345 questions of SQuAD 2.0's dev file,
    # SQuADShifts and the blind sets the vote reads as English, still only that Spanish one is not
    sure = LIKELY if not _english_only(text, lang) and len(words.split()) >= LIKELY_WORDS else SURE
    if lang == "en" or p < sure:
        return "en" if english else "es"
    return lang

