"""German compounds read as their parts: "Gesichtserkennungsunternehmen" is Gesicht, Erkennung,
Unternehmen (face, recognition, company).

German writes in one word what English writes in several, and a compound is rarely in any word
list: wordfreq has no "Gesichtserkennungsunternehmen", so the question reader took it for a
name the text must write (and refused the question), and no document word or English word was
near enough to stand for it. Its parts are common words, each of which the documents' English
words or the dictionary (qa/lexicon.py) read well.

A word is split where every part is a common German word, allowing the linking letters German
puts between parts (Gesicht-s-erkennung), into as few parts as can be. wordfreq, already a
dependency, is the word list; compound-split (CharSplit, the one packaged German splitter) was
not taken: GPL-3.0, a 39 MB module to import, and it splits one word into two parts only.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .lexical import zipf

COMPOUNDING = frozenset({"de"})  # languages whose nouns join into one word
PART_ZIPF = 3.0  # each part this common in the language: "Indus" + "trie" is no split of "Industrie"
SHORTEST_PART = 4  # "ver", "all", "ian" are no parts: "ver|wehren", "all|ian|zen"
SHORTEST_WORD = 8  # a shorter word is a name or a word ("Baidus" is no "Bai" + "dus")
WHOLE_ZIPF = 4.5  # a word this common is read whole ("Unternehmen", not "Unter" + "nehmen")
# what German writes between a compound's parts: Gesicht-s-erkennung, Verbraucher-Ø-produkt,
# Sonne-n-blume, Kind-er-garten, Tag-es-licht
_LINKS = ("", "s", "es", "n", "en", "er", "e")
NAME_ZIPF = 2.0  # a compound English writes this often is a name ("Volkswagen", "Lufthansa")
_INNER_CAPITAL = re.compile(r".[A-Z]")  # "CloudMatrix" is a name, not "cloud" + "matrix"


def is_compound(word: str, lang: str) -> bool:
    """Whether ``word``, as typed, is a compound of common words of ``lang`` rather than a
    name: "Handelskammer", not "CloudMatrix" or "Volkswagen"."""
    return bool(parts(word, lang)) and not _INNER_CAPITAL.search(word) and zipf(word.lower()) < NAME_ZIPF


def in_parts(words: list[str], lang: str, read: Callable[[list[str]], dict[str, str]], depth: int = 2) -> dict[str, str]:
    """The compounds among ``words`` in the words ``read`` gives their parts (the documents'
    words or English ones): {"handelskammer": "trade chamber"}. A part ``read`` can't read is
    split in turn ("Gesichtserkennung": face, recognition), or left as German writes it; a
    compound none of whose parts is read is left out."""
    split = {w: found for w in words if (found := parts(w, lang))}
    if not split:
        return {}
    pieces = list(dict.fromkeys(p for found in split.values() for p in found))
    done = read(pieces)
    if depth > 1:
        done |= in_parts([p for p in pieces if p not in done], lang, read, depth - 1)
    return {w: " ".join(done.get(p, p) for p in found) for w, found in split.items()
            if any(p in done for p in found)}


def parts(word: str, lang: str) -> tuple[str, ...]:
    """The parts of a compound word of ``lang``, lower case, or () for a word that is none:
    a common word read whole, a name ("Biren"), a word of a language that does not compound."""
    if lang not in COMPOUNDING or len(word) < SHORTEST_WORD:
        return ()
    return _split(word.lower(), lang)


@lru_cache(maxsize=4096)
def _split(word: str, lang: str) -> tuple[str, ...]:
    if zipf(word, lang) >= WHOLE_ZIPF:
        return ()
    found = _fewest(word, lang)
    return found if len(found) >= 2 else ()


def _fewest(word: str, lang: str) -> tuple[str, ...]:
    """The split of ``word`` into common words with the fewest parts, the rarest part as common
    as can be among those ("Handel|s|kammer": Handel 4.7, Kammer 4.2; not "Handels|kammer",
    Handels 3.9); () if there is none."""
    best: dict[int, tuple[int, float, tuple[str, ...]]] = {len(word): (0, float("inf"), ())}
    for start in range(len(word) - SHORTEST_PART, -1, -1):
        options = []
        for end in range(start + SHORTEST_PART, len(word) + 1):
            part = word[start:end]
            if start == 0 and end == len(word):  # the word itself is no split of it
                break
            common = zipf(part, lang)
            if common < PART_ZIPF:
                continue
            for link in _LINKS if end < len(word) else ("",):
                rest = best.get(end + len(link))
                if rest is None or not word.startswith(link, end) or (link and end + len(link) == len(word)):
                    continue
                count, rarest, tail = rest
                options.append((count + 1, -min(rarest, common), (part, *tail)))
        if options:
            count, rarest, split = min(options)
            best[start] = (count, -rarest, split)
    return best[0][2] if 0 in best else ()
