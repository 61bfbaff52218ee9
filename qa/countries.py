"""A country named another way than the question's: "Why is America blocking chips to China?" of
"US export controls continue to block access …", "What did the UK announce?" of "British
officials said …".

A name the text never writes is among the strongest signs that it cannot answer (the word
features, and `subject_unwritten` in qa/answer.py), and a country has many names that share no
word: "United States", "US", "U.S.", "America", "American". So a sentence writing a country in
any of its forms counts, for the word features, as writing the question's word for it (as a unit's
symbol does for its name, qa/units.py), and a question about "America" is about a country the
text names when it writes "US". The table is countryinfo's, written to models/countries.json by
scripts/build_countries.py. Initials count as written with or without dots ("US", "U.S."), only in
capitals ("us" is a pronoun); a name or an adjective in a text only as written, capitalised. A
question in Spanish names a country in Spanish ("Reino Unido", "EE. UU."), one in Chinese in
Chinese (英国, read through the dictionary's gloss, "United Kingdom").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).parent / "models" / "countries.json"


@lru_cache(maxsize=3)
def _table(language: str = "english") -> dict[str, tuple[str, ...]]:
    """Each country's forms: "United States" -> ("United States", "US", "USA", …, "American");
    in Spanish, ("Estados Unidos", "EE. UU.", …); its "peoples", ("American", "Americans")."""
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))[language]
    return {name: tuple(forms) for name, forms in table.items()}


def _is_initials(form: str) -> bool:
    return form.isupper() and form.isalpha() and len(form) <= 4


def _form_pattern(form: str) -> str:
    """A form as a pattern: initials with or without dots ("U.S.", "U.S"), a name as written."""
    if _is_initials(form):
        return r"\.?".join(map(re.escape, form)) + r"\.?"
    return re.escape(form).replace(r"\ ", r"\s+").replace("'", "['’]")  # "Côte d’Ivoire"


# a word before a form that makes it another place: "Latin America", "New Mexico", "Northern
# Ireland", "South Sudan" (a country of its own, matched whole when it is the one asked about)
_OTHER_PLACE = ("Latin", "South", "North", "Central", "East", "West", "Northern", "Southern", "Eastern", "Western",
                "New", "Papua", "Equatorial", "Native")
# where a form starts and ends: not inside a word; a hyphen may join it ("US-based", "Sino-American")
_START = r"(?<![\w’'.])" + "".join(rf"(?<!{w}\s)" for w in _OTHER_PLACE)
_END = r"(?!\w)"


def _alternation(forms) -> str:
    return "|".join(_form_pattern(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _asked() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern finding any country a question names (initials in capitals, a name or an
    adjective in any case: "what did america do"), and the country each form names."""
    country = {}
    for name, forms in _table().items():
        for f in forms:
            country.setdefault(_key(f), name)
    initials = [f for forms in _table().values() for f in forms if _is_initials(f)]
    words = [f for forms in _table().values() for f in forms if not _is_initials(f)]
    pattern = re.compile(rf"{_START}(?:{_alternation(initials)}|(?i:{_alternation(words)})){_END}")
    return pattern, country


def _key(form: str) -> str:
    """A form as the table is looked up: lower case, no dots, single spaces ("U.S." -> "us")."""
    return re.sub(r"\s+", " ", form.replace(".", "")).strip().lower()


@lru_cache(maxsize=512)
def written(country: str) -> re.Pattern:
    """Any form of ``country`` in a text, as a text writes it."""
    return re.compile(rf"{_START}(?:{_alternation(_table()[country])}){_END}")


def country_named(name: str, as_typed: bool = True) -> str | None:
    """The country a name is ("America", "the U.S.", "UK"; as typed, not "us"), or None."""
    name = re.sub(r"^(?i:the)\s+", "", name.strip())
    if as_typed and _asked()[0].fullmatch(name) is None:
        return None
    return _asked()[1].get(_key(name))


@lru_cache(maxsize=1)
def _forms_by_key() -> dict[str, str]:
    """Each one-word form that is not initials, as the table writes it, by its lower case."""
    return {f.lower(): f for forms in _table().values() for f in forms if " " not in f and not _is_initials(f)}


def country_form(word: str) -> str | None:
    """A country, people or adjective typed in lower case, as written ("japanese" -> "Japanese");
    None for any other word (and for initials: "us" is a pronoun)."""
    return _forms_by_key().get(word.lower())


@lru_cache(maxsize=1)
def _asked_in_spanish() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern finding any country a Spanish question names, capitalised, with or without
    its accents ("Japón", "Japon", "EE. UU."; English initials too, "UK"), and the country each is."""
    spanish = {f: name for name, forms in _table("spanish").items() for f in forms}
    initials = {f: name for name, forms in _table().items() for f in forms if _is_initials(f)}
    country = {_key(f): name for f, name in {**spanish, **initials}.items()}
    pattern = re.compile(rf"(?<![\w’'.])(?:{_alternation([*spanish, *initials])}){_END}")
    return pattern, country


def countries_asked_in(question: str) -> list[tuple[str, str]]:
    """(as written, the country) for each country a Spanish or Chinese question names, once:
    "¿Qué anunció el Reino Unido?" -> ("Reino Unido", "United Kingdom"), "美国限制了什么？" ->
    ("美国", "United States")."""
    from .crosslingual import has_cjk, translate_words  # the dictionary loads only for a Chinese question
    if has_cjk(question):  # a word glossed by a people ("American") is the country's thing: 美元, the dollar
        peoples = {f for forms in _table("peoples").values() for f in forms}
        found = [(piece, country_named(gloss, as_typed=False)) for piece, gloss in translate_words(question)
                 if gloss and piece != gloss and gloss not in peoples]
    else:
        pattern, country = _asked_in_spanish()
        found = [(m.group(0), country.get(_key(m.group(0)))) for m in pattern.finditer(question)]
    seen: dict[str, str] = {}
    for typed, name in found:
        if name is not None and name not in seen.values():
            seen[typed] = name
    return list(seen.items())


def country_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(the question's word for a country, a pattern of the country's forms in a sentence) for
    each country the question names: "Why is America …?" -> ("America", /United States|US|…/)."""
    pattern, country = _asked()
    out = []
    for m in pattern.finditer(question):
        name = country.get(_key(m.group(0)))
        if name is not None:
            out.append((m.group(0), written(name)))
    return out
