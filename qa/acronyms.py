"""Acronyms of the names a text writes out, so a question may abbreviate them ("WAIC" for the
World Artificial Intelligence Conference, "UN", "WWII").

A word the documents never use is the strongest sign that they cannot answer a question, and
people abbreviate names that articles write out; qa/spelling.py reads such a word as the name.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Callable

# a name is capitalised words in a row within a sentence, with these small words between them
# allowed ("Chamber of Commerce", "Center for Disease Control"); they add no letter
# ("SGCC"), or their first one ("BoA"). "and", "in" or "at" between two names joins two names.
_CONNECTORS = ("of", "for", "de", "du", "del", "la", "von", "van")
_CAPITALISED = r"(?<![\w’'&.-])[A-Z][\w’'&.-]*"
_NAME_RUN = re.compile(rf"{_CAPITALISED}(?:(?:\s+(?:{'|'.join(_CONNECTORS)})(?:\s+the)?)?\s+{_CAPITALISED})+")
_SMALL = frozenset(_CONNECTORS) | {"the"}  # trimmed from a name's ends ("The World Bank")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’')\]]*\s+|\n\s*)$")  # before a sentence's first word
_ROMAN = re.compile(r"[IVXLC]+")
ACRONYM_LETTERS = (2, 8)
TWO_LETTER_MIN_COUNT = 2  # "UN": a text has many two-word names, so one written out at least twice
MAX_NAME_WORDS = 8
MAX_ACRONYMS_PER_NAME = 16


# abbreviations English uses for what a text may write out in lower case, or by words whose
# initials are not the abbreviation's ("Soviet Union" for the USSR): read as written out when a
# text writes them so ("What share of GDP …?" of "… of gross domestic product")
WELL_KNOWN = {
    "AI": ("artificial intelligence",),
    "UN": ("United Nations",),
    "EU": ("European Union",),
    "USSR": ("Soviet Union", "Union of Soviet Socialist Republics"),
    "GDP": ("gross domestic product",),
    "GNP": ("gross national product",),
    "IMF": ("International Monetary Fund",),
    "WHO": ("World Health Organization", "World Health Organisation"),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "OECD": ("Organisation for Economic Co-operation and Development",
             "Organization for Economic Cooperation and Development"),
    "NGO": ("non-governmental organization", "non-governmental organisation", "nongovernmental organization"),
    "DNA": ("deoxyribonucleic acid",),
    "RNA": ("ribonucleic acid",),
    "HIV": ("human immunodeficiency virus",),
    "AIDS": ("acquired immune deficiency syndrome", "acquired immunodeficiency syndrome"),
    "CEO": ("chief executive officer", "chief executive"),
    "LLM": ("large language model",),
    "GPU": ("graphics processing unit",),
    "CPU": ("central processing unit",),
    "WWII": ("Second World War", "World War II"),
    "WWI": ("First World War", "World War I"),
}


def _written(full: str) -> str:
    """A pattern of a name however its words are spaced or hyphenated ("non-governmental")."""
    return r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", full)))


def _spaced(name: str) -> str:
    """A name as one key, however spaced, hyphenated or capitalised."""
    return re.sub(r"[\s-]+", " ", name.lower())


# the names in lower case, matched in a text's lower case (twice as fast as ignoring case, over a
# million sentences' words read in the background); a text whose lower case is longer ("İ")
# is matched ignoring case
_NAMES = "|".join(sorted((_written(full.lower()) for fulls in WELL_KNOWN.values() for full in fulls), key=len, reverse=True))
_WRITTEN_OUT = re.compile(rf"\b({_NAMES})s?\b")  # "non-governmental organizations"
_WRITTEN_OUT_ANY_CASE = re.compile(rf"\b({_NAMES})s?\b", re.I)
_ABBREVIATION_OF = {_spaced(full): abbreviation.lower() for abbreviation, fulls in WELL_KNOWN.items() for full in fulls}


def well_known_in(text: str) -> Counter[tuple[str, str]]:
    """(abbreviation, name as written) for each name of WELL_KNOWN the text writes out, counted."""
    low = text.lower()
    found = _WRITTEN_OUT.finditer(low) if len(low) == len(text) else _WRITTEN_OUT_ANY_CASE.finditer(text)
    return Counter((_ABBREVIATION_OF[_spaced(m.group(1))], text[m.start(1):m.end(1)]) for m in found)


_TYPED = re.compile(r"(?<![\w-])(" + "|".join(sorted(WELL_KNOWN, key=len, reverse=True)) + r")(?:['’]s)?(?![\w-])")
_FORMS = {abbreviation: re.compile(r"(?<![\w-])(?:" + "|".join(map(_written, fulls)) + r")(?![\w-])", re.I)
          for abbreviation, fulls in WELL_KNOWN.items()}


def abbreviation_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(an abbreviation of WELL_KNOWN the question types in capitals, a pattern of the ways it is
    written out) for each: "Why are Chinese AI firms …?" is asked in a sentence writing "Chinese
    artificial intelligence firms" too (read by qa/features.py, as a country's other names are).
    A question typed all in capitals has no telling capitals ("WHO IS …")."""
    if question.isupper():
        return []
    return [(m.group(1), _FORMS[m.group(1)]) for m in _TYPED.finditer(question)]


