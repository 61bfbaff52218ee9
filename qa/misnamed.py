"""A question that names someone the text does not: the text's surname with another given name.

"How many votes did Ruth Nandakumar get?" of a story about Priya Nandakumar; "What did CFO Denise
Pell say?" where Denise is the chief executive's given name and Raymond Pell the finance chief.
Readers misremember names, and SQuAD 2.0's unanswerable questions swap them on purpose. The
embedders read the surname and everything else the question says, find the sentence about the
other person and answer with it. What the text writes settles it: a given name and a surname it
never writes together, each of which it writes with someone else's.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .lexical import zipf
from .question import names
from .span import person_spans

# words before a surname that are no given name ("Mrs Brennock", "Cllr Rao", "CFO Denise Pell")
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady cllr councillor judge justice mayor president "
    "senator sen governor gov rep representative minister secretary chancellor king queen prince princess "
    "pope saint st captain capt coach general gen colonel col major lieutenant lt sergeant sgt officer "
    "inspector detective chief director ceo cfo coo cto chairman chairwoman chair bishop father brother "
    "sister rev reverend rabbi imam emperor empress duke duchess count countess baron baroness earl pastor "
    "principal chef uncle aunt grandma grandpa grandmother grandfather mother dr. mr. mrs. ms. st. "
    "executive financial operating technology vice deputy acting interim former late".split())
# a capitalised question word this common in English is taken for a given name only when the
# text writes it as one ("Will", "Rose"): otherwise it is a title or a word ("Defence Gareth ...")
_COMMON_ZIPF = 5.0


def given_words(words: list[str]) -> list[str]:
    """A name's words after its titles, without initials and a possessive ("Chief Financial
    Officer Raymond Pell's" -> Raymond, Pell; "John F. Kennedy" -> John, Kennedy; "Defence
    Secretary Nandakumar" -> Nandakumar)."""
    out: list[str] = []
    for w in words:
        w = re.sub(r"[’']s$", "", w).rstrip(".")
        if w.lower() in _TITLES:
            out = []
        elif len(w) > 1:
            out.append(w)
    return out


@lru_cache(maxsize=64)
def people(sentences: tuple[str, ...]) -> tuple[frozenset[tuple[str, str]], dict[str, set[str]], dict[str, int]]:
    """What sentences write of people, lower-cased: every (given word, surname) pair of a name
    ("Gabriel García Márquez": Gabriel and García with Márquez), the surnames each given word
    stands before, and how often each capitalised word (or its plural) is written outside such a
    place (alone, as a surname, in another kind of name)."""
    pairs: set[tuple[str, str]] = set()
    given: dict[str, set[str]] = {}
    elsewhere: dict[str, int] = {}
    for sentence in sentences:
        for w in re.findall(r"(?<![\w’'-])[A-Z][\w’'-]*", sentence):
            w = re.sub(r"[’']s$", "", w).lower()
            elsewhere[w] = elsewhere.get(w, 0) + 1
        for a, b in person_spans(sentence):
            words = [w.lower() for w in given_words(sentence[a:b].split())]
            for w in words[:-1]:
                pairs.add((w, words[-1]))
                given.setdefault(w, set()).add(words[-1])
                elsewhere[w] = elsewhere.get(w, 0) - 1
    return frozenset(pairs), given, elsewhere


def _asked_people(question: str, given: dict[str, set[str]]) -> list[tuple[str, str, str]]:
    """(given name, surname, the name as written) the question writes, lower-cased: its
    capitalised names ("France's Huguenot" is no given name and surname), and two words in a row
    typed in lower case that the text writes as a given name and a surname ("what did denise
    pell say")."""
    out = []
    for _, _, name in names(question):
        if re.search(r"[’']s\s", name):
            continue
        words = given_words(name.split())
        if len(words) >= 2:
            out.append((words[-2].lower(), words[-1].lower(), name))
    if question == question.lower():
        words = re.findall(r"[\w’'-]+", question)
        surnames = {s for ss in given.values() for s in ss}
        out += [(a, b, f"{a} {b}") for a, b in zip(words, words[1:]) if a in given and b in surnames]
    return out


def _alike(a: str, b: str) -> bool:
    """The same name shortened or mistyped: "Ray" and "Raymond", "Lain" and "Iain", "Hamaz"
    and "Hamza", "Anderson" and "Andriessen"."""
    return a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= 0.65


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[‐-―−-]", "-", text)).lower()


def misnamed(question: str, sentences: tuple[str, ...]) -> str | None:
    """The name the question writes that the sentences give another person ("Ruth Nandakumar"
    against their "Priya Nandakumar"), else None. Only when they write the surname with another
    given name and never with this one, and write this given name, if at all, only before other
    surnames ("Carol Brennock" of a story naming Denise Brennock and her sister Carol Whitby, and
    "Carol" alone for her). A given name written only alone ("Paul" in "her husband, Paul") may
    well be the surname's, a name like another ("Lain Gray" for Iain Gray) is mistyped, and a
    common word ("Defence", "Will") is a name only when the sentences write it as one."""
    pairs, given, elsewhere = people(sentences)
    for first, last, written in _asked_people(question, given):
        if first == last or (first, last) in pairs:
            continue
        others = {g for g, surnames in given.items() if last in surnames}
        if not others or any(_alike(first, g) for g in others):
            continue
        if any(_alike(last, s) for s in given.get(first, ())):  # "Louis Anderson" for Louis Andriessen: mistyped
            continue
        alone = elsewhere.get(first, 0) + elsewhere.get(first + "s", 0) + elsewhere.get(first.removesuffix("s"), 0)
        if first not in given and (alone > 0 or zipf(first) >= _COMMON_ZIPF):
            continue
        # written in another run, or in the singular: "the Syrian Civil War", "French North American colonies"
        forms = {_flat(written), _flat(written).removesuffix("s")}
        if any(f in _flat(s) for s in sentences for f in forms):
            continue
        return f"{first} {last}"
    return None
