"""Names a question writes in its own letters, read as the documents spell them.

A Japanese, Korean or Russian reader writes Huawei as ファーウェイ, 화웨이 or Хуавэй, Alibaba as アリババ,
알리바바 or Алибаба. Neither embedder links these to the Latin name well ("ファーウェイは会議で何を
発表しましたか？" was refused, "Что представила Алибаба?" cited Tencent), while a question naming
Huawei in Latin letters amid Japanese is answered. So each word of such a script is romanised
(anyascii), reduced to a key of how it sounds, and matched to the documents' names by the same key:
the letters these languages' spellings confuse count as one (l and r, v and b and w, f and h, c
and k or s, g and k, kh and h), doubled letters as one, and the vowel Japanese and Korean add after
a final consonant is dropped ("tensento", "tensenteu": Tencent). Only words the documents write
capitalised and English rarely uses are names here: "モデル" is the word "model", not a name.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz, process

from .frequencies import Frequencies, table
from .languages import KOREAN_PARTICLES
from .lexical import zipf

SOUNDS_ALIKE = 85  # rapidfuzz ratio (0-100) of two sound keys above which they name the same thing
SPELT_ALIKE = 90  # the same for an alphabet that writes each sound ("Хуавэй", "Тенсент"), not a syllabary
MIN_KEY = 4  # shorter keys ("baid" is four) match too much by chance
NAME_ZIPF = 3.5  # a capitalised document word rarer than this in English is a name ("Huawei" 3.3, "Model" 5.1)
OWN_ZIPF = 3.5  # and a question word rarer than this in its own language may be one (not グラス 4.2, "кроме" 5.5)
OWN_ZIPF_SPELT = 2.5  # in an alphabet, whose words wordfreq lists more fully ("Хуавей" 1.8, "чипа" 3.1)
MIN_SYLLABLES = 3  # a Korean name without its particle: shorter words ("있어", "말고") are mostly common ones

_SOUNDS = [(re.compile(a), b) for a, b in (
    (r"kh", "h"), (r"ph", "f"), (r"ck", "k"), (r"x", "ks"), (r"q", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"),
    (r"w", "u"), (r"y", "i"), (r"l", "r"), (r"f", "h"), (r"g", "k"), (r"z", "s"), (r"tz", "ts"),
    (r"ou", "u"), (r"eu", "u"), (r"(.)\1+", r"\1"), (r"(?<=[^aeiou])[uo]$", ""))]
# a v sounds as b in one spelling and as w in another: Nvidia is エヌビディア, Huawei Хуавэй

_KATAKANA = re.compile(r"[ァ-ヺー]{2,}")
_HANGUL = re.compile(r"[가-힣]+")
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{3,}")
# a Korean verb's or adjective's endings ("낫다고", "기반인가요"): names are nouns
_VERB_ENDING = re.compile(r"(?:요|다|까|고|니|지|게|죠|음|임|함|됨)$")
# the endings Russian declines a name with ("Алибабы", "Тенсента", "Алибабой"), longest first
_ENDINGS = sorted("а у е ы и ом ой ою ем ей ам ами ах ов ев".split(), key=len, reverse=True)

def sound_keys(word: str) -> set[str]:
    """How a word sounds, in Latin letters, with the letters spellings confuse made one (a v
    read both ways)."""
    romanised = re.sub(r"[^a-z]", "", anyascii(word).lower())
    keys = set()
    for v in ("b", "u"):
        key = romanised.replace("v", v)
        for rx, to in _SOUNDS:
            key = rx.sub(to, key)
        keys.add(key)
    return keys


def names_by_sound(spellings: Iterable[str]) -> dict[str, str]:
    """{sound key: spelling} of the names among a documents' words (their usual spellings)."""
    out: dict[str, str] = {}
    for word in spellings:
        if word[:1].isupper() and word.isascii() and zipf(word.lower()) < NAME_ZIPF:
            for key in sound_keys(word):
                if len(key) >= MIN_KEY:
                    out.setdefault(key, word)
    return out


@lru_cache(maxsize=8)
def _frequencies(lang: str) -> Frequencies | None:
    """wordfreq's list for a language read as it is (its lookup would split Japanese and Korean
    with MeCab, which is not installed)."""
    from wordfreq import available_languages

    return table(lang) if lang in available_languages() else None


def _rare(word: str, lang: str) -> bool:
    """A word its own language seldom uses: a name, not a loanword or a common word."""
    freqs = _frequencies(lang)
    f = (freqs.get(word.lower()) if freqs is not None else None) or 0.0
    return f == 0.0 or math.log10(f) + 9 < (OWN_ZIPF_SPELT if _OTHER_LETTERS.fullmatch(word) else OWN_ZIPF)


def _candidates(text: str, lang: str) -> list[tuple[str, list[str]]]:
    """(word as written, the forms of it that may be the name) for each rare word of another
    script: a katakana word; a Korean word and it without a particle; a Cyrillic (Greek, …) word
    and it without a case ending ("Алибабы", "Тенсента")."""
    out = []
    for m in _KATAKANA.finditer(text):
        out.append((m.group(0), [m.group(0)]))
    for m in _HANGUL.finditer(text):
        word = m.group(0)
        if not _VERB_ENDING.search(word):
            out.append((word, [word] + [word[:-len(p)] for p in KOREAN_PARTICLES if word.endswith(p) and len(word) > len(p)]))
    for m in _OTHER_LETTERS.finditer(text):
        word = m.group(0)
        out.append((word, [word] + [word[:-len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]))
    # a word whose every form is rare ("альянсы" is "альянс", a common word, declined; "기술은" is
    # 기술 "technology" and a particle), and of these the forms long enough to tell
    return [(word, [f for f in forms if not _HANGUL.fullmatch(f) or len(f) >= MIN_SYLLABLES])
            for word, forms in out if all(_rare(f, lang) for f in forms)]


def in_another_script(text: str) -> bool:
    """Whether the text has a word of a script that may write a name (katakana, Hangul,
    Cyrillic, …): only then are the documents' names read (`names_by_sound`)."""
    return any(rx.search(text) for rx in (_KATAKANA, _HANGUL, _OTHER_LETTERS))


def in_their_spelling(text: str, names: Mapping[str, str], lang: str) -> str:
    """The text with each name written in another script replaced by the documents' spelling
    ("ファーウェイはWAICで何を発表したの？" -> "HuaweiはWAICで何を発表したの？"); as it was when none is."""
    if not names or text.isascii():
        return text
    keys = list(names)
    found: dict[str, str] = {}
    for word, forms in _candidates(text, lang):
        best = None
        for form in forms:  # (none: every form too short)
            cutoff = SPELT_ALIKE if _OTHER_LETTERS.fullmatch(word) else SOUNDS_ALIKE
            for key in sound_keys(form):
                hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff) if len(key) >= MIN_KEY else None
                if hit is not None and (best is None or hit[1] > best[1]):
                    best = (form, hit[1], names[hit[0]])
        if best is not None:  # Korean keeps its particle ("Huawei는"), Russian loses its ending ("Алибабы")
            form, _, name = best
            found[form if _HANGUL.fullmatch(word) else word] = name
    for written in sorted(found, key=len, reverse=True):
        spaced = f" {found[written]} " if _OTHER_LETTERS.fullmatch(written) else found[written]
        text = text.replace(written, spaced)
    return re.sub(r" {2,}", " ", re.sub(r" +(?=[?!.,:;？！。、])", "", text)).strip()