def _letters(word: str) -> set[str]:
    """What one capitalised word may give an acronym: its initial, each hyphenated part's
    initial ("Model-Chip" -> "mc"), or all of it when it is an acronym itself ("AI" -> "ai");
    a Roman numeral only all of it."""
    if _ROMAN.fullmatch(word):  # "World War II" is "WWII", never "WWI"
        return {word.lower()}
    parts = [p for p in re.split(r"[-.]", word) if p]
    out = {word[0].lower(), "".join(p[0] for p in parts).lower()}
    if len(word) > 1 and word.isupper() and word.isalpha():
        out.add(word.lower())
    return out


def _acronyms(words: list[str]) -> set[str]:
    options = [""]
    for w in words:
        choices = _letters(w) if w[0].isupper() else {"", w[0].lower()}
        options = [o + c for o in options for c in choices][:MAX_ACRONYMS_PER_NAME]
    return {k for k in options if ACRONYM_LETTERS[0] <= len(k) <= ACRONYM_LETTERS[1] and k.isalpha()}


def acronyms_of(text: str, common: Callable[[str], bool] = lambda w: False) -> Counter[tuple[str, str]]:
    """(acronym, name) pairs for the names the text writes out, counted. A name is a longest run
    of two or more capitalised words; a possessive or a full stop ends it, and a sentence's first
    word joins it only if it is no ``common`` English word ("Its AI cloning tool" names nothing)."""
    out: Counter[tuple[str, str]] = Counter()
    for m in _NAME_RUN.finditer(text):
        words, starts, at = [], [], m.start()
        for piece in m.group(0).split():
            at = text.index(piece, at)
            words.append(piece)
            starts.append(at)
            at += len(piece)
            if _POSSESSIVE.search(piece) or piece.endswith("."):
                _count_name(text, words, starts, common, out)
                words, starts = [], []
        _count_name(text, words, starts, common, out)
    return out


def _count_name(text: str, words: list[str], starts: list[int], common: Callable[[str], bool],
                out: Counter[tuple[str, str]]) -> None:
    """Count the acronyms of one run of capitalised words (``starts``: where each begins)."""
    lo, hi = 0, len(words)
    if hi and (starts[0] == 0 or _SENTENCE_END.search(text, max(0, starts[0] - 12), starts[0])) \
            and common(words[0].lower()):
        lo = 1
    while lo < hi and words[lo].lower() in _SMALL:
        lo += 1
    while hi > lo and words[hi - 1].lower() in _SMALL:
        hi -= 1
    bare = [_POSSESSIVE.sub("", w.rstrip(".")) for w in words[lo:hi]]
    bare = [w for w in bare if w]
    if 2 <= sum(w[0].isupper() for w in bare) <= MAX_NAME_WORDS:
        name = _POSSESSIVE.sub("", text[starts[lo]:starts[hi - 1] + len(words[hi - 1])].rstrip("."))
        for key in _acronyms(bare):
            out[(key, name)] += 1


def best_names(pairs: Counter[tuple[str, str]]) -> dict[str, str]:
    """Each acronym's name: the one most often written out with those initials; among equals, the
    one with fewest words (the name itself, not it with its neighbours)."""
    out: dict[str, str] = {}
    for (key, name), n in sorted(pairs.items(), key=lambda kv: (-kv[1], len(kv[0][1].split()), kv[0][1])):
        if len(key) > 2 or n >= TWO_LETTER_MIN_COUNT:
            out.setdefault(key, name)
    return out


def expand(acronyms: dict[str, str], word: str, common: Callable[[str], bool] = lambda w: False) -> str | None:
    """The name that ``word`` abbreviates, or None. A word in lower case is read so only when it
    is no ``common`` English word ("waic", not "was"), and one of two letters only in capitals
    ("UN")."""
    base = _POSSESSIVE.sub("", word)
    if not base.isalpha() or not ACRONYM_LETTERS[0] <= len(base) <= ACRONYM_LETTERS[1]:
        return None
    if not base.isupper() and (len(base) < 3 or not base.islower() or common(base)):
        return None
    name = acronyms.get(base.lower())
    return None if name is None else name + word[len(base):]
